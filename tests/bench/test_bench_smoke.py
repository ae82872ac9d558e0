"""Smoke test of the benchmark harness at a tiny scale (how CI runs the benchmark)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench import generator, run
from tests.browser import CHROMIUM

ROOT = Path(__file__).resolve().parents[2]


def harness(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bench.run", *map(str, arguments)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def full_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every step once at 2,000 triples (edukg only) and a 30-node page; the folder it used."""
    folder = tmp_path_factory.mktemp("bench")
    options = "--scales 2000 --repeats 1 --no-rdflib --pages 30".split()
    done = harness(*options, "--data", folder / "data", "--out", folder / "out")
    assert done.returncode == 0, done.stderr[-2000:]
    return folder


def test_every_step_runs_and_lands_in_the_table_and_json(full_run: Path) -> None:
    results = json.loads((full_run / "out" / "bench-2000.json").read_text(encoding="utf-8"))
    table = (full_run / "out" / "bench-2000.md").read_text(encoding="utf-8")
    (scale,) = results["scales"]
    assert 1500 < scale["triples"] < 3000
    assert scale["data_reused"] is False
    measured = {row["step"]: row for row in scale["steps"]}
    assert list(measured) == [step for step, _ in run.steps()]
    for step in measured:
        assert measured[step]["edukg"]["seconds"] > 0, step
        assert f"| {step} |" in table
    assert measured["load-nt"]["edukg"]["peak_mb"] > 0
    assert measured["query-agreements"]["edukg"]["rows"] > 0
    assert "MINUS and FILTER NOT EXISTS give the same answer" in table


def test_page_step_times_a_page_in_chromium_once_per_run(full_run: Path) -> None:
    results = json.loads((full_run / "out" / "bench-2000.json").read_text(encoding="utf-8"))
    (page,) = results["pages"]
    assert page["step"] == "page-30"
    if not CHROMIUM.exists():
        assert "chromium" in page["error"]
        return
    assert page["seconds"] > 0 and len(page["times"]) == 1
    assert page["info"]["nodes"] == 30 and page["info"]["ties"] > 0
    table = (full_run / "out" / "bench-2000.md").read_text(encoding="utf-8")
    assert "### Network pages in headless Chromium" in table
    assert "| page-30 | 30 |" in table


def test_steps_picks_by_name_and_prefix_and_data_is_reused(full_run: Path) -> None:
    manifest = full_run / "data" / "2k" / generator.MANIFEST
    made = manifest.stat().st_mtime_ns
    options = "--scales 2000 --repeats 1 --steps guard-,query-partners".split()
    done = harness(*options, "--data", full_run / "data", "--out", full_run / "picked")
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(
        (full_run / "picked" / "bench-2000-guard+query-partners.json").read_text(encoding="utf-8")
    )
    (scale,) = results["scales"]
    picked = {row["step"]: row for row in scale["steps"]}
    assert list(picked) == ["query-partners", "guard-minus", "guard-not-exists"]
    assert results["pages"] == []
    assert scale["data_reused"] is True and manifest.stat().st_mtime_ns == made
    # the rdflib counterpart of a picked step runs too, and gives the same rows
    query = picked["query-partners"]
    assert query["rdflib"]["seconds"] > 0
    assert query["rdflib"]["rows"] == query["edukg"]["rows"] > 0


def test_unknown_step_is_refused_with_the_list_of_steps() -> None:
    done = harness("--steps", "load-nt,lod-csv")
    assert done.returncode == 2
    assert "no step is called or starts with: lod-csv" in done.stderr
    assert "page-5000" in done.stderr and "query-agreements" in done.stderr


def test_data_folder_of_another_scale_is_refused_not_overwritten(full_run: Path) -> None:
    with pytest.raises(SystemExit, match="holds data for 2,000 triples"):
        generator.prepare(full_run / "data" / "2k", triples=5000)


def test_ntriples_made_in_chunks_hold_the_graph_of_one_whole_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyoxigraph as ox

    from edukg.graph.store import KnowledgeGraph
    from edukg.loaders import load_files

    register = generator.write_register(tmp_path, triples=2000, seed=3)
    monkeypatch.setattr(generator, "CHUNK_ROWS", 20)  # 8 chunks: parties and regions across them
    written = generator.write_ntriples(register, tmp_path / "chunked.nt")
    kg = KnowledgeGraph.in_memory()
    load_files(kg, register)
    whole = {
        line
        for graph in kg.data_graphs()
        for line in kg.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).splitlines()
    }
    chunked = (tmp_path / "chunked.nt").read_bytes().splitlines()
    assert set(chunked) == whole
    assert written == len(chunked) == len(whole)


def test_every_result_records_the_commit_and_the_library_versions(full_run: Path) -> None:
    results = json.loads((full_run / "out" / "bench-2000.json").read_text(encoding="utf-8"))
    assert len(results["commit"]) == 40 and results["date"]
    versions = results["versions"]
    for name in ("python", "edukg", "pyoxigraph", "rdflib", "networkx", "igraph"):
        assert versions[name], name
    table = (full_run / "out" / "bench-2000.md").read_text(encoding="utf-8")
    assert results["commit"] in table and f"pyoxigraph {versions['pyoxigraph']}" in table


def test_rdflib_gets_the_same_data_so_partner_countries_answers_alike(full_run: Path) -> None:
    steps = "query-partner-countries,query-events-by-type"
    done = harness(
        "--scales",
        "2000",
        "--repeats",
        "1",
        "--steps",
        steps,
        "--pages",
        "",
        "--data",
        full_run / "data",
        "--out",
        full_run / "rdflib",
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (result,) = (full_run / "rdflib").glob("*.json")
    (scale,) = json.loads(result.read_text(encoding="utf-8"))["scales"]
    rows = {row["step"]: row for row in scale["steps"]}
    countries = rows["query-partner-countries"]
    assert countries["edukg"]["rows"] > 0
    assert countries["rdflib"]["rows"] == countries["edukg"]["rows"]
    assert "differs" not in result.with_suffix(".md").read_text(encoding="utf-8")


def test_a_step_whose_answers_differ_is_left_out_of_every_ratio() -> None:
    row = {
        "step": "query-x",
        "edukg": {"seconds": 0.1, "rows": 14, "peak_mb": 50},
        "rdflib": {"seconds": 9.0, "rows": 0, "peak_mb": 90},
    }
    scale = {"target": 2000, "triples": 2000, "steps": [row]}
    results = {
        "machine": "m",
        "repeats": 1,
        "rdflib_repeats": 1,
        "rdflib_cap": 60.0,
        "scales": [scale],
        "pages": [],
    }
    table = run.markdown(results)
    assert "| differs |" in table and "left out of every ratio" in table
