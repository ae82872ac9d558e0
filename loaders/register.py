"""From register tables to triples: the mapping every register format shares.

CSV, Excel and JSON loaders only turn bytes into :class:`~edukg.loaders.tables.Table`
objects; this module checks the values, resolves references and writes the
triples of institutions, agreements (with one ``edukg:AgreementParty`` per
party, plus the ``edukg:hasParty`` shortcut) and events. A parties table (or
the ``roles``, ``signing_dates`` and ``signatories`` columns of an agreements
table) gives a party its role, signing date and signatory.

A load runs in two passes over its files: :func:`scan_tables` registers every
institution and agreement id in the shared :class:`RegisterSession`, then
:func:`build_source` writes triples, so references may point forwards and
across files. Parties tables are checked once all files are scanned
(:func:`check_party_tables`), before the first file is built, so their
details reach an agreement whatever the order of the files.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, islice
from operator import ne
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from edukg.core.suggestions import did_you_mean_hint
from edukg.graph.iris import mint, slug
from edukg.graph.sources import SourceData
from edukg.graph.statement_lines import SortedLines
from edukg.graph.summary_text import PREDICATES_READ
from edukg.loaders import terms as t
from edukg.loaders.base import FileContent, LoadContext, ProblemCollector, read_bytes
from edukg.loaders.session import AmbiguousName, InstitutionEntry, RegisterSession
from edukg.loaders.tables import COLUMNS, REQUIRED, Row, Table
from edukg.loaders.values import (
    ValueProblem,
    date_before,
    guess_language,
    is_empty,
    literal_text,
    parse_date,
    parse_web_address,
    parse_wikidata,
    split_list,
    tagged_text,
    text_of,
)
from edukg.ontology.countries import closest_countries, country_code
from edukg.ontology.normalize import normalize_name

TableReader = Callable[[Path, FileContent, ProblemCollector, LoadContext], "list[Table] | None"]
"""Turns a file's bytes into register tables, reporting problems; ``None`` if unreadable."""

_ALIGNED_SEPARATORS = re.compile(r"[;\n]")
"""Items of a list aligned with ``parties``: empty items count (``a;;c``)."""

_PARTY_COLUMNS = frozenset({"roles", "signing_dates", "signatories"})
"""The columns of an agreements table that give its parties' details."""

PROGRESS_EVERY = 5000
_ENCODE_EVERY = 100_000


@dataclass
class ScannedFile:
    """A register file after the first pass: its tables, ready to build."""

    content: FileContent
    tables: list[Table]
    loader: str
    institution_rows: dict[str, tuple[Table, Row]] = field(default_factory=dict)
    context: LoadContext | None = None
    row_iris: dict[int, ox.NamedNode] = field(default_factory=dict)
    """The IRI the first pass gave each institution row with a name and a country, by the
    row's ``id()`` (the rows live as long as the file): the second pass needs it again."""


def session_of(context: LoadContext) -> RegisterSession:
    """The load's shared session (a private one when a loader runs on its own)."""
    if context.session is None:
        replaced: frozenset[str] = frozenset()
        if context.kg is not None:
            replaced = frozenset({context.kg.source_graph(context.source_name).value})
        context.session = RegisterSession(
            base_iri=context.base_iri, kg=context.kg, replaced_graphs=replaced
        )
    return context.session


def scan_register(path: Path, context: LoadContext, reader: TableReader, loader: str) -> None:
    """First pass: read a register file and register what it defines."""
    session = session_of(context)
    problems = ProblemCollector(str(path), context)
    content = read_bytes(path, problems)
    key = str(path)
    if content is None:
        session.scanned[key] = None
        return
    tables = reader(path, content, problems, context)
    if tables is None:
        session.scanned[key] = None
        return
    scanned = ScannedFile(content, tables, loader, context=context)
    for table in tables:
        check_header(table, problems)
        if table.kind == "institutions":
            _scan_institutions(table, scanned, session, problems)
        elif table.kind == "agreements":
            _scan_agreements(table, session, problems)
    session.scanned[key] = scanned


def read_register(
    path: Path, context: LoadContext, reader: TableReader, loader: str
) -> SourceData | None:
    """Second pass: the triples of a scanned register file (scanning it first if needed)."""
    session = session_of(context)
    if str(path) not in session.scanned:
        scan_register(path, context, reader, loader)
    check_party_tables(session)  # while every scanned file is still in the session
    scanned = session.scanned.pop(str(path))
    if scanned is None:
        return None
    return build_source(path, scanned, context)


def record_key(key_id: str | None, title: str, *facts: str) -> str:
    """The local key of an agreement's or event's IRI: its id, else its title and facts.

    Without an id, the same title with the same facts (date, parties) gives
    the same key, and a changed fact a new one.

    >>> record_key("A-1", "Соглашение")
    'a-1'
    >>> record_key(None, "Соглашение", "2024-03-15") == record_key(None, "СОГЛАШЕНИЕ", "2024-03-15")
    True
    """
    if key_id:
        return slug(key_id)
    digest = hashlib.sha256("|".join([normalize_name(title), *facts]).encode()).hexdigest()[:12]
    return f"{slug(title)[:40].rstrip('-')}-{digest}" if title else digest


def record_iri(
    session: RegisterSession, kind: str, key_id: str | None, title: str | None, *facts: str
) -> ox.NamedNode:
    """The IRI of an agreement or event (see :func:`record_key`)."""
    return _record_node(session.base_iri, kind, record_key(key_id, title or "", *facts))


@lru_cache(maxsize=262_144)
def _record_node(base_iri: str, kind: str, key: str) -> ox.NamedNode:
    """The IRI node of a record (cached: both passes of a load name each agreement)."""
    return ox.NamedNode(mint(base_iri, kind, key))


def check_header(table: Table, problems: ProblemCollector) -> None:
    """Warn about unknown columns; report missing required columns as errors."""
    known = COLUMNS[table.kind]
    for column, written in table.headers.items():
        if column in known:
            continue
        hint = did_you_mean_hint(column, known, limit=1)
        problems.warning(
            f"column {written!r} is not part of the {table.kind} format and was ignored",
            **table.place(None, column) | {"column": written},
            hint=hint + f"{table.kind} columns: {', '.join(known)}",
        )
    for column in REQUIRED[table.kind]:
        if column in table.headers:
            continue
        if column == "name" and any(c in table.headers for c in ("name_ru", "name_be", "name_en")):
            continue
        problems.error(
            f"the {table.kind} table has no {column!r} column",
            **table.place(None, None) | {"column": column},
            hint=f"add a column named {column!r}; {table.kind} columns: {', '.join(known)}",
        )


# ---------------------------------------------------------------- institutions: first pass


def _institution_names(row: Row) -> list[str]:
    names = [row.text(c) for c in ("name", "name_ru", "name_be", "name_en")]
    return [n for n in dict.fromkeys(names) if n]


def _scan_institutions(
    table: Table, scanned: ScannedFile, session: RegisterSession, problems: ProblemCollector
) -> None:
    seen_ids: dict[str, Row] = {}
    for row in table.rows:
        names = _institution_names(row)
        key_id = row.text("id") or None
        # Registered even with a bad or missing country or name, so that the rows
        # naming it do not repeat the error; the row itself reports it when built.
        code = country_code(row.text("country"))
        if not names and key_id is None:
            continue
        if key_id is not None:
            folded = normalize_name(key_id)
            first = seen_ids.get(folded)
            if first is not None:
                problems.error(
                    f"institution id {key_id!r} is used twice in this table",
                    **table.place(row, "id"),
                    value=key_id,
                    hint=f"it is first used at {_where(table, first, 'id')}; "
                    "give each institution its own id",
                )
                continue
            seen_ids[folded] = row
        origin = _where(table, row, "name")
        iri = session.institution_iri(key_id=key_id, name=names[0] if names else "", country=code)
        if names and code is not None:
            scanned.row_iris[id(row)] = iri
        before = session.known_institution(iri)
        kind = session.vocabulary.concept("institution-kind", row.text("type"))
        kinds = (kind.value if kind else None, session.institution_kinds.get(iri.value))
        file = _file_name(table.file)
        conflict = _conflict(key_id, code, before, file, kinds) if before else None
        if conflict is None and kinds[0]:
            session.institution_kinds.setdefault(iri.value, kinds[0])
        if conflict is not None:
            problems.error(conflict[0], **table.place(row, "id"), value=key_id, hint=conflict[1])
            continue
        entry = session.add_institution(
            key_id=key_id, names=names, country=code, origin=origin, iri=iri
        )
        if before is None:
            scanned.institution_rows[iri.value] = (table, row)
        elif key_id is None and before.origin.startswith(problems.file):
            problems.error(
                "this institution is listed twice in this file (same name and country)",
                **table.place(row, "name"),
                value=names[0],
                hint=f"it is first listed at {before.origin}; remove one row or give each an id",
            )
        _ = entry


def _scan_agreements(table: Table, session: RegisterSession, problems: ProblemCollector) -> None:
    """Register the agreement ids of a table; an id another file or source defines is an error."""
    for row in table.rows:
        key_id = row.text("id")
        if not key_id:
            continue
        iri = record_iri(session, "agreement", key_id, None)
        session.loaded_agreements.add(iri.value)
        try:
            signed: str | None = parse_date(row.get("signed")).value
        except ValueProblem:
            signed = None  # reported when the row is read
        conflict = session.add_agreement(
            key_id, iri, _where(table, row, "id"), title=row.text("title"), signed=signed
        )
        if conflict is not None and not conflict[0].startswith(_file_name(table.file)):
            problems.error(
                f"agreement id {key_id!r} is already defined in {conflict[0]}, "
                f"which says otherwise: {'; '.join(conflict[1])}",
                **table.place(row, "id"),
                value=key_id,
                hint="give this agreement another id, or make both say the same",
            )


def _conflict(
    key_id: str | None,
    code: str | None,
    before: InstitutionEntry,
    file: str,
    kinds: tuple[str | None, str | None] = (None, None),
) -> tuple[str, str] | None:
    """Why an institution row may not share its IRI with ``before``: ``(message, hint)``.

    ``kinds`` are the row's kind and the kind known before (concept IRIs).
    """
    if key_id and before.key_id and normalize_name(key_id) != normalize_name(before.key_id):
        return (
            f"institution ids {key_id!r} and {before.key_id!r} make the same IRI",
            f"{before.key_id!r} is used at {before.origin}; make the ids differ in letters "
            "or digits, not only in case, spaces or punctuation",
        )
    if before.origin.startswith(file):
        return None
    kind, known_kind = kinds
    if kind and known_kind and kind != known_kind:
        return (
            f"institution {key_id or before.names[0]!r} is already defined in {before.origin} "
            f"as {known_kind.rsplit('/', 1)[-1]}; this row says {kind.rsplit('/', 1)[-1]}",
            "use another id for another institution, or correct the type",
        )
    if code is None or before.country in (None, code):
        return None
    return (
        f"institution {key_id or before.names[0]!r} is already defined in {before.origin} "
        f"with country {before.country}; this row says {code}",
        "use another id for another institution, or correct the country",
    )


def _where(table: Table, row: Row, column: str) -> str:
    """Where a value is, for messages and origins: ``file:line`` or ``file[sheet]!cell``."""
    if table.sheet is not None:
        return f"{_file_name(table.file)}[{table.sheet}]!{row.cells.get(column)}"
    return f"{_file_name(table.file)}:{row.line}"


@lru_cache(maxsize=256)
def _file_name(file: str) -> str:
    """The last part of a path (cached: every row of a scan names its file; ``Path`` is slow).

    >>> _file_name("data/register/institutions.csv")
    'institutions.csv'
    """
    return Path(file).name


# ---------------------------------------------------------------- second pass


class _NT:
    """The N-Triples text of the predicates and classes a register's triples use.

    An Oxigraph term printed in an f-string costs about a microsecond; a 1M
    register writes a million triples, each of three terms.
    """

    A = str(t.A)
    INSTITUTION = str(t.INSTITUTION)
    EDUCATIONAL_ORGANIZATION = str(t.EDUCATIONAL_ORGANIZATION)
    AGREEMENT = str(t.AGREEMENT)
    AGREEMENT_PARTY = str(t.AGREEMENT_PARTY)
    EVENT = str(t.EVENT)
    ADMINISTRATIVE_AREA = str(t.ADMINISTRATIVE_AREA)
    PREF_LABEL = str(t.PREF_LABEL)
    ALT_LABEL = str(t.ALT_LABEL)
    IDENTIFIER = str(t.IDENTIFIER)
    SOURCE = str(t.SOURCE)
    KIND = str(t.KIND)
    COUNTRY = str(t.COUNTRY)
    REGION = str(t.REGION)
    CONTAINED_IN_PLACE = str(t.CONTAINED_IN_PLACE)
    LOCALITY = str(t.LOCALITY)
    URL = str(t.URL)
    SAME_AS = str(t.SAME_AS)
    SUB_ORGANIZATION_OF = str(t.SUB_ORGANIZATION_OF)
    HAS_PARTY = str(t.HAS_PARTY)
    QUALIFIED_PARTY = str(t.QUALIFIED_PARTY)
    PARTY_AGREEMENT = str(t.PARTY_AGREEMENT)
    MEMBER = str(t.MEMBER)
    ROLE_PREDICATE = str(t.ROLE_PREDICATE)
    SIGNED_ON = str(t.SIGNED_ON)
    VALID_FROM = str(t.VALID_FROM)
    VALID_THROUGH = str(t.VALID_THROUGH)
    AREA = str(t.AREA)
    START_DATE = str(t.START_DATE)
    END_DATE = str(t.END_DATE)
    ORGANIZER = str(t.ORGANIZER)
    ATTENDEE = str(t.ATTENDEE)
    IMPLEMENTS = str(t.IMPLEMENTS)
    SIGNATORY = str(t.SIGNATORY)


def _no_pairs() -> dict[str, tuple[list[str], list[str]]]:
    """Subjects and objects of each predicate the summaries read, none yet."""
    return {predicate: ([], []) for predicate in PREDICATES_READ}


class _Builder:
    """Builds the triples of one file, reporting problems at their cells."""

    def __init__(
        self, path: Path, scanned: ScannedFile, context: LoadContext, session: RegisterSession
    ) -> None:
        self.path = path
        self.scanned = scanned
        self.context = context
        self.session = session
        self.problems = ProblemCollector(str(path), context)
        self.lines: list[str] = []
        """The file's triples as N-Triples lines, each ending in a newline (terms print as
        N-Triples: half the cost of Python triples serialised by Oxigraph, the same bytes)."""
        self.regions_written: set[str] = set()
        self.pairs: dict[str, tuple[list[str], list[str]]] = _no_pairs()
        """(subject, object) of each triple whose predicate the summaries read: handed over
        with the lines, it spares them searching a million lines for a tenth of them."""
        self.texts: dict[ox.NamedNode | ox.Literal, str] = {}
        """The N-Triples text of terms written again and again: dates, concepts, countries,
        institutions (see :meth:`text`)."""
        self.table: Table
        self.row: Row

    # -- reporting

    def error(
        self, column: str | None, message: str, *, value: Any = None, hint: str | None = None
    ) -> None:
        self.problems.error(
            message, **self.table.place(self.row, column), value=_shown(value), hint=hint
        )

    def warning(
        self, column: str | None, message: str, *, value: Any = None, hint: str | None = None
    ) -> None:
        self.problems.warning(
            message, **self.table.place(self.row, column), value=_shown(value), hint=hint
        )

    def add(self, subject: str, predicate: str, obj: str) -> None:
        """One triple, its terms as N-Triples text (:class:`_NT`, :meth:`text`)."""
        self.lines.append(f"{subject} {predicate} {obj} .\n")
        pairs = self.pairs.get(predicate)
        if pairs is not None:
            pairs[0].append(subject)
            pairs[1].append(obj)

    def add_all(self, triples: Iterable[tuple[str, str, str]]) -> None:
        """:meth:`add` for each of ``triples``, in one call (the parties of a 1M register
        give 570,000: a call each cost 0.3 s)."""
        append, pairs_of = self.lines.append, self.pairs.get
        for subject, predicate, obj in triples:
            append(f"{subject} {predicate} {obj} .\n")
            pairs = pairs_of(predicate)
            if pairs is not None:
                pairs[0].append(subject)
                pairs[1].append(obj)

    def text(self, term: ox.NamedNode | ox.Literal) -> str:
        """The N-Triples text of a term the file repeats, worked out once."""
        found = self.texts.get(term)
        if found is None:
            found = self.texts[term] = str(term)
        return found

    # -- values

    def date(self, column: str) -> ox.Literal | None:
        return self.date_value(column, self.row.get(column))

    def date_value(self, column: str, value: Any) -> ox.Literal | None:
        if is_empty(value):
            return None
        try:
            return parse_date(value)
        except ValueProblem as problem:
            self.error(column, problem.message, value=value, hint=problem.hint)
            return None

    def concept(self, column: str, scheme: str, value: Any = None) -> ox.NamedNode | None:
        raw = self.row.get(column) if value is None else value
        if is_empty(raw):
            return None
        text = text_of(raw)
        found = self.session.vocabulary.concept(scheme, text)
        if found is None:
            self.error(
                column,
                f"unknown {scheme.replace('-', ' ')}",
                value=text,
                hint=self.session.vocabulary.hint(scheme, text),
            )
        return found

    def country(self, column: str) -> str | None:
        raw = self.row.get(column)
        if is_empty(raw):
            return None
        text = text_of(raw)
        code = country_code(text)
        if code is None:
            close = closest_countries(text)
            hint = (
                f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
            ) + "write an ISO 3166-1 code (BY, BLR, 112) or the country's name in ru, be or en"
            self.error(column, "unknown country", value=text, hint=hint)
        return code

    def institution(self, column: str, reference: str) -> InstitutionEntry | None:
        try:
            match = self.session.find_institution(reference)
        except AmbiguousName as ambiguous:
            options = "; ".join(
                f"{e.key_id or e.iri.value} ({e.country or '?'}, {e.origin})"
                for e in ambiguous.candidates
            )
            self.error(
                column,
                "this name fits more than one institution",
                value=reference,
                hint=f"write the id instead: {options}",
            )
            return None
        if match is None:
            close = self.session.closest_institutions(reference)
            hint = f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
            self.error(
                column,
                "no institution with this id or name in this load or in the store",
                value=reference,
                hint=hint + "add the institution to an institutions table of this load, "
                "or write its id or its name exactly",
            )
            return None
        if match.matched == "normalised":
            self.warning(
                column,
                "matched an institution only after normalising the name",
                value=reference,
                hint=f"it was read as {match.entry.names[0]!r} ({match.entry.origin})",
            )
        return match.entry

    def chunks(self) -> list[bytes]:
        """Every triple of the file as one chunk of sorted, unique N-Triples lines.

        The lines are sorted as text (the order of their UTF-8 bytes) and joined
        once, where chunks of them were joined, then split, sorted and joined again
        by the store (see :class:`~edukg.graph.statement_lines.SortedLines`).
        """
        lines, self.lines = self.lines, []
        if not lines:
            return []
        lines.sort()
        unique = list(compress(lines, map(ne, lines, islice(lines, 1, None))))
        unique.append(lines[-1])
        del lines
        # joined and encoded a slice at a time: one str of a whole file's Cyrillic text
        # would take two bytes a character, beside its lines and their bytes
        chunk = SortedLines(b"".join(
            "".join(unique[start : start + _ENCODE_EVERY]).encode("utf-8")
            for start in range(0, len(unique), _ENCODE_EVERY)
        ))
        del unique
        # subjects and objects as lines of two texts a predicate: a few objects in all
        chunk.pairs = {
            predicate.encode(): ("\n".join(subjects).encode(), "\n".join(objects).encode())
            for predicate, (subjects, objects) in self.pairs.items()
        }
        self.pairs = _no_pairs()
        return [chunk]

    def progress(self, done: int, total: int) -> None:
        if self.context.progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            self.context.progress(f"{self.path.name}: {self.table.kind}", done, total)

    # -- institutions

    def institutions(self, table: Table) -> None:
        for number, row in enumerate(table.rows, 1):
            self.row = row
            self.institution_row()
            self.progress(number, len(table.rows))

    def institution_row(self) -> None:
        row = self.row
        names = _institution_names(row)
        code = self.country("country")
        # A missing column was reported once for the header, not again for every row.
        if not names and set(self.table.headers) & {"name", "name_ru", "name_be", "name_en"}:
            self.error("name", "an institution needs a name", hint="fill in the name column")
        if is_empty(row.get("country")) and "country" in self.table.headers:
            self.error(
                "country", "an institution needs a country", hint="write e.g. BY or Беларусь"
            )
        if not names or code is None:
            return
        key_id = row.text("id") or None
        iri = self.scanned.row_iris.get(id(row)) or self.session.institution_iri(
            key_id=key_id, name=names[0], country=code
        )
        owner = self.scanned.institution_rows.get(iri.value)
        if owner is not None and owner[1] is not row:
            return  # a repeated row, already reported in the first pass
        entry = self.session.institutions_by_iri.get(iri.value)
        if entry is not None:
            other = self.session.same_name_elsewhere(entry)
            if other is not None and other.iri != iri:
                self.warning(
                    "name",
                    "probably a duplicate: an institution with the same name and "
                    "country has another id",
                    value=names[0],
                    hint=f"see {other.key_id or other.iri.value} ({other.origin}); "
                    "use one id for both, or rename one",
                )
        subject = self.text(iri)
        country = self.text(t.country_node(code))
        self.add(subject, _NT.A, _NT.INSTITUTION)
        self.add(subject, _NT.A, _NT.EDUCATIONAL_ORGANIZATION)
        if key_id:
            self.add(subject, _NT.IDENTIFIER, literal_text(key_id))
        self._labels(subject, row)
        kind = self.concept("type", "institution-kind")
        if kind is not None:
            self.add(subject, _NT.KIND, self.text(kind))
        self.add(subject, _NT.COUNTRY, country)
        region = row.text("region")
        if region:
            node, described = self.session.region(region, code)
            self.add(subject, _NT.REGION, self.text(node))
            if not described and node.value not in self.regions_written:
                self.regions_written.add(node.value)
                self.add(self.text(node), _NT.A, _NT.ADMINISTRATIVE_AREA)
                self.add(self.text(node), _NT.PREF_LABEL, tagged_text(region))
                self.add(self.text(node), _NT.CONTAINED_IN_PLACE, country)
        city = row.text("city")
        if city:
            self.add(subject, _NT.LOCALITY, tagged_text(city))
        website = row.get("website")
        if not is_empty(website):
            self._website(subject, website)
        wikidata = row.get("wikidata")
        if not is_empty(wikidata):
            try:
                same = ox.NamedNode(t.WIKIDATA + parse_wikidata(wikidata))
                self.add(subject, _NT.SAME_AS, str(same))
            except ValueProblem as problem:
                self.error("wikidata", problem.message, value=wikidata, hint=problem.hint)
        parent = row.text("parent")
        if parent:
            found = self.institution("parent", parent)
            if found is not None and found.iri == iri:
                self.error("parent", "an institution cannot be its own parent", value=parent)
            elif found is not None and self._parent_cycle(iri.value, found.iri.value):
                self.error(
                    "parent",
                    "the parents go round in a circle: this institution is already "
                    "a parent (or grandparent) of its parent",
                    value=parent,
                    hint="give one of them another parent, or none",
                )
            elif found is not None:
                self.session.parents[iri.value] = found.iri.value
                self.add(subject, _NT.SUB_ORGANIZATION_OF, self.text(found.iri))

    def _parent_cycle(self, child: str, parent: str) -> bool:
        """True when ``child`` is already an ancestor of ``parent`` in this load."""
        seen = set()
        current: str | None = parent
        while current is not None and current not in seen:
            if current == child:
                return True
            seen.add(current)
            current = self.session.parents.get(current)
        return False

    def _labels(self, subject: str, row: Row) -> None:
        preferred: dict[str, str] = {}
        for language in ("ru", "be", "en"):
            text = row.text(f"name_{language}")
            if text:
                preferred[language] = text
        name = row.text("name")
        extra: list[tuple[str, str]] = []
        if name:
            language = guess_language(name)
            if language not in preferred:
                preferred[language] = name
            elif preferred[language] != name:
                extra.append((language, name))
        for language, text in preferred.items():
            self.add(subject, _NT.PREF_LABEL, literal_text(text, language))
        for language, text in extra:
            self.add(subject, _NT.ALT_LABEL, literal_text(text, language))

    def _website(self, subject: str, value: Any) -> None:
        try:
            address, added_scheme = parse_web_address(value)
            node = ox.NamedNode(address)
        except (ValueProblem, ValueError) as problem:
            hint = (
                getattr(problem, "hint", None) or "write the full address, e.g. https://example.by/"
            )
            self.error("website", "not a web address", value=value, hint=hint)
            return
        if added_scheme:
            self.warning(
                "website",
                "the web address has no http:// or https://; http:// was added",
                value=value,
                hint="write the full address to silence this warning",
            )
        self.add(subject, _NT.URL, str(node))

    # -- agreements

    def agreements(self, table: Table) -> None:
        seen: dict[str, Row] = {}
        for number, row in enumerate(table.rows, 1):
            self.row = row
            self.agreement_row(seen)
            self.progress(number, len(table.rows))

    def agreement_row(self, seen: dict[str, Row]) -> None:
        row = self.row
        key_id = row.text("id") or None
        title = row.text("title")
        parties = self.parties("parties")
        signed = self.date("signed")
        valid_from = self.date("valid_from")
        valid_until = self.date("valid_until")
        kind = self.concept("type", "agreement-kind")
        areas = [self.concept("areas", "cooperation-area", a) for a in split_list(row.get("areas"))]
        if valid_until is not None:
            for earlier, column in ((signed, "signed"), (valid_from, "valid_from")):
                if earlier is not None and date_before(valid_until, earlier):
                    self.error(
                        "valid_until",
                        f"the agreement ends before {column.replace('_', ' ')} ({earlier.value})",
                        value=row.get("valid_until"),
                        hint="check both dates",
                    )
                    break
        if parties is None:
            return
        facts: tuple[str, ...] = ()
        if not key_id:  # an id alone makes the IRI (record_key)
            facts = (signed.value if signed else "", *sorted(p.iri.value for p in parties))
        iri = record_iri(self.session, "agreement", key_id, title, *facts)
        if self.repeated(iri, seen, "agreement", key_id, title):
            return
        subject = str(iri)
        self.add(subject, _NT.A, _NT.AGREEMENT)
        if key_id:
            self.add(subject, _NT.IDENTIFIER, literal_text(key_id))
        if title:
            self.add(subject, _NT.PREF_LABEL, tagged_text(title))
        if kind is not None:
            self.add(subject, _NT.KIND, self.text(kind))
        for area in dict.fromkeys(a for a in areas if a is not None):
            self.add(subject, _NT.AREA, self.text(area))
        if signed is not None:
            self.add(subject, _NT.SIGNED_ON, self.text(signed))
        if valid_from is not None:
            self.add(subject, _NT.VALID_FROM, self.text(valid_from))
        if valid_until is not None:
            self.add(subject, _NT.VALID_THROUGH, self.text(valid_until))
        self._source(subject)
        members = self.party_columns(parties)
        for detail in self.session.party_details.get(iri.value, []):
            same = next((m for m in members if m.institution == detail.institution), None)
            if same is None:
                members.append(detail)
            else:
                members[members.index(same)] = detail
        self.party_lines(subject, members)

    def party_columns(self, parties: list[InstitutionEntry]) -> list[PartyDetail]:
        """The parties with the roles, signing dates and signatories of the ``roles``,
        ``signing_dates`` and ``signatories`` columns: lists in the order of ``parties``."""
        if not _PARTY_COLUMNS.intersection(self.table.headers):
            return [PartyDetail(p.iri) for p in parties]  # what empty columns give
        references = split_list(self.row.get("parties"))
        roles = self.aligned("roles", len(references))
        dates = self.aligned("signing_dates", len(references))
        signatories = self.aligned("signatories", len(references))
        details: dict[str, PartyDetail] = {}
        for index, reference in enumerate(references):
            match = self.session.find_institution(reference)  # resolved by parties() already
            if match is None or match.entry.iri.value in details:
                continue
            role = self.concept("roles", "party-role", roles[index]) if roles[index] else None
            signed = self.date_value("signing_dates", dates[index]) if dates[index] else None
            details[match.entry.iri.value] = PartyDetail(
                match.entry.iri, role or t.ROLES["party"], signed, signatories[index] or None
            )
        return [details.get(p.iri.value) or PartyDetail(p.iri) for p in parties]

    def aligned(self, column: str, count: int) -> list[str]:
        """A list cell that gives one item per party (``""`` or ``-`` for none)."""
        value = self.row.get(column)
        if is_empty(value):
            return [""] * count
        if isinstance(value, list):
            items = [text_of(item) for item in value]
        else:
            items = [part.strip() for part in _ALIGNED_SEPARATORS.split(text_of(value))]
        items = ["" if item == "-" else item for item in items]
        if len(items) != count:
            self.error(
                column,
                f"{len(items)} item(s) for {count} parties: give one per party, in their order",
                value=value,
                hint="separate the items with ';' and write '-' for a party without one",
            )
            return [""] * count
        return items

    def parties(self, column: str) -> list[InstitutionEntry] | None:
        references = split_list(self.row.get(column))
        if not references:
            if column not in self.table.headers:
                return None
            self.error(
                column,
                "an agreement needs its parties",
                hint="list two or more institutions (ids or names) separated by ';'",
            )
            return None
        found: list[InstitutionEntry] = []
        failed = False
        for reference in references:
            entry = self.institution(column, reference)
            if entry is None:
                failed = True
            elif any(entry is other for other in found):  # one entry per IRI in the session
                self.warning(
                    column, "the same party is listed twice; it counts once", value=reference
                )
            else:
                found.append(entry)
        if failed:
            return None
        if len(found) < 2:
            self.error(
                column,
                "an agreement needs two or more different parties",
                value=self.row.get(column),
                hint="separate the parties with ';' or put each on its own line in the cell",
            )
            return None
        return found

    def party_lines(self, agreement: str, parties: list[PartyDetail]) -> None:
        """:func:`party_statements` for this file's lines (its repeated terms written once).

        ``agreement`` is the agreement's IRI as N-Triples (``<...>``).
        """
        self.add_all(party_statements(agreement, parties, self.text))

    def _source(self, subject: str) -> None:
        source = self.row.text("source")
        if not source:
            return
        if source.lower().startswith(("http://", "https://")):
            try:
                self.add(subject, _NT.SOURCE, str(ox.NamedNode(source)))
                return
            except ValueError:
                pass
        self.add(subject, _NT.SOURCE, literal_text(source))

    # -- events

    def events(self, table: Table) -> None:
        seen: dict[str, Row] = {}
        for number, row in enumerate(table.rows, 1):
            self.row = row
            self.event_row(seen)
            self.progress(number, len(table.rows))

    def event_row(self, seen: dict[str, Row]) -> None:
        row = self.row
        key_id = row.text("id") or None
        title = row.text("title")
        if not title and "title" in self.table.headers:
            self.error("title", "an event needs a title", hint="fill in the title column")
        start, end = self.event_dates()
        kind = self.concept("type", "event-kind")
        host = row.text("host")
        host_entry = self.institution("host", host) if host else None
        participants = [
            self.institution("participants", reference)
            for reference in split_list(row.get("participants"))
        ]
        code = self.country("country")
        implemented = self.implemented_agreements()
        if not title or start is None:
            return
        iri = record_iri(self.session, "event", key_id, title, start.value)
        if self.repeated(iri, seen, "event", key_id, title):
            return
        subject = str(iri)
        self.add(subject, _NT.A, _NT.EVENT)
        if key_id:
            self.add(subject, _NT.IDENTIFIER, literal_text(key_id))
        self.add(subject, _NT.PREF_LABEL, tagged_text(title))
        if kind is not None:
            self.add(subject, _NT.KIND, self.text(kind))
        self.add(subject, _NT.START_DATE, self.text(start))
        if end is not None:
            self.add(subject, _NT.END_DATE, self.text(end))
        if host_entry is not None:
            self.add(subject, _NT.ORGANIZER, self.text(host_entry.iri))
        for participant in dict.fromkeys(p.iri for p in participants if p is not None):
            self.add(subject, _NT.ATTENDEE, self.text(participant))
        city = row.text("city")
        if city:
            self.add(subject, _NT.LOCALITY, tagged_text(city))
        if code is not None:
            self.add(subject, _NT.COUNTRY, self.text(t.country_node(code)))
        for agreement in implemented:
            self.add(subject, _NT.IMPLEMENTS, str(agreement))
        self._source(subject)

    def event_dates(self) -> tuple[ox.Literal | None, ox.Literal | None]:
        """The start (required) and end of the event, the end not before the start."""
        start = self.date("start")
        if start is None and is_empty(self.row.get("start")) and "start" in self.table.headers:
            self.error("start", "an event needs a start date", hint="write e.g. 2024-04-10")
        end = self.date("end")
        if start is not None and end is not None and date_before(end, start):
            self.error(
                "end",
                f"the event ends before it starts ({start.value})",
                value=self.row.get("end"),
                hint="check both dates",
            )
        return start, end

    def implemented_agreements(self) -> list[ox.NamedNode]:
        """The agreements the ``agreement`` column names, each reported if unknown."""
        found: list[ox.NamedNode] = []
        for reference in split_list(self.row.get("agreement")):
            agreement = self.agreement("agreement", reference)
            if agreement is not None:
                found.append(agreement)
        return found

    def agreement(self, column: str, reference: str) -> ox.NamedNode | None:
        """The agreement with this id in this load or the store; reported if unknown."""
        agreement = self.session.find_agreement(reference)
        if agreement is None:
            hint = did_you_mean_hint(normalize_name(reference), self.session.agreements_by_id)
            self.error(
                column,
                "no agreement with this id in this load or in the store",
                value=reference,
                hint=hint + "write the id of an agreement",
            )
        return agreement

    def repeated(
        self, iri: ox.NamedNode, seen: dict[str, Row], what: str, key_id: str | None, title: str
    ) -> bool:
        """True (and reported) if a record with this IRI came earlier in the table."""
        first = seen.get(iri.value)
        if first is None:
            seen[iri.value] = self.row
            return False
        column = "id" if key_id else "title"
        self.error(
            column,
            f"this {what} is listed twice in this table",
            value=key_id or title,
            hint=f"it is first listed at {_where(self.table, first, column)}; "
            f"give each {what} its own id",
        )
        return True

    # -- parties of agreements: role, signing date and signatory

    def party_table(self, table: Table) -> None:
        """Check a parties table and record its rows' details in the session."""
        seen: dict[tuple[str, str], Row] = {}
        for number, row in enumerate(table.rows, 1):
            self.row = row
            self.party_row(seen)
            self.progress(number, len(table.rows))

    def party_row(self, seen: dict[tuple[str, str], Row]) -> None:
        reference = self.row.text("agreement")
        party = self.row.text("party")
        if not reference and "agreement" in self.table.headers:
            self.error("agreement", "a party row needs the id of its agreement")
        if not party and "party" in self.table.headers:
            self.error("party", "a party row needs the party institution (id or name)")
        agreement = self.agreement("agreement", reference) if reference else None
        if agreement is not None and agreement.value not in self.session.loaded_agreements:
            self.error(
                "agreement",
                "the agreement is in the store, not in this load",
                value=reference,
                hint="load the agreement's file together with its parties table",
            )
            agreement = None
        entry = self.institution("party", party) if party else None
        role = self.concept("role", "party-role")
        signed = self.date("signed")
        signatory = self.row.text("signatory") or None
        if agreement is None or entry is None:
            return
        key = (agreement.value, entry.iri.value)
        first = seen.get(key)
        if first is not None:
            self.error(
                "party",
                "this party of this agreement is listed twice in this table",
                value=party,
                hint=f"it is first listed at {_where(self.table, first, 'party')}",
            )
            return
        seen[key] = self.row
        self.session.party_details.setdefault(agreement.value, []).append(
            PartyDetail(entry.iri, role or t.ROLES["party"], signed, signatory)
        )


@dataclass(frozen=True)
class PartyDetail:
    """One party of an agreement: the institution, its role, signing date and signatory."""

    institution: ox.NamedNode
    role: ox.NamedNode = t.ROLES["party"]
    signed: ox.Literal | None = None
    signatory: str | None = None


def write_parties(
    add: Callable[[str, str, str], None],
    agreement: ox.NamedNode,
    parties: Sequence[tuple[ox.NamedNode, ox.NamedNode] | PartyDetail],
) -> None:
    """The ``edukg:hasParty`` shortcut and one ``edukg:AgreementParty`` per party, to ``add``
    as N-Triples text (see :func:`party_statements`)."""
    for triple in party_statements(str(agreement), parties, str):
        add(*triple)


def party_statements(
    agreement: str,
    parties: Sequence[tuple[ox.NamedNode, ox.NamedNode] | PartyDetail],
    text: Callable[[ox.NamedNode | ox.Literal], str],
) -> Iterator[tuple[str, str, str]]:
    """The statements of an agreement's parties, as N-Triples text.

    ``agreement`` is the agreement's IRI as N-Triples (``<...>``); ``parties`` are
    (institution, role concept) pairs or :class:`PartyDetail` objects, in order;
    party nodes are numbered ``<agreement>/party/1``, ``/2``... in that order;
    ``text`` writes a term as N-Triples (``str``, or a cache of it).

    >>> [p for _, p, _ in party_statements("<http://x/a>", [(t.INSTITUTION, t.ROLES["party"])],
    ...                                    str)][:2] == [_NT.HAS_PARTY, _NT.QUALIFIED_PARTY]
    True
    """
    base = agreement[:-1]
    for number, item in enumerate(parties, 1):
        detail: PartyDetail = PartyDetail(*item) if isinstance(item, tuple) else item
        party = f"{base}/party/{number}>"
        institution = text(detail.institution)
        yield agreement, _NT.HAS_PARTY, institution
        yield agreement, _NT.QUALIFIED_PARTY, party
        yield party, _NT.A, _NT.AGREEMENT_PARTY
        yield party, _NT.PARTY_AGREEMENT, agreement
        yield party, _NT.MEMBER, institution
        yield party, _NT.ROLE_PREDICATE, text(detail.role)
        if detail.signed is not None:
            yield party, _NT.SIGNED_ON, text(detail.signed)
        if detail.signatory:
            yield party, _NT.SIGNATORY, literal_text(detail.signatory)


def check_party_tables(session: RegisterSession) -> None:
    """Check every parties table of the load once, before any file is built.

    An agreement's file may be built before or after the file of its parties
    table: the details are read into the session first, each problem reported
    at its own row.
    """
    if session.party_tables_checked:
        return
    session.party_tables_checked = True
    for key, scanned in list(session.scanned.items()):
        if scanned is None or scanned.context is None:
            continue
        tables = [table for table in scanned.tables if table.kind == "parties"]
        if not tables:
            continue
        builder = _Builder(Path(key), scanned, scanned.context, session)
        for table in tables:
            builder.table = table
            builder.party_table(table)


def _shown(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return "; ".join(text_of(v) for v in value)
    return text_of(value)


def build_source(path: Path, scanned: ScannedFile, context: LoadContext) -> SourceData | None:
    """The triples of a scanned register file, or ``None`` if it has errors."""
    session = session_of(context)
    builder = _Builder(path, scanned, context, session)
    build = {
        "institutions": builder.institutions,
        "agreements": builder.agreements,
        "events": builder.events,
    }
    for table in sorted(scanned.tables, key=lambda tb: list(build).index(tb.kind)
                        if tb.kind in build else len(build)):
        if table.kind in build:  # parties tables were read by check_party_tables
            builder.table = table
            build[table.kind](table)
    if not any(table.rows for table in scanned.tables) and not context.options.get(
        "allow_empty"
    ):
        builder.problems.error(
            "the file holds no records: nothing would be loaded",
            hint="check that it has rows under its header (or register keys in JSON); "
            "--allow-empty loads it anyway, as an empty source",
        )
    if builder.problems.has_errors:
        return None
    return SourceData(
        name=context.source_name,
        chunks=builder.chunks(),
        sha256=scanned.content.sha256,
        loader=scanned.loader,
        file_name=path.name,
        warnings=builder.problems.warnings,
    )
