"""Interactive network pages: one self-contained, offline UTF-8 HTML file per network.

:func:`build_network_page` turns a partnership network (see :mod:`edukg.viz.page_data` for
the attributes it reads) into a :class:`NetworkPage`, whose ``network`` is a pyvis
``Network`` holding the vis-network nodes, edges and options. :func:`write_page` renders it
with our own template and writes it; :func:`write_network_page` does both.

The page inlines vis-network's script and stylesheet from the installed pyvis wheel and
forbids every outside request with a Content-Security-Policy; data travels as JSON in a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, and the
page script puts it on screen with ``textContent`` only.

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_edge("https://example.org/a", "https://example.org/b", weight=1)
>>> page = build_network_page(g, title="<Demo>")
>>> page.network.num_nodes(), page.network.num_edges()
(2, 1)
>>> html = page.to_html()
>>> "&lt;Demo&gt;" in html and "<Demo>" not in html
True
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
from collections.abc import Hashable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FunctionLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from edukg.core.errors import ConfigError
from edukg.viz.page_data import DEFAULT_NODE_CAP, DEFAULT_PHYSICS_THRESHOLD, network_page_data
from edukg.viz.vis_assets import vis_network_assets

DEFAULT_TITLES = {
    "ru": "Сеть партнёрств",
    "be": "Сетка партнёрстваў",
    "en": "Partnership network",
}


@dataclass
class NetworkPage:
    """A network page ready to render: a pyvis ``Network`` plus what the page shows around it.

    Attributes:
        network: pyvis ``Network`` whose ``nodes``, ``edges`` and ``options`` are what
            vis-network draws (positions included).
        data: the page data from :func:`edukg.viz.page_data.network_page_data`
            (``meta``, ``nodes``, ``edges``, ``legend``).
    """

    network: Network
    data: dict[str, Any] = field(repr=False)

    @property
    def title(self) -> str:
        return str(self.data["meta"]["title"])

    def script_hashes(self) -> list[str]:
        """CSP source expressions (``'sha256-...'``) of the page's scripts.

        A page that embeds this one (in an ``iframe srcdoc``) must allow them too.
        """
        return [script_hash(vis_network_assets().script), script_hash(_template_text("network.js"))]

    def to_html(self) -> str:
        """The whole page as one HTML string (no outside references)."""
        assets = vis_network_assets()
        payload = {
            "meta": self.data["meta"],
            "legend": self.data["legend"],
            "nodes": self.data["nodes"],
            "edges": self.data["edges"],
            "options": self.network.options,
        }
        page_script = _template_text("network.js")
        return (
            page_templates()
            .get_template("network.html")
            .render(
                lang=self.data["meta"]["lang"],
                title=self.title,
                vis_version=assets.version,
                vis_stylesheet=Markup(assets.stylesheet),
                page_stylesheet=Markup(_template_text("network.css")),
                vis_script=Markup(assets.script),
                page_script=Markup(page_script),
                data_json=Markup(script_safe_json(payload)),
                content_security_policy=content_security_policy(self.script_hashes()),
            )
        )


def build_network_page(
    graph: nx.Graph,
    *,
    lang: str = "ru",
    title: str | None = None,
    node_cap: int = DEFAULT_NODE_CAP,
    physics_threshold: int = DEFAULT_PHYSICS_THRESHOLD,
    seed: int = 42,
    focus: Hashable | None = None,
    depth: int = 1,
    height: str = "100%",
) -> NetworkPage:
    """Build the page for a partnership network without writing anything.

    Args:
        graph: the network: node ids are entity IRIs; attributes as in
            :mod:`edukg.viz.page_data`.
        lang: the page's first language: ``ru``, ``be`` or ``en`` (switchable on the page).
        title: the page title; a default in ``lang`` when ``None``.
        node_cap: the largest number of nodes drawn. Above it the page shows the
            ``node_cap`` most central nodes and says so at the top.
        physics_threshold: vis-network's physics runs briefly up to this many nodes;
            above it the seeded Python layout is final, so big pages are usable at once.
        seed: layout seed.
        focus: an entity IRI: draw only its ego network ...
        depth: ... up to this many steps away.
        height: the CSS height of the drawing.

    Raises:
        ConfigError: an unknown language, a bad cap or depth, or an unknown focus node.
    """
    if lang not in DEFAULT_TITLES:
        raise ConfigError(f"unknown page language {lang!r}", hint="use one of: ru, be, en")
    page_title = DEFAULT_TITLES[lang] if title is None else title
    data = network_page_data(
        graph,
        lang=lang,
        title=page_title,
        node_cap=node_cap,
        physics_threshold=physics_threshold,
        seed=seed,
        focus=focus,
        depth=depth,
    )
    network = Network(height=height, width="100%", directed=False, heading=page_title)
    # Filled directly rather than with add_node/add_edge: pyvis checks every new edge against
    # all existing ones, which is quadratic (85 s for 27,000 edges).
    network.nodes = [
        {key: node[key] for key in ("id", "x", "y", "size", "shape", "color")}
        for node in data["nodes"]
    ]
    network.node_ids = [node["id"] for node in data["nodes"]]
    network.node_map = {node["id"]: node for node in network.nodes}
    network.edges = [
        {key: edge[key] for key in ("id", "from", "to", "width")} for edge in data["edges"]
    ]
    network.options = vis_options(
        physics=data["meta"]["physics"], large=len(network.nodes) > 1000, seed=seed
    )
    return NetworkPage(network=network, data=data)


def vis_options(*, physics: bool, large: bool, seed: int) -> dict[str, Any]:
    """vis-network options: short physics from the Python layout, or none at all.

    >>> vis_options(physics=False, large=True, seed=1)["physics"]["enabled"]
    False
    """
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": seed},
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -3000, "springLength": 120, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": 150, "fit": True},
        },
        "nodes": {
            "borderWidth": 1,
            "borderWidthSelected": 3,
            "font": {"size": 13, "face": "system-ui, DejaVu Sans, Noto Sans, Arial, sans-serif"},
        },
        "edges": {
            "color": {
                "color": "#8a96a3",
                "highlight": "#1d2733",
                "hover": "#1d2733",
                "inherit": False,
                "opacity": 0.55,
            },
            "smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": not large,
            "tooltipDelay": 200,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "navigationButtons": False,
            "keyboard": False,
        },
    }


def write_page(page: NetworkPage, path: str | os.PathLike[str]) -> Path:
    """Write a page as one UTF-8 HTML file, atomically (no half-written page on failure).

    Returns:
        The path written.
    """
    return write_text_atomically(page.to_html(), path)


def write_text_atomically(text: str, path: str | os.PathLike[str]) -> Path:
    """Write UTF-8 text to ``path`` through a temporary file in the same folder."""
    target = Path(path)
    if target.is_dir():
        raise ConfigError(f"{target} is a folder", hint="give a file name such as network.html")
    if not target.parent.exists():
        raise ConfigError(
            f"folder {target.parent} does not exist", hint="create it first or choose another path"
        )
    handle, temporary = tempfile.mkstemp(prefix=".edukg-", suffix=".html", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600 files; give the usual mode
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def write_network_page(
    graph: nx.Graph,
    path: str | os.PathLike[str],
    *,
    lang: str = "ru",
    title: str | None = None,
    node_cap: int = DEFAULT_NODE_CAP,
    physics_threshold: int = DEFAULT_PHYSICS_THRESHOLD,
    seed: int = 42,
    focus: Hashable | None = None,
    depth: int = 1,
) -> NetworkPage:
    """Build the page of a network and write it to ``path`` (see :func:`build_network_page`).

    Returns:
        The page that was written.
    """
    page = build_network_page(
        graph,
        lang=lang,
        title=title,
        node_cap=node_cap,
        physics_threshold=physics_threshold,
        seed=seed,
        focus=focus,
        depth=depth,
    )
    write_page(page, path)
    return page


def script_safe_json(value: Any) -> str:
    """JSON that can sit inside a ``<script>`` block: no ``<``, ``>``, ``&`` or line separators.

    >>> script_safe_json({"name": "</script><img src=x onerror=alert(1)>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for character, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(character, escape)
    return text


def script_hash(script: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(script_hashes: list[str]) -> str:
    """Allow only the inline scripts with these hashes and inline styles; no requests at all.

    >>> content_security_policy([]).startswith("default-src 'none'; script-src 'none';")
    True
    """
    scripts = " ".join(script_hashes) or "'none'"
    return (
        f"default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; "
        "img-src data: blob:; font-src data:; connect-src 'none'; "
        "form-action 'none'; base-uri 'none'"
    )


@cache
def _template_text(name: str) -> str:
    return resources.files("edukg.viz").joinpath("templates", name).read_text(encoding="utf-8")


@cache
def page_templates() -> Environment:
    """The Jinja environment over ``edukg/viz/templates`` (autoescaping on)."""
    return Environment(
        loader=FunctionLoader(_template_text),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
