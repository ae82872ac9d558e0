"""A real ``edukg serve`` process on a free loopback port, over a store of the bundled examples."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files
from tests.conftest import EXAMPLE_FILES

TIME_LIMIT = 2.0
TOKEN = "test-token-0123456789abcdef"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
"""A query that would run for hours on the examples: a four-way cross product."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """One ``edukg serve`` subprocess; ``url`` is its root (ending in ``/``)."""

    def __init__(self, store: Path, *options: str, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        inherited = {k: v for k, v in os.environ.items() if not k.startswith("EDUKG_")}
        self.log = store.parent / f"serve-{self.port}.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "edukg", "--store", str(store), "serve",
             "--port", str(self.port), "--log-level", "warning", *options],
            env={**inherited, "PYTHONIOENCODING": "utf-8", **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("wb"),
        )
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"edukg serve ended: {self.log.read_text(encoding='utf-8')}")
            try:
                with urllib.request.urlopen(self.url + "sparql", timeout=2):
                    return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        raise RuntimeError("edukg serve did not start within 60 s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="session")
def example_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store holding the article's facts and the invented register (closed again)."""
    path = tmp_path_factory.mktemp("serve") / "store"
    with KnowledgeGraph.open(path) as kg:
        load_files(kg, list(EXAMPLE_FILES))
    return path


@pytest.fixture(scope="session")
def server(example_store: Path) -> Iterator[Server]:
    """A read-only server with a short time limit, for the whole session."""
    running = Server(example_store, "--time-limit", str(TIME_LIMIT), "--workers", "3")
    yield running
    running.stop()


@pytest.fixture
def start_server(tmp_path: Path, example_store: Path) -> Iterator[Callable[..., Server]]:
    """Start a server of one's own on a copy of the example store."""
    started: list[Server] = []

    def start(*options: str, env: dict[str, str] | None = None) -> Server:
        copy = tmp_path / f"store-{len(started)}"
        shutil.copytree(example_store, copy)
        started.append(Server(copy, *options, env=env))
        return started[-1]

    yield start
    for running in started:
        running.stop()


def fetch(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
          method: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body of one request; HTTP errors included."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            headers_read = {k.lower(): v for k, v in response.headers.items()}
            return response.status, headers_read, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()
