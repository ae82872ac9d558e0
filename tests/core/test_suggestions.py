"""One "did you mean" everywhere, with a cutoff that keeps unrelated names out."""

from __future__ import annotations

from edukg.ontology.countries import closest_countries


def test_atlantis_suggests_no_country() -> None:
    assert closest_countries("Атлантида") == []


def test_a_typo_in_a_country_name_still_finds_it() -> None:
    assert closest_countries("Беларсь")[0] == "беларусь"
    assert closest_countries("Germny")[0] == "germany"
