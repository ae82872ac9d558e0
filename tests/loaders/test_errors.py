"""Each kind of bad input: the error names the file, the row and the column,
the value, and says how to fix it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edukg.core.errors import InputError, Problem
from edukg.loaders import load_files
from tests.loaders.conftest import AGREEMENTS, EVENTS, INSTITUTIONS, write_csv, write_xlsx


def errors_of(kg, paths, **options) -> list[Problem]:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as raised:
        load_files(kg, paths, **options)
    return [p for p in raised.value.problems if p.severity == "error"]


def only_error(kg, paths) -> Problem:  # type: ignore[no-untyped-def]
    errors = errors_of(kg, paths)
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


def edited(rows: list[list[str]], row: int, column: str, value: str) -> list[list[str]]:
    copy = [list(r) for r in rows]
    copy[row][copy[0].index(column)] = value
    return copy


@pytest.fixture
def institutions(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "institutions.csv", INSTITUTIONS)


CASES = [
    # (table, data row, column, value, message fragment, hint fragment)
    pytest.param(
        "agreements",
        2,
        "parties",
        "test-gym; pskov-iro-x",
        "no institution with this id",
        None,
        id="unknown-party",
    ),
    pytest.param(
        "agreements", 1, "signed", "31.02.2024", "no such date", "day", id="impossible-date"
    ),
    pytest.param(
        "agreements", 1, "valid_from", "March 2024", "not a date", "YYYY-MM-DD", id="date-format"
    ),
    pytest.param(
        "agreements",
        2,
        "type",
        "соглашенье",
        "unknown agreement kind",
        "did you mean",
        id="unknown-type",
    ),
    pytest.param(
        "agreements",
        1,
        "areas",
        "физкультура",
        "unknown cooperation area",
        "professional_development",
        id="unknown-area",
    ),
    pytest.param(
        "agreements", 1, "parties", "test-gym", "two or more different parties", ";", id="one-party"
    ),
    pytest.param(
        "agreements",
        1,
        "parties",
        "test-gym; test-gym",
        "two or more different parties",
        None,
        id="same-party-twice",
    ),
    pytest.param("agreements", 1, "parties", "", "needs its parties", None, id="no-parties"),
    pytest.param(
        "agreements",
        1,
        "valid_until",
        "2023-12-31",
        "ends before signed",
        None,
        id="ends-before-signed",
    ),
    pytest.param(
        "institutions",
        3,
        "country",
        "Беларуь",
        "unknown country",
        "did you mean",
        id="unknown-country",
    ),
    pytest.param("institutions", 1, "country", "", "needs a country", None, id="no-country"),
    pytest.param("institutions", 4, "name", "", "needs a name", None, id="no-name"),
    pytest.param(
        "institutions", 2, "wikidata", "Q-12", "not a Wikidata item", "Q1123", id="bad-wikidata"
    ),
    pytest.param(
        "institutions",
        2,
        "website",
        "not a site",
        "not a web address",
        "https://",
        id="bad-website",
    ),
    pytest.param("institutions", 2, "parent", "test-gym", "its own parent", None, id="own-parent"),
    pytest.param(
        "institutions",
        2,
        "type",
        "гимназиум",
        "unknown institution kind",
        "гимназия",
        id="unknown-institution-kind",
    ),
    pytest.param(
        "events", 1, "end", "09.04.2024", "ends before it starts", None, id="end-before-start"
    ),
    pytest.param("events", 2, "start", "", "needs a start date", None, id="no-start"),
    pytest.param(
        "events",
        1,
        "agreement",
        "test-a9",
        "no agreement with this id",
        "test-a1",
        id="unknown-agreement",
    ),
    pytest.param(
        "events", 1, "host", "Гимназия № 2", "no institution", "did you mean", id="unknown-host"
    ),
]


@pytest.mark.parametrize(("table", "row", "column", "value", "message", "hint"), CASES)
def test_each_error_names_its_line_and_column(  # type: ignore[no-untyped-def]
    kg, tmp_path, table, row, column, value, message, hint
) -> None:
    tables = {"institutions": INSTITUTIONS, "agreements": AGREEMENTS, "events": EVENTS}
    tables[table] = edited(tables[table], row, column, value)
    if (table, column) == ("institutions", "name"):
        tables[table] = edited(tables[table], row, "name_en", "")
    paths = [write_csv(tmp_path / f"{kind}.csv", rows) for kind, rows in tables.items()]
    error = only_error(kg, paths)
    assert error.file == str(tmp_path / f"{table}.csv")
    # Physical lines: the header is line 1; test-a2's parties cell spans three lines.
    assert error.line == row + 1
    assert error.column == column
    assert message in error.message
    if value:
        assert (error.value or "") in value
    if hint:
        assert hint in (error.hint or "")


def test_unknown_party_suggests_the_closest_id(kg, tmp_path, institutions) -> None:  # type: ignore[no-untyped-def]
    agreements = edited(AGREEMENTS, 1, "parties", "test-gim; Школа № 5 «Тестовая»")
    error = only_error(kg, [institutions, write_csv(tmp_path / "a.csv", agreements)])
    assert (error.line, error.column, error.value) == (2, "parties", "test-gim")
    assert error.hint is not None and error.hint.startswith("did you mean 'test-gym'")


def test_lines_are_physical_lines_after_multiline_cells(kg, tmp_path, institutions) -> None:  # type: ignore[no-untyped-def]
    agreements = [list(r) for r in AGREEMENTS] + [
        ["test-a3", "Третье", "test-gym; test-uni", "2024-13", "", "", "", "", ""]
    ]
    error = only_error(kg, [institutions, write_csv(tmp_path / "a.csv", agreements)])
    # test-a2 occupies lines 3-5, so test-a3 starts on line 6.
    assert (error.line, error.column, error.value) == (6, "signed", "2024-13")
    assert "no month 13" in error.message


def test_every_problem_of_every_file_is_reported_at_once(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    institutions = edited(INSTITUTIONS, 1, "country", "Атлантида")
    agreements = edited(edited(AGREEMENTS, 1, "signed", "31.02.2024"), 2, "type", "пакт")
    errors = errors_of(
        kg, [write_csv(tmp_path / "i.csv", institutions), write_csv(tmp_path / "a.csv", agreements)]
    )
    places = {(Path(e.file).name, e.line, e.column) for e in errors}
    assert {("i.csv", 2, "country"), ("a.csv", 2, "signed"), ("a.csv", 3, "type")} <= places


def test_missing_required_column(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [r[:4] + [r[6]] for r in INSTITUTIONS]  # no "country" column
    error = only_error(kg, [write_csv(tmp_path / "i.csv", rows)])
    assert (error.line, error.column) == (1, "country")
    assert "no 'country' column" in error.message


def test_row_with_too_many_values(kg, tmp_path, institutions) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.csv"
    text = 'id;title;parties\r\nx1;Раз;"test-gym; test-uni"\r\nx2;Два;test-gym;test-uni\r\n'
    path.write_bytes(text.encode("cp1251"))
    error = only_error(kg, [institutions, path])
    assert error.line == 3
    assert "3 columns" in error.message and "quotes" in (error.hint or "")


def test_duplicate_ids_point_at_both_rows(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [list(r) for r in INSTITUTIONS] + [
        ["test-gym", "Другая гимназия", "", "", "BY"] + [""] * 5
    ]
    error = only_error(kg, [write_csv(tmp_path / "i.csv", rows)])
    assert (error.line, error.column, error.value) == (6, "id", "test-gym")
    assert "i.csv:3" in (error.hint or "")


def test_ambiguous_name_asks_for_the_id(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [list(r) for r in INSTITUTIONS] + [
        ["test-gym-kz", "Гимназия № 1 «Тестовая»", "", "", "KZ"] + [""] * 5
    ]
    agreements = edited(AGREEMENTS, 1, "parties", "Гимназия № 1 «Тестовая»; test-uni")
    errors = errors_of(
        kg, [write_csv(tmp_path / "i.csv", rows), write_csv(tmp_path / "a.csv", agreements)]
    )
    [error] = [e for e in errors if e.file.endswith("a.csv")]
    assert (error.line, error.column) == (2, "parties")
    assert "more than one institution" in error.message
    assert "test-gym" in (error.hint or "") and "test-gym-kz" in (error.hint or "")


def test_unreadable_header_asks_for_kind(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_csv(tmp_path / "x.csv", [["what", "ever"], ["a", "b"]])
    error = only_error(kg, [path])
    assert error.line == 1 and "--kind" in (error.hint or "")


def test_excel_errors_name_sheet_and_cell(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    agreements = edited(AGREEMENTS, 2, "signed", "31.02.2024")
    institutions = edited(INSTITUTIONS, 4, "country", "Казахстн")
    path = write_xlsx(
        tmp_path / "реестр.xlsx", {"учреждения": institutions, "соглашения": agreements}
    )
    errors = errors_of(kg, [path])
    places = {(e.sheet, e.cell, e.column, e.value) for e in errors}
    # signed is column D; the second agreement is on row 3 (header on row 1).
    assert ("соглашения", "D3", "signed", "31.02.2024") in places
    assert ("учреждения", "E5", "country", "Казахстн") in places
    country = next(e for e in errors if e.cell == "E5")
    assert "did you mean" in (country.hint or "")
    assert country.place == f"{path}[учреждения]!E5"


def test_excel_real_dates_and_year_numbers(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    agreements = [
        AGREEMENTS[0],
        ["x1", "Дата", "test-gym; test-uni", dt.date(2024, 2, 29), "", 2026, "", "", ""],
    ]
    path = write_xlsx(tmp_path / "r.xlsx", {"учреждения": INSTITUTIONS, "соглашения": agreements})
    load_files(kg, [path])
    assert kg.ask(
        "ASK { ?a edukg:signedOn '2024-02-29'^^xsd:date ; schema:validThrough '2026'^^xsd:gYear }"
    )


def test_json_errors_name_the_record_line(kg, tmp_path, institutions) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.json"
    path.write_text(
        '[\n  {"id": "j1", "parties": ["test-gym", "test-uni"]},\n'
        '  {"id": "j2",\n   "parties": ["test-gym", "test-unii"]}\n]\n',
        encoding="utf-8",
    )
    error = only_error(kg, [institutions, path])
    assert (error.line, error.column, error.value) == (3, "parties", "test-unii")


def test_json_syntax_error_has_line_and_column(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.json"
    path.write_text('[\n {"name": "A", "country": "BY"}\n {"name": "B"}\n]', encoding="utf-8")
    error = only_error(kg, [path])
    assert (error.line, error.column) == (3, 2)


def test_json_object_keys_in_russian(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.json"
    path.write_text(
        json.dumps(
            {
                "учреждения": [
                    {"name": "Лицей", "country": "BY"},
                    {"name": "Колледж", "country": "RU"},
                ],
                "соглашения": [{"parties": "Лицей; Колледж"}],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    load_files(kg, [path])
    assert kg.ask("ASK { ?a edukg:hasParty ?x, ?y . FILTER (?x != ?y) }")
