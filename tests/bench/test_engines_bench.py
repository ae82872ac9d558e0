"""The engines benchmark pushes to both servers and times every first page, at a tiny scale."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.servers import VirtuosoServer

ROOT = Path(__file__).resolve().parents[2]


def test_the_engines_benchmark_pushes_and_queries_both_servers(
    tmp_path: Path, virtuoso_server: VirtuosoServer
) -> None:
    # virtuoso_server: skipped (or failed in CI) like the other Virtuoso tests when it is missing
    done = subprocess.run(
        [sys.executable, "-m", "bench.engines", "--triples", "2000", "--repeats", "1",
         "--data", str(tmp_path / "data"), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, check=False, cwd=ROOT, timeout=600,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    report = json.loads((tmp_path / "out" / "engines-2k.json").read_text(encoding="utf-8"))
    assert report["commit"] and report["server_versions"]["virtuoso"]
    assert {engine: push["check"] for engine, push in report["push"].items()} == {
        "oxigraph-server": "same",
        "virtuoso": "same",
    }
    for row in report["queries"]:
        assert "median_s" in row["embedded"]
        assert row["oxigraph-server"]["same_as_embedded"], row
        if not row["virtuoso"].get("error", "").startswith("not run"):
            assert row["virtuoso"]["same_as_embedded"], row
    assert "| virtuoso |" in (tmp_path / "out" / "engines-2k.md").read_text(encoding="utf-8")
