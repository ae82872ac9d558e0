"""Data that used to vanish or merge silently is now an error at load time."""

from __future__ import annotations

from pathlib import Path

import pytest

from edukg.core.errors import InputError
from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files
from tests.loaders.conftest import AGREEMENTS, INSTITUTIONS, write_csv


def _errors(kg: KnowledgeGraph, paths: list[Path]) -> list[str]:
    with pytest.raises(InputError) as raised:
        load_files(kg, paths)
    return [str(p) for p in raised.value.problems if p.severity == "error"]


def test_two_institution_ids_making_the_same_iri_are_an_error(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    rows = [INSTITUTIONS[0], list(INSTITUTIONS[1]), list(INSTITUTIONS[2])]
    rows[1][0], rows[2][0] = "Sch-1", "sch 1"
    (error,) = _errors(kg, [write_csv(tmp_path / "institutions.csv", rows)])
    assert "'sch 1' and 'Sch-1' make the same IRI" in error and "institutions.csv:3" in error
    assert kg.sources() == []


def test_an_institution_id_reused_by_another_load_with_another_country_is_an_error(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    load_files(kg, [write_csv(tmp_path / "first.csv", INSTITUTIONS[:3])])
    moved = [INSTITUTIONS[0], list(INSTITUTIONS[2])]
    moved[1][INSTITUTIONS[0].index("country")] = "RU"
    (error,) = _errors(kg, [write_csv(tmp_path / "second.csv", moved)])
    assert "'test-gym' is already defined in source first.csv with country BY" in error
    assert "this row says RU" in error
    assert [info.name for info in kg.sources()] == ["first.csv"]


def test_reloading_the_same_source_with_another_country_is_no_conflict(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "first.csv", INSTITUTIONS)
    load_files(kg, [path])
    moved = [list(row) for row in INSTITUTIONS]
    moved[2][INSTITUTIONS[0].index("country")] = "RU"
    write_csv(path, moved)
    (change,) = load_files(kg, [path]).changes
    assert change.added > 0


def test_an_agreement_id_reused_in_another_file_with_another_title_is_an_error(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    institutions = write_csv(tmp_path / "institutions.csv", INSTITUTIONS)
    first = write_csv(tmp_path / "agreements.csv", AGREEMENTS[:2])
    load_files(kg, [institutions, first])
    other = [AGREEMENTS[0], list(AGREEMENTS[1])]
    other[1][1], other[1][3] = "Другое соглашение", "2020-01-01"
    (error,) = _errors(kg, [write_csv(tmp_path / "more-agreements.csv", other)])
    assert "'test-a1' is already defined in source agreements.csv" in error
    assert "title" in error and "signing date '2024-03-15'" in error


def test_an_xlsx_formula_without_a_computed_value_is_an_error_not_an_empty_cell(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    from tests.loaders.conftest import write_xlsx

    rows = [list(row) for row in INSTITUTIONS[:3]]
    rows[2][INSTITUTIONS[0].index("city")] = '=CONCATENATE("Бор", "исов")'
    with pytest.raises(InputError) as raised:
        load_files(kg, [write_xlsx(tmp_path / "register.xlsx", {"institutions": rows})])
    (problem,) = raised.value.problems
    assert problem.message == "a formula without a computed value"
    assert (problem.sheet, problem.cell) == ("institutions", "G3")
    assert kg.sources() == []


def test_json_nested_100000_deep_is_a_located_error_not_a_recursion_error(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_files(kg, [path])
    assert "nested too deeply" in raised.value.problems[0].message


def test_json_records_keep_their_lines_when_there_are_many() -> None:
    import json

    from edukg.loaders.json_loader import records_with_lines

    text = json.dumps([{"name": f"n{number}"} for number in range(5000)], indent=1)
    numbered = records_with_lines(text)
    assert [line for line, _ in numbered[:3]] == [2, 5, 8] and numbered[-1][0] == 3 * 4999 + 2


def test_a_header_only_file_is_refused_unless_empty_loads_are_allowed(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "institutions.csv", INSTITUTIONS[:1])
    with pytest.raises(InputError) as raised:
        load_files(kg, [path])
    assert "holds no records" in raised.value.problems[0].message
    assert kg.sources() == []
    (change,) = load_files(kg, [path], allow_empty=True).changes
    assert change.new_source and change.total == 0


def test_json_without_register_keys_is_refused(kg: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"something": [1, 2]}', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_files(kg, [path])
    assert any("holds no records" in p.message for p in raised.value.problems)


def test_the_year_0000_is_refused(kg: KnowledgeGraph, tmp_path: Path) -> None:
    rows = [list(row) for row in AGREEMENTS]
    rows[1][AGREEMENTS[0].index("signed")] = "0000"
    institutions = write_csv(tmp_path / "institutions.csv", INSTITUTIONS)
    errors = _errors(kg, [institutions, write_csv(tmp_path / "agreements.csv", rows)])
    assert any("the year 0000 is not a plausible date" in error for error in errors)


def test_records_already_in_another_source_are_not_counted_as_new(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    first = write_csv(tmp_path / "first.csv", INSTITUTIONS)
    (change,) = load_files(kg, [first]).changes
    assert change.records_added == len(INSTITUTIONS) - 1
    second = write_csv(tmp_path / "second.csv", INSTITUTIONS[:2])  # test-dept, as in first.csv
    (change,) = load_files(kg, [second]).changes
    assert change.new_source and change.records_added == 0


def test_an_unclosed_csv_quote_is_named_not_a_missing_country(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    path = tmp_path / "institutions.csv"
    path.write_text(
        "id,name,country\na,\"Школа № 1,BY\nb,Школа № 2,BY\n", encoding="utf-8"
    )
    (error,) = _errors(kg, [path])
    assert "never closed" in error and "institutions.csv:2" in error


def test_a_latin1_file_is_not_silently_read_as_windows_1251(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    rows = [INSTITUTIONS[0], ["fr-1", "Ecole été café", "", "", "FR", "", "Paris", "", "", ""]]
    path = write_csv(tmp_path / "institutions.csv", rows, encoding="latin-1")
    (error,) = _errors(kg, [path])
    assert "Latin-1" in error and "institutions.csv:2" in error


def test_a_windows_1251_file_still_loads(kg: KnowledgeGraph, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "institutions.csv", INSTITUTIONS, encoding="cp1251")
    (change,) = load_files(kg, [path]).changes
    assert change.records_added == len(INSTITUTIONS) - 1


def test_a_parent_cycle_of_two_institutions_is_an_error(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    rows = [list(row) for row in INSTITUTIONS[:3]]
    rows[1][INSTITUTIONS[0].index("parent")] = "test-gym"  # test-dept under test-gym
    (error,) = _errors(kg, [write_csv(tmp_path / "institutions.csv", rows)])
    assert "go round in a circle" in error and "institutions.csv:3" in error


def test_an_institution_id_reused_with_another_type_is_an_error(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    load_files(kg, [write_csv(tmp_path / "first.csv", INSTITUTIONS[:3])])
    retyped = [INSTITUTIONS[0], list(INSTITUTIONS[2])]
    retyped[1][INSTITUTIONS[0].index("type")] = "ВНУ"
    (error,) = _errors(kg, [write_csv(tmp_path / "second.csv", retyped)])
    assert "'test-gym' is already defined in source first.csv as" in error
