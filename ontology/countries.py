"""Countries as linked data, generated from pycountry, and country look-up.

Every ISO 3166-1 country becomes a ``schema:Country`` with its alpha-2 code
as ``skos:notation`` and names in English, Russian and Belarusian taken from
pycountry's gettext catalogues; Wikidata matches come from
``wikidata_countries.csv`` where known.

>>> from edukg.ontology.countries import country_code
>>> country_code("Беларусь"), country_code("KAZ"), country_code("643"), country_code("UK")
('BY', 'KZ', 'RU', 'GB')
>>> country_code("XK"), country_code("Косово")
('XK', 'XK')
"""

from __future__ import annotations

import csv
import difflib
import gettext
from functools import cache
from importlib import resources

import pycountry
from rdflib import RDF, SKOS, Graph, Literal, URIRef

from edukg.ontology.namespace import COUNTRY, SCHEMA, WD
from edukg.ontology.normalize import normalize_name

LANGUAGES = ("en", "ru", "be")

# Codes that registers use although ISO 3166-1 assigns them elsewhere or not at all:
# the European Commission writes UK and EL (CORDIS), and XK is Kosovo's user-assigned code.
CODE_ALIASES = {"UK": "GB", "EL": "GR"}

# Codes outside ISO 3166-1 that registers use for a country ISO does not list: Kosovo's XK
# (user-assigned, used by the European Commission and CORDIS). Each is a country of its own,
# so that a load that accepts it and ``edukg validate`` agree.
USER_ASSIGNED: dict[str, dict[str, str]] = {
    "XK": {"alpha3": "XKX", "en": "Kosovo", "ru": "Косово", "be": "Косава", "wikidata": "Q1246"},
}

# Everyday short names that pycountry's catalogues give only in their long form.
NAME_ALIASES = {
    "Russia": "RU", "Россия": "RU", "Расія": "RU", "РФ": "RU",
    "USA": "US", "США": "US", "ЗША": "US",
    "Великобритания": "GB", "Вялікабрытанія": "GB", "Britain": "GB",
    "Молдова": "MD", "Малдова": "MD", "Moldova": "MD",
    "Кыргызстан": "KG", "Киргизия": "KG", "Кыргызстан Республика": "KG",
    "Иран": "IR", "Iran": "IR", "Вьетнам": "VN", "Vietnam": "VN",
    "Turkey": "TR", "Турция": "TR", "Турцыя": "TR",
    "Южная Корея": "KR", "South Korea": "KR", "Сирия": "SY", "Syria": "SY",
}


def country_iri(alpha2: str) -> URIRef:
    """The IRI of a country by ISO 3166-1 alpha-2 code.

    >>> country_iri("BY")
    rdflib.term.URIRef('https://w3id.org/edukg/country/BY')
    """
    return COUNTRY[alpha2.upper()]


@cache
def _translations(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])


@cache
def wikidata_ids() -> dict[str, str]:
    """Alpha-2 code to Wikidata item id, for the countries we know them for."""
    text = resources.files("edukg.ontology").joinpath("wikidata_countries.csv").read_text("utf-8")
    return {row["alpha2"]: row["wikidata"] for row in csv.DictReader(text.splitlines())}


def country_names(country: object) -> dict[str, list[str]]:
    """All names of a pycountry country per language, preferred name first.

    A language is left out where pycountry's catalogue has no translation.
    """
    names: dict[str, list[str]] = {}
    for language in LANGUAGES:
        translate = _translations(language).gettext
        found: list[str] = []
        for attribute in ("common_name", "name", "official_name"):
            value = getattr(country, attribute, None)
            if not value:
                continue
            translated = translate(value)
            if language != "en" and translated == value:
                continue  # no translation: do not pass English off as Russian
            if translated not in found:
                found.append(translated)
        if found:
            names[language] = found
    return names


def countries_graph() -> Graph:
    """Every ISO 3166-1 country as a ``schema:Country`` with ru, be, en labels."""
    graph = Graph()
    qids = wikidata_ids()
    for country in pycountry.countries:
        iri = country_iri(country.alpha_2)
        graph.add((iri, RDF.type, SCHEMA.Country))
        graph.add((iri, SKOS.notation, Literal(country.alpha_2)))
        graph.add((iri, SCHEMA.identifier, Literal(country.alpha_3)))
        for language, names in country_names(country).items():
            graph.add((iri, SKOS.prefLabel, Literal(names[0], lang=language)))
            for alternative in names[1:]:
                graph.add((iri, SKOS.altLabel, Literal(alternative, lang=language)))
        if country.alpha_2 in qids:
            graph.add((iri, SKOS.exactMatch, WD[qids[country.alpha_2]]))
    for code, facts in USER_ASSIGNED.items():
        iri = country_iri(code)
        graph.add((iri, RDF.type, SCHEMA.Country))
        graph.add((iri, SKOS.notation, Literal(code)))
        graph.add((iri, SCHEMA.identifier, Literal(facts["alpha3"])))
        for language in LANGUAGES:
            graph.add((iri, SKOS.prefLabel, Literal(facts[language], lang=language)))
        graph.add((iri, SKOS.exactMatch, WD[facts["wikidata"]]))
    return graph


@cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        for key in (country.alpha_2, country.alpha_3, country.numeric):
            index[key.upper()] = code
        for names in country_names(country).values():
            for name in names:
                index.setdefault(normalize_name(name), code)
                # "Корея, Республика" is also written "Республика Корея".
                if ", " in name:
                    head, tail = name.split(", ", 1)
                    index.setdefault(normalize_name(f"{tail} {head}"), code)
    for code, facts in USER_ASSIGNED.items():
        index[code] = index[facts["alpha3"]] = code
        for language in LANGUAGES:
            index.setdefault(normalize_name(facts[language]), code)
    for alias, code in CODE_ALIASES.items():
        index[alias] = code
    for name, code in NAME_ALIASES.items():
        index.setdefault(normalize_name(name), code)
    return index


def country_code(value: str) -> str | None:
    """The alpha-2 code for a code or a name in English, Russian or Belarusian.

    Accepts alpha-2, alpha-3 and numeric codes in any case, and names after
    normalisation (case, quotes, spaces, ё/е). Returns ``None`` if unknown.
    """
    text = value.strip()
    if not text:
        return None
    index = _country_index()
    if text.isdigit():
        return index.get(text.zfill(3))
    if len(text) in (2, 3) and text.isascii() and text.isalpha():
        found = index.get(text.upper())
        if found:
            return found
    return index.get(normalize_name(text))


def closest_countries(value: str, limit: int = 3) -> list[str]:
    """Country names or codes that look like ``value``, for "did you mean" hints."""
    keys = list(_country_index())
    probe = normalize_name(value) if len(value.strip()) > 3 else value.strip().upper()
    return difflib.get_close_matches(probe, keys, n=limit, cutoff=0.6)
