"""Benchmark: the catalogue queries as committed at another revision, beside the current ones.

Runs each first-page case of ``bench/queries_bench.py`` on the same embedded store with the
query text of ``--base`` (a git revision, ``main`` unless given) and with the current text,
alternating the two (median of ``--repeats`` after a warm-up each), and checks that both
give the same rows. Meant for a rewrite of a query's text (the Virtuoso forms of
docs/engines.md): it shows what the rewrite costs on the embedded store.

Run:  python -m bench.query_forms [--triples 100k] [--data DIR] [--base main] [--json out.json]
      python -m bench.query_forms --store DIR --only NAME,... [--networks]

``--store`` times an existing store (opened read-only) instead of generated data; ``--networks``
adds the analysis floor's network extracts (whole, with their default parameters). Each
case reports the median wall time and the median CPU time (this process's user and system:
on a busy machine the wall time also counts waiting for a core).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from bench.generator import prepare
from bench.queries_bench import CASES, load_average
from bench.run import ROOT, parse_scale, provenance, scale_label
from edukg.graph.store import KnowledgeGraph
from edukg.queries.catalogue import get_query, parse_query_file
from edukg.queries.runner import run_query


def text_at(revision: str, name: str) -> str | None:
    """The text of ``queries/NAME.rq`` at ``revision``, or ``None`` where it differs not."""
    done = subprocess.run(
        ["git", "show", f"{revision}:queries/{name}.rq"], cwd=ROOT, capture_output=True, text=True
    )
    return done.stdout if done.returncode == 0 else None


NETWORK_CASES = [
    ("network-delegation-visits", {}),
    ("network-agreements-without-events", {}),
    ("network-institution-event", {}),
]
"""The analysis floor's extracts whose query text a rewrite may change (all rows each)."""


def cpu_seconds() -> float:
    """User and system CPU time of this process so far."""
    times = os.times()
    return times.user + times.system


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=parse_scale, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--base", default="main", help="git revision of the other query texts")
    parser.add_argument("--data", type=Path, help="keep the data in DATA/<scale> and reuse it")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--store", type=Path, help="time this store instead of generated data")
    parser.add_argument("--only", help="comma-separated query names: time only their cases")
    parser.add_argument(
        "--networks", action="store_true", help="also time the network extracts (every row)"
    )
    args = parser.parse_args()
    report: dict[str, Any] = {**provenance(), "base": args.base, "cases": []}
    chosen = set(args.only.split(",")) if args.only else None
    cases = CASES + (NETWORK_CASES if args.networks else [])
    with tempfile.TemporaryDirectory(prefix="edukg-forms-") as temporary:
        if args.store:
            store = args.store
            print(f"store {store}; base {args.base}; load average {load_average()}\n")
        else:
            folder = (args.data or Path(temporary)) / scale_label(args.triples)
            data = prepare(folder, triples=args.triples, seed=args.seed)
            store = data.store
            report["triples"] = data.triples
            print(f"{data.triples:,} triples; base {args.base}; load average {load_average()}\n")
        report["load_average_before"] = load_average()
        header = f"{'base s':>8} {'now s':>8} {'base cpu':>8} {'now cpu':>8}"
        print(f"{'query':<34} {'parameters':<36} {header}  rows")
        with KnowledgeGraph.open(store, read_only=True) as kg:
            for name, params in cases:
                if params.get("limit") == "0" or (chosen is not None and name not in chosen):
                    continue
                old_text = text_at(args.base, name)
                current = get_query(name)
                if old_text is None or old_text == current.text:
                    continue
                old = parse_query_file(name, old_text)
                runs = {
                    "base": partial(run_query, kg, old, params),
                    "now": partial(run_query, kg, current, params),
                }
                times: dict[str, list[float]] = {"base": [], "now": []}
                cpu: dict[str, list[float]] = {"base": [], "now": []}
                answers = {key: action() for key, action in runs.items()}  # warm-up
                for _ in range(args.repeats):
                    for key, action in runs.items():
                        started, used = time.perf_counter(), cpu_seconds()
                        answers[key] = action()
                        times[key].append(time.perf_counter() - started)
                        cpu[key].append(cpu_seconds() - used)
                same = answers["base"].rows == answers["now"].rows
                base_s, now_s = (statistics.median(times[k]) for k in ("base", "now"))
                base_cpu, now_cpu = (statistics.median(cpu[k]) for k in ("base", "now"))
                shown = " ".join(f"{k}={v}" for k, v in params.items()) or "-"
                print(
                    f"{name:<34} {shown:<36} {base_s:>8.3f} {now_s:>8.3f} "
                    f"{base_cpu:>8.3f} {now_cpu:>8.3f}  "
                    f"{len(answers['now'].rows)}{'' if same else '  DIFFERENT ROWS'}"
                )
                report["cases"].append(
                    {
                        "query": name,
                        "params": params,
                        "base_s": base_s,
                        "now_s": now_s,
                        "base_cpu_s": base_cpu,
                        "now_cpu_s": now_cpu,
                        "rows": len(answers["now"].rows),
                        "same_rows": same,
                    }
                )
    report["load_average_after"] = load_average()
    print(f"load average {load_average()}")
    if args.json:
        args.json.write_text(
            json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 0 if all(case["same_rows"] for case in report["cases"]) else 1


if __name__ == "__main__":
    sys.exit(main())
