"""Countries come from pycountry with Russian and Belarusian names."""

from __future__ import annotations

import pycountry
import pytest
from rdflib import SKOS, Literal, URIRef

from edukg.ontology.countries import closest_countries, countries_graph, country_code, country_iri


def test_every_iso_country_is_generated_with_its_code() -> None:
    graph = countries_graph()
    codes = {str(code) for code in graph.objects(None, SKOS.notation)}
    assert codes == {c.alpha_2 for c in pycountry.countries} | {"XK"}


def test_kosovo_xk_is_a_country_so_load_and_validate_agree() -> None:
    assert country_code("XK") == "XK"
    assert (country_iri("XK"), SKOS.prefLabel, Literal("Косово", lang="ru")) in countries_graph()


@pytest.mark.parametrize(
    ("code", "language", "label"),
    [
        pytest.param("BY", "ru", "Беларусь", id="by-ru"),
        pytest.param("BY", "be", "Беларусь", id="by-be"),
        pytest.param("RU", "be", "Расійская Федэрацыя", id="ru-be"),
        pytest.param("TJ", "be", "Таджыкістан", id="tj-be"),
        pytest.param("KZ", "ru", "Казахстан", id="kz-ru"),
        pytest.param("KZ", "en", "Kazakhstan", id="kz-en"),
    ],
)
def test_labels_come_from_the_gettext_catalogues(code: str, language: str, label: str) -> None:
    assert (country_iri(code), SKOS.prefLabel, Literal(label, lang=language)) in countries_graph()


@pytest.mark.parametrize(
    ("code", "qid"), [("BY", "Q184"), ("RU", "Q159"), ("KZ", "Q232"), ("TJ", "Q863")]
)
def test_wikidata_matches(code: str, qid: str) -> None:
    match = URIRef(f"http://www.wikidata.org/entity/{qid}")
    assert (country_iri(code), SKOS.exactMatch, match) in countries_graph()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("by", "BY"),
        ("BLR", "BY"),
        ("112", "BY"),
        ("Belarus", "BY"),
        ("Беларусь", "BY"),
        ("Республика Беларусь", "BY"),
        ("Российская Федерация", "RU"),
        ("Россия", "RU"),
        ("Расійская Федэрацыя", "RU"),
        ("  таджикистан ", "TJ"),
        ("Таджыкістан", "TJ"),
        ("Kazakhstan", "KZ"),
        ("UK", "GB"),
        ("EL", "GR"),
        ("Карэя, Рэспубліка", "KR"),
    ],
)
def test_country_code_reads_codes_and_names(text: str, code: str) -> None:
    assert country_code(text) == code


def test_unknown_country_gives_none_and_close_suggestions() -> None:
    assert country_code("Атлантида") is None
    assert country_code("") is None
    assert "казахстан" in closest_countries("Казахстн")
