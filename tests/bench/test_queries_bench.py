"""The queries benchmark runs every case, first pages and whole listings, at a tiny scale."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_queries_benchmark_runs_every_case_at_a_tiny_scale(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.queries_bench",
            "--triples",
            "2000",
            "--repeats",
            "1",
            # what is checked here is that every case runs: the 1 s target belongs to the
            # benchmark's own runs, and a busy machine took whole processes past it
            "--target",
            "600",
            "--data",
            str(tmp_path),
            "--json",
            str(tmp_path / "out.json"),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    report = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert report["commit"] and report["versions"]["pyoxigraph"] and report["versions"]["rdflib"]
    whole = [case for case in report["queries"] if case["params"].get("limit") == "0"]
    assert {case["query"] for case in whole} == {
        "agreements",
        "events",
        "expiring-agreements",
        "dormant-agreements",
    }
    first_page = next(case for case in report["queries"] if case["query"] == "agreements")
    every_row = next(case for case in whole if case["query"] == "agreements")
    assert every_row["rows"] > 0
    assert first_page["rows"] == min(100, every_row["rows"])
