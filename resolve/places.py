"""City names across languages (Москва, Масква, Moscow) from the Unicode CLDR's city names.

A city whose Russian and English names do not look alike (an exonym: Москва / Moscow,
Прага / Prague, Киев / Kyiv, Кишинёв / Chișinău) is one place for edukg only if it knows
both names. The Unicode CLDR names the city of every time zone (about 400: the capitals
and the large cities, every Russian time zone's city among them) in each language; the
``babel`` package ships those names. :func:`place_key` reads a city's name as the
skeleton of its English name when the CLDR knows it in ru, be, uk, kk or en, and as its own
skeleton otherwise. Without ``babel`` every city is read as its own skeleton.

>>> place_key("Москва") == place_key("Moscow") == place_key("Масква")
True
>>> place_key("Москвы") == place_key("Moscow"), place_key("Прага") == place_key("Prague")
(True, True)
>>> place_key("Минска") == place_key("Minsk"), place_key("Брест") == place_key("Brest")
(True, True)
"""

from __future__ import annotations

import logging
from collections import defaultdict
from functools import cache, lru_cache

from edukg.resolve.transliterate import skeleton

LANGUAGES = ("en", "ru", "be", "uk", "kk")
"""The languages whose CLDR city names are read (English is what the others are read as)."""

MIN_ENDING_STEM = 4
"""A place's skeleton keeps at least this many letters when its case ending is cut."""

_LOG = logging.getLogger(__name__)


def _bare(folded: str) -> str:
    """A skeleton without the vowels of a case ending (Москвы, Москва: maskv)."""
    trimmed = folded.rstrip("aeiu")
    return trimmed if len(trimmed) >= MIN_ENDING_STEM else folded


@cache
def exonyms() -> dict[str, str]:
    """Skeletons of the CLDR's city names (and of them without a case ending) to the
    English name; a skeleton two cities share is left out.

    >>> exonyms()[skeleton("Москва")], exonyms()[skeleton("Moskva")]
    ('Moscow', 'Moscow')
    """
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - babel is a dependency
        _LOG.warning("babel is not installed: cities are compared by their letters only")
        return {}
    english = Locale("en").time_zones
    targets: dict[str, set[str]] = defaultdict(set)
    for lang in LANGUAGES:
        for zone, names in Locale(lang).time_zones.items():
            city = names.get("city")
            if not city or "/" not in zone:
                continue
            en = english.get(zone, {}).get("city") or zone.rsplit("/", 1)[1].replace("_", " ")
            for form in {skeleton(city), _bare(skeleton(city)), skeleton(en), _bare(skeleton(en))}:
                if form:
                    targets[form].add(en)
    return {form: next(iter(found)) for form, found in targets.items() if len(found) == 1}


@lru_cache(maxsize=65536)
def place_key(place: str) -> str:
    """What a city is compared by: the skeleton of its English name when the CLDR knows the
    city, else its own skeleton.

    >>> place_key("Киев") == place_key("Kyiv") == place_key("Kiev")
    True
    >>> place_key("Гродно")
    'hradna'
    """
    folded = skeleton(place)
    english = english_name(folded) or english_name(_bare(folded))
    return skeleton(english) if english else folded


def english_name(folded: str) -> str | None:
    """The English name of the city whose name (in ru, be, uk, kk or en) has the skeleton
    ``folded``, if the CLDR knows it.

    >>> english_name(skeleton("Кіеў")), english_name(skeleton("Гродно"))
    ('Kyiv', None)
    """
    return exonyms().get(folded)
