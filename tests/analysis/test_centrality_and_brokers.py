"""Degree, weighted degree and betweenness on hand-checked examples; brokers between clusters."""

from __future__ import annotations

import networkx as nx
import pytest

from edukg.analysis.brokers import bridge_counts, find_brokers, participation_coefficient
from edukg.analysis.centrality import MIN_SAMPLES, betweenness_scores, compute_centrality
from edukg.analysis.communities import detect_communities
from edukg.analysis.networks import partnership_network
from tests.analysis.conftest import T


def kite() -> nx.Graph:
    """a-b, b-c, b-d, d-e with weights 1, 2, 3, 4.

    By hand (5 nodes, normalised by 2/((n-1)(n-2)) = 1/6): b lies on the only
    shortest paths of (a,c) (a,d) (a,e) (c,d) (c,e): 5/6; d on (a,e) (b,e)
    (c,e): 3/6; a, c and e on none.
    """
    graph = nx.Graph()
    for weight, (x, y) in enumerate([("a", "b"), ("b", "c"), ("b", "d"), ("d", "e")], start=1):
        graph.add_edge(x, y, weight=weight)
    return graph


def test_degree_weighted_degree_and_betweenness_by_hand():
    graph = kite()
    report = compute_centrality(graph)
    assert report.method == "exact" and report.samples is None
    degrees = {n: (d["degree"], d["weighted_degree"]) for n, d in graph.nodes(data=True)}
    assert degrees == {"a": (1, 1.0), "b": (3, 6.0), "c": (1, 2.0), "d": (2, 7.0), "e": (1, 4.0)}
    betweenness = {n: d["centrality"] for n, d in graph.nodes(data=True)}
    assert betweenness == pytest.approx({"a": 0.0, "b": 5 / 6, "c": 0.0, "d": 3 / 6, "e": 0.0})


def test_large_networks_get_sampled_betweenness_and_say_so():
    graph = nx.connected_watts_strogatz_graph(60, 4, 0.1, seed=3)
    nx.set_edge_attributes(graph, 1, "weight")
    report = compute_centrality(graph, exact_limit=50, samples=20, seed=5)
    assert (report.method, report.samples, report.nodes) == ("sampled", 20, 60)
    assert "estimate" in report.describe() and "20 of 60" in report.describe()
    first = {n: d["centrality"] for n, d in graph.nodes(data=True)}
    compute_centrality(graph, exact_limit=50, samples=20, seed=5)
    assert {n: d["centrality"] for n, d in graph.nodes(data=True)} == first
    assert max(first.values()) > 0


def test_a_network_too_large_for_the_budget_gets_fewer_pivots_and_says_so():
    graph = nx.connected_watts_strogatz_graph(400, 6, 0.1, seed=4)  # 400 nodes, 1,200 links
    report = compute_centrality(graph, exact_limit=50, samples=300, budget=240_000, seed=2)
    assert (report.method, report.samples) == ("sampled", 150)  # 240,000 / 1,600 visits
    assert "sampled from 150 of 400 nodes" in report.describe()
    budgeted = {n: d["centrality"] for n, d in graph.nodes(data=True)}
    # the same estimate as asking for those pivots: networkx's pivots, networkx's scaling
    assert budgeted == betweenness_scores(graph, samples=150, seed=2)
    floor = compute_centrality(graph, exact_limit=50, samples=300, budget=1, seed=2)
    assert floor.samples == MIN_SAMPLES
    unbounded = compute_centrality(graph, exact_limit=50, samples=300, budget=None, seed=2)
    assert unbounded.samples == 300


def test_participation_coefficient_by_hand():
    graph = nx.Graph([("hub", "a"), ("hub", "b"), ("hub", "c"), ("hub", "d")])
    membership = {"hub": 0, "a": 0, "b": 1, "c": 1, "d": 2}
    scores = participation_coefficient(graph, membership, weight=None)
    assert scores["hub"] == pytest.approx(1 - (0.25**2 + 0.5**2 + 0.25**2))
    assert scores["a"] == 0.0


def test_the_fixture_brokers_are_the_two_ends_of_the_bridge(partnerships_kg):
    network = partnership_network(partnerships_kg, events=False)
    communities = detect_communities(network, seed=0)
    assert communities.membership[T + "a1"] == communities.membership[T + "a3"]
    assert communities.membership[T + "b1"] == communities.membership[T + "b3"]
    assert communities.membership[T + "a3"] != communities.membership[T + "b1"]
    compute_centrality(network)
    brokers = find_brokers(network, communities.membership)
    assert {b.node for b in brokers} == {T + "a3", T + "b1"}
    for broker in brokers:
        assert broker.clusters_reached == 2 and broker.bridges == 1
        # three partners, one of them across the bridge (weights all 1 here)
        assert broker.participation == pytest.approx(1 - ((2 / 3) ** 2 + (1 / 3) ** 2))
    # a3 lies on the only shortest path of a1 and a2 to each of b1, b2, b3: 6 pairs;
    # 8 nodes (k1 and z1 alone without events) normalise by 2/(7*6)
    assert network.nodes[T + "a3"]["centrality"] == pytest.approx(6 / 21)
    assert brokers[0].betweenness == pytest.approx(6 / 21)


@pytest.mark.parametrize("samples", [None, 1, 15, 60], ids=["exact", "one-pivot", "sampled", "all"])
def test_betweenness_is_networkx_betweenness(samples):
    # igraph computes it; the pivots and the scaling must stay networkx's
    graph = nx.connected_watts_strogatz_graph(60, 4, 0.2, seed=8)
    graph.add_node("alone")
    ours = betweenness_scores(graph, samples=samples, seed=3)
    theirs = nx.betweenness_centrality(graph, k=samples, normalized=True, seed=3)
    assert ours.keys() == theirs.keys()
    for node, value in theirs.items():
        assert ours[node] == pytest.approx(value, nan_ok=True), node


def test_bridge_counts_are_networkx_bridges():
    graph = nx.connected_watts_strogatz_graph(40, 2, 0.3, seed=2)
    graph.add_edges_from([("x", 0), ("x", "y"), ("y", "z")])
    expected = dict.fromkeys(graph, 0)
    for a, b in nx.bridges(graph):
        expected[a] += 1
        expected[b] += 1
    assert bridge_counts(graph) == expected


def test_a_copy_as_built_is_the_copy_of_the_walk_and_gives_the_same_participation(tmp_path):
    from edukg.analysis.igraph_view import igraph_view
    from edukg.graph.store import KnowledgeGraph
    from tests.analysis.conftest import skewed_register_store

    store = skewed_register_store(
        tmp_path, f"<{T}extra> a <https://w3id.org/edukg/ontology#Institution> .\n"
    )
    with KnowledgeGraph.open(store, read_only=True) as kg:
        network = partnership_network(kg, details=False, names=False)
    walked, built = igraph_view(network), igraph_view(network, as_built=True)
    assert built.links is not None and walked.links is None
    assert built.nodes == walked.nodes and built.weights == walked.weights
    assert built.graph.get_edgelist() == walked.graph.get_edgelist()
    membership = detect_communities(network, seed=0, view=built).membership
    assert len(set(membership.values())) > 1
    find_brokers(network, membership, top=None, view=walked)
    by_walk = {
        node: (data["participation"], data["bridges"]) for node, data in network.nodes(data=True)
    }
    by_arrays = find_brokers(network, membership, top=None, view=built)
    assert by_arrays == find_brokers(network, membership, top=None, view=walked)
    assert by_walk == {n: (d["participation"], d["bridges"]) for n, d in network.nodes(data=True)}
    assert any(0 < broker.participation < 1 for broker in by_arrays)


def test_a_network_changed_after_it_was_built_is_copied_as_it_is_now(partnerships_kg):
    from edukg.analysis.igraph_view import igraph_view

    network = partnership_network(partnerships_kg, details=False, names=False)
    network.remove_edge(*next(iter(network.edges())))
    view = igraph_view(network, as_built=True)
    assert view.links is None and view.graph.ecount() == network.number_of_edges()


def test_betweenness_aside_is_compute_centrality_and_a_child_not_waited_for_ends():
    from edukg.analysis.centrality import centrality_aside

    here, aside = nx.barabasi_albert_graph(300, 3, seed=2), nx.barabasi_albert_graph(300, 3, seed=2)
    expected = compute_centrality(here, seed=4, exact_limit=100, degrees=False)
    with centrality_aside(aside, seed=4, exact_limit=100) as finish:
        assert finish() == expected
    assert dict(aside.nodes(data="centrality")) == dict(here.nodes(data="centrality"))
    with pytest.raises(RuntimeError), centrality_aside(aside, seed=4, exact_limit=100):
        raise RuntimeError("louvain failed")  # the child is killed and waited for
