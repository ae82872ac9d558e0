"""Communities (clusters) of a partnership network: Louvain, or Leiden when installed.

Both are seeded: the same network and seed give the same clusters. Clusters
are numbered from 0 by size (largest first), ties broken by their smallest
node id, so numbers are stable too. Both run in igraph's C code (Louvain is
igraph's multilevel algorithm: 0.2 s where networkx takes 5 s at 25,000 nodes).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from math import comb

import networkx as nx

from edukg.analysis.igraph_view import IgraphView, igraph_view, seeded_igraph
from edukg.core.errors import ConfigError

ALGORITHMS = ("louvain", "leiden")


@dataclass(frozen=True)
class Communities:
    """The clusters found in a network, and how they were found."""

    membership: dict[Hashable, int]
    modularity: float
    algorithm: str
    seed: int
    resolution: float
    parameters: dict[str, object] = field(default_factory=dict)

    @cached_property
    def clusters(self) -> list[list[Hashable]]:
        """Members of each cluster, by cluster number, members sorted (worked out once:
        a second at 100,000 nodes)."""
        groups: list[list[Hashable]] = [[] for _ in range(len(set(self.membership.values())))]
        for node, cluster in self.membership.items():
            groups[cluster].append(node)
        return [sorted(group, key=str) for group in groups]


def _numbered(groups: Iterable[Iterable[Hashable]]) -> dict[Hashable, int]:
    ordered = sorted(
        (sorted(group, key=str) for group in groups if group), key=lambda g: (-len(g), str(g[0]))
    )
    return {node: number for number, group in enumerate(ordered) for node in group}


def detect_communities(
    graph: nx.Graph,
    *,
    algorithm: str = "louvain",
    seed: int = 0,
    resolution: float = 1.0,
    weight: str | None = "weight",
    view: IgraphView | None = None,
) -> Communities:
    """Find clusters of densely linked nodes; also sets each node's ``cluster`` attribute.

    Parameters
    ----------
    graph : networkx.Graph
        The partnership network.
    algorithm : {"louvain", "leiden"}
        Louvain (igraph's multilevel algorithm) or Leiden (leidenalg,
        ``pip install 'edukg[leiden]'``; better connected clusters).
    seed : int
        Random seed: the same seed gives the same clusters.
    resolution : float
        Above 1 favours smaller clusters, below 1 larger ones.
    weight : str or None
        Edge attribute used as weight.
    view : IgraphView or None
        An igraph copy of ``graph`` with ``weight`` as its weights, shared with
        other steps (made here when not given).

    Examples
    --------
    >>> g = nx.barbell_graph(4, 0)
    >>> found = detect_communities(g, seed=1)
    >>> found.clusters
    [[0, 1, 2, 3], [4, 5, 6, 7]]
    >>> round(found.modularity, 3)
    0.423
    """
    if algorithm not in ALGORITHMS:
        raise ConfigError(
            f"unknown algorithm {algorithm!r}", hint=f"use one of {', '.join(ALGORITHMS)}"
        )
    if graph.number_of_edges() == 0:
        groups: list[set[Hashable]] = [{node} for node in graph]
        membership = _numbered(groups)
        modularity = 0.0
    else:
        view = view or igraph_view(graph, weight=weight)
        if algorithm == "louvain":
            found = _louvain(view, seed=seed, resolution=resolution)
        else:
            found = _leiden(view, seed=seed, resolution=resolution)
        groups = [{view.nodes[i] for i in members} for members in _groups(found)]
        membership = _numbered(groups)
        modularity = view.graph.modularity(
            [membership[node] for node in view.nodes],
            weights=view.weights,
            resolution=resolution,
            directed=False,
        )
    for node, cluster in membership.items():
        graph.nodes[node]["cluster"] = cluster
    return Communities(membership, float(modularity), algorithm, seed, resolution)


def _groups(membership: list[int]) -> list[list[int]]:
    """Vertex numbers by cluster, from igraph's list of cluster numbers per vertex."""
    groups: dict[int, list[int]] = {}
    for vertex, cluster in enumerate(membership):
        groups.setdefault(cluster, []).append(vertex)
    return list(groups.values())


def _louvain(view: IgraphView, *, seed: int, resolution: float) -> list[int]:
    """Louvain (Blondel et al.'s multilevel algorithm), seeded: a cluster number per vertex."""
    with seeded_igraph(seed):
        found = view.graph.community_multilevel(weights=view.weights, resolution=resolution)
    return list(found.membership)


def _leiden(view: IgraphView, *, seed: int, resolution: float) -> list[int]:
    """Leiden with modularity as the quality function (leidenalg): a cluster number per vertex."""
    try:
        import leidenalg
    except ImportError:
        raise ConfigError(
            "the Leiden algorithm needs leidenalg",
            hint="pip install 'edukg[leiden]', or use --algorithm louvain",
        ) from None
    partition = leidenalg.find_partition(
        view.graph,
        leidenalg.RBConfigurationVertexPartition,
        weights=view.weights or [1.0] * view.graph.ecount(),
        resolution_parameter=resolution,
        seed=seed,
    )
    return list(partition.membership)


def adjusted_rand_index(truth: Sequence[Hashable], found: Sequence[Hashable]) -> float:
    """Agreement of two clusterings of the same items, corrected for chance (Hubert-Arabie).

    1.0 means the same partition (whatever the cluster names); about 0 means
    no better than random.

    >>> adjusted_rand_index([0, 0, 1, 1], ["b", "b", "a", "a"])
    1.0

    By hand: 2 agreeing pairs, 1.2 expected by chance, 4.5 at most: (2 - 1.2) / (4.5 - 1.2).

    >>> round(adjusted_rand_index([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]), 6)
    0.242424
    """
    if len(truth) != len(found):
        raise ValueError("both clusterings must label the same items")
    n = len(truth)
    pairs = Counter(zip(truth, found, strict=True))
    index = sum(comb(count, 2) for count in pairs.values())
    rows = sum(comb(count, 2) for count in Counter(truth).values())
    columns = sum(comb(count, 2) for count in Counter(found).values())
    expected = rows * columns / comb(n, 2) if n > 1 else 0.0
    maximum = (rows + columns) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)
