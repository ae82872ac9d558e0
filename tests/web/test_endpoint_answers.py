"""``edukg --endpoint`` against ``edukg serve`` gives the embedded store's answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from edukg.graph.remote import Endpoint
from edukg.graph.store import KnowledgeGraph
from edukg.queries.catalogue import load_catalogue
from edukg.queries.runner import run_query
from tests.conftest import run_edukg
from tests.web.conftest import Server

RUNNABLE = [name for name, query in load_catalogue().items()
            if not any(p.required for p in query.parameters)]


@pytest.mark.parametrize("name", RUNNABLE)
def test_every_catalogue_query_answers_alike(server: Server, example_store: Path,
                                              name: str) -> None:
    remote = run_query(Endpoint(server.url + "sparql"), name, limit=0)
    with KnowledgeGraph.open(example_store, read_only=True) as kg:
        embedded = run_query(kg, name, limit=0)
    assert remote.columns == embedded.columns
    if "ORDER BY" in load_catalogue()[name].text.upper():
        assert remote.records() == embedded.records()
    else:  # the engine's order of unordered rows may differ from run to run
        assert sorted(map(repr, remote.records())) == sorted(map(repr, embedded.records()))


def test_the_cli_with_endpoint(server: Server, example_store: Path, tmp_path: Path) -> None:
    remote = run_edukg("query", "partner-countries", "-f", "csv", "--endpoint",
                       server.url + "sparql", cwd=tmp_path)
    embedded = run_edukg("--store", str(example_store), "query", "partner-countries", "-f", "csv",
                         cwd=tmp_path)
    assert remote.returncode == 0, remote.stderr
    assert remote.stdout == embedded.stdout
    assert "Беларусь" in remote.stdout
