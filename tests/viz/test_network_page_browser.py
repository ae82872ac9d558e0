"""The network page in a real headless Chromium: offline, complete, clickable, safe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from edukg.viz.network_page import write_network_page
from edukg.viz.report import Table, build_report, write_report_page
from tests.viz.networks import BASE, INJECTION, cooperation_network, random_network

GLYPHS_DIFFER = """([a, b]) => {
  const draw = (text) => {
    const canvas = document.createElement("canvas");
    canvas.width = 40; canvas.height = 40;
    const context = canvas.getContext("2d");
    context.font = "28px " + getComputedStyle(document.body).fontFamily;
    context.fillText(text, 4, 32);
    return Array.from(context.getImageData(0, 0, 40, 40).data).join(",");
  };
  return draw(a) !== draw(b);
}"""
READY = "body[data-ready=true]"  # set by the page script once vis-network has drawn


class OpenPage:
    """A page opened from a file, with every request and dialog it caused."""

    def __init__(self, browser: object, path: Path, *, fragment: str = "") -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
        self.page.route("**/*", self._route)
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(path.resolve().as_uri() + (f"#{fragment}" if fragment else ""))
        self.page.locator(READY).wait_for(state="attached", timeout=60_000)

    def _route(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        self.requests.append(url)
        if url.startswith("file://"):
            route.continue_()  # type: ignore[attr-defined]
        else:
            route.abort()  # type: ignore[attr-defined]

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    def visible_node_ids(self) -> set[str]:
        return set(self.page.evaluate("edukgPage.network.body.nodeIndices.slice()"))

    def node_position(self, node_id: str) -> dict[str, float]:
        """Where a node is drawn, in page pixels."""
        return self.page.evaluate(  # type: ignore[no-any-return]
            "id => { const p = edukgPage.network.canvasToDOM(edukgPage.network.getPosition(id));"
            " const r = document.querySelector('#network canvas').getBoundingClientRect();"
            " return {x: r.left + p.x, y: r.top + p.y}; }",
            node_id,
        )

    def click_node(self, node_id: str) -> None:
        position = self.node_position(node_id)
        self.page.mouse.click(position["x"], position["y"])

    def hover_node(self, node_id: str) -> None:
        position = self.node_position(node_id)
        self.page.mouse.move(position["x"], position["y"])
        self.page.wait_for_function(
            "id => edukgLabels().some(l => l.id === id && l.forced)", arg=node_id
        )

    def labels(self) -> list[dict[str, object]]:
        """The name boxes the page drew last (CSS pixels, relative to the drawing)."""
        return self.page.evaluate("edukgLabels()")  # type: ignore[no-any-return]

    def drawn_names(self) -> list[str]:
        self.page.evaluate("edukgPage.network.redraw()")
        return [str(label["text"]) for label in self.labels()]


@pytest.fixture(scope="module")
def cooperation_page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pages") / "cooperation.html"
    write_network_page(cooperation_network(), path, lang="ru", title="Сеть партнёрств")
    return path


@pytest.fixture
def opened(browser: object, cooperation_page_file: Path) -> Iterator[OpenPage]:
    page = OpenPage(browser, cooperation_page_file)
    yield page
    page.page.close()


def test_page_makes_no_request_outside_its_file(opened: OpenPage) -> None:
    opened.page.hover("#network")
    assert opened.requests, "routing recorded nothing: the test would prove nothing"
    outside = [url for url in opened.requests if not url.startswith("file://")]
    assert outside == []
    assert opened.errors == []


def test_every_node_of_the_network_is_drawn(opened: OpenPage) -> None:
    graph = cooperation_network()
    assert opened.page.evaluate("edukgPage.nodes.length") == graph.number_of_nodes()
    assert opened.visible_node_ids() == set(graph.nodes)
    assert opened.page.evaluate("edukgPage.edgeView.length") == graph.number_of_edges()


def test_clicking_a_node_opens_its_details(opened: OpenPage, artifacts: Path) -> None:
    assert opened.page.locator("#details").is_hidden()
    opened.click_node(BASE + "bsu")
    details = opened.page.locator("#details")
    details.wait_for(state="visible")
    text = details.inner_text()
    assert "Белорусский государственный университет" in text
    assert "Соглашение о сотрудничестве БГУ и МГУ" in text
    assert "2019-05-14" in text and "2029-05-14" in text
    assert "Круглый стол ректоров" in text and "2023-10-03 – 2023-10-04" in text
    assert "register-2024" in text and "events-2023" in text
    assert "университет" in text and "Беларусь (BY)" in text and "Минск" in text
    opened.page.screenshot(path=str(artifacts / "network-page-details.png"))


def test_country_filter_keeps_the_country_and_its_partners(opened: OpenPage) -> None:
    opened.page.select_option("#filter-country", "CN")
    shown = opened.visible_node_ids()
    # Chinese institutions and their direct partner BSU; the rest is hidden.
    assert shown == {BASE + "evil", BASE + "tsinghua", BASE + "bsu"}
    assert opened.page.locator("#filter-count").inner_text() == "Показано узлов: 3 из 7"


def test_kind_filter_hides_other_kinds(opened: OpenPage) -> None:
    opened.page.select_option("#filter-kind", "university")
    assert opened.visible_node_ids() == {BASE + "bsu", BASE + "msu", BASE + "tsinghua"}
    opened.page.click("#reset")
    assert len(opened.visible_node_ids()) == 7


def test_year_slider_hides_ties_outside_the_years(opened: OpenPage) -> None:
    opened.page.fill("#year-from", "2024")  # only the BSU-Tsinghua memorandum of 2024 remains
    opened.page.dispatch_event("#year-from", "input")
    assert opened.visible_node_ids() == {BASE + "bsu", BASE + "tsinghua"}
    assert opened.page.evaluate("edukgPage.edgeView.length") == 1


def test_agreement_type_filter(opened: OpenPage) -> None:
    opened.page.select_option("#filter-type", "contract")
    assert opened.visible_node_ids() == {BASE + "bsu", BASE + "msu"}


def test_script_injection_in_names_runs_nothing(opened: OpenPage) -> None:
    opened.click_node(BASE + "evil")
    opened.page.locator("#details").wait_for(state="visible")
    opened.page.fill("#search", "onerror")
    opened.page.select_option("#lang", "en")
    opened.page.select_option("#filter-area", INJECTION)
    opened.page.hover("#network")
    opened.page.wait_for_timeout(300)
    assert opened.dialogs == []
    assert opened.page.title() == "Сеть партнёрств"
    assert opened.page.evaluate("document.querySelectorAll('img').length") == 0
    assert INJECTION in opened.page.locator("#details").inner_text()
    assert INJECTION in opened.page.locator("#search-results").inner_text()
    assert opened.errors == []


def test_cyrillic_labels_render_and_language_switches(opened: OpenPage, artifacts: Path) -> None:
    assert "Гимназия № 1 г. Минска" in opened.drawn_names()
    opened.page.select_option("#colour-by", "country")
    assert opened.page.locator("#legend").inner_text().count("Беларусь (BY)") == 1
    # A missing font draws every letter as the same "tofu" box as an unassigned code point.
    assert opened.page.evaluate(GLYPHS_DIFFER, ["Ж", "\u0378"]) is True
    assert opened.page.evaluate(GLYPHS_DIFFER, ["Ж", "ў"]) is True
    opened.page.screenshot(path=str(artifacts / "network-page-ru.png"))
    opened.page.select_option("#lang", "be")
    assert "Гімназія № 1 г. Мінска" in opened.drawn_names()
    opened.hover_node(BASE + "bsu")
    assert "Беларускі дзяржаўны ўніверсітэт" in opened.drawn_names()  # in full on hover
    assert opened.page.locator("label[for=search]").inner_text() == "Пошук па назве"
    opened.page.select_option("#lang", "en")
    names = opened.drawn_names()
    assert "Belarusian State University" in names
    assert "Гимназия № 1 г. Минска" in names  # no English name: falls back to Russian


def test_search_finds_and_opens_a_node(opened: OpenPage) -> None:
    opened.page.fill("#search", "цинху")
    opened.page.press("#search", "Enter")
    opened.page.locator("#details").wait_for(state="visible")
    assert "Университет Цинхуа" in opened.page.locator("#details h2").inner_text()
    assert opened.page.evaluate("edukgPage.network.getSelectedNodes()") == [BASE + "tsinghua"]


def test_capped_page_says_so_and_draws_the_cap(
    browser: object, tmp_path: Path, artifacts: Path
) -> None:
    path = tmp_path / "capped.html"
    write_network_page(random_network(600), path, lang="en", node_cap=250)
    opened = OpenPage(browser, path)
    try:
        assert len(opened.visible_node_ids()) == 250
        notice = opened.page.locator("#notice").inner_text()
        assert "250" in notice and "600" in notice
        opened.page.screenshot(path=str(artifacts / "network-page-capped.png"))
    finally:
        opened.page.close()


def test_area_filter_hides_ties_of_other_areas(opened: OpenPage) -> None:
    opened.page.select_option("#filter-area", "research")
    assert opened.visible_node_ids() == {BASE + "bsu", BASE + "tsinghua"}
    assert "научные исследования" in opened.page.locator("#filter-area").inner_text()


@pytest.mark.parametrize(("threshold", "physics"), [(10, True), (6, False)])
def test_physics_only_up_to_the_threshold(
    browser: object, tmp_path: Path, threshold: int, physics: bool
) -> None:
    path = tmp_path / "physics.html"
    write_network_page(cooperation_network(), path, physics_threshold=threshold)
    opened = OpenPage(browser, path)
    try:
        assert opened.page.evaluate("edukgPage.physicsAtStart") is physics
        assert len(opened.visible_node_ids()) == 7
    finally:
        opened.page.close()


def test_report_embeds_a_working_network_offline(
    browser: object, tmp_path: Path, artifacts: Path
) -> None:
    report = build_report(
        lang="ru",
        headline={"Учреждений": 7, "Соглашений": 6},
        by_country=[("Китай", 2), ("Российская Федерация", 2), (INJECTION, 1)],
        by_year=[(2019, 1), (2021, 1), (2022, 1), (2023, 1), (2024, 1)],
        brokers=Table(["Учреждение", "Посредничество"], [["Белорусский университет", 0.5]]),
        expiring=Table(["Соглашение", "Действует до"], [[INJECTION, "2026-12-31"]]),
        dormant=Table(["Соглашение", "Последнее событие"], []),
        network=cooperation_network(),
    )
    path = write_report_page(report, tmp_path / "report.html")
    page = browser.new_page(viewport={"width": 1200, "height": 900})  # type: ignore[attr-defined]
    requests: list[str] = []
    dialogs: list[str] = []
    page.route("**/*", lambda route: (requests.append(route.request.url), route.continue_()))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(path.as_uri())
        frame = page.frame_locator("#network-frame")
        frame.locator(READY).wait_for(state="attached", timeout=60_000)
        network_frame = next(f for f in page.frames if f != page.main_frame)
        assert network_frame.evaluate("edukgPage.network.body.nodeIndices.length") == 7
        assert network_frame.evaluate("edukgLabels().length") > 0  # names drawn in the report too
        assert [u for u in requests if not u.startswith(("file://", "about:"))] == []
        assert dialogs == [] and page.evaluate("document.querySelectorAll('img').length") == 0
        assert INJECTION in page.locator("table").nth(1).inner_text()
        assert page.locator("#by-country rect").count() == 3
        assert page.locator("#by-year rect").count() == 5
        assert "Нет данных." in page.inner_text("body")
        page.screenshot(path=str(artifacts / "report.png"), full_page=True)
    finally:
        page.close()


def test_ties_keep_their_colour_after_a_selection_is_cleared(opened: OpenPage) -> None:
    """Fading set only the ties' opacity, so vis-network went back to inheriting the nodes'
    white border colour: every tie was invisible after the first selection."""
    opened.click_node(BASE + "bsu")
    opened.page.keyboard.press("Escape")
    colours = opened.page.evaluate(
        "Object.values(edukgPage.network.body.edges).map(e =>"
        " [e.options.color.inherit, e.options.color.color, e.options.color.opacity])"
    )
    assert colours and all(c == [False, "#8a96a3", 0.55] for c in colours)
