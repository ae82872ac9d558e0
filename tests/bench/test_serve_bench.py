"""The serve benchmark starts a server, checks every answer and reports a rate, at a tiny scale."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_serve_benchmark_runs_at_a_tiny_scale(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench.serve_bench", "--triples", "2000", "--seconds", "1",
         "--clients", "2", "--data", str(tmp_path), "--json", str(tmp_path / "out.json")],
        capture_output=True, text=True, check=False, timeout=240, cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    report = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert report["errors"] == 0 and report["requests"] > 0
    assert report["commit"] and report["versions"]["pyoxigraph"]
    assert report["requests_per_second"] > 0 and report["clients"] == 2
