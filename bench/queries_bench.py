"""Benchmark: the catalogue queries with the parameters users give, on ~1M seeded triples.

Takes its data from ``bench/generator.py`` (the register loaded into an on-disk store;
generated in a temporary folder, or kept in ``--data DIR/<scale>`` and reused), and times
each case below (median of repeats). ``bench/run.py`` times every catalogue query once
with its defaults next to plain rdflib, and the ``FILTER NOT EXISTS`` regression guard
(``python -m bench.run --steps guard-``); this script times the filtered questions.

Run:  python -m bench.queries_bench [--triples 1M] [--repeats 5] [--data DIR] [--json out.json]
      python -m bench.queries_bench --store DIR   # any store, e.g. of another --profile

Each case is timed twice: the query alone, in this process on the open store, and (except
whole listings, an export rather than a question) as users call it, ``edukg --store DIR
query NAME -p ...`` in a child process of its own with its default output (the table), so
Python's start, the imports and opening the store count.
The child gets a bytecode cache outside the tree (``PYTHONPYCACHEPREFIX``), as an installed
edukg has one: with ``PYTHONDONTWRITEBYTECODE`` set, every run would compile edukg again.

Target (issue 16): at most 1 s median for every catalogue question as users call it (the
whole process) at 5M triples. A benchmark, not a test: it prints numbers and exits 1 when a
target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
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


def process_seconds(store: Path, name: str, case: dict[str, str], cache: Path) -> float:
    """Wall time of ``edukg --store STORE query NAME -p k=v ...`` in a child process.

    Its CPU time (user and system, the child and any process it waited for) is added
    to :data:`CPU_SECONDS`: on a busy machine the wall time also counts waiting for a core.
    """
    command = [sys.executable, "-m", "edukg", "--store", str(store), "query", name]
    for key, value in case.items():
        command += ["--limit", value] if key == "limit" else ["-p", f"{key}={value}"]
    environment = {
        key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"
    }
    environment.update(PYTHONPYCACHEPREFIX=str(cache), PYTHONIOENCODING="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=environment, check=False)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_SECONDS.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr.decode()[-2000:]}")
    return seconds


CPU_SECONDS: list[float] = []
"""CPU time of each child process timed by :func:`process_seconds`."""


def load_average() -> str:
    """The machine's 1, 5 and 15 minute load averages, as uptime says them."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


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
    parser.add_argument(
        "--store", type=Path, help="time the queries on this store instead of generated data"
    )
    parser.add_argument(
        "--in-process-only", action="store_true", help="skip the whole-process timing"
    )
    parser.add_argument(
        "--only", help="comma-separated query names: time only their cases (e.g. agreements)"
    )
    parser.add_argument("--no-listings", action="store_true", help="skip the whole listings")
    args = parser.parse_args()
    # The analysis floor's queries (network-*, clusters, brokers) are timed by bench/run.py.
    questions = {n for n in load_catalogue() if not n.startswith("network-")} - {
        "clusters",
        "brokers",
    }
    assert questions <= {name for name, _ in CASES}, "every catalogue query needs a bench case"

    with tempfile.TemporaryDirectory(prefix="edukg-bench-") as temporary:
        if args.store:
            store, triples = args.store, None
            print(f"store: {store}")
        else:
            folder = (args.data or Path(temporary)) / scale_label(args.triples)
            data = prepare(folder, triples=args.triples, seed=args.seed)
            store, triples = data.store, data.triples
            print(
                f"seeded data: {data.triples:,} triples in {data.folder}"
                + (
                    " (reused)"
                    if data.reused
                    else f", generated and stored in {data.generate_seconds} s"
                )
            )
        cache = Path(temporary) / "pycache"
        report: dict[str, object] = {
            **provenance(),
            "triples": triples,
            "load_average_before": load_average(),
            "queries": [],
        }
        missed = []
        print(f"load average: {load_average()}")
        header = f"{'query s':>8} {'process s':>9} {'cpu s':>6}"
        print(f"\n{'query':<32} {'parameters':<36} {header} {'rows':>7}")
        chosen = set(args.only.split(",")) if args.only else None
        for name, case in CASES:
            if chosen is not None and name not in chosen:
                continue
            if args.no_listings and case.get("limit") == "0":
                continue
            params = {key: value for key, value in case.items() if key != "limit"}
            limit = int(case["limit"]) if "limit" in case else None
            with KnowledgeGraph.open(store, read_only=True) as kg:
                run_query(kg, name, params, limit=limit)  # warm the caches once
                seconds, result = median_seconds(
                    lambda n=name, p=params, cap=limit: run_query(kg, n, p, limit=cap),
                    args.repeats,
                )
            whole = whole_cpu = None
            held = limit != 0  # a whole listing is an export, not held to the target
            if held and not args.in_process_only:
                process_seconds(store, name, case, cache)  # warm: the bytecode cache too
                CPU_SECONDS.clear()
                whole, _ = median_seconds(
                    lambda n=name, c=case: process_seconds(store, n, c, cache), args.repeats
                )
                whole_cpu = statistics.median(CPU_SECONDS)
            rows = len(result.rows)  # type: ignore[attr-defined]
            shown = " ".join(f"{k}={v}" for k, v in case.items()) or "-"
            counted = whole if whole is not None else seconds
            flag = "" if counted <= args.target or not held else "  <- over target"
            shown_whole = f"{whole:>9.3f}" if whole is not None else f"{'-':>9}"
            shown_cpu = f"{whole_cpu:>6.2f}" if whole_cpu is not None else f"{'-':>6}"
            timings = f"{seconds:>8.3f} {shown_whole} {shown_cpu}"
            print(f"{name:<32} {shown:<36} {timings} {rows:>7}{flag}")
            report["queries"].append(  # type: ignore[union-attr]
                {
                    "query": name,
                    "params": case,
                    "median_s": seconds,
                    "process_median_s": whole,
                    "process_cpu_median_s": whole_cpu,
                    "rows": rows,
                }
            )
            if counted > args.target and held:
                missed.append(name)
        report["load_average_after"] = load_average()
        print(f"load average: {load_average()}")
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
