"""Centrality of the nodes of a partnership network: degree, weighted degree, betweenness.

Betweenness is exact up to :data:`EXACT_BETWEENNESS_LIMIT` nodes. Above that
it is estimated from ``samples`` source nodes drawn with the seed (Brandes'
pivots): :data:`DEFAULT_SAMPLES`, fewer on networks so large that they would
not fit in :data:`PIVOT_BUDGET` (see :func:`sample_size`); the report says
how many, so summaries can print it. igraph computes
it in C (seconds where networkx takes minutes at tens of thousands of nodes),
scaled and sampled exactly as :func:`networkx.betweenness_centrality` with
``k`` and ``seed``, so the values are networkx's.
"""

from __future__ import annotations

import math
import os
import random
import signal
from array import array
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

import networkx as nx

from edukg.analysis.igraph_view import IgraphView, igraph_view

EXACT_BETWEENNESS_LIMIT = 5_000
"""Networks with at most this many nodes get exact betweenness (seconds for sparse ones)."""

DEFAULT_SAMPLES = 500
"""Source nodes sampled for betweenness above the limit (on networks within the budget)."""

PIVOT_BUDGET = 50_000_000
"""Nodes and links that sampled betweenness may visit: pivots x (nodes + links).

Each pivot is one breadth-first search of the whole network, so the time grows
with pivots x size; the budget keeps all 500 pivots up to 100,000 nodes and
links (a register of about 1M triples) and bounds the time above (about 130
pivots for the 5M register: 6 s instead of 22 s).
"""

MIN_SAMPLES = 100
"""The fewest pivots sampled above the limit, whatever the budget."""


@dataclass(frozen=True)
class CentralityReport:
    """How betweenness was computed."""

    method: str  # "exact" or "sampled"
    samples: int | None
    seed: int
    nodes: int

    def describe(self) -> str:
        """The method in words.

        >>> CentralityReport("sampled", 500, 7, 20000).describe()
        'betweenness sampled from 500 of 20000 nodes (seed 7), an estimate'
        >>> CentralityReport("exact", None, 0, 12).describe()
        'betweenness exact over 12 nodes'
        """
        if self.method == "exact":
            return f"betweenness exact over {self.nodes} nodes"
        return (
            f"betweenness sampled from {self.samples} of {self.nodes} nodes "
            f"(seed {self.seed}), an estimate"
        )


def compute_centrality(
    graph: nx.Graph,
    *,
    seed: int = 0,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    samples: int = DEFAULT_SAMPLES,
    budget: int | None = PIVOT_BUDGET,
    betweenness: bool = True,
    view: IgraphView | None = None,
    degrees: bool = True,
) -> CentralityReport:
    """Set ``degree``, ``weighted_degree`` and ``centrality`` (betweenness) on every node.

    Betweenness is normalised and ignores weights: a shortest path counts
    steps between partners, not how much they cooperate.

    Parameters
    ----------
    graph : networkx.Graph
    seed : int
        Seed for sampling pivots when the network is larger than ``exact_limit``.
    exact_limit : int
        Largest number of nodes for exact betweenness.
    samples : int
        Pivots sampled above the limit, at most.
    budget : int or None
        Pivots x (nodes + links) allowed: fewer pivots (not fewer than
        :data:`MIN_SAMPLES`) on networks where ``samples`` would not fit;
        ``None`` always samples ``samples``.
    betweenness : bool
        False leaves ``centrality`` at 0.0 (degree measures only).
    view : IgraphView or None
        An igraph copy of ``graph`` (made here when not given).
    degrees : bool
        False keeps the ``degree`` and ``weighted_degree`` the network was
        built with (:mod:`edukg.analysis.networks` sets them) instead of
        counting them again.

    Examples
    --------
    >>> path = nx.path_graph(["a", "b", "c"])
    >>> nx.set_edge_attributes(path, 2, "weight")
    >>> compute_centrality(path).method
    'exact'
    >>> [(n, path.nodes[n]["degree"], path.nodes[n]["weighted_degree"], path.nodes[n]["centrality"])
    ...  for n in path]
    [('a', 1, 2.0, 0.0), ('b', 2, 4.0, 1.0), ('c', 1, 2.0, 0.0)]
    """
    nodes = graph.number_of_nodes()
    if degrees:
        set_degree_attributes(graph)
    if not betweenness:
        return CentralityReport("none", None, seed, nodes)
    if nodes <= exact_limit:
        scores = betweenness_scores(graph, view=view)
        report = CentralityReport("exact", None, seed, nodes)
    else:
        count = sample_size(nodes, graph.number_of_edges(), samples=samples, budget=budget)
        scores = betweenness_scores(graph, samples=count, seed=seed, view=view)
        report = CentralityReport("sampled", count, seed, nodes)
    for node, score in scores.items():
        graph.nodes[node]["centrality"] = float(score)
    return report


def sample_size(
    nodes: int, links: int, *, samples: int = DEFAULT_SAMPLES, budget: int | None = PIVOT_BUDGET
) -> int:
    """How many pivots sampled betweenness uses on a network of ``nodes`` and ``links``.

    ``samples``, unless ``samples`` searches of the network would visit more than
    ``budget`` nodes and links; then as many as fit, but at least
    :data:`MIN_SAMPLES` (and never more than ``nodes``).

    >>> sample_size(25_209, 51_426), sample_size(126_051, 256_054), sample_size(94_938, 1_329_698)
    (500, 130, 100)
    >>> sample_size(126_051, 256_054, budget=None), sample_size(300, 400, samples=1000)
    (500, 300)
    """
    if budget is not None:
        fits = budget // max(nodes + links, 1)
        samples = min(samples, max(fits, MIN_SAMPLES))
    return min(samples, nodes)


def betweenness_scores(
    graph: nx.Graph,
    *,
    samples: int | None = None,
    seed: int = 0,
    view: IgraphView | None = None,
) -> dict[Hashable, float]:
    """Normalised, unweighted betweenness: exact, or estimated from ``samples`` seeded pivots.

    The same numbers as ``networkx.betweenness_centrality(graph, k=samples,
    normalized=True, seed=seed)``: the same pivots (``random.Random(seed)``
    sampling the node list) and the same scaling, computed by igraph.

    >>> scores = betweenness_scores(nx.path_graph(["a", "b", "c"]))
    >>> scores
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    task = _BetweennessTask.of(graph, samples=samples, seed=seed, view=view)
    return task.scaled(task.raw())


@dataclass(frozen=True)
class _BetweennessTask:
    """igraph's raw betweenness of a copy from its pivots (all vertices: ``None``), and
    how :func:`betweenness_scores` scales it."""

    view: IgraphView
    samples: int | None
    pivots: list[Hashable]

    @classmethod
    def of(
        cls, graph: nx.Graph, *, samples: int | None, seed: int, view: IgraphView | None
    ) -> _BetweennessTask:
        if samples == graph.number_of_nodes():
            samples = None  # every node a pivot: exact (as networkx does)
        view = view or igraph_view(graph, weight=None)
        pivots = [] if samples is None else random.Random(seed).sample(view.nodes, samples)
        return cls(view, samples, pivots)

    def raw(self) -> list[float]:
        """igraph's betweenness of each vertex (each undirected pair counted once)."""
        if self.samples is None:
            return list(self.view.graph.betweenness(directed=False))
        index = self.view.index()
        sources = [index[node] for node in self.pivots]
        return list(self.view.graph.betweenness(directed=False, sources=sources))

    def scaled(self, raw: list[float]) -> dict[Hashable, float]:
        """The raw values scaled as networkx scales them."""
        nodes, samples = self.view.nodes, self.samples
        count = len(nodes)
        if count < 3:
            return dict.fromkeys(nodes, 0.0)
        # igraph counts each undirected pair once; networkx sums ordered (source, target) pairs.
        pairs = count - 2
        if samples is None:
            scale = 2 / ((count - 1) * pairs)
            return {node: value * scale for node, value in zip(nodes, raw, strict=True)}
        on_pivot = 2 / ((samples - 1) * pairs) if samples > 1 else math.nan
        off_pivot = 2 / (samples * pairs)
        chosen = set(self.pivots)
        return {
            node: value * (on_pivot if node in chosen else off_pivot)
            for node, value in zip(nodes, raw, strict=True)
        }


@contextmanager
def centrality_aside(
    graph: nx.Graph,
    *,
    seed: int = 0,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    view: IgraphView | None = None,
) -> Iterator[Callable[[], CentralityReport]]:
    """Work out betweenness in a child process while the caller does other work.

    Gives a function that waits for it and then does what
    ``compute_centrality(graph, seed=seed, exact_limit=exact_limit, view=view,
    degrees=False)`` does: the same scores, set on the same nodes. igraph holds
    the interpreter's lock while it counts, so a thread would not run beside
    other Python work; a forked child does, on another core (analyze at 5M
    triples: betweenness beside Louvain). Where processes cannot fork, the
    scores are worked out when asked for. A child not waited for is ended.

    >>> path = nx.path_graph(["a", "b", "c"])
    >>> with centrality_aside(path) as finish:
    ...     report = finish()
    >>> report.method, [path.nodes[n]["centrality"] for n in path]
    ('exact', [0.0, 1.0, 0.0])
    """
    nodes = graph.number_of_nodes()
    if nodes <= exact_limit:
        task = _BetweennessTask.of(graph, samples=None, seed=seed, view=view)
        report = CentralityReport("exact", None, seed, nodes)
    else:
        count = sample_size(nodes, graph.number_of_edges())
        task = _BetweennessTask.of(graph, samples=count, seed=seed, view=view)
        report = CentralityReport("sampled", count, seed, nodes)

    def finish(raw: list[float]) -> CentralityReport:
        for node, score in task.scaled(raw).items():
            graph.nodes[node]["centrality"] = float(score)
        return report

    with in_child(task.raw) as result:
        yield lambda: finish(result())


@contextmanager
def in_child(work: Callable[[], list[float]]) -> Iterator[Callable[[], list[float]]]:
    """Run ``work`` in a forked child; give a function that waits for its floats.

    Without ``os.fork``, or when the child fails, ``work`` runs in this process
    when its result is asked for. A child whose result is not asked for is killed.

    >>> with in_child(lambda: [0.5, 1.0]) as result:
    ...     result()
    [0.5, 1.0]
    """
    if not hasattr(os, "fork"):
        yield work
        return
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child leaves by os._exit, unseen by coverage
        code = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                out.write(array("d", work()).tobytes())
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    waited = opened = False

    def result() -> list[float]:
        nonlocal waited, opened
        opened = True
        with os.fdopen(read, "rb") as source:
            data = source.read()
        _, status = os.waitpid(child, 0)
        waited = True
        return array("d", data).tolist() if status == 0 else work()

    try:
        yield result
    finally:
        if not opened:
            os.close(read)
        if not waited:
            with suppress(ProcessLookupError):
                os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)


def set_degree_attributes(graph: nx.Graph) -> None:
    """Set ``degree`` and ``weighted_degree`` without rebuilding the graph.

    networkx's ``degree`` and ``degree(weight="weight")``, read in one pass over
    the adjacency (a self-loop counts twice, as networkx counts it).

    >>> graph = nx.Graph([("a", "b", {"weight": 2}), ("b", "c")])
    >>> graph.add_edge("c", "c", weight=3)
    >>> set_degree_attributes(graph)
    >>> [(n, d["degree"], d["weighted_degree"]) for n, d in graph.nodes(data=True)]
    [('a', 1, 2.0), ('b', 2, 3.0), ('c', 3, 7.0)]
    """
    adjacency = graph.adj
    for node, data in graph.nodes(data=True):
        neighbours = adjacency[node]
        weights = [edge.get("weight", 1) for edge in neighbours.values()]
        loop = neighbours.get(node)
        data["degree"] = len(weights) + (loop is not None)
        data["weighted_degree"] = float(
            sum(weights) + (loop.get("weight", 1) if loop is not None else 0)
        )
