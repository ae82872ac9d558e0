"""Network analysis of partnerships: clusters, brokers, trends (networkx)."""
