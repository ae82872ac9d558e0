"""Ways to see the graph: interactive network pages and reports."""
