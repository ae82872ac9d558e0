"""Register tables as read from any file format, before they become triples.

A :class:`Table` holds the rows of one kind (institutions, agreements,
events, or the parties of agreements with their roles) from one CSV file,
Excel sheet or JSON list, with each value's place in the file so that
problems can point at it.

>>> kind_from_columns(["ID", "Parties", "Signed"])
'agreements'
>>> kind_from_columns(["Agreement", "Party", "Role"])
'parties'
>>> canonical_column(" Valid-Until ")
'valid_until'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from edukg.loaders.values import text_of
from edukg.ontology.normalize import normalize_name

KINDS = ("institutions", "agreements", "events", "parties")

COLUMNS: dict[str, tuple[str, ...]] = {
    "institutions": (
        "id",
        "name",
        "name_ru",
        "name_be",
        "name_en",
        "type",
        "country",
        "region",
        "city",
        "website",
        "parent",
        "wikidata",
    ),
    "agreements": (
        "id",
        "title",
        "parties",
        "signed",
        "valid_from",
        "valid_until",
        "type",
        "areas",
        "source",
        "roles",
        "signing_dates",
        "signatories",
    ),
    "events": (
        "id",
        "title",
        "type",
        "start",
        "end",
        "host",
        "participants",
        "city",
        "country",
        "agreement",
        "source",
    ),
    "parties": (
        "agreement",
        "party",
        "role",
        "signed",
        "signatory",
    ),
}
"""The columns of each kind of table: the public contract (see README, Register format)."""

REQUIRED: dict[str, tuple[str, ...]] = {
    "institutions": ("name", "country"),
    "agreements": ("parties",),
    "events": ("title", "start"),
    "parties": ("agreement", "party"),
}

SHEET_NAMES: dict[str, str] = {
    "institutions": "institutions",
    "учреждения": "institutions",
    "установы": "institutions",
    "agreements": "agreements",
    "соглашения": "agreements",
    "пагадненні": "agreements",
    "events": "events",
    "мероприятия": "events",
    "мерапрыемствы": "events",
    "parties": "parties",
    "стороны": "parties",
    "бакі": "parties",
}
"""Sheet names (en, ru, be) and JSON keys that say which kind a table holds."""


def canonical_column(name: str) -> str:
    """A header cell folded to the contract's spelling: case, spaces and dashes."""
    return "_".join(name.strip().lower().replace("-", " ").split())


def kind_from_name(name: str) -> str | None:
    """The kind a sheet name or JSON key stands for, or ``None``."""
    return SHEET_NAMES.get(normalize_name(name))


def kind_from_columns(columns: Iterable[str]) -> str | None:
    """The kind of table a header describes, or ``None`` when it is unclear."""
    names = {canonical_column(c) for c in columns}
    if {"agreement", "party"} <= names:
        return "parties"
    if "parties" in names:
        return "agreements"
    if names & {"start", "host", "participants"}:
        return "events"
    if "name" in names or (names & {"name_ru", "name_be", "name_en"}):
        return "institutions"
    return None


@dataclass
class Row:
    """One record: canonical column -> raw value, and where the row is.

    ``line`` is the 1-based physical line (CSV, JSON); ``cells`` maps a column
    to its spreadsheet cell reference (Excel).
    """

    values: dict[str, Any]
    line: int | None = None
    cells: dict[str, str] = field(default_factory=dict)

    def get(self, column: str) -> Any:
        """The raw value of a column (``None`` when absent)."""
        return self.values.get(column)

    def text(self, column: str) -> str:
        """The value of a column as stripped text, ``""`` when absent (see ``text_of``).

        >>> Row({"id": " A-1 ", "year": 2024.0}).text("id"), Row({}).text("id")
        ('A-1', '')
        """
        value = self.values.get(column)
        if type(value) is str:  # CSV cells: the usual case, first
            return value.strip()
        return text_of(value)


@dataclass
class Table:
    """The rows of one kind from one place in a file."""

    file: str
    kind: str
    rows: list[Row]
    headers: dict[str, str] = field(default_factory=dict)
    """Canonical column -> the header as written in the file."""
    sheet: str | None = None
    header_line: int | None = None
    header_cells: dict[str, str] = field(default_factory=dict)

    def place(self, row: Row | None, column: str | None) -> dict[str, Any]:
        """The keyword arguments that locate a value for a :class:`~edukg.core.errors.Problem`."""
        written = self.headers.get(column, column) if column else None
        if row is None:
            cell = self.header_cells.get(column) if column else None
            return {"line": self.header_line, "column": written, "sheet": self.sheet, "cell": cell}
        cell = row.cells.get(column) if column else None
        return {"line": row.line, "column": written, "sheet": self.sheet, "cell": cell}
