"""A 2,520-institution page in headless Chromium reads at a glance: few names, none overlapping,
a legend that fits, more names on zoom, the searched and the selected named."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from edukg.viz.legend import MAX_LEGEND_ROWS
from edukg.viz.network_page import write_network_page
from edukg.viz.short_labels import SHORT_LABEL_CHARS
from tests.viz.networks import clustered_network
from tests.viz.test_network_page_browser import OpenPage

Box = dict[str, object]


def overlapping(boxes: list[Box]) -> list[tuple[str, str]]:
    pairs = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if (
                a["x"] < b["x"] + b["width"]  # type: ignore[operator]
                and b["x"] < a["x"] + a["width"]  # type: ignore[operator]
                and a["y"] < b["y"] + b["height"]  # type: ignore[operator]
                and b["y"] < a["y"] + a["height"]  # type: ignore[operator]
            ):
                pairs.append((str(a["text"]), str(b["text"])))
    return pairs


@pytest.fixture(scope="module")
def big_page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pages") / "big.html"
    write_network_page(clustered_network(2520), path, lang="ru", title="Сеть")
    return path


@pytest.fixture
def big(browser: object, big_page_file: Path) -> Iterator[OpenPage]:
    page = OpenPage(browser, big_page_file)
    yield page
    page.page.close()


def test_overview_draws_a_few_dozen_short_names_that_do_not_overlap(
    big: OpenPage, artifacts: Path
) -> None:
    labels = big.labels()
    assert 5 <= len(labels) <= 40
    assert overlapping(labels) == []
    width, height = big.page.evaluate(
        "[document.getElementById('network').clientWidth,"
        " document.getElementById('network').clientHeight]"
    )
    for label in labels:
        assert 0 <= label["x"] and label["x"] + label["width"] <= width  # type: ignore[operator]
        assert 0 <= label["y"] and label["y"] + label["height"] <= height  # type: ignore[operator]
        assert len(str(label["text"])) <= SHORT_LABEL_CHARS + 1 and not label["forced"]
    assert big.errors == []
    big.page.screenshot(path=str(artifacts / "network-page-2520.png"))


def test_legend_fits_and_names_the_largest_clusters(big: OpenPage) -> None:
    rows = big.page.locator("#legend li")
    assert rows.count() <= MAX_LEGEND_ROWS
    colours = big.page.locator("#legend-colours li").all_inner_texts()
    assert " + " in colours[0] and "(" in colours[0]  # "<lead> + <others> (<countries>)"
    assert colours[-1].startswith("прочие кластеры (")


def test_zooming_in_shows_more_names(big: OpenPage) -> None:
    before = len(big.labels())
    big.page.evaluate(
        "() => { const p = edukgPage.network; const top = edukgLabels()[0].id;"
        " p.moveTo({position: p.getPosition(top), scale: p.getScale() * 3});"
        # moveTo only asks for a frame; draw now, so the names are placed before they are read
        " p.redraw(); }"
    )
    after = big.labels()
    assert len(after) > before
    assert overlapping(after) == []


def test_search_shows_the_found_nodes_name(big: OpenPage) -> None:
    drawn = {label["id"] for label in big.labels()}
    name, node_id = big.page.evaluate(
        "drawn => { const d = JSON.parse(document.getElementById('edukg-data').textContent);"
        " const n = d.nodes.filter(n => !drawn.includes(n.id) && n.label.ru)"
        ".sort((a, b) => b.rank - a.rank)[0]; return [n.label.ru, n.id]; }",
        sorted(drawn),
    )
    big.page.fill("#search", name)
    big.page.press("#search", "Enter")
    found = [label for label in big.labels() if label["id"] == node_id]
    assert found and found[0]["text"] == name and found[0]["forced"]


def test_switching_the_colour_mapping_changes_the_legend_and_the_nodes(big: OpenPage) -> None:
    before = big.page.locator("#legend-colours").inner_text()
    first = big.page.evaluate("edukgPage.nodes.get()[0].color.background")
    big.page.select_option("#colour-by", "country")
    after = big.page.locator("#legend-colours").inner_text()
    assert after != before and "Беларусь (BY)" in after
    assert "страна" in big.page.locator("#legend-mapping").inner_text()
    assert big.page.locator("#legend li").count() <= MAX_LEGEND_ROWS
    colours = big.page.evaluate("edukgPage.nodes.get().map(n => n.color.background)")
    assert len(set(colours)) > 2 and colours != [first] * len(colours)
    assert "colour=country" in big.page.evaluate("location.hash")


def test_a_selected_node_names_its_partners_and_fades_other_ties(big: OpenPage) -> None:
    big.page.click("#show-brokers")
    big.page.locator("#details ol.story button").first.click()
    selected = big.page.evaluate("edukgPage.network.getSelectedNodes()")
    assert len(selected) == 1
    state = big.page.evaluate(
        """id => {
          const body = edukgPage.network.body;
          const own = Object.values(body.edges).filter(e => e.fromId === id || e.toId === id);
          const other = Object.values(body.edges).find(e => e.fromId !== id && e.toId !== id);
          return {own: own.map(e => e.options.color.opacity), other: other.options.color.opacity,
                  partners: own.map(e => e.fromId === id ? e.toId : e.fromId)};
        }""",
        selected[0],
    )
    assert state["other"] < 0.2 and min(state["own"]) > 0.5
    labels = big.labels()
    assert labels[0]["id"] == selected[0] and labels[0]["forced"]
    named = {label["id"] for label in labels[1:]}
    assert named and named <= set(state["partners"])  # only the neighbourhood is named
    big.page.keyboard.press("Escape")
    assert big.page.evaluate("edukgPage.network.getSelectedNodes()") == []


def test_cross_border_clusters_are_one_click_away(big: OpenPage) -> None:
    big.page.click("#show-clusters")
    items = big.page.locator("#details ol.story li")
    assert 1 <= items.count() <= 10
    items.first.locator("button").click()
    assert len(big.page.evaluate("edukgPage.network.getSelectedNodes()")) > 1
    assert (
        big.page.locator("#story-line")
        .inner_text()
        .startswith("2\xa0520 учреждений, 4\xa0462 связи, 14 стран, 2014–2020")
    )


def test_address_opens_a_node_with_a_mapping(browser: object, big_page_file: Path) -> None:
    node = "https://example.org/edukg/institution/c3"
    page = OpenPage(browser, big_page_file, fragment=f"node={node}&colour=country")
    try:
        assert page.page.evaluate("edukgPage.network.getSelectedNodes()") == [node]
        assert page.page.evaluate("edukgPage.look.colour") == "country"
        page.page.keyboard.press("/")
        assert page.page.evaluate("document.activeElement.id") == "search"
    finally:
        page.page.close()
