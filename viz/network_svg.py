"""A static SVG drawing of a partnership network, for reports and print.

Same layout, colours, sizes and shapes as the interactive page; short names only for the
most central nodes, each only where it overlaps no name already placed, so the drawing stays
readable. All text is XML-escaped.

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_node("a", label={"ru": "<Школа & лицей>"}, centrality=1.0, kind="school")
>>> g.add_edge("a", "b", weight=3)
>>> svg = network_svg(g, title="Сеть")
>>> svg.startswith("<svg") and "&lt;Школа &amp; лицей&gt;" in svg and "<rect" in svg
True
"""

from __future__ import annotations

import math
import os
from collections.abc import Hashable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from edukg.viz.page_data import DEFAULT_NODE_CAP, network_page_data

NOTICES = {
    "ru": "показаны {shown} самых центральных из {total}",
    "be": "паказаны {shown} найбольш цэнтральных з {total}",
    "en": "showing the {shown} most central of {total}",
}


def network_svg(
    graph: nx.Graph,
    *,
    lang: str = "ru",
    title: str = "",
    node_cap: int = DEFAULT_NODE_CAP,
    seed: int = 42,
    width: int = 1200,
    labelled: int = 30,
    focus: Hashable | None = None,
    depth: int = 1,
) -> str:
    """The network as an SVG document (a string).

    Args:
        graph: the network, with the attributes :mod:`edukg.viz.page_data` reads.
        lang: language of labels: ``ru``, ``be`` or ``en``.
        title: a heading drawn at the top; none when empty.
        node_cap: draw at most this many nodes (the most central), and say so.
        seed: layout seed.
        width: drawing width in pixels; the height follows the layout.
        labelled: how many of the most central nodes may get a name (those that would
            overlap a more central one's name get none).
        focus, depth: draw only the ego network of ``focus``.
    """
    data = network_page_data(
        graph,
        lang=lang,
        title=title,
        node_cap=node_cap,
        seed=seed,
        focus=focus,
        depth=depth,
        physics_threshold=0,
    )
    nodes, edges, meta = data["nodes"], data["edges"], data["meta"]
    margin, header = 90.0, (50.0 if title or meta["capped"] else 10.0)
    xs = [n["x"] for n in nodes] or [0.0]
    ys = [n["y"] for n in nodes] or [0.0]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    scale = (width - 2 * margin) / max(span_x, span_y)
    height = int(header + 2 * margin + span_y * scale)

    def place(node: dict[str, Any]) -> tuple[float, float]:
        return (
            margin + (node["x"] - min(xs)) * scale,
            header + margin + (node["y"] - min(ys)) * scale,
        )

    where = {n["id"]: place(n) for n in nodes}
    radius_scale = max(0.35, min(1.0, scale))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Noto Sans, Arial, sans-serif">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    if title:
        parts.append(
            f'<text x="20" y="28" font-size="20" font-weight="bold">{escape(title)}</text>'
        )
    if meta["capped"]:
        notice = NOTICES[lang].format(shown=meta["shown_nodes"], total=meta["focus_nodes"])
        parts.append(f'<text x="20" y="46" font-size="13" fill="#8a4b00">{escape(notice)}</text>')
    parts.append('<g stroke="#8a96a3" stroke-opacity="0.6">')
    for edge in edges:
        (x1, y1), (x2, y2) = where[edge["from"]], where[edge["to"]]
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke-width="{edge["width"] * radius_scale:.2f}"/>'
        )
    parts.append("</g>")
    parts.append('<g stroke="#34404d" stroke-width="0.8">')
    for node in nodes:
        x, y = where[node["id"]]
        parts.append(
            _shape(
                node["shape"],
                x,
                y,
                node["size"] * radius_scale,
                node["color"],
                _label(node["label"], lang),
            )
        )
    parts.append("</g>")
    parts.append(
        '<g font-size="11" fill="#1d2733" text-anchor="middle" stroke="#ffffff" '
        'stroke-width="3" stroke-opacity="0.85" paint-order="stroke">'
    )
    placed: list[tuple[float, float, float, float]] = []
    for node in sorted(nodes, key=lambda n: n["rank"])[:labelled]:
        x, y = where[node["id"]]
        text = _label(node["short"], lang)
        box = _label_box(text, x, y + node["size"] * radius_scale + 2)
        if any(_overlap(box, other) for other in placed):
            continue  # the more central name keeps its place
        placed.append(box)
        parts.append(f'<text x="{x:.1f}" y="{box[1] + 11:.1f}">{escape(text)}</text>')
    parts.append("</g></svg>")
    return "\n".join(parts) + "\n"


def write_network_svg(graph: nx.Graph, path: str | os.PathLike[str], **options: Any) -> Path:
    """Write :func:`network_svg` to ``path`` as UTF-8; options as for :func:`network_svg`."""
    target = Path(path)
    target.write_text(network_svg(graph, **options), encoding="utf-8", newline="\n")
    return target


def _label_box(text: str, x: float, top: float) -> tuple[float, float, float, float]:
    """A name's box (left, top, width, height), its width estimated at 0.62 em a character."""
    width = 0.62 * 11 * len(text) + 4
    return (x - width / 2, top, width, 14.0)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _label(labels: dict[str, str], lang: str) -> str:
    for key in (lang, "en", "ru", "be", ""):
        if labels.get(key):
            return labels[key]
    return next(iter(labels.values()), "")


def _shape(shape: str, x: float, y: float, r: float, colour: str, name: str) -> str:
    tooltip = f"<title>{escape(name)}</title>"
    fill = f"fill={quoteattr(colour)}"
    if shape in ("square", "box", "database"):
        return (
            f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" '
            f"{fill}>{tooltip}</rect>"
        )
    if shape == "ellipse":
        return (
            f'<ellipse cx="{x:.1f}" cy="{y:.1f}" rx="{1.4 * r:.1f}" ry="{0.8 * r:.1f}" '
            f"{fill}>{tooltip}</ellipse>"
        )
    corners = {
        "triangle": (3, -90, 1.0),
        "triangleDown": (3, 90, 1.0),
        "diamond": (4, 0, 1.0),
        "hexagon": (6, 0, 1.0),
        "star": (10, -90, 0.5),
    }
    if shape in corners:
        count, start, inner = corners[shape]
        points = []
        for i in range(count):
            angle = math.radians(start + 360 * i / count)
            reach = r if shape != "star" or i % 2 == 0 else r * inner
            points.append(f"{x + reach * math.cos(angle):.1f},{y + reach * math.sin(angle):.1f}")
        return f'<polygon points="{" ".join(points)}" {fill}>{tooltip}</polygon>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {fill}>{tooltip}</circle>'
