"""edukg analyze and edukg network export, run in fresh processes as a user runs them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx

from tests.analysis.conftest import FIXTURE, T
from tests.conftest import run_edukg


def test_analyze_prints_a_summary_stores_results_and_writes_json(tmp_path: Path) -> None:
    assert run_edukg("load", str(FIXTURE), cwd=tmp_path).returncode == 0
    result = run_edukg("analyze", "--no-events", "--seed", "3", "-o", "nodes.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "modularity" in result.stdout and "betweenness exact over 8 nodes" in result.stdout
    assert "Колледж А3" in result.stdout  # the broker, in Cyrillic
    assert "results stored as source analysis-institution" in result.stderr
    document = json.loads((tmp_path / "nodes.json").read_text("utf-8"))
    assert document["seed"] == 3 and document["algorithm"] == "louvain"
    a3 = next(node for node in document["nodes"] if node["node"] == T + "a3")
    assert a3["label"] == "Колледж А3" and a3["degree"] == 3
    sources = run_edukg("sources", cwd=tmp_path)
    assert "analysis-institution" in sources.stdout
    removed = run_edukg("sources", "remove", FIXTURE.name, cwd=tmp_path)
    assert removed.returncode == 0, removed.stderr
    assert f"warning: source analysis-institution refers to 8 entities of {FIXTURE.name}" in (
        removed.stderr
    )  # the results state each of the 8 institutions' scores on its IRI


def test_the_summary_names_its_nodes_without_an_output_file(tmp_path: Path) -> None:
    # without -o the network is built without names: the summary reads those it prints
    assert run_edukg("load", str(FIXTURE), cwd=tmp_path).returncode == 0
    plain = run_edukg("analyze", "--seed", "3", cwd=tmp_path)
    with_file = run_edukg("analyze", "--seed", "3", "-o", "nodes.csv", cwd=tmp_path)
    assert plain.returncode == 0 and with_file.returncode == 0, plain.stderr + with_file.stderr
    assert "Колледж А3" in plain.stdout and "Школа А1" in plain.stdout
    assert plain.stdout == with_file.stdout


def test_network_export_for_gephi(tmp_path: Path) -> None:
    assert run_edukg("load", str(FIXTURE), cwd=tmp_path).returncode == 0
    result = run_edukg(
        "network", "export", "-f", "graphml", "-o", "net.graphml", "--lang", "en", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    graph = nx.read_graphml(tmp_path / "net.graphml")
    assert graph.nodes[T + "a1"]["label_ru"] == "Школа А1"
    assert graph.edges[T + "a3", T + "b1"]["weight"] == 3
    assert graph.edges[T + "a3", T + "b1"]["agreement_ids"] == "ag4"
    result = run_edukg(
        "network", "export", "-f", "csv", "-o", "net.csv", "--level", "country", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    with (tmp_path / "net.csv").open(encoding="utf-8-sig") as handle:
        edges = list(csv.DictReader(handle))
    assert {(e["Source"][-2:], e["Target"][-2:], e["Weight"]) for e in edges} == {
        ("BY", "KZ", "1"),
        ("BY", "RU", "3"),
    }
    with (tmp_path / "net.nodes.csv").open(encoding="utf-8-sig") as handle:
        labels = {row["Id"][-2:]: row["Label"] for row in csv.DictReader(handle)}
    assert labels["BY"] == "Беларусь"


def test_bad_dates_and_file_names_are_usage_errors(tmp_path: Path) -> None:
    result = run_edukg("--store", ":memory:", "analyze", "--since", "2024-13-01", cwd=tmp_path)
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr
    result = run_edukg("--store", ":memory:", "analyze", "-o", "out.txt", cwd=tmp_path)
    assert result.returncode == 2 and "use a .csv or .json file name" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_empty_store_is_refused_and_stays_empty(tmp_path: Path) -> None:
    result = run_edukg("analyze", cwd=tmp_path)
    assert result.returncode == 2
    assert "no data to analyse" in result.stderr and "edukg load" in result.stderr
    assert "analysis-" not in run_edukg("sources", cwd=tmp_path).stdout
