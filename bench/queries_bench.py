"""Benchmark: the catalogue queries with the parameters users give, on ~1M seeded triples.

Takes its data from ``bench/generator.py`` (the register loaded into an on-disk store;
generated in a temporary folder, or kept in ``--data DIR/<scale>`` and reused), and times
each case below (median of repeats). ``bench/run.py`` times every catalogue query once
with its defaults next to plain rdflib, and the ``FILTER NOT EXISTS`` regression guard
(``python -m bench.run --steps guard-``); this script times the filtered questions.

Run:  python -m bench.queries_bench [--triples 1M] [--repeats 5] [--data DIR] [--json out.json]

Target: under 1 s median for every catalogue query at 1M triples. A benchmark,
not a test: it prints numbers and exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.generator import prepare
from bench.run import parse_scale, provenance, scale_label
from edukg.graph.store import KnowledgeGraph
from edukg.queries.catalogue import load_catalogue
from edukg.queries.runner import run_query

# Identifiers and labels as bench/generator.py writes them.
CASES = [
    ("agreements", {}),
    ("agreements", {"year": "2024", "country": "RU"}),
    ("agreements", {"active_on": "2025-01-01", "region": "Регион 3"}),
    ("partner-countries", {}),
    ("partner-countries", {"country": "BY", "year": "2024"}),
    ("partners", {"institution": "inst-42"}),
    ("institutions-without-partners", {}),
    ("expiring-agreements", {"on": "2025-06-01", "within_days": "365"}),
    ("events", {}),
    ("events", {"year": "2024", "type": "seminar"}),
    ("events-by-type", {}),
    ("cooperation-by-year", {}),
    ("dormant-agreements", {"on": "2025-06-01"}),
    # every row of a listing instead of its first page: reported, not held to the target
    ("agreements", {"limit": "0"}),
    ("events", {"limit": "0"}),
    ("expiring-agreements", {"on": "2025-06-01", "within_days": "365", "limit": "0"}),
    ("dormant-agreements", {"on": "2025-06-01", "limit": "0"}),
]


def median_seconds(action, repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--triples", type=parse_scale, default=1_000_000, help="about how many triples (1M, 100k)"
    )
    parser.add_argument("--repeats", type=int, default=5, help="runs per query; the median counts")
    parser.add_argument(
        "--target", type=float, default=1.0, help="seconds a catalogue query may take (median)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, help="keep the data in DATA/<scale> and reuse it")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()
    # The analysis floor's queries (network-*, clusters, brokers) are timed by bench/run.py.
    questions = {n for n in load_catalogue() if not n.startswith("network-")} - {
        "clusters",
        "brokers",
    }
    assert questions <= {name for name, _ in CASES}, "every catalogue query needs a bench case"

    with tempfile.TemporaryDirectory(prefix="edukg-bench-") as temporary:
        folder = (args.data or Path(temporary)) / scale_label(args.triples)
        data = prepare(folder, triples=args.triples, seed=args.seed)
        print(
            f"seeded data: {data.triples:,} triples in {data.folder}"
            + (
                " (reused)"
                if data.reused
                else f", generated and stored in {data.generate_seconds} s"
            )
        )
        report: dict[str, object] = {**provenance(), "triples": data.triples, "queries": []}
        missed = []
        with KnowledgeGraph.open(data.store, read_only=True) as kg:
            print(f"\n{'query':<32} {'parameters':<36} {'median s':>9} {'rows':>7}")
            for name, case in CASES:
                params = {key: value for key, value in case.items() if key != "limit"}
                limit = int(case["limit"]) if "limit" in case else None
                run_query(kg, name, params, limit=limit)  # warm the caches once
                seconds, result = median_seconds(
                    lambda n=name, p=params, cap=limit: run_query(kg, n, p, limit=cap), args.repeats
                )
                rows = len(result.rows)  # type: ignore[attr-defined]
                shown = " ".join(f"{k}={v}" for k, v in case.items()) or "-"
                held = limit != 0  # a whole listing is an export, not held to the target
                flag = "" if seconds < args.target or not held else "  <- over target"
                print(f"{name:<32} {shown:<36} {seconds:>9.3f} {rows:>7}{flag}")
                report["queries"].append(
                    {"query": name, "params": case, "median_s": seconds, "rows": rows}
                )  # type: ignore[union-attr]
                if seconds >= args.target and held:
                    missed.append(name)
    if args.json:
        args.json.write_text(
            json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    if missed:
        print(f"\nover the {args.target:g} s target: {', '.join(missed)}")
        return 1
    print(f"\nevery catalogue query under {args.target:g} s median")
    return 0


if __name__ == "__main__":
    sys.exit(main())
