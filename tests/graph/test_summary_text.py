"""Summaries worked out from N-Triples text give exactly the summary queries' statements.

Each case is a few graphs in Turtle, loaded into a store: the text form
(:func:`edukg.graph.summary_text.text_summary_lines`, over each graph's dump)
and the queries over the store (:func:`edukg.graph.summaries.summary_lines`)
must give the same lines, or the text form must decline (``None``) where it
cannot be sure.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from edukg.graph.summaries import SUMMARY_GRAPH, summary_lines
from edukg.graph.summary_text import KINDS, text_summary_lines

HEAD = """
@prefix edukg: <https://w3id.org/edukg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix x: <https://edukg.example/id/> .
"""

REGISTER = """
x:a1 a edukg:CooperationAgreement ; edukg:signedOn "2021-03-01"^^xsd:date , "2019-12-31"^^xsd:date ;
   schema:validFrom "2018-01-01"^^xsd:date ; schema:validThrough "2025-06-30"^^xsd:date , "2027" ;
   edukg:hasParty x:i1 , x:i2 , x:i3 ; edukg:qualifiedParty x:a1-p1 .
x:a1-p1 edukg:signedOn "2020-02-02"^^xsd:date .
x:a2 a edukg:CooperationAgreement ; schema:validFrom "2022-05-01"^^xsd:date ;
   schema:validThrough "2024-02"^^xsd:gYearMonth , "2023-12" ; edukg:hasParty x:i1 .
x:a3 a edukg:CooperationAgreement ; edukg:signedOn "  20"@en , <https://edukg.example/id/2024> .
x:a4 a edukg:CooperationAgreement ; edukg:signedOn "0999-01-01" , "-12" , "02020" .
x:i1 a edukg:Institution ; skos:prefLabel "ГУО «Школа № 1»"@ru , "School No. 1"@en ;
   skos:altLabel "ΣΧΟΛΕΙΟ ΟΔΟΣ"@el ; dcterms:identifier "İnst-1" ; edukg:country x:BY .
x:i2 a edukg:Institution ; skos:prefLabel "Say \\"hi\\" \\\\ there"@en ;
   edukg:country x:RU , "RU" .
x:i3 a edukg:Institution ; skos:prefLabel "Lab <https://w3id.org/edukg/ontology#hasParty> x" ;
   edukg:country x:BY .
x:i4 a edukg:Institution ; skos:prefLabel "中文大学" .
x:i5 a edukg:Institution .
x:e1 schema:organizer x:i4 ; schema:attendee x:i4 .
x:i4 edukg:region x:r1 , x:r2 ; edukg:country x:KZ .
x:KZ skos:notation "KZ" , "KAZ" .
x:r1 skos:prefLabel "Регион 1"@ru , "Region 1"@en .
x:r2 skos:prefLabel "Регион 2"@ru ; skos:notation "R2" .
x:i6 a edukg:Institution ; skos:prefLabel "Школа"@ru , "Школа"@be ; edukg:region x:r1 , "Минск" .
x:e2 schema:organizer x:i5 ; schema:attendee x:i1 .
x:e3 a edukg:CooperationEvent ; schema:startDate "2023-04-10"^^xsd:date , "+024-01" , " 2020" .
x:e4 a edukg:CooperationEvent .
x:a5 schema:validThrough "2030-01-01"^^xsd:date ; schema:startDate "2030" .
"""

ANOTHER_GRAPH = """
x:e3 edukg:implements x:a4 , "x:a1" .
x:a6 a edukg:CooperationAgreement ; edukg:signedOn "2020-02" , "2021" ; schema:validThrough "2022" .
x:i1 edukg:country x:BY .
x:a2 edukg:hasParty x:i4 .
x:i4 edukg:country x:KZ .
"""


def _store(*graphs: str) -> ox.Store:
    store = ox.Store()
    for number, text in enumerate(graphs):
        graph = ox.NamedNode(f"https://edukg.example/graph/{number}")
        store.load((HEAD + text).encode("utf-8"), ox.RdfFormat.TURTLE, to_graph=graph)
    return store


def _texts(store: ox.Store) -> list[bytes]:
    return [
        store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b""
        for graph in store.named_graphs()
        if graph != SUMMARY_GRAPH
    ]


def _kinds(lines: set[bytes]) -> set[bytes]:
    return {line for line in lines if any(f"#{kind}> ".encode() in line for kind in KINDS)}


@pytest.mark.parametrize(
    "graphs",
    [
        (REGISTER,),
        (REGISTER, ANOTHER_GRAPH),
        (REGISTER, REGISTER),  # the same statements in two graphs count once
        ("",),
    ],
)
def test_the_text_gives_the_queries_lines(graphs: tuple[str, ...]) -> None:
    store = _store(*graphs)
    found = text_summary_lines(_texts(store))
    assert found is not None
    assert found.lines == _kinds(summary_lines(store))
    assert summary_lines(store, graphs=lambda: _texts(store)) == summary_lines(store)


def test_the_text_covers_every_kind_the_register_has() -> None:
    """The register case holds every kind at least once (else the comparison proves little)."""
    found = text_summary_lines(_texts(_store(REGISTER)))
    assert found is not None
    assert {kind for kind in KINDS if any(f"#{kind}> ".encode() in x for x in found.lines)} == set(
        KINDS
    )


def test_an_end_the_text_cannot_read_is_left_to_its_query() -> None:
    """An end of term that is not plain digits where the year, month and day are read: the
    text form leaves ``endDay`` to its query, and the whole still equals the queries'."""
    store = _store(REGISTER, "x:a1 schema:validThrough '2O25-01-01' , '2025-x' .")
    found = text_summary_lines(_texts(store))
    assert found is not None and "endDay" not in found.kinds
    assert not any(b"#endDay> " in line for line in found.lines)
    assert summary_lines(store, graphs=lambda: _texts(store)) == summary_lines(store)


@pytest.mark.parametrize(
    "text",
    [
        "[] a edukg:CooperationAgreement ; edukg:signedOn '2020' .",  # a blank-node agreement
        "x:a edukg:hasParty [ edukg:country x:BY ] .",  # a blank-node party
        "x:i a edukg:Institution ; skos:prefLabel 'Ա' .",  # a letter past Cyrillic
    ],
)
def test_the_text_declines_what_it_cannot_read_and_the_queries_answer(text: str) -> None:
    store = _store(REGISTER, text)
    assert text_summary_lines(_texts(store)) is None
    assert summary_lines(store, graphs=lambda: _texts(store)) == summary_lines(store)
