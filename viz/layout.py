"""Seeded node positions, computed in Python so the browser does not have to.

Small networks use networkx's ``spring_layout``. Above :data:`NUMPY_LAYOUT_FROM` nodes,
networkx's layouts take about a minute for 5,000 nodes on one core, so we run the same
Fruchterman-Reingold model vectorised with numpy (exact repulsion, in row blocks to keep
memory flat): about 6 s for 5,000 nodes.

>>> import networkx as nx
>>> positions = seeded_layout(nx.path_graph(3), seed=1)
>>> sorted(positions) == [0, 1, 2] and positions == seeded_layout(nx.path_graph(3), seed=1)
True
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx
import numpy as np

#: From this many nodes on, :func:`seeded_layout` uses the numpy implementation.
NUMPY_LAYOUT_FROM = 400


def seeded_layout(
    graph: nx.Graph,
    *,
    seed: int = 42,
    weight: str | None = "weight",
    iterations: int = 50,
    spacing: float = 60.0,
) -> dict[Hashable, tuple[float, float]]:
    """Positions in page pixels for every node; the same seed gives the same layout.

    Args:
        graph: the network.
        seed: random seed of the initial positions.
        weight: edge attribute pulling nodes together, or ``None``.
        iterations: layout iterations.
        spacing: average distance between nodes, in pixels; the drawing's side grows
            with the square root of the number of nodes.
    """
    nodes = list(graph.nodes)
    if not nodes:
        return {}
    if len(nodes) < NUMPY_LAYOUT_FROM:
        raw = nx.spring_layout(graph, seed=seed, weight=weight, iterations=iterations)
        coords = np.array([raw[node] for node in nodes], dtype=np.float64)
    else:
        coords = _fruchterman_reingold(
            graph, nodes, seed=seed, weight=weight, iterations=iterations
        )
    coords -= coords.mean(axis=0)
    extent = float(np.abs(coords).max()) or 1.0
    half_side = spacing * math.sqrt(len(nodes)) / 2
    coords *= half_side / extent
    return {
        node: (round(float(x), 1), round(float(y), 1))
        for node, (x, y) in zip(nodes, coords, strict=True)
    }


def _fruchterman_reingold(
    graph: nx.Graph,
    nodes: list[Hashable],
    *,
    seed: int,
    weight: str | None,
    iterations: int,
    block: int = 1024,
) -> np.ndarray:
    """Fruchterman-Reingold in the unit square, vectorised: O(n^2) per iteration."""
    index = {node: i for i, node in enumerate(nodes)}
    n = len(nodes)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)).astype(np.float32)
    edges = [
        (index[u], index[v], float(d.get(weight, 1) or 1) if weight else 1.0)
        for u, v, d in graph.edges(data=True)
        if u != v
    ]
    src = np.array([e[0] for e in edges], dtype=np.int64)
    dst = np.array([e[1] for e in edges], dtype=np.int64)
    strength = np.array([e[2] for e in edges], dtype=np.float32)
    k = np.float32(1.0 / math.sqrt(n))
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        disp = np.zeros((n, 2), dtype=np.float32)
        x, y = pos[:, 0], pos[:, 1]
        for start in range(0, n, block):
            dx = x[start : start + block, None] - x[None, :]
            dy = y[start : start + block, None] - y[None, :]
            inverse = dx * dx
            inverse += dy * dy
            np.maximum(inverse, 1e-6, out=inverse)
            np.divide(k * k, inverse, out=inverse)
            disp[start : start + block, 0] += (dx * inverse).sum(axis=1)
            disp[start : start + block, 1] += (dy * inverse).sum(axis=1)
        if len(src):
            delta = pos[src] - pos[dst]
            distance = np.sqrt((delta * delta).sum(axis=1))
            pull = delta * (distance * strength / k)[:, None]
            np.subtract.at(disp, src, pull)
            np.add.at(disp, dst, pull)
        length = np.sqrt((disp * disp).sum(axis=1))
        np.maximum(length, 1e-6, out=length)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return pos.astype(np.float64)
