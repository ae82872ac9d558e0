"""The institution network from the statements equals the one from the network-institutions query.

The embedded store's fast path (:mod:`edukg.analysis.statement_network`) and the
query (what a remote endpoint answers) must give the same network: nodes, labels,
links and every attribute, for every window, language and level.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import networkx as nx
import pytest

from bench.generator import write_register
from edukg.analysis import statement_network
from edukg.analysis.networks import (
    Window,
    institution_network,
    label_nodes,
    partnership_network,
)
from edukg.analysis.results import write_results
from edukg.analysis.run import analyze
from edukg.graph.snapshots import SNAPSHOT_FOLDER
from edukg.graph.statement_scan import statements_by_predicate
from edukg.graph.store import KnowledgeGraph
from edukg.graph.summaries import SUMMARY_GRAPH
from edukg.loaders import load_files
from tests.analysis.conftest import FIXTURE, skewed_register_store

WINDOWS = [
    pytest.param(Window(), id="all-time"),
    pytest.param(Window(since=dt.date(2024, 1, 1)), id="since"),
    pytest.param(Window(until=dt.date(2023, 5, 1)), id="until-partial-month"),
    pytest.param(Window(since=dt.date(2022, 1, 1), until=dt.date(2023, 12, 31)), id="between"),
    pytest.param(Window(active_on=dt.date(2024, 6, 1)), id="active-on"),
    pytest.param(Window(active_on=dt.date(2024, 9, 20)), id="active-on-partial-event"),
]


def assert_same_network(fast: nx.Graph, queried: nx.Graph) -> None:
    assert fast.graph == queried.graph
    assert list(fast.nodes(data=True)) == list(queried.nodes(data=True))
    assert list(fast.edges(data=True)) == list(queried.edges(data=True))


def both_ways(kg: KnowledgeGraph, **options: object) -> tuple[nx.Graph, nx.Graph]:
    return (
        partnership_network(kg, **options),  # type: ignore[arg-type]
        partnership_network(kg, via_sparql=True, **options),  # type: ignore[arg-type]
    )


ESCAPES = r"""@prefix edukg: <https://w3id.org/edukg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix t: <https://test.example/escapes/> .
t:q1 a edukg:Institution ; skos:prefLabel "Школа «№ 1» \"Quote\""@ru , "Back\\slash"@en ;
    edukg:shortName "Ш1" .
t:q2 a edukg:Institution ; skos:prefLabel "Line\nbreak"@be , "Без языка" .
t:qa a edukg:CooperationAgreement ; edukg:hasParty t:q1 , t:q2 ;
    skos:prefLabel "Title \"in quotes\"\tand tab"@en , "Название"@ru , "Назва"@be .
"""


@pytest.fixture(scope="module")
def register_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store: the partnerships fixture, the escapes above and a skewed register."""
    return skewed_register_store(tmp_path_factory.mktemp("statement-network"), ESCAPES)


@pytest.mark.parametrize("window", WINDOWS)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_fixture_gives_the_same_network_both_ways(partnerships_kg, window, lang):
    fast, queried = both_ways(partnerships_kg, window=window, lang=lang)
    assert fast.number_of_edges() > 0 or window.active_on is not None
    assert_same_network(fast, queried)


@pytest.mark.parametrize("window", WINDOWS)
def test_a_register_on_disk_gives_the_same_network_both_ways(register_store, window):
    with KnowledgeGraph.open(register_store, read_only=True) as kg:
        fast, queried = both_ways(kg, window=window)
    assert fast.number_of_edges() > 100
    if window.since is None and window.active_on is None and window.until is None:
        pair = ("https://test.example/escapes/q1", "https://test.example/escapes/q2")
        (agreement,) = fast.edges[pair]["agreements"]
        assert agreement["title"] == "Название"
        assert fast.nodes[pair[0]]["label"]["ru"] == 'Школа «№ 1» "Quote"'
        assert fast.nodes[pair[1]]["label"] == {"be": "Line\nbreak", "": "Без языка"}
    assert max(len(data["agreements"]) for _, _, data in fast.edges(data=True)) > 1
    assert_same_network(fast, queried)


@pytest.mark.parametrize("window", WINDOWS)
@pytest.mark.parametrize("events", [True, False])
def test_the_network_without_details_has_the_same_nodes_edges_and_weights(
    register_store, window, events
):
    with KnowledgeGraph.open(register_store, read_only=True) as kg:
        full = institution_network(kg, window=window, events=events)
        light = institution_network(kg, window=window, events=events, details=False)
    assert light.graph == full.graph
    assert list(light.edges(data="weight")) == list(full.edges(data="weight"))
    assert all(set(data) == {"weight"} for _, _, data in light.edges(data=True))
    full_nodes = [
        (node, {k: v for k, v in data.items() if k != "short_label"})
        for node, data in full.nodes(data=True)
    ]
    assert list(light.nodes(data=True)) == full_nodes
    assert max(weight for _, _, weight in light.edges(data="weight")) > 1


@pytest.mark.parametrize("window", WINDOWS)
def test_the_network_without_names_lacks_only_its_names(register_store, window):
    with KnowledgeGraph.open(register_store, read_only=True) as kg:
        named = institution_network(kg, window=window, details=False)
        bare = institution_network(kg, window=window, details=False, names=False)
        label_nodes(kg, bare, list(bare))
    assert list(bare.edges(data=True)) == list(named.edges(data=True))
    assert bare.graph == {**named.graph, "labels": {}}
    unnamed = {"kind": None, "region": None, "region_iri": None}
    assert list(bare.nodes(data=True)) == [
        (node, {**data, **unnamed}) for node, data in named.nodes(data=True)
    ]
    assert sum(1 for _, kind in named.nodes(data="kind") if kind) > 100
    assert sum(1 for _, label in bare.nodes(data="label") if label) > 100


@pytest.mark.parametrize("level", ["country", "region"])
def test_merged_levels_are_the_same_both_ways(register_store, level):
    with KnowledgeGraph.open(register_store, read_only=True) as kg:
        fast, queried = both_ways(kg, level=level, lang="be", events=False)
    assert fast.number_of_edges() > 0
    assert_same_network(fast, queried)


def test_the_network_follows_an_edited_reload_and_a_removal(tmp_path):
    fixture = tmp_path / "partnerships.ttl"
    shutil.copy(FIXTURE, fixture)
    register = write_register(tmp_path / "register", triples=3_000, seed=5)
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        load_files(kg, [fixture, *register])
        before = institution_network(kg)
        # a new party for ag1, a new title: the snapshot is rewritten with the source
        text = fixture.read_text(encoding="utf-8")
        fixture.write_text(
            text.replace(
                '"Agreement of three schools"@en', '"Agreement of four schools"@en'
            ).replace(
                "edukg:hasParty t:a1 , t:a2 , t:a3 .", "edukg:hasParty t:a1 , t:a2 , t:a3 , t:z1 ."
            ),
            encoding="utf-8",
        )
        load_files(kg, [fixture])
        edited = institution_network(kg, lang="en")
        assert_same_network(edited, institution_network(kg, lang="en", via_sparql=True))
        assert edited.number_of_edges() > before.number_of_edges()
        kg.remove_source("partnerships.ttl")
        removed = institution_network(kg)
        assert_same_network(removed, institution_network(kg, via_sparql=True))
        assert not any(node.startswith("https://test.example/") for node in removed)


def test_a_missing_snapshot_falls_back_to_the_store(register_store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(register_store, copy)
    shutil.rmtree(copy / SNAPSHOT_FOLDER)
    with KnowledgeGraph.open(copy, read_only=True) as kg:
        fast, queried = both_ways(kg, window=Window(since=dt.date(2023, 1, 1)))
    assert_same_network(fast, queried)


def test_the_network_reads_no_results_and_no_summaries(register_store, tmp_path, monkeypatch):
    copy = tmp_path / "store"
    shutil.copytree(register_store, copy)
    read: list[str] = []

    def recording(kg, predicates, *, skip=(), objects=None):
        for graph, picked in statements_by_predicate(kg, predicates, skip=skip, objects=objects):
            read.append(graph.value)
            yield graph, picked

    with KnowledgeGraph.open(copy) as kg:
        write_results(kg, analyze(kg, seed=0))
        monkeypatch.setattr(statement_network, "statements_by_predicate", recording)
        institution_network(kg)
        data = {info.graph for info in kg.sources() if info.loader != "analysis"}
    assert data and data <= set(read)
    assert kg.source_graph("analysis-institution").value not in read
    assert SUMMARY_GRAPH.value not in read


def test_stored_analysis_results_are_not_read(register_store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(register_store, copy)
    with KnowledgeGraph.open(copy) as kg:
        before = institution_network(kg)
        write_results(kg, analyze(kg, seed=0))
        results = kg.source("analysis-institution")
        assert results is not None and results.triples > before.number_of_nodes()  # a cluster each
        read = [graph.value for graph, _ in statements_by_predicate(kg, [], skip={results.graph})]
        assert results.graph not in read
        assert {info.graph for info in kg.sources() if info.loader != "analysis"} <= set(read)
        fast, queried = both_ways(kg)
    assert_same_network(fast, queried)
    assert_same_network(fast, before)


def test_a_graphs_runs_of_values_become_one_value_or_a_set():
    statements = statement_network._Statements(
        {}, {statement_network.AREA: {}}, {statement_network.AREA: {}}, {}, {}
    )
    area = statement_network.AREA
    subjects = [b"<a:1>", b"<a:2>", b"<a:2>", b"<a:3>", b"<a:4>", b"<a:4>", b"<a:4>"]
    objects = [b"<x:1>", b"<x:2>", b"<x:3>", b"<x:4>", b"<x:5>", b"<x:6>", b"<x:5>"]
    statements.add(area, subjects, objects)
    assert statements.one[area] == {b"<a:3>": b"<x:4>", b"<a:1>": b"<x:1>"}
    assert statements.many[area] == {b"<a:4>": {b"<x:5>", b"<x:6>"}, b"<a:2>": {b"<x:2>", b"<x:3>"}}
    # the last subject first, as the tables have always been filled
    assert list(statements.one[area]) == [b"<a:3>", b"<a:1>"]
    assert list(statements.many[area]) == [b"<a:4>", b"<a:2>"]
    # a second graph adds to the first's tables
    statements.add(area, [b"<a:1>", b"<a:3>"], [b"<x:9>", b"<x:4>"])
    assert statements.many[area][b"<a:1>"] == {b"<x:1>", b"<x:9>"}
    assert statements.values(area, b"<a:3>") == (b"<x:4>",)
