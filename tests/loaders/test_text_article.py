"""Extraction from the real article: what it must find, and what it must not invent."""

from __future__ import annotations

from pathlib import Path

import pytest

from edukg.loaders.text_candidates import Candidate
from edukg.loaders.text_loader import Extraction, extract_file

ARTICLE = Path(__file__).resolve().parent.parent / "data" / "text" / "minsk-region-article.txt"
BASE = "https://edukg.example/id/"
EKIND = "https://w3id.org/edukg/concept/event-kind/"


@pytest.fixture(scope="module")
def article() -> Extraction:
    return extract_file(ARTICLE, base_iri=BASE)


def of_kind(extraction: Extraction, kind: str) -> list[Candidate]:
    return [c for c in extraction.candidates if c.kind == kind]


def test_finds_the_institute_in_the_nominative_with_its_region(article: Extraction) -> None:
    (institute,) = of_kind(article, "institution")
    assert institute.value == "Минский областной институт развития образования"
    assert institute.details["region"] == "BY-MI"
    assert institute.details["country"] == "BY"
    assert institute.details["kind"].endswith("/institute_of_education_development")


def test_finds_no_partner_institution(article: Extraction) -> None:
    names = [c.value for c in of_kind(article, "institution")]
    assert names == ["Минский областной институт развития образования"]


def test_finds_the_minsk_region(article: Extraction) -> None:
    regions = of_kind(article, "region")
    assert [(r.value, r.label) for r in regions] == [("BY-MI", "Минская область")]


def test_finds_the_partner_countries_as_countries_of_the_institute(article: Extraction) -> None:
    partners = of_kind(article, "partner-country")
    assert sorted(p.value for p in partners) == ["KZ", "RU", "TJ"]
    (institute,) = of_kind(article, "institution")
    assert {p.subject for p in partners} == {institute.id}
    # Belarus is the institute's own country, not a partner.
    assert "BY" not in {p.value for p in partners}


def test_finds_sixteen_agreements_in_2024_in_the_minsk_region(article: Extraction) -> None:
    (count,) = of_kind(article, "agreement-count")
    assert count.value == "16"
    assert count.details["period"] == "2024"
    region = next(c for c in article.candidates if c.id == count.subject)
    assert region.value == "BY-MI"
    assert "2024" in {c.value for c in of_kind(article, "year")}


def test_finds_the_event_kinds_reported_with_the_count(article: Extraction) -> None:
    (count,) = of_kind(article, "agreement-count")
    with_count = {c.value for c in of_kind(article, "event-kind") if c.subject == count.id}
    assert with_count == {EKIND + "delegation_visit", EKIND + "seminar", EKIND + "round_table"}


def test_each_candidate_quotes_its_words_and_sentence_at_their_offsets(
    article: Extraction,
) -> None:
    for candidate in article.candidates:
        assert article.text[candidate.start : candidate.stop] == candidate.quote
        sentence = article.text[candidate.sentence_start : candidate.sentence_stop]
        assert sentence == candidate.sentence
        assert candidate.sentence_start <= candidate.start
        assert candidate.start < candidate.stop <= candidate.sentence_stop
        assert 0 < candidate.confidence <= 1
    (count,) = of_kind(article, "agreement-count")
    assert count.sentence == (
        "В частности, в 2024 г. учреждениями образования Минской области заключено "
        "16 соглашений о сотрудничестве в сфере образования."
    )


def test_the_same_text_gives_the_same_ids(article: Extraction) -> None:
    again = extract_file(ARTICLE, base_iri=BASE)
    assert [c.id for c in again.candidates] == [c.id for c in article.candidates]
