"""``edukg load`` with registers: --kind, --report, exit codes, change lines, quiet in pipes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.conftest import run_edukg
from tests.loaders.conftest import AGREEMENTS, INSTITUTIONS, TABLES, write_csv


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    result = run_edukg(*args, cwd=Path.cwd())
    return result.returncode, result.stdout, result.stderr


def test_load_prints_what_changed_and_reimport_prints_unchanged(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    store = str(tmp_path / "store")
    paths = [str(write_csv(tmp_path / f"{k}.csv", rows)) for k, rows in TABLES.items()]
    code, out, err = run(capsys, "--store", store, "load", *paths)
    assert code == 0, err
    assert "institutions.csv: loaded, +" in out and "records: 4 new, 0 changed, 0 removed" in out
    assert "\x1b[" not in err  # no progress bar, no colours when not a terminal
    code, out, _ = run(capsys, "--store", store, "load", *paths)
    assert out.count("unchanged") == 3


def test_kind_option_reads_a_header_that_says_nothing(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    store = str(tmp_path / "store")
    path = write_csv(tmp_path / "list.csv", [["id", "title"], ["x", "Без заголовка"]])
    code, _, err = run(capsys, "--store", store, "load", str(path))
    assert code == 1 and "--kind" in err
    institutions = write_csv(
        tmp_path / "i.csv", [["id", "name_ru", "country"], ["a", "Школа", "BY"]]
    )
    code, out, err = run(
        capsys, "--store", store, "load", "--kind", "institutions", str(institutions)
    )
    assert code == 0, err


def test_failing_load_exits_1_writes_the_report_and_nothing_else(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    store = str(tmp_path / "store")
    bad = [list(r) for r in AGREEMENTS]
    bad[1][3] = "31.02.2024"
    paths = [
        str(write_csv(tmp_path / "i.csv", INSTITUTIONS)),
        str(write_csv(tmp_path / "a.csv", bad, encoding="cp1251", delimiter=";")),
    ]
    report = tmp_path / "problems.csv"
    code, _, err = run(capsys, "--store", store, "load", "--report", str(report), *paths)
    assert code == 1
    assert "a.csv:2:signed: error: no such date" in err and "Traceback" not in err
    with report.open(encoding="utf-8-sig") as handle:
        [row] = list(csv.DictReader(handle))
    assert (row["line"], row["column"], row["value"]) == ("2", "signed", "31.02.2024")
    json_report = tmp_path / "problems.json"
    run(capsys, "--store", store, "load", "--report", str(json_report), *paths)
    assert json.loads(json_report.read_text("utf-8"))[0]["value"] == "31.02.2024"
    code, out, _ = run(capsys, "--store", store, "sources")
    assert "no sources" in out


def test_progress_bar_is_quiet_in_ci(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from edukg.cli.progress import load_progress, wants_progress

    monkeypatch.setenv("CI", "true")
    assert not wants_progress()
    with load_progress() as progress:
        assert progress is None
    with load_progress(enabled=True) as progress:
        assert progress is not None
        progress("x", 1, 2)


def test_examples_and_templates_load_and_conform(tmp_path, kg) -> None:  # type: ignore[no-untyped-def]
    from edukg.graph.validate import validate
    from edukg.loaders import load_files

    examples = Path(__file__).resolve().parents[2] / "examples"
    illustrative = Path(__file__).resolve().parents[1] / "data" / "illustrative"
    load_files(kg, sorted(illustrative.glob("illustrative-*.csv")))
    templates = examples / "templates"
    load_files(kg, [templates / "register.json"])
    # The CSV templates are one register: the school comes from register.json.
    load_files(
        kg,
        [
            templates / name
            for name in ("institutions.csv", "agreements.csv", "events.csv", "parties.csv")
        ],
    )
    roles = kg.select(
        "SELECT DISTINCT ?p ?role WHERE { ?p a edukg:AgreementParty ; "
        "org:role/skos:notation ?role ; edukg:signatory ?who }"
    )
    assert [r["role"].value for r in roles] == ["coordinator"]
    report = validate(kg)
    assert report.conforms, [str(v) for v in report.violations]
    labels = [
        r["l"].value
        for r in kg.select(
            "SELECT ?l WHERE { ?s a ?c ; skos:prefLabel ?l . "
            "VALUES ?c { edukg:Institution edukg:CooperationAgreement edukg:CooperationEvent } }"
        )
    ]
    assert labels and all(
        "иллюстративный пример" in label
        or "illustrative" in label
        or "образец" in label
        or "sample" in label
        or "узор" in label
        for label in labels
    )


def test_warnings_are_grouped_by_kind_and_the_report_keeps_every_one(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    cut = Path(__file__).resolve().parents[1] / "data" / "universities"
    records = json.loads((cut / "world-universities-cut.json").read_text("utf-8"))
    path = tmp_path / "universities.json"
    path.write_text(json.dumps(records + records[:5], ensure_ascii=False, indent=1), "utf-8")
    institutions = [list(r) for r in INSTITUTIONS]
    institutions[0] = [*institutions[0], "contry"]
    institutions[1:] = [[*r, ""] for r in institutions[1:]]
    register = write_csv(tmp_path / "i.csv", institutions)
    report = tmp_path / "problems.json"
    code, out, err = run(
        capsys, "--store", ":memory:", "load", "--report", str(report), str(path), str(register)
    )
    assert code == 0, err
    lines = err.splitlines()
    [summary] = [line for line in lines if "×" in line]
    assert summary.startswith("warning: 5 × the same university")
    examples = lines[lines.index(summary) + 1 : lines.index(summary) + 4]
    assert all(line.startswith("  ") and "universities.json:" in line for line in examples)
    assert f"… and 2 more (all of them are in {report})" in err
    assert "i.csv:1:contry: warning: column 'contry'" in err  # a kind seen once is shown in full
    saved = json.loads(report.read_text("utf-8"))
    assert [p["code"] for p in saved].count("universities-repeated") == 5
    assert len(saved) == 6


def test_many_errors_of_one_kind_are_counted_after_twenty_examples(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    cut = Path(__file__).resolve().parents[1] / "data" / "universities"
    records = json.loads((cut / "world-universities-cut.json").read_text("utf-8"))
    for record in records:
        record.update(alpha_two_code="QQ", country="Atlantis")
    path = tmp_path / "universities.json"
    path.write_text(json.dumps(records, ensure_ascii=False, indent=1), "utf-8")
    code, _, err = run(capsys, "--store", ":memory:", "load", str(path))
    assert code == 1
    assert f"error: {len(records)} × unknown country" in err
    assert f"… and {len(records) - 20} more (--report FILE lists every one)" in err
    assert err.count("alpha_two_code must be an ISO 3166-1") == 1  # the shared hint, once
