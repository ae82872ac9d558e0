"""Benchmark: requests per second of ``edukg serve`` for a small catalogue query, 8 clients.

Takes its data from ``bench/generator.py`` (generated in a temporary folder, or kept in
``--data DIR/<scale>`` and reused), starts ``edukg serve`` on a free loopback port over
that store, and has ``--clients`` threads send a small catalogue query (by default the
first page of ``agreements`` signed in 2024 with Russian parties; ``--query`` and ``-p``
choose another) through the SPARQL protocol, as ``edukg --endpoint`` sends it, for
``--seconds``. The same query's time on the embedded store is printed beside it.
Every answer is checked against the embedded store's; a wrong or failed answer counts
as an error.

Run:  python -m bench.serve_bench [--triples 1M] [--clients 8] [--seconds 20] [--data DIR]

A benchmark, not a test: it prints the numbers (and writes them with ``--json``).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from bench.generator import prepare
from bench.run import parse_scale, provenance, scale_label
from edukg.graph.store import KnowledgeGraph
from edukg.queries.binding import bind, parse_parameters
from edukg.queries.catalogue import get_query
from edukg.queries.runner import PAGE_SIZE, run_query

QUERY = "agreements"
PARAMS = {"year": "2024", "country": "RU"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(store: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("EDUKG_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "edukg", "--store", str(store), "serve", "--port", str(port),
         "--workers", str(workers), "--log-level", "warning"],
        env=environment, stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql", timeout=2):
                return process
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    process.kill()
    raise SystemExit("edukg serve did not start within 120 s")


def query_text(name: str, params: dict[str, str]) -> str:
    """The catalogue query's first page with its parameters bound, as edukg --endpoint sends it."""
    query = get_query(name)
    page = (PAGE_SIZE + 1, 0) if query.paged else None
    return bind(query.text, parse_parameters(query, dict(params)), page=page)


def pair(text: str) -> tuple[str, str]:
    name, _, value = text.partition("=")
    return name, value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=parse_scale, default=1_000_000,
                        help="size of the generated graph, e.g. 100k or 1M (default 1M)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--workers", type=int, default=4, help="edukg serve --workers")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long the clients send")
    parser.add_argument("--query", default=QUERY, help=f"catalogue query (default {QUERY})")
    parser.add_argument("-p", dest="params", type=pair, action="append",
                        help="KEY=VALUE parameter (default: year=2024, country=RU)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, help="keep the data in DATA/<scale> and reuse it")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    options = parser.parse_args()
    name = options.query
    params = dict(options.params) if options.params else (PARAMS if name == QUERY else {})

    with tempfile.TemporaryDirectory() as scratch:
        root = options.data or Path(scratch)
        data = prepare(root / scale_label(options.triples), triples=options.triples,
                       seed=options.seed)
        with KnowledgeGraph.open(data.store, read_only=True) as kg:
            embedded = []
            for _ in range(5):
                started = time.perf_counter()
                result = run_query(kg, name, params)
                expected = result.records()
                embedded.append(time.perf_counter() - started)
        port = free_port()
        server = start_server(data.store, port, options.workers)
        url = f"http://127.0.0.1:{port}/sparql"
        body = urllib.parse.urlencode({"query": query_text(name, params)}).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "Accept": "application/sparql-results+json"}
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        stop_at = time.monotonic() + options.seconds
        # the protocol answers the page plus the one row that tells whether more follow
        expected_rows = len(expected) + int(result.more)

        def client() -> None:
            while time.monotonic() < stop_at:
                started = time.perf_counter()
                try:
                    request = urllib.request.Request(url, data=body, headers=headers)
                    with urllib.request.urlopen(request, timeout=60) as response:
                        answer = json.loads(response.read())
                    rows = len(answer["results"]["bindings"])
                    problem = None if rows == expected_rows else f"{rows} rows"
                except (urllib.error.URLError, ConnectionError, ValueError) as error:
                    problem = str(error)
                with lock:
                    if problem:
                        errors.append(problem)
                    else:
                        latencies.append(time.perf_counter() - started)

        try:
            threads = [threading.Thread(target=client) for _ in range(options.clients)]
            began = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - began
        finally:
            server.terminate()
            server.wait(timeout=30)

    latencies.sort()
    report = {
        **provenance(),
        "query": name,
        "params": params,
        "embedded_median_ms": round(statistics.median(embedded) * 1000, 1),
        "triples": data.triples,
        "clients": options.clients,
        "workers": options.workers,
        "seconds": round(elapsed, 2),
        "requests": len(latencies),
        "errors": len(errors),
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "median_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000, 1) if latencies else None,
        "rows": expected_rows,
        "cpus": os.cpu_count(),
    }
    print(f"edukg serve, {name} {params} at {data.triples:,} triples, "
          f"{options.clients} clients, {options.workers} workers, {report['seconds']} s:")
    print(f"  {report['requests']} answers, {report['errors']} errors, "
          f"{report['requests_per_second']} requests/s, median {report['median_ms']} ms, "
          f"p95 {report['p95_ms']} ms; embedded, one at a time: "
          f"median {report['embedded_median_ms']} ms")
    if options.json:
        options.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
