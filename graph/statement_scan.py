r"""Read the statements of a few predicates out of the whole store at once, without SPARQL.

An on-disk store answers a query that returns a million terms slowly: each IRI
and text is a separate look-up in RocksDB (about 10 µs each, more as the store
outgrows its cache). The analysis needs a few predicates of every graph, so
this reads each graph as N-Triples, from the source's snapshot when it is
current (:meth:`~edukg.graph.store.KnowledgeGraph.sorted_statements`, exact
by its digest), and picks the lines of the wanted predicates with numpy.
Subjects and objects come back as their N-Triples text (``<iri>``, ``_:id``,
``"text"@ru``); :func:`term_value` and :func:`literal_parts` read them.

>>> from edukg.graph.store import KnowledgeGraph
>>> notation = "http://www.w3.org/2004/02/skos/core#notation"
>>> with KnowledgeGraph.in_memory() as kg:
...     codes = {
...         graph.value.rsplit("/", 1)[-1]: objects
...         for graph, picked in statements_by_predicate(kg, [notation])
...         for subjects, objects in [picked[notation]]
...         if objects
...     }
>>> b'"BY"' in codes["countries"]
True
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

import numpy as np
import pyoxigraph as ox

CHUNK_BYTES = 1 << 20
"""N-Triples scanned at a time: numpy's working memory (about 10x the chunk) stays in the
CPU's caches (with 32 MiB chunks the scan took 1.5-2x the CPU time)."""

Picked = dict[str, tuple[list[bytes], list[bytes]]]
"""Predicate IRI to (subjects, objects) as N-Triples terms, one pair per statement."""


def graph_ntriples(
    kg: Any, *, skip: Collection[str] = ()
) -> Iterator[tuple[ox.NamedNode | ox.DefaultGraph, bytes]]:
    """Every graph the queries' union default graph reads, with its statements as N-Triples.

    A source of an on-disk store comes from its snapshot when that matches the
    source's digest (else from the store); every other graph (the catalog, the
    ontology, the countries, resolution) is small and read from the store.
    Named graphs whose IRI is in ``skip`` are left out.
    """
    store: ox.Store = kg.oxigraph
    sources = {info.graph for info in kg.sources()} if kg.path is not None else set()
    graphs = sorted(
        (
            graph
            for graph in store.named_graphs()
            if isinstance(graph, ox.NamedNode) and graph.value not in skip
        ),
        key=lambda graph: graph.value,
    )
    for graph in graphs:
        if graph.value in sources:
            yield graph, kg.sorted_statements(graph)
        else:
            yield graph, store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b""
    default = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b""
    if default:
        yield ox.DefaultGraph(), default


def statements_by_predicate(
    kg: Any,
    predicates: Iterable[str],
    *,
    skip: Collection[str] = (),
    objects: Mapping[str, Collection[bytes]] | None = None,
) -> Iterator[tuple[ox.NamedNode | ox.DefaultGraph, Picked]]:
    """Per graph (but those in ``skip``), the subjects and objects of the statements of
    ``predicates`` (of those in ``objects``, only the statements with one of its objects)."""
    wanted = list(dict.fromkeys(predicates))
    for graph, data in graph_ntriples(kg, skip=skip):
        yield graph, pick_predicates(data, wanted, objects=objects)


def pick_predicates(
    data: bytes, predicates: list[str], *, objects: Mapping[str, Collection[bytes]] | None = None
) -> Picked:
    r"""The (subjects, objects) of each predicate in N-Triples ``data`` (one statement a line).

    ``objects`` maps a predicate to the objects (N-Triples terms) of the only statements
    of it to pick: the others are left in ``data`` (no text is made of them).

    >>> lines = b'<http://x/a> <http://x/p> "1" .\n<http://x/a> <http://x/q> <http://x/b> .\n'
    >>> pick_predicates(lines, ["http://x/q", "http://x/r"])
    {'http://x/q': ([b'<http://x/a>'], [b'<http://x/b>']), 'http://x/r': ([], [])}
    >>> pick_predicates(lines, ["http://x/q"], objects={"http://x/q": [b"<http://x/c>"]})
    {'http://x/q': ([], [])}
    """
    picked: Picked = {predicate: ([], []) for predicate in predicates}
    chosen = objects or {}
    patterns = [
        (
            _pattern(predicate),
            [(bytes(term), _term_pattern(term)) for term in chosen[predicate]]
            if predicate in chosen
            else None,
        )
        for predicate in predicates
    ]
    start = 0
    while start < len(data):
        end = data.find(b"\n", min(start + CHUNK_BYTES, len(data) - 1))
        end = len(data) if end < 0 else end + 1
        _pick_chunk(data, start, end, patterns, picked)
        start = end
    return picked


def _pattern(predicate: str) -> tuple[str, int, Any, Any]:
    """A predicate as N-Triples, read as 8-byte words: (IRI, length, word offsets, words).

    The last word may overlap the one before it, so that every byte is covered.
    A predicate shorter than a word is read byte by byte (offsets and bytes).

    >>> _, length, offsets, words = _pattern("http://x/q")
    >>> length, offsets.tolist(), [word.to_bytes(8, "little") for word in words.tolist()]
    (12, [0, 4], [b'<http://', b'p://x/q>'])
    >>> _, length, offsets, cells = _pattern("a:p")
    >>> length, offsets.tolist(), bytes(cells)
    (5, [0, 1, 2, 3, 4], b'<a:p>')
    """
    return (predicate, *_term_pattern(f"<{predicate}>".encode()))


def _term_pattern(text: bytes) -> tuple[int, Any, Any]:
    """An N-Triples term read as 8-byte words (or bytes, when shorter): (length, offsets, words).

    >>> length, offsets, words = _term_pattern(b"<a:b>")
    >>> length, offsets.tolist(), bytes(words)
    (5, [0, 1, 2, 3, 4], b'<a:b>')
    """
    if len(text) < 8:
        return len(text), np.arange(len(text)), np.frombuffer(text, dtype=np.uint8)
    offsets = list(range(0, len(text) - 7, 8))
    if len(text) % 8:
        offsets.append(len(text) - 8)
    words = [int.from_bytes(text[at : at + 8], "little") for at in offsets]
    return len(text), np.array(offsets), np.array(words, dtype="<u8")


Pattern = tuple[int, Any, Any]
"""A term as :func:`_term_pattern` reads it: (length, offsets, words)."""


def _pick_chunk(
    data: bytes,
    start: int,
    end: int,
    patterns: list[tuple[tuple[str, int, Any, Any], list[tuple[bytes, Pattern]] | None]],
    picked: Picked,
) -> None:
    # A line is "S P O .\n"; S and P hold no space (IRIs and blank node labels cannot),
    # so the first two spaces of a line end its subject and its predicate.
    chunk = np.frombuffer(data, dtype=np.uint8, count=end - start, offset=start)
    # every 8 bytes from every position, as one little-endian word: a predicate is
    # compared a word at a time (8x fewer reads than byte by byte)
    words = np.ndarray(
        (max(end - start - 7, 0),), dtype="<u8", buffer=data, offset=start, strides=(1,)
    )
    ends = np.flatnonzero(chunk == 10)
    if not len(ends):
        return
    starts = np.concatenate(([0], ends[:-1] + 1))
    spaces = np.flatnonzero(chunk == 32)
    first = np.searchsorted(spaces, starts)
    keep = first + 1 < len(spaces)
    starts, ends, first = starts[keep], ends[keep], first[keep]
    subject_ends = spaces[first]
    predicate_ends = spaces[first + 1]
    lengths = predicate_ends - subject_ends - 1
    found: list[tuple[str, Any, list[bytes] | None]] = []
    for (predicate, length, offsets, pattern), wanted in patterns:
        lines = np.flatnonzero(lengths == length)
        if not len(lines):
            continue
        lines = lines[_equal(words, chunk, subject_ends[lines] + 1, (length, offsets, pattern))]
        terms: list[bytes] | None = None
        if wanted is not None and len(lines):  # only the statements of the wanted objects
            object_lengths = ends[lines] - predicate_ends[lines] - 3  # " .\n" after the object
            matches = np.array(
                [
                    _equal(words, chunk, predicate_ends[lines] + 1, term)
                    & (object_lengths == term[0])
                    for _, term in wanted
                ]
            ).reshape(len(wanted), len(lines))
            matched: Any = matches.any(axis=0)
            # each statement's object is the wanted term it equals: no text made of it
            which = matches.argmax(axis=0)[matched] if len(wanted) else matched[:0]
            terms = [wanted[number][0] for number in which.tolist()]
            lines = lines[matched]
        if len(lines):
            found.append((predicate, lines, terms))
    if not found:
        return
    # one text per run of lines with one subject (a sorted graph holds each subject's
    # statements in one run): its statements of every predicate share it, so it is made and
    # hashed once, and the tables keyed by it find it by identity
    every = np.concatenate([lines for _, lines, _ in found])
    order = np.argsort(every, kind="stable")
    run = np.empty(len(every), dtype=np.int64)
    run[order] = _runs(
        words, starts[every[order]], subject_ends[every[order]] - starts[every[order]]
    )
    firsts = np.flatnonzero(np.diff(run[order], prepend=-1))
    texts = [
        data[a:b]
        for a, b in zip(
            (starts[every[order][firsts]] + start).tolist(),
            (subject_ends[every[order][firsts]] + start).tolist(),
            strict=True,
        )
    ]
    taken = 0
    for predicate, lines, terms in found:
        subjects, objects = picked[predicate]
        subjects += map(texts.__getitem__, run[taken : taken + len(lines)].tolist())
        taken += len(lines)
        if terms is not None:
            objects += terms
            continue
        object_from = (predicate_ends[lines] + start + 1).tolist()
        object_to = (ends[lines] + start - 2).tolist()  # before " .\n"
        objects += [data[a:b] for a, b in zip(object_from, object_to, strict=True)]


_LOW_BYTES = np.array([(1 << (8 * count)) - 1 for count in range(8)] + [(1 << 64) - 1], "<u8")
"""A word's mask for its first 0 to 8 bytes."""


def _runs(words: Any, at: Any, lengths: Any) -> Any:
    r"""The run of each term (from ``at``, of ``lengths``, in the order of the data): terms
    equal to the one before them are in its run; runs are numbered from 0.

    >>> data = b"<a:s> <a:p> 1 .\n<a:s> <a:q> 2 .\n<a:t> <a:p> 3 .\n_:b <a:p> 4 .\n"
    >>> words = np.ndarray((len(data) - 7,), dtype="<u8", buffer=data, strides=(1,))
    >>> _runs(words, np.array([0, 16, 32, 48]), np.array([5, 5, 5, 3])).tolist()
    [0, 0, 1, 2]
    """
    same = np.zeros(len(at), dtype=bool)
    if len(at) > 1:
        same[1:] = lengths[1:] == lengths[:-1]
        last = len(words) - 1
        # a term is followed by 8 bytes or more in a statement; one that is not is not compared
        fits = at + 8 * ((lengths + 7) // 8) - 8 <= last
        same[1:] &= fits[1:] & fits[:-1]
        for word in range((int(lengths.max()) + 7) // 8):
            read = words[np.minimum(at + 8 * word, last)]
            mask = _LOW_BYTES[np.clip(lengths[1:] - 8 * word, 0, 8)]
            same[1:] &= ((read[1:] ^ read[:-1]) & mask) == 0
    return np.cumsum(~same) - 1


def _equal(words: Any, chunk: Any, at: Any, term: Pattern) -> Any:
    """Whether the bytes from each position in ``at`` begin with ``term`` (a boolean array)."""
    length, offsets, pattern = term
    fits = at + length <= len(chunk)
    read = words if pattern.dtype == words.dtype else chunk
    cells = read[np.minimum(at, len(read) - offsets[-1] - 1)[:, None] + offsets]
    return (cells == pattern).all(axis=1) & fits


_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    r"""N-Triples escapes (``\"``, ``\n``, ``\u0041``...) replaced by their characters.

    >>> _unescape(r'a\"b\nc\u0041')
    'a"b\ncA'
    """
    return _ESCAPE.sub(
        lambda m: (
            chr(int(m.group(1) or m.group(2), 16))
            if m.group(3) is None
            else _SIMPLE.get(m.group(3), m.group(3))
        ),
        text,
    )


def term_value(term: bytes) -> str:
    """The value of an N-Triples IRI or blank node (its text without ``<>`` or ``_:``).

    >>> term_value(b"<https://x.example/a>"), term_value(b"_:b0")
    ('https://x.example/a', 'b0')
    """
    if term.startswith(b"<"):
        text = term[1:-1].decode("utf-8")
        return _unescape(text) if "\\" in text else text
    return term[2:].decode("utf-8")


def is_resource(term: bytes) -> bool:
    """True for an IRI or blank node, False for a literal.

    >>> is_resource(b"<http://x/a>"), is_resource(b'"a"@en')
    (True, False)
    """
    return not term.startswith(b'"')


def literal_parts(term: bytes) -> tuple[str, str | None, str | None]:
    """An N-Triples literal as (lexical form, language or None, datatype IRI or None).

    >>> literal_parts(b'"\\xd0\\x9c\\xd0\\xb8\\xd0\\xbd\\xd1\\x81\\xd0\\xba"@ru')
    ('Минск', 'ru', None)
    >>> literal_parts(b'"2024"^^<http://www.w3.org/2001/XMLSchema#gYear>')
    ('2024', None, 'http://www.w3.org/2001/XMLSchema#gYear')
    >>> literal_parts(b'"a \\\\"b\\\\""')
    ('a "b"', None, None)
    """
    close = term.rfind(b'"')
    text = term[1:close].decode("utf-8")
    if "\\" in text:
        text = _unescape(text)
    rest = term[close + 1 :]
    if rest.startswith(b"@"):
        return text, rest[1:].decode("ascii"), None
    if rest.startswith(b"^^<"):
        return text, None, rest[3:-1].decode("utf-8")
    return text, None, None
