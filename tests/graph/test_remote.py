"""The remote runner against small real HTTP servers on the loopback interface."""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from edukg.core.errors import QueryError
from edukg.graph.remote import Credentials, Endpoint

ANSWER = json.dumps(
    {
        "head": {"vars": ["code", "label"]},
        "results": {
            "bindings": [
                {
                    "code": {"type": "literal", "value": "BY"},
                    "label": {"type": "literal", "value": "Беларусь", "xml:lang": "ru"},
                }
            ]
        },
    }
).encode()


class Script:
    """What the fake endpoint answers, request by request, and what it saw."""

    def __init__(
        self, statuses: list[int], *, delay: float = 0.0, password: str | None = None
    ) -> None:
        self.statuses = statuses
        self.delay = delay
        self.password = password
        self.seen: list[dict[str, Any]] = []


@pytest.fixture
def endpoint_server() -> Iterator[Any]:
    servers = []

    def start(script: Script) -> str:
        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                script.seen.append(
                    {
                        "agent": self.headers.get("User-Agent"),
                        "auth": self.headers.get("Authorization"),
                        "body": body,
                    }
                )
                if script.password is not None:
                    expected = (
                        "Basic " + base64.b64encode(f"kg:{script.password}".encode()).decode()
                    )
                    if self.headers.get("Authorization") != expected:
                        self.send_response(401)
                        self.send_header("WWW-Authenticate", 'Basic realm="kg"')
                        self.end_headers()
                        return
                time.sleep(script.delay)
                status = script.statuses.pop(0) if script.statuses else 200
                self.send_response(status)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.end_headers()
                if status == 200:
                    self.wfile.write(ANSWER)

            def log_message(self, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/sparql"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_transient_failures_are_retried_and_the_user_agent_is_sent(endpoint_server: Any) -> None:
    script = Script([503, 502])
    url = endpoint_server(script)
    pauses: list[float] = []
    result = Endpoint(url, sleep=pauses.append).run(
        "SELECT ?code ?label WHERE { ?c skos:notation ?code }"
    )
    assert result.records() == [{"code": "BY", "label": "Беларусь"}]
    assert len(script.seen) == 3
    assert pauses == [0.5, 1.0]
    assert all(request["agent"].startswith("edukg/") for request in script.seen)


def test_retries_give_up_with_a_clear_error(endpoint_server: Any) -> None:
    url = endpoint_server(Script([503, 503, 503, 503]))
    with pytest.raises(QueryError, match="HTTP 503"):
        Endpoint(url, sleep=lambda _: None).run("SELECT * WHERE { ?s ?p ?o }")


def test_basic_credentials_come_from_the_environment(
    endpoint_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = Script([], password="секрет")
    url = endpoint_server(script)
    monkeypatch.setenv("EDUKG_ENDPOINT_USER", "kg")
    monkeypatch.setenv("EDUKG_ENDPOINT_PASSWORD", "секрет")
    assert len(Endpoint.from_url(url).run("SELECT * WHERE { ?s ?p ?o }").rows) == 1
    monkeypatch.setenv("EDUKG_ENDPOINT_PASSWORD", "wrong")
    with pytest.raises(QueryError) as caught:
        Endpoint.from_url(url).run("SELECT * WHERE { ?s ?p ?o }")
    assert "401" in str(caught.value) and "EDUKG_ENDPOINT_PASSWORD" in str(caught.value)


def test_credentials_scheme_is_checked() -> None:
    from edukg.core.errors import ConfigError

    assert Credentials.from_environment({}) is None
    digest = Credentials.from_environment(
        {"EDUKG_ENDPOINT_USER": "u", "EDUKG_ENDPOINT_AUTH": "Digest"}
    )
    assert digest is not None and digest.scheme == "digest"
    with pytest.raises(ConfigError, match="basic or digest"):
        Credentials.from_environment(
            {"EDUKG_ENDPOINT_USER": "u", "EDUKG_ENDPOINT_AUTH": "kerberos"}
        )


def test_a_slow_endpoint_hits_the_time_limit(endpoint_server: Any) -> None:
    url = endpoint_server(Script([], delay=3))
    started = time.monotonic()
    with pytest.raises(QueryError, match="time limit of 1 s"):
        Endpoint(url, sleep=lambda _: None).run("SELECT * WHERE { ?s ?p ?o }", timeout=1)
    assert time.monotonic() - started < 3


def test_an_unreachable_endpoint_is_reported() -> None:
    from tests.servers import free_port

    with pytest.raises(QueryError, match="cannot reach"):
        Endpoint(f"http://127.0.0.1:{free_port()}/sparql", sleep=lambda _: None).run("ASK {}")


def test_the_oxigraph_server_through_sparqlwrapper(oxigraph_server: Any, kg: Any) -> None:
    from edukg.graph.push import push
    from edukg.queries.runner import run_sparql
    from tests.queries.conftest import load_fixture

    load_fixture(kg, "events")
    oxigraph_server.clear()
    push(kg, store_endpoint=oxigraph_server.store_url)
    endpoint = oxigraph_server.endpoint()
    assert run_sparql(endpoint, "ASK { ?e a edukg:CooperationEvent }").boolean is True
    graph = run_sparql(
        endpoint,
        "CONSTRUCT { ?e schema:name ?l } WHERE { ?e a edukg:CooperationEvent ; skos:prefLabel ?l }",
    )
    assert sorted(map(str, graph.triples)) == sorted(
        map(
            str,
            run_sparql(
                kg,
                "CONSTRUCT { ?e schema:name ?l } "
                "WHERE { ?e a edukg:CooperationEvent ; skos:prefLabel ?l }",
            ).triples,
        )
    )
    with pytest.raises(QueryError, match="malformed"):
        run_sparql(endpoint, "SELECT WHERE {")
