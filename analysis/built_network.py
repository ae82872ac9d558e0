"""A networkx graph whose links are made from its builder's edge arrays when first read.

``edukg analyze`` reads no link of the institution network through networkx: Louvain,
betweenness, the brokers' scores and the bridges work on the builder's edge list
(:func:`~edukg.analysis.igraph_view.remember_edges`), and the results and the summary read
only nodes. At 5M triples the network has 1.3 million links, and making a networkx
adjacency of them (a dict per link, two entries for each) took seconds that nothing used.
A :class:`BuiltNetwork` keeps its links as arrays and makes that adjacency, exactly as
the builder would have (the same dicts in the same order), the first time anything reads
``_adj`` (every networkx view and algorithm does); until then it counts its links itself.

>>> import numpy as np
>>> graph = BuiltNetwork(level="institution")
>>> graph.add_nodes_from(["a", "b", "c"])
>>> graph.defer_edges(np.array([0, 1]), np.array([1, 2]), np.array([2, 1]))
>>> graph.number_of_edges(), "_adj" in vars(graph) and vars(graph)["_adj"]["a"]
(2, {})
>>> list(graph.edges(data=True))
[('a', 'b', {'weight': 2}), ('b', 'c', {'weight': 1})]
"""

from __future__ import annotations

from typing import Any

import networkx as nx


class _DeferredAdjacency:
    """``_adj`` of a :class:`BuiltNetwork`: made from the deferred links when first read.

    Setting it resets the cached views, as networkx's own descriptor does, and drops
    the deferred links (the adjacency set is the whole truth).
    """

    def __get__(self, graph: Any, owner: type | None = None) -> Any:
        if graph is None:
            return self
        state = graph.__dict__
        deferred = state.pop("_deferred", None)
        if deferred is not None:
            _fill(state["_adj"], graph._node, *deferred)
        return state["_adj"]

    def __set__(self, graph: Any, value: Any) -> None:
        state = graph.__dict__
        state["_adj"] = value
        state.pop("_deferred", None)
        for view in ("adj", "edges", "degree"):
            state.pop(view, None)


def _fill(
    adjacency: dict[Any, Any], nodes: dict[Any, Any], firsts: Any, seconds: Any, weights: Any
) -> None:
    """Add each link ``k`` between the ``firsts[k]``-th and ``seconds[k]``-th nodes (one
    dict ``{"weight": weights[k]}`` shared by both ends), in order, as the builder adds them."""
    names = list(nodes)
    for first, second, weight in zip(
        firsts.tolist(), seconds.tolist(), weights.tolist(), strict=True
    ):
        data = {"weight": weight}
        a, b = names[first], names[second]
        adjacency[a][b] = data
        adjacency[b][a] = data


class BuiltNetwork(nx.Graph):
    """A :class:`networkx.Graph` that can hold its links as arrays until they are read.

    Any use that reads the adjacency makes it first, so it is a networkx graph in every
    respect; only :meth:`number_of_edges` (of the whole graph) answers without it.
    """

    _adj = _DeferredAdjacency()

    def defer_edges(self, firsts: Any, seconds: Any, weights: Any) -> None:
        """Hold links ``k`` between the ``firsts[k]``-th and ``seconds[k]``-th nodes (numpy
        arrays of positions in the node order) of weight ``weights[k]`` (integers), to be
        added when the adjacency is first read. The nodes must be added, without links."""
        self.__dict__["_deferred"] = (firsts, seconds, weights)

    def number_of_edges(self, u: Any = None, v: Any = None) -> int:
        """The number of links (between ``u`` and ``v``, given both), as networkx counts them.

        >>> graph = BuiltNetwork([("a", "b")])
        >>> graph.number_of_edges()
        1
        """
        deferred = self.__dict__.get("_deferred")
        if u is None and deferred is not None:
            return len(deferred[0])
        return int(super().number_of_edges(u, v))
