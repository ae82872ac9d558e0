"""Communities: planted partitions are recovered, and the same seed gives the same clusters."""

from __future__ import annotations

import importlib

import networkx as nx
import pytest

from edukg.analysis.communities import adjusted_rand_index, detect_communities
from edukg.core.errors import ConfigError

ARI_THRESHOLD = 0.9
"""Planted partitions with clear structure (p_in 0.3, p_out 0.01) must be found this well."""


def planted(seed: int) -> tuple[nx.Graph, list[int]]:
    """Five groups of 30 nodes: dense inside, sparse between."""
    graph = nx.planted_partition_graph(5, 30, 0.3, 0.01, seed=seed)
    truth = [graph.nodes[node]["block"] for node in sorted(graph)]
    nx.set_edge_attributes(graph, 1, "weight")
    return graph, truth


def _available(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


ALGORITHMS = [
    "louvain",
    pytest.param(
        "leiden",
        marks=pytest.mark.skipif(
            not (_available("igraph") and _available("leidenalg")),
            reason="pip install 'edukg[leiden]'",
        ),
    ),
]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("graph_seed", [1, 2, 3])
def test_planted_partitions_are_recovered(algorithm, graph_seed):
    graph, truth = planted(graph_seed)
    found = detect_communities(graph, algorithm=algorithm, seed=7)
    labels = [found.membership[node] for node in sorted(graph)]
    assert adjusted_rand_index(truth, labels) >= ARI_THRESHOLD
    assert found.modularity > 0.5
    assert all(graph.nodes[node]["cluster"] == found.membership[node] for node in graph)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_the_same_seed_gives_the_same_clusters(algorithm):
    # a noisy network, where different seeds can disagree
    graph = nx.planted_partition_graph(6, 20, 0.15, 0.05, seed=11)
    nx.set_edge_attributes(graph, 1, "weight")
    first = detect_communities(graph, algorithm=algorithm, seed=42)
    again = detect_communities(graph.copy(), algorithm=algorithm, seed=42)
    assert again.membership == first.membership
    assert again.modularity == first.modularity
    assert first.clusters == again.clusters


def test_clusters_are_numbered_by_size():
    graph = nx.disjoint_union(nx.complete_graph(3), nx.complete_graph(5))
    found = detect_communities(graph, seed=0)
    assert [len(c) for c in found.clusters] == [5, 3]
    assert found.membership[3] == 0


def test_a_network_without_links_gives_one_cluster_per_node():
    graph = nx.empty_graph(["x", "y"])
    found = detect_communities(graph)
    assert found.clusters == [["x"], ["y"]] and found.modularity == 0.0


def test_an_unknown_algorithm_is_refused():
    with pytest.raises(ConfigError, match="unknown algorithm"):
        detect_communities(nx.path_graph(3), algorithm="girvan")


@pytest.mark.parametrize(
    ("truth", "found", "expected"),
    [
        pytest.param([0, 0, 1, 1], [5, 5, 9, 9], 1.0, id="renamed"),
        pytest.param([0, 0, 1, 1], [0, 1, 0, 1], -0.5, id="crossed"),
        pytest.param([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2], 0.8 / 3.3, id="hand-checked"),
    ],
)
def test_adjusted_rand_index(truth, found, expected):
    assert adjusted_rand_index(truth, found) == pytest.approx(expected)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("resolution", [1.0, 1.5])
def test_modularity_is_networkx_modularity(algorithm, resolution):
    graph = nx.planted_partition_graph(4, 15, 0.3, 0.05, seed=4)
    for number, (a, b) in enumerate(graph.edges()):
        graph.edges[a, b]["weight"] = 1 + number % 3
    found = detect_communities(graph, algorithm=algorithm, seed=1, resolution=resolution)
    expected = nx.community.modularity(
        graph, found.clusters, weight="weight", resolution=resolution
    )
    assert found.modularity == pytest.approx(expected)


def test_louvain_leaves_the_callers_random_state_alone():
    import random

    graph, _ = planted(1)
    random.seed(99)
    before = random.random()
    random.seed(99)
    detect_communities(graph, seed=5)
    assert random.random() == before
