"""Read register tables from CSV and TSV files.

Decoding and splitting are :mod:`edukg.loaders.csv_text`'s job; this module
turns the rows into register tables. CORDIS tables are recognised by their
header in :mod:`edukg.loaders` and never reach this loader.

>>> from edukg.loaders.csv_text import detect_delimiter
>>> detect_delimiter("id;name;country")
';'
"""

from __future__ import annotations

from pathlib import Path

from edukg.graph.sources import SourceData
from edukg.loaders.base import FileContent, LoadContext, ProblemCollector
from edukg.loaders.csv_text import CsvText, decode_text, read_csv_text
from edukg.loaders.register import read_register, scan_register
from edukg.loaders.tables import KINDS, Row, Table, canonical_column, kind_from_columns

__all__ = ["csv_tables", "decode_text", "read_csv", "requested_kind", "scan_csv"]

LOADER_NAME = "register-csv"


def csv_tables(
    path: Path, content: FileContent, problems: ProblemCollector, context: LoadContext
) -> list[Table] | None:
    """The register table in a CSV file (one kind per file)."""
    parsed = read_csv_text(content, problems)
    if parsed is None:
        return None
    table = table_from_rows(str(path), parsed, problems, context)
    return [table] if table is not None else None


def table_from_rows(
    file: str, parsed: CsvText, problems: ProblemCollector, context: LoadContext
) -> Table | None:
    """Turn header and rows into a :class:`Table`, reporting row-shape problems."""
    header_line = 1
    headers: dict[str, str] = {}
    for position, written in enumerate(parsed.header):
        column = canonical_column(written)
        if not column:
            if any(values[position].strip() for _, values in parsed.rows if position < len(values)):
                problems.warning(
                    f"column {position + 1} has no name and was ignored",
                    line=header_line,
                    column=position + 1,
                    hint="give the column a name from the register format",
                )
            continue
        if column in headers:
            problems.error(
                f"the column {written!r} appears twice",
                line=header_line,
                column=written,
                hint="remove or rename one of them",
            )
            continue
        headers[column] = written
    kind = requested_kind(context) or kind_from_columns(headers)
    if kind is None:
        problems.error(
            "cannot tell which kind of table this is from its header",
            line=header_line,
            value=parsed.delimiter.join(parsed.header),
            hint="name the columns as in the register format (institutions need 'name', "
            "agreements 'parties', events 'start'), or pass --kind institutions|agreements|events",
        )
        return None
    columns = [canonical_column(h) for h in parsed.header]
    used = [(i, c) for i, c in enumerate(columns) if c in headers and columns.index(c) == i]
    rows: list[Row] = []
    for line, values in parsed.rows:
        if len(values) > len(columns) and any(v.strip() for v in values[len(columns) :]):
            delimiter = {"\t": "tab"}.get(parsed.delimiter, repr(parsed.delimiter))
            problems.error(
                f"the row has {len(values)} values but the header has {len(columns)} columns",
                line=line,
                value=parsed.delimiter.join(values),
                hint=f"put quotes around values that contain the delimiter ({delimiter})",
            )
            continue
        record = {column: values[i] for i, column in used if i < len(values)}
        rows.append(Row(record, line=line))
    return Table(file, kind, rows, headers=headers, header_line=header_line)


def requested_kind(context: LoadContext) -> str | None:
    """The kind asked for with ``--kind`` (``options['kind']``), if it is a register kind."""
    kind = context.options.get("kind")
    return kind if kind in KINDS else None


def scan_csv(path: Path, context: LoadContext) -> None:
    """First pass over a CSV register (see :mod:`edukg.loaders.register`)."""
    scan_register(path, context, csv_tables, LOADER_NAME)


def read_csv(path: Path, context: LoadContext) -> SourceData | None:
    """Read a CSV or TSV register file."""
    return read_register(path, context, csv_tables, LOADER_NAME)
