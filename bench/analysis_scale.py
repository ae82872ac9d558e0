"""Benchmark (not a test): communities and degree measures on 100,000 institutions, 1M edges.

Target: communities plus degree and weighted degree within 60 s on one core.
Builds a synthetic partnership network with planted groups (default 2,000
groups of 50; 90% of edges inside a group), then times, separately:
degree measures, Louvain (networkx) and, when igraph and leidenalg are
installed, Leiden, each through edukg.analysis. Prints one line per step and
the adjusted Rand index against the planted groups.

    .venv/bin/python -m bench.analysis_scale [--nodes 100000] [--edges 1000000] [--skip-louvain]
"""

from __future__ import annotations

import argparse
import random
import resource
import time

import networkx as nx

from edukg.analysis.centrality import compute_centrality
from edukg.analysis.communities import adjusted_rand_index, detect_communities

TARGET_SECONDS = 60.0


def synthetic_network(
    nodes: int, edges: int, *, group_size: int, inside: float, seed: int
) -> tuple[nx.Graph, list[int]]:
    """A partnership-like network with planted groups; weights 1-3."""
    rng = random.Random(seed)
    groups = [node // group_size for node in range(nodes)]
    graph = nx.Graph()
    graph.add_nodes_from(range(nodes))
    count = 0
    while count < edges:
        a = rng.randrange(nodes)
        if rng.random() < inside:
            start = groups[a] * group_size
            b = rng.randrange(start, min(start + group_size, nodes))
        else:
            b = rng.randrange(nodes)
        if a != b and not graph.has_edge(a, b):
            graph.add_edge(a, b, weight=rng.choice((1, 1, 1, 2, 3)))
            count += 1
    return graph, groups


def timed(label: str, step):
    started = time.perf_counter()
    value = step()
    seconds = time.perf_counter() - started
    print(f"{label}: {seconds:.1f} s", flush=True)
    return value, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--group-size", type=int, default=50)
    parser.add_argument("--inside", type=float, default=0.9)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-louvain", action="store_true")
    parser.add_argument(
        "--betweenness-samples",
        type=int,
        default=0,
        metavar="K",
        help="also time betweenness sampled from K source nodes (not part of the target)",
    )
    options = parser.parse_args()

    (graph, truth), _ = timed(
        f"build synthetic network ({options.nodes:,} nodes, {options.edges:,} edges)",
        lambda: synthetic_network(
            options.nodes,
            options.edges,
            group_size=options.group_size,
            inside=options.inside,
            seed=options.seed,
        ),
    )
    _, degree_seconds = timed(
        "degree and weighted degree",
        lambda: compute_centrality(graph, betweenness=False),
    )
    runs = [] if options.skip_louvain else ["louvain"]
    try:
        import igraph  # noqa: F401
        import leidenalg  # noqa: F401

        runs.append("leiden")
    except ImportError:
        print("leiden: skipped (pip install 'edukg[leiden]')")
    for algorithm in runs:
        found, seconds = timed(
            f"{algorithm} communities",
            lambda algorithm=algorithm: detect_communities(
                graph, algorithm=algorithm, seed=options.seed
            ),
        )
        ari = adjusted_rand_index(truth, [found.membership[node] for node in range(options.nodes)])
        total = seconds + degree_seconds
        verdict = "within" if total <= TARGET_SECONDS else "OVER"
        print(
            f"  {algorithm}: {len(found.clusters):,} clusters, modularity {found.modularity:.3f}, "
            f"ARI vs planted {ari:.3f}; with degree measures {total:.1f} s, {verdict} the "
            f"{TARGET_SECONDS:.0f} s target"
        )
    if options.betweenness_samples:
        timed(
            f"betweenness sampled from {options.betweenness_samples} nodes",
            lambda: compute_centrality(
                graph,
                exact_limit=0,
                samples=options.betweenness_samples,
                budget=None,  # exactly K, whatever the network's size
                seed=options.seed,
            ),
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
