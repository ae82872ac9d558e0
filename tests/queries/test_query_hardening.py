"""Queries from the command line: no silent choices, positions the user can find, Ctrl-C works."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from edukg.core.errors import QueryError
from edukg.graph.store import KnowledgeGraph
from edukg.queries.runner import run_sparql
from tests.conftest import run_edukg

ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_a_repeated_parameter_is_an_error_not_the_last_value(tmp_path: Path) -> None:
    result = run_edukg(
        "--store", ":memory:", "query", "partners", "-p", "year=2023", "-p", "year=2024",
        cwd=tmp_path,
    )
    assert result.returncode == 2 and "given twice" in result.stderr, result.stderr


def test_an_update_is_named_as_such_not_a_parser_error(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match="queries only, not updates"):
        run_sparql(kg, "INSERT DATA { <https://e.example/a> <https://e.example/p> 1 }")


def test_syntax_error_positions_count_from_the_users_first_line(kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match=r"at 1:25") as caught:
        run_sparql(kg, "SELECT * WHERE { ?s ?p }")
    assert isinstance(caught.value.__cause__, QueryError)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_ctrl_c_stops_a_running_query_with_exit_130(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with KnowledgeGraph.open(store):
        pass
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("EDUKG_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "edukg", "--store", str(store), "sparql", ENDLESS],
        cwd=tmp_path, env=inherited, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    _wait_for_a_child(process.pid)  # the query runs in a child: the CLI is past its start
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    started = time.monotonic()
    process.wait(timeout=30)
    assert process.returncode == 130
    assert time.monotonic() - started < 10


def _wait_for_a_child(pid: int, timeout: float = 60) -> None:
    """Wait until process ``pid`` has a child process (Linux: ``/proc``), at most ``timeout`` s.

    A fixed sleep was too short on a busy machine: the interrupt then came during start-up.
    """
    children = Path(f"/proc/{pid}/task/{pid}/children")
    deadline = time.monotonic() + timeout
    while not children.read_text().split():
        assert time.monotonic() < deadline, "the query never started"
        time.sleep(0.05)


def test_no_rows_from_a_server_without_union_default_graph_gives_a_hint(
    plain_oxigraph_server, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    from edukg.graph.remote import Endpoint

    Endpoint(plain_oxigraph_server.update_url).update(
        "INSERT DATA { GRAPH <https://e.example/g> { "
        "<https://e.example/s> a <https://e.example/C> } }"
    )
    result = run_edukg(
        "sparql", "--endpoint", plain_oxigraph_server.query_url,
        "SELECT ?s WHERE { ?s a <https://e.example/C> }", cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "--union-default-graph" in result.stderr


def test_an_unknown_institution_is_an_error_not_an_empty_table(query_kg: KnowledgeGraph) -> None:
    from edukg.core.errors import ConfigError
    from edukg.queries.runner import run_query

    with pytest.raises(ConfigError, match="no institution called 'Атлантида'"):
        run_query(query_kg, "partners", {"institution": "Атлантида"})
