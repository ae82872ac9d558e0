"""The review step: candidates stay outside the knowledge graph until accepted or registered."""

from __future__ import annotations

from pathlib import Path

import pytest

from edukg.core.errors import InputError
from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files
from edukg.loaders.text_accept import accepted_source
from edukg.loaders.text_candidates import (
    CANDIDATES_GRAPH,
    mark_accepted,
    read_candidates,
    store_candidates,
)
from edukg.loaders.text_loader import Extraction, extract_file
from edukg.loaders.text_register import write_register

ARTICLE = Path(__file__).resolve().parent.parent / "data" / "text" / "minsk-region-article.txt"
BASE = "https://edukg.example/id/"

INSTITUTE_FACTS = """
PREFIX edukg: <https://w3id.org/edukg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?partner ?sentence WHERE {
  ?i a edukg:Institution ; skos:prefLabel "Минский областной институт развития образования"@ru ;
     edukg:country <https://w3id.org/edukg/country/BY> ;
     edukg:partnerCountry ?partner ; prov:wasDerivedFrom ?q .
  ?q prov:value ?sentence ; prov:wasQuotedFrom ?doc .
  FILTER (CONTAINS(STR(?sentence), "Казахстана"))
} ORDER BY ?partner
"""

COUNT_FACTS = """
PREFIX edukg: <https://w3id.org/edukg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?value ?period ?region (COUNT(DISTINCT ?kind) AS ?kinds) WHERE {
  ?s a edukg:AgreementCount ; schema:value ?value ; edukg:period ?period ;
     schema:observationAbout/skos:prefLabel ?region ; edukg:reportedEventKind ?kind .
} GROUP BY ?value ?period ?region
"""


@pytest.fixture(scope="module")
def article() -> Extraction:
    return extract_file(ARTICLE, base_iri=BASE)


def test_candidates_are_stored_outside_the_knowledge_graph(
    kg: KnowledgeGraph, article: Extraction
) -> None:
    store_candidates(kg, article.document, article.candidates)
    assert kg.sources() == []
    assert not kg.ask("ASK { ?i a <https://w3id.org/edukg/ontology#Institution> }")
    stored = read_candidates(kg)
    assert sorted(c.id for _, c in stored) == sorted(c.id for c in article.candidates)
    by_id = {c.id: c for _, c in stored}
    for candidate in article.candidates:
        assert by_id[candidate.id] == candidate
    # Extracting again replaces the pending candidates rather than adding to them.
    size = len(list(kg.quads([CANDIDATES_GRAPH])))
    store_candidates(kg, article.document, article.candidates)
    assert len(list(kg.quads([CANDIDATES_GRAPH]))) == size


def test_the_candidates_are_web_annotations_with_selectors(
    kg: KnowledgeGraph, article: Extraction
) -> None:
    store_candidates(kg, article.document, article.candidates)
    rows = kg.select(
        """
        PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?exact ?start ?end WHERE {
          ?c a oa:Annotation ; oa:hasBody <https://w3id.org/edukg/country/KZ> ;
             oa:hasTarget/oa:hasSelector ?q , ?p .
          ?q a oa:TextQuoteSelector ; oa:exact ?exact .
          ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
        }
        """
    )
    assert [(r["exact"].value, r["start"].value, r["end"].value) for r in rows] == [
        ("Казахстана", "1183", "1193")
    ]


def test_accepted_candidates_become_facts_with_their_sentences(
    kg: KnowledgeGraph, article: Extraction
) -> None:
    store_candidates(kg, article.document, article.candidates)
    wanted = [c for c in article.candidates if c.kind != "agreement" and c.confidence >= 0.8]
    (change,) = kg.write_sources([accepted_source(article.document, wanted)])
    mark_accepted(kg, article.document, [c.id for c in wanted])
    assert change.name == "text-minsk-region-article.txt"
    rows = kg.select(INSTITUTE_FACTS)
    assert [r["partner"].value.rsplit("/", 1)[-1] for r in rows] == ["KZ", "RU", "TJ"]
    (count,) = kg.select(COUNT_FACTS)
    assert (count["value"].value, count["period"].value, count["region"].value) == (
        "16", "2024", "Минская область",
    )
    assert count["kinds"].value == "3"
    statuses = {c.id: c.status for _, c in read_candidates(kg)}
    assert {statuses[c.id] for c in wanted} == {"accepted"}
    assert "pending" in statuses.values()
    # Extracting again neither proposes the accepted ones anew nor forgets they were accepted.
    again = store_candidates(kg, article.document, article.candidates)
    assert {c.status for c in again if c.id in {w.id for w in wanted}} == {"accepted"}


def test_an_institution_without_a_country_is_refused(kg: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "memo.txt"
    path.write_text(
        "С Казанским федеральным университетом подписан меморандум о сотрудничестве.",
        encoding="utf-8",
    )
    extraction = extract_file(path, base_iri=BASE)
    with pytest.raises(InputError) as caught:
        accepted_source(extraction.document, extraction.candidates)
    assert "does not say the country" in caught.value.problems[0].message
    assert caught.value.problems[0].value == "Казанским федеральным университетом"


def test_register_round_trip(kg: KnowledgeGraph, article: Extraction, tmp_path: Path) -> None:
    written = write_register(article.candidates, tmp_path / "reg", source="article.txt")
    assert [p.name for p in written] == ["institutions.csv"]
    result = load_files(kg, written)
    assert result.changes[0].records_added == 1
    rows = kg.select(
        """
        PREFIX edukg: <https://w3id.org/edukg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?country ?region WHERE {
          ?i a edukg:Institution ; edukg:country ?country ;
             edukg:region/skos:prefLabel ?region .
        }
        """
    )
    assert [(r["country"].value, r["region"].value) for r in rows] == [
        ("https://w3id.org/edukg/country/BY", "Минская область")
    ]
    assert kg.ask(
        "ASK { ?i <https://w3id.org/edukg/ontology#kind> "
        "<https://w3id.org/edukg/concept/institution-kind/institute_of_education_development> }"
    )


def test_register_of_dated_events_and_agreements_loads(kg: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text(
        "12 марта 2024 года ГУО «Минский областной институт развития образования» и "
        "ГУО «Брестский областной институт развития образования» подписали договор "
        "о сотрудничестве.\n\n"
        "5 апреля 2024 года Минский областной институт развития образования провёл "
        "круглый стол с коллегами из Казахстана.\n",
        encoding="utf-8",
    )
    extraction = extract_file(path, base_iri=BASE)
    written = write_register(extraction.candidates, tmp_path / "reg", source=path.name)
    assert sorted(p.name for p in written) == ["agreements.csv", "events.csv", "institutions.csv"]
    events = (tmp_path / "reg" / "events.csv").read_text(encoding="utf-8")
    assert "2024-04-05" in events and "круглый стол" in events and ",KZ," in events
    result = load_files(kg, written)
    assert sum(c.records_added for c in result.changes) == 4


def test_removing_the_source_makes_its_candidates_pending_again(
    kg: KnowledgeGraph, article: Extraction
) -> None:
    store_candidates(kg, article.document, article.candidates)
    chosen = [c for c in article.candidates if c.kind == "region"]
    kg.write_sources([accepted_source(article.document, chosen)])
    mark_accepted(kg, article.document, [c.id for c in chosen])
    assert {c.status for _, c in read_candidates(kg) if c.kind == "region"} == {"accepted"}
    kg.remove_source(article.document.source_name)
    assert {c.status for _, c in read_candidates(kg)} == {"pending"}
