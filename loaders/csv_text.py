"""Decode a delimited text file and split it into rows that keep their line numbers.

The encoding (UTF-8, UTF-8 with BOM, Windows-1251) and the delimiter (``,``
``;`` or tab) are detected. Each row keeps its 1-based physical line (the
header is line 1), so problems point at the line an editor shows. Shared by
the register and CORDIS loaders.

>>> decode_text("Минск".encode("cp1251"))
('Минск', 'windows-1251')
>>> detect_delimiter("id;name;country")
';'
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from edukg.loaders.base import FileContent, ProblemCollector

DELIMITERS = (",", ";", "\t")

csv.field_size_limit(16 * 1024 * 1024)


@dataclass
class CsvText:
    """A CSV file as text rows, each with the physical line it starts on."""

    header: list[str]
    rows: list[tuple[int, list[str]]]
    delimiter: str
    encoding: str


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a file and its encoding: UTF-8 (with or without BOM) or Windows-1251."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace"), "windows-1251"


def detect_delimiter(header_line: str) -> str:
    """The delimiter the header line uses most: ``,``, ``;`` or tab."""
    counts = {d: _count_outside_quotes(header_line, d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def read_csv_text(content: FileContent, problems: ProblemCollector) -> CsvText | None:
    """Decode and split a CSV file; ``None`` (with an error) if it has no header."""
    text, encoding = decode_text(content.data)
    if "\x00" in text:
        problems.error(
            "this is not a text file (it contains NUL bytes)",
            hint="save the table as CSV (UTF-8 or Windows-1251), or use the .xlsx file itself",
        )
        return None
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    if not first_line:
        problems.error("the file is empty", line=1, hint="the first line must name the columns")
        return None
    delimiter = detect_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    last_line = 0
    try:
        for values in reader:
            start = last_line + 1
            last_line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if header is None:
                header = values
                continue
            rows.append((start, values))
    except csv.Error as error:
        problems.error(
            f"the CSV cannot be read: {error}",
            line=reader.line_num,
            hint="check the quotes on this line: a value with quotes must be quoted",
        )
        return None
    if header is None:
        problems.error("the file has no header line", line=1)
        return None
    return CsvText(header, rows, delimiter, encoding)
