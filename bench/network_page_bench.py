"""How long network pages take to build in Python and to become usable in headless Chromium.

Usable means: vis-network has drawn the network for the first time (after its short physics
run when the page has one) and the page script set ``edukgPage.ready``. Measured from the
start of navigation (``performance.now()``) in Debian's ``/usr/bin/chromium``.
``bench/run.py`` runs the same measurement as its ``page-500`` and ``page-5000`` steps.

Run from the repository root (needs the test extra and Debian's chromium):

    python -m bench.network_page_bench            # 500 and 5,000 nodes
    python -m bench.network_page_bench 500 2000   # other sizes
    python -m bench.network_page_bench --ties 6 5000   # denser: about 30,000 ties
    python -m bench.network_page_bench --screenshots   # pictures into bench/results/pages/
    python -m bench.network_page_bench --screenshots --cordis PARTICIPATIONS.csv

``--screenshots`` writes the initial view of the bundled examples' network, of 500- and
2,520-institution clustered networks (``tests/viz/networks.py``), the 2,520 one zoomed in, with a
node selected and with colour by country, and with ``--cordis FILE`` the network of a CORDIS
participation table, to ``bench/results/pages/*.png``; it prints how many names each view draws.

This is a benchmark, not a test: it prints numbers and asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.browser import CHROMIUM, CHROMIUM_ARGS
from tests.viz.networks import clustered_network, random_network

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "bench" / "results" / "pages"


@dataclass
class PageTiming:
    """One page size: its network, how long Python took to build it, and each load's timing."""

    nodes: int
    ties: int
    build_seconds: float
    page_mb: float
    usable_ms: list[float] = field(default_factory=list)
    js_heap_mb: float | None = None
    """Chromium's JavaScript heap once the page is usable (largest of the loads)."""


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's headless Chromium driven by Playwright (never Playwright's own browser builds)."""
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is absent: install Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # precise: otherwise performance.memory is rounded into coarse buckets
        arguments = [*CHROMIUM_ARGS, "--enable-precise-memory-info"]
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=arguments)
        try:
            yield browser
        finally:
            browser.close()


def time_page(
    browser: Any,
    nodes: int,
    folder: Path,
    *,
    repeats: int = 3,
    ties_per_node: int = 2,
    on_load: Callable[[float], None] | None = None,
) -> PageTiming:
    """Build the page of a seeded ``nodes``-node network in ``folder``; load it ``repeats`` times.

    Each load opens a fresh tab; ``on_load(usable_ms)`` is told each load's time as it ends.
    """
    from edukg.viz.network_page import build_network_page, write_page

    graph = random_network(nodes, ties_per_node=ties_per_node)
    started = time.perf_counter()
    page = build_network_page(graph, lang="ru", node_cap=max(nodes, 5000))
    path = write_page(page, folder / f"network-{nodes}.html")
    timing = PageTiming(
        nodes=nodes,
        ties=graph.number_of_edges(),
        build_seconds=time.perf_counter() - started,
        page_mb=path.stat().st_size / 1e6,
    )
    for _ in range(repeats):
        tab = browser.new_page(viewport={"width": 1400, "height": 900})
        tab.goto(path.as_uri(), wait_until="commit")
        tab.locator("body[data-ready=true]").wait_for(state="attached", timeout=300_000)
        timing.usable_ms.append(tab.evaluate("edukgPage.readyAt"))
        heap = tab.evaluate("performance.memory ? performance.memory.usedJSHeapSize : null")
        if heap is not None:
            timing.js_heap_mb = max(timing.js_heap_mb or 0.0, heap / 1e6)
        tab.close()
        if on_load is not None:
            on_load(timing.usable_ms[-1])
    return timing


def measure(sizes: list[int], *, repeats: int = 3, ties: int = 2) -> None:
    print(f"{'nodes':>6} {'edges':>6} {'build s':>8} {'MB':>5} {'usable ms (best / median)':>26}")
    with tempfile.TemporaryDirectory() as folder, chromium() as browser:
        for size in sizes:
            timing = time_page(browser, size, Path(folder), repeats=repeats, ties_per_node=ties)
            print(
                f"{size:>6} {timing.ties:>6} {timing.build_seconds:>8.1f} "
                f"{timing.page_mb:>5.1f} {min(timing.usable_ms):>12.0f} / "
                f"{statistics.median(timing.usable_ms):.0f}"
            )


def example_network() -> Any:
    """The network of the bundled examples (loaded into a store in memory and analysed)."""
    return store_network([Path(str(f)) for f in _example_files()])


def _example_files() -> list[Any]:
    from edukg.examples import example_files

    return list(example_files())


def store_network(files: list[Path]) -> Any:
    """Load files into a store in memory and return the analysis' institution network."""
    from edukg.analysis.run import analyze
    from edukg.graph.store import KnowledgeGraph
    from edukg.loaders import load_files

    kg = KnowledgeGraph.in_memory()
    load_files(kg, files)
    return analyze(kg, seed=0).network


def screenshots(cordis: Path | None = None) -> None:
    """Write the pages' pictures to bench/results/pages/ and print what each view shows."""
    from edukg.viz.network_page import write_network_page

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    networks = [
        ("register", example_network()),
        ("clustered-500", clustered_network(500)),
        ("clustered-2520", clustered_network(2520)),
    ]
    if cordis is not None:
        networks.append(("cordis", store_network([cordis])))
    with tempfile.TemporaryDirectory() as folder, chromium() as browser:
        for name, graph in networks:
            page_file = Path(folder) / f"{name}.html"
            write_network_page(graph, page_file, lang="ru")
            tab = browser.new_page(viewport={"width": 1400, "height": 900})
            tab.goto(page_file.as_uri())
            tab.locator("body[data-ready=true]").wait_for(state="attached", timeout=300_000)
            _shoot(tab, name, f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} ties")
            if name.startswith("clustered-2520"):
                tab.evaluate("edukgPage.network.moveTo({scale: edukgPage.network.getScale() * 3})")
                _shoot(tab, name + "-zoomed", "zoomed in 3x")
                tab.evaluate("edukgPage.network.fit({animation: false})")
                tab.click("#show-brokers")
                tab.locator("#details ol.story button").first.click()
                _shoot(tab, name + "-selected", "top broker selected")
                tab.keyboard.press("Escape")
                tab.evaluate("edukgPage.network.fit({animation: false})")
                tab.select_option("#colour-by", "country")
                _shoot(tab, name + "-by-country", "colour by country")
            tab.close()


def _shoot(tab: Any, name: str, what: str) -> None:
    tab.wait_for_timeout(200)
    labels = tab.evaluate("edukgLabels()")
    rows = tab.locator("#legend li").count()
    target = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(target))
    print(f"{target.relative_to(ROOT)}: {what}; {len(labels)} names drawn, {rows} legend rows")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    ties = 2
    if arguments[:1] == ["--ties"]:
        ties, arguments = int(arguments[1]), arguments[2:]
    if arguments[:1] == ["--screenshots"]:
        cordis = Path(arguments[2]) if arguments[1:2] == ["--cordis"] else None
        screenshots(cordis)
    else:
        measure([int(a) for a in arguments] or [500, 5000], ties=ties)
