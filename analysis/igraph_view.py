"""A partnership network seen as an igraph graph, for the algorithms igraph runs in C.

networkx stays the type every floor hands around; the heavy algorithms
(betweenness, Louvain, Leiden, bridges) borrow an igraph copy for one call,
because igraph's C code is 10 to 100 times faster on networks of thousands of
nodes. Vertex ``i`` of the copy is ``nodes[i]``: the network's own node order,
so seeded results do not depend on anything but the network.

>>> import networkx as nx
>>> view = igraph_view(nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})]))
>>> view.nodes, view.graph.vcount(), view.graph.ecount(), view.weights
(['a', 'b', 'c'], 3, 2, [2.0, 1.0])
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

import networkx as nx
import numpy as np


@dataclass(frozen=True)
class EdgeList:
    """A network's edges as its builder made them: edge ``k`` joins vertices ``firsts[k]``
    and ``seconds[k]`` (numpy arrays of node ranks) with weight ``weights[k]``, in the
    order of ``network.edges()``, in which the builder added them to the adjacency."""

    firsts: Any
    seconds: Any
    weights: list[float]


_BUILT: WeakKeyDictionary[nx.Graph, EdgeList] = WeakKeyDictionary()


def remember_edges(network: nx.Graph, edges: EdgeList) -> None:
    """Note the edge list the builder of ``network`` made, for :func:`igraph_view`'s
    ``as_built`` (building the copy from it spares a walk of every link)."""
    _BUILT[network] = edges


@dataclass(frozen=True)
class IgraphView:
    """An igraph copy of a network: ``graph`` with vertex ``i`` standing for ``nodes[i]``.

    ``links`` is the edge list the copy was made from, when it was the builder's.
    """

    graph: Any  # igraph.Graph, imported lazily
    nodes: list[Hashable]
    weights: list[float] | None
    links: EdgeList | None = None

    def index(self) -> dict[Hashable, int]:
        """Node to vertex number."""
        return {node: number for number, node in enumerate(self.nodes)}


def igraph_view(
    network: nx.Graph, *, weight: str | None = "weight", as_built: bool = False
) -> IgraphView:
    """Copy an undirected networkx graph into igraph, keeping node order and edge weights.

    ``weight`` names the edge attribute copied as weights (missing: 1); ``None`` copies none.
    With ``as_built`` (the caller has not changed the network's edges since it was built)
    the edge list its builder remembered (:func:`remember_edges`) is copied, when there is
    one: the same copy, without reading each link (seconds at a million links).
    """
    import igraph

    nodes = list(network)
    built = _BUILT.get(network) if as_built and weight == "weight" else None
    if built is not None and len(built.weights) == network.number_of_edges():
        edges = list(zip(built.firsts.tolist(), built.seconds.tolist(), strict=True))
        graph = igraph.Graph(n=len(nodes), edges=edges)
        return IgraphView(graph, nodes, built.weights, built)
    index = {node: number for number, node in enumerate(nodes)}
    edges = [(index[a], index[b]) for a, b in network.edges()]
    weights = (
        [float(data.get(weight, 1)) for _, _, data in network.edges(data=True)] if weight else None
    )
    return IgraphView(igraph.Graph(n=len(nodes), edges=edges), nodes, weights)


@dataclass(frozen=True)
class AdjacencyArrays:
    """A network's adjacency as numbers: entry ``k`` is a link from vertex ``sources[k]`` to
    vertex ``targets[k]`` (vertex ``i`` is ``nodes[i]``) of weight ``weights[k]``, in the
    order of ``network.adj`` (each edge twice)."""

    nodes: list[Hashable]
    sources: Any  # numpy int64 array
    targets: Any  # numpy int64 array
    weights: Any  # numpy float64 array


def built_adjacency(view: IgraphView) -> AdjacencyArrays | None:
    """The adjacency of a network copied ``as_built`` (with its ``weight`` weights), from its
    builder's edge list (whose builder added each edge's two links in turn, in its order).
    ``None`` for a copy made otherwise.

    >>> network = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
    >>> firsts, seconds = np.array([0, 1]), np.array([1, 2])
    >>> remember_edges(network, EdgeList(firsts, seconds, [2.0, 1.0]))
    >>> arrays = built_adjacency(igraph_view(network, as_built=True))
    >>> arrays.sources.tolist(), arrays.targets.tolist(), arrays.weights.tolist()
    ([0, 1, 1, 2], [1, 0, 2, 1], [2.0, 2.0, 1.0, 1.0])
    >>> built_adjacency(igraph_view(network)) is None
    True
    """
    links = view.links
    if links is None:
        return None
    # each edge's two links in turn, then each node's links in the order they were added
    sources = np.column_stack((links.firsts, links.seconds)).ravel()
    targets = np.column_stack((links.seconds, links.firsts)).ravel()
    order = np.argsort(sources, kind="stable")
    weights = np.array(links.weights, dtype=np.float64)[order // 2]
    return AdjacencyArrays(view.nodes, sources[order], targets[order], weights)


@contextmanager
def seeded_igraph(seed: int) -> Iterator[None]:
    """Run igraph's randomised algorithms on ``random.Random(seed)``, then restore its default.

    igraph draws from one process-wide generator (Python's ``random`` module by
    default); a private seeded one makes a run repeatable without touching
    the caller's ``random`` state.
    """
    import igraph

    igraph.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)
