"""Read-only by default, updates with a token, time limits, and no starving under load."""

from __future__ import annotations

import json
import signal
import threading
import time
import urllib.parse
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from tests.web.conftest import RUNAWAY, TIME_LIMIT, TOKEN, Server, fetch

INSERT = (
    "INSERT DATA { GRAPH <https://edukg.example/id/source/manual> { "
    "<https://edukg.example/id/institution/new> rdfs:label 'Новая' } }"
)
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def post_update(server: Server, text: str, token: str | None = None) -> int:
    headers = dict(FORM)
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    data = urllib.parse.urlencode({"update": text}).encode()
    return fetch(server.url + "sparql", data=data, headers=headers)[0]


def ask(server: Server, query: str) -> bool:
    status, _, body = fetch(server.url + "sparql?query=" + urllib.parse.quote(query))
    assert status == 200, body
    return bool(json.loads(body)["boolean"])


def test_updates_are_refused_by_a_read_only_server(server: Server) -> None:
    assert post_update(server, INSERT) == 403
    assert post_update(server, INSERT, TOKEN) == 403
    status, _, _ = fetch(server.url + "sparql", data=INSERT.encode(),
                         headers={"Content-Type": "application/sparql-update"})
    assert status == 403
    assert not ask(server, "ASK { <https://edukg.example/id/institution/new> ?p ?o }")


def test_updates_need_the_token(start_server: Callable[..., Server]) -> None:
    server = start_server("--allow-update", "--cors", "https://app.example",
                          env={"EDUKG_UPDATE_TOKEN": TOKEN})
    new = "ASK { <https://edukg.example/id/institution/new> rdfs:label 'Новая' }"
    assert post_update(server, INSERT) == 403
    assert post_update(server, INSERT, "wrong-token-0123456789") == 403
    assert not ask(server, new)
    assert post_update(server, INSERT, TOKEN) == 204
    assert ask(server, new)
    # what an update wrote is shown escaped
    script = INSERT.replace("'Новая'", "'<script>alert(1)</script>'")
    assert post_update(server, script, TOKEN) == 204
    status, _, body = fetch(server.url + "id/institution/new", headers={"Accept": "text/html"})
    assert status == 200 and "&lt;script&gt;alert(1)&lt;/script&gt;" in body.decode()
    assert "<script>alert" not in body.decode()
    # even with the token, the server fetches nothing from elsewhere
    assert post_update(server, "LOAD <http://127.0.0.1:9/data.ttl>", TOKEN) == 403
    # --cors allows the origin it names
    status, headers, _ = fetch(server.url + "sparql?query=ASK{}",
                               headers={"Origin": "https://app.example"})
    assert headers.get("access-control-allow-origin") == "https://app.example"


def test_a_runaway_query_is_cut_while_others_answer(server: Server) -> None:
    outcome: dict[str, object] = {}

    def runaway() -> None:
        started = time.monotonic()
        status, _, body = fetch(server.url + "sparql?query=" + urllib.parse.quote(RUNAWAY))
        outcome.update(status=status, body=body, seconds=time.monotonic() - started)

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)
    quick = []
    while thread.is_alive():
        started = time.monotonic()
        assert ask(server, "ASK { country:BY ?p ?o }")
        quick.append(time.monotonic() - started)
    thread.join()
    assert outcome["status"] == 500
    assert b"time limit" in outcome["body"]  # type: ignore[operator]
    assert not outcome["body"].startswith(b"{")  # type: ignore[union-attr]  # no cut-off JSON
    assert TIME_LIMIT <= outcome["seconds"] < TIME_LIMIT + 3  # type: ignore[operator]
    assert len(quick) >= 3 and max(quick) < TIME_LIMIT


def test_two_hundred_requests_from_eight_threads(server: Server) -> None:
    def one(number: int) -> int:
        client = SPARQLWrapper(server.url + "sparql")
        client.setReturnFormat(JSON)
        if number % 4 == 0:
            client.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?c a edukg:Institution }")
            return -int(client.query().convert()["results"]["bindings"][0]["n"]["value"])
        client.setQuery(f"SELECT ?n WHERE {{ BIND({number} AS ?n) }}")
        return int(client.query().convert()["results"]["bindings"][0]["n"]["value"])

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(one, range(200)))
    institutions = {-answer for number, answer in enumerate(answers) if number % 4 == 0}
    assert len(institutions) == 1 and institutions.pop() > 0
    assert [a for n, a in enumerate(answers) if n % 4] == [n for n in range(200) if n % 4]


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z":
            alive.add(pid)
    return alive


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL])
def test_no_worker_outlives_the_server(start_server: Callable[..., Server],
                                       stop: signal.Signals) -> None:
    # regression: orphaned workers were once found long after their server had stopped
    server = start_server("--workers", "2")
    assert ask(server, "ASK { ?s ?p ?o }")
    workers = _children(server.process.pid)
    assert len(workers) >= 2
    server.process.send_signal(stop)
    server.process.wait(timeout=15)
    deadline = time.monotonic() + 10
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(workers)


def test_a_store_that_takes_updates_runs_its_jobs_without_forking(tmp_path: Path) -> None:
    """Regression: a child forked right after a write could hang until the client gave up."""
    import os

    from edukg.graph.store import KnowledgeGraph
    from edukg.web.work import StoreWork, TimeLimitExceeded

    with KnowledgeGraph.open(tmp_path / "store") as kg:
        work = StoreWork(kg, time_limit=0.5, workers=1)
        work.start()
        assert work.call(lambda kg: os.getpid()) == os.getpid()
        with pytest.raises(TimeLimitExceeded):
            work.call(lambda kg: time.sleep(2))
        # the runaway job keeps the only slot until it ends; then the next job runs
        time.sleep(2)
        assert work.call(lambda kg, n: n + 1, 41) == 42
