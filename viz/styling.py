"""How network data maps to look: colour by cluster or country, size by centrality or degree,
shape by kind. Every shape is one that carries no text inside (vis-network draws the text of
``box``, ``ellipse``, ``circle`` and ``database`` nodes inside them, which buries the picture).

>>> cluster_colour(0), cluster_colour(None)
('#1f77b4', '#9e9e9e')
>>> palette_colour(0), palette_colour(10) == OTHER_COLOUR
('#1f77b4', True)
>>> kind_shape("university"), kind_shape(None), kind_shape("something-new")
('dot', 'hexagon', 'hexagon')
>>> sorted(set(KIND_SHAPES.values()) - TEXT_FREE_SHAPES)
[]
>>> node_size(0.0, 0.0), node_size(1.0, 1.0)
(6.0, 30.0)
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
#: The colour of every group the legend folds into "other" (light, so named groups stand out).
OTHER_COLOUR = "#c3cad2"
#: How many groups get a distinct colour (the Tableau 10 part of the palette).
DISTINCT_COLOURS = 10
#: vis-network shapes drawn without text inside: the label goes beside them, or nowhere.
TEXT_FREE_SHAPES = frozenset(
    {"dot", "square", "triangle", "triangleDown", "diamond", "star", "hexagon"}
)

#: vis-network shapes for the institution-kind notations of ``ontology/edukg.ttl``.
KIND_SHAPES = {
    "university": "dot",
    "school": "square",
    "gymnasium": "triangle",
    "lyceum": "triangleDown",
    "college": "diamond",
    "preschool": "star",
    # CORDIS activity types; each shares a shape with a school kind that CORDIS does not use
    "higher_or_secondary_education": "dot",
    "research_organisation": "diamond",
    "company": "triangleDown",
    "public_body": "star",
    # Seven shapes for the kinds: the administrative kinds and the rest share the hexagon.
    "institute_of_education_development": "hexagon",
    "education_authority": "hexagon",
    "ministry": "hexagon",
    "extracurricular": "hexagon",
    "other": "hexagon",
}
UNKNOWN_KIND_SHAPE = "hexagon"

MIN_NODE_SIZE = 6.0
MAX_NODE_SIZE = 30.0


def cluster_colour(cluster: int | None) -> str:
    """The colour of a cluster; grey for nodes outside any cluster."""
    if cluster is None:
        return NO_CLUSTER_COLOUR
    return CLUSTER_COLOURS[int(cluster) % len(CLUSTER_COLOURS)]


def palette_colour(index: int) -> str:
    """The colour of the ``index``-th largest group; groups past the palette share the grey."""
    return CLUSTER_COLOURS[index] if 0 <= index < DISTINCT_COLOURS else OTHER_COLOUR


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
