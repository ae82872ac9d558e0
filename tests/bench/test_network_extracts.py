"""The network-extracts benchmark times both forms on two stores and records no machine path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files
from tests.analysis.conftest import FIXTURE

ROOT = Path(__file__).resolve().parents[2]


def test_the_benchmark_compares_both_forms_and_names_stores_by_folder(tmp_path: Path) -> None:
    store = tmp_path / "small-store"
    with KnowledgeGraph.open(store) as kg:
        load_files(kg, [FIXTURE])
    out = tmp_path / "out.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench.network_extracts", "--store", str(store),
         "--store", str(store), "--repeats", "1", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert str(tmp_path) not in text
    report = json.loads(text)
    assert report["stores"] == ["small-store", "small-store"]
    compared = [case for case in report["cases"] if "same_rows" in case]
    assert compared and all(case["same_rows"] for case in compared)
    # every case is timed on both stores, and a growth (a ratio, or none for a run too short
    # for the clock) is given for each
    assert {case["extract"] for case in report["cases"]} >= {"network-agreements-without-events"}
    for case in report["cases"]:
        assert [store["store"] for store in case["stores"]] == ["small-store", "small-store"]
        assert case["cpu_growth"] is None or case["cpu_growth"] > 0
