"""Network extracts worked out from an embedded store's statements, row for row as their queries.

``queries/network-agreements-without-events.rq`` and ``network-institution-event.rq``
answer every engine, but an on-disk Oxigraph store looks each row's texts up in its table
of long texts, at random (at 5M triples three quarters of the agreements' time is their
titles). The statements of the few predicates they join can be read at once instead
(:mod:`edukg.graph.statement_scan`, sequential reads of the sources' snapshots), and
joined here as the queries join them: the same rows (pyoxigraph terms), in the same order
where the query sets one, in a third to a half of the time at 5M.
``tests/analysis/test_statement_extracts.py`` compares both ways.

>>> from edukg.graph.store import KnowledgeGraph
>>> with KnowledgeGraph.in_memory() as kg:
...     agreements_without_events(kg, lang="ru").rows
[]
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

import pyoxigraph as ox

from edukg.analysis.derived import collector_paused, derived_graphs
from edukg.analysis.statement_network import (
    AGREEMENT,
    ATTENDEE,
    CATALOG_LABEL,
    COUNTRY,
    END,
    EVENT,
    HAS_PARTY,
    IDENTIFIER,
    INSTITUTION,
    KIND,
    LABEL,
    LABEL_LANGUAGES,
    ORGANIZER,
    REGION,
    SIGNED,
    START,
    TYPE,
    DayWindow,
    Window,
    read_statements,
    source_names,
)
from edukg.graph.results import QueryResult, Term
from edukg.graph.statement_scan import (
    Picked,
    is_resource,
    literal_parts,
    statements_by_predicate,
    term_value,
)
from edukg.ontology.namespace import PREFIXES

IMPLEMENTS = PREFIXES["edukg"] + "implements"
AGREEMENT_PREDICATES = (TYPE, HAS_PARTY, IMPLEMENTS, IDENTIFIER, SIGNED, LABEL)
AGREEMENT_COLUMNS = ("agreement", "id", "title", "signed", "parties")
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def agreements_without_events(
    kg: Any, *, lang: str = "ru", skip: Collection[str] = ()
) -> QueryResult | None:
    """The rows of ``network-agreements-without-events`` for ``lang``, from the statements.

    Agreements that no statement's ``edukg:implements`` names, each with the count of
    its distinct parties; a row per identifier, signing date and title in ``lang``
    (the least title in any language when it has none in ``lang``), ordered by the
    agreement's IRI. The named graphs in ``skip`` are not read: they must hold none
    of these predicates' statements.

    Rows of one agreement (several identifiers, dates or titles in ``lang``) are in
    the order of their texts; the query's order among them is the engine's. An
    agreement that is a blank node sorts by its label, which the store does not
    keep: for a store that types a blank node an agreement, ``None`` (run the query).
    """
    with collector_paused():  # many lists and tuples, no cycles (see collector_paused)
        return _agreements_without_events(kg, lang=lang, skip=skip)


def _agreements_without_events(kg: Any, *, lang: str, skip: Collection[str]) -> QueryResult | None:
    picks = [
        picked
        for _, picked in statements_by_predicate(
            kg, AGREEMENT_PREDICATES, skip=skip, objects={TYPE: (AGREEMENT,)}
        )
    ]
    agreements = {subject for picked in picks for subject in picked[TYPE][0]}
    if any(agreement.startswith(b"_:") for agreement in agreements):
        return None
    idle = agreements.difference(*(picked[IMPLEMENTS][1] for picked in picks))
    parties, ids, dates, labels = (
        _values_of(picks, predicate, idle) for predicate in (HAS_PARTY, IDENTIFIER, SIGNED, LABEL)
    )
    terms: dict[bytes, Term] = {}
    none: list[Term | None] = [None]
    rows: list[tuple[Term | None, ...]] = []
    for iri, agreement in sorted((term_value(agreement), agreement) for agreement in idle):
        count = _integer(len(set(parties.get(agreement, ()))))
        node = ox.NamedNode(iri)
        found = ids.get(agreement)
        its_ids = none if found is None else _distinct_terms(found, terms)
        found = dates.get(agreement)
        its_dates = none if found is None else _distinct_terms(found, terms)
        titles = _titles(labels.get(agreement, ()), lang)
        if len(its_ids) == 1 and len(its_dates) == 1 and len(titles) == 1:
            rows.append((node, its_ids[0], titles[0], its_dates[0], count))
            continue
        rows += [
            (node, id_, title, signed, count)
            for id_ in its_ids
            for signed in its_dates
            for title in titles
        ]
    return QueryResult("select", columns=AGREEMENT_COLUMNS, rows=rows)


INSTITUTION_EVENT_PREDICATES = (
    TYPE, LABEL, CATALOG_LABEL, KIND, COUNTRY, REGION, ORGANIZER, ATTENDEE, START, END,
)  # fmt: skip
INSTITUTION_EVENT_COLUMNS = (
    "part", "a", "b", "role", "title", "type", "start", "end", "source", "label", "kind",
    "country", "region",
)  # fmt: skip


def institution_event(
    kg: Any,
    *,
    lang: str = "ru",
    window: Window = (None, None, None),
    skip: Collection[str] = (),
) -> QueryResult | None:
    """The rows of ``network-institution-event`` for ``lang`` and ``window``, from the statements.

    The same rows as the query, which has no ``ORDER BY``: here the membership rows come
    first (by institution, event, role), then the node rows (by institution), then the
    label rows (by entity and label). A store that types a blank node an institution or
    an event gets ``None`` (run the query: the snapshots do not keep the store's labels
    of blank nodes).
    """
    with collector_paused():  # half a million rows at 5M, no cycles (see collector_paused)
        return _institution_event(kg, lang=lang, window=window, skip=skip)


def _institution_event(
    kg: Any, *, lang: str, window: Window, skip: Collection[str]
) -> QueryResult | None:
    statements = read_statements(kg, skip=skip, predicates=INSTITUTION_EVENT_PREDICATES)
    institutions = set(statements.typed[INSTITUTION])
    events = set(statements.typed[EVENT])
    if any(term.startswith(b"_:") for term in (*institutions, *events)):
        return None
    joins = _Joins(statements, lang=lang, window=window)
    rows = joins.membership_rows(institutions, events)
    rows += joins.node_rows(institutions)
    rows += joins.label_rows(institutions, events)
    return QueryResult("select", columns=INSTITUTION_EVENT_COLUMNS, rows=rows)


class _Joins:
    """Joins the statements as ``queries/network-institution-event.rq`` does, part by part."""

    def __init__(self, statements: Any, *, lang: str, window: Window) -> None:
        self.s = statements
        self.lang = lang
        self.window = DayWindow.of(window)
        self.terms: dict[bytes, Term] = {}
        self.texts: dict[str, ox.Literal] = {}
        self.source_of = {
            event: self.literal(name) for event, name in source_names(statements).items()
        }

    def literal(self, text: str) -> ox.Literal:
        """A simple literal, made once per text."""
        found = self.texts.get(text)
        if found is None:
            found = self.texts[text] = ox.Literal(text)
        return found

    def term(self, value: bytes) -> Term:
        return _term(value, self.terms)

    def last_segments(self, predicate: str, subject: bytes) -> list[ox.Literal | None]:
        """REPLACE(STR(each value), "^.*/", ""); ``[None]`` for none (OPTIONAL)."""
        values = self.s.values(predicate, subject)
        if not values:
            return [None]
        found: list[ox.Literal | None] = []
        for value in sorted(values):
            text = _text_and_language(value)[0]
            found.append(self.literal(text[text.rfind("/") + 1 :]))
        return found

    def optional_terms(self, predicate: str, subject: bytes) -> list[Term | None]:
        values = self.s.values(predicate, subject)
        if not values:
            return [None]
        return [self.term(value) for value in sorted(values)]

    def in_window(self, start: Term | None, end: Term | None) -> bool:
        """The query's window filters on one row's start and end (end: the start if none)."""
        if start is None:
            return self.window.unset()
        return self.window.admits(start.value, (end if end is not None else start).value)

    def event_rows(self, event: bytes) -> list[tuple[Term | None, ...]]:
        """(title, type, start, end, source) of each way the event's OPTIONALs join."""
        titles = _titles(list(self.s.values(LABEL, event)), self.lang, self.literal)
        source = self.source_of.get(event)
        return [
            (title, kind, start, end, source)
            for kind in self.last_segments(KIND, event)
            for start in self.optional_terms(START, event)
            for end in self.optional_terms(END, event)
            if self.in_window(start, end)
            for title in titles
        ]

    def membership_rows(
        self, institutions: set[bytes], events: set[bytes]
    ) -> list[tuple[Term | None, ...]]:
        part = self.literal("membership")
        found: list[tuple[Term | None, ...]] = []
        joined: dict[bytes, list[tuple[Term | None, ...]]] = {}
        for predicate, role_name in ((ORGANIZER, "organizer"), (ATTENDEE, "attendee")):
            role = self.literal(role_name)
            for event in events:
                for member in self.s.values(predicate, event):
                    if member not in institutions:
                        continue
                    details = joined.get(event)
                    if details is None:
                        details = joined[event] = self.event_rows(event)
                    a, b = self.term(member), self.term(event)
                    found += [
                        (part, a, b, role, title, kind, start, end, source)
                        + (None, None, None, None)
                        for title, kind, start, end, source in details
                    ]
        found.sort(key=_membership_key)
        return found

    def node_rows(self, institutions: set[bytes]) -> list[tuple[Term | None, ...]]:
        part = self.literal("node")
        found: list[tuple[Term | None, ...]] = []
        for institution in sorted(institutions, key=term_value):
            a = self.term(institution)
            found += [
                (part, a) + (None,) * 7 + (None, kind, country, region)
                for kind in self.last_segments(KIND, institution)
                for country in self.last_segments(COUNTRY, institution)
                for region in self.optional_terms(REGION, institution)
            ]
        return found

    def label_rows(
        self, institutions: set[bytes], events: set[bytes]
    ) -> list[tuple[Term | None, ...]]:
        part = self.literal("label")
        named = institutions | events
        for predicate in (COUNTRY, REGION):
            for institution in institutions:
                named.update(self.s.values(predicate, institution))
        found: list[tuple[Term | None, ...]] = []
        for entity in sorted(named):
            labels = [
                label
                for label in self.s.values(LABEL, entity)
                if label[:1] == b'"' and (_text_and_language(label)[1] or "") in LABEL_LANGUAGES
            ]
            if not labels:
                continue
            a = self.term(entity)
            found += [
                (part, a) + (None,) * 7 + (self.term(label), None, None, None)
                for label in sorted(labels)
            ]
        return found


def _membership_key(row: tuple[Term | None, ...]) -> tuple[str, str, str]:
    return (row[1].value, row[2].value, row[3].value)  # type: ignore[union-attr]


def _values_of(
    picks: list[Picked], predicate: str, subjects: set[bytes]
) -> dict[bytes, list[bytes]]:
    """Each of ``subjects``' values of ``predicate`` in ``picks`` (none: not a key)."""
    found: dict[bytes, list[bytes]] = {}
    for picked in picks:
        for subject, value in zip(*picked[predicate], strict=True):
            if subject in subjects:
                values = found.get(subject)
                if values is None:
                    found[subject] = [value]
                else:
                    values.append(value)
    return found


def _titles(
    labels: Sequence[bytes], lang: str, make: Callable[[str], ox.Literal] = ox.Literal
) -> list[ox.Literal | None]:
    """COALESCE(STR(each title in ``lang``), MIN(STR(any title))), a title a row (each made
    by ``make``)."""
    if len(labels) == 1:
        return [make(_text_and_language(labels[0])[0])]  # in lang or not, the title
    parts = {label: _text_and_language(label) for label in set(labels)}
    in_lang = sorted({text for text, language in parts.values() if language == lang})
    if in_lang:
        return [make(text) for text in in_lang]
    if not parts:
        return [None]
    return [make(min(text for text, _ in parts.values()))]


def _text_and_language(term: bytes) -> tuple[str, str | None]:
    """STR() and LANG() of a label (``None`` for an IRI, whose LANG() is an error)."""
    if term[:1] == b'"' and b"\\" not in term:
        close = term.rfind(b'"')
        language = term[close + 2 :].decode() if term[close + 1 : close + 2] == b"@" else None
        return term[1:close].decode("utf-8"), language
    if is_resource(term):
        return term_value(term), None
    text, language, _ = literal_parts(term)
    return text, language


def _distinct_terms(found: list[bytes], terms: dict[bytes, Term]) -> list[Term | None]:
    """The distinct values, as terms, in the order of their N-Triples texts."""
    if len(found) == 1:
        return [_term(found[0], terms)]
    return [_term(value, terms) for value in sorted(set(found))]


def _term(value: bytes, terms: dict[bytes, Term]) -> Term:
    """An N-Triples term as a pyoxigraph term (made once per text)."""
    made = terms.get(value)
    if made is None:
        if value.startswith(b"<"):
            made = ox.NamedNode(term_value(value))
        elif value.startswith(b"_:"):
            made = ox.BlankNode(term_value(value))
        else:
            text, language, datatype = literal_parts(value)
            made = (
                ox.Literal(text, language=language)
                if language
                else ox.Literal(text, datatype=ox.NamedNode(datatype))
                if datatype
                else ox.Literal(text)
            )
        terms[value] = made
    return made


def _integer(count: int) -> ox.Literal:
    return ox.Literal(str(count), datatype=_INTEGER)


STATEMENT_EXTRACTS: dict[str, Callable[[Any], QueryResult | None]] = {
    "network-institution-event": lambda kg: institution_event(kg, skip=derived_graphs(kg)),
    "network-agreements-without-events": lambda kg: agreements_without_events(
        kg, skip=derived_graphs(kg)
    ),
}
"""The extracts an embedded store builds from its statements, by query name."""
