"""Benchmark: the catalogue queries as committed at another revision, beside the current ones.

Runs each first-page case of ``bench/queries_bench.py`` on the same embedded store with the
query text of ``--base`` (a git revision, ``main`` unless given) and with the current text,
alternating the two (median of ``--repeats`` after a warm-up each), and checks that both
give the same rows. Meant for a rewrite of a query's text (the Virtuoso forms of
docs/engines.md): it shows what the rewrite costs on the embedded store.

Run:  python -m bench.query_forms [--triples 100k] [--data DIR] [--base main] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from bench.generator import prepare
from bench.queries_bench import CASES
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=parse_scale, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--base", default="main", help="git revision of the other query texts")
    parser.add_argument("--data", type=Path, help="keep the data in DATA/<scale> and reuse it")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()
    report: dict[str, Any] = {**provenance(), "base": args.base, "cases": []}
    with tempfile.TemporaryDirectory(prefix="edukg-forms-") as temporary:
        folder = (args.data or Path(temporary)) / scale_label(args.triples)
        data = prepare(folder, triples=args.triples, seed=args.seed)
        report["triples"] = data.triples
        print(f"{data.triples:,} triples; base {args.base}\n")
        print(f"{'query':<30} {'parameters':<36} {'base s':>8} {'now s':>8}  rows")
        with KnowledgeGraph.open(data.store, read_only=True) as kg:
            for name, params in CASES:
                if params.get("limit") == "0":
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
                answers = {key: action() for key, action in runs.items()}  # warm-up
                for _ in range(args.repeats):
                    for key, action in runs.items():
                        started = time.perf_counter()
                        answers[key] = action()
                        times[key].append(time.perf_counter() - started)
                same = answers["base"].rows == answers["now"].rows
                base_s, now_s = (statistics.median(times[k]) for k in ("base", "now"))
                shown = " ".join(f"{k}={v}" for k, v in params.items()) or "-"
                print(
                    f"{name:<30} {shown:<36} {base_s:>8.3f} {now_s:>8.3f}  "
                    f"{len(answers['now'].rows)}{'' if same else '  DIFFERENT ROWS'}"
                )
                report["cases"].append(
                    {
                        "query": name,
                        "params": params,
                        "base_s": base_s,
                        "now_s": now_s,
                        "rows": len(answers["now"].rows),
                        "same_rows": same,
                    }
                )
    if args.json:
        args.json.write_text(
            json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 0 if all(case["same_rows"] for case in report["cases"]) else 1


if __name__ == "__main__":
    sys.exit(main())
