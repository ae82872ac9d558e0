"""The networkx growth benchmark times each size in its own process and reports the growth."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_two_sizes_give_their_medians_and_a_growth(tmp_path: Path) -> None:
    out = tmp_path / "growth.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench.networkx_growth", "--nodes", "500", "--nodes", "2500",
         "--repeats", "1", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report["cpu_s_median"]) == {"500", "2500"}
    assert report["node_growth"] == 5.0
    assert report["cpu_growth"] is None or report["cpu_growth"] > 0
    assert "for 5.0x the nodes and edges" in done.stdout


def test_one_size_is_refused() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench.networkx_growth", "--nodes", "500"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "at least two" in done.stderr
