"""Hand a partnership network to other tools: GraphML, GEXF (Gephi) or CSV tables.

GraphML and GEXF hold only plain values, so each node's labels become
``label`` (preferred language) plus ``label_ru``/``label_be``/``label_en``,
and each edge's links become text: ``agreement_ids``, ``event_titles`` and
``years`` joined by ``; ``. CSV writes two UTF-8 tables in Gephi's
spreadsheet-import shape: nodes (``Id``, ``Label``, ...) and edges
(``Source``, ``Target``, ``Weight``, ...).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import networkx as nx

from edukg.analysis.networks import LABEL_LANGUAGES, node_label
from edukg.core.cells import spreadsheet_safe
from edukg.core.controls import visible_controls
from edukg.core.errors import ConfigError
from edukg.core.files import atomic_output

FORMATS = ("graphml", "gexf", "csv")
SEPARATOR = "; "
NODE_FIELDS = (
    "kind",
    "country",
    "region",
    "cluster",
    "degree",
    "weighted_degree",
    "centrality",
    "participation",
    "bridges",
)


def flat_network(graph: nx.Graph, *, lang: str = "ru") -> nx.Graph:
    """A copy of the network with only strings and numbers as attributes."""
    flat = nx.Graph(
        level=str(graph.graph.get("level", "")), window=str(graph.graph.get("window", ""))
    )
    for node, data in graph.nodes(data=True):
        attributes: dict[str, str | int | float] = {"label": node_label(graph, node, lang)}
        for language in LABEL_LANGUAGES:
            attributes[f"label_{language}"] = data.get("label", {}).get(language, "")
        for name in NODE_FIELDS:
            value = data.get(name)
            if value is not None:
                attributes[name] = value
        flat.add_node(node, **attributes)
    for a, b, data in graph.edges(data=True):
        flat.add_edge(a, b, **flat_edge(data))
    return flat


def flat_edge(data: dict) -> dict[str, str | int]:
    """An edge's attributes as plain values."""
    agreements = data.get("agreements", [])
    events = data.get("events", [])
    return {
        "weight": int(data.get("weight", 0)),
        "agreement_count": len(agreements),
        "event_count": len(events),
        "agreement_ids": SEPARATOR.join(a.get("id") or a["iri"] for a in agreements),
        "event_titles": SEPARATOR.join(e.get("title") or e["iri"] for e in events),
        "years": SEPARATOR.join(str(y) for y in data.get("years", [])),
    }


def _make_controls_visible(flat: nx.Graph) -> None:
    """Write control characters in labels as escapes: XML cannot hold them."""
    for _, data in [*flat.nodes(data=True), *((None, d) for *_, d in flat.edges(data=True))]:
        for key, value in data.items():
            if isinstance(value, str):
                data[key] = visible_controls(value)


def export_network(
    graph: nx.Graph, path: Path, *, format_name: str, lang: str = "ru", neutralise: bool = True
) -> list[Path]:
    """Write the network to ``path`` in ``format_name``; return the files written.

    CSV writes ``path`` (edges) and ``<stem>.nodes.csv`` beside it (nodes); a
    value a spreadsheet would run as a formula gets a leading apostrophe unless
    ``neutralise`` is false. Each file is written whole or not at all.
    """
    if format_name not in FORMATS:
        raise ConfigError(
            f"unknown network format {format_name!r}", hint=f"use one of {', '.join(FORMATS)}"
        )
    flat = flat_network(graph, lang=lang)
    _make_controls_visible(flat)
    if format_name == "graphml":
        with atomic_output(path) as handle:
            nx.write_graphml(flat, handle, encoding="utf-8")
        return [path]
    if format_name == "gexf":
        with atomic_output(path) as handle:
            nx.write_gexf(flat, handle, encoding="utf-8")
        return [path]

    def safe(values: list[Any]) -> list[Any]:
        return [spreadsheet_safe(value, neutralise=neutralise) for value in values]

    nodes_path = path.with_name(path.stem + ".nodes.csv")
    node_columns = ["Id", "Label", *(f"label_{x}" for x in LABEL_LANGUAGES), *NODE_FIELDS]
    with atomic_output(nodes_path, text=True, encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(node_columns)
        for node, data in flat.nodes(data=True):
            writer.writerow(
                safe([node, data["label"], *(data.get(c, "") for c in node_columns[2:])])
            )
    edge_columns = ["agreement_count", "event_count", "agreement_ids", "event_titles", "years"]
    with atomic_output(path, text=True, encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Source", "Target", "Weight", *edge_columns])
        for a, b, data in flat.edges(data=True):
            writer.writerow(safe([a, b, data["weight"], *(data[c] for c in edge_columns)]))
    return [path, nodes_path]
