"""edukg push against a real Virtuoso: repeatable, checked, pruned, through both ways in."""

from __future__ import annotations

from pathlib import Path

import pytest

from edukg.graph.push import UPDATE_BATCH_LIMIT, remote_graph_sizes
from edukg.graph.store import REFERENCE_GRAPHS, KnowledgeGraph
from edukg.graph.summaries import SUMMARY_GRAPH
from edukg.queries.runner import run_sparql
from tests.conftest import CliResult, run_edukg
from tests.queries.conftest import FIXTURES
from tests.servers import OxigraphServer, VirtuosoServer

from .test_push import BLANK_NODES

WAYS = {
    "store": lambda server: ["--store-endpoint", server.store_url],
    "update": lambda server: ["--update-endpoint", server.update_url],
}


def edukg(*args: str) -> CliResult:
    return run_edukg(*args, cwd=Path.cwd())


def remote_quads(server: VirtuosoServer) -> set[tuple[str, str, str, str]]:
    """Every quad of the data graphs, as text (blank nodes as a placeholder: labels vary)."""
    values = " ".join(f"<{graph}>" for graph in server.data_graphs())
    result = run_sparql(
        server.endpoint(),
        f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}",
    )
    return {
        tuple("_:" if term.__class__.__name__ == "BlankNode" else str(term) for term in row)
        for row in result.rows
    }  # type: ignore[misc]


@pytest.fixture
def loaded_store(tmp_path: Path) -> str:
    """A store on disk holding the agreements fixture, Cyrillic addresses with blank nodes
    and a register with multilateral agreements, events and ru/be/en labels."""
    store = str(tmp_path / "store")
    addresses = tmp_path / "addresses.ttl"
    addresses.write_text(BLANK_NODES, encoding="utf-8")
    files = [str(FIXTURES / "agreements.ttl"), str(FIXTURES / "events.ttl"), str(addresses)]
    loaded = edukg("--store", store, "load", *files)
    assert loaded.returncode == 0, loaded.stderr
    return store


@pytest.mark.parametrize("way", sorted(WAYS))
def test_a_second_push_of_unchanged_data_changes_nothing_on_virtuoso(
    way: str, loaded_store: str, virtuoso_server: VirtuosoServer
) -> None:
    virtuoso_server.clear()
    push_args = [
        "--store", loaded_store, "push", "--endpoint", virtuoso_server.query_url,
        *WAYS[way](virtuoso_server), "--batch-size", "7", "--no-reference",
    ]
    first = edukg(*push_args)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "hold the same number of triples remotely" in first.stdout
    before = remote_quads(virtuoso_server)
    with KnowledgeGraph.open(Path(loaded_store), read_only=True) as kg:
        # the summary graph stays behind (see docs/summaries.md)
        kept = (*REFERENCE_GRAPHS, SUMMARY_GRAPH)
        local = sum(1 for q in kg.oxigraph if q.graph_name not in kept)
    assert len(before) == local  # every quad arrived, none twice
    second = edukg(*push_args)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "hold the same number of triples remotely" in second.stdout
    assert remote_quads(virtuoso_server) == before
    # Cyrillic survives the trip, and blank nodes were not split across requests
    streets = run_sparql(
        virtuoso_server.endpoint(),
        "SELECT ?city ?street WHERE { ?i schema:address ?a . "
        "?a schema:addressLocality ?city ; schema:streetAddress ?street }",
    )
    assert sorted((row[0].value, row[1].value) for row in streets.rows) == [  # type: ignore[union-attr]
        ("Гродно", "ул. Советская, 2"),
        ("Минск", "ул. Ленина, 1"),
    ]


def test_an_update_push_of_a_large_graph_stays_under_virtuosos_parser_limit(
    kg: KnowledgeGraph, virtuoso_server: VirtuosoServer, tmp_path: Path
) -> None:
    """Regression: one INSERT DATA of 20,000 triples failed with Virtuoso's SP030."""
    from edukg.graph.push import push
    from edukg.loaders import load_files

    big = tmp_path / "big.ttl"
    lines = ["@prefix skos: <http://www.w3.org/2004/02/skos/core#> ."]
    lines += [
        f'<https://edukg.example/id/institution/n{i}> skos:altLabel "Учреждение № {i}"@ru .'
        for i in range(2 * UPDATE_BATCH_LIMIT + 10)
    ]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    load_files(kg, [big])
    virtuoso_server.clear()
    pushed = push(kg, update_endpoint=virtuoso_server.update_url, with_reference=False)
    sizes = remote_graph_sizes(virtuoso_server.endpoint(), [g.graph for g in pushed])
    assert {g.graph: g.triples for g in pushed if g.triples} == sizes
    assert max(sizes.values()) > 2 * UPDATE_BATCH_LIMIT


@pytest.mark.parametrize("way", sorted(WAYS))
def test_prune_drops_the_graph_of_a_removed_source_on_virtuoso(
    way: str, loaded_store: str, virtuoso_server: VirtuosoServer
) -> None:
    virtuoso_server.clear()
    push_args = [
        "--store", loaded_store, "push", "--endpoint", virtuoso_server.query_url,
        *WAYS[way](virtuoso_server), "--no-reference",
    ]
    assert edukg(*push_args).returncode == 0
    assert edukg("--store", loaded_store, "sources", "remove", "addresses.ttl").returncode == 0
    with KnowledgeGraph.open(Path(loaded_store), read_only=True) as kg:
        gone = kg.source_graph("addresses.ttl").value
        kept = kg.source_graph("agreements.ttl").value
    assert gone in remote_graph_sizes(virtuoso_server.endpoint(), [gone])
    result = edukg(*push_args, "--prune")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"pruned {gone}" in result.stdout
    assert "hold the same number of triples remotely" in result.stdout
    sizes = remote_graph_sizes(virtuoso_server.endpoint(), [gone, kept])
    assert gone not in sizes and sizes[kept] > 0
    assert gone not in virtuoso_server.data_graphs()


def test_a_check_against_virtuoso_that_finds_a_difference_exits_1(
    loaded_store: str,
    virtuoso_server: VirtuosoServer,
    plain_oxigraph_server: OxigraphServer,
) -> None:
    virtuoso_server.clear()
    # sent to an Oxigraph server, checked against Virtuoso, which holds none of it
    result = edukg(
        "--store", loaded_store, "push", "--store-endpoint", plain_oxigraph_server.store_url,
        "--endpoint", virtuoso_server.query_url,
    )
    assert result.returncode == 1
    assert "holds 0 triples remotely" in result.stderr
