"""JSON arrays read item by item, each item with the line it starts on.

Problems in a JSON file point at the record's first line, so the items of an
array are decoded one by one and numbered by counting new lines since the
previous item (linear in the file's size, whatever the number of records).

>>> records_with_lines('[\\n {"name": "A"},\\n {"name": "B"}\\n]')
[(2, {'name': 'A'}), (3, {'name': 'B'})]
>>> list(lists_of_object('{"agreements": [\\n {"id": "x"}], "note": 1}'))
['agreements', 'note']
"""

from __future__ import annotations

import json
from typing import Any

_decoder = json.JSONDecoder()


def skip_space(text: str, index: int) -> int:
    """The index of the first character at or after ``index`` that is not white space."""
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


class _LineCounter:
    """Line numbers of increasing positions in one text, counted once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.index = 0
        self.line = 1

    def line_of(self, index: int) -> int:
        if index < self.index:  # never happens in a left-to-right read; keep it correct anyway
            self.index, self.line = 0, 1
        self.line += self.text.count("\n", self.index, index)
        self.index = index
        return self.line


def records_with_lines(
    text: str, start: int | None = None, lines: _LineCounter | None = None
) -> list[tuple[int, Any]]:
    """The items of the JSON array starting at ``start``, each with its first line.

    Raises :class:`json.JSONDecodeError` where the array is malformed.
    """
    counter = lines or _LineCounter(text)
    index = skip_space(text, start or 0)
    if index >= len(text) or text[index] != "[":
        raise json.JSONDecodeError("expected a list", text, index)
    index = skip_space(text, index + 1)
    items: list[tuple[int, Any]] = []
    if index < len(text) and text[index] == "]":
        return items
    while True:
        value, end = _decoder.raw_decode(text, index)
        items.append((counter.line_of(index), value))
        index = skip_space(text, end)
        if index < len(text) and text[index] == ",":
            index = skip_space(text, index + 1)
            continue
        if index < len(text) and text[index] == "]":
            return items
        raise json.JSONDecodeError("expected ',' or ']'", text, index)


def lists_of_object(text: str) -> dict[str, tuple[int, list[tuple[int, Any]] | Any]]:
    """For a top-level object: each key's line and its items with lines (or its value)."""
    counter = _LineCounter(text)
    index = skip_space(text, 0) + 1
    found: dict[str, tuple[int, Any]] = {}
    while True:
        index = skip_space(text, index)
        if text[index] == "}":
            return found
        key, index = _decoder.raw_decode(text, index)
        key_line = counter.line_of(index)
        index = skip_space(text, index)
        if text[index] != ":":
            raise json.JSONDecodeError("expected ':'", text, index)
        index = skip_space(text, index + 1)
        if text[index] == "[":
            items = records_with_lines(text, index, counter)
            _, index = _decoder.raw_decode(text, index)
            found[str(key)] = (key_line, items)
        else:
            value, index = _decoder.raw_decode(text, index)
            found[str(key)] = (key_line, value)
        index = skip_space(text, index)
        if text[index] == ",":
            index += 1
