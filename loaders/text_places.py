"""Places named in Russian text, mapped to our countries and regions.

Countries are found by the dictionary forms of their names: every Russian,
Belarusian and English name pycountry gives a country (and the everyday names
of :data:`~edukg.ontology.countries.NAME_ALIASES`) is indexed by its lemmas, so
"Российской Федерации" and "Казахстана" find RU and KZ without a table of
inflected forms. Regions ("Минской области", "Минский областной ...") are matched
to pycountry's ISO 3166-2 subdivisions by their adjective, compared with the
subdivision's Russian name or, where pycountry lacks one, its Ukrainian or
Belarusian name (close Cyrillic spellings: Мінська, Мінская).

>>> country_of_phrase("Российской Федерации"), country_of_phrase("Казахстана")
('RU', 'KZ')
>>> region_of_adjective("Минской")
Region(code='BY-MI', country='BY', label='Минская область')
"""

from __future__ import annotations

import difflib
import gettext
import re
from dataclasses import dataclass
from functools import cache

import pycountry

from edukg.loaders.text_nlp import feminine_nominative, phrase_lemmas
from edukg.ontology.countries import NAME_ALIASES, country_code, country_names

REGION_TYPES = ("oblast", "region", "province", "voblast")
"""pycountry subdivision types that are regions of the kind "... область"."""

REGION_MATCH = 0.8
"""How close (difflib ratio) a region's adjective must be to a subdivision's name."""

_FOLD = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "ў": "в", "ё": "е", "ь": None,
                       "'": None, "’": None, "ъ": None})


@dataclass(frozen=True)
class Region:
    """A region: its ISO 3166-2 code, its country and its Russian name."""

    code: str
    country: str
    label: str


@cache
def _country_lemmas() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for names in country_names(country).values():
            for name in names:
                index.setdefault(phrase_lemmas(name), country.alpha_2)
                if ", " in name:
                    head, tail = name.split(", ", 1)
                    index.setdefault(phrase_lemmas(f"{tail} {head}"), country.alpha_2)
    for name, code in NAME_ALIASES.items():
        index.setdefault(phrase_lemmas(name), code)
    return index


def country_of_phrase(text: str) -> str | None:
    """The alpha-2 code of a country named by ``text`` in any case form, or ``None``."""
    found = _country_lemmas().get(phrase_lemmas(text))
    if found is not None:
        return found
    # Abbreviations and codes (РФ, США) need no lemma.
    return country_code(text) if len(text) <= 4 and text.isupper() else None


@cache
def _region_names() -> list[tuple[str, str, str]]:
    """(folded adjective, subdivision code, country) of every region-like subdivision."""
    catalogues = {}
    for language in ("ru", "uk", "be"):
        try:
            catalogues[language] = gettext.translation(
                "iso3166-2", pycountry.LOCALES_DIR, languages=[language]
            )
        except OSError:
            continue
    names: list[tuple[str, str, str]] = []
    for subdivision in pycountry.subdivisions:
        if not any(kind in subdivision.type.lower() for kind in REGION_TYPES):
            continue
        for catalogue in catalogues.values():
            translated = catalogue.gettext(subdivision.name)
            if translated == subdivision.name or not re.match(r"[А-Яа-яЁёІіЇїЄєЎў]", translated):
                continue
            adjective = translated.split()[0].lower().translate(_FOLD)
            names.append((adjective, subdivision.code, subdivision.country_code))
            break
    return names


@cache
def region_of_adjective(adjective: str, *, prefer: frozenset[str] = frozenset()) -> Region | None:
    """The region called "<adjective> область", in any case form, or ``None``.

    ``prefer`` names countries the text speaks of: among equally close
    matches, a region of one of them wins.
    """
    feminine = feminine_nominative(adjective.lower())
    if not feminine.endswith("ая"):
        return None
    probe = feminine.translate(_FOLD)
    best: tuple[float, bool, str, str] | None = None
    matcher = difflib.SequenceMatcher(None, b=probe)
    for name, code, country in _region_names():
        matcher.set_seq1(name)
        if matcher.real_quick_ratio() < REGION_MATCH or matcher.quick_ratio() < REGION_MATCH:
            continue
        ratio = matcher.ratio()
        if ratio < REGION_MATCH:
            continue
        key = (ratio, country in prefer, code, country)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None:
        return None
    label = feminine[:1].upper() + feminine[1:] + " область"
    return Region(code=best[2], country=best[3], label=label)
