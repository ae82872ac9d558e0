"""Fixtures shared by every test package."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from edukg.cli import main
from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files
from tests.browser import CHROMIUM, CHROMIUM_ARGS
from tests.servers import (
    OxigraphServer,
    ServerStartError,
    VirtuosoServer,
    start_oxigraph,
    start_virtuoso,
    stop_oxigraph,
    stop_virtuoso,
    virtuoso_missing,
)

# Speed is the benchmarks' concern, not a test's: Hypothesis's default 200 ms deadline
# per example failed a test of run times on a busy machine (load 7).
settings.register_profile("edukg", deadline=None)
settings.load_profile("edukg")

TESTS = Path(__file__).parent
DATA = TESTS / "data"
EXAMPLE_FILES = (
    TESTS.parent / "examples" / "minsk-region-2024.ttl",
    DATA / "illustrative" / "illustrative-register.ttl",
)
"""The seed article's facts and the invented register most tests run on (not the demo's data)."""


@pytest.fixture
def kg() -> Iterator[KnowledgeGraph]:
    """An empty in-memory knowledge graph."""
    with KnowledgeGraph.in_memory() as graph:
        yield graph


@pytest.fixture
def example_kg(kg: KnowledgeGraph) -> KnowledgeGraph:
    """An in-memory knowledge graph holding the article's facts and the invented register."""
    load_files(kg, list(EXAMPLE_FILES))
    return kg


@dataclass(frozen=True)
class CliResult:
    """What a run of the ``edukg`` command returned and printed."""

    returncode: int
    stdout: str
    stderr: str


def run_edukg(*args: str, cwd: Path, env: dict[str, str] | None = None) -> CliResult:
    """Run the ``edukg`` command in this process, as ``edukg ARGS`` would in ``cwd``.

    It goes through :func:`edukg.cli.main` (its error handling and exit codes),
    with click's test isolation for stdin/stdout/stderr and the environment
    (the caller's ``EDUKG_*`` variables removed). Use :func:`run_edukg_process`
    only where the process itself matters.
    """
    environment: dict[str, str | None] = {k: None for k in os.environ if k.startswith("EDUKG_")}
    environment.update(env or {})
    runner = CliRunner()
    with contextlib.chdir(cwd), runner.isolation(env=environment) as (out, err, _):
        try:
            main(list(args))
        except SystemExit as exited:
            code = exited.code if isinstance(exited.code, int) else int(exited.code is not None)
        else:
            code = 0
        sys.stdout.flush()
        sys.stderr.flush()
        return CliResult(
            code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8", "replace")
        )


def run_edukg_process(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m edukg`` in a fresh process, as a user would."""
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("EDUKG_")}
    full_env = {**inherited, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "edukg", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """A real Oxigraph server on a free loopback port; its default graph is the union of all."""
    server = start_oxigraph(tmp_path_factory.mktemp("oxigraph-server"))
    try:
        yield server
    finally:
        stop_oxigraph(server)


@pytest.fixture
def plain_oxigraph_server(tmp_path: Path) -> Iterator[OxigraphServer]:
    """A real Oxigraph server started without --union-default-graph."""
    server = start_oxigraph(tmp_path / "plain-server", union_default_graph=False)
    try:
        yield server
    finally:
        stop_oxigraph(server)


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoServer]:
    """A real Virtuoso (Debian's virtuoso-opensource) on free loopback ports, for the session.

    Started once (it takes a few seconds), with a database of its own in a temporary
    folder; the SPARQL user may update. Skipped where virtuoso-t is not installed, except
    in CI (the ``CI`` variable set), where a missing Virtuoso fails the tests instead.
    """
    missing = virtuoso_missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{missing} (CI must run the Virtuoso tests: .ci/run installs it)")
        pytest.skip(missing)
    try:
        server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    except ServerStartError as error:
        pytest.fail(str(error))
    try:
        yield server
    finally:
        stop_virtuoso(server)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium through Playwright, one for the whole session.

    One only: Playwright's sync API cannot start while another of its sessions is open.
    """
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is absent: install Debian's chromium package to run the browser tests"
        )
    playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()

