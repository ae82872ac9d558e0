"""Seeded node positions, computed in Python so the browser does not have to.

Each connected component is laid out on its own with igraph's Fruchterman-Reingold (C code:
about 1.5 s for a 5,000-node component), scaled so that ties have about the same length
everywhere, and the components are then packed in rows, largest first. Without packing,
repulsion pushes every small component to the rim and squeezes the main one into the middle.

>>> import networkx as nx
>>> positions = seeded_layout(nx.path_graph(3), seed=1)
>>> sorted(positions) == [0, 1, 2] and positions == seeded_layout(nx.path_graph(3), seed=1)
True
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable

import networkx as nx
import numpy as np

#: Iterations of Fruchterman-Reingold per component (fewer for very large components).
ITERATIONS = 500
#: Above this many nodes a component's repulsion uses igraph's grid approximation.
EXACT_REPULSION_UP_TO = 800


def seeded_layout(
    graph: nx.Graph,
    *,
    seed: int = 42,
    weight: str | None = "weight",
    iterations: int = ITERATIONS,
    spacing: float = 80.0,
) -> dict[Hashable, tuple[float, float]]:
    """Positions in page pixels for every node; the same seed gives the same layout.

    Args:
        graph: the network.
        seed: random seed of the initial positions.
        weight: edge attribute pulling nodes together, or ``None``.
        iterations: layout iterations per component.
        spacing: typical length of a tie, in pixels.
    """
    if graph.number_of_nodes() == 0:
        return {}
    components = sorted(
        (sorted(component, key=str) for component in nx.connected_components(graph)),
        key=lambda members: (-len(members), str(members[0])),
    )
    rng = np.random.default_rng(seed)
    pieces = [
        _component_layout(
            graph, members, rng, weight=weight, iterations=iterations, spacing=spacing
        )
        for members in components
    ]
    return _pack(components, pieces, gap=spacing)


def _component_layout(
    graph: nx.Graph,
    members: list[Hashable],
    rng: np.random.Generator,
    *,
    weight: str | None,
    iterations: int,
    spacing: float,
) -> np.ndarray:
    """One component's positions, centred, with ties about ``spacing`` long."""
    n = len(members)
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[-spacing / 2, 0.0], [spacing / 2, 0.0]])
    import igraph

    index = {node: i for i, node in enumerate(members)}
    pairs = [(index[u], index[v]) for u, v in graph.subgraph(members).edges if u != v]
    weights = [
        max(1.0, float(graph.edges[members[a], members[b]].get(weight, 1) or 1)) if weight else 1.0
        for a, b in pairs
    ]
    start = rng.random((n, 2)) * math.sqrt(n)
    state = random.getstate()  # igraph draws from Python's global random module
    random.seed(int(rng.integers(1 << 31)))
    try:
        coords = igraph.Graph(n=n, edges=pairs).layout_fruchterman_reingold(
            weights=weights,
            niter=iterations if n <= EXACT_REPULSION_UP_TO else max(100, iterations // 2),
            seed=start.tolist(),
            grid="nogrid" if n <= EXACT_REPULSION_UP_TO else "grid",
        )
    finally:
        random.setstate(state)
    points = np.array(coords.coords, dtype=np.float64)
    points -= points.mean(axis=0)
    lengths = [float(np.hypot(*(points[a] - points[b]))) for a, b in pairs]
    typical = float(np.median(lengths)) if lengths else 1.0
    return points * (spacing / (typical or 1.0))


def _pack(
    components: list[list[Hashable]], pieces: list[np.ndarray], *, gap: float
) -> dict[Hashable, tuple[float, float]]:
    """Shelf-pack the components, largest first, into a roughly square drawing."""
    boxes = []
    for points in pieces:
        low, high = points.min(axis=0), points.max(axis=0)
        boxes.append((low, high - low + gap))
    area = sum(float(size[0] * size[1]) for _, size in boxes)
    row_width = max(float(boxes[0][1][0]), math.sqrt(area) * 1.1)
    positions: dict[Hashable, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for members, points, (low, size) in zip(components, pieces, boxes, strict=True):
        if x > 0 and x + size[0] > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        offset = np.array([x, y]) - low
        for node, (px, py) in zip(members, points + offset, strict=True):
            positions[node] = (round(float(px), 1), round(float(py), 1))
        x += float(size[0])
        row_height = max(row_height, float(size[1]))
    centre = np.mean(np.array(list(positions.values())), axis=0)
    return {
        node: (round(px - float(centre[0]), 1), round(py - float(centre[1]), 1))
        for node, (px, py) in positions.items()
    }
