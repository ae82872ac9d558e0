r"""A source's statements as sorted N-Triples lines, and what a write reads from them.

The store compares, digests and snapshots a source as its sorted N-Triples
lines (see :mod:`edukg.graph.snapshots`). Loaders that build their triples
themselves hand them over as N-Triples chunks serialised by Oxigraph; the
lines are sorted and deduplicated here in C (``set``, ``sorted``) instead of
being staged in an in-memory store and dumped again (at a million statements
that staging took a third of a register load and half a gigabyte).

Oxigraph stores some typed literals as values (numbers, booleans, dates) and
writes them back in their canonical form (``"01"^^xsd:integer`` as ``"1"``):
lines with a typed literal go through an in-memory store once, so that the
lines always equal what the store will hold and dump.

>>> x = "http://www.w3.org/2001/XMLSchema#integer"
>>> chunk = f'<a:s> <a:p> "01"^^<{x}> .\n<a:s> <a:p> "b" .\n<a:s> <a:p> "b" .\n'.encode()
>>> print(sorted_lines([chunk]).decode(), end="")
<a:s> <a:p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
<a:s> <a:p> "b" .
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from itertools import compress, islice, repeat
from operator import ne

import pyoxigraph as ox

from edukg.ontology.iris import PREFIXES

_TYPED_LITERAL = re.compile(rb'"\^\^<')
_STORED_AS_WRITTEN = re.compile(
    rb'"(?:[1-9][0-9]{3}(?:-[0-9]{2}){0,2}|-?[1-9][0-9]{0,17}|0)"\^\^'
    rb"<http://www\.w3\.org/2001/XMLSchema#(?:date|gYearMonth|gYear|integer)> \.$",
    re.MULTILINE,
)
"""Typed literals the store writes back as they are: dates, years and integers written
the usual way, or (for a lexical form the type does not allow) kept as text. Checking
them here spares 75,000 of the 1M lines of a register a trip through a store."""

_DOUBLE = re.compile(
    rb'"(-?(?:0|[1-9][0-9]{0,9})(?:\.[0-9]{1,20})?)"\^\^'
    rb"<http://www\.w3\.org/2001/XMLSchema#double> \.$",
    re.MULTILINE,
)
"""A double written without exponent and under 1e10, which may be in the store's own form
(checked by :func:`double_text`): analysis results hold hundreds of thousands."""


def double_text(value: float) -> str:
    """A double as the store writes it back (shortest digits, no exponent; ``INF``, ``NaN``).

    Above about 1e10 the store may break a tie of the 17th digit the other way
    (Rust rounds half up, Python half to even): :func:`sorted_lines` hands such
    values to the store to write in its own form.

    >>> [double_text(x) for x in (0.0, 1.0, 0.25, 1e-05, 1e16, -0.0, float("nan"))]
    ['0', '1', '0.25', '0.00001', '10000000000000000', '-0', 'NaN']
    """
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "INF" if value > 0 else "-INF"
    text = repr(float(value))
    if "e" in text:
        text = format(Decimal(text), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _double_as_stored(data: bytes, quote: int) -> bool:
    """True if the literal opening at ``quote`` is a double already in the store's form.

    >>> line = b'<a:s> <a:p> "0.25"^^<http://www.w3.org/2001/XMLSchema#double> .'
    >>> _double_as_stored(line, 12), _double_as_stored(line.replace(b"0.25", b"0.250"), 12)
    (True, False)
    """
    found = _DOUBLE.match(data, quote)
    if found is None:
        return False
    text = found.group(1).decode("ascii")
    return double_text(float(text)) == text


RECORD_CLASSES = ("Institution", "CooperationAgreement", "CooperationEvent", "AgreementCount")
"""The edukg classes whose instances a load reports as records (new, changed, removed)."""

_RDF_TYPE = f"<{PREFIXES['rdf']}type>"
_EDUKG = PREFIXES["edukg"]
_RECORD_LINE_END = re.compile(
    re.escape(f"> {_RDF_TYPE} <{_EDUKG}".encode())
    + rb"(?:"
    + b"|".join(name.encode() for name in RECORD_CLASSES)
    + rb")> \.$",
    re.MULTILINE,
)
_PARTY_PREDICATE = re.compile(re.escape(f"> <{_EDUKG}qualifiedParty> <".encode()))


class SortedLines(bytes):
    r"""N-Triples lines a loader has sorted and made unique itself, each ending in a newline.

    Handed to :func:`sorted_lines` as the only chunk, they are taken as they are
    unless a typed literal is not in the store's form (splitting, sorting and
    joining a million lines again cost a third of a second).

    >>> sorted_lines([SortedLines(b"<a:x> <a:p> <a:o> .\n<a:y> <a:p> <a:o> .\n")])
    b'<a:x> <a:p> <a:o> .\n<a:y> <a:p> <a:o> .\n'
    """

    pairs: dict[bytes, tuple[bytes, bytes]] | None = None
    """Optionally, what the writer knows of the lines: for each predicate the summaries
    read (:data:`edukg.graph.summary_text.PREDICATES_READ`, as bytes), the subjects and
    the objects of every line with it, as two texts of one term a line, in the same
    order; so that the summaries need not search the text."""

    as_stored: bool = False
    """True when the writer wrote every typed literal in the store's form itself (its tests
    check that form against the store's): the lines are then taken without looking at
    them (analysis results at 5M triples: 2 s for half a million lines)."""


def sorted_lines(chunks: list[bytes]) -> bytes:
    r"""N-Triples ``chunks`` as sorted, unique lines, each ending in a newline.

    The chunks are taken from the list (so their memory goes early); typed
    literals are written in the form the store keeps them in. One chunk of
    :class:`SortedLines` is returned as it is when its typed literals are, or when its
    writer says they are.

    >>> sorted_lines([b"<a:y> <a:p> <a:o> .\n", b"<a:x> <a:p> <a:o> .\n<a:y> <a:p> <a:o> .\n"])
    b'<a:x> <a:p> <a:o> .\n<a:y> <a:p> <a:o> .\n'
    >>> sorted_lines([])
    b''
    """
    given = [chunk for chunk in chunks if chunk]
    data = b"".join(given) if len(given) != 1 else given[0]
    chunks.clear()
    if len(given) == 1 and isinstance(data, SortedLines) and data.as_stored:
        return data
    typed = _typed_not_as_stored(data)
    if not typed and len(given) == 1 and isinstance(data, SortedLines):
        return data
    del given
    lines = data.splitlines()
    del data
    stored = set(_as_stored(sorted(typed))) if typed else typed
    if stored != typed:
        lines = [line for line in lines if line not in typed]
        lines.extend(stored)
    # Sorting the list (in the loaders' order) is three times faster than sorting a set.
    lines.sort()
    unique = list(compress(lines, map(ne, lines, islice(lines, 1, None))))
    if lines and lines[-1]:
        unique.append(lines[-1])
    del lines
    return b"\n".join(unique) + b"\n" if unique else b""


def _typed_not_as_stored(data: bytes) -> set[bytes]:
    """The lines of ``data`` with a typed literal the store would write in another form."""
    typed = set()
    for match in _TYPED_LITERAL.finditer(data):
        quote = data.rfind(b'"', 0, match.start())
        if not _STORED_AS_WRITTEN.match(data, quote) and not _double_as_stored(data, quote):
            typed.add(_line_at(data, match.start()))
    return typed


def _line_at(data: bytes, position: int) -> bytes:
    """The line (without its end) of ``data`` that holds ``position``."""
    end = data.find(b"\n", position)
    return data[data.rfind(b"\n", 0, position) + 1 : end if end >= 0 else len(data)]


def _as_stored(lines: list[bytes]) -> list[bytes]:
    """``lines`` as the store writes them back (canonical typed literals)."""
    staging = ox.Store()
    staging.load(b"\n".join(lines), ox.RdfFormat.N_TRIPLES)
    dump = staging.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return (dump or b"").splitlines()


def record_subjects(statements: bytes) -> set[str]:
    r"""IRIs that ``statements`` (N-Triples) give one of the :data:`RECORD_CLASSES`.

    >>> record_subjects(b"<a:i> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    ...                 b"<https://w3id.org/edukg/ontology#Institution> .\n<a:j> <a:p> <a:i> .\n")
    {'a:i'}
    """
    found = set()
    for match in _RECORD_LINE_END.finditer(statements):
        start = statements.rfind(b"\n", 0, match.start()) + 1
        if statements.startswith(b"<", start) and not statements.startswith(b"<<", start):
            found.add(statements[start + 1 : match.start()].decode("utf-8"))
    return found


def party_agreements(statements: bytes) -> dict[str, set[str]]:
    r"""Party node IRI -> the IRIs of the agreements that name it with ``edukg:qualifiedParty``.

    >>> party_agreements(b"<a:g> <https://w3id.org/edukg/ontology#qualifiedParty> <a:g/1> .\n")
    {'a:g/1': {'a:g'}}
    """
    owners: dict[str, set[str]] = {}
    for match in _PARTY_PREDICATE.finditer(statements):
        start = statements.rfind(b"\n", 0, match.start()) + 1
        end = statements.find(b"> .\n", match.end())
        named = statements.startswith(b"<", start) and not statements.startswith(b"<<", start)
        if named and end >= 0:
            party = statements[match.end() : end].decode("utf-8")
            owners.setdefault(party, set()).add(statements[start + 1 : match.start()].decode())
    return owners


def line_changes(old: bytes, new: bytes) -> tuple[list[bytes], list[bytes]]:
    r"""The lines of ``new`` not in ``old`` (added) and of ``old`` not in ``new`` (removed), sorted.

    Both are sorted N-Triples lines (a source's statements, as written and snapshotted).

    >>> line_changes(b"<a:x> <a:p> 1 .\n<a:y> <a:p> 2 .\n", b"<a:y> <a:p> 2 .\n<a:z> <a:p> 3 .\n")
    ([b'<a:z> <a:p> 3 .'], [b'<a:x> <a:p> 1 .'])
    """
    old_lines = old.splitlines()
    old_set = set(old_lines)
    new_lines = new.splitlines()
    added = [line for line in new_lines if line not in old_set]
    del old_set
    if not added and len(new_lines) == len(old_lines):
        return added, []  # the same lines (a store holds no duplicates)
    new_set = set(new_lines)
    del new_lines
    # the old lines are sorted already: no sort of what was removed
    removed = [line for line in old_lines if line not in new_set]
    return added, removed


def subjects(lines: Iterable[bytes]) -> set[str]:
    """The subject IRIs of N-Triples lines (quoted-triple subjects left out).

    >>> sorted(subjects([b"<a:x> <a:p> 1 .", b"<a:y> <a:p> <a:x> ."]))
    ['a:x', 'a:y']
    """
    # decoded once per subject, not per line (a regenerated register changes 1.4M lines)
    found = {line[1 : line.find(b">")] for line in lines if line[:1] == b"<" and line[1:2] != b"<"}
    return {subject.decode("utf-8") for subject in found}


def lines_holding(lines: Iterable[bytes], text: bytes) -> list[bytes]:
    """The ``lines`` that hold ``text``, in their order.

    Tested in C (``bytes.find`` mapped over the lines): over the 270,000 summary lines of
    a 1M register, half the CPU of a Python test of each line (0.14 s against 0.3 s).

    >>> lines_holding([b"<a:x> <a:p> 1 .", b"<a:y> <a:q> 2 .", b"<a:z> <a:p> 3 ."], b" <a:p> ")
    [b'<a:x> <a:p> 1 .', b'<a:z> <a:p> 3 .']
    """
    lines = list(lines)
    return list(compress(lines, map((-1).__ne__, map(bytes.find, lines, repeat(text)))))


def line_parts(data: bytes, parts: int) -> list[bytes]:
    r"""``data`` cut at line ends into about ``parts`` pieces of equal size.

    >>> line_parts(b"a .\nb .\nc .\nd .\n", 2)
    [b'a .\nb .\n', b'c .\nd .\n']
    >>> line_parts(b"a .\n", 3)
    [b'a .\n']
    """
    cuts = [0]
    for number in range(1, max(parts, 1)):
        cut = data.find(b"\n", max(len(data) * number // parts - 1, cuts[-1])) + 1
        if 0 < cut < len(data):
            cuts.append(cut)
    cuts.append(len(data))
    return [data[start:end] for start, end in zip(cuts, cuts[1:], strict=False) if end > start]
