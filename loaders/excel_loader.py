"""Read register tables from Excel workbooks (``.xlsx``, with openpyxl).

Each sheet is one table. A sheet named ``institutions``, ``agreements`` or
``events`` (or ``учреждения``, ``соглашения``, ``мероприятия``; ``установы``,
``пагадненні``, ``мерапрыемствы``) holds that kind; any other sheet is
recognised by its header row, or skipped with a warning. Problems point at
the sheet and the cell (``соглашения!C7``).
"""

from __future__ import annotations

import itertools
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from edukg.graph.sources import SourceData
from edukg.loaders.base import FileContent, LoadContext, ProblemCollector
from edukg.loaders.csv_loader import requested_kind
from edukg.loaders.register import read_register, scan_register
from edukg.loaders.tables import Row, Table, canonical_column, kind_from_columns, kind_from_name

LOADER_NAME = "register-excel"


def excel_tables(
    path: Path, content: FileContent, problems: ProblemCollector, context: LoadContext
) -> list[Table] | None:
    """The register tables of a workbook, one per recognised sheet."""
    import io

    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    try:
        workbook = load_workbook(io.BytesIO(content.data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        problems.error(
            f"not a readable .xlsx workbook ({type(error).__name__})",
            hint="save the file from Excel or LibreOffice as .xlsx; old .xls files are not read",
        )
        return None
    tables: list[Table] = []
    forced = requested_kind(context)
    formulas = _formula_workbook(content.data)
    try:
        for sheet in workbook.worksheets:
            as_written = _formula_rows(formulas, sheet.title)
            rows = zip(sheet.iter_rows(values_only=True), as_written, strict=False)
            header_row: tuple[Any, ...] | None = None
            header_number = 0
            for number, (values, _) in enumerate(rows, 1):
                if any(_filled(v) for v in values):
                    header_row, header_number = values, number
                    break
            if header_row is None:
                continue
            headers: dict[str, str] = {}
            header_cells: dict[str, str] = {}
            positions: list[tuple[int, str]] = []
            for index, written in enumerate(header_row):
                column = canonical_column(str(written)) if _filled(written) else ""
                if not column:
                    continue
                letter = get_column_letter(index + 1)
                if column in headers:
                    problems.error(
                        f"the column {written!r} appears twice",
                        sheet=sheet.title,
                        cell=f"{letter}{header_number}",
                        column=str(written),
                        hint="remove or rename one of them",
                    )
                    continue
                headers[column] = str(written)
                header_cells[column] = f"{letter}{header_number}"
                positions.append((index, column))
            kind = forced or kind_from_name(sheet.title) or kind_from_columns(headers)
            if kind is None:
                problems.warning(
                    f"sheet {sheet.title!r} was skipped: its name and header say no table kind",
                    sheet=sheet.title,
                    cell=f"A{header_number}",
                    hint="name the sheet institutions, agreements or events "
                    "(учреждения, соглашения, мероприятия)",
                )
                continue
            table_rows: list[Row] = []
            for number, (values, written_row) in enumerate(rows, header_number + 1):
                if not any(_filled(v) for v in (*values, *written_row)):
                    continue
                record: dict[str, Any] = {}
                cells: dict[str, str] = {}
                for index, column in positions:
                    value = values[index] if index < len(values) else None
                    written = written_row[index] if index < len(written_row) else None
                    if value is None and isinstance(written, str) and written.startswith("="):
                        problems.error(
                            "a formula without a computed value",
                            sheet=sheet.title,
                            cell=f"{get_column_letter(index + 1)}{number}",
                            value=written,
                            hint="open and save the file in Excel or LibreOffice so that the "
                            "values are computed, or write the values themselves",
                        )
                    if isinstance(value, str):
                        value = value.strip()
                    record[column] = value
                    cells[column] = f"{get_column_letter(index + 1)}{number}"
                table_rows.append(Row(record, cells=cells))
            tables.append(
                Table(
                    str(path),
                    kind,
                    table_rows,
                    headers=headers,
                    sheet=sheet.title,
                    header_cells=header_cells,
                )
            )
    finally:
        workbook.close()
        if formulas is not None:
            formulas.close()
    if not tables:
        problems.error(
            "the workbook has no institutions, agreements or events sheet",
            hint="name the sheets institutions, agreements, events (or учреждения, "
            "соглашения, мероприятия)",
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
    return formulas[title].iter_rows(values_only=True)  # type: ignore[no-any-return]


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def scan_excel(path: Path, context: LoadContext) -> None:
    """First pass over a workbook (see :mod:`edukg.loaders.register`)."""
    scan_register(path, context, excel_tables, LOADER_NAME)


def read_excel(path: Path, context: LoadContext) -> SourceData | None:
    """Read an ``.xlsx`` register workbook."""
    return read_register(path, context, excel_tables, LOADER_NAME)
