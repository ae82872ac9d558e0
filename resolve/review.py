"""What a person reviews: the store's candidate pairs not yet decided, and automatic accepts.

>>> from edukg.graph.store import KnowledgeGraph
>>> with KnowledgeGraph.in_memory() as kg:
...     review_candidates(kg).candidates
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from edukg.graph.sources import SourceChange
from edukg.resolve.compare import compare_names, compare_records, crowded_cities
from edukg.resolve.decisions import Decision, record_decisions, stored_decisions
from edukg.resolve.keys import name_key
from edukg.resolve.match import REVIEW_SCORE, Candidate, find_candidates
from edukg.resolve.records import InstitutionRecord, records_from_store

if TYPE_CHECKING:
    from edukg.graph.store import KnowledgeGraph

AUTO_AUTHOR = "edukg auto-accept"


@dataclass
class Review:
    """Pairs for a person to look at, and what was accepted automatically."""

    candidates: list[Candidate]
    auto_accepted: list[Decision] = field(default_factory=list)
    changes: list[SourceChange] = field(default_factory=list)


def review_candidates(
    kg: KnowledgeGraph,
    *,
    min_score: float = REVIEW_SCORE,
    auto_accept: float | None = None,
    author: str | None = None,
    kind: str = "institution",
) -> Review:
    """The undecided candidate pairs of the store scoring ``min_score`` or more, best first.

    With ``auto_accept``, pairs scoring at least that are accepted (and
    merged) now, each as a decision whose author says so. ``kind`` ``region``
    lists regions instead of institutions.
    """
    records = records_from_store(kg, kind=kind)
    floor = min(min_score, auto_accept) if auto_accept is not None else min_score
    pending = undecided(kg, find_candidates(records, min_score=floor))
    review = Review([c for c in pending if c.score >= min_score])
    if auto_accept is None:
        return review
    chosen = [c for c in pending if c.score >= auto_accept]
    if not chosen:
        return review
    decisions = [
        Decision(
            c.left,
            c.right,
            "accept",
            c.score,
            c.reasons,
            author=f"{AUTO_AUTHOR} (score >= {auto_accept:g})"
            + (f" for {author}" if author else ""),
        )
        for c in chosen
    ]
    changes = record_decisions(kg, decisions)
    left = {(c.left, c.right) for c in chosen}
    rest = [c for c in review.candidates if (c.left, c.right) not in left]
    return Review(rest, decisions, changes)


def undecided(kg: KnowledgeGraph, candidates: Iterable[Candidate]) -> list[Candidate]:
    """The candidates no stored decision covers."""
    decided = {frozenset((d.left, d.right)) for d in stored_decisions(kg)}
    return [c for c in candidates if frozenset((c.left, c.right)) not in decided]


DUPLICATE_CHECK_LIMIT = 5_000
"""A load's summary checks for likely duplicates only in stores with at most this many
institutions (the check reads and keys every institution's names)."""


def institution_count(kg: KnowledgeGraph) -> int:
    """How many institutions the store holds."""
    (row,) = kg.select("SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a edukg:Institution }")
    return int(row["n"].value)


def likely_duplicates(
    kg: KnowledgeGraph, source_names: Sequence[str]
) -> list[tuple[Candidate, InstitutionRecord, InstitutionRecord]]:
    """Institutions of the named sources whose name another institution in the store shares.

    A light check for a load's summary: the same normalised name (across
    scripts and languages, numbers and places included) in the same country,
    between a record of those sources and another record (of any source), and
    no decision on the pair yet.
    """
    names = set(source_names)
    if not names:
        return []
    records = records_from_store(kg)
    crowded = crowded_cities(records)
    index: dict[tuple[str | None, str], list[InstitutionRecord]] = {}
    for record in records:
        if record.sources:
            for key in _exact_keys(record):
                index.setdefault(key, []).append(record)
    found: dict[tuple[str, str], tuple[Candidate, InstitutionRecord, InstitutionRecord]] = {}
    for record in records:
        if not record.sources & names:
            continue
        for key in _exact_keys(record):
            for other in index.get(key, []):
                if other.iri == record.iri or {
                    (record.iri, other.iri),
                    (other.iri, record.iri),
                } & set(found):
                    continue
                mine, theirs = _name_with_key(record, key), _name_with_key(other, key)
                alike = compare_names(name_key(mine), name_key(theirs))
                scored = compare_records(record, other, alike, crowded=crowded)
                candidate = Candidate(
                    record.iri, other.iri, scored.score, tuple(sorted(scored.reasons)), mine, theirs
                )
                found[(record.iri, other.iri)] = (candidate, record, other)
    pending = {(c.left, c.right) for c in undecided(kg, [c for c, _, _ in found.values()])}
    return [found[pair] for pair in sorted(found) if pair in pending]


def _exact_keys(record: InstitutionRecord) -> set[tuple[str | None, str]]:
    keys = set()
    for name in record.names:
        key = name_key(name.text)
        if not key.is_acronym and key.text:
            numbers = " ".join(sorted(key.numbers))
            places = " ".join(sorted(key.places))
            keys.add((record.country, f"{key.text}|{numbers}|{places}"))
    return keys


def _name_with_key(record: InstitutionRecord, key: tuple[str | None, str]) -> str:
    for name in record.names:
        if key in _exact_keys(InstitutionRecord(record.iri, (name,), record.country)):
            return name.text
    return ""
