"""The matching pipeline: records in, candidate pairs out, best first.

normalise and key every name -> block -> score blocks with rapidfuzz's
``process.cdist`` -> compare the survivors -> one candidate per record pair.

>>> from edukg.resolve.records import InstitutionRecord, Name
>>> records = [
...     InstitutionRecord("x:1", (Name("Белорусский государственный университет", "ru"),), "BY"),
...     InstitutionRecord("x:2", (Name("BELARUSIAN STATE UNIVERSITY"),), "BY"),
...     InstitutionRecord("x:3", (Name("Belarusian State Medical University", "en"),), "BY"),
... ]
>>> [(c.left, c.right, c.score, c.reasons) for c in find_candidates(records)]
[('x:1', 'x:2', 100.0, ('translation',))]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from edukg.resolve.blocking import NameItem, candidate_item_pairs
from edukg.resolve.compare import (
    CITY_BONUS,
    COMMON_PREFIX,
    DOMAIN_BONUS,
    PERSON_AND_FORM_SCORE,
    NameScore,
    compare_names,
    compare_records,
    crowded_cities,
    is_person_and_form,
    person_and_form,
)
from edukg.resolve.keys import name_key
from edukg.resolve.normalise import quoted_parts
from edukg.resolve.records import InstitutionRecord

REVIEW_SCORE = 70.0
"""Pairs scoring at least this are worth a person's look (the default of ``edukg resolve``)."""

PRE_CUTOFF = 55.0
"""Name pairs whose keys score below this in ``cdist`` are not compared further (nor below
the lowest score asked for less the bonuses a record can add: website, city, best for
both)."""


MUTUAL_BEST_BONUS = 15.0
"""Points added to a pair that is the best candidate of both its records (see
:func:`mutual_best`): of all the names a record may match, the one that fits it best, and
that is best fitted by it, is more likely the same institution than its score alone says."""

MUTUAL_MARGIN = 5.0
"""How far ahead of each record's next candidate a pair must be to count as their best."""

FORGIVEN_CONFLICTS = frozenset({"word"})
"""Conflicts (see :attr:`~edukg.resolve.compare.NameScore.conflict_kind`) that *best for both*
lifts all the same when both records had other candidates (:func:`contested_pairs`): a word
each that does not match (a spelling, an abbreviation: MEPhI, МИФИ). Never a subject only one
has: Belarusian State University is no better for being the best of the medical one's
candidates when the medical university's own record is missing."""

COMMON_SHARE = 0.02
COMMON_MIN = 3


@dataclass(frozen=True)
class Candidate:
    """Two records that may be one institution, with the score and the reasons."""

    left: str
    right: str
    score: float
    reasons: tuple[str, ...]
    left_name: str = ""
    right_name: str = ""


def name_items(records: Sequence[InstitutionRecord]) -> list[NameItem]:
    """One item per distinct name of each record, with the record's exact-evidence keys."""
    items = []
    for index, record in enumerate(records):
        extra = tuple(
            sorted(
                {f"id:{i}" for i in record.ror_ids | record.same_as}
                | ({f"dom:{record.domain}"} if record.domain else set())
            )
        )
        seen: set[str] = set()
        for name in record.names:
            for text in (name.text.strip(), *quoted_parts(name.text)):
                if text and text not in seen:
                    seen.add(text)
                    items.append(NameItem(index, name_key(text), record.country, extra))
        if not seen and extra:
            items.append(NameItem(index, name_key(""), record.country, extra))
    return items


def common_words(items: Sequence[NameItem]) -> dict[str | None, frozenset[str]]:
    """Per country, the words (first letters of skeletons) that many of its names share.

    A word is common when at least :data:`COMMON_SHARE` of the country's names,
    and at least :data:`COMMON_MIN` names, have it (Kazakh in Kazakhstan).
    """
    names: Counter[str | None] = Counter()
    words: Counter[tuple[str | None, str]] = Counter()
    for item in items:
        names[item.country] += 1
        for word in {w[:COMMON_PREFIX] for w in item.key.words}:
            words[(item.country, word)] += 1
    common: dict[str | None, set[str]] = {}
    for (country, word), count in words.items():
        if count >= max(COMMON_MIN, COMMON_SHARE * names[country]):
            common.setdefault(country, set()).add(word)
    return {country: frozenset(found) for country, found in common.items()}


def find_candidates(
    left: Sequence[InstitutionRecord],
    right: Sequence[InstitutionRecord] | None = None,
    *,
    min_score: float = REVIEW_SCORE,
) -> list[Candidate]:
    """Pairs of records that may be the same institution, best first.

    With ``right`` every left record is compared with the right ones (linking
    to a registry); without it the records are compared among themselves.
    """
    other = left if right is None else right
    left_items = name_items(left)
    right_items = left_items if right is None else name_items(other)
    common = common_words(left_items if right is None else [*left_items, *right_items])
    best: dict[tuple[int, int], tuple[NameScore, int, int]] = {}
    exact: set[tuple[int, int]] = set()
    seen: set[tuple[int, int]] = set()
    for left_block, right_block in candidate_item_pairs(
        left_items, None if right is None else right_items
    ):
        _score_block(
            max(PRE_CUTOFF, min_score - DOMAIN_BONUS - CITY_BONUS - MUTUAL_BEST_BONUS),
            left_items,
            right_items,
            left_block,
            right_block,
            right is None,
            best,
            seen,
            exact,
            common,
        )
    crowded = crowded_cities([*left, *other] if right is not None else left)
    record_scores = {
        pair: compare_records(
            left[pair[0]], other[pair[1]], best.get(pair, (None, -1, -1))[0], crowded=crowded
        )
        for pair in set(best) | exact
    }
    scores = {pair: scored.score for pair, scored in record_scores.items()}
    contested = contested_pairs(scores, right is None)
    favoured = {
        pair
        for pair in mutual_best(scores, right is None)
        if pair in best
        and (
            not best[pair][0].conflict
            or (pair in contested and best[pair][0].conflict_kind in FORGIVEN_CONFLICTS)
        )
    }
    found = []
    for pair, scored in record_scores.items():
        names, i, j = best.get(pair, (None, -1, -1))
        first, second = left[pair[0]], other[pair[1]]
        value, reasons = scored.score, set(scored.reasons)
        if pair in favoured and value < 100.0:
            value = min(100.0, value + MUTUAL_BEST_BONUS)
            reasons.add("best for both")
        if value >= min_score:
            found.append(
                Candidate(
                    first.iri,
                    second.iri,
                    value,
                    tuple(sorted(reasons)),
                    left_items[i].key.name if i >= 0 else "",
                    right_items[j].key.name if j >= 0 else "",
                )
            )
    found.sort(key=lambda c: (-c.score, c.left, c.right))
    return found


def contested_pairs(
    scores: dict[tuple[int, int], float], among_themselves: bool = False
) -> set[tuple[int, int]]:
    """The pairs both of whose records have at least one other candidate (scored above 0).

    Being the best of both records says something only when each had others to choose
    from: then :func:`mutual_best` lifts a pair even when its names conflict in a way
    :data:`FORGIVEN_CONFLICTS` names, which it never does for two records that met no one else.

    >>> sorted(contested_pairs({(0, 0): 60.0, (0, 1): 40.0, (1, 1): 58.0, (2, 2): 50.0}))
    [(0, 1)]
    """
    counts: dict[tuple[str, int], int] = {}
    second = "l" if among_themselves else "r"
    for (i, j), value in scores.items():
        if value > 0:
            for side in (("l", i), (second, j)):
                counts[side] = counts.get(side, 0) + 1
    return {
        (i, j)
        for (i, j), value in scores.items()
        if value > 0 and counts[("l", i)] >= 2 and counts[(second, j)] >= 2
    }


def mutual_best(
    scores: dict[tuple[int, int], float], among_themselves: bool = False
) -> set[tuple[int, int]]:
    """The pairs that are the best candidate of both their records, by at least
    :data:`MUTUAL_MARGIN` points over each record's next one (and score above 0).

    >>> sorted(mutual_best({(0, 0): 60.0, (0, 1): 40.0, (1, 1): 58.0, (2, 1): 56.0}))
    [(0, 0)]
    """
    ranked: dict[tuple[str, int], list[float]] = {}
    for (i, j), value in scores.items():
        for side in (("l", i), ("l" if among_themselves else "r", j)):
            ranked.setdefault(side, []).append(value)
    tops = {side: sorted(values, reverse=True)[:2] for side, values in ranked.items()}

    def ahead(side: tuple[str, int], value: float) -> bool:
        top = tops[side]
        return value >= top[0] and (len(top) < 2 or value - top[1] >= MUTUAL_MARGIN)

    second = "l" if among_themselves else "r"
    return {
        (i, j)
        for (i, j), value in scores.items()
        if value > 0 and ahead(("l", i), value) and ahead((second, j), value)
    }


def _person_and_form_pairs(
    left_items: Sequence[NameItem],
    right_items: Sequence[NameItem],
    plain_left: list[int],
    plain_right: list[int],
) -> list[tuple[int, int, float | None]]:
    """Pairs of a block's names where one is a person and a form (*Sechenov University*) and
    the other honours someone: their texts score too low for ``cdist`` to keep them."""
    short_left = [i for i in plain_left if is_person_and_form(left_items[i].key)]
    short_right = [j for j in plain_right if is_person_and_form(right_items[j].key)]
    pairs: list[tuple[int, int, float | None]] = []
    if short_left:
        honouring = [j for j in plain_right if right_items[j].key.honour]
        pairs.extend((i, j, None) for i in short_left for j in honouring)
    if short_right:
        honouring = [i for i in plain_left if left_items[i].key.honour]
        pairs.extend((i, j, None) for i in honouring for j in short_right)
    return pairs


def _score_block(
    cutoff: float,
    left_items: Sequence[NameItem],
    right_items: Sequence[NameItem],
    left_block: list[int],
    right_block: list[int],
    among_themselves: bool,
    best: dict[tuple[int, int], tuple[NameScore, int, int]],
    seen: set[tuple[int, int]],
    exact: set[tuple[int, int]],
    common: dict[str | None, frozenset[str]],
) -> None:
    pairs: list[tuple[int, int, float | None]] = []
    plain_left = [i for i in left_block if not left_items[i].key.is_acronym]
    plain_right = [j for j in right_block if not right_items[j].key.is_acronym]
    if plain_left and plain_right:
        matrix = process.cdist(
            [left_items[i].key.text for i in plain_left],
            [right_items[j].key.text for j in plain_right],
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            dtype=np.uint8,
            workers=1,
        )
        rows, columns = np.nonzero(matrix)
        pairs.extend(
            (plain_left[r], plain_right[c], float(matrix[r, c]))
            for r, c in zip(rows.tolist(), columns.tolist(), strict=True)
        )
    pairs.extend(_person_and_form_pairs(left_items, right_items, plain_left, plain_right))
    acronyms_left = [i for i in left_block if left_items[i].key.is_acronym]
    acronyms_right = [j for j in right_block if right_items[j].key.is_acronym]
    pairs.extend((i, j, None) for i in acronyms_left for j in right_block)
    pairs.extend((i, j, None) for i in plain_left for j in acronyms_right)
    for i, j, text_score in pairs:
        a, b = left_items[i], right_items[j]
        record_pair = (a.record, b.record)
        if among_themselves:
            if a.record == b.record:
                continue
            record_pair = (min(record_pair), max(record_pair))
        if (i, j) in seen:
            continue
        seen.add((i, j))
        if a.extra_keys and set(a.extra_keys) & set(b.extra_keys):
            exact.add(record_pair)
        if not a.key.name or not b.key.name:
            continue
        country = a.country or b.country
        scored = compare_names(
            a.key, b.key, text_score, floor=cutoff, common=common.get(country, frozenset())
        )
        if scored.score < PERSON_AND_FORM_SCORE:
            scored = person_and_form(a.key, b.key) or scored
        if scored.score <= 0:
            continue
        held = best.get(record_pair)
        if held is None or scored.score > held[0].score:
            best[record_pair] = (scored, i, j) if record_pair[0] == a.record else (scored, j, i)
