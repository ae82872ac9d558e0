"""Read register tables from JSON: a list of records of one kind, or an object
with ``institutions``, ``agreements``, ``events`` and ``parties`` lists.

Values may be strings, numbers or (for ``parties``, ``areas``,
``participants``) lists of strings. Each record keeps the line it starts on.

>>> from edukg.loaders.json_records import records_with_lines
>>> records_with_lines('[\\n {"name": "A"},\\n {"name": "B"}\\n]')
[(2, {'name': 'A'}), (3, {'name': 'B'})]
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from edukg.graph.sources import SourceData
from edukg.loaders.base import FileContent, LoadContext, ProblemCollector
from edukg.loaders.csv_loader import requested_kind
from edukg.loaders.csv_text import decode_text
from edukg.loaders.json_records import lists_of_object, records_with_lines
from edukg.loaders.register import read_register, scan_register
from edukg.loaders.tables import (
    KINDS,
    Row,
    Table,
    canonical_column,
    kind_from_columns,
    kind_from_name,
)

LOADER_NAME = "register-json"

Group = tuple[str | None, list[tuple[int, Any]]]
"""A list of records with their lines, and the kind its key names (``None``: from its columns)."""


def json_tables(
    path: Path, content: FileContent, problems: ProblemCollector, context: LoadContext
) -> list[Table] | None:
    """The register tables of a JSON file."""
    text, _ = decode_text(content.data)
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as error:
        problems.error(
            f"not valid JSON: {error.msg}",
            line=error.lineno,
            column=error.colno,
            hint="fix the JSON syntax at this place (a missing comma or quote?)",
        )
        return None
    if isinstance(whole, list):
        groups: list[Group] = [(requested_kind(context), records_with_lines(text))]
    elif isinstance(whole, dict):
        groups = _groups_of_object(text, problems)
    else:
        problems.error(
            "a register in JSON is a list of records, or an object of lists",
            line=1,
            hint='write [{"name": ...}, ...] or {"institutions": [...], ...}',
        )
        return None
    tables = [_table(path, kind, items, problems) for kind, items in groups]
    return [table for table in tables if table is not None]


def _groups_of_object(text: str, problems: ProblemCollector) -> list[Group]:
    """The lists of a top-level object, each with the kind its key names."""
    groups: list[Group] = []
    for key, (line, value) in lists_of_object(text).items():
        kind = kind_from_name(key)
        if kind is None:
            problems.warning(
                f"the key {key!r} is not a register table and was ignored",
                line=line,
                column=key,
                hint=f"use the keys {', '.join(KINDS)}",
            )
        elif not isinstance(value, list):
            problems.error(f"{key!r} must be a list of records", line=line, column=key)
        else:
            groups.append((kind, value))
    return groups


def _table(
    path: Path, kind: str | None, items: list[tuple[int, Any]], problems: ProblemCollector
) -> Table | None:
    """One list of records as a table of ``kind`` (told, or read from its columns)."""
    headers: dict[str, str] = {}
    rows = [
        row
        for line, item in items
        if (row := _row(line, item, headers, problems)) is not None
    ]
    first_line = items[0][0] if items else None
    table_kind = kind or kind_from_columns(headers)
    if table_kind is None:
        problems.error(
            "cannot tell which kind of records this list holds",
            line=first_line or 1,
            hint="use an object with institutions/agreements/events/parties keys, or --kind",
        )
        return None
    return Table(str(path), table_kind, rows, headers=headers, header_line=first_line)


def _row(line: int, item: Any, headers: dict[str, str], problems: ProblemCollector) -> Row | None:
    """One record as a row; its keys are added to ``headers`` as they are first seen."""
    if not isinstance(item, dict):
        problems.error(
            "a record must be a JSON object",
            line=line,
            value=str(item)[:80],
            hint='write each record as {"column": "value", ...}',
        )
        return None
    values: dict[str, Any] = {}
    for name, value in item.items():
        column = canonical_column(str(name))
        headers.setdefault(column, str(name))
        if isinstance(value, dict) or (
            isinstance(value, list) and any(isinstance(v, dict | list) for v in value)
        ):
            problems.error(
                "nested objects are not part of the register format",
                line=line,
                column=str(name),
                hint="write a string, a number or a list of strings",
            )
            continue
        values[column] = value
    return Row(values, line=line)


def scan_json(path: Path, context: LoadContext) -> None:
    """First pass over a JSON register (see :mod:`edukg.loaders.register`)."""
    scan_register(path, context, json_tables, LOADER_NAME)


def read_json(path: Path, context: LoadContext) -> SourceData | None:
    """Read a JSON register file."""
    return read_register(path, context, json_tables, LOADER_NAME)
