"""The query commands, run through the CLI's ``main`` (in a fresh process where it matters)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import run_edukg, run_edukg_process

from .conftest import FIXTURES, OxigraphServer

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    loaded = run_edukg(
        "--store",
        "kg",
        "load",
        str(FIXTURES / "events.ttl"),
        str(FIXTURES / "agreements.ttl"),
        cwd=folder,
    )
    assert loaded.returncode == 0, loaded.stderr
    return folder


def test_queries_lists_every_query_with_parameters(store: Path) -> None:
    result = run_edukg("queries", "--lang", "ru", cwd=store)
    assert result.returncode == 0
    assert "partner-countries: Страны-партнёры" in result.stdout
    assert "-p within_days (integer, default 180)" in result.stdout
    assert "columns: country, label, agreements" in result.stdout


def test_query_as_csv_with_cyrillic(store: Path) -> None:
    result = run_edukg(
        "--store", "kg", "query", "events", "-p", "year=2024", "-f", "csv", cwd=store
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["title"] for row in rows] == ["Визит делегации в Тулу", "Семинар «Цифровая школа»"]
    assert (
        rows[1]["participants"]
        == "Бобруйский лицей; Ташкентский педагогический университет; Тульская школа № 1"
    )


@pytest.mark.parametrize("format_name", ["json", "tsv", "md", "table"])
def test_query_formats(store: Path, format_name: str) -> None:
    result = run_edukg(
        "--store",
        "kg",
        "query",
        "agreements",
        "-p",
        "country=KZ",
        "--lang",
        "en",
        "-f",
        format_name,
        cwd=store,
    )
    assert result.returncode == 0, result.stderr
    assert "Lyceum No. 7, Almaty" in result.stdout
    if format_name == "json":
        assert json.loads(result.stdout)[0]["agreement"] == "https://edukg.example/id/agreement/ag2"


def test_query_errors_are_clear_and_exit_2(store: Path) -> None:
    result = run_edukg("--store", "kg", "query", "agreements", "-p", "year=soon", cwd=store)
    assert result.returncode == 2
    assert "not a whole number" in result.stderr and "Traceback" not in result.stderr
    unknown = run_edukg("--store", "kg", "query", "agreement", cwd=store)
    assert unknown.returncode == 2 and "did you mean 'agreements'" in unknown.stderr


def test_query_timeout_exit_2(store: Path) -> None:
    # a real process: the query runs in a forked child that is killed at the deadline
    result = run_edukg_process(
        "--store",
        "kg",
        "sparql",
        "--timeout",
        "1",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        cwd=store,
    )
    assert result.returncode == 2
    assert "time limit of 1 s" in result.stderr


def test_sparql_from_a_file_and_construct_as_ntriples(store: Path) -> None:
    (store / "names.rq").write_text(
        "CONSTRUCT { ?e schema:name ?l } WHERE { ?e a edukg:CooperationEvent ; "
        "skos:prefLabel ?l FILTER(LANG(?l) = 'ru') }",
        encoding="utf-8",
    )
    result = run_edukg("--store", "kg", "sparql", "@names.rq", "-f", "nt", cwd=store)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().splitlines()) == 3
    assert '"Вебинар для учителей физики"@ru' in result.stdout
    jsonld = run_edukg("--store", "kg", "sparql", "@names.rq", "-f", "jsonld", cwd=store)
    assert len(json.loads(jsonld.stdout)) == 3
    wrong = run_edukg(
        "--store", "kg", "sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "-f", "nt", cwd=store
    )
    assert wrong.returncode == 2 and "CONSTRUCT" in wrong.stderr


def test_push_then_query_the_server(store: Path, oxigraph_server: OxigraphServer) -> None:
    oxigraph_server.clear()
    pushed = run_edukg(
        "--store",
        "kg",
        "push",
        "--endpoint",
        oxigraph_server.query_url,
        "--store-endpoint",
        oxigraph_server.store_url,
        cwd=store,
    )
    assert pushed.returncode == 0, pushed.stderr
    assert "hold the same number of triples remotely" in pushed.stdout
    again = run_edukg(
        "--store", "kg", "push", "--endpoint", oxigraph_server.query_url, cwd=store
    )  # SPARQL Update
    assert again.returncode == 0, again.stderr
    assert "hold the same number of triples remotely" in again.stdout
    local = run_edukg("--store", "kg", "query", "events", "-f", "json", cwd=store)
    remote = run_edukg(
        "query", "events", "-f", "json", "--endpoint", oxigraph_server.query_url, cwd=store
    )
    assert remote.returncode == 0, remote.stderr
    assert json.loads(remote.stdout) == json.loads(local.stdout)


def test_every_query_command_and_query_is_documented() -> None:
    from edukg.cli.queries import COMMANDS
    from edukg.queries.catalogue import load_catalogue

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    queries_page = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert command.help, command.name
        assert f"edukg {command.name}" in readme, command.name
    for name in load_catalogue():
        assert f"`{name}`" in queries_page, name


def test_query_pages_with_limit_and_offset_and_says_what_follows(store: Path) -> None:
    whole = run_edukg(
        "--store", "kg", "query", "agreements", "-f", "csv", "--limit", "0", cwd=store
    )
    assert whole.returncode == 0, whole.stderr
    all_rows = list(csv.DictReader(io.StringIO(whole.stdout)))
    assert len(all_rows) >= 3
    assert "more follow" not in whole.stderr

    first = run_edukg(
        "--store", "kg", "query", "agreements", "-f", "csv", "--limit", "2", cwd=store
    )
    assert first.returncode == 0, first.stderr
    assert list(csv.DictReader(io.StringIO(first.stdout))) == all_rows[:2]
    assert "rows 1-2 shown; more follow: --offset 2 for the next page" in first.stderr

    rest = run_edukg(
        "--store",
        "kg",
        "query",
        "agreements",
        "-f",
        "csv",
        "--limit",
        "2",
        "--offset",
        "2",
        cwd=store,
    )
    assert rest.returncode == 0, rest.stderr
    assert list(csv.DictReader(io.StringIO(rest.stdout))) == all_rows[2:4]


def test_a_negative_limit_is_a_usage_error(store: Path) -> None:
    result = run_edukg("--store", "kg", "query", "agreements", "--limit", "-3", cwd=store)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_internal_queries_run_but_are_not_listed(store: Path) -> None:
    from edukg.queries.catalogue import get_query, load_catalogue, user_catalogue

    internal = {name for name, query in load_catalogue().items() if query.internal}
    assert internal == {
        "network-agreements-without-events",
        "network-delegation-visits",
        "network-institution-event",
        "network-institutions",
    }
    assert not internal & set(user_catalogue())
    assert get_query("network-institutions").internal
    listing = run_edukg("queries", cwd=store)
    assert listing.returncode == 0, listing.stderr
    assert "partner-countries:" in listing.stdout and "network-" not in listing.stdout
    ran = run_edukg("--store", "kg", "query", "network-delegation-visits", "-f", "csv", cwd=store)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines()[0] == "event,visitor,host,start"


def test_a_long_result_prints_as_plain_aligned_columns(store: Path) -> None:
    """Past BOXED_TABLE_ROWS rows the table is plain columns, never folded."""
    result = run_edukg(
        "--store",
        "kg",
        "sparql",
        "SELECT ?code ?label WHERE { ?country skos:notation ?code ; "
        "skos:prefLabel|skos:altLabel|rdfs:label ?label } "
        "ORDER BY ?code ?label LIMIT 1200",
        cwd=store,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["code", "label"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert len(lines) == 2 + 1200
    assert "1200 row(s)" in result.stderr
    label_column = lines[1].index("-", lines[1].index(" "))
    belarus = [line for line in lines if line.startswith("BY ") and "Беларусь" in line]
    assert belarus and belarus[0].index("Беларусь") == label_column
