"""Queries that sort on one text key made per row sort their rows as on the columns.

The summary forms of some catalogue queries sort on a single text key (label, U+0000,
IRI) instead of several sort keys, which Oxigraph reads from disk at every comparison.
The institutions below tie, share prefixes, hold characters below and above the
separator's neighbours (a tab, a space, Cyrillic, Latin of both cases), lack a label or a
country: both forms must give the same rows in the same order, the order of the columns.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files
from edukg.queries.runner import run_query, section_flags
from tests.queries.conftest import rdflib_copy

PREFIXES = """\
@prefix edukg: <https://w3id.org/edukg/ontology#> .
@prefix country: <https://w3id.org/edukg/country/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix inst: <https://edukg.example/id/institution/> .
@prefix reg: <https://edukg.example/id/region/> .
"""

LABELS = {
    "a1": ("Институт", "BY"),
    "a2": ("Институт", "BY"),  # the same label: the IRI decides
    "a10": ("Институт", "BY"),  # IRIs that share a prefix
    "b": ("Институт 2", "BY"),  # a label that continues another
    "c": ("Институт\t2", "BY"),  # a character below the space
    "d": ("Институт-2", "BY"),
    "e": ("институт", "BY"),
    "f": ("Institute", "BY"),
    "g": ("institute", "RU"),
    "h": ("Ёлка", "RU"),
    "i": ("Я", None),
    "j": (None, "RU"),  # no label: its IRI stands in
    "k": (None, None),
}


def _turtle() -> str:
    lines = [PREFIXES]
    for name, (label, code) in LABELS.items():
        parts = [f"inst:{name} a edukg:Institution"]
        if label is not None:
            escaped = label.replace("\t", "\\t")
            parts.append(f'skos:prefLabel "{escaped}"@ru')
        if code is not None:
            parts.append(f"edukg:country country:{code}")
        lines.append(" ; ".join(parts) + " .")
    return "\n".join(lines) + "\n"


@pytest.fixture
def tied_kg(tmp_path: Path):
    path = tmp_path / "tied.ttl"
    path.write_text(_turtle(), encoding="utf-8")
    with KnowledgeGraph.in_memory() as kg:
        load_files(kg, [path])
        yield kg


def test_institutions_without_partners_sort_on_the_key_as_on_the_columns(tied_kg):
    assert "summaries" in section_flags(tied_kg)
    summary = run_query(tied_kg, "institutions-without-partners").rows
    portable = run_query(tied_kg, "institutions-without-partners", use_summaries=False).rows
    assert len(summary) == len(LABELS)
    assert summary == portable

    def columns(row):
        country = "" if row[2] is None else row[2].value
        return (row[2] is not None, country, row[1].value, row[0].value)

    assert summary == sorted(summary, key=columns)


NETWORK_DATA = PREFIXES + """\
@prefix ev: <https://edukg.example/id/event/> .
@prefix agr: <https://edukg.example/id/agreement/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix ekind: <https://w3id.org/edukg/concept/event-kind/> .
"""
"""Events and agreements whose IRIs share prefixes (``1``, ``1-a``, ``10``, ``1/x``)."""


def _network_turtle() -> str:
    lines = [NETWORK_DATA]
    hosts = ["inst:h1", "inst:h10", "inst:h1-a"]
    for number, name in enumerate(["1", "1-a", "10", "1/x", "2", "Z", "z", "Ё"]):
        visitors = ", ".join(f"inst:{v}" for v in ("v1", "v10", "v1-a", "V2", "h1")[: number + 2])
        lines.append(
            f"<https://edukg.example/id/event/{name}> a edukg:CooperationEvent ; "
            "edukg:kind ekind:delegation_visit ; "
            f'schema:organizer {hosts[number % 3]} ; schema:attendee {visitors} ; '
            f'schema:startDate "202{number}-0{number + 1}-01" .'
        )
        lines.append(
            f"<https://edukg.example/id/agreement/{name}> a edukg:CooperationAgreement ; "
            f'dcterms:identifier "A-{number}" ; '
            f'skos:prefLabel "Соглашение {name}"@ru , "Agreement {name}"@en ; '
            f"edukg:hasParty {hosts[number % 3]} ."
        )
    lines.append("ev:1 edukg:implements agr:1 .")
    return "\n".join(lines) + "\n"


@pytest.fixture
def network_kg(tmp_path: Path):
    path = tmp_path / "network.ttl"
    path.write_text(_network_turtle(), encoding="utf-8")
    with KnowledgeGraph.in_memory() as kg:
        load_files(kg, [path])
        yield kg


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("network-delegation-visits", {}),
        ("network-delegation-visits", {"since": "2023-01-01"}),
        ("network-agreements-without-events", {}),
        ("network-agreements-without-events", {"lang": "en"}),
    ],
)
def test_network_extracts_sort_as_their_iris(network_kg, name, params):
    rows = run_query(network_kg, name, params).rows
    assert len(rows) > 3
    # the IRIs' own text, as SPARQL orders IRIs: the row order the extracts always had
    assert rows == sorted(rows, key=lambda row: tuple(term.value for term in row[:2]))
    assert rows == run_query(rdflib_copy(network_kg), name, params).rows
