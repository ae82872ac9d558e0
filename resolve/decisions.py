"""A person's decisions on candidate pairs, as data in the resolution graph.

A decision names two IRIs, a verdict (``accept`` or ``reject``), the score
and reasons the pair had, who decided and when. Accepted pairs become
``owl:sameAs`` links from each merged IRI to the canonical one; the store
then rewrites its sources to the canonical IRI
(:meth:`~edukg.graph.store.KnowledgeGraph.apply_canonical_map`).
Decisions live outside every source graph: loading a source again keeps them.

>>> from edukg.graph.store import KnowledgeGraph
>>> with KnowledgeGraph.in_memory() as kg:
...     _ = record_decisions(kg, [Decision("http://x/b", "http://x/a", "accept", author="anna")])
...     [(d.left, d.right, d.verdict, d.author) for d in stored_decisions(kg)], canonical_of(kg)
([('http://x/b', 'http://x/a', 'accept', 'anna')], {'http://x/b': 'http://x/a'})
"""

from __future__ import annotations

import csv
import getpass
import hashlib
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from edukg.core.errors import InputError, Problem
from edukg.graph.canonical import OWL_SAME_AS, RESOLUTION_GRAPH, canonical_map
from edukg.graph.sources import SourceChange
from edukg.resolve.records import ROR_PREFIX

if TYPE_CHECKING:
    from edukg.graph.store import KnowledgeGraph

RES = "https://w3id.org/edukg/resolution#"
"""Terms of decisions: ``res:Decision``, ``res:left``, ``res:right``, ``res:verdict``, ..."""

VERDICTS = ("accept", "reject")
COLUMNS = ("left", "right", "score", "reasons", "verdict", "author", "time")
"""Columns of a decisions file: the listing's four, then the verdict, who and when."""

_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_CREATOR = ox.NamedNode("http://purl.org/dc/terms/creator")
_TIME = ox.NamedNode("http://www.w3.org/ns/prov#generatedAtTime")


def _res(name: str) -> ox.NamedNode:
    return ox.NamedNode(RES + name)


@dataclass(frozen=True)
class Decision:
    """A person's verdict on a pair of IRIs."""

    left: str
    right: str
    verdict: str
    score: float | None = None
    reasons: tuple[str, ...] = ()
    author: str = ""
    time: str = ""

    def as_row(self) -> dict[str, str]:
        """The decision as a row of a decisions file."""
        return {
            "left": self.left,
            "right": self.right,
            "score": "" if self.score is None else f"{self.score:g}",
            "reasons": "; ".join(self.reasons),
            "verdict": self.verdict,
            "author": self.author,
            "time": self.time,
        }


def decision_iri(left: str, right: str) -> ox.NamedNode:
    """One node per unordered pair: a later decision on the pair replaces the earlier one."""
    first, second = sorted((left, right))
    digest = hashlib.sha256(f"{first}\n{second}".encode()).hexdigest()[:24]
    return ox.NamedNode(f"https://w3id.org/edukg/decision/{digest}")


def current_author() -> str:
    """The login name of the person running edukg (a decision's default author)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def record_decisions(kg: KnowledgeGraph, decisions: Iterable[Decision]) -> list[SourceChange]:
    """Store decisions (each replacing an earlier one on its pair), then merge what is accepted.

    A pair accepted before and rejected now is split again: the sources get
    their own IRIs back. The decisions and every rewritten source land
    together or not at all. Returns the sources the merge rewrote.
    """
    staged = ox.Store()
    staged.extend(kg.oxigraph.quads_for_pattern(None, None, None, RESOLUTION_GRAPH))
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    for decision in decisions:
        if decision.verdict not in VERDICTS:
            raise InputError(f"unknown verdict {decision.verdict!r}", hint="use accept or reject")
        if decision.left == decision.right:
            raise InputError(f"a pair needs two IRIs, got {decision.left} twice")
        decision = replace(
            decision, author=decision.author or current_author(), time=decision.time or now
        )
        _stage_decision(staged, decision)
    _write_same_as(staged)
    from edukg.resolve.registries import REGISTRY_GRAPH

    return kg.apply_canonical_map(list(staged), other_graphs=[REGISTRY_GRAPH])


def _stage_decision(store: ox.Store, decision: Decision) -> None:
    """Write ``decision`` into the resolution graph of ``store``, replacing one on its pair."""
    node = decision_iri(decision.left, decision.right)
    for quad in list(store.quads_for_pattern(node, None, None, RESOLUTION_GRAPH)):
        store.remove(quad)
    quads: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = [
        (node, _TYPE, _res("Decision")),
        (node, _res("left"), ox.NamedNode(decision.left)),
        (node, _res("right"), ox.NamedNode(decision.right)),
        (node, _res("verdict"), ox.Literal(decision.verdict)),
        (node, _CREATOR, ox.Literal(decision.author)),
        (node, _TIME, ox.Literal(decision.time, datatype=ox.NamedNode(_XSD + "dateTime"))),
    ]
    if decision.score is not None:
        quads.append(
            (
                node,
                _res("score"),
                ox.Literal(f"{decision.score:g}", datatype=ox.NamedNode(_XSD + "decimal")),
            )
        )
    quads.extend((node, _res("reason"), ox.Literal(reason)) for reason in decision.reasons)
    store.extend(ox.Quad(s, p, o, RESOLUTION_GRAPH) for s, p, o in quads)


def stored_decisions(kg: KnowledgeGraph) -> list[Decision]:
    """Every decision in the store, oldest first."""
    return _decisions_in(kg.oxigraph)


def _decisions_in(store: ox.Store) -> list[Decision]:
    found = []
    for quad in store.quads_for_pattern(None, _TYPE, _res("Decision"), RESOLUTION_GRAPH):
        node = quad.subject
        values: dict[str, list[str]] = {}
        for fact in store.quads_for_pattern(node, None, None, RESOLUTION_GRAPH):
            if isinstance(fact.object, ox.NamedNode | ox.Literal):
                values.setdefault(fact.predicate.value, []).append(fact.object.value)

        def value(predicate: ox.NamedNode, values: dict[str, list[str]] = values) -> str | None:
            return values.get(predicate.value, [None])[0]

        score = value(_res("score"))
        reasons = sorted(values.get(_res("reason").value, []))
        found.append(
            Decision(
                left=value(_res("left")) or "",
                right=value(_res("right")) or "",
                verdict=value(_res("verdict")) or "",
                score=float(score) if score is not None else None,
                reasons=tuple(reasons),
                author=value(_CREATOR) or "",
                time=value(_TIME) or "",
            )
        )
    return sorted(found, key=lambda d: (d.time, d.left, d.right))


def canonical_of(kg: KnowledgeGraph) -> dict[str, str]:
    """Merged IRI to canonical IRI, as the store holds it."""
    return canonical_map(kg.oxigraph)


def choose_canonical(iris: Iterable[str]) -> str:
    """The IRI a group of merged IRIs keeps: a ROR IRI first, else the smallest.

    >>> choose_canonical(["http://x/b", "https://ror.org/021036w13", "http://x/a"])
    'https://ror.org/021036w13'
    >>> choose_canonical(["http://x/b", "http://x/a"])
    'http://x/a'
    """
    return min(iris, key=lambda iri: (not iri.startswith(ROR_PREFIX), iri))


def _write_same_as(store: ox.Store) -> None:
    """Replace the ``owl:sameAs`` links by those of the accepted decisions (groups, not pairs)."""
    parent: dict[str, str] = {}

    def find(iri: str) -> str:
        parent.setdefault(iri, iri)
        while parent[iri] != iri:
            parent[iri] = parent[parent[iri]]
            iri = parent[iri]
        return iri

    for decision in _decisions_in(store):
        if decision.verdict == "accept":
            parent[find(decision.left)] = find(decision.right)
    groups: dict[str, list[str]] = {}
    for iri in list(parent):
        groups.setdefault(find(iri), []).append(iri)
    for quad in list(store.quads_for_pattern(None, OWL_SAME_AS, None, RESOLUTION_GRAPH)):
        store.remove(quad)
    for members in groups.values():
        canonical = choose_canonical(members)
        store.extend(
            ox.Quad(ox.NamedNode(iri), OWL_SAME_AS, ox.NamedNode(canonical), RESOLUTION_GRAPH)
            for iri in sorted(members)
            if iri != canonical
        )


def read_decisions(path: str | Path) -> list[Decision]:
    """Decisions from a CSV file (columns as :data:`COLUMNS`; ``score`` to ``time`` optional).

    Rows without a verdict are skipped: a listing exported with
    ``edukg resolve --format csv`` becomes a decisions file once a person
    fills in the ``verdict`` column. Every problem is reported at once.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read {path}: {error}") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("left", "right", "verdict") if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(
            f"{path.name} lacks the column(s) {', '.join(missing)}",
            problems=[Problem(str(path), f"missing column {c}", line=1) for c in missing],
            hint=f"the header is: {','.join(COLUMNS)}",
        )
    decisions, problems = [], []
    for line, row in enumerate(reader, start=2):
        verdict = (row.get("verdict") or "").strip().lower()
        if not verdict:
            continue
        left, right = (row.get("left") or "").strip(), (row.get("right") or "").strip()
        if verdict not in VERDICTS:
            problems.append(
                Problem(
                    str(path),
                    "unknown verdict",
                    line=line,
                    column="verdict",
                    value=verdict,
                    hint="write accept or reject",
                )
            )
            continue
        bad = [
            (c, v)
            for c, v in (("left", left), ("right", right))
            if "://" not in v and not v.startswith("urn:")
        ]
        for column, value in bad:
            problems.append(
                Problem(
                    str(path),
                    "not an IRI",
                    line=line,
                    column=column,
                    value=value,
                    hint="the IRIs as edukg resolve lists them",
                )
            )
        if bad:
            continue
        score_text = (row.get("score") or "").strip()
        try:
            score = float(score_text) if score_text else None
        except ValueError:
            problems.append(
                Problem(str(path), "not a number", line=line, column="score", value=score_text)
            )
            continue
        reasons = tuple(r.strip() for r in (row.get("reasons") or "").split(";") if r.strip())
        decisions.append(
            Decision(
                left,
                right,
                verdict,
                score,
                reasons,
                (row.get("author") or "").strip(),
                (row.get("time") or "").strip(),
            )
        )
    if problems:
        raise InputError(
            f"nothing was applied: {len(problems)} problem(s) in {path.name}",
            problems=problems,
            hint="fix the rows above and apply the file again",
        )
    return decisions


def write_decisions(decisions: Sequence[Decision], handle: io.TextIOBase) -> None:
    """Write decisions as CSV with the :data:`COLUMNS` header."""
    writer = csv.DictWriter(handle, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(d.as_row() for d in decisions)
