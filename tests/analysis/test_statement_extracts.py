"""The network extracts from the statements equal their queries' rows, in the same order.

The embedded store's fast path (:mod:`edukg.analysis.statement_extracts`) and the
catalogue query (what a remote endpoint and rdflib answer) must give the same rows:
the same terms, row for row.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from edukg.analysis.networks import Window, institution_event_network
from edukg.analysis.results import write_results
from edukg.analysis.run import analyze
from edukg.analysis.statement_extracts import (
    STATEMENT_EXTRACTS,
    agreements_without_events,
    derived_graphs,
    institution_event,
)
from edukg.analysis.trends import agreements_without_events as idle_agreements
from edukg.graph.snapshots import SNAPSHOT_FOLDER
from edukg.graph.store import KnowledgeGraph
from edukg.queries.runner import run_query
from tests.analysis.conftest import skewed_register_store

QUERY = "network-agreements-without-events"

EDGES = r"""@prefix schema: <https://schema.org/> .
@prefix edukg: <https://w3id.org/edukg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix t: <https://test.example/edges/> .
t:escaped a edukg:CooperationAgreement ; edukg:hasParty t:p1 , t:p2 , t:p2 ;
    skos:prefLabel "Title \"in quotes\"\tand tab"@en , "Название"@ru , "Назва"@be .
t:two-titles a edukg:CooperationAgreement ; skos:prefLabel "Б"@ru , "А"@ru , "Z"@en ;
    dcterms:identifier "two-titles" ; edukg:signedOn "2023-04-05"^^xsd:date .
t:only-german a edukg:CooperationAgreement ; skos:prefLabel "Vertrag"@de , "Abkommen"@de ;
    edukg:hasParty [ a edukg:Institution ] , t:p1 .
t:untitled a edukg:CooperationAgreement ; edukg:signedOn "2024"^^xsd:gYear .
t:no-language a edukg:CooperationAgreement ; skos:prefLabel "Plain" ; dcterms:identifier 7 .
t:implemented a edukg:CooperationAgreement ; skos:prefLabel "Done"@ru .
t:visit edukg:implements t:implemented .
t:two-ids a edukg:CooperationAgreement ; dcterms:identifier "b-id" , "a-id" ;
    edukg:hasParty t:p1 .
t:two-dates a edukg:CooperationAgreement ; edukg:signedOn "2021-02-03"^^xsd:date ,
    "2020-01-02"^^xsd:date ; skos:prefLabel "Две даты"@ru .
t:i1 a edukg:Institution ; skos:prefLabel "Школа"@ru , "School"@en , "Schule"@de ;
    edukg:kind <https://w3id.org/edukg/concept/institution-kind/school> ,
    <https://w3id.org/edukg/concept/institution-kind/lyceum> ;
    edukg:region t:r1 , t:r2 .
t:r1 skos:prefLabel "Регион"@ru , "Ohne Sprache" , <https://test.example/edges/iri-label> .
t:e1 a edukg:CooperationEvent ; schema:organizer t:i1 ; schema:attendee t:i1 , t:not-typed ;
    skos:prefLabel "Б"@ru , "А"@ru , "Event"@en ; schema:startDate "2024-05"^^xsd:gYearMonth ,
    "2023"^^xsd:gYear ; schema:endDate "2024-06-01"^^xsd:date ;
    edukg:kind <https://w3id.org/edukg/concept/event-kind/seminar> .
t:e2 a edukg:CooperationEvent ; schema:attendee t:i1 ; skos:prefLabel "Nur deutsch"@de .
"""


def both_ways(kg: KnowledgeGraph, lang: str) -> tuple[list, list]:
    fast = agreements_without_events(kg, lang=lang, skip=derived_graphs(kg))
    assert fast is not None
    return fast.rows, run_query(kg, QUERY, {"lang": lang}).rows


def assert_same_rows(fast: list, queried: list) -> None:
    """The same rows in the same order, but among the rows of one agreement (the engine's)."""
    assert [row[0] for row in fast] == [row[0] for row in queried]
    assert [sorted(map(str, group)) for group in groups(fast)] == [
        sorted(map(str, group)) for group in groups(queried)
    ]


def groups(rows: list) -> list[list]:
    found: dict[object, list] = {}
    for row in rows:
        found.setdefault(row[0], []).append(row)
    return list(found.values())


@pytest.fixture(scope="module")
def register_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store: the partnerships fixture, the odd agreements above and a skewed
    generated register (many parties, partial dates, agreements dated by validity)."""
    return skewed_register_store(tmp_path_factory.mktemp("statement-extracts"), EDGES)


@pytest.mark.parametrize("lang", ["ru", "en", "be"])
def test_the_fixture_gives_the_same_rows_both_ways(partnerships_kg, lang):
    fast, queried = both_ways(partnerships_kg, lang)
    assert len(fast) == 3
    assert fast == queried


@pytest.mark.parametrize("lang", ["ru", "en", "be"])
def test_a_register_on_disk_gives_the_same_rows_both_ways(register_store, lang):
    with KnowledgeGraph.open(register_store, read_only=True) as kg:
        fast, queried = both_ways(kg, lang)
    assert len(fast) > 100
    edges = {row[0].value.rsplit("/", 1)[-1]: row for row in fast if "/edges/" in row[0].value}
    assert "implemented" not in edges
    assert edges["escaped"][4].value == "2"  # t:p2 twice is one party
    assert edges["only-german"][2].value == "Abkommen"
    assert edges["untitled"][2] is None
    assert edges["no-language"][1].value == "7"
    assert_same_rows(fast, queried)
    several = {"two-titles": 2 if lang == "ru" else 1, "two-ids": 2, "two-dates": 2}
    for name, count in several.items():
        assert sum(1 for row in fast if row[0].value.endswith("/" + name)) == count
    # where no agreement holds several values of one column, the order is the query's too
    single = [row for row in queried if row[0].value.rsplit("/", 1)[-1] not in several]
    assert [row for row in fast if row[0].value.rsplit("/", 1)[-1] not in several] == single


def test_the_same_rows_without_snapshots_and_after_results(register_store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(register_store, copy)
    with KnowledgeGraph.open(copy) as kg:
        write_results(kg, analyze(kg))
        fast, queried = both_ways(kg, "ru")
        assert_same_rows(fast, queried)
    shutil.rmtree(copy / SNAPSHOT_FOLDER)
    with KnowledgeGraph.open(copy, read_only=True) as kg:
        assert both_ways(kg, "ru")[0] == fast


def test_a_blank_agreement_leaves_it_to_the_query(kg):
    kg.oxigraph.load(
        b"[] a <https://w3id.org/edukg/ontology#CooperationAgreement> .",
        format=ox.RdfFormat.TURTLE,
    )
    assert agreements_without_events(kg) is None
    assert len(idle_agreements(kg)) == 1


def test_the_trends_give_the_querys_records_on_an_embedded_store(register_store):
    with KnowledgeGraph.open(register_store, read_only=True) as kg:
        records = idle_agreements(kg, lang="en")
        expected = run_query(kg, QUERY, {"lang": "en"}).records()
        fast = STATEMENT_EXTRACTS[QUERY](kg)  # the bench's form: lang ru
        in_russian = run_query(kg, QUERY, {}).rows
    assert_same_rows([tuple(r.values()) for r in records], [tuple(r.values()) for r in expected])
    assert fast is not None
    assert_same_rows(fast.rows, in_russian)


def assert_same_multiset(fast: list, queried: list) -> None:
    """The same rows, each as often (the query has no ORDER BY: its order is the engine's)."""
    assert sorted(map(str, fast)) == sorted(map(str, queried))


IE_WINDOWS = [
    pytest.param(Window(), id="all-time"),
    pytest.param(Window(since=dt.date(2024, 1, 1)), id="since"),
    pytest.param(Window(until=dt.date(2023, 5, 1)), id="until"),
    pytest.param(Window(active_on=dt.date(2024, 5, 20)), id="active-on"),
]


def institution_event_both_ways(kg: KnowledgeGraph, window: Window, lang: str) -> tuple[list, list]:
    fast = institution_event(
        kg,
        lang=lang,
        window=(window.since, window.until, window.active_on),
        skip=derived_graphs(kg),
    )
    assert fast is not None
    given = {k: v.isoformat() for k, v in window.values().items() if v}
    return fast.rows, run_query(kg, "network-institution-event", {**given, "lang": lang}).rows


@pytest.mark.parametrize("window", IE_WINDOWS)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_institution_event_rows_are_the_querys(register_store, window, lang):
    with KnowledgeGraph.open(register_store, read_only=True) as kg:
        fast, queried = institution_event_both_ways(kg, window, lang)
    assert sum(1 for row in fast if row[0].value == "membership") > (
        50 if window == Window() else 2
    )
    assert_same_multiset(fast, queried)


def test_institution_event_rows_of_the_fixture_are_the_querys(partnerships_kg):
    fast, queried = institution_event_both_ways(partnerships_kg, Window(), "ru")
    assert len(fast) > 10
    assert_same_multiset(fast, queried)


@pytest.mark.parametrize("window", IE_WINDOWS)
def test_the_institution_event_network_is_the_querys(register_store, window):
    with KnowledgeGraph.open(register_store, read_only=True) as kg:
        fast = institution_event_network(kg, window=window)
        queried = institution_event_network(kg, window=window, via_sparql=True)
    assert fast.number_of_edges() > (50 if window == Window() else 0)
    assert fast.graph == queried.graph
    # t:e1 has two start dates, t:i1 two kinds and regions: each way keeps the value of its
    # first row (the query's row order is the engine's); all else is the same
    several = {"e1": ("start",), "i1": ("kind", "region", "region_iri")}
    for name, keys in several.items():
        node = "https://test.example/edges/" + name
        if node in fast:
            for key in keys:
                assert (fast.nodes[node].pop(key) is None) == (queried.nodes[node].pop(key) is None)
    assert list(fast.nodes(data=True)) == list(queried.nodes(data=True))
    assert list(fast.edges(data=True)) == list(queried.edges(data=True))


def test_a_blank_institution_leaves_the_institution_event_rows_to_the_query(partnerships_kg):
    partnerships_kg.oxigraph.load(
        b"[] a <https://w3id.org/edukg/ontology#Institution> .", format=ox.RdfFormat.TURTLE
    )
    assert institution_event(partnerships_kg) is None
    network = institution_event_network(partnerships_kg)
    assert sum(1 for _, part in network.nodes(data="bipartite") if part == 0) > 1
