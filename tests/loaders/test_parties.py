"""The parties table: each party's role, signing date and signatory, in CSV, XLSX and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edukg.core.errors import InputError
from edukg.graph.validate import validate
from edukg.loaders import load_files
from tests.loaders.conftest import AGREEMENTS, BASE, INSTITUTIONS, write_csv, write_xlsx

PARTIES = [
    ["agreement", "party", "role", "signed", "signatory"],
    ["test-a1", "test-gym", "координатор", "14.03.2024", "Иванова И. И., директор"],
    ["test-a1", "Школа № 5 «Тестовая»", "partner", "2024-03-15", ""],
    ["test-a2", "test-uni", "participant", "", ""],
]
ROLE = "https://w3id.org/edukg/concept/party-role/"
ORG = "http://www.w3.org/ns/org#"
EDUKG = "https://w3id.org/edukg/ontology#"
A1 = BASE + "agreement/test-a1"


def _records(rows: list[list[str]]) -> list[dict[str, str]]:
    return [
        {k: v for k, v in zip(rows[0], row, strict=True) if v != ""} for row in rows[1:]
    ]


def csv_form(tmp_path: Path, parties: list[list[str]]) -> list[Path]:
    return [
        write_csv(tmp_path / "institutions.csv", INSTITUTIONS),
        write_csv(tmp_path / "agreements.csv", AGREEMENTS),
        write_csv(tmp_path / "parties.csv", parties),
    ]


def xlsx_form(tmp_path: Path, parties: list[list[str]]) -> list[Path]:
    sheets = {"учреждения": INSTITUTIONS, "соглашения": AGREEMENTS, "стороны": parties}
    return [write_xlsx(tmp_path / "register.xlsx", sheets)]


def json_form(tmp_path: Path, parties: list[list[str]]) -> list[Path]:
    agreements = _records(AGREEMENTS)
    for record in agreements:
        listed = str(record["parties"]).replace("\n", ";")
        record["parties"] = [p.strip() for p in listed.split(";")]
    register = {
        "institutions": _records(INSTITUTIONS),
        "agreements": agreements,
        "parties": _records(parties),
    }
    path = tmp_path / "register.json"
    path.write_text(json.dumps(register, ensure_ascii=False, indent=2), encoding="utf-8")
    return [path]


FORMS = [
    pytest.param(csv_form, id="csv"),
    pytest.param(xlsx_form, id="xlsx"),
    pytest.param(json_form, id="json"),
]


def party_rows(kg) -> set[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    rows = kg.select(
        """SELECT ?agreement ?member ?role ?signed ?signatory WHERE {
             ?agreement edukg:qualifiedParty ?p . ?p org:member/dcterms:identifier ?member ;
                org:role ?role .
             OPTIONAL { ?p edukg:signedOn ?signed } OPTIONAL { ?p edukg:signatory ?signatory } }"""
    )
    return {
        (
            r["agreement"].value.rsplit("/", 1)[-1],
            r["member"].value,
            r["role"].value.rsplit("/", 1)[-1],
            r["signed"].value if r["signed"] is not None else "",
        )
        for r in rows
    } | {("signatory", r["signatory"].value, "", "") for r in rows if r["signatory"] is not None}


@pytest.mark.parametrize("form", FORMS)
def test_parties_table_gives_roles_dates_and_signatories(form, kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = load_files(kg, form(tmp_path, PARTIES))
    assert result.warnings == []
    rows = party_rows(kg)
    assert ("test-a1", "test-gym", "coordinator", "2024-03-14") in rows
    assert ("signatory", "Иванова И. И., директор", "", "") in rows
    assert ("test-a2", "test-uni", "participant", "") in rows
    assert ("test-a2", "test-dept", "party", "") in rows  # not in the parties table: a plain party
    assert validate(kg).conforms


def test_every_form_gives_the_same_party_graph(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    graphs = []
    for number, form in enumerate((csv_form, xlsx_form, json_form)):
        folder = tmp_path / str(number)
        folder.mkdir()
        load_files(kg, form(folder, PARTIES), source_names=None)
        graphs.append(
            {
                (q.subject.value, q.predicate.value, str(q.object))
                for q in kg.oxigraph.quads_for_pattern(None, None, None)
                if "/party/" in q.subject.value
            }
        )
        for source in kg.sources():
            kg.remove_source(source.name)
    assert graphs[0] == graphs[1] == graphs[2] and graphs[0]


def test_a_party_the_agreement_does_not_list_is_added(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    parties = [PARTIES[0], ["test-a1", "test-uni", "partner", "", ""]]
    load_files(kg, csv_form(tmp_path, parties))
    members = kg.select(f"SELECT ?m WHERE {{ <{A1}> edukg:hasParty/dcterms:identifier ?m }}")
    assert "test-uni" in {r["m"].value for r in members}
    assert validate(kg).conforms


BAD_ROWS = [
    pytest.param(["test-a9", "test-gym", "", "", ""], "agreement",
                 "no agreement with this id", "did you mean", id="unknown-agreement"),
    pytest.param(["test-a1", "test-gymm", "", "", ""], "party",
                 "no institution with this id or name", "did you mean 'test-gym'",
                 id="unknown-party"),
    pytest.param(["test-a2", "test-dept", "", "31.02.2024", ""], "signed",
                 "no such date", "check the day", id="bad-date"),
    pytest.param(["test-a2", "test-dept", "координатр", "", ""], "role",
                 "unknown party role", "did you mean", id="unknown-role"),
]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("row", "column", "message", "hint"), BAD_ROWS)
def test_a_bad_party_row_is_a_located_error(form, row, column, message, hint, kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as raised:
        load_files(kg, form(tmp_path, [*PARTIES[:2], PARTIES[3], row]))
    [problem] = raised.value.problems
    assert message in problem.message and hint in (problem.hint or "")
    assert problem.column == column
    if form is xlsx_form:
        letter = "ABCDE"[PARTIES[0].index(column)]
        assert (problem.sheet, problem.cell) == ("стороны", f"{letter}4")
    elif form is csv_form:
        assert (Path(problem.file).name, problem.line) == ("parties.csv", 4)
    else:
        text = (tmp_path / "register.json").read_text("utf-8").splitlines()
        assert text[problem.line - 1].strip() == "{"
        assert row[0] in text[problem.line]
    assert kg.sources() == []


def test_a_party_listed_twice_is_an_error_pointing_at_the_first(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as raised:
        load_files(kg, csv_form(tmp_path, [*PARTIES, PARTIES[1]]))
    [problem] = raised.value.problems
    assert "listed twice" in problem.message and "parties.csv:2" in (problem.hint or "")


def test_the_parties_table_needs_its_agreement_in_the_same_load(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    files = csv_form(tmp_path, PARTIES)
    load_files(kg, files[:2])
    with pytest.raises(InputError) as raised:
        load_files(kg, files[2:])
    messages = {p.message for p in raised.value.problems}
    assert messages == {"the agreement is in the store, not in this load"}


def test_the_party_roles_show_in_the_agreements_listing(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from edukg.queries.runner import run_query

    load_files(kg, csv_form(tmp_path, PARTIES))
    parties = {r["agreement"]: r["parties"] for r in run_query(kg, "agreements").records()}
    assert "Гимназия № 1 «Тестовая» (координатор)" in parties[A1]
    assert "Школа № 5 «Тестовая» (партнёр)" in parties[A1]
    assert "Управление образования «Тестовое»" in parties[BASE + "agreement/test-a2"]
    assert "(сторона)" not in parties[BASE + "agreement/test-a2"]


def test_roles_dates_and_signatories_as_columns_of_the_agreements_table(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    agreements = [
        [*AGREEMENTS[0], "roles", "signing_dates", "signatories"],
        [*AGREEMENTS[1], "координатор; partner", "14.03.2024; -", "Иванова И. И., директор; -"],
        [*AGREEMENTS[2], "", "", ""],
    ]
    files = [
        write_csv(tmp_path / "institutions.csv", INSTITUTIONS),
        write_csv(tmp_path / "agreements.csv", agreements),
    ]
    result = load_files(kg, files)
    assert result.warnings == []
    rows = party_rows(kg)
    assert ("test-a1", "test-gym", "coordinator", "2024-03-14") in rows
    assert ("signatory", "Иванова И. И., директор", "", "") in rows
    assert {r for r in rows if r[0] == "test-a2"} == {  # empty cells: plain parties
        ("test-a2", "test-dept", "party", ""), ("test-a2", "test-uni", "party", "")
    }
    assert validate(kg).conforms


def test_a_roles_column_with_the_wrong_number_of_items_is_a_located_error(kg, tmp_path) -> None:  # type: ignore[no-untyped-def]
    agreements = [[*AGREEMENTS[0], "roles"], [*AGREEMENTS[1], "координатор"]]
    files = [
        write_csv(tmp_path / "institutions.csv", INSTITUTIONS),
        write_csv(tmp_path / "agreements.csv", agreements),
    ]
    with pytest.raises(InputError) as raised:
        load_files(kg, files)
    [problem] = raised.value.problems
    assert (Path(problem.file).name, problem.line, problem.column) == ("agreements.csv", 2, "roles")
    assert "1 item(s) for 2 parties" in problem.message
