"""Benchmark: the analysis floor's network extracts on existing stores, every row.

Times each extract's catalogue query (``network-*``, default parameters) and, where the
embedded store builds the extract from its statements instead, that form too, and checks
that both give the same rows in the same order (as many times each, for a query without
``ORDER BY``). Each form: a warm-up, then the median of ``--repeats`` runs, wall time and
CPU time (this process's user and system).

Given two stores (a small and a large one), each run of a form goes to both in turn
(small, large, small, large...), and the growth is the median of the pairs' CPU ratios:
a pair shares the machine's load of the moment, so the ratio stays meaningful on a busy
machine.

Run:  python -m bench.network_extracts --store DIR [--store LARGER] [--repeats 3] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from functools import partial
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


def timed(action: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall and CPU seconds of one run, and its answer."""
    started, used = time.perf_counter(), cpu_seconds()
    answer = action()
    return time.perf_counter() - started, cpu_seconds() - used, answer


def same_rows(name: str, one: list, other: list) -> bool:
    """The same rows in the same order (as multisets for a query without ``ORDER BY``)."""
    if "ORDER BY" in get_query(name).text:
        return one == other
    return sorted(map(str, one)) == sorted(map(str, other))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, action="append", required=True)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--only", help="comma-separated extract names")
    parser.add_argument("--no-query", action="store_true", help="time the statement forms only")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    chosen = set(args.only.split(",")) if args.only else None
    forms = statement_forms()
    report: dict[str, Any] = {
        **provenance(),
        "stores": [Path(store).name for store in args.store],  # no path of the machine
        "repeats": args.repeats,
        "cases": [],
    }
    report["load_average_before"] = load_average()
    print(f"load average {load_average()}")
    print(f"{'extract':<36} {'form':<11} {'store':<6} {'wall s':>8} {'cpu s':>8}  rows")
    with ExitStack() as stack:
        stores = [
            stack.enter_context(KnowledgeGraph.open(path, read_only=True)) for path in args.store
        ]
        for name, params in NETWORK_CASES:
            if chosen is not None and name not in chosen:
                continue
            actions: dict[str, Callable[[Any], Any]] = {}
            if not args.no_query:
                actions["query"] = lambda kg, name=name, params=params: (
                    run_query(kg, name, params).rows
                )
            if name in forms:
                actions["statements"] = lambda kg, name=name: forms[name](kg).rows
            answers: dict[tuple[str, int], Any] = {}
            for form, action in actions.items():
                walls: list[list[float]] = [[] for _ in stores]
                cpus: list[list[float]] = [[] for _ in stores]
                for at, kg in enumerate(stores):  # warm-up
                    answers[form, at] = action(kg)
                for _ in range(args.repeats):
                    for at, kg in enumerate(stores):
                        wall, cpu, answers[form, at] = timed(partial(action, kg))
                        walls[at].append(wall)
                        cpus[at].append(cpu)
                case: dict[str, Any] = {"extract": name, "form": form, "stores": []}
                for at, path in enumerate(args.store):
                    wall, cpu = statistics.median(walls[at]), statistics.median(cpus[at])
                    rows = len(answers[form, at])
                    print(f"{name:<36} {form:<11} {at:<6} {wall:>8.3f} {cpu:>8.3f}  {rows}")
                    case["stores"].append(
                        {"store": Path(path).name, "wall_s": wall, "cpu_s": cpu, "rows": rows,
                         "cpu_runs": cpus[at], "wall_runs": walls[at]}
                    )  # fmt: skip
                if len(stores) == 2:
                    # a run too short for the clock (0 s of CPU on either store) has no ratio
                    pairs = zip(*cpus, strict=True)
                    ratios = [large / small for small, large in pairs if small and large]
                    growth = case["cpu_growth"] = statistics.median(ratios) if ratios else None
                    shown = "not measurable" if growth is None else f"{growth:.2f}x"
                    print(f"{'':<36} {form:<11} growth (median of pairs) {shown}")
                case["load_average"] = load_average()
                report["cases"].append(case)
            if len(actions) == 2:
                same = all(
                    same_rows(name, answers["query", at], answers["statements", at])
                    for at in range(len(stores))
                )
                print(f"{'':<36} same rows: {same}")
                report["cases"][-1]["same_rows"] = same
    report["load_average_after"] = load_average()
    print(f"load average {load_average()}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0 if all(case.get("same_rows", True) for case in report["cases"]) else 1


if __name__ == "__main__":
    sys.exit(main())
