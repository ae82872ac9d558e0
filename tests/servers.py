"""A real Oxigraph server on a free loopback port, for tests of remote stores."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from edukg.graph.remote import Endpoint


def free_port() -> int:
    """A TCP port on the loopback interface that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def oxigraph_command() -> str:
    """The ``oxigraph`` server binary from the ``oxigraph`` pip package (test extra)."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        pytest.fail("the oxigraph server is missing: pip install -e '.[test]' installs it")
    return found


@dataclass
class OxigraphServer:
    """A running ``oxigraph serve`` on 127.0.0.1."""

    base: str
    process: subprocess.Popen[bytes]

    @property
    def query_url(self) -> str:
        return self.base + "/query"

    @property
    def update_url(self) -> str:
        return self.base + "/update"

    @property
    def store_url(self) -> str:
        return self.base + "/store"

    def endpoint(self, **options: object) -> Endpoint:
        return Endpoint(self.query_url, **options)  # type: ignore[arg-type]

    def clear(self) -> None:
        """Drop every graph, so each test starts from an empty server."""
        Endpoint(self.update_url).update("DROP ALL")

    def count(self) -> int:
        result = Endpoint(self.query_url).run(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        )
        return int(result.rows[0][0].value)


def start_oxigraph(location: Path, *, union_default_graph: bool = True) -> OxigraphServer:
    """Start ``oxigraph serve`` on a free loopback port and wait until it answers."""
    port = free_port()
    command = [
        oxigraph_command(),
        "serve",
        "--location",
        str(location),
        "--bind",
        f"127.0.0.1:{port}",
    ]
    if union_default_graph:
        command.append("--union-default-graph")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = OxigraphServer(f"http://127.0.0.1:{port}", process)
    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            message = process.stderr.read().decode(errors="replace") if process.stderr else ""
            pytest.fail(f"oxigraph serve exited with {process.returncode}: {message}")
        try:
            with urllib.request.urlopen(server.query_url + "?query=ASK%7B%7D", timeout=2):
                return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                stop_oxigraph(server)
                pytest.fail("oxigraph serve did not answer within 30 s")
            time.sleep(0.1)


def stop_oxigraph(server: OxigraphServer) -> None:
    """Stop the server process and wait for it."""
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
    if server.process.stderr:
        server.process.stderr.close()
