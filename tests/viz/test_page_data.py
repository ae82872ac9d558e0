"""Page data, HTML and SVG built from networks, checked without a browser."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest

from edukg.core.errors import ConfigError
from edukg.viz.network_page import build_network_page, script_safe_json, write_network_page
from edukg.viz.network_svg import write_network_svg
from edukg.viz.page_data import network_page_data
from edukg.viz.styling import OTHER_COLOUR
from edukg.viz.vis_assets import vis_network_assets
from tests.viz.networks import BASE, INJECTION, cooperation_network, random_network


def test_vis_network_is_read_from_the_installed_pyvis() -> None:
    assets = vis_network_assets()
    assert assets.version == "9.1.2"
    assert "vis-network" in assets.script[:200] and "DataSet" in assets.script


def test_page_is_one_utf8_file_with_no_outside_reference(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    write_network_page(cooperation_network(), path, title="Сеть")
    html = path.read_bytes().decode("utf-8")
    assert "Белорусский государственный университет" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.IGNORECASE)
    assert "default-src 'none'" in html.replace("&#39;", "'")
    assert not list(tmp_path.glob("lib")) and [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_data_cannot_close_the_script_block() -> None:
    html = build_network_page(cooperation_network(), title="t").to_html()
    data = html.split('<script type="application/json" id="edukg-data">', 1)[1].split(
        "</script>", 1
    )[0]
    assert "<" not in data and ">" not in data
    assert len(re.findall(r"</script", html, re.IGNORECASE)) == 3  # our three blocks, no more
    assert (
        script_safe_json({"a": "\u2028</script>&"}) == '{"a":"\\u2028\\u003c/script\\u003e\\u0026"}'
    )


def test_title_is_escaped() -> None:
    html = build_network_page(nx.Graph(), title=INJECTION).to_html()
    assert "<img" not in html.split("<body>", 1)[1].split("<script", 1)[0]
    assert "&lt;img src=x" in html


def test_same_graph_and_seed_give_the_same_page() -> None:
    first = build_network_page(cooperation_network(), seed=3).to_html()
    assert build_network_page(cooperation_network(), seed=3).to_html() == first


def test_page_script_builds_no_markup_from_data() -> None:
    script = (Path(__file__).resolve().parents[2] / "viz" / "templates" / "network.js").read_text(
        "utf-8"
    )
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script.replace("never through innerHTML", "")


def test_styling_follows_the_attributes() -> None:
    data = network_page_data(cooperation_network(), lang="ru")
    nodes = {n["id"]: n for n in data["nodes"]}
    bsu, school, lone = nodes[BASE + "bsu"], nodes[BASE + "school5"], nodes[BASE + "lone"]
    assert bsu["shape"] == "dot" and school["shape"] == "square"
    assert bsu["size"] > school["size"] > lone["size"]
    assert bsu["color"] == nodes[BASE + "gym1"]["color"] != nodes[BASE + "msu"]["color"]
    assert lone["color"] == OTHER_COLOUR  # outside any cluster: the legend's "other" row
    widths = {frozenset((e["from"], e["to"])): e["width"] for e in data["edges"]}
    assert (
        widths[frozenset((BASE + "bsu", BASE + "msu"))]
        > widths[frozenset((BASE + "gym1", BASE + "school5"))]
    )
    assert data["legend"]["year_min"] == 2019 and data["legend"]["year_max"] == 2024
    assert data["legend"]["names"]["concepts"]["university"]["be"] == "універсітэт"


def test_above_the_cap_the_most_central_nodes_are_kept() -> None:
    graph = random_network(300)
    data = network_page_data(graph, node_cap=50, physics_threshold=40)
    kept = {n["id"] for n in data["nodes"]}
    ranked = sorted(graph.nodes, key=lambda n: -graph.nodes[n]["centrality"])
    assert len(kept) == 50 and set(ranked[:30]) <= kept
    assert data["meta"]["capped"] and data["meta"]["total_nodes"] == 300
    assert data["meta"]["physics"] is False
    assert all(e["from"] in kept and e["to"] in kept for e in data["edges"])


def test_physics_runs_only_up_to_the_threshold() -> None:
    assert network_page_data(cooperation_network(), physics_threshold=7)["meta"]["physics"] is True
    assert network_page_data(cooperation_network(), physics_threshold=6)["meta"]["physics"] is False


def test_focus_draws_the_ego_network() -> None:
    data = network_page_data(cooperation_network(), focus=BASE + "tsinghua", depth=1)
    assert {n["id"] for n in data["nodes"]} == {BASE + "tsinghua", BASE + "bsu", BASE + "evil"}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        pytest.param({"lang": "de"}, "unknown page language", id="language"),
        pytest.param({"node_cap": 0}, "node cap", id="cap"),
        pytest.param({"focus": "https://example.org/nowhere"}, "not in the network", id="focus"),
    ],
)
def test_bad_options_are_clear_errors(options: dict, message: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=message) as caught:
        write_network_page(cooperation_network(), tmp_path / "x.html", **options)
    assert caught.value.hint
    assert not (tmp_path / "x.html").exists()


def test_large_network_layout_is_seeded_and_spread() -> None:
    graph = random_network(500)
    first = network_page_data(graph, seed=5)["nodes"]
    again = network_page_data(graph, seed=5)["nodes"]
    assert [(n["x"], n["y"]) for n in first] == [(n["x"], n["y"]) for n in again]
    assert len({(n["x"], n["y"]) for n in first}) == 500


def test_svg_has_every_node_and_escaped_text(tmp_path: Path) -> None:
    path = write_network_svg(cooperation_network(), tmp_path / "n.svg", title="Сеть", labelled=100)
    svg = path.read_text("utf-8")
    assert svg.count("<title>") == 7
    assert "Гимназия № 1 г. Минска" in svg
    assert "<img" not in svg and "&lt;img src=x" in svg
    import xml.etree.ElementTree as ET

    ET.fromstring(svg)  # well-formed XML


def test_large_pages_do_not_use_pyvis_add_edge(monkeypatch: pytest.MonkeyPatch) -> None:
    """pyvis' add_edge checks every edge against all others: 85 s for 27,000 edges."""
    from pyvis.network import Network

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("pyvis add_node/add_edge must not be used")

    monkeypatch.setattr(Network, "add_edge", refuse)
    monkeypatch.setattr(Network, "add_node", refuse)
    page = build_network_page(random_network(1000))
    assert page.network.num_nodes() == 1000 and page.network.num_edges() == 1996
