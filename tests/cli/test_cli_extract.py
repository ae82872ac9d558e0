"""``edukg extract`` and ``edukg accept`` run in fresh processes, as a user runs them."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import DATA, run_edukg

ARTICLE = DATA / "text" / "minsk-region-article.txt"
IDS = re.compile(r"^│ ([0-9a-f]{8}) │ (\S+)", re.MULTILINE)


def test_extract_prints_candidates_and_accept_brings_in_only_the_reviewed(tmp_path: Path) -> None:
    result = run_edukg("extract", str(ARTICLE), cwd=tmp_path, env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    assert "Минский областной институт развития образования" in result.stdout
    assert "заключено 16 соглашений" in result.stdout
    rows = IDS.findall(result.stdout)
    kinds = {kind for _, kind in rows}
    assert {"institution", "region", "partner-country", "agreement-count", "event-kind"} <= kinds
    # Extracted, not yet known: the knowledge graph holds no source and no institution.
    assert "no sources" in run_edukg("sources", cwd=tmp_path).stdout
    assert "Минский" not in run_edukg("export", "-f", "nq", cwd=tmp_path).stdout

    institution = next(i for i, kind in rows if kind == "institution")
    partners = [i for i, kind in rows if kind == "partner-country"]
    accepted = run_edukg("accept", institution[:5], *partners, cwd=tmp_path)
    assert accepted.returncode == 0, accepted.stderr
    assert "accepted 4 candidate(s)" in accepted.stdout
    exported = run_edukg("export", "-f", "nq", cwd=tmp_path).stdout
    assert "Минский областной институт развития образования" in exported
    assert "<https://w3id.org/edukg/country/TJ>" in exported
    assert "AgreementCount" not in exported

    rest = run_edukg("accept", "--all", "--min-confidence", "0.8", cwd=tmp_path)
    assert rest.returncode == 0, rest.stderr
    exported = run_edukg("export", "-f", "nq", cwd=tmp_path).stdout
    assert "AgreementCount" in exported
    assert run_edukg("validate", cwd=tmp_path).returncode == 0

    unknown = run_edukg("accept", "zzzz", cwd=tmp_path)
    assert unknown.returncode == 1
    assert "no candidate has the id 'zzzz'" in unknown.stderr


def test_register_round_trip_through_edukg_load(tmp_path: Path) -> None:
    result = run_edukg("extract", str(ARTICLE), "--register", "reg", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "register: reg/institutions.csv" in result.stdout.replace("\\", "/")
    loaded = run_edukg("load", "reg/institutions.csv", cwd=tmp_path)
    assert loaded.returncode == 0, loaded.stderr
    assert "records: 1 new" in loaded.stdout


def test_unreadable_files_exit_1_and_store_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "bad.docx").write_bytes(b"not a docx")
    result = run_edukg("extract", str(ARTICLE), "empty.txt", "bad.docx", cwd=tmp_path)
    assert result.returncode == 1
    assert "empty.txt: error: the document holds no text" in result.stderr
    assert "bad.docx: error: not a readable Word document" in result.stderr
    assert "Traceback" not in result.stderr
    accepted = run_edukg("accept", "--all", cwd=tmp_path)
    assert "no pending candidates" in accepted.stdout


def test_accept_without_a_choice_is_a_usage_error(tmp_path: Path) -> None:
    result = run_edukg("accept", cwd=tmp_path)
    assert result.returncode == 2
    assert "name the candidates to accept" in result.stderr
