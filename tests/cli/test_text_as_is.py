"""Users' text reaches the terminal as it is: rich markup and emoji codes in it are not read.

A label with ``[bold]`` lost those characters in the query table, and one with a
stray ``[/b]`` ended the command with a traceback.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_edukg

SCHOOL = "Школа [/b] :fire:"
SCHOOL_EN = "School [bold]one"
LYCEUM = "Лицей [red]два"
TITLE = "Соглашение [i]о сети[/i]"


def _register(folder: Path) -> None:
    (folder / "institutions.csv").write_text(
        "id,name,name_en,type,country,region,city,website,parent\n"
        f"t-school,{SCHOOL},{SCHOOL_EN},школа,BY,,Лида,,\n"
        f"t-lyceum,{LYCEUM},,лицей,RU,,Смоленск,,\n"
        f"t-school-copy,{SCHOOL},,школа,BY,,Лида,,\n",
        encoding="utf-8",
    )
    (folder / "agreements.csv").write_text(
        "id,title,parties,signed,valid_from,valid_until,type,areas,source\n"
        f"t-a1,{TITLE},t-school; t-lyceum,2024-02-12,2024-02-12,2026-12-31,соглашение,,\n",
        encoding="utf-8",
    )
    loaded = run_edukg("load", "institutions.csv", "agreements.csv", cwd=folder)
    assert loaded.returncode == 0, loaded.stderr


def test_the_query_table_shows_labels_and_titles_as_they_are(tmp_path: Path) -> None:
    _register(tmp_path)
    result = run_edukg("query", "agreements", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert TITLE in result.stdout
    assert SCHOOL in result.stdout and LYCEUM in result.stdout
    english = run_edukg("query", "agreements", "-p", "lang=en", cwd=tmp_path)
    assert english.returncode == 0, english.stderr
    assert SCHOOL_EN in english.stdout


def test_the_analysis_summary_shows_labels_as_they_are(tmp_path: Path) -> None:
    _register(tmp_path)
    result = run_edukg("analyze", "--no-events", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert SCHOOL in result.stdout and LYCEUM in result.stdout


def test_the_resolve_table_shows_names_as_they_are(tmp_path: Path) -> None:
    _register(tmp_path)
    result = run_edukg("resolve", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(SCHOOL) == 2


def test_the_extract_table_shows_the_quotes_as_they_are(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Подписано соглашение с ГУО «Средняя школа [/b] :fire: № 1 г. Минска».\n",
        encoding="utf-8",
    )
    result = run_edukg("extract", str(article), cwd=tmp_path, env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    assert "Средняя школа [/b] :fire: № 1 г. Минска" in result.stdout
