"""Whether a Russian word is a common one (pymorphy2, as natasha ships it with its Russian
dictionary: nothing is downloaded).

>>> is_common_word("обработки"), is_common_word("Сеченова"), is_common_word("Ташкентского")
(True, False, False)
>>> is_common_word("інстытута"), is_common_word("Pskov")
(False, False)
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from edukg.resolve.transliterate import cyrillic_language, has_cyrillic

PROPER = frozenset("Name Surn Patr Geox Orgn Trad Abbr Init".split())
"""pymorphy2 marks of names of people, places and organisations, and abbreviations."""

COMMON_PARTS = frozenset("NOUN ADJF ADJS PRTF".split())
"""Parts of speech of the common words names are made of."""

_PLACE_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ий|ой)$")


@cache
def _analyser() -> Any:
    # natasha's MorphVocab is pymorphy2's analyser, loaded the way natasha makes it work on
    # current Pythons; imported here, so that a matcher without Russian names never loads it
    from natasha import MorphVocab

    return MorphVocab()


def _russian(word: str) -> bool:
    return has_cyrillic(word) and cyrillic_language(word) == "ru"


@lru_cache(maxsize=262144)
def is_common_word(word: str) -> bool:
    """Whether ``word`` is a Russian common word of the dictionary (not a person, a place, an
    organisation or an abbreviation): a word a name translates, never transliterates."""
    lowered = word.lower()
    if not _russian(lowered) or len(lowered) < 4:
        return False
    analyser = _analyser()
    if not analyser.word_is_known(lowered):
        return False
    parses = analyser.parse(lowered)
    if any(set(parse.tag.grammemes) & PROPER for parse in parses):
        return False
    first = parses[0]
    if first.tag.POS not in COMMON_PARTS:
        return False
    # adjectives in -ский are mostly of places and peoples (рижский, харьковская), which
    # the dictionary does not mark: never taken for common words
    return not _PLACE_ADJECTIVE.search(str(first.normal_form))


@lru_cache(maxsize=262144)
def lemma_of(word: str) -> str:
    """The dictionary form of a Russian word (its most likely parse); other words lowered.

    >>> lemma_of("овощеводства"), lemma_of("Физической"), lemma_of("Pskov")
    ('овощеводство', 'физический', 'pskov')
    """
    lowered = word.lower().replace("ё", "е")
    if not _russian(lowered):
        return lowered
    return str(_analyser().parse(lowered)[0].normal_form).replace("ё", "е")
