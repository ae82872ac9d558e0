"""Smoke test of the benchmark harness at a tiny scale (how CI runs the benchmark)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def test_harness_writes_table_and_json_with_every_step(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--scales", "2000", "--repeats", "1",
         "--rdflib-timeout", "60", "--out", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads((tmp_path / "bench-2000.json").read_text(encoding="utf-8"))
    table = (tmp_path / "bench-2000.md").read_text(encoding="utf-8")
    sys.path.insert(0, str(BENCH))
    from run import steps

    (scale,) = results["scales"]
    assert 1500 < scale["triples"] < 3000
    measured = {row["step"]: row for row in scale["steps"]}
    for step, counterpart in steps():
        assert measured[step]["edukg"]["seconds"] > 0, step
        assert f"| {step} |" in table
        if counterpart:
            assert "rdflib" in measured[step], step
    assert measured["load-nt"]["rdflib"]["seconds"] > 0
    assert measured["load-nt"]["edukg"]["peak_mb"] > 0
