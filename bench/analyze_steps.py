"""Benchmark (not a test): ``edukg analyze``'s steps one by one, on a store that it writes into.

Times the network build, the igraph copy, Louvain, the brokers' participation
and bridges, betweenness, brokers and writing the results (wall and CPU seconds
each, threads included, and the child process that works betweenness out beside
the two steps before it: "betweenness" is the wait for it, and its CPU, counted
once the child is waited for), with the peak resident size, as one JSON document
on standard output. Run it on a copy of a benchmark store: it replaces the
store's institution results.

    .venv/bin/python -m bench.analyze_steps STORE [--details] [--names]

Without options the network is built as ``edukg analyze`` builds it (no link
details, no names); ``--names`` reads the nodes' names too (``analyze -o``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def _cpu() -> float:
    """CPU seconds of this process and of its children waited for (betweenness runs in one)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _timed(steps: dict[str, dict[str, float]], name: str, work: Callable[[], T]) -> T:
    wall, cpu = time.perf_counter(), _cpu()
    result = work()
    steps[name] = {"wall_s": round(time.perf_counter() - wall, 2), "cpu_s": round(_cpu() - cpu, 2)}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--details", action="store_true", help="build the detailed network")
    parser.add_argument("--names", action="store_true", help="read the nodes' names too")
    args = parser.parse_args()

    from edukg.analysis.brokers import broker_scores, find_brokers
    from edukg.analysis.centrality import centrality_aside
    from edukg.analysis.communities import detect_communities
    from edukg.analysis.derived import RESULTS_LOADER, collector_paused
    from edukg.analysis.igraph_view import igraph_view
    from edukg.analysis.networks import (
        Window,
        partnership_network,
    )
    from edukg.analysis.results import write_results
    from edukg.analysis.run import Analysis
    from edukg.graph.store import KnowledgeGraph

    steps: dict[str, dict[str, float]] = {}
    wall, cpu = time.perf_counter(), _cpu()
    with KnowledgeGraph.open(args.store) as kg, collector_paused():
        started = dt.datetime.now(dt.UTC)
        network = _timed(
            steps,
            "network",
            lambda: partnership_network(kg, details=args.details, names=args.names),
        )
        view = _timed(steps, "igraph copy", lambda: igraph_view(network, as_built=True))
        with centrality_aside(network, seed=0, view=view) as finish:  # as analyze does
            communities = _timed(
                steps, "louvain", lambda: detect_communities(network, seed=0, view=view)
            )
            scores = _timed(
                steps,
                "broker scores",
                lambda: broker_scores(network, communities.membership, view=view),
            )
            centrality = _timed(steps, "betweenness", finish)
        brokers = _timed(
            steps,
            "brokers",
            lambda: find_brokers(
                network, communities.membership, top=None, view=view, scores=scores
            ),
        )
        analysis = Analysis(
            level="institution",
            window=Window(),
            network=network,
            communities=communities,
            centrality=centrality,
            brokers=brokers,
            events=True,
            started=started,
            ended=dt.datetime.now(dt.UTC),
            sources=[info.name for info in kg.sources() if info.loader != RESULTS_LOADER],
        )
        change: Any = _timed(steps, "write results", lambda: write_results(kg, analysis))
    document = {
        "nodes": network.number_of_nodes(),
        "links": network.number_of_edges(),
        "result_statements": change.total,
        "steps": steps,
        "total": {
            "wall_s": round(time.perf_counter() - wall, 2),
            "cpu_s": round(_cpu() - cpu, 2),
        },
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(json.dumps(document, indent=2))


if __name__ == "__main__":
    main()
