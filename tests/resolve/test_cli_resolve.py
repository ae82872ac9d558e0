"""``edukg resolve`` as a user runs it: listing, accept, export, apply, registries."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import DATA, run_edukg

ID = "https://edukg.example/id/institution/"


def test_listing_accept_export_and_apply(tmp_path: Path) -> None:
    store = ["--store", str(tmp_path / "store")]
    loaded = run_edukg(
        *store,
        "load",
        str(DATA / "resolve-ministry.ttl"),
        str(DATA / "resolve-cordis.ttl"),
        cwd=tmp_path,
    )
    assert loaded.returncode == 0, loaded.stderr
    assert (
        "1 likely duplicate(s)" in loaded.stdout and "BELARUSIAN STATE UNIVERSITY" in loaded.stdout
    )

    listed = run_edukg(*store, "resolve", "--format", "csv", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    rows = list(csv.reader(io.StringIO(listed.stdout)))
    assert rows[0][:4] == ["left", "right", "score", "reasons"]
    assert [row[:2] for row in rows[1:]] == [[ID + "bsu-ministry", ID + "cordis-999"]]

    nothing = run_edukg(*store, "resolve", "--format", "json", "--min-score", "100.0", cwd=tmp_path)
    assert json.loads(nothing.stdout)[0]["reasons"] == "translation"

    decisions = tmp_path / "decisions.csv"  # the listing, with a verdict column filled in
    with decisions.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([rows[0] + ["verdict"], rows[1] + ["accept"]])
    applied = run_edukg(
        *store, "resolve", "--apply", str(decisions), "--author", "anna", cwd=tmp_path
    )
    assert applied.returncode == 0, applied.stderr
    assert "applied 1 decision(s): 1 accepted" in applied.stderr

    exported = run_edukg(*store, "resolve", "--export", cwd=tmp_path)
    (decision,) = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert (decision["verdict"], decision["author"]) == ("accept", "anna")

    rejected = run_edukg(*store, "resolve", "reject", ID + "school3", ID + "school30", cwd=tmp_path)
    assert rejected.returncode == 0 and "stay two institutions" in rejected.stdout
    partners = run_edukg(
        *store, "query", "partners", "-p", f"institution={ID}pskov", "-f", "csv", cwd=tmp_path
    )
    assert partners.stdout.count("\n") == 2  # header and the one merged university


def test_deciding_on_an_unknown_iri_exits_1(tmp_path: Path) -> None:
    store = ["--store", str(tmp_path / "store")]
    run_edukg(*store, "load", str(DATA / "resolve-ministry.ttl"), cwd=tmp_path)
    unknown = run_edukg(*store, "resolve", "accept", ID + "pskov", ID + "nowhere", cwd=tmp_path)
    assert unknown.returncode == 1 and "says nothing about" in unknown.stderr
    not_iri = run_edukg(*store, "resolve", "reject", ID + "pskov", "bsu", cwd=tmp_path)
    assert not_iri.returncode == 1 and "is not an IRI" in not_iri.stderr


def test_a_bad_decisions_file_exits_1_with_located_problems(tmp_path: Path) -> None:
    path = tmp_path / "decisions.csv"
    path.write_text("left,right,verdict\nbsu,x:y,accept\n", "utf-8")
    done = run_edukg(
        "--store", str(tmp_path / "store"), "resolve", "--apply", str(path), cwd=tmp_path
    )
    assert done.returncode == 1
    assert "decisions.csv:2:left" in done.stderr and "Traceback" not in done.stderr


def test_registries_link_to_ror_and_take_missing_labels(tmp_path: Path) -> None:
    store = ["--store", str(tmp_path / "store")]
    run_edukg(*store, "load", str(DATA / "resolve-ministry.ttl"), cwd=tmp_path)
    done = run_edukg(
        *store, "resolve", "registries", "--ror", str(DATA / "ror-by-cut.json"), cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert f"{ID}bsu-ministry skos:exactMatch https://ror.org/" in done.stdout
    assert (
        "Belarusian State University@en" in done.stdout
        and "Беларускі дзяржаўны ўніверсітэт@be" in done.stdout
    )
    asked = run_edukg(
        *store,
        "sparql",
        "-f",
        "csv",
        "SELECT ?ror ?url WHERE { ?i skos:exactMatch ?ror ; schema:url ?url ; skos:prefLabel ?en "
        "FILTER(LANG(?en) = 'en') }",
        cwd=tmp_path,
    )
    assert "https://ror.org/" in asked.stdout and "bsu.by" in asked.stdout


def test_a_load_into_a_big_store_says_it_skipped_the_duplicate_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    import edukg.resolve.review
    from edukg.cli import cli

    monkeypatch.setattr(edukg.resolve.review, "DUPLICATE_CHECK_LIMIT", 3)
    files = [str(DATA / "resolve-ministry.ttl"), str(DATA / "resolve-cordis.ttl")]
    done = CliRunner().invoke(cli, ["--store", str(tmp_path / "store"), "load", *files])
    assert done.exit_code == 0, done.output
    assert "no check for likely duplicates: 8 institutions in the store (more than 3)" in (
        done.output
    )
    assert "likely duplicate:" not in done.output


def test_reject_after_accept_splits_the_merged_university_again(tmp_path: Path) -> None:
    store = ["--store", str(tmp_path / "store")]
    files = [str(DATA / "resolve-ministry.ttl"), str(DATA / "resolve-cordis.ttl")]
    assert run_edukg(*store, "load", *files, cwd=tmp_path).returncode == 0
    pair = (ID + "cordis-999", ID + "bsu-ministry")
    partners = (*store, "query", "partners", "-p", f"institution={ID}pskov", "-f", "csv")
    assert run_edukg(*store, "resolve", "accept", *pair, cwd=tmp_path).returncode == 0
    assert run_edukg(*partners, cwd=tmp_path).stdout.count("\n") == 2  # header, one university

    rejected = run_edukg(*store, "resolve", "reject", *pair, cwd=tmp_path)

    assert rejected.returncode == 0, rejected.stderr
    assert "split into two again" in rejected.stdout
    assert run_edukg(*partners, cwd=tmp_path).stdout.count("\n") == 3  # header, two again


@pytest.mark.parametrize("phase", ["journal", "diff", "merge records", "commit"])
def test_a_reject_killed_at_any_phase_leaves_the_merge(tmp_path: Path, phase: str) -> None:
    import pyoxigraph as ox

    from edukg.graph.faults import CRASH_EXIT_CODE
    from edukg.graph.store import KnowledgeGraph
    from tests.conftest import run_edukg_process

    def state() -> list[bytes]:
        with KnowledgeGraph.open(tmp_path / "store") as kg:
            assert kg.damaged_sources() == []
            return sorted(kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS).splitlines())

    store = ["--store", str(tmp_path / "store")]
    files = [str(DATA / "resolve-ministry.ttl"), str(DATA / "resolve-cordis.ttl")]
    pair = (ID + "cordis-999", ID + "bsu-ministry")
    assert run_edukg(*store, "load", *files, cwd=tmp_path).returncode == 0
    assert run_edukg(*store, "resolve", "accept", *pair, cwd=tmp_path).returncode == 0
    before = state()
    killed = run_edukg_process(
        *store, "resolve", "reject", *pair, cwd=tmp_path, env={"EDUKG_CRASH_AT": phase}
    )
    assert killed.returncode == CRASH_EXIT_CODE, killed.stderr
    assert state() == before
