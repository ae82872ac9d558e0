"""Blocking: which names are worth comparing, by country and by rare tokens (close to linear).

Each name gets keys: the start of each rare word (rare within its country),
its concepts when it has no other word, the first letter of its acronyms, the
website domain and registry ids of its record. Two names meet when they share
a key and a country (or one has no country).

>>> from edukg.resolve.keys import name_key
>>> items = [NameItem(0, name_key("Брестский государственный университет"), "BY"),
...          NameItem(1, name_key("Brest State University"), "BY"),
...          NameItem(2, name_key("Brest State University"), "FR")]
>>> sorted(block_keys(items[0], {}))
['acr:b', 'c:university#', 'w:bres']
>>> "w:bres" in block_keys(items[0], {}) and "w:bres" in block_keys(items[1], {})
True
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from edukg.resolve.keys import NameKey
from edukg.resolve.transliterate import to_latin
from edukg.resolve.vocabulary import Vocabulary

WORD_PREFIX = 4
"""Words meet on their first letters (as skeletons): Pskov / Псковский, Minsk / Минска."""

MAX_BLOCK = 400
"""A word shared by more names than this in one country is not rare: it makes no block."""


@dataclass(frozen=True)
class NameItem:
    """One name of one record, with the record's place in its list and its country."""

    record: int
    key: NameKey
    country: str | None
    extra_keys: tuple[str, ...] = ()
    """Keys from the record: website domain, registry ids."""


def word_keys(key: NameKey) -> list[str]:
    """The blocking keys of a name's own words and of the person it honours.

    A person's name is a word of the name in one source (Joldasbekov Institute)
    and stands after "имени" in another.

    >>> from edukg.resolve.keys import name_key
    >>> word_keys(name_key("Институт механики имени академика У.А.Джолдасбекова"))
    ['w:alda']
    """
    words = [*key.words, *key.honour]
    return [f"w:{word[:WORD_PREFIX]}" for word in words if len(word) >= 2]


def concept_key(key: NameKey) -> str:
    """The blocking key of a name's concepts and numbers (state university No. 5)."""
    return "c:" + " ".join(sorted(set(key.concepts))) + "#" + " ".join(sorted(key.numbers))


def block_keys(item: NameItem, frequency: dict[tuple[str | None, str], int]) -> set[str]:
    """Every blocking key of ``item``; ``frequency`` counts word keys per country."""
    key = item.key
    keys = set(item.extra_keys)
    if key.is_acronym:
        keys.add(f"acr:{to_latin((key.acronym or key.name).strip()[0]).lower()[:1]}")
        keys.update(f"w:{word[:WORD_PREFIX]}" for word in key.honour if len(word) >= 2)
        return keys
    rare = [w for w in word_keys(key) if frequency.get((item.country, w), 0) <= MAX_BLOCK]
    keys.update(rare)
    signature = concept_key(key)
    if not rare or frequency.get((item.country, signature), 0) <= MAX_BLOCK:
        keys.add(signature)
    keys.update(_acronym_initials(key))
    return keys


def _acronym_initials(key: NameKey) -> set[str]:
    """``acr:`` keys: the first letter of the name's first word in ru, be and en."""
    if not key.sequence:
        return set()
    vocabulary = Vocabulary.from_package()
    item, is_concept = key.sequence[0]
    forms = [vocabulary.term(item, lang) for lang in ("ru", "be", "en")] if is_concept else [item]
    return {f"acr:{to_latin(form).lower()[:1]}" for form in forms if form}


def candidate_item_pairs(
    left: Sequence[NameItem], right: Sequence[NameItem] | None = None
) -> Iterator[tuple[list[int], list[int]]]:
    """Blocks as (left item indices, right item indices), one per key and country.

    Without ``right`` the left items are compared among themselves.
    """
    sides = [left] if right is None else [left, right]
    frequency: Counter[tuple[str | None, str]] = Counter()
    for items in sides:
        for item in items:
            for word in set(word_keys(item.key)) | {concept_key(item.key)}:
                frequency[(item.country, word)] += 1
    blocks: list[dict[tuple[str, str | None], list[int]]] = []
    for items in sides:
        block: dict[tuple[str, str | None], list[int]] = defaultdict(list)
        for index, item in enumerate(items):
            for key in block_keys(item, frequency):
                block[(key, item.country)].append(index)
        blocks.append(block)
    left_blocks = blocks[0]
    right_blocks = blocks[-1]
    by_key: dict[str, set[str | None]] = defaultdict(set)
    for key, country in right_blocks:
        by_key[key].add(country)
    for (key, country), left_indices in left_blocks.items():
        partners: Iterable[str | None] = (
            by_key[key] if country is None else {country, None} & by_key[key]
        )
        for other_country in partners:
            right_indices = right_blocks.get((key, other_country))
            if right_indices:
                if right is None and other_country is None and country is not None:
                    continue  # the pair is met from the side without a country
                yield left_indices, right_indices
