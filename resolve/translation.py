"""Align the words of a Cyrillic name and a Latin one that a general dictionary translates.

The vocabulary (``words.csv``) knows the common words of institution names;
a name may use a word it lacks (овощеводства, purity). When such a word of
one name translates (by :mod:`edukg.resolve.dictionary`) a word of the other
that nothing else matches, both are read as one: the Cyrillic word takes the
Latin word's concept (or its skeleton), or the Latin word the Cyrillic one's
concept. Each word is matched once; words that already match stay as they are.

>>> from rapidfuzz import fuzz

from edukg.resolve.dictionary import Dictionary
>>> from edukg.resolve.keys import name_key
>>> english = {"vegetable": "   1. _n. овощ\\n   2. _a. овощной", "purity": "   _n. чистота"}
>>> words = Dictionary.from_entries(english)
>>> ru = name_key("Институт чистоты овощей")
>>> en = name_key("Institute of Vegetable Purity")
>>> ru.text == en.text
False
>>> ru2, en2 = translate_pair(ru, en, words)
>>> ru2.text == en2.text, ru2.text
(True, 'institute purit vehetabl')
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz

from edukg.resolve.dictionary import Dictionary, general_dictionary
from edukg.resolve.keys import ABBREVIATION_MARK, NameKey
from edukg.resolve.transliterate import skeleton
from edukg.resolve.vocabulary import Vocabulary

_CYRILLIC, _LATIN = frozenset({"cyrillic"}), frozenset({"latin"})

ALREADY_MATCHED = 80.0
"""A word whose skeleton is this alike (rapidfuzz ratio) to one of the other name's words
already matches it: it is not looked up."""


def translate_pair(
    a: NameKey, b: NameKey, dictionary: Dictionary | None = None
) -> tuple[NameKey, NameKey]:
    """``a`` and ``b`` with the words one translates of the other read alike (see module)."""
    if {a.scripts, b.scripts} != {_CYRILLIC, _LATIN}:
        return a, b  # the dictionary translates between the two scripts only
    if dictionary is None:
        return _translate_cached(a, b)
    return _translate(a, b, dictionary)


@lru_cache(maxsize=65536)
def _translate_cached(a: NameKey, b: NameKey) -> tuple[NameKey, NameKey]:
    return _translate(a, b, general_dictionary())


def _translate(a: NameKey, b: NameKey, dictionary: Dictionary) -> tuple[NameKey, NameKey]:
    if not dictionary or a.is_acronym or b.is_acronym:
        return a, b
    if a.scripts == frozenset({"cyrillic"}) and b.scripts == frozenset({"latin"}):
        cyrillic, latin = a, b
    elif b.scripts == frozenset({"cyrillic"}) and a.scripts == frozenset({"latin"}):
        cyrillic, latin = b, a
    else:
        return a, b
    if len(cyrillic.sources) != len(cyrillic.sequence) or len(latin.sources) != len(latin.sequence):
        return a, b
    russian = _open_items(cyrillic, latin)
    english = _open_items(latin, cyrillic)
    if not russian or not english:
        return a, b
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for i in russian:
        for j in english:
            if j in used or (cyrillic.sequence[i][1] and latin.sequence[j][1]):
                continue  # the vocabulary knows both words, and tells them apart
            if dictionary.translates(cyrillic.sources[i], latin.sources[j]):
                pairs.append((i, j))
                used.add(j)
                break
    if not pairs:
        return a, b
    new_cyrillic, new_latin = _unify(cyrillic, latin, pairs)
    return (new_cyrillic, new_latin) if cyrillic is a else (new_latin, new_cyrillic)


def _word_places(key: NameKey) -> dict[int, str]:
    """The place in ``key.sequence`` of each of ``key.words``, and the word."""
    places = [
        position for position, (_item, is_concept) in enumerate(key.sequence) if not is_concept
    ]
    return dict(zip(places, key.words, strict=False))


def word_sources(key: NameKey) -> dict[str, str]:
    """Each of ``key.words`` and the word of the name it was read from."""
    return {word: key.sources[place] for place, word in _word_places(key).items()}


def _open_items(key: NameKey, other: NameKey) -> list[int]:
    """The places in ``key.sequence`` of words ``other`` has nothing for: concepts it lacks,
    words none of its words look like (never abbreviations)."""
    found = []
    other_words = [w for w in other.words if not w.startswith(ABBREVIATION_MARK)]
    words = _word_places(key)
    for position, (item, is_concept) in enumerate(key.sequence):
        if is_concept:
            if item not in other.concepts and item not in other.qualifiers:
                found.append(position)
            continue
        folded = words.get(position, ABBREVIATION_MARK)
        if folded.startswith(ABBREVIATION_MARK):
            continue
        if not any(fuzz.ratio(folded, w) >= ALREADY_MATCHED for w in other_words):
            found.append(position)
    return found


def _unify(
    cyrillic: NameKey, latin: NameKey, pairs: list[tuple[int, int]]
) -> tuple[NameKey, NameKey]:
    """Both keys with each pair (Cyrillic place, Latin place) read as one concept or word."""
    c_sequence, l_sequence = list(cyrillic.sequence), list(latin.sequence)
    c_words, l_words = _word_places(cyrillic), _word_places(latin)
    for i, j in pairs:
        (r_item, r_concept), (e_item, e_concept) = c_sequence[i], l_sequence[j]
        if e_concept:
            c_sequence[i] = (e_item, True)
            c_words.pop(i, None)
        elif r_concept:
            l_sequence[j] = (r_item, True)
            l_words.pop(j, None)
        else:
            c_sequence[i] = (latin.sources[j], False)
            c_words[i] = l_words[j]
    return _rebuilt(cyrillic, c_sequence, c_words), _rebuilt(latin, l_sequence, l_words)


def _rebuilt(key: NameKey, sequence: list[tuple[str, bool]], words: dict[int, str]) -> NameKey:
    """``key`` with another sequence of concepts and words (``words`` by place)."""
    if sequence == list(key.sequence) and list(words.values()) == list(key.words):
        return key
    vocabulary = Vocabulary.from_package()
    concepts: list[str] = []
    qualifiers: set[str] = set()
    for item, is_concept in sequence:
        if is_concept and vocabulary.is_status(item):
            qualifiers.add(item)
        elif is_concept:
            concepts.append(item)
    kept = [words[position] for position in sorted(words)]
    return replace(
        key,
        concepts=tuple(concepts),
        words=tuple(kept),
        qualifiers=frozenset(qualifiers),
        sequence=tuple(sequence),
        untranslated=key.untranslated & frozenset(kept),
        concept_words=key.concept_words
        | {skeleton(key.sources[p]) for p, (_i, c) in enumerate(sequence) if c},
        text=" ".join(sorted(concepts) + sorted(kept)),
    )
