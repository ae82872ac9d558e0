"""Read the header line of a delimited table cheaply, to tell which loader reads it.

Only the start of the file is read. Lines of an unresolved merge conflict
(``<<<<<<<``, ``=======``, ``>>>>>>>``) are skipped, so a table whose header
sits inside one is still recognised (its loader then reports the conflict).

>>> split_header("rcn;role;pic")
['rcn', 'role', 'pic']
>>> is_merge_marker("<<<<<<< HEAD:orgs.csv"), is_merge_marker("name,country")
(True, False)
"""

from __future__ import annotations

import csv
from pathlib import Path

from edukg.loaders.csv_text import decode_text, detect_delimiter
from edukg.loaders.tables import canonical_column

MERGE_MARKERS = ("<<<<<<<", "=======", ">>>>>>>")
HEAD_BYTES = 65536


def is_merge_marker(line: str) -> bool:
    """True for a line that git writes around an unresolved merge conflict."""
    return line.startswith(MERGE_MARKERS)


def split_header(line: str) -> list[str]:
    """The cells of a header line, split on the delimiter it uses most."""
    return next(csv.reader([line], delimiter=detect_delimiter(line)), [])


def header_columns(path: Path) -> set[str]:
    """The canonical column names of a table's first header line (empty if unreadable)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return set()
    text, _ = decode_text(head)
    for line in text.splitlines():
        if line.strip() and not is_merge_marker(line):
            return {canonical_column(cell) for cell in split_header(line)}
    return set()
