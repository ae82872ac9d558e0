"""A result as a boxed text table that fits a width, its long cells folded onto more lines.

It draws what a rich ``Table`` drew for ``edukg query`` (the same box characters, the
title centred above), in a hundredth of the time: for a 100-row page of ``agreements``
rich took about 0.3 s of the process's CPU (its import and its layout), a third of the
1 s that a catalogue question may take. Widths are the cells a terminal gives the text,
so Cyrillic lines up as Latin does and each Chinese character takes two.

>>> print(boxed_table(["country", "label"], [["BY", "Беларусь"], ["KZ", ""]], title="Страны"))
        Страны
┏━━━━━━━━━┳━━━━━━━━━━┓
┃ country ┃ label    ┃
┡━━━━━━━━━╇━━━━━━━━━━┩
│ BY      │ Беларусь │
│ KZ      │          │
└─────────┴──────────┘

A table wider than ``width`` narrows its widest columns and folds their cells, at spaces
where it can:

>>> print(boxed_table(["id", "title"], [["a1", "Соглашение о сетевом взаимодействии"]], width=24))
┏━━━━┳━━━━━━━━━━━━━━━━━┓
┃ id ┃ title           ┃
┡━━━━╇━━━━━━━━━━━━━━━━━┩
│ a1 │ Соглашение о    │
│    │ сетевом         │
│    │ взаимодействии  │
└────┴─────────────────┘
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len

PADDING = 1
"""Spaces on each side of a cell's text."""


def boxed_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    title: str | None = None,
    width: int = 400,
) -> str:
    """``rows`` under ``header`` in a box at most ``width`` cells wide (as long as each
    column can keep one cell), one text line per line, without a final newline; only
    the title when there are no columns.

    >>> boxed_table([], [[]], title="SELECT *")
    'SELECT *'
    """
    if not header:
        return title or ""
    natural = [
        max(_text_width(text) for text in column) for column in zip(header, *rows, strict=True)
    ]
    frame = (2 * PADDING + 1) * len(natural) + 1
    widths = fitted_widths(natural, width - frame)
    lines = []
    if title:
        lines.append(_centred(title, sum(widths) + frame))
    lines.append(_rule("┏", "━", "┳", "┓", widths))
    lines.extend(_row_lines(header, widths, "┃"))
    lines.append(_rule("┡", "━", "╇", "┩", widths))
    for row in rows:
        lines.extend(_row_lines(row, widths, "│"))
    lines.append(_rule("└", "─", "┴", "┘", widths))
    return "\n".join(lines)


def fitted_widths(natural: Sequence[int], room: int) -> list[int]:
    """Column widths that add up to at most ``room`` (each at least 1): the narrow
    columns keep their ``natural`` width, the widest are cut to a common width.

    >>> fitted_widths([2, 30, 10], 100), fitted_widths([2, 30, 10], 20), fitted_widths([5, 5], 1)
    ([2, 30, 10], [2, 9, 9], [1, 1])
    """
    if sum(natural) <= room:
        return list(natural)
    room = max(room, len(natural))
    low, high = 1, max(natural)
    while low < high:  # the widest cap that fits
        middle = (low + high + 1) // 2
        if sum(min(width, middle) for width in natural) <= room:
            low = middle
        else:
            high = middle - 1
    widths = [min(width, low) for width in natural]
    spare = room - sum(widths)
    for column in sorted(range(len(widths)), key=lambda c: -natural[c]):
        if spare == 0:
            break
        if widths[column] < natural[column]:
            widths[column] += 1
            spare -= 1
    return widths


def folded(text: str, width: int) -> list[str]:
    """``text`` on lines at most ``width`` cells wide: broken at spaces, and a word wider
    than a line cut where it must; every line break in ``text`` kept.

    >>> folded("Минский областной институт", 12)
    ['Минский', 'областной', 'институт']
    >>> folded("https://edukg.example/id/a1", 10), folded("", 5)
    (['https://ed', 'ukg.exampl', 'e/id/a1'], [''])
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, taken = "", 0
        for word in paragraph.split(" "):
            size = cell_len(word)
            if line and taken + 1 + size <= width:
                line, taken = f"{line} {word}", taken + 1 + size
                continue
            if line:
                lines.append(line)
            line, taken = word, size
            while taken > width:
                head, line = _cut(line, width)
                lines.append(head)
                taken = cell_len(line)
        lines.append(line)
    return lines


def _cut(word: str, width: int) -> tuple[str, str]:
    """The longest start of ``word`` at most ``width`` cells wide (one character at
    least), and the rest."""
    taken = 0
    for index, character in enumerate(word):
        taken += cell_len(character)
        if taken > width:
            return word[: max(index, 1)], word[max(index, 1) :]
    return word, ""


def _text_width(text: str) -> int:
    return max(cell_len(line) for line in text.split("\n"))


def _padded(text: str, width: int) -> str:
    return " " * PADDING + text + " " * (width - cell_len(text) + PADDING)


def _row_lines(cells: Sequence[str], widths: Sequence[int], bar: str) -> list[str]:
    columns = [folded(text, width) for text, width in zip(cells, widths, strict=True)]
    height = max(len(lines) for lines in columns)
    return [
        bar
        + bar.join(
            _padded(lines[number] if number < len(lines) else "", width)
            for lines, width in zip(columns, widths, strict=True)
        )
        + bar
        for number in range(height)
    ]


def _rule(left: str, line: str, cross: str, right: str, widths: Sequence[int]) -> str:
    return left + cross.join(line * (width + 2 * PADDING) for width in widths) + right


def _centred(title: str, width: int) -> str:
    """``title`` centred over a table ``width`` cells wide (folded when wider)."""
    lines = folded(title, width)
    return "\n".join(" " * max((width - cell_len(line)) // 2, 0) + line for line in lines)
