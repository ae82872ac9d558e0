"""Benchmark: the analysis floor's network extracts on an existing store, every row.

Times each extract's catalogue query (``network-*``, default parameters) and, where the
embedded store builds the extract from its statements instead, that form too, and checks
that both give the same rows in the same order (as many times each, for a query without
``ORDER BY``). Each form: a warm-up, then the median of
``--repeats`` runs, wall time and CPU time (this process's user and system).

Run:  python -m bench.network_extracts --store DIR [--repeats 3] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.queries_bench import load_average
from bench.query_forms import NETWORK_CASES, cpu_seconds
from bench.run import provenance
from edukg.graph.store import KnowledgeGraph
from edukg.queries.catalogue import get_query
from edukg.queries.runner import run_query


def statement_forms() -> dict[str, Callable[[Any], Any]]:
    """Extract name to its form from the statements (only those that have one)."""
    try:
        from edukg.analysis.statement_extracts import STATEMENT_EXTRACTS
    except ImportError:
        return {}
    return dict(STATEMENT_EXTRACTS)


def timed(action: Callable[[], Any], repeats: int) -> tuple[float, float, Any]:
    """Median wall and CPU seconds of ``repeats`` runs after a warm-up, and the last answer."""
    answer = action()
    walls, cpus = [], []
    for _ in range(repeats):
        started, used = time.perf_counter(), cpu_seconds()
        answer = action()
        walls.append(time.perf_counter() - started)
        cpus.append(cpu_seconds() - used)
    return statistics.median(walls), statistics.median(cpus), answer


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--only", help="comma-separated extract names")
    parser.add_argument("--no-query", action="store_true", help="time the statement forms only")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    chosen = set(args.only.split(",")) if args.only else None
    forms = statement_forms()
    report: dict[str, Any] = {**provenance(), "store": str(args.store), "cases": []}
    report["load_average_before"] = load_average()
    print(f"load average {load_average()}")
    print(f"{'extract':<36} {'form':<11} {'wall s':>8} {'cpu s':>8}  rows")
    with KnowledgeGraph.open(args.store, read_only=True) as kg:
        for name, params in NETWORK_CASES:
            if chosen is not None and name not in chosen:
                continue
            actions: dict[str, Callable[[], Any]] = {}
            if not args.no_query:
                actions["query"] = lambda name=name, params=params: run_query(kg, name, params).rows
            if name in forms:
                actions["statements"] = lambda name=name: forms[name](kg).rows
            answers = {}
            for form, action in actions.items():
                wall, cpu, answers[form] = timed(action, args.repeats)
                print(f"{name:<36} {form:<11} {wall:>8.3f} {cpu:>8.3f}  {len(answers[form])}")
                report["cases"].append(
                    {
                        "extract": name,
                        "form": form,
                        "wall_s": wall,
                        "cpu_s": cpu,
                        "rows": len(answers[form]),
                        "load_average": load_average(),
                    }
                )
            if len(answers) == 2:
                same = answers["query"] == answers["statements"]
                if "ORDER BY" not in get_query(name).text:  # the engine's order: as multisets
                    same = sorted(map(str, answers["query"])) == sorted(
                        map(str, answers["statements"])
                    )
                print(f"{'':<36} same rows: {same}")
                report["cases"][-1]["same_rows"] = same
    report["load_average_after"] = load_average()
    print(f"load average {load_average()}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
