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
import re
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


_MIXED_WORD = re.compile(r"\b\w*(?:[A-Za-z][а-яёА-ЯЁ]|[а-яёА-ЯЁ][A-Za-z])\w*\b")


def latin1_suspect(text: str, encoding: str) -> tuple[int, str] | None:
    """``(line, word)`` when text read as Windows-1251 mixes Latin and Cyrillic in a word.

    That is what a Latin-1 file looks like read as Windows-1251 ("Ecole йtй").

    >>> latin1_suspect("a\\nEcole йtй", "windows-1251"), latin1_suspect("Минск", "windows-1251")
    ((2, 'йtй'), None)
    """
    if encoding != "windows-1251":
        return None
    match = _MIXED_WORD.search(text)
    if match is None:
        return None
    return text.count("\n", 0, match.start()) + 1, match.group()


def read_csv_text(content: FileContent, problems: ProblemCollector) -> CsvText | None:
    """Decode and split a CSV file; ``None`` (with an error) if it has no header."""
    text, encoding = decode_text(content.data)
    suspect = latin1_suspect(text, encoding)
    if suspect is not None:
        problems.error(
            "the file is not UTF-8, and read as Windows-1251 it mixes Latin and Cyrillic "
            "letters in a word: it is probably in another encoding (Latin-1?)",
            line=suspect[0],
            value=suspect[1],
            hint="save the file as UTF-8 and load it again",
        )
        return None
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
            if not any(map(str.strip, values)):  # no generator: 0.4 s less at 1M
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
    if rows and _quote_left_open(text, rows[-1][0]):
        problems.error(
            "a quote opened on this line is never closed: the rest of the file became one value",
            line=rows[-1][0],
            hint='close the quote, or write a quote inside a value as two quotes ("")',
        )
        return None
    return CsvText(header, rows, delimiter, encoding)


def _quote_left_open(text: str, line: int) -> bool:
    r"""True when the text from ``line`` to the end holds an odd number of quotes.

    >>> _quote_left_open('a,b\n1,"x\n2,y\n', 2), _quote_left_open('a,b\n1,"x"\n', 2)
    (True, False)
    """
    tail = text.split("\n", line - 1)[-1] if line > 1 else text
    return tail.count('"') % 2 == 1
