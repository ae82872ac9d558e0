"""Warnings that do not block a load, and the CORDIS participation table."""

from __future__ import annotations

from pathlib import Path

import pytest

from edukg.core.errors import InputError
from edukg.loaders import load_files
from tests.loaders.conftest import AGREEMENTS, DATA, INSTITUTIONS, write_csv

CORDIS = DATA / "cordis"


def test_unknown_columns_are_reported_not_dropped_silently(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [r + [v] for r, v in zip(INSTITUTIONS, ["contry", "x", "y", "z", "w"], strict=True)]
    result = load_files(kg, [write_csv(tmp_path / "i.csv", rows)])
    [warning] = result.warnings
    assert (warning.line, warning.column) == (1, "contry")
    assert "ignored" in warning.message and "did you mean 'country'" in (warning.hint or "")


def test_a_name_matched_only_after_normalisation_is_a_warning(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    agreements = [
        AGREEMENTS[0],
        ["n1", "", 'гимназия № 1 "тестовая"; test-uni', "", "", "", "", "", ""],
    ]
    result = load_files(
        kg, [write_csv(tmp_path / "i.csv", INSTITUTIONS), write_csv(tmp_path / "a.csv", agreements)]
    )
    [warning] = result.warnings
    assert (Path(warning.file).name, warning.line, warning.column) == ("a.csv", 2, "parties")
    assert "only after normalising" in warning.message
    assert "Гимназия № 1 «Тестовая»" in (warning.hint or "")


def test_a_probable_duplicate_institution_is_a_warning(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [list(r) for r in INSTITUTIONS] + [
        ["gym-again", "ГИМНАЗИЯ № 1 «ТЕСТОВАЯ»", "", "", "Belarus"] + [""] * 5
    ]
    result = load_files(kg, [write_csv(tmp_path / "i.csv", rows)])
    duplicates = [w for w in result.warnings if "duplicate" in w.message]
    assert {(w.line, w.column) for w in duplicates} == {(3, "name"), (6, "name")}


def test_a_website_without_scheme_is_completed_with_a_warning(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [list(r) for r in INSTITUTIONS]
    rows[1][7] = "www.dept.example.by"
    result = load_files(kg, [write_csv(tmp_path / "i.csv", rows)])
    assert [(w.line, w.column) for w in result.warnings] == [(2, "website")]
    assert kg.ask("ASK { ?i schema:url <http://www.dept.example.by> }")


# ---------------------------------------------------------------- CORDIS


def test_cordis_subset_becomes_institutions_and_multilateral_agreements(kg) -> None:  # type: ignore[no-untyped-def]
    result = load_files(kg, [CORDIS / "cordis-subset-cut.csv"])
    change = result.changes[0]
    assert change.records_added == 5 + 27  # 5 projects, 27 organisations (one row each)
    rows = kg.select(
        """SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {
             ?a dcterms:identifier "cordis-212469" ; edukg:hasParty ?p }"""
    )
    assert int(rows[0]["n"].value) == 13
    assert kg.ask(
        """ASK { ?a dcterms:identifier "cordis-205236" ; schema:validFrom ?from ;
                   edukg:qualifiedParty ?q . ?q org:role role:coordinator ; org:member ?i .
                 ?i edukg:country country:GB ; edukg:kind ikind:higher_or_secondary_education ;
                    skos:note ?note . FILTER (CONTAINS(?note, "HES")) }"""
    )
    assert kg.ask("ASK { ?q org:role role:partner }")
    # One warning counts the unnamed organisations (not one line each).
    [unnamed] = [w for w in result.warnings if "no name" in w.message]
    assert unnamed.message.startswith("6 organisation(s) have no name") and unnamed.line
    assert kg.ask("ASK { ?i skos:prefLabel 'CORDIS organisation PIC 929283572'@en }")


def test_cordis_na_country_is_namibia_only_for_third_countries(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = load_files(kg, [CORDIS / "h2020-participations-cut.csv"])
    namibia = [w for w in result.warnings if "Namibia" in w.message]
    assert [(w.line, w.column, w.value) for w in namibia] == [
        (4, "country", "NA"),
        (12, "country", "NA"),
    ]
    assert kg.ask("ASK { ?i dcterms:identifier '929267470' ; edukg:country country:NA }")
    single = [w for w in result.warnings if "fewer than two" in w.message]
    assert [(w.line, w.value) for w in single] == [(2, "214359")]
    assert not kg.ask("ASK { ?a dcterms:identifier 'cordis-214359' }")
    # The same NA in a row that is not a third country's is a missing country.
    lines = (CORDIS / "h2020-participations-cut.csv").read_text("utf-8").splitlines()
    lines[3] = lines[3].replace(",tc,", ",eu15,")
    path = tmp_path / "cordis.csv"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = load_files(kg, [path])
    missing = [w for w in result.warnings if "country missing" in w.message]
    assert [(w.line, w.value) for w in missing] == [(4, "NA")]


def test_cordis_in_windows_1251_with_semicolons(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import csv
    import io

    rows = list(csv.reader(io.StringIO((CORDIS / "cordis-subset-cut.csv").read_text("utf-8"))))
    rows[1][15] = "Белорусский государственный университет (переименовано для теста)"
    path = write_csv(tmp_path / "cordis-1251.csv", rows, encoding="cp1251", delimiter=";")
    load_files(kg, [path])
    assert kg.ask(
        "ASK { ?i skos:prefLabel "
        "'Белорусский государственный университет (переименовано для теста)' }"
    )


def test_cordis_bad_dates_are_errors_with_their_place(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lines = (CORDIS / "cordis-subset-cut.csv").read_text("utf-8").splitlines()
    header = lines[0].split(",")
    values = lines[1].split(",")
    values[header.index("start_date")] = "2018-02-31"
    lines[1] = ",".join(values)
    path = tmp_path / "c.csv"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(InputError) as raised:
        load_files(kg, [path])
    [error] = raised.value.problems[:1]
    assert (error.line, error.column, error.value) == (2, "start_date", "2018-02-31")


def test_cordis_and_register_in_one_load_are_all_or_nothing(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.loaders.conftest import dump

    before = dump(kg)
    bad = write_csv(
        tmp_path / "i.csv", [INSTITUTIONS[0], ["x", "Школа", "", "", "Нарния"] + [""] * 5]
    )
    with pytest.raises(InputError):
        load_files(kg, [CORDIS / "cordis-subset-cut.csv", bad])
    assert dump(kg) == before
