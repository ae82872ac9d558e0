"""The institution network's parts, worked out from an embedded store's statements at once.

The ``network-institutions`` query answers the same from every engine, but an
on-disk Oxigraph store decodes each of its million result terms with a look-up
of its own (123 s at 5M triples). An embedded store's statements can be read
at once instead (:mod:`edukg.graph.statement_scan`: from the sources'
snapshots); this module joins them as the query does and gives what
:func:`edukg.analysis.networks.institution_network` makes of the query's rows:
the labels, the institutions and the links. ``tests/analysis/test_statement_network.py``
checks that both ways give the same network.

Where the store holds several values that the network keeps one of (two
signing dates of one agreement, two kinds of one institution), the query's
choice depends on the engine's row order; here the smallest is kept.

>>> from edukg.graph.store import KnowledgeGraph
>>> with KnowledgeGraph.in_memory() as kg:
...     parts = network_parts(kg, window=(None, None, None), events=True, lang="ru")
>>> parts.institutions, parts.links
({}, [])
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Collection
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter
from typing import Any

import numpy as np
import pyoxigraph as ox

from edukg.graph.sources import CATALOG_GRAPH
from edukg.graph.statement_scan import (
    is_resource,
    literal_parts,
    statements_by_predicate,
    term_value,
)
from edukg.ontology.namespace import PREFIXES

_EDUKG = PREFIXES["edukg"]
_SCHEMA = PREFIXES["schema"]
TYPE = PREFIXES["rdf"] + "type"
LABEL = PREFIXES["skos"] + "prefLabel"
IDENTIFIER = PREFIXES["dcterms"] + "identifier"
CATALOG_LABEL = PREFIXES["rdfs"] + "label"
HAS_PARTY = _EDUKG + "hasParty"
KIND = _EDUKG + "kind"
SIGNED = _EDUKG + "signedOn"
AREA = _EDUKG + "area"
COUNTRY = _EDUKG + "country"
REGION = _EDUKG + "region"
SHORT_NAME = _EDUKG + "shortName"
VALID_FROM = _SCHEMA + "validFrom"
VALID_THROUGH = _SCHEMA + "validThrough"
ORGANIZER = _SCHEMA + "organizer"
ATTENDEE = _SCHEMA + "attendee"
START = _SCHEMA + "startDate"
END = _SCHEMA + "endDate"
PREDICATES = (
    TYPE, LABEL, IDENTIFIER, CATALOG_LABEL, HAS_PARTY, KIND, SIGNED, AREA, COUNTRY, REGION,
    SHORT_NAME, VALID_FROM, VALID_THROUGH, ORGANIZER, ATTENDEE, START, END,
)  # fmt: skip
LINK_PREDICATES = (TYPE, HAS_PARTY, ORGANIZER, ATTENDEE, COUNTRY)
"""What a network without link details, dates or names reads: its links and each node's
country."""
DATE_PREDICATES = (SIGNED, VALID_FROM, VALID_THROUGH, START, END)
"""What a time window reads besides."""
NAME_PREDICATES = (LABEL, KIND, REGION)
"""What the nodes' names, kinds and regions read besides (labels: the institutions',
countries', regions')."""
INSTITUTION = f"<{_EDUKG}Institution>".encode()
AGREEMENT = f"<{_EDUKG}CooperationAgreement>".encode()
EVENT = f"<{_EDUKG}CooperationEvent>".encode()
CLASSES = (INSTITUTION, AGREEMENT, EVENT)
"""The classes the network reads the instances of (``rdf:type`` statements of others are
not read)."""
LABEL_LANGUAGES = ("ru", "be", "en", "")


@dataclass
class _Statements:
    """The statements the network needs, keyed by N-Triples terms (union of every graph)."""

    typed: dict[bytes, dict[bytes, None]]
    """Class to its instances (only the three classes the network reads), in the order read:
    the tables of their values were filled in that order, so walking the instances so reads
    the tables' memory in order (not at random, as a set's order would)."""
    one: dict[str, dict[bytes, bytes]]
    """Predicate to subject to its value, for subjects with one value."""
    many: dict[str, dict[bytes, set[bytes]]]
    """Predicate to subject to its values, for subjects with two or more."""
    typed_by_graph: dict[str, set[bytes]]
    """Named graph to the agreements and events it types."""
    graph_names: dict[str, str]
    """Source graph IRI to the smallest of its catalog names."""

    def values(self, predicate: str, subject: bytes) -> Collection[bytes]:
        found = self.many[predicate].get(subject)
        if found is not None:
            return found
        one = self.one[predicate].get(subject)
        return () if one is None else (one,)

    def add(self, predicate: str, subjects: list[bytes], objects: list[bytes]) -> None:
        """Add one graph's statements of ``predicate`` (its subjects come sorted)."""
        one, many = self.one[predicate], self.many[predicate]
        if not one and not many:
            single = dict(zip(subjects, objects, strict=True))
            if len(single) == len(subjects):  # one value per subject: the usual case
                self.one[predicate] = single
                return
            # a sorted graph holds each subject's statements in one run: slice the runs
            # (walked from the last run to the first, as the tables have always been filled)
            count = len(subjects)
            bounds = [0, *compress(range(1, count), map(operator.ne, subjects, subjects[1:]))]
            if len(bounds) == len(single):
                ends = [*bounds[1:], count]
                for first, after in zip(reversed(bounds), reversed(ends), strict=True):
                    if after - first == 1:
                        one[subjects[first]] = objects[first]
                    else:
                        many[subjects[first]] = set(objects[first:after])
                return
        for subject, value in zip(subjects, objects, strict=True):
            values = many.get(subject)
            if values is not None:
                values.add(value)
                continue
            current = one.get(subject)
            if current is None:
                one[subject] = value
            elif current != value:
                many[subject] = {current, value}
                del one[subject]


def read_statements(
    kg: Any, *, skip: Collection[str] = (), predicates: tuple[str, ...] = PREDICATES
) -> _Statements:
    """Read the network's predicates from every graph of ``kg`` (an embedded store).

    The named graphs in ``skip`` are left out: the graphs of earlier analysis
    results hold none of the network's statements (the query reads them and
    finds nothing there), and are a fifth of the store after an institution
    level run.
    """
    typed: dict[bytes, dict[bytes, None]] = {klass: {} for klass in CLASSES}
    statements = _Statements(
        typed, {p: {} for p in PREDICATES}, {p: {} for p in PREDICATES}, {}, {}
    )  # every predicate's tables, read or not: what is not read holds nothing
    for graph, picked in statements_by_predicate(
        kg, predicates, skip=skip, objects={TYPE: CLASSES}
    ):
        in_graph = graph.value if isinstance(graph, ox.NamedNode) else None
        for predicate, (subjects, objects) in picked.items():
            if predicate == TYPE:
                links: set[bytes] = set()
                for subject, klass in zip(subjects, objects, strict=True):
                    typed[klass][subject] = None  # one of CLASSES: no other type is read
                    if klass != INSTITUTION:
                        links.add(subject)
                if in_graph is not None and links:
                    statements.typed_by_graph[in_graph] = links
                continue
            if predicate == CATALOG_LABEL and in_graph == CATALOG_GRAPH.value:
                for subject, name in zip(subjects, objects, strict=True):
                    if is_resource(subject) and not is_resource(name):
                        text = literal_parts(name)[0]
                        key = term_value(subject)
                        statements.graph_names[key] = min(
                            statements.graph_names.get(key, text), text
                        )
            if subjects:
                statements.add(predicate, subjects, objects)
    return statements


Window = tuple[dt.date | None, dt.date | None, dt.date | None]
"""since, until, active_on."""


@dataclass(frozen=True)
class DayWindow:
    """A :data:`Window`'s days as the queries compare them: ISO texts, ``None`` where unset."""

    since: str | None = None
    until: str | None = None
    active_on: str | None = None

    @classmethod
    def of(cls, window: Window) -> DayWindow:
        """>>> DayWindow.of((dt.date(2024, 1, 1), None, None))
        DayWindow(since='2024-01-01', until=None, active_on=None)
        """
        since, until, active_on = (day.isoformat() if day else None for day in window)
        return cls(since, until, active_on)

    def unset(self) -> bool:
        """True when no window is set: everything counts."""
        return self.since is None and self.until is None and self.active_on is None

    def admits(self, start: str | None, end: str | None) -> bool:
        """The queries' window filters on a start text and an end text (``None``: no end test).

        >>> DayWindow(since="2024-06-01").admits("2024", None)
        True
        >>> DayWindow(active_on="2025-01-01").admits("2023", "2024-12")
        False
        """
        if self.unset():
            return True
        if start is None:
            return False
        if self.since is not None and padded_day(start, "-12-31") < self.since:
            return False
        if self.until is not None and padded_day(start, "-01-01") > self.until:
            return False
        if self.active_on is not None:
            if padded_day(start, "-01-01") > self.active_on:
                return False
            if end is not None and padded_day(end, "-12-31") < self.active_on:
                return False
        return True


def source_names(statements: _Statements) -> dict[bytes, str]:
    """Each agreement or event to MIN(name) over the catalog names of the graphs that type it."""
    found: dict[bytes, str] = {}
    # the smallest name is written last
    for graph, name in sorted(statements.graph_names.items(), key=itemgetter(1), reverse=True):
        found.update(dict.fromkeys(statements.typed_by_graph.get(graph, ()), name))
    return found


@dataclass
class NetworkParts:
    """What the network is built from, as the query's rows give it."""

    labels: dict[str, dict[str, str]]
    """Entity (institution, country, region) to language to its smallest label."""
    short_labels: dict[str, dict[str, str]]
    """Institution to language to its smallest short name."""
    institutions: dict[str, tuple[str | None, str | None, str | None]]
    """Institution to (kind, country code, region IRI)."""
    links: list[tuple[str, str, str, dict[str, Any] | None]]
    """(a, b, "agreements" or "events", the link's attributes), a < b, one per pair and link;
    empty without details (see ``pairs``)."""
    pairs: LinkPairs | None = None
    """Without details, the links as numbered pairs (``None`` with details)."""


@dataclass
class LinkPairs:
    """Links without details: link ``k`` joins ``names[firsts[k]]`` and ``names[seconds[k]]``
    (numpy arrays of positions; a pair in either order), one per pair and link, as
    :attr:`NetworkParts.links` lists them."""

    names: list[str]
    firsts: Any
    seconds: Any


def network_parts(
    kg: Any,
    *,
    window: Window,
    events: bool,
    lang: str,
    skip: Collection[str] = (),
    details: bool = True,
    names: bool = True,
) -> NetworkParts:
    """The labels, institutions and links of ``network-institutions`` for this window and lang
    (the named graphs in ``skip`` left out: they must hold none of the network's statements).

    Without ``details`` the links come as numbered pairs (:class:`LinkPairs`): the
    statements of titles' identifiers, areas, short names and source names are not read,
    nor the links' dates when no window is set. Without ``details`` and ``names`` no labels,
    kinds and regions are read either (each institution's kind and region is ``None``).
    """
    predicates: tuple[str, ...] = PREDICATES
    if not details:
        unwindowed = window == (None, None, None)
        predicates = (
            LINK_PREDICATES
            + (() if unwindowed else DATE_PREDICATES)
            + (NAME_PREDICATES if names else ())
        )
    statements = read_statements(kg, skip=skip, predicates=predicates)
    return _Builder(statements, window=window, lang=lang).parts(
        events=events, details=details, names=names or details
    )


class _Builder:
    """Joins the statements as ``queries/network-institutions.rq`` does, part by part."""

    def __init__(self, statements: _Statements, *, window: Window, lang: str) -> None:
        self.s = statements
        self.window = DayWindow.of(window)
        self.lang = lang
        self.texts: dict[bytes, str] = {}
        self.segments: dict[bytes, str] = {}
        self.area_lists: dict[frozenset[bytes], str] = {}
        self.source_of = source_names(statements)
        self.numbers = _Numbering(self.text)
        self.party_numbers = _PartyNumbering(self.numbers)

    # ------------------------------------------------------------ terms

    def text(self, term: bytes) -> str:
        """STR() of a term."""
        found = self.texts.get(term)
        if found is None:
            found = term_value(term) if is_resource(term) else literal_parts(term)[0]
            self.texts[term] = found
        return found

    def smallest(self, predicate: str, subject: bytes) -> bytes | None:
        """The one value the network keeps of ``subject``'s ``predicate`` (the smallest)."""
        one = self.s.one[predicate].get(subject)
        if one is not None:
            return one
        found = self.s.many[predicate].get(subject)
        return None if not found else min(found, key=_order_key)

    def smallest_text(self, predicate: str, subject: bytes) -> str | None:
        """STR() of the kept value: made for each call (each link asks once), not kept in a
        table of every subject's."""
        one = self.s.one[predicate].get(subject)
        if one is not None:
            return _lexical_form(one)
        value = self.smallest(predicate, subject)
        return None if value is None else self.text(value)

    def last_segment(self, predicate: str, subject: bytes) -> str | None:
        """REPLACE(STR(value), "^.*/", "") of the kept value."""
        value = self.smallest(predicate, subject)
        if value is None:
            return None
        found = self.segments.get(value)
        if found is None:
            text = self.text(value)
            found = self.segments[value] = text[text.rfind("/") + 1 :]
        return found

    def title(self, link: bytes) -> str | None:
        """COALESCE(STR(a title in lang), MIN(STR(any title)))."""
        if link not in self.s.many[LABEL]:  # one title or none: in lang or not, it is the title
            return self.smallest_text(LABEL, link)
        found = self.s.many[LABEL][link]
        labels = [
            literal_parts(label) if not is_resource(label) else (term_value(label), None, None)
            for label in found
        ]
        in_lang = [text for text, language, _ in labels if language == self.lang]
        return min(in_lang) if in_lang else min((text for text, _, _ in labels), default=None)

    def areas(self, link: bytes) -> str:
        """GROUP_CONCAT(DISTINCT last segments of the areas), sorted as the network keeps it."""
        found = frozenset(self.s.values(AREA, link))
        listed = self.area_lists.get(found)
        if listed is None:
            names = sorted({self.text(area).rsplit("/", 1)[-1] for area in found})
            listed = self.area_lists[found] = " ".join(names)
        return listed

    # ------------------------------------------------------------ windows

    def in_window(self, start: str | None, end: str | None) -> bool:
        """The query's window filters on a link's start and end texts (``end`` as it tests it)."""
        return self.window.admits(start, end)

    # ------------------------------------------------------------ parts

    def parts(self, *, events: bool, details: bool = True, names: bool = True) -> NetworkParts:
        links: list[tuple[str, str, str, Any]] = []
        pairs = None
        if details:
            links = self.agreement_links()
            if events:
                links += self.event_links()
        else:
            pairs = self.link_pairs(events=events)
        labels, short_labels = self.labels() if names else ({}, {})
        return NetworkParts(labels, short_labels, self.institutions(names=names), links, pairs)

    def link_pairs(self, *, events: bool) -> LinkPairs:
        """The links without details, numbered: what ``agreement_links`` and ``event_links``
        list without details, without a text or a tuple made per link (a million at 5M)."""
        firsts, seconds = self.agreement_pairs()
        if events:
            hosts, guests = self.event_pairs()
            firsts = np.concatenate((firsts, np.array(hosts, np.int64)))
            seconds = np.concatenate((seconds, np.array(guests, np.int64)))
        return LinkPairs(self.numbers.names, firsts, seconds)

    def agreement_pairs(self) -> tuple[Any, Any]:
        """Every pair of each agreement's parties, numbered (:meth:`agreement_links`' pairs)."""
        everything = self.unwindowed()
        agreements, numbers = self.s.typed[AGREEMENT], self.party_numbers
        signed_on, signed_many = self.s.one[SIGNED], self.s.many[SIGNED]
        members: list[int] = []
        sizes: list[int] = []
        for link, found in self.s.many[HAS_PARTY].items():  # one party or none: no pair
            if link not in agreements:
                continue
            # STR() of a blank node is an error: the query pairs no blank-node party (its
            # number is -1); parties of one text are one party (numbered by text)
            parties = set(map(numbers.__getitem__, found))
            parties.discard(-1)
            if len(parties) < 2:
                continue
            if not everything:
                if link in signed_on or link in signed_many:
                    start = self.smallest_text(SIGNED, link)
                else:
                    start = self.smallest_text(VALID_FROM, link)
                if not self.in_window(start, self.smallest_text(VALID_THROUGH, link)):
                    continue
            members += parties
            sizes.append(len(parties))
        return _group_pairs(members, sizes)

    def event_pairs(self) -> tuple[list[int], list[int]]:
        """Each event's host-guest pairs, numbered (:meth:`event_links`' pairs)."""
        everything = self.unwindowed()
        institutions, numbers = self.s.typed[INSTITUTION], self.numbers
        firsts: list[int] = []
        seconds: list[int] = []
        for link in self.s.typed[EVENT]:
            hosts = [h for h in self.s.values(ORGANIZER, link) if h in institutions]
            if not hosts:
                continue
            guests = [g for g in self.s.values(ATTENDEE, link) if g in institutions]
            # a host is no partner of itself; one pair of two who are both hosts and guests
            pairs = {
                (a, b) if a <= b else (b, a)
                for a, b in ((numbers[h], numbers[g]) for h in hosts for g in guests if h != g)
            }
            if not pairs:
                continue
            if not everything:
                start = self.smallest_text(START, link)
                end = self.smallest_text(END, link)
                # the query tests the end of an event without an end date at its start
                if not self.in_window(start, end if end is not None else start):
                    continue
            for first, second in pairs:
                firsts.append(first)
                seconds.append(second)
        return firsts, seconds

    def unwindowed(self) -> bool:
        """True when no window is set: every link counts."""
        return self.window.unset()

    def agreement_links(self) -> list[tuple[str, str, str, Any]]:
        links: list[tuple[str, str, str, Any]] = []
        agreements, texts, text = self.s.typed[AGREEMENT], self.texts, self.text
        signed_on, signed_many = self.s.one[SIGNED], self.s.many[SIGNED]
        for link, found in self.s.many[HAS_PARTY].items():  # one party or none: no pair
            if link not in agreements:
                continue
            # STR() of a blank node is an error: the query pairs no blank-node party
            parties = sorted(
                {texts.get(party) or text(party) for party in found if party[:2] != b"_:"}
            )
            if len(parties) < 2:
                continue
            if link in signed_on or link in signed_many:
                start = self.smallest_text(SIGNED, link)
            else:
                start = self.smallest_text(VALID_FROM, link)
            end = self.smallest_text(VALID_THROUGH, link)
            if not self.in_window(start, end):
                continue
            areas = self.areas(link).split()
            attributes = {
                "iri": text(link),
                "id": self.smallest_text(IDENTIFIER, link) or None,
                "title": self.title(link) or None,
                "signed": start or None,
                "valid_until": end or None,
                "type": self.last_segment(KIND, link) or None,
                "areas": areas,
                "source": self.source_of.get(link) or None,
            }
            if len(parties) == 2:
                links.append((parties[0], parties[1], "agreements", attributes))
                continue
            for number, a in enumerate(parties):
                for b in parties[number + 1 :]:
                    links.append((a, b, "agreements", {**attributes, "areas": list(areas)}))
        return links

    def event_links(self) -> list[tuple[str, str, str, Any]]:
        links: list[tuple[str, str, str, Any]] = []
        institutions = self.s.typed[INSTITUTION]
        for link in self.s.typed[EVENT]:
            hosts = [h for h in self.s.values(ORGANIZER, link) if h in institutions]
            guests = [g for g in self.s.values(ATTENDEE, link) if g in institutions]
            pairs = {
                (a, b) if a <= b else (b, a)
                for a, b in ((self.text(h), self.text(g)) for h in hosts for g in guests if h != g)
            }
            if not pairs:
                continue
            start = self.smallest_text(START, link)
            end = self.smallest_text(END, link)
            # the query tests the end of an event without an end date at its start
            if not self.in_window(start, end if end is not None else start):
                continue
            attributes = {
                "iri": self.text(link),
                "title": self.title(link) or None,
                "type": self.last_segment(KIND, link) or None,
                "start": start or None,
                "end": end or None,
                "source": self.source_of.get(link) or None,
            }
            links += [(a, b, "events", dict(attributes)) for a, b in sorted(pairs)]
        return links

    def institutions(
        self, *, names: bool = True
    ) -> dict[str, tuple[str | None, str | None, str | None]]:
        """Each institution's (kind, country code, region IRI); without ``names`` only its
        country (kinds and regions were not read)."""
        if not names:
            return {
                self.text(institution): (
                    None,
                    self.last_segment(COUNTRY, institution) or None,
                    None,
                )
                for institution in self.s.typed[INSTITUTION]
            }
        found = {}
        for institution in self.s.typed[INSTITUTION]:
            region = self.smallest(REGION, institution)
            found[self.text(institution)] = (
                self.last_segment(KIND, institution) or None,
                self.last_segment(COUNTRY, institution) or None,
                None if region is None else self.text(region),
            )
        return found

    def labels(self) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
        """The smallest label per language of institutions, their countries and regions; and
        the smallest short name per language of institutions."""
        institutions = self.s.typed[INSTITUTION]
        named = dict(institutions)  # in the order read, as the labels' tables were filled
        for predicate in (COUNTRY, REGION):
            for institution in institutions:
                named.update(
                    (v, None) for v in self.s.values(predicate, institution) if is_resource(v)
                )
        labels = self._smallest_labels(named, LABEL, LABEL_LANGUAGES)
        return labels, self._smallest_labels(institutions, SHORT_NAME, None)

    def _smallest_labels(
        self, entities: Collection[bytes], predicate: str, languages: tuple[str, ...] | None
    ) -> dict[str, dict[str, str]]:
        found: dict[str, dict[str, str]] = {}
        one, many = self.s.one[predicate], self.s.many[predicate]
        for entity in entities:
            values: Collection[bytes] | None = many.get(entity)
            if values is None:
                single = one.get(entity)
                if single is None:
                    continue
                values = (single,)
            per_language: dict[str, str] = {}
            for value in values:
                if value[:1] != b'"':
                    if languages is not None:
                        continue  # LANG() of an IRI is an error: the query skips it
                    text, key = term_value(value), ""
                else:
                    close = value.rfind(b'"')
                    if b"\\" in value:
                        text, language, _ = literal_parts(value)
                        key = language or ""
                    else:
                        text = value[1:close].decode("utf-8")
                        key = (
                            value[close + 2 :].decode()
                            if value[close + 1 : close + 2] == b"@"
                            else ""
                        )
                if languages is not None and key not in languages:
                    continue
                current = per_language.get(key)
                if current is None or text < current:
                    per_language[key] = text
            if per_language:
                found[self.text(entity)] = per_language
        return found


class _Numbering(dict[bytes, int]):
    """Term to the number of its text (STR()), numbering each new text in turn: ``names``.

    >>> numbers = _Numbering(lambda term: term.decode().strip("<>"))
    >>> numbers[b"<a:x>"], numbers[b"<a:y>"], numbers[b"<a:x>"], numbers.names
    (0, 1, 0, ['a:x', 'a:y'])
    """

    def __init__(self, text: Any) -> None:
        super().__init__()
        self.text = text
        self.names: list[str] = []
        self.by_text: dict[str, int] = {}

    def __missing__(self, term: bytes) -> int:
        text = self.text(term)
        number = self.by_text.get(text)
        if number is None:
            number = self.by_text[text] = len(self.names)
            self.names.append(text)
        self[term] = number
        return number


class _PartyNumbering(dict[bytes, int]):
    """An agreement's party to its number in ``numbers``; a blank node to -1 (no party).

    >>> parties = _PartyNumbering(_Numbering(lambda term: term.decode().strip("<>")))
    >>> parties[b"<a:x>"], parties[b"_:b1"], parties[b"<a:x>"]
    (0, -1, 0)
    """

    def __init__(self, numbers: _Numbering) -> None:
        super().__init__()
        self.numbers = numbers

    def __missing__(self, term: bytes) -> int:
        number = -1 if term[:2] == b"_:" else self.numbers[term]
        self[term] = number
        return number


def _group_pairs(members: list[int], sizes: list[int]) -> tuple[Any, Any]:
    """Every pair within each group (``sizes[k]`` numbers of ``members`` in turn), by numpy.

    >>> firsts, seconds = _group_pairs([1, 2, 3, 7, 8], [3, 2])
    >>> sorted(zip(firsts.tolist(), seconds.tolist()))
    [(1, 2), (1, 3), (2, 3), (7, 8)]
    """
    flat = np.array(members, np.int64)
    size = np.array(sizes, np.int64)
    starts = np.cumsum(size) - size
    firsts, seconds = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    for count in np.unique(size).tolist():  # the groups of one size as the rows of a table
        table = flat[starts[size == count][:, None] + np.arange(count)]
        left, right = np.triu_indices(count, 1)
        firsts.append(table[:, left].ravel())
        seconds.append(table[:, right].ravel())
    return np.concatenate(firsts), np.concatenate(seconds)


def _lexical_form(value: bytes) -> str:
    """STR() of a value: a literal's lexical form, an IRI's text.

    >>> _lexical_form(b'"2024-05"'), _lexical_form(b'"a\\"b"@en'), _lexical_form(b"<http://x/a>")
    ('2024-05', 'a"b', 'http://x/a')
    """
    if value[:1] != b'"':
        return term_value(value)
    if b"\\" in value:
        return literal_parts(value)[0]
    return value[1 : value.rfind(b'"')].decode("utf-8")


def _order_key(term: bytes) -> tuple[bool, str]:
    """Literals before IRIs, then by text: a stable pick among several values."""
    return (is_resource(term), term_value(term) if is_resource(term) else literal_parts(term)[0])


def padded_day(text: str, pad: str) -> str:
    """CONCAT(text, SUBSTR(pad, STRLEN(text) - 3)): a partial date made a day.

    XPath's substring keeps the characters from a position (1-based) on; a
    position below 1 keeps them all.

    >>> padded_day("2024", "-12-31"), padded_day("2024-05", "-01-01")
    ('2024-12-31', '2024-05-01')
    >>> padded_day("2024-05-17", "-12-31")
    '2024-05-17'
    """
    return text + pad[max(len(text) - 3, 1) - 1 :]
