"""edukg push against a real Oxigraph server: named graphs per source, no duplicates on repeat."""

from __future__ import annotations

from pathlib import Path

import pytest

from edukg.core.errors import ConfigError
from edukg.graph.push import push, remote_graph_sizes
from edukg.graph.remote import Endpoint
from edukg.graph.store import KnowledgeGraph
from edukg.graph.summaries import SUMMARY_GRAPH
from edukg.loaders import load_files
from edukg.queries.runner import run_sparql
from tests.conftest import CliResult, run_edukg
from tests.queries.conftest import FIXTURES
from tests.servers import OxigraphServer

BLANK_NODES = """
@prefix schema: <https://schema.org/> .
@prefix edukg: <https://w3id.org/edukg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://edukg.example/id/institution/a> a edukg:Institution ; skos:prefLabel "Школа А"@ru ;
    schema:address [ schema:addressLocality "Минск"@ru ; schema:streetAddress "ул. Ленина, 1"@ru ] .
<https://edukg.example/id/institution/b> a edukg:Institution ; skos:prefLabel "Школа Б"@ru ;
    schema:address [ schema:addressLocality "Гродно"@ru ;
                     schema:streetAddress "ул. Советская, 2"@ru ] .
"""


@pytest.fixture
def two_sources(kg: KnowledgeGraph, tmp_path: Path) -> KnowledgeGraph:
    addresses = tmp_path / "addresses.ttl"
    addresses.write_text(BLANK_NODES, encoding="utf-8")
    load_files(kg, [FIXTURES / "agreements.ttl", addresses])
    return kg


def local_sizes(kg: KnowledgeGraph) -> dict[str, int]:
    """Triples per graph, but the summary graph: a push leaves it behind (a remote store
    runs the catalogue's portable forms, and its summaries would go stale there)."""
    sizes: dict[str, int] = {}
    for quad in kg.oxigraph:
        if quad.graph_name != SUMMARY_GRAPH:
            sizes[quad.graph_name.value] = sizes.get(quad.graph_name.value, 0) + 1
    return sizes


@pytest.mark.parametrize("protocol", ["store", "update"])
def test_push_twice_gives_the_same_graphs_without_duplicates(
    protocol: str, two_sources: KnowledgeGraph, oxigraph_server: OxigraphServer
) -> None:
    oxigraph_server.clear()
    where = (
        {"store_endpoint": oxigraph_server.store_url}
        if protocol == "store"
        else {"update_endpoint": oxigraph_server.update_url}
    )
    seen: list[tuple[str, int, int]] = []
    first = push(
        two_sources,
        batch_size=7,
        progress=lambda g, done, total: seen.append((g, done, total)),
        **where,
    )
    expected = local_sizes(two_sources)
    assert {graph.graph: graph.triples for graph in first} == expected
    assert remote_graph_sizes(oxigraph_server.endpoint(), expected) == expected
    assert two_sources.oxigraph.contains_named_graph(SUMMARY_GRAPH)
    assert remote_graph_sizes(oxigraph_server.endpoint(), [SUMMARY_GRAPH.value]) == {}
    assert any(
        done == total and total > 7 for _, done, total in seen
    )  # progress reached the end in batches
    total = oxigraph_server.count()
    push(two_sources, batch_size=7, **where)
    assert oxigraph_server.count() == total
    assert remote_graph_sizes(oxigraph_server.endpoint(), expected) == expected
    # blank nodes were not split across batches: each address keeps both its properties
    addresses = run_sparql(
        oxigraph_server.endpoint(),
        "SELECT ?city ?street WHERE { ?i schema:address ?a . "
        "?a schema:addressLocality ?city ; schema:streetAddress ?street }",
    )
    assert sorted(str(row[0].value) for row in addresses.rows) == ["Гродно", "Минск"]


def test_push_replaces_what_a_source_held(
    kg: KnowledgeGraph, oxigraph_server: OxigraphServer, tmp_path: Path
) -> None:
    oxigraph_server.clear()
    register = tmp_path / "register.ttl"
    register.write_text(BLANK_NODES, encoding="utf-8")
    load_files(kg, [register])
    push(kg, store_endpoint=oxigraph_server.store_url)
    register.write_text(
        BLANK_NODES.split("<https://edukg.example/id/institution/b>")[0], encoding="utf-8"
    )
    load_files(kg, [register])
    push(kg, update_endpoint=oxigraph_server.update_url)
    names = run_sparql(
        oxigraph_server.endpoint(), "SELECT ?l WHERE { ?i a edukg:Institution ; skos:prefLabel ?l }"
    )
    assert [row[0].value for row in names.rows] == ["Школа А"]


def test_push_chosen_sources_only(
    two_sources: KnowledgeGraph, oxigraph_server: OxigraphServer
) -> None:
    oxigraph_server.clear()
    pushed = push(
        two_sources,
        store_endpoint=oxigraph_server.store_url,
        sources=["agreements.ttl"],
        with_reference=False,
    )
    assert [graph.graph for graph in pushed] == [two_sources.source_graph("agreements.ttl").value]
    assert oxigraph_server.count() == pushed[0].triples


def test_push_needs_exactly_one_way_in(two_sources: KnowledgeGraph) -> None:
    with pytest.raises(ConfigError, match="exactly one"):
        push(two_sources)
    with pytest.raises(ConfigError, match="exactly one"):
        push(
            two_sources,
            update_endpoint="http://127.0.0.1:1/update",
            store_endpoint="http://127.0.0.1:1/store",
        )


def test_unknown_source_is_refused_before_anything_is_sent(two_sources: KnowledgeGraph) -> None:
    with pytest.raises(ConfigError, match="no source called 'nope'"):
        push(two_sources, store_endpoint="http://127.0.0.1:1/store", sources=["nope"])


def test_union_default_graph_option_for_a_server_started_without_it(
    two_sources: KnowledgeGraph, plain_oxigraph_server: OxigraphServer
) -> None:
    push(two_sources, store_endpoint=plain_oxigraph_server.store_url)
    ask = "ASK { ?a a edukg:CooperationAgreement }"
    assert run_sparql(Endpoint(plain_oxigraph_server.query_url), ask).boolean is False
    assert (
        run_sparql(Endpoint(plain_oxigraph_server.query_url, union_default_graph=True), ask).boolean
        is True
    )


def edukg(*args: str) -> CliResult:
    return run_edukg(*args, cwd=Path.cwd())


@pytest.mark.parametrize("protocol", ["store", "update"])
def test_prune_drops_the_remote_graph_of_a_source_removed_here(
    protocol: str, tmp_path: Path, oxigraph_server: OxigraphServer
) -> None:
    """Regression: a source removed locally stayed on the server and the check still said same."""
    oxigraph_server.clear()
    store = str(tmp_path / "store")
    addresses = tmp_path / "addresses.ttl"
    addresses.write_text(BLANK_NODES, encoding="utf-8")
    way = (
        ["--store-endpoint", oxigraph_server.store_url]
        if protocol == "store"
        else ["--update-endpoint", oxigraph_server.update_url]
    )
    push_args = ["--store", store, "push", "--endpoint", oxigraph_server.query_url, *way]
    files = [str(FIXTURES / "agreements.ttl"), str(addresses)]
    assert edukg("--store", store, "load", *files).returncode == 0
    assert edukg(*push_args).returncode == 0
    assert edukg("--store", store, "sources", "remove", "addresses.ttl").returncode == 0
    with KnowledgeGraph.open(Path(store), read_only=True) as kg:
        gone = kg.source_graph("addresses.ttl").value
        kept = kg.source_graph("agreements.ttl").value
    assert gone in remote_graph_sizes(oxigraph_server.endpoint(), [gone])
    result = edukg(*push_args, "--prune")
    assert result.returncode == 0, (result.stdout + result.stderr)
    assert f"pruned {gone}" in (result.stdout + result.stderr)
    sizes = remote_graph_sizes(oxigraph_server.endpoint(), [gone, kept])
    assert gone not in sizes and sizes[kept] > 0


def test_a_push_whose_check_finds_a_difference_exits_1(
    tmp_path: Path, oxigraph_server: OxigraphServer,
    plain_oxigraph_server: OxigraphServer,
) -> None:
    oxigraph_server.clear()
    store = str(tmp_path / "store")
    assert edukg("--store", store, "load", str(FIXTURES / "agreements.ttl")).returncode == 0
    # sent to one server, checked against another that holds nothing
    result = edukg(
        "--store", store, "push", "--store-endpoint", plain_oxigraph_server.store_url,
        "--endpoint", oxigraph_server.query_url,
    )
    assert result.returncode == 1
    assert "holds 0 triples remotely" in (result.stdout + result.stderr)


def test_prune_needs_the_query_endpoint(tmp_path: Path, oxigraph_server: OxigraphServer) -> None:
    result = edukg(
        "--store", str(tmp_path / "store"), "push", "--store-endpoint",
        oxigraph_server.store_url, "--prune",
    )
    assert result.returncode == 2
    assert "--prune needs --endpoint" in (result.stdout + result.stderr)
