"""How long network pages take to build in Python and to become usable in headless Chromium.

Usable means: vis-network has drawn the network for the first time (after its short physics
run when the page has one) and the page script set ``edukgPage.ready``. Measured from the
start of navigation (``performance.now()``) in Debian's ``/usr/bin/chromium``.

Run from the repository root (needs the test extra and Debian's chromium):

    python bench/network_page_bench.py            # 500 and 5,000 nodes
    python bench/network_page_bench.py 500 2000   # other sizes
    python bench/network_page_bench.py --ties 6 5000   # denser: about 30,000 ties

This is a benchmark, not a test: it prints numbers and asserts nothing.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from edukg.viz.network_page import build_network_page, write_page  # noqa: E402
from tests.viz.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.viz.networks import random_network  # noqa: E402


def measure(sizes: list[int], *, repeats: int = 3, ties: int = 2) -> None:
    from playwright.sync_api import sync_playwright

    print(f"{'nodes':>6} {'edges':>6} {'build s':>8} {'MB':>5} {'usable ms (best / median)':>26}")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for size in sizes:
            graph = random_network(size, ties_per_node=ties)
            started = time.perf_counter()
            page = build_network_page(graph, lang="ru", node_cap=max(size, 5000))
            path = write_page(page, Path(folder) / f"network-{size}.html")
            build_seconds = time.perf_counter() - started
            timings = []
            for _ in range(repeats):
                tab = browser.new_page(viewport={"width": 1400, "height": 900})
                tab.goto(path.as_uri(), wait_until="commit")
                tab.locator("body[data-ready=true]").wait_for(state="attached", timeout=300_000)
                timings.append(tab.evaluate("edukgPage.readyAt"))
                tab.close()
            timings.sort()
            print(
                f"{size:>6} {graph.number_of_edges():>6} {build_seconds:>8.1f} "
                f"{path.stat().st_size / 1e6:>5.1f} {timings[0]:>12.0f} / "
                f"{timings[len(timings) // 2]:.0f}"
            )
        browser.close()


if __name__ == "__main__":
    arguments = sys.argv[1:]
    ties = 2
    if arguments[:1] == ["--ties"]:
        ties, arguments = int(arguments[1]), arguments[2:]
    measure([int(a) for a in arguments] or [500, 5000], ties=ties)
