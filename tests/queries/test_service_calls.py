"""``SERVICE`` in ``edukg sparql`` sends no request unless --allow-service is given."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from tests.conftest import run_edukg


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A real HTTP server on a free local port that records every request it gets."""
    requests: list[str] = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            requests.append(self.path)
            self.send_response(500)
            self.end_headers()

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/sparql", requests
    server.shutdown()
    server.server_close()


def test_service_is_refused_without_a_request(
    listener: tuple[str, list[str]], tmp_path: Path
) -> None:
    url, requests = listener
    query = f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"
    result = run_edukg("--store", ":memory:", "sparql", query, cwd=tmp_path)
    assert result.returncode == 2 and "--allow-service" in result.stderr, result.stderr
    assert requests == []


def test_allow_service_lets_the_request_go(
    listener: tuple[str, list[str]], tmp_path: Path
) -> None:
    url, requests = listener
    query = f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"
    run_edukg("--store", ":memory:", "sparql", "--allow-service", query, cwd=tmp_path)
    assert requests, "the query with --allow-service reached the server"
