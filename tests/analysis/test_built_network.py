"""The analysis network holds its links as arrays: the same network, and the same analysis.

``institution_network(details=False)`` on an embedded store gives a
:class:`~edukg.analysis.built_network.BuiltNetwork` whose adjacency is made when first
read. It must be the network the networkx-filled build makes (nodes, links, their order,
the igraph copy), an analysis of it must find what an analysis of a plain networkx graph
finds, and ``edukg analyze``'s path must never need its adjacency.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
import shutil
from pathlib import Path

import networkx as nx
import numpy as np
import pyoxigraph as ox
import pytest

from edukg.analysis import built_network
from edukg.analysis.built_network import BuiltNetwork
from edukg.analysis.igraph_view import _BUILT, igraph_view
from edukg.analysis.networks import (
    Window,
    _sorted_network,
    institution_network,
)
from edukg.analysis.results import write_results
from edukg.analysis.run import analyze
from edukg.graph.store import KnowledgeGraph
from tests.analysis.conftest import skewed_register_store

LONE_INSTITUTION = """@prefix edukg: <https://w3id.org/edukg/ontology#> .
<https://test.example/lone/u> a edukg:Institution .
"""
"""An institution without partners: a node without links."""


@pytest.fixture(scope="module")
def register_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store: the partnerships fixture and a skewed generated register."""
    return skewed_register_store(tmp_path_factory.mktemp("built-network"), LONE_INSTITUTION)


def _both_builds(kg: KnowledgeGraph, **options: object) -> tuple[nx.Graph, nx.Graph]:
    """The network with its links deferred, and the one networkx's adjacency is filled with
    (the links and weights of the detailed network, the nodes of the deferred one)."""
    deferred = institution_network(kg, details=False, names=False, **options)  # type: ignore[arg-type]
    full = institution_network(kg, **options)  # type: ignore[arg-type]
    nodes = {node: dict(data) for node, data in deferred.nodes(data=True)}
    edges = {(a, b): {"weight": weight} for a, b, weight in full.edges(data="weight")}
    return deferred, _sorted_network(dict(deferred.graph), nodes, edges)


def _assert_same_build(deferred: nx.Graph, filled: nx.Graph) -> None:
    assert isinstance(deferred, BuiltNetwork) and deferred.number_of_edges() > 0
    assert deferred.number_of_edges() == filled.number_of_edges()
    assert "_deferred" in vars(deferred)  # not made yet
    built, expected = _BUILT[deferred], _BUILT[filled]
    assert built.firsts.tolist() == expected.firsts.tolist()
    assert built.seconds.tolist() == expected.seconds.tolist()
    assert built.weights == expected.weights
    assert list(deferred.nodes(data=True)) == list(filled.nodes(data=True))
    assert deferred.graph == filled.graph
    assert list(deferred.edges(data=True)) == list(filled.edges(data=True))
    assert {n: list(deferred.adj[n]) for n in deferred} == {n: list(filled.adj[n]) for n in filled}
    assert "_deferred" not in vars(deferred)


def test_the_demo_networks_deferred_links_are_the_filled_ones(partnerships_kg):
    _assert_same_build(*_both_builds(partnerships_kg))


@pytest.mark.parametrize(
    "options",
    [{}, {"events": False}, {"window": Window(since=dt.date(2024, 1, 1))}],
    ids=["all", "no-events", "window"],
)
def test_a_skewed_registers_deferred_links_are_the_filled_ones(register_store, options):
    with KnowledgeGraph.open(register_store, read_only=True) as kg:
        deferred, filled = _both_builds(kg, **options)
    assert max(weight for _, _, weight in filled.edges(data="weight")) > 1
    _assert_same_build(deferred, filled)
    view, plain = igraph_view(deferred, as_built=True), igraph_view(nx.Graph(filled))
    assert view.graph.get_edgelist() == plain.graph.get_edgelist()
    assert view.weights == plain.weights


def test_an_analysis_never_reads_the_deferred_links_and_finds_the_same(
    register_store, tmp_path, monkeypatch
):
    folder = tmp_path / "store"
    shutil.copytree(register_store, folder)

    def refuse(*_: object) -> None:
        raise AssertionError("the analysis read the network's adjacency")

    with KnowledgeGraph.open(folder) as kg:
        plain = analyze(kg, seed=0, details=False, names=False)
        network = nx.Graph(plain.network)  # a networkx copy, made before the refusal
        monkeypatch.setattr(built_network, "_fill", refuse)
        deferred = analyze(kg, seed=0, details=False, names=False)
        assert isinstance(deferred.network, BuiltNetwork)
        write_results(kg, deferred)
        monkeypatch.undo()
        again = analyze(kg, seed=0, details=False, names=False)
    assert "_deferred" in vars(deferred.network)
    assert list(deferred.network.nodes(data=True)) == list(plain.network.nodes(data=True))
    assert deferred.communities.clusters == plain.communities.clusters
    assert deferred.brokers == plain.brokers
    assert list(again.network.nodes(data=True)) == list(plain.network.nodes(data=True))
    assert list(deferred.network.edges(data=True)) == list(network.edges(data=True))


def test_a_built_network_is_changed_as_any_networkx_graph():
    graph = BuiltNetwork(level="institution")
    graph.add_nodes_from(["a", "b", "c"])
    graph.defer_edges(np.array([0, 0]), np.array([1, 2]), np.array([3, 1]))
    assert graph.number_of_edges() == 2 and graph.degree("a") == 2
    graph.add_edge("b", "c", weight=5)
    graph.remove_node("a")
    assert list(graph.edges(data=True)) == [("b", "c", {"weight": 5})]
    assert graph.number_of_edges() == 1 and graph.number_of_edges("b", "c") == 1


def test_a_built_network_copies_and_pickles_with_its_links():
    graph = BuiltNetwork()
    graph.add_nodes_from(["a", "b"])
    graph.defer_edges(np.array([0]), np.array([1]), np.array([2]))
    for twin in (copy.deepcopy(graph), pickle.loads(pickle.dumps(graph)), graph.copy()):
        assert list(twin.edges(data=True)) == [("a", "b", {"weight": 2})]
    graph._adj = {"a": {}, "b": {}}  # an adjacency set outright replaces the deferred links
    assert graph.number_of_edges() == 0 and list(graph.edges) == []


def test_a_network_without_details_on_an_embedded_store_defers_its_links(partnerships_kg):
    light = institution_network(partnerships_kg, details=False, names=False)
    full = institution_network(partnerships_kg)
    assert isinstance(light, BuiltNetwork) and not isinstance(full, BuiltNetwork)
    assert list(light.edges(data="weight")) == list(full.edges(data="weight"))


BLANKS = b"""@prefix edukg: <https://w3id.org/edukg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix t: <https://test.example/blanks/> .
t:u1 a edukg:Institution . t:u2 a edukg:Institution .
t:a1 a edukg:CooperationAgreement ; edukg:hasParty t:u1 , t:u2 , [ a edukg:Institution ] .
t:a2 a edukg:CooperationAgreement ; edukg:hasParty t:u1 , _:lone .
_:host a edukg:Institution .
t:e1 a edukg:CooperationEvent ; schema:organizer _:host , t:u1 ; schema:attendee t:u2 , t:u1 .
"""


def test_blank_parties_and_hosts_count_as_the_detailed_network_counts_them(partnerships_kg):
    partnerships_kg.oxigraph.load(BLANKS, ox.RdfFormat.TURTLE)
    light = institution_network(partnerships_kg, details=False, names=False)
    full = institution_network(partnerships_kg)
    queried = institution_network(partnerships_kg, via_sparql=True)
    assert list(light.edges(data="weight")) == list(full.edges(data="weight"))
    assert list(full.edges(data="weight")) == list(queried.edges(data="weight"))
    u1, u2 = "https://test.example/blanks/u1", "https://test.example/blanks/u2"
    assert light.edges[u1, u2]["weight"] == 2  # the agreement a1 and the event e1
    blanks = [node for node in light if not node.startswith("http")]  # every institution
    assert len(blanks) == 2 and sum(light.degree(node) for node in blanks) == 2  # host-guests
