"""Read register tables from Excel workbooks (``.xlsx``, with openpyxl).

Each sheet is one table. A sheet named ``institutions``, ``agreements``,
``events`` or ``parties`` (or ``учреждения``, ``соглашения``, ``мероприятия``,
``стороны``; ``установы``, ``пагадненні``, ``мерапрыемствы``, ``бакі``) holds
that kind; any other sheet is
recognised by its header row, or skipped with a warning. Problems point at
the sheet and the cell (``соглашения!C7``).
"""

from __future__ import annotations

import itertools
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edukg.graph.sources import SourceData
from edukg.loaders.base import FileContent, LoadContext, ProblemCollector
from edukg.loaders.csv_loader import requested_kind
from edukg.loaders.register import read_register, scan_register
from edukg.loaders.tables import Row, Table, canonical_column, kind_from_columns, kind_from_name

LOADER_NAME = "register-excel"


SHEET_HINT = (
    "name the sheets institutions, agreements, events, parties (or учреждения, "
    "соглашения, мероприятия, стороны)"
)


def excel_tables(
    path: Path, content: FileContent, problems: ProblemCollector, context: LoadContext
) -> list[Table] | None:
    """The register tables of a workbook, one per recognised sheet."""
    import io

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content.data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        problems.error(
            f"not a readable .xlsx workbook ({type(error).__name__})",
            hint="save the file from Excel or LibreOffice as .xlsx; old .xls files are not read",
        )
        return None
    forced = requested_kind(context)
    formulas = _formula_workbook(content.data)
    try:
        tables = [
            table
            for sheet in workbook.worksheets
            if (table := _sheet_table(path, sheet, forced, problems, formulas)) is not None
        ]
    finally:
        workbook.close()
        if formulas is not None:
            formulas.close()
    if not tables:
        problems.error(
            "the workbook has no institutions, agreements, events or parties sheet",
            hint=SHEET_HINT,
        )
        return None
    return tables


def _formula_workbook(data: bytes) -> Any:
    """The workbook with formulas as written, when a sheet holds any; else ``None``.

    Files written by scripts often hold formulas without the value a spreadsheet
    program would have stored beside them: those read as empty, so they are found here.
    """
    import io

    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            has_formulas = any(
                b"<f>" in archive.read(name) or b"<f " in archive.read(name)
                for name in archive.namelist()
                if name.startswith("xl/worksheets/") and name.endswith(".xml")
            )
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    if not has_formulas:
        return None
    return load_workbook(io.BytesIO(data), read_only=True, data_only=False)


def _formula_rows(formulas: Any, title: str) -> Iterator[tuple[Any, ...]]:
    """The rows of sheet ``title`` as written (formulas as text), or empty rows."""
    if formulas is None:
        return itertools.repeat(())
    return formulas[title].iter_rows(values_only=True)


@dataclass
class _Header:
    """A sheet's header row: where it is, and which cell holds which column."""

    number: int
    headers: dict[str, str] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)
    positions: list[tuple[int, str]] = field(default_factory=list)


def _sheet_table(
    path: Path, sheet: Any, forced: str | None, problems: ProblemCollector, formulas: Any = None
) -> Table | None:
    """The table of one sheet, or ``None`` for an empty or unrecognised sheet."""
    rows = zip(
        sheet.iter_rows(values_only=True), _formula_rows(formulas, sheet.title), strict=False
    )
    header = _header(sheet.title, (values for values, _ in rows), problems)
    if header is None:
        return None
    kind = forced or kind_from_name(sheet.title) or kind_from_columns(header.headers)
    if kind is None:
        problems.warning(
            f"sheet {sheet.title!r} was skipped: its name and header say no table kind",
            sheet=sheet.title,
            cell=f"A{header.number}",
            hint=SHEET_HINT,
        )
        return None
    return Table(
        str(path),
        kind,
        _rows(rows, header, sheet.title, problems),
        headers=header.headers,
        sheet=sheet.title,
        header_cells=header.cells,
    )


def _header(
    title: str, rows: Iterator[tuple[Any, ...]], problems: ProblemCollector
) -> _Header | None:
    """The first filled row of a sheet as its header (``None`` for an empty sheet)."""
    from openpyxl.utils import get_column_letter

    found = next(
        ((n, values) for n, values in enumerate(rows, 1) if any(_filled(v) for v in values)), None
    )
    if found is None:
        return None
    number, values = found
    header = _Header(number)
    for index, written in enumerate(values):
        column = canonical_column(str(written)) if _filled(written) else ""
        if not column:
            continue
        cell = f"{get_column_letter(index + 1)}{number}"
        if column in header.headers:
            problems.error(
                f"the column {written!r} appears twice",
                sheet=title,
                cell=cell,
                column=str(written),
                hint="remove or rename one of them",
            )
            continue
        header.headers[column] = str(written)
        header.cells[column] = cell
        header.positions.append((index, column))
    return header


def _rows(
    rows: Iterator[tuple[tuple[Any, ...], tuple[Any, ...]]],
    header: _Header,
    title: str,
    problems: ProblemCollector,
) -> list[Row]:
    """The filled rows after the header, each value with its cell.

    ``rows`` pair the values with the cells as written: a formula without a
    computed value is an error, not an empty cell.
    """
    from openpyxl.utils import get_column_letter

    letters = {index: get_column_letter(index + 1) for index, _ in header.positions}
    table_rows: list[Row] = []
    for number, (values, written_row) in enumerate(rows, header.number + 1):
        if not any(_filled(v) for v in (*values, *written_row)):
            continue
        record: dict[str, Any] = {}
        cells: dict[str, str] = {}
        for index, column in header.positions:
            value = values[index] if index < len(values) else None
            written = written_row[index] if index < len(written_row) else None
            if value is None and isinstance(written, str) and written.startswith("="):
                problems.error(
                    "a formula without a computed value",
                    sheet=title,
                    cell=f"{letters[index]}{number}",
                    value=written,
                    hint="open and save the file in Excel or LibreOffice so that the "
                    "values are computed, or write the values themselves",
                )
            record[column] = value.strip() if isinstance(value, str) else value
            cells[column] = f"{letters[index]}{number}"
        table_rows.append(Row(record, cells=cells))
    return table_rows


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def scan_excel(path: Path, context: LoadContext) -> None:
    """First pass over a workbook (see :mod:`edukg.loaders.register`)."""
    scan_register(path, context, excel_tables, LOADER_NAME)


def read_excel(path: Path, context: LoadContext) -> SourceData | None:
    """Read an ``.xlsx`` register workbook."""
    return read_register(path, context, excel_tables, LOADER_NAME)
