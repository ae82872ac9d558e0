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


# ---------------------------------------------------------------- Virtuoso

VIRTUOSO_BINARY = "virtuoso-t"
VIRTUOSO_SQL_CLIENTS = ("isql-vt", "isql")
VIRTUOSO_SYSTEM_GRAPH_PREFIXES = (
    "http://www.openlinksw.com/",
    "http://www.w3.org/ns/ldp#",
    "http://localhost",
    "http://localuriqaserver/",
)
"""Graphs a fresh Virtuoso database holds itself: never dropped, never counted."""


class ServerStartError(RuntimeError):
    """A test server could not be started (missing binary, failed start, no answer)."""


def virtuoso_missing() -> str | None:
    """Why Virtuoso cannot run here (its server or SQL client is missing), or ``None``."""
    if shutil.which(VIRTUOSO_BINARY) is None:
        return (
            f"{VIRTUOSO_BINARY} is missing: install Debian's virtuoso-opensource package "
            "to run the Virtuoso tests"
        )
    if not any(shutil.which(client) for client in VIRTUOSO_SQL_CLIENTS):
        return "isql-vt (Virtuoso's SQL client) is missing: install virtuoso-opensource"
    return None


def virtuoso_ini(folder: Path, *, sql_port: int, http_port: int, buffers: int = 10_000) -> str:
    """A ``virtuoso.ini`` for a database of its own in ``folder``, on loopback ports.

    ``buffers`` pages of 8 kB are the database's cache (10,000 = 80 MB; Virtuoso advises
    about two thirds of free memory for large stores). ``ResultSetMaxRows`` is raised from
    the packaged 10,000 so a whole listing is never cut short without notice. The packaged
    ``MaxQueryCostEstimationTime`` is left out: with it set, Virtuoso 7.2.5 compiles every
    request with ``sql:big-data-const 0``, which refuses an ``INSERT DATA`` of 1,500
    triples (SP031) and sorts some Latin labels after Cyrillic ones (docs/engines.md).
    """
    return f"""\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = {folder}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {buffers * 3 // 4}
CheckpointInterval = 60
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 600
"""


@dataclass
class VirtuosoServer:
    """A running ``virtuoso-t`` with a database of its own, on 127.0.0.1.

    Its ``/sparql`` endpoint answers queries and (after :func:`start_virtuoso`'s grant)
    SPARQL Update; ``/sparql-graph-crud`` is its Graph Store Protocol endpoint. Its
    default graph is the union of every graph, as edukg's embedded store's.
    """

    base: str
    sql_port: int
    folder: Path
    process: subprocess.Popen[bytes]

    @property
    def query_url(self) -> str:
        return self.base + "/sparql"

    @property
    def update_url(self) -> str:
        return self.base + "/sparql"

    @property
    def store_url(self) -> str:
        return self.base + "/sparql-graph-crud"

    def endpoint(self, **options: object) -> Endpoint:
        return Endpoint(self.query_url, **options)  # type: ignore[arg-type]

    def data_graphs(self) -> list[str]:
        """The graphs holding data sent here (Virtuoso's own system graphs left out)."""
        result = Endpoint(self.query_url).run("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        graphs = [str(row[0].value) for row in result.rows if row[0] is not None]
        return [g for g in graphs if not g.startswith(VIRTUOSO_SYSTEM_GRAPH_PREFIXES)]

    def clear(self) -> None:
        """Drop every data graph (not ``DROP ALL``: that would drop Virtuoso's own graphs)."""
        endpoint = Endpoint(self.update_url)
        for graph in self.data_graphs():
            endpoint.update(f"DROP SILENT GRAPH <{graph}>")

    def count(self) -> int:
        """Triples in the data graphs."""
        graphs = self.data_graphs()
        if not graphs:
            return 0
        values = " ".join(f"<{g}>" for g in graphs)
        result = Endpoint(self.query_url).run(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"
        )
        return int(result.rows[0][0].value)  # type: ignore[union-attr]


def _sql_client() -> str:
    for client in VIRTUOSO_SQL_CLIENTS:
        found = shutil.which(client)
        if found:
            return found
    raise ServerStartError(virtuoso_missing() or "no Virtuoso SQL client")


def virtuoso_sql(server: VirtuosoServer, statement: str) -> str:
    """Run one SQL statement as ``dba`` (a fresh database's password) through isql."""
    done = subprocess.run(
        [_sql_client(), f"127.0.0.1:{server.sql_port}", "dba", "dba", f"exec={statement}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
        raise ServerStartError(f"isql: {statement}: {done.stdout}{done.stderr}".strip())
    return done.stdout


def start_virtuoso(
    folder: Path, *, buffers: int = 10_000, wait_seconds: float = 60
) -> VirtuosoServer:
    """Start Virtuoso on free loopback ports with its database in ``folder``; wait until it answers.

    Then grant SPARQL Update to the ``SPARQL`` user, the one Virtuoso runs
    unauthenticated ``/sparql`` and ``/sparql-graph-crud`` requests as (a test
    server on the loopback interface only; see docs/engines.md for a shared one).
    """
    missing = virtuoso_missing()
    if missing:
        raise ServerStartError(missing)
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    while http_port == sql_port:
        http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(
        virtuoso_ini(folder.resolve(), sql_port=sql_port, http_port=http_port, buffers=buffers),
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [VIRTUOSO_BINARY, "+configfile", str(ini), "+foreground"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = VirtuosoServer(f"http://127.0.0.1:{http_port}", sql_port, folder, process)
    deadline = time.monotonic() + wait_seconds
    while True:
        if process.poll() is not None:
            log = folder / "virtuoso.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise ServerStartError(f"virtuoso-t exited with {process.returncode}: {tail}")
        try:
            with urllib.request.urlopen(server.query_url + "?query=ASK%7B%7D", timeout=2):
                break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                stop_virtuoso(server)
                raise ServerStartError(
                    f"virtuoso-t did not answer within {wait_seconds:g} s"
                ) from None
            time.sleep(0.2)
    try:
        virtuoso_sql(server, 'GRANT SPARQL_UPDATE TO "SPARQL";')
    except (ServerStartError, subprocess.TimeoutExpired):
        stop_virtuoso(server)
        raise
    return server


def stop_virtuoso(server: VirtuosoServer) -> None:
    """Stop the server (SIGTERM: Virtuoso checkpoints and exits) and wait for it."""
    server.process.terminate()
    try:
        server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
