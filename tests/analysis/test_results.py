"""Results written back into the store are linked data that SPARQL (and the catalogue) can read."""

from __future__ import annotations

import dataclasses
import datetime as dt
from importlib import resources

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from edukg.analysis.networks import Window
from edukg.analysis.results import (
    SCORE_DEFAULTS,
    date_time_text,
    double_text,
    node_scores,
    result_ntriples,
    result_triples,
    source_name,
    write_results,
)
from edukg.analysis.run import analyze
from edukg.graph.store import KnowledgeGraph
from edukg.queries import run
from edukg.queries.runner import run_query
from tests.analysis.conftest import T

ANA = "https://w3id.org/edukg/analysis#"
MOMENT = dt.datetime(2026, 12, 3, 4, 30, tzinfo=dt.UTC)


def _values(rows):
    return [{k: (v.value if v is not None else None) for k, v in row.items()} for row in rows]


def test_clusters_and_brokers_are_queryable(partnerships_kg):
    write_results(partnerships_kg, analyze(partnerships_kg, seed=3, events=False))
    clusters = _values(run(partnerships_kg, "clusters", level="institution", lang="ru").bindings())
    assert [(c["cluster"], c["size"]) for c in clusters][:2] == [("0", "3"), ("1", "3")]
    by_countries = {c["countries"]: sorted(c["members"].split("; ")) for c in clusters[:2]}
    assert by_countries["BY"] == ["Гимназия А2", "Колледж А3", "Школа А1"]
    assert by_countries["RU"] == ["Институт Б1", "Лицей Б3", "Школа Б2"]
    brokers = _values(run(partnerships_kg, "brokers", level="institution", lang="en").bindings())
    assert [(b["institution"], b["label"], b["country"]) for b in brokers] == [
        (T + "a3", "College A3", "BY"),
        (T + "b1", "Institute B1", "RU"),
    ]
    assert float(brokers[0]["betweenness"]) == pytest.approx(6 / 21)


def test_the_run_is_described_with_prov(partnerships_kg):
    analysis = analyze(
        partnerships_kg, level="country", seed=9, window=Window(since=dt.date(2021, 1, 1))
    )
    write_results(partnerships_kg, analysis)
    (row,) = partnerships_kg.select(
        """PREFIX ana: <https://w3id.org/edukg/analysis#>
        SELECT ?run ?algorithm ?seed ?since ?modularity ?used ?started WHERE {
          ?run a prov:Activity , ana:AnalysisRun ; ana:level "country" ; ana:algorithm ?algorithm ;
               ana:seed ?seed ; ana:since ?since ; ana:modularity ?modularity ;
               prov:used ?used ; prov:startedAtTime ?started }"""
    )
    assert (row["algorithm"].value, int(row["seed"].value), row["since"].value) == (
        "louvain",
        9,
        "2021-01-01",
    )
    assert row["used"].value == partnerships_kg.source("partnerships.ttl").graph
    assert float(row["modularity"].value) == pytest.approx(analysis.communities.modularity)
    info = partnerships_kg.source(source_name("country"))
    assert info is not None and info.loader == "analysis"


def test_a_new_run_replaces_the_old_results(partnerships_kg):
    write_results(partnerships_kg, analyze(partnerships_kg, seed=1))
    second = analyze(partnerships_kg, seed=2, events=False)
    write_results(partnerships_kg, second)
    assert partnerships_kg.ask("ASK { ?run <https://w3id.org/edukg/analysis#seed> 2 }")
    assert not partnerships_kg.ask("ASK { ?run <https://w3id.org/edukg/analysis#seed> 1 }")
    (count,) = partnerships_kg.select(
        "SELECT (COUNT(?run) AS ?n) WHERE { ?run a <https://w3id.org/edukg/analysis#AnalysisRun> }"
    )
    assert count["n"].value == "1"
    expected = result_triples(
        second,
        base_iri=partnerships_kg.base_iri,
        source_graphs=[partnerships_kg.source("partnerships.ttl").graph],
    )
    assert partnerships_kg.source("analysis-institution").triples == len(
        expected
    )  # nothing left over
    # another level is a separate source, kept alongside
    write_results(partnerships_kg, analyze(partnerships_kg, level="region"))
    names = {info.name for info in partnerships_kg.sources()}
    assert {"analysis-institution", "analysis-region", "partnerships.ttl"} <= names


def test_results_are_written_as_the_store_keeps_them(partnerships_kg):
    analysis = analyze(
        partnerships_kg, seed=4, window=Window(since=dt.date(2020, 1, 1)), exact_limit=3
    )
    assert analysis.centrality.method == "sampled"  # a run with every kind of statement
    write_results(partnerships_kg, analysis)
    graphs = [partnerships_kg.source("partnerships.ttl").graph]
    text = result_ntriples(analysis, base_iri=partnerships_kg.base_iri, source_graphs=graphs)
    stored = partnerships_kg.sorted_statements(
        ox.NamedNode(partnerships_kg.source("analysis-institution").graph)
    )
    assert text == stored  # same statements, same form, same order
    assert len(result_triples(analysis, base_iri="https://x.example/", source_graphs=graphs)) == (
        len(text.splitlines())
    )


@given(
    st.floats(min_value=-1e9, max_value=1e9)
    | st.floats(min_value=-1e-300, max_value=1e-300)
    | st.sampled_from([float("nan"), float("inf"), float("-inf")])
)
def test_doubles_are_written_in_the_stores_canonical_form(value):
    # scores, weights and modularity stay far below 1e9, where Rust and Python break
    # ties of the 17th digit alike (above it the store rewrites the odd one)
    xsd_double = ox.NamedNode("http://www.w3.org/2001/XMLSchema#double")
    store = ox.Store()
    store.add(
        ox.Quad(
            ox.NamedNode("a:s"), ox.NamedNode("a:p"), ox.Literal(repr(value), datatype=xsd_double)
        )
    )
    (quad,) = store.quads_for_pattern(None, None, None)
    assert double_text(value) == quad.object.value


@given(st.datetimes(timezones=st.just(dt.UTC) | st.just(dt.timezone(dt.timedelta(hours=3)))))
def test_run_times_are_written_in_the_stores_canonical_form(moment):
    xsd_date_time = ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")
    store = ox.Store()
    literal = ox.Literal(moment.isoformat(), datatype=xsd_date_time)
    store.add(ox.Quad(ox.NamedNode("a:s"), ox.NamedNode("a:p"), literal))
    (quad,) = store.quads_for_pattern(None, None, None)
    assert date_time_text(moment) == f'"{quad.object.value}"^^<{xsd_date_time.value}>'


def test_scores_are_stated_on_the_nodes_only_where_they_differ_from_their_defaults(
    partnerships_kg,
):
    analysis = analyze(partnerships_kg, seed=3, events=False)
    write_results(partnerships_kg, analysis)
    graph = ox.NamedNode(partnerships_kg.source("analysis-institution").graph)
    stated: dict[str, dict[str, float]] = {}
    for quad in partnerships_kg.oxigraph.quads_for_pattern(None, None, None, graph):
        name = quad.predicate.value.removeprefix(ANA)
        if name in SCORE_DEFAULTS:
            stated.setdefault(quad.subject.value, {})[name] = float(quad.object.value)
    reached = {broker.node: broker.clusters_reached for broker in analysis.brokers}
    for node, data in analysis.network.nodes(data=True):
        scores = node_scores(stated.get(node, {}))
        assert scores == {
            "degree": data["degree"],
            "weightedDegree": pytest.approx(data["weighted_degree"]),
            "betweenness": pytest.approx(data["centrality"]),
            "participation": pytest.approx(data.get("participation", 0.0)),
            "clustersReached": reached.get(node, 1),
            "bridges": data.get("bridges", 0),
        }
        for name, value in stated.get(node, {}).items():
            default = SCORE_DEFAULTS[name]
            assert value != (scores[default] if isinstance(default, str) else default)
    assert any(len(scores) < len(SCORE_DEFAULTS) for scores in stated.values())
    assert not partnerships_kg.ask(
        "ASK { ?score <https://w3id.org/edukg/analysis#node> ?node }"
    )  # no score nodes of their own


@pytest.mark.parametrize("level", ["institution", "country"])
def test_a_network_without_details_gives_the_same_results(partnerships_kg, level):
    graphs = [partnerships_kg.source("partnerships.ttl").graph]
    texts = []
    for details in (True, False):
        analysis = analyze(partnerships_kg, level=level, seed=4, exact_limit=3, details=details)
        analysis = dataclasses.replace(analysis, started=MOMENT, ended=MOMENT)
        texts.append(
            result_ntriples(analysis, base_iri=partnerships_kg.base_iri, source_graphs=graphs)
        )
    assert texts[0] == texts[1]
    assert b"#cluster>" in texts[0] and b"#degree>" in texts[0]


def test_removing_the_data_warns_of_the_results_that_refer_to_it(partnerships_kg):
    assert partnerships_kg.referring_sources("partnerships.ttl") == {}
    analysis = analyze(partnerships_kg, seed=3)
    write_results(partnerships_kg, analysis)
    institutions = {
        row["x"].value
        for row in partnerships_kg.select("SELECT ?x WHERE { ?x a edukg:Institution }")
    }
    assert set(analysis.network) == institutions
    assert partnerships_kg.referring_sources("partnerships.ttl") == {
        "analysis-institution": len(institutions)
    }
    assert partnerships_kg.referring_sources("analysis-institution") == {}


def test_analysis_results_do_not_feed_the_next_network(partnerships_kg):
    before = analyze(partnerships_kg, seed=1)
    write_results(partnerships_kg, before)
    after = analyze(partnerships_kg, seed=1)
    assert sorted(after.network.edges()) == sorted(before.network.edges())
    assert after.sources == ["partnerships.ttl"]


QUERY_FILES = [
    "clusters",
    "brokers",
    "network-institutions",
    "network-institution-event",
    "network-delegation-visits",
    "network-agreements-without-events",
]


@pytest.mark.parametrize("name", QUERY_FILES)
def test_query_files_carry_the_catalogue_header(name):
    text = resources.files("edukg.queries").joinpath(f"{name}.rq").read_text("utf-8")
    header = [line for line in text.splitlines() if line.startswith("# ")]
    keys = {line[2:].split(":", 1)[0] for line in header if ":" in line}
    assert {"title", "title@ru", "description", "description@ru", "columns"} <= keys
    (columns,) = [line.split(":", 1)[1] for line in header if line.startswith("# columns:")]
    with KnowledgeGraph.in_memory() as kg:  # the SELECT gives the columns the header promises
        assert run_query(kg, name).columns == tuple(c.strip() for c in columns.split(","))
    params = [line for line in header if line.startswith("# param:")]
    assert not params or "# @parameters" in text
