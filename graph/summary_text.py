r"""Summary statements worked out from the graphs' N-Triples text, without a query.

A write that works every summary out again (a first load, a reload that
replaces most of the store) has each graph's statements at hand as sorted
N-Triples lines (see :mod:`edukg.graph.statement_lines`): the lines each summary
reads are found by their predicate with ``bytes.find``, and the summaries
worked out in Python from the terms' own text. At a million statements that
takes a third of the time of the summary queries over the store, whose
statements give exactly the same lines (the tests compare both).

Only what the text says plainly is worked out here: a blank node or a quoted
triple in a line that bears on a summary, or a name whose lower case the two
engines could tell apart (beyond Latin, Greek and Cyrillic), and
:func:`text_summary_lines` answers ``None``: the caller runs the queries instead.
An end of term whose text is not plain digits where ``expiring-agreements`` reads
its year, month and day leaves ``endDay`` out of the kinds done here: its query
works that kind out.

>>> agreement = b"<http://x/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> " \
...     b"<https://w3id.org/edukg/ontology#CooperationAgreement> .\n"
>>> signed = b'<http://x/a> <https://w3id.org/edukg/ontology#signedOn> "2024-05-01" .\n'
>>> found = text_summary_lines([agreement + signed])
>>> sorted(line.split(b"summary#")[-1][:12] for line in found.lines)
[b'agreementYea', b'dormantTerm>', b'firstSigned>', b'year> "2024"']
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any

import pyoxigraph as ox

from edukg.ontology.iris import PREFIXES, PROJECT_IRI

_SUMMARY = PROJECT_IRI + "/summary#"
_EDUKG, _SCHEMA, _SKOS = PREFIXES["edukg"], PREFIXES["schema"], PREFIXES["skos"]
_TYPE = PREFIXES["rdf"] + "type"


def _predicate(iri: str) -> bytes:
    return b" <" + iri.encode() + b"> "


_TYPE_TEXT = b"<" + _TYPE.encode() + b">"


_CLASSES = {
    b"<" + (_EDUKG + name).encode() + b">": name
    for name in ("CooperationAgreement", "CooperationEvent", "Institution")
}
_TYPED_AS = {
    b" <" + _TYPE.encode() + b"> <" + (_EDUKG + name).encode() + b"> .": name
    for name in ("CooperationAgreement", "CooperationEvent", "Institution")
}
_SIGNED_ON = _predicate(_EDUKG + "signedOn")
_VALID_FROM = _predicate(_SCHEMA + "validFrom")
_VALID_THROUGH = _predicate(_SCHEMA + "validThrough")
_START_DATE = _predicate(_SCHEMA + "startDate")
_HAS_PARTY = _predicate(_EDUKG + "hasParty")
_IMPLEMENTS = _predicate(_EDUKG + "implements")
_COUNTRY = _predicate(_EDUKG + "country")
_REGION = _predicate(_EDUKG + "region")
_NOTATION = _predicate(_SKOS + "notation")
_GATHERS = (_predicate(_SCHEMA + "organizer"), _predicate(_SCHEMA + "attendee"))
_NAMES = (
    _predicate(_SKOS + "prefLabel"),
    _predicate(_SKOS + "altLabel"),
    _predicate(PREFIXES["dcterms"] + "identifier"),
)
_YEAR_TEXT = re.compile(r"(?:0|-?[1-9][0-9]*)\Z")
"""A year key the summary keeps (the query's ``^(0|-?[1-9][0-9]*)$``)."""
_INTEGER_TEXT = re.compile(r"[+-]?[0-9]+\Z")
"""Text Oxigraph's ``xsd:integer()`` casts (ASCII digits, an optional sign, no spaces)."""
_DIGITS = re.compile(r"[0-9]+\Z")
_BEYOND_CYRILLIC = re.compile(r"[^\u0000-\u052f]")
"""Characters past Latin, Greek and Cyrillic, where Python and Oxigraph (two Unicode
versions) could lower-case a letter differently; before them both follow the same rules,
final sigma and dotted I included."""
_INTEGER = b"^^<" + PREFIXES["xsd"].encode() + b"integer>"
_TRUE = str(ox.Literal(True)).encode()

PREDICATES_READ = frozenset(
    iri.decode("utf-8")
    for iri in (
        _TYPE_TEXT,
        *(
            predicate[1:-1]
            for predicate in (
                _SIGNED_ON, _VALID_FROM, _VALID_THROUGH, _START_DATE, _HAS_PARTY, _IMPLEMENTS,
                _COUNTRY, _REGION, _NOTATION, *_GATHERS, *_NAMES,
            )
        ),
    )
)
"""The predicates (N-Triples text, ``<iri>``) whose statements the summaries here read.

A writer that knows its statements may hand them over as one chunk of
:class:`~edukg.graph.statement_lines.SortedLines` whose ``pairs`` map each of these
predicates to the (subject, object) of every statement of the text with it (none:
no statement): this module then reads those instead of searching the text."""

KINDS = (
    "firstSigned", "firstStart", "year", "agreementYear", "eventYear", "endDay",
    "partyCountry", "nameKey", "lastSegment", "partnerless",
    "partnerlessLabel", "partnerlessCountry", "partnerlessRegionLabel",
    "dormantTerm", "dormantOdd",
)
"""The summary kinds (local names of their predicates) worked out here; the queries of
:mod:`edukg.graph.summaries` work out any other."""


class _Unplain(Exception):
    """A line this module does not read (blank node, quoted triple): use the queries."""


@dataclass
class TextSummaries:
    """The summary lines of :data:`KINDS` (N-Triples, no line ends), and those kinds."""

    lines: set[bytes]
    kinds: tuple[str, ...] = KINDS


def _sets() -> defaultdict[bytes, set[Any]]:
    """A dict whose missing keys hold an empty set (one made only when a key is new)."""
    return defaultdict(set)


@dataclass
class _Facts:
    """The statements the summaries read, gathered from every graph (terms as N-Triples text)."""

    agreements: set[bytes] = field(default_factory=set)
    events: set[bytes] = field(default_factory=set)
    institutions: set[bytes] = field(default_factory=set)
    signed: defaultdict[bytes, set[str]] = field(default_factory=_sets)
    valid_from: defaultdict[bytes, set[str]] = field(default_factory=_sets)
    valid_through: defaultdict[bytes, set[str]] = field(default_factory=_sets)
    started: defaultdict[bytes, set[str]] = field(default_factory=_sets)
    parties: defaultdict[bytes, set[bytes]] = field(default_factory=_sets)
    implemented: set[bytes] = field(default_factory=set)
    """What some event implements (the objects of ``edukg:implements``)."""
    countries: defaultdict[bytes, set[bytes]] = field(default_factory=_sets)
    gathered: defaultdict[bytes, set[bytes]] = field(default_factory=_sets)
    names: defaultdict[bytes, set[bytes]] = field(default_factory=_sets)
    """Subject -> its names as N-Triples terms (read as text only for institutions)."""
    labels: defaultdict[bytes, set[bytes]] = field(default_factory=_sets)
    regions: defaultdict[bytes, set[bytes]] = field(default_factory=_sets)
    notations: defaultdict[bytes, set[bytes]] = field(default_factory=_sets)


def text_summary_lines(graphs: Iterable[bytes]) -> TextSummaries | None:
    """The summary lines of :data:`KINDS` for the union of ``graphs`` (each graph's statements
    as N-Triples lines, each ending in a newline); ``None`` when a line that bears on them
    is not plain text (see the module's notes)."""
    facts = _Facts()
    try:
        for data in graphs:
            _gather(data, facts)
        lines = _summaries(facts)
    except _Unplain:
        return None
    try:
        lines |= _end_day_lines(facts)
    except _Unplain:
        return TextSummaries(lines, tuple(kind for kind in KINDS if kind != "endDay"))
    return TextSummaries(lines)


def _gather(data: bytes, facts: _Facts) -> None:
    typed = {
        "CooperationAgreement": facts.agreements,
        "CooperationEvent": facts.events,
        "Institution": facts.institutions,
    }
    pairs: dict[bytes, tuple[bytes, bytes]] | None = getattr(data, "pairs", None)
    read: Callable[[bytes, bytes], list[tuple[bytes, bytes]]]
    if pairs is None:
        for ending, name in _TYPED_AS.items():
            typed[name].update(s for s, _ in _statements(data, ending, whole_line=True))
        read = _statements
    else:
        data.pairs = None  # type: ignore[attr-defined]  # taken: their memory goes with the facts
        for subject, value in _pairs_of(pairs, _TYPE_TEXT):
            kind = _CLASSES.get(value)
            if kind is not None:
                typed[kind].add(subject)
        read = partial(_read_pairs, pairs)
    _gather_values(data, facts, read)


def _read_pairs(
    pairs: dict[bytes, tuple[bytes, bytes]], data: bytes, predicate: bytes
) -> list[tuple[bytes, bytes]]:
    """What :func:`_statements` finds in ``data``, from a writer's ``pairs``."""
    return _pairs_of(pairs, predicate[1:-1])


def _pairs_of(
    pairs: dict[bytes, tuple[bytes, bytes]], predicate: bytes
) -> list[tuple[bytes, bytes]]:
    r"""The (subject, object) pairs a writer gave for ``predicate`` (see :data:`PREDICATES_READ`).

    >>> _pairs_of({b"<p>": (b"<a:x>\n<a:y>", b'"1"\n"2"')}, b"<p>"), _pairs_of({}, b"<p>")
    ([(b'<a:x>', b'"1"'), (b'<a:y>', b'"2"')], [])
    """
    subjects, objects = pairs.get(predicate, (b"", b""))
    if not subjects:
        return []
    return list(zip(subjects.split(b"\n"), objects.split(b"\n"), strict=True))


def _gather_values(
    data: bytes,
    facts: _Facts,
    read: Callable[[bytes, bytes], list[tuple[bytes, bytes]]],
) -> None:
    """The statements of ``data`` other than types, as ``read`` finds them (see :func:`_gather`)."""
    texts: dict[bytes, str] = {}  # a register repeats its dates: each read once
    for predicate, held in (
        (_SIGNED_ON, facts.signed),
        (_VALID_FROM, facts.valid_from),
        (_VALID_THROUGH, facts.valid_through),
        (_START_DATE, facts.started),
    ):
        for subject, value in read(data, predicate):
            text = texts.get(value)
            if text is None:
                text = texts[value] = _text(value)
            held[subject].add(text)
    for predicate, terms in (
        (_HAS_PARTY, facts.parties),
        (_COUNTRY, facts.countries),
        (_REGION, facts.regions),
        (_NOTATION, facts.notations),
    ):
        for subject, value in read(data, predicate):
            terms[subject].add(value)
    facts.implemented.update(value for _, value in read(data, _IMPLEMENTS))
    gathered = facts.gathered
    for predicate in _GATHERS:
        for subject, value in read(data, predicate):
            gathered[subject].add(value)
    names, labels = facts.names, facts.labels
    for predicate in _NAMES:
        for subject, value in read(data, predicate):
            names[subject].add(value)
            if predicate == _NAMES[0]:
                labels[subject].add(value)


_LT, _SPACE, _DOT = b"< ."
_ODD = (b"_:", b"<<")
"""Objects this module does not read: a blank node, a quoted triple."""


def _statements(
    data: bytes, predicate: bytes, *, whole_line: bool = False
) -> list[tuple[bytes, bytes]]:
    """(subject, object) of each line of ``data`` with ``predicate`` (`` <iri> ``); with
    ``whole_line``, of each line that ends in ``predicate`` (the object then empty)."""
    find, rfind = data.find, data.rfind
    found: list[tuple[bytes, bytes]] = []
    keep = found.append
    size = len(predicate)
    position = find(predicate)
    while position >= 0:
        start = rfind(b"\n", 0, position) + 1
        end = find(b"\n", position)
        if end < 0:
            end = len(data)
        subject = data[start:position]
        # a predicate's text inside a literal leaves a space in what precedes it
        if b" " not in subject:
            if data[start] != _LT or data[start + 1] == _LT:
                raise _Unplain
            if whole_line:
                if end == position + size:
                    keep((subject, b""))
            else:
                value = data[position + size : end - 2]
                if data[end - 2] != _SPACE or data[end - 1] != _DOT or value.startswith(_ODD):
                    raise _Unplain
                keep((subject, value))
        position = find(predicate, end)
    return found


def _text(term: bytes) -> str:
    r"""``STR()`` of an IRI or a literal written as N-Triples.

    >>> _text(b'"2024-05-01"^^<http://www.w3.org/2001/XMLSchema#date>'), _text(b'"a \\"b\\""@ru')
    ('2024-05-01', 'a "b"')
    """
    if b"\\" in term:  # an escape: Oxigraph reads it
        parsed = next(iter(ox.parse(b"<a:s> <a:p> " + term + b" .", ox.RdfFormat.N_TRIPLES)))
        return str(parsed.object.value)
    if term.startswith(b"<"):
        return term[1:-1].decode("utf-8")
    return term[1 : term.rindex(b'"')].decode("utf-8")


def _summaries(facts: _Facts) -> set[bytes]:
    """Each kind as the query of :mod:`edukg.graph.summaries` words it."""
    lines: set[bytes] = set()
    predicates = {kind: b" <" + (_SUMMARY + kind).encode() + b"> " for kind in KINDS}

    def line(subject: bytes, kind: str, value: bytes) -> None:
        lines.add(subject + predicates[kind] + value + b" .")

    # the most frequent kinds written inline (a 1M register: 100,000 of their lines)
    add, signed, valid_from = lines.add, facts.signed, facts.valid_from
    first, by_year = predicates["firstSigned"], predicates["agreementYear"]
    for agreement in facts.agreements:
        dates = signed.get(agreement)
        add(agreement + first + _date_literal(min(dates) if dates else "") + b" .")
        dates = dates or valid_from.get(agreement)  # validFrom only without signedOn
        if dates:
            for year in {_cast_year(date) for date in dates}:
                add(agreement + by_year + year + b" .")
    lines |= dormant_lines(
        facts.agreements - facts.implemented, facts.signed, facts.valid_from, facts.valid_through
    )
    first, by_year = predicates["firstStart"], predicates["eventYear"]
    for event in facts.events:
        dates = facts.started.get(event)
        add(event + first + _date_literal(min(dates) if dates else "") + b" .")
        if dates:
            for year in {_cast_year(date) for date in dates}:
                add(event + by_year + year + b" .")
    for held, skip in ((facts.signed, None), (facts.valid_from, facts.signed)):
        for subject, dates in held.items():
            if skip is not None and subject in skip:
                continue  # validFrom counts only without a signing date
            for key in {date[:4] for date in dates}:
                if _YEAR_TEXT.match(key):
                    line(subject, "year", b'"' + key.encode() + b'"' + _INTEGER)
    for agreement, parties in facts.parties.items():
        for country in {c for party in parties for c in facts.countries.get(party, ())}:
            line(agreement, "partyCountry", country)
    partnered: set[bytes] = set()
    for members in (*facts.parties.values(), *facts.gathered.values()):
        if len(members) > 1:
            partnered |= members
    names = {
        institution: {_text(name) for name in facts.names.get(institution, ())}
        for institution in facts.institutions
    }
    every_name = "\n".join(name for held in names.values() for name in held)
    if not all(map(_caseless, set(_BEYOND_CYRILLIC.findall(every_name)))):
        raise _Unplain  # a letter whose lower case the engines may not agree on
    for institution in facts.institutions:
        for name in names[institution]:
            line(institution, "nameKey", _literal(name.lower()))
        text = institution[1:-1].decode("utf-8")
        line(institution, "lastSegment", _literal(text.rsplit("/", 1)[-1]))
        if institution not in partnered:
            line(institution, "partnerless", _TRUE)
            _display(facts, institution, line)
    return lines


def _display(facts: _Facts, institution: bytes, line: Callable[[bytes, str, bytes], None]) -> None:
    """What institutions-without-partners shows of an institution without a partner."""
    for label in facts.labels.get(institution, ()):
        line(institution, "partnerlessLabel", label)
    for country in facts.countries.get(institution, ()):
        for code in facts.notations.get(country, ()):
            line(institution, "partnerlessCountry", code)
    for region in facts.regions.get(institution, ()):
        for label in facts.labels.get(region, ()):
            line(institution, "partnerlessRegionLabel", label)


@lru_cache(maxsize=4096)
def _cast_year(date: str) -> bytes:
    """``COALESCE(xsd:integer(SUBSTR(date, 1, 4)), "")`` as Oxigraph writes it.

    >>> [_cast_year(d)[:6] for d in ("2024-05-01", "0999", "+12", "-0", " 202", "２０２４")]
    [b'"2024"', b'"999"^', b'"12"^^', b'"0"^^<', b'""', b'""']
    """
    key = date[:4]
    if not _INTEGER_TEXT.match(key):
        return b'""'
    return b'"' + str(int(key)).encode() + b'"' + _INTEGER


def _end_day_lines(facts: _Facts) -> set[bytes]:
    """``endDay`` of each agreement's ends of term (see :func:`end_day`)."""
    predicate = b" <" + (_SUMMARY + "endDay").encode() + b"> "
    lines = set()
    for agreement in facts.agreements:
        for through in facts.valid_through.get(agreement, ()):
            value = b'"' + str(end_day(through)).encode() + b'"' + _INTEGER
            lines.add(agreement + predicate + value + b" .")
    return lines


def end_day(through: str) -> int:
    """The day number of the last day of a term ending at ``through``, as
    ``expiring-agreements`` works it out (a year or a month ends on its last day).

    Only for text whose year, month and day (characters 1-4, 6-7 and 9-10 once
    ``-12`` and ``-00-00`` are appended, as the query reads them) are digits, where
    the query's arithmetic is plain integer arithmetic; raises :class:`_Unplain` else.

    >>> end_day("2024-05-31"), end_day("2024-05"), end_day("2024"), end_day("2024-12-31")
    (2492507, 2492507, 2492721, 2492721)
    """
    year, month = through[:4], (through + "-12")[5:7]
    day_of_month = (through + "-00-00")[8:10]
    if not (_DIGITS.match(year) and _DIGITS.match(month) and _DIGITS.match(day_of_month)):
        raise _Unplain
    y, m, d = int(year), int(month), int(day_of_month)
    has_day = 1 if d > 0 else 0
    end_year = y + (1 - has_day) * (m // 12)
    end_month = m if has_day else m % 12 + 1
    end_of_month = d if has_day else 1
    a = (14 - end_month) // 12
    yy = end_year + 4800 - a
    return (
        end_of_month + (153 * (end_month + 12 * a - 3) + 2) // 5 + 365 * yy
        + yy // 4 - yy // 100 + yy // 400 - (1 - has_day)
    )


def _caseless(character: str) -> bool:
    """True for an assigned character that has no lower case of its own (``№``, ``中``).

    >>> _caseless("№"), _caseless("Ա")
    (True, False)
    """
    return character.lower() == character and unicodedata.category(character) != "Cn"


@lru_cache(maxsize=65_536)
def _date_literal(text: str) -> bytes:
    """:func:`_literal` of a date's text (cached: a register repeats its dates)."""
    return _literal(text)


def _literal(text: str) -> bytes:
    """A simple literal as Oxigraph writes it."""
    if '"' in text or "\\" in text or "\n" in text or "\r" in text or not text.isprintable():
        return str(ox.Literal(text)).encode("utf-8")
    return b'"' + text.encode("utf-8") + b'"'


_DAY_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
"""A padded start or end the dormant summary keeps as digits (``dormant-agreements``
compares the padded text with the day asked about, ``YYYY-MM-DD``: for such text the
order of the texts is the order of their digits)."""
_FIRST_TEXT = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?\Z")
"""A first signing date (a year, a month or a day in digits) whose digits, padded with
zeros, never sort after a text that sorts after it (the query's page cut needs no more)."""
_OPEN_END = "99999999"
"""The digits of the end of a term without ``schema:validThrough``: after every day."""


def dormant_lines(
    agreements: Iterable[bytes],
    signed: dict[bytes, set[str]],
    valid_from: dict[bytes, set[str]],
    valid_through: dict[bytes, set[str]],
) -> set[bytes]:
    r"""The ``dormantTerm`` and ``dormantOdd`` lines of ``agreements`` (the agreements no
    event implements, as N-Triples terms) from the text (``STR``) of their dates.

    ``dormant-agreements`` lists, for a day, each (agreement, ``STR`` of a ``validThrough``)
    whose term is in force then, sorted on the agreement's first signing date and IRI.
    An agreement that can be listed (it has a start: ``validFrom`` dates, else
    ``signedOn`` ones) gets one ``dormantTerm`` per end of term (one without an end),
    an ``xsd:decimal`` whose digits are its first signing date's (8, ``0`` without one),
    its least padded start's (8), a point and its padded end's (8, ``99999999`` without
    one): the query tests and sorts numbers the store holds within their ids. An
    agreement whose dates do not fit that form gets ``dormantOdd true`` instead: the
    query works its rows out as the portable form does.

    >>> a = b"<http://x/a>"
    >>> [line.split(b"#")[1] for line in dormant_lines([a], {a: {"2024-05-01"}}, {}, {a: {"2026"}})]
    [b'dormantTerm> "2024050120240501.20261231"^^<http://www.w3.org/2001/XMLSchema']
    >>> [line.split(b"#")[1] for line in dormant_lines([a], {a: {"2024-5-1"}}, {}, {})]
    [b'dormantOdd> "true"^^<http://www.w3.org/2001/XMLSchema']
    """
    term = b" <" + (_SUMMARY + "dormantTerm").encode() + b"> "
    odd = b" <" + (_SUMMARY + "dormantOdd").encode() + b"> " + _TRUE + b" ."
    decimal = b'"^^<' + PREFIXES["xsd"].encode() + b"decimal> ."
    lines: set[bytes] = set()
    for agreement in agreements:
        values = dormant_terms(
            signed.get(agreement, set()),
            valid_from.get(agreement, set()),
            valid_through.get(agreement, set()),
        )
        if values is None:
            lines.add(agreement + odd)
        else:
            lines.update(agreement + term + b'"' + value.encode() + decimal for value in values)
    return lines


def dormant_terms(signed: set[str], valid_from: set[str], through: set[str]) -> list[str] | None:
    """The ``dormantTerm`` values of an agreement with these dates (``STR`` of each);
    ``None`` when they do not fit the form (see :func:`dormant_lines`).

    The portable form's start is ``COALESCE(validFrom, signedOn)``: the ``validFrom``
    dates if there are any, else the ``signedOn`` ones; a row is in force when the
    least padded start is at most the day. Its sort key is the least ``signedOn`` of
    the rows in force: every one when the start is ``validFrom``; else the least one
    whose start is in force, which is the least of all when that one's start is the
    least start (else ``None``).

    >>> dormant_terms({"2024"}, set(), {"2026-03", "2027-06-30"})
    ['2024000020240101.20260331', '2024000020240101.2027063']
    >>> dormant_terms(set(), {"2020-02-02"}, set()), dormant_terms(set(), set(), {"2026"})
    (['20200202.99999999'], [])
    >>> dormant_terms({"2024-10-15", "2024-1"}, set(), set()) is None  # "2024-11-01" starts
    True
    """
    starts = valid_from or signed
    if not starts:
        return []
    start = min(_padded(date, "0000-01-01") for date in starts)
    first = min(signed) if signed else ""
    if not _DAY_TEXT.match(start) or not (first == "" or _FIRST_TEXT.match(first)):
        return None
    if not valid_from and _padded(first, "0000-01-01") != start:
        return None
    ends = {_padded(date, "0000-12-31") for date in through}
    if len(ends) != len(through) or not all(_DAY_TEXT.match(end) for end in ends):
        return None  # two ends of one text padded, or an end not in digits
    head = (first + "-00-00"[len(first) - 4 :] if first else "0000-00-00") + start
    whole = head.replace("-", "").lstrip("0") or "0"
    return sorted(
        _decimal(whole, end.replace("-", "").rstrip("0")) for end in ends or {_OPEN_END}
    )


def _decimal(whole: str, fraction: str) -> str:
    """An ``xsd:decimal`` as Oxigraph writes it (no leading or trailing zeros).

    >>> _decimal("12", "5"), _decimal("12", "")
    ('12.5', '12')
    """
    return f"{whole}.{fraction}" if fraction else whole


def _padded(date: str, pad: str) -> str:
    """``CONCAT(date, SUBSTR(pad, STRLEN(date) + 1))``: a year or a month padded to a day.

    >>> _padded("2024", "0000-12-31"), _padded("2024-02", "0000-01-01"), _padded("", "0000-01-01")
    ('2024-12-31', '2024-02-01', '0000-01-01')
    """
    return date + pad[len(date) :]
