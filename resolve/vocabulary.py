"""The common words of institution names in ru, be and en, as concepts: data in ``words.csv``.

>>> words = Vocabulary.from_package()
>>> [words.concept_of(w) for w in ("государственного", "дзяржаўны", "State", "Pskov")]
['state', 'state', 'state', None]
>>> words.concept_of("і"), words.term("university", "be")
('-', 'універсітэт')
>>> words.phrase(["power", "engineering", "institute"], 0), words.is_status("state")
('energy', True)
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from edukg.resolve.transliterate import has_cyrillic, skeleton

STOP = "-"
"""The concept of words that carry no meaning (and, of, the, и, і)."""

MIN_PREFIX = 4
"""A term shorter than this (as a skeleton) matches only a word equal to it."""


@dataclass
class Vocabulary:
    """Terms in ru, be and en for each concept; a word's concept is found by its skeleton."""

    terms: dict[str, dict[str, str]] = field(default_factory=dict)
    """Concept to language to its first (acronym-building) term."""
    status: set[str] = field(default_factory=set)
    """Concepts of standing (state, national, research): names add or drop them freely."""
    like: dict[str, str] = field(default_factory=dict)
    """Concepts compared as another (pedagogical as education, russia as russian)."""
    forms: set[str] = field(default_factory=set)
    """Forms one institution moves between when renamed (academy, university, institute)."""
    _by_skeleton: dict[str, str] = field(default_factory=dict)
    _latin_only: set[str] = field(default_factory=set)
    """Keys of terms of kind ``latin``: never read in a Cyrillic word (city, Читинский)."""
    _lengths: list[int] = field(default_factory=list)
    _phrases: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: list[tuple[str, str, str] | tuple[str, str, str, str]]) -> Vocabulary:
        """A vocabulary from ``(concept, lang, term)`` or ``(concept, lang, term, kind)`` rows."""
        vocabulary = cls()
        for concept, lang, term, *kind in rows:
            if kind and kind[0] == "status":
                vocabulary.status.add(concept)
            if kind and kind[0] == "form":
                vocabulary.forms.add(concept)
            if kind and kind[0].startswith("like:"):
                vocabulary.like[concept] = kind[0].removeprefix("like:")
            words = term.split()
            if len(words) == 2:
                first, second = (_term_key(word) for word in words)
                vocabulary._phrases.setdefault(first, []).append((second, concept))
                continue
            vocabulary.terms.setdefault(concept, {}).setdefault(lang, term)
            key = _term_key(term)
            if not (kind and kind[0] == "latin"):
                vocabulary._latin_only.discard(key)  # another term reads it in any script
            elif key not in vocabulary._by_skeleton:
                vocabulary._latin_only.add(key)
            vocabulary._by_skeleton.setdefault(key, concept)
        vocabulary._lengths = sorted({len(key) for key in vocabulary._by_skeleton}, reverse=True)
        return vocabulary

    def compared_as(self, concept: str) -> str:
        """The concept ``concept`` is compared as (itself, or the one it is like).

        >>> Vocabulary.from_package().compared_as("pedagogical")
        'education'
        """
        return self.like.get(concept, concept)

    def is_status(self, concept: str) -> bool:
        """Whether ``concept`` only tells an institution's standing (state, national, ...)."""
        return concept in self.status

    def phrase(self, words: list[str], start: int) -> str | None:
        """The concept of the two words from ``start`` when they make a phrase of the vocabulary."""
        if start + 1 >= len(words) or not self._phrases:
            return None
        first, second = skeleton(words[start]), skeleton(words[start + 1])
        for key, endings in self._phrases.items():
            if first.startswith(key):
                for ending, concept in endings:
                    if second.startswith(ending):
                        return concept
        return None

    @classmethod
    def from_package(cls) -> Vocabulary:
        """The vocabulary shipped with edukg (``words.csv``)."""
        return _package_vocabulary()

    def concept_of(self, word: str) -> str | None:
        """The concept of ``word``, by its longest matching term; ``None`` for other words.

        A term of kind ``latin`` is an English word whose skeleton a Cyrillic word may share
        by chance (city, ``titi``; Читинский, of Chita): it is read in Latin words only.

        >>> words = Vocabulary.from_package()
        >>> words.concept_of("City"), words.concept_of("Читинский"), words.concept_of("городской")
        ('city', None, 'city')
        """
        key = skeleton(word)
        return self.concept_of_skeleton(key, cyrillic=has_cyrillic(word))

    def concept_of_skeleton(self, key: str, *, cyrillic: bool = False) -> str | None:
        """The concept of a word already folded by :func:`~edukg.resolve.transliterate.skeleton`
        (``cyrillic`` when the word was written in Cyrillic)."""
        exact = self._found(key, cyrillic)
        if exact is not None:
            return exact
        for length in self._lengths:
            if length < MIN_PREFIX or length >= len(key):
                continue
            found = self._found(key[:length], cyrillic)
            if found is not None:
                return found
        if key.endswith("s") and len(key) >= MIN_PREFIX:  # an English plural: schools, sciences
            return self.concept_of_skeleton(key[:-1], cyrillic=cyrillic)
        return None

    def _found(self, key: str, cyrillic: bool) -> str | None:
        if cyrillic and key in self._latin_only:
            return None
        return self._by_skeleton.get(key)

    def term(self, concept: str, lang: str) -> str:
        """The first term of ``concept`` in ``lang`` (English if it has none there)."""
        terms = self.terms.get(concept, {})
        return terms.get(lang) or terms.get("en") or concept


def _term_key(term: str) -> str:
    """A term's skeleton without its final vowels, so that inflected words still start with it.

    >>> _term_key("гимнази"), _term_key("академи"), _term_key("of")
    ('himnas', 'akadem', 'af')
    """
    key = skeleton(term)
    stripped = key.rstrip("aeiu")
    return stripped if len(stripped) >= MIN_PREFIX else key


@lru_cache(maxsize=1)
def _package_vocabulary() -> Vocabulary:
    text = resources.files("edukg.resolve").joinpath("words.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    rows: list[tuple[str, str, str] | tuple[str, str, str, str]] = [
        (r["concept"], r["lang"], r["term"], r.get("kind") or "")
        for r in csv.DictReader(io.StringIO("\n".join(lines)))
    ]
    return Vocabulary.from_rows(rows)
