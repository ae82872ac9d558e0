"""Read register tables from JSON: a list of records of one kind, or an object
with ``institutions``, ``agreements`` and ``events`` lists.

Values may be strings, numbers or (for ``parties``, ``areas``,
``participants``) lists of strings. Each record keeps the line it starts on.

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
_decoder = json.JSONDecoder()


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def records_with_lines(text: str, start: int | None = None) -> list[tuple[int, Any]]:
    """The items of the JSON array starting at ``start``, each with its first line."""
    index = _skip_space(text, start or 0)
    if index >= len(text) or text[index] != "[":
        raise json.JSONDecodeError("expected a list", text, index)
    index = _skip_space(text, index + 1)
    items: list[tuple[int, Any]] = []
    if index < len(text) and text[index] == "]":
        return items
    while True:
        value, end = _decoder.raw_decode(text, index)
        items.append((_line_of(text, index), value))
        index = _skip_space(text, end)
        if index < len(text) and text[index] == ",":
            index = _skip_space(text, index + 1)
            continue
        if index < len(text) and text[index] == "]":
            return items
        raise json.JSONDecodeError("expected ',' or ']'", text, index)


def _lists_of_object(text: str) -> dict[str, tuple[int, list[tuple[int, Any]] | Any]]:
    """For a top-level object: each key's line and its items with lines (or its value)."""
    index = _skip_space(text, 0) + 1
    found: dict[str, tuple[int, Any]] = {}
    while True:
        index = _skip_space(text, index)
        if text[index] == "}":
            return found
        key, index = _decoder.raw_decode(text, index)
        key_line = _line_of(text, index)
        index = _skip_space(text, index)
        if text[index] != ":":
            raise json.JSONDecodeError("expected ':'", text, index)
        index = _skip_space(text, index + 1)
        if text[index] == "[":
            items = records_with_lines(text, index)
            _, index = _decoder.raw_decode(text, index)
            found[str(key)] = (key_line, items)
        else:
            value, index = _decoder.raw_decode(text, index)
            found[str(key)] = (key_line, value)
        index = _skip_space(text, index)
        if text[index] == ",":
            index += 1


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
    forced = requested_kind(context)
    groups: list[tuple[str | None, list[tuple[int, Any]], str | None]] = []
    if isinstance(whole, list):
        groups.append((forced, records_with_lines(text), None))
    elif isinstance(whole, dict):
        for key, (line, value) in _lists_of_object(text).items():
            kind = kind_from_name(key)
            if kind is None:
                problems.warning(
                    f"the key {key!r} is not a register table and was ignored",
                    line=line,
                    column=key,
                    hint=f"use the keys {', '.join(KINDS)}",
                )
                continue
            if not isinstance(value, list):
                problems.error(f"{key!r} must be a list of records", line=line, column=key)
                continue
            groups.append((kind, value, key))
    else:
        problems.error(
            "a register in JSON is a list of records, or an object of lists",
            line=1,
            hint='write [{"name": ...}, ...] or {"institutions": [...], ...}',
        )
        return None
    tables = []
    for kind, items, _key in groups:
        rows: list[Row] = []
        headers: dict[str, str] = {}
        for line, item in items:
            if not isinstance(item, dict):
                problems.error(
                    "a record must be a JSON object",
                    line=line,
                    value=str(item)[:80],
                    hint='write each record as {"column": "value", ...}',
                )
                continue
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
            rows.append(Row(values, line=line))
        table_kind = kind or kind_from_columns(headers)
        if table_kind is None:
            problems.error(
                "cannot tell which kind of records this list holds",
                line=items[0][0] if items else 1,
                hint="use an object with institutions/agreements/events keys, or --kind",
            )
            continue
        tables.append(
            Table(
                str(path),
                table_kind,
                rows,
                headers=headers,
                header_line=items[0][0] if items else None,
            )
        )
    return tables


def scan_json(path: Path, context: LoadContext) -> None:
    """First pass over a JSON register (see :mod:`edukg.loaders.register`)."""
    scan_register(path, context, json_tables, LOADER_NAME)


def read_json(path: Path, context: LoadContext) -> SourceData | None:
    """Read a JSON register file."""
    return read_register(path, context, json_tables, LOADER_NAME)
