"""How network data maps to look: colour by cluster, size by centrality, shape by kind.

>>> cluster_colour(0), cluster_colour(None)
('#1f77b4', '#9e9e9e')
>>> kind_shape("university"), kind_shape(None), kind_shape("something-new")
('dot', 'hexagon', 'hexagon')
>>> node_size(0.0, 0.0), node_size(1.0, 1.0)
(8.0, 40.0)
>>> edge_width(1), edge_width(8)
(1.0, 5.5)
"""

from __future__ import annotations

import math

#: 20 distinguishable colours (the Tableau 20 order); clusters beyond 20 reuse them.
CLUSTER_COLOURS = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
    "#aec7e8",
    "#ffbb78",
    "#98df8a",
    "#ff9896",
    "#c5b0d5",
    "#c49c94",
    "#f7b6d2",
    "#c7c7c7",
    "#dbdb8d",
    "#9edae5",
)
NO_CLUSTER_COLOUR = "#9e9e9e"

#: vis-network shapes for the institution-kind notations of ``ontology/edukg.ttl``.
KIND_SHAPES = {
    "university": "dot",
    "school": "square",
    "gymnasium": "triangle",
    "lyceum": "triangleDown",
    "college": "diamond",
    "preschool": "star",
    "institute_of_education_development": "box",
    "education_authority": "ellipse",
    "ministry": "database",
    "extracurricular": "circle",
    "other": "hexagon",
}
UNKNOWN_KIND_SHAPE = "hexagon"

MIN_NODE_SIZE = 8.0
MAX_NODE_SIZE = 40.0


def cluster_colour(cluster: int | None) -> str:
    """The colour of a cluster; grey for nodes outside any cluster."""
    if cluster is None:
        return NO_CLUSTER_COLOUR
    return CLUSTER_COLOURS[int(cluster) % len(CLUSTER_COLOURS)]


def kind_shape(kind: str | None) -> str:
    """The vis-network shape of an institution kind; a hexagon, like ``other``, when unknown."""
    return KIND_SHAPES.get(kind or "", UNKNOWN_KIND_SHAPE)


def node_size(centrality: float, max_centrality: float) -> float:
    """Node radius in pixels: the square root of centrality, scaled to the largest."""
    if max_centrality <= 0:
        return MIN_NODE_SIZE
    share = max(0.0, min(1.0, centrality / max_centrality))
    return round(MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * math.sqrt(share), 2)


def edge_width(weight: int | float) -> float:
    """Edge width in pixels: grows with the logarithm of the weight, from 1 to 10."""
    weight = max(1.0, float(weight or 1))
    return round(min(10.0, 1.0 + 1.5 * math.log2(weight)), 2)
