"""One comparable key per name: concepts for common words, skeletons for the rest.

>>> en = name_key("Belarusian State University")
>>> ru = name_key("Белорусский государственный университет")
>>> en.concepts == ru.concepts, en.text == ru.text, sorted(en.scripts | ru.scripts)
(True, True, ['cyrillic', 'latin'])
>>> en.concepts, en.qualifiers
(('belarusian', 'university'), frozenset({'state'}))
>>> brest = name_key("Brest State Technical University")
>>> abbreviates("БГУ", ru), abbreviates("BSU", ru), abbreviates("BrSTU", brest)
(True, True, True)
>>> abbreviates("BSU", brest), abbreviates("БГУ", name_key("БГУ"))
(False, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from edukg.resolve.morphology import is_common_word
from edukg.resolve.normalise import normalise
from edukg.resolve.places import english_name, place_key
from edukg.resolve.transliterate import has_cyrillic, skeleton, to_latin
from edukg.resolve.vocabulary import STOP, Vocabulary

ACRONYM_LANGUAGES = ("ru", "be", "en")
ABBREVIATION_MARK = "#"
"""Marks the skeleton of a word in capitals inside a name (РАН): no fuzzy match with a word."""
_ACRONYM = re.compile(r"^[^\W\d_]{2,8}$")
_ADJECTIVE = re.compile(
    r"(?:ск|цк|зск|жск)?(?:ий|ый|ой|ая|ое|ого|ому|ом|ие|ые|их|ых|ими|ыми|им|ым|ую|яя|ее|ей|"
    r"і|ы|ая|ае|ага|аму|ой|ай|ых|іх|ую|ія|ае)$"
)
_ENGLISH_ADJECTIVE = re.compile(r"(?:sk|ian|ean|an|ern|ic|ical)$")
_PLACE_ENDING = re.compile(r"(?:ск|цк)$")


def stem(word: str) -> str:
    """A word without its adjective ending (Псковский, Pskov), to compare with the noun.

    >>> stem("псковского"), stem("ташкентский"), stem("віцебскі"), stem("vitebsk"), stem("riga")
    ('псков', 'ташкент', 'віцеб', 'viteb', 'riga')
    >>> stem("луцкий"), stem("lutsk"), stem("kazan"), stem("казанский")
    ('луц', 'lut', 'kazan', 'казан')
    """
    if len(word) < 5:
        return word
    if has_cyrillic(word):
        cut = _PLACE_ENDING.sub("", _ADJECTIVE.sub("", word))
        if len(cut) < 3:  # луцкий: the adjective ending, then only the -к of -цк/-ск (Lutsk)
            cut = re.sub(r"(?<=[сц])к(?:ий|ый|ая|ое|ого|ому|ом|ие|ые|их|ых|і|ы|ае|ага)$", "", word)
    else:
        cut = _ENGLISH_ADJECTIVE.sub("", word)
        if word.endswith("an") and len(cut) < 4:  # Kazan is no adjective
            return word
    return cut if len(cut) >= 3 else word


@dataclass(frozen=True)
class NameKey:
    """What a name is compared by."""

    name: str
    concepts: tuple[str, ...]
    """Common words as concepts, in order (university, state, ...)."""
    words: tuple[str, ...]
    """The other words as skeletons, in order."""
    numbers: frozenset[str]
    places: tuple[str, ...]
    honour: tuple[str, ...]
    """Skeletons of the words of the person the name honours."""
    scripts: frozenset[str]
    """``latin`` and/or ``cyrillic``: the scripts the name is written in."""
    sequence: tuple[tuple[str, bool], ...]
    """Every meaningful word in order, as (concept or skeleton, is a concept)."""
    sources: tuple[str, ...] = ()
    """The word of the name each item of ``sequence`` was read from (lower case)."""
    concept_words: frozenset[str] = frozenset()
    """The skeletons of the words that were read as concepts: other ones mean a translation."""
    qualifiers: frozenset[str] = frozenset()
    """Concepts of standing (state, national, research), kept out of ``concepts`` and ``text``."""
    untranslated: frozenset[str] = frozenset()
    """Those of ``words`` that are Russian common words of the dictionary the vocabulary lacks
    (растениеводства): another language translates them, so they need not look alike."""

    text: str = ""
    """Concepts and words, sorted and joined: what rapidfuzz scores."""
    is_acronym: bool = False
    """The name is one short word in capitals, like BSU, БГУ or BrSTU (and perhaps a person:
    БрГУ имени А.С. Пушкина)."""
    acronym: str = ""
    """That word, when the name is an acronym."""


def word_skeleton(word: str) -> str:
    """What a word that is no common word is compared by: the skeleton of its stem, without
    the vowels of a case ending; a city the CLDR names (see :mod:`.places`) by its English name.

    >>> word_skeleton("Армении"), word_skeleton("Armenia"), word_skeleton("псковского")
    ('armen', 'armen', 'pskav')
    >>> word_skeleton("Киевский") == word_skeleton("Кіеўскі") == word_skeleton("Kyiv")
    True
    """
    folded = _stem_skeleton(word)
    city = english_name(folded)  # a city by its English name: Киевский, Кіеўскі, Kyiv
    if city is not None and city.lower() != word.lower():
        folded = _stem_skeleton(city)  # as the English name itself is read (Tomsk, tom)
    trimmed = folded.rstrip("aeiu")  # case endings: Армении / Armenia, Украины / Ukraine
    return trimmed if len(trimmed) >= 4 else folded


def _stem_skeleton(word: str) -> str:
    return skeleton(stem(word)) or skeleton(word)


def _is_acronym(name: str) -> bool:
    stripped = name.strip()
    capitals = sum(c.isupper() for c in stripped)
    return bool(_ACRONYM.match(stripped)) and capitals >= 2 and capitals * 2 >= len(stripped)


def name_key(name: str, vocabulary: Vocabulary | None = None) -> NameKey:
    """The key of ``name`` (the shipped vocabulary unless another is given)."""
    if vocabulary is None:
        return _cached_key(name)
    return _key(name, vocabulary)


@lru_cache(maxsize=131072)
def _cached_key(name: str) -> NameKey:
    return _key(name, Vocabulary.from_package())


def _key(name: str, vocabulary: Vocabulary) -> NameKey:
    normal = normalise(name)
    concepts: list[str] = []
    words: list[str] = []
    sequence: list[tuple[str, bool]] = []
    sources: list[str] = []
    concept_words: set[str] = set()
    qualifiers: set[str] = set()
    untranslated: set[str] = set()
    words_of_name = list(normal.words)
    skip = False
    for position, word in enumerate(words_of_name):
        if skip:
            skip = False
            continue
        folded = skeleton(word)
        if len(folded) < 2 and not word.isdigit():
            continue  # an initial (D. Serikbayev) or a lone letter
        concept = vocabulary.phrase(words_of_name, position)
        if concept is not None:
            skip = True
        elif word not in normal.capitals:
            concept = vocabulary.concept_of_skeleton(folded, cyrillic=has_cyrillic(word))
        if concept == STOP:
            continue
        if concept is not None and vocabulary.is_status(vocabulary.compared_as(concept)):
            concept = vocabulary.compared_as(concept)
            qualifiers.add(concept)
            sequence.append((concept, True))
            sources.append(word)
            concept_words.add(folded)
            continue
        if concept is None and word in normal.capitals:
            words.append(ABBREVIATION_MARK + folded)  # matches the same abbreviation only
            sequence.append((word, False))
            sources.append(word)
            continue
        if concept is None:
            words.append(word_skeleton(word))
            sequence.append((word, False))
            sources.append(word)
            if is_common_word(word):
                untranslated.add(words[-1])
        else:
            concepts.append(vocabulary.compared_as(concept))
            sequence.append((concept, True))
            sources.append(word)
            concept_words.add(folded)
    scripts = frozenset("cyrillic" if has_cyrillic(c) else "latin" for c in name if c.isalpha())
    acronym = name.strip() if _is_acronym(name) else ""
    if not acronym and normal.honour and len(normal.words) == 1:
        acronym = next(  # БрГУ имени А.С. Пушкина: an acronym and the person it honours
            (
                word
                for word in re.findall(r"[^\W\d_]+", name)
                if word.lower() == normal.words[0] and _is_acronym(word)
            ),
            "",
        )
    return NameKey(
        name=name,
        concepts=tuple(concepts),
        words=tuple(words),
        numbers=normal.numbers,
        places=tuple(place_key(p) for p in normal.places),
        honour=tuple(skeleton(stem(w)) for w in normal.honour),
        scripts=scripts,
        sequence=tuple(sequence),
        sources=tuple(sources),
        concept_words=frozenset(concept_words),
        qualifiers=frozenset(qualifiers),
        untranslated=frozenset(untranslated),
        text=" ".join(sorted(concepts) + sorted(words)),
        is_acronym=bool(acronym),
        acronym=acronym,
    )


def abbreviates(acronym: str, key: NameKey, vocabulary: Vocabulary | None = None) -> bool:
    """Whether ``acronym`` abbreviates the name of ``key`` in ru, be or en.

    Each word gives the acronym the first letters of its ru, be or en form (a
    common word) or of itself, in order, and every word gives at least one.
    """
    if key.is_acronym or len(key.sequence) < 2:
        return False
    letters = to_latin(acronym.strip()).lower()
    if len(letters) < len(key.sequence):
        return False
    if vocabulary is None:
        forms = _acronym_words(key.sequence)
    else:
        forms = _words_by_language(key.sequence, vocabulary)
    return any(_spells(letters, list(words)) for words in forms)


@lru_cache(maxsize=65536)
def _acronym_words(sequence: tuple[tuple[str, bool], ...]) -> tuple[tuple[str, ...], ...]:
    return _words_by_language(sequence, Vocabulary.from_package())


def _words_by_language(
    sequence: tuple[tuple[str, bool], ...], vocabulary: Vocabulary
) -> tuple[tuple[str, ...], ...]:
    """The words of a name in Latin letters, the common ones in ru, be and en."""
    forms = {
        tuple(
            to_latin(vocabulary.term(item, lang) if is_concept else item).lower()
            for item, is_concept in sequence
        )
        for lang in ACRONYM_LANGUAGES
    }
    return tuple(sorted(forms))


def _spells(letters: str, words: list[str]) -> bool:
    """Whether ``letters`` are non-empty prefixes of ``words``, one after another, all used.

    >>> _spells("brstu", ["brest", "state", "technical", "university"])
    True
    >>> _spells("bsu", ["brest", "state", "technical", "university"])
    False
    """
    if not words:
        return not letters
    if not letters:
        return False
    word = words[0]
    for size in range(min(len(word), len(letters)), 0, -1):
        if word[:size] == letters[:size] and _spells(letters[size:], words[1:]):
            return True
    return False
