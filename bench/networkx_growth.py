"""How networkx's own graph building grows: the floor under the institution network's growth.

    python -m bench.networkx_growth                      # 25,209 and 126,051 nodes, 3 runs each
    python -m bench.networkx_growth --nodes 1000 --nodes 5000 --repeats 1

Each run is a fresh process that adds ``n`` nodes (IRIs with a label and a country,
as the institution network's) and ``2n`` random edges with two attributes to a
``networkx.Graph``, with the cycle collector paused as the network code does, and
reports the CPU seconds of those two calls alone. Prints each size's median and the
growth from the first size to the last, next to the growth of the node count.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

SIZES = (25_209, 126_051)
"""The institution network's nodes at 1M and at 5M triples (bench/results)."""


def build_seconds(nodes: int, seed: int = 1) -> float:
    """CPU seconds networkx takes to add ``nodes`` nodes and twice as many edges.

    >>> build_seconds(100) >= 0
    True
    """
    import gc
    import resource

    import networkx as nx

    rng = random.Random(seed)
    names = [f"https://w3id.org/edukg/id/institution/{i:08d}" for i in range(nodes)]
    node_rows = [(name, {"label": f"Institution {i}", "country": "BY"}) for i, name in
                 enumerate(names)]  # fmt: skip
    edge_rows = [
        (names[rng.randrange(nodes)], names[rng.randrange(nodes)], {"weight": 1, "agreements": 1})
        for _ in range(2 * nodes)
    ]
    gc.disable()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    start = usage.ru_utime + usage.ru_stime
    graph = nx.Graph()
    graph.add_nodes_from(node_rows)
    graph.add_edges_from(edge_rows)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    gc.enable()
    return usage.ru_utime + usage.ru_stime - start


def measure(sizes: list[int], repeats: int) -> dict[str, Any]:
    """Median CPU seconds per size (each run its own process) and the growth between the ends."""
    medians = {}
    for nodes in sizes:
        runs = [
            float(subprocess.run(
                [sys.executable, "-c",
                 f"from bench.networkx_growth import build_seconds; print(build_seconds({nodes}))"],
                capture_output=True, text=True, check=True, cwd=Path(__file__).parents[1],
            ).stdout)
            for _ in range(repeats)
        ]  # fmt: skip
        medians[nodes] = statistics.median(runs)
    first, last = sizes[0], sizes[-1]
    growth = medians[last] / medians[first] if medians[first] > 0 else None
    return {
        "cpu_s_median": {str(n): round(s, 3) for n, s in medians.items()},
        "node_growth": round(last / first, 2),
        "cpu_growth": round(growth, 2) if growth is not None else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, action="append", help="a size (give two or more)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    sizes = args.nodes or list(SIZES)
    if len(sizes) < 2:
        parser.error("give at least two --nodes sizes")
    result = measure(sizes, args.repeats)
    for nodes, seconds in result["cpu_s_median"].items():
        print(f"{nodes} nodes: {seconds} s of CPU (median of {args.repeats})")
    growth = result["cpu_growth"]
    print(f"growth: {growth if growth is not None else 'not measurable'}x CPU "
          f"for {result['node_growth']}x the nodes and edges")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
