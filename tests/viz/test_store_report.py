"""The store report shows the first page of long listings and says so."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files
from edukg.queries.runner import PAGE_SIZE
from edukg.viz.report import write_report_page
from edukg.viz.store_report import store_report

EDUKG = "https://w3id.org/edukg/ontology#"
ID = "https://edukg.example/id/"


def _agreements(count: int) -> list[ox.Triple]:
    """``count`` agreements in force since 2020, open-ended, that no event implements."""
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    label = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    a, b = ox.NamedNode(ID + "institution/a"), ox.NamedNode(ID + "institution/b")
    triples = [
        ox.Triple(a, rdf_type, ox.NamedNode(EDUKG + "Institution")),
        ox.Triple(b, rdf_type, ox.NamedNode(EDUKG + "Institution")),
        ox.Triple(a, label, ox.Literal("Школа А", language="ru")),
        ox.Triple(b, label, ox.Literal("Школа Б", language="ru")),
    ]
    for number in range(count):
        agreement = ox.NamedNode(f"{ID}agreement/{number:04d}")
        triples += [
            ox.Triple(agreement, rdf_type, ox.NamedNode(EDUKG + "CooperationAgreement")),
            ox.Triple(agreement, label, ox.Literal(f"Соглашение {number}", language="ru")),
            ox.Triple(
                agreement,
                ox.NamedNode(EDUKG + "signedOn"),
                ox.Literal("2020-01-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),
            ),
            ox.Triple(agreement, ox.NamedNode(EDUKG + "hasParty"), a),
            ox.Triple(agreement, ox.NamedNode(EDUKG + "hasParty"), b),
        ]
    return triples


def _store(count: int, folder: Path) -> KnowledgeGraph:
    path = folder / "register.nt"
    path.write_bytes(ox.serialize(_agreements(count), format=ox.RdfFormat.N_TRIPLES))
    kg = KnowledgeGraph.in_memory()
    load_files(kg, [path])
    return kg


def test_a_long_listing_shows_its_first_page_and_how_to_get_the_rest(tmp_path: Path) -> None:
    with _store(PAGE_SIZE + 5, tmp_path) as kg:
        report = store_report(kg, analysis=None, lang="en")
    dormant = report.tables["dormant"]
    assert dormant is not None
    assert len(dormant.rows) == PAGE_SIZE
    assert dormant.note == (
        f"The first {PAGE_SIZE} rows. Every row: edukg query dormant-agreements --limit 0"
    )
    page = write_report_page(report, tmp_path / "report.html").read_text(encoding="utf-8")
    assert f'<p class="note">{dormant.note}</p>' in page


def test_a_short_listing_has_no_note(tmp_path: Path) -> None:
    with _store(3, tmp_path) as kg:
        report = store_report(kg, analysis=None, lang="ru")
    dormant = report.tables["dormant"]
    assert dormant is not None
    assert len(dormant.rows) == 3
    assert dormant.note == ""


def test_partner_countries_never_list_the_home_country() -> None:
    fixture = Path(__file__).parents[1] / "queries" / "fixtures" / "partner-countries.ttl"
    with KnowledgeGraph.in_memory() as kg:
        load_files(kg, [fixture])
        report = store_report(kg, analysis=None, lang="en", home_country="BY")
    countries = [label for label, _ in report.by_country]
    assert countries and "Belarus" not in countries
    assert "Russian Federation" in countries
