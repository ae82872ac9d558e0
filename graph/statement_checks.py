r"""Checks on a source's statements, as N-Triples, before anything is written.

Two things the store must not receive: a term longer than Oxigraph's parser
accepts (16 MiB), and text with control characters or bidi overrides (see
:mod:`edukg.core.controls`). Both are found in the N-Triples bytes the store
writes from anyway, by byte searches: 0.4 s for 200,000 statements where
SPARQL filters took 7 s.

Oxigraph writes C0 control characters and DEL as ``\uXXXX`` escapes (tab,
line feed and carriage return as ``\t \n \r``); C1 characters and the bidi
overrides stay as UTF-8 bytes.

>>> data = b'<https://e.example/s> <https://e.example/p> "a\\u001Bb" .\n'
>>> [p.message for p in unsafe_statements(data, "x.ttl")]
['a value of <https://e.example/s> holds control characters (\\x1b)']
>>> unsafe_statements(b'<https://e.example/s> <https://e.example/p> "\xc2\xabok\xc2\xbb" .\n', "x")
[]
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from edukg.core.controls import control_characters, visible_controls
from edukg.core.errors import Problem

MAX_TERM_BYTES = 16 * 1024 * 1024 - 64 * 1024
"""The longest term (an IRI, or a literal as N-Triples) a source may hold.

Oxigraph's parsers refuse a token over 16 MiB ("Reached the buffer maximal
size"), and the store re-reads statements as N-Triples; a little room is left
for quotes, escapes and the datatype.
"""

_CONTROL_PATTERNS = (
    re.compile(rb"\\u00[01][0-9A-F]|\\u007F"),  # C0 and DEL, escaped by Oxigraph
    re.compile(rb"\xc2[\x80-\x9f]"),  # C1, as UTF-8
    re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])"),  # bidi overrides, as UTF-8
)


def unsafe_statements(ntriples: bytes, file: str, *, most: int = 20) -> list[Problem]:
    """Problems for terms too long and for text with control characters (at most ``most``)."""
    problems = _too_long(ntriples, file)
    lines: dict[int, bytes] = {}
    for pattern in _CONTROL_PATTERNS:
        for match in pattern.finditer(ntriples):
            start = ntriples.rfind(b"\n", 0, match.start()) + 1
            if start not in lines:
                end = ntriples.find(b"\n", match.start())
                lines[start] = ntriples[start : end if end >= 0 else len(ntriples)]
            if len(lines) >= most:
                break
    for _, line in sorted(lines.items()):
        problems.extend(_control_problem(line, file))
    return problems


def _too_long(ntriples: bytes, file: str) -> list[Problem]:
    if len(ntriples) <= MAX_TERM_BYTES or not _may_hold_a_line_over(ntriples, MAX_TERM_BYTES):
        return []  # no line, so no term, can be longer than the whole
    problems = []
    for line in ntriples.split(b"\n"):
        if len(line) > MAX_TERM_BYTES:
            subject = line.split(b" ", 1)[0].decode("utf-8", errors="replace")
            problems.append(
                Problem(
                    file,
                    f"a value of {len(line) / 1024 / 1024:.1f} MiB is too long for the store",
                    value=subject[:80],
                    hint=f"keep each value under {MAX_TERM_BYTES // (1024 * 1024)} MiB",
                )
            )
    return problems


def _may_hold_a_line_over(data: bytes, size: int) -> bool:
    r"""False when no line of ``data`` is longer than ``size`` bytes (True: one may be).

    A line of ``size`` bytes or more covers a whole window of ``size // 2`` bytes
    starting at a multiple of ``size // 2``: looking for a line end in each window
    (one pass of ``find``) spares splitting a million lines to find none.

    >>> _may_hold_a_line_over(b"a\n" * 8, 8), _may_hold_a_line_over(b"a\nabcdefghij\n", 8)
    (False, True)
    """
    window = max(size // 2, 1)
    return any(
        data.find(b"\n", start, start + window) < 0
        for start in range(0, len(data) - window + 1, window)
    )


def _control_problem(line: bytes, file: str) -> list[Problem]:
    try:
        (triple,) = ox.parse(line, ox.RdfFormat.N_TRIPLES)
    except (SyntaxError, ValueError):
        return []
    text = triple.object.value if isinstance(triple.object, ox.Literal) else ""
    found = control_characters(text)
    if not found:
        return []  # a backslash and "u001B" written as text, not a control character
    return [
        Problem(
            file,
            f"a value of {triple.subject} holds control characters "
            f"({' '.join(dict.fromkeys(found))})",
            value=visible_controls(text)[:120],
            hint="remove them: terminals run them and XML cannot hold them",
        )
    ]
