"""Turn a partnership network into the plain data a network page draws.

The input follows the analysis contract: a networkx ``Graph`` whose node ids are entity
IRIs, with node attributes ``label`` (dict lang -> str), ``kind``, ``country``, ``region``,
``cluster``, ``centrality``, ``degree``, ``weighted_degree`` and edge attributes ``weight``,
``agreements``, ``events``, ``years``. Missing attributes are tolerated. A short name may
come as ``short_label`` (or ``shortName``, ``altLabel``...: see :mod:`edukg.viz.short_labels`).

Each node gets its ``short`` name, its importance ``rank`` (0 = most central), and its look
under each mapping the page offers: ``colors`` by ``cluster`` or ``country`` and ``sizes``
by ``centrality`` or ``degree`` (``color`` and ``size`` are the first of each). The legend
(see :mod:`edukg.viz.legend`) names the largest groups and folds the rest.

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_node("a", label={"ru": "Школа"}, centrality=1.0, cluster=0)
>>> g.add_node("b", label={"en": "College"}, centrality=0.5)
>>> g.add_edge("a", "b", weight=2, years=[2021])
>>> data = network_page_data(g, lang="ru", title="Пример")
>>> [n["id"] for n in data["nodes"]], data["meta"]["capped"]
(['a', 'b'], False)
>>> data["edges"][0]["from"], data["edges"][0]["width"]
('a', 2.5)
>>> data["nodes"][0]["rank"], data["nodes"][0]["short"]
(0, {'ru': 'Школа'})
>>> data["legend"]["colour"]["cluster"][0]["name"]["ru"]
'Школа'
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx

from edukg.core.errors import ConfigError
from edukg.viz.layout import seeded_layout
from edukg.viz.legend import (
    colour_of,
    colour_rows,
    importance,
    legend_budget,
    shape_rows,
    story,
)
from edukg.viz.short_labels import short_label
from edukg.viz.styling import OTHER_COLOUR, edge_width, kind_shape, node_size
from edukg.viz.vocabulary_labels import LANGUAGES, concept_labels, country_labels

#: Default largest number of nodes a page draws; above it the page shows the most central
#: nodes and says so. 5,000 nodes open in about a second in headless Chromium (see bench/).
DEFAULT_NODE_CAP = 5000
#: Above this many nodes the browser runs no physics: the Python layout is final.
DEFAULT_PHYSICS_THRESHOLD = 300
#: What node colour can stand for, the first being the page's default.
COLOUR_MAPPINGS = ("cluster", "country")
#: What node size can stand for, the first being the page's default.
SIZE_MAPPINGS = ("centrality", "degree")


def network_page_data(
    graph: nx.Graph,
    *,
    lang: str = "ru",
    title: str = "",
    node_cap: int = DEFAULT_NODE_CAP,
    physics_threshold: int = DEFAULT_PHYSICS_THRESHOLD,
    seed: int = 42,
    focus: Hashable | None = None,
    depth: int = 1,
) -> dict[str, Any]:
    """The nodes, edges, legend and filter choices of a page, as JSON-ready data.

    Args:
        graph: the network (see the module docstring for its attributes).
        lang: first language of labels and the page, one of ``ru``, ``be``, ``en``.
        title: the page title.
        node_cap: largest number of nodes drawn; above it, the ``node_cap`` most central
            nodes (then by weighted degree, degree, id) and the edges between them are kept.
        physics_threshold: the browser's physics runs only up to this many nodes.
        seed: layout seed; the same graph and seed give the same page.
        focus: draw only the ego network of this node id ...
        depth: ... up to this many steps away.

    Raises:
        ConfigError: an unknown language, a cap below 1, or a focus node not in the graph.
    """
    if lang not in LANGUAGES:
        raise ConfigError(f"unknown page language {lang!r}", hint="use one of: ru, be, en")
    if node_cap < 1:
        raise ConfigError(f"node cap must be at least 1, not {node_cap}", hint="use e.g. 5000")
    total_nodes, total_edges = graph.number_of_nodes(), graph.number_of_edges()
    if focus is not None:
        if focus not in graph:
            raise ConfigError(
                f"focus node {focus!r} is not in the network",
                hint="give the IRI of an institution that has at least one partner",
            )
        if depth < 0:
            raise ConfigError(f"depth must be 0 or more, not {depth}", hint="use e.g. --depth 1")
        graph = nx.ego_graph(graph, focus, radius=depth)
    shown = _most_central(graph, node_cap)
    positions = seeded_layout(shown, seed=seed)
    max_centrality = max(
        (_number(d.get("centrality")) for _, d in shown.nodes(data=True)), default=0.0
    )
    max_degree = max((_number(d.get("degree")) for _, d in shown.nodes(data=True)), default=0.0)

    nodes = [
        _node(node_id, attrs, positions[node_id], max_centrality, max_degree)
        for node_id, attrs in shown.nodes(data=True)
    ]
    for rank, node in enumerate(sorted(nodes, key=importance)):
        node["rank"] = rank
    edges = [_edge(i, u, v, attrs) for i, (u, v, attrs) in enumerate(shown.edges(data=True))]
    legend = _legend(nodes, edges)
    for mapping, rows in legend["colour"].items():
        colours = colour_of(rows)
        for node in nodes:
            node["colors"][mapping] = colours.get(node[mapping], OTHER_COLOUR)
    for node in nodes:
        node["color"] = node["colors"]["cluster"]
    countries = {n["country"] for n in nodes if n["country"]}
    meta = {
        "title": title,
        "lang": lang,
        "total_nodes": total_nodes,
        "total_edges": total_edges,
        "focus_nodes": graph.number_of_nodes(),
        "shown_nodes": len(nodes),
        "shown_edges": len(edges),
        "capped": shown.number_of_nodes() < graph.number_of_nodes(),
        "node_cap": node_cap,
        "physics": len(nodes) <= physics_threshold,
        "focus": None if focus is None else str(focus),
        "depth": depth if focus is not None else None,
        "countries": len(countries),
        "year_min": legend["year_min"],
        "year_max": legend["year_max"],
    }
    return {"meta": meta, "nodes": nodes, "edges": edges, "legend": legend}


def _most_central(graph: nx.Graph, node_cap: int) -> nx.Graph:
    if graph.number_of_nodes() <= node_cap:
        return graph

    def rank(item: tuple[Hashable, Mapping[str, Any]]) -> tuple[float, float, float, str]:
        node_id, attrs = item
        return (
            -_number(attrs.get("centrality")),
            -_number(attrs.get("weighted_degree")),
            -_number(attrs.get("degree")),
            str(node_id),
        )

    kept = [node_id for node_id, _ in sorted(graph.nodes(data=True), key=rank)[:node_cap]]
    return graph.subgraph(kept)


def _node(
    node_id: Hashable,
    attrs: Mapping[str, Any],
    position: tuple[float, float],
    max_centrality: float,
    max_degree: float,
) -> dict[str, Any]:
    centrality = _number(attrs.get("centrality"))
    degree = _number(attrs.get("degree"))
    kind = _text_or_none(attrs.get("kind"))
    cluster = attrs.get("cluster")
    cluster = int(cluster) if cluster is not None else None
    labels = _labels(attrs.get("label"), node_id)
    sizes = {
        "centrality": node_size(centrality, max_centrality),
        "degree": node_size(degree, max_degree),
    }
    return {
        "id": str(node_id),
        "label": labels,
        "short": short_label(labels, attrs),
        "kind": kind,
        "country": _text_or_none(attrs.get("country")),
        "region": _text_or_none(attrs.get("region")),
        "cluster": cluster,
        "centrality": centrality,
        "degree": int(degree),
        "weighted_degree": _number(attrs.get("weighted_degree")),
        "x": position[0],
        "y": position[1],
        "color": OTHER_COLOUR,
        "colors": {},
        "shape": kind_shape(kind),
        "size": sizes["centrality"],
        "sizes": sizes,
    }


def _edge(index: int, u: Hashable, v: Hashable, attrs: Mapping[str, Any]) -> dict[str, Any]:
    weight = _number(attrs.get("weight", 1)) or 1
    agreements = [_plain(a) for a in attrs.get("agreements") or []]
    events = [_plain(e) for e in attrs.get("events") or []]
    years = sorted({int(y) for y in attrs.get("years") or []})
    return {
        "id": f"e{index}",
        "from": str(u),
        "to": str(v),
        "weight": int(weight) if float(weight).is_integer() else weight,
        "width": edge_width(weight),
        "agreements": agreements,
        "events": events,
        "years": years,
        "types": sorted({str(a["type"]) for a in agreements if a.get("type")}),
        "areas": sorted({str(x) for a in agreements for x in (a.get("areas") or [])}),
    }


def _legend(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, Any]:
    clusters = Counter(n["cluster"] for n in nodes)
    kinds = Counter(n["kind"] for n in nodes)
    countries = Counter(n["country"] for n in nodes)
    types = sorted({t for e in edges for t in e["types"]})
    areas = sorted({a for e in edges for a in e["areas"]})
    years = [y for e in edges for y in e["years"]]
    vocabulary = concept_labels()
    shapes = shape_rows(nodes)
    named = legend_budget(len(shapes))
    return {
        "colour": {
            mapping: colour_rows(nodes, mapping, named=named) for mapping in COLOUR_MAPPINGS
        },
        "shapes": shapes,
        "story": story(nodes, edges),
        "clusters": [
            {"cluster": c, "count": count}
            for c, count in sorted(clusters.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))
        ],
        "kinds": [
            {"kind": k, "shape": kind_shape(k), "count": count}
            for k, count in sorted(kinds.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
        ],
        "countries": [
            {"country": c, "count": count}
            for c, count in sorted(countries.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
        ],
        "types": types,
        "areas": areas,
        "year_min": min(years) if years else None,
        "year_max": max(years) if years else None,
        "names": {
            "concepts": {
                key: vocabulary[key]
                for key in {
                    *(k for k in kinds if k),
                    *types,
                    *areas,
                    *(e.get("type") for edge in edges for e in edge["events"] if e.get("type")),
                }
                if key in vocabulary
            },
            "countries": country_labels(sorted(c for c in countries if c)),
        },
    }


def _labels(value: Any, node_id: Hashable) -> dict[str, str]:
    if isinstance(value, Mapping):
        labels = {str(lang): str(text) for lang, text in value.items() if text}
    elif value:
        labels = {"": str(value)}
    else:
        labels = {}
    # No name: the IRI's last segment reads better than the whole IRI on a label or a legend.
    return labels or {"": str(node_id).rstrip("/").rsplit("/", 1)[-1] or str(node_id)}


def _plain(value: Any) -> Any:
    """A JSON-ready copy: dates become ISO strings, sets become sorted lists."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    return str(value)


def _number(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _text_or_none(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)
