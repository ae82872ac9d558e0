"""Benchmark: edukg on a second real engine: push to, and query, Oxigraph server and Virtuoso.

Takes its data from ``bench/generator.py`` (the seeded register in an on-disk store,
generated in a temporary folder or kept in ``--data DIR/<scale>`` and reused). Starts
``oxigraph serve`` (the ``oxigraph`` pip package) and Virtuoso (Debian's
``virtuoso-opensource``: ``virtuoso-t``) on free loopback ports, each with a database of
its own in a temporary folder, exactly as the tests do (``tests/servers.py``), and then:

- times ``edukg push`` of the whole store (Graph Store Protocol, batches of 20,000) to
  each, and checks every graph's size there afterwards;
- times the first page of every catalogue query with the parameters of
  ``bench/queries_bench.py`` (median of ``--repeats`` after one warm-up run) on the
  embedded store and on each server through the SPARQL protocol (``--endpoint``), and
  checks that each answer equals the embedded store's.

Run:  python -m bench.engines [--triples 1M] [--repeats 3] [--data DIR] [--out bench/results]
      python -m bench.engines --engines virtuoso --skip partners   # one server, a query left out

Writes ``engines-<scale>.json`` and ``.md`` into ``--out`` (``bench-results/`` unless
given; ``engines-<scale>-<engine>`` when only one server runs). A benchmark, not a test:
it prints the numbers.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from bench.generator import prepare
from bench.queries_bench import CASES
from bench.run import parse_scale, provenance, scale_label
from edukg.core.errors import EdukgError
from edukg.graph.push import push, remote_graph_sizes
from edukg.graph.remote import Endpoint
from edukg.graph.store import KnowledgeGraph
from edukg.queries.runner import QueryResult, run_query
from tests.queries.test_virtuoso import comparable
from tests.servers import (
    VIRTUOSO_BINARY,
    oxigraph_command,
    start_oxigraph,
    start_virtuoso,
    stop_oxigraph,
    stop_virtuoso,
)

NOT_ON_VIRTUOSO: dict[str, str] = {}
"""Catalogue queries not run on Virtuoso, with the reason (none since expiring-agreements
stopped casting empty text, on which Virtuoso 7.2.5 stalled)."""
VIRTUOSO_BUFFERS = 100_000
"""Virtuoso's page cache for the benchmark: 100,000 pages of 8 kB = 800 MB."""
QUERY_TIMEOUT = 300.0
ENGINES = ("oxigraph-server", "virtuoso")


def median_seconds(action: Callable[[], QueryResult], repeats: int) -> tuple[float, QueryResult]:
    """The median time of ``repeats`` runs after one warm-up run, and the last answer."""
    result = action()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def timed_push(kg: KnowledgeGraph, store_url: str, query_url: str) -> dict[str, Any]:
    """Push the whole store, then check every graph's size on the server."""
    started = time.perf_counter()
    pushed = push(kg, store_endpoint=store_url)
    seconds = time.perf_counter() - started
    sizes = remote_graph_sizes(Endpoint(query_url), [graph.graph for graph in pushed])
    differ = [g.graph for g in pushed if g.triples and sizes.get(g.graph, 0) != g.triples]
    triples = sum(graph.triples for graph in pushed)
    return {
        "seconds": round(seconds, 2),
        "triples": triples,
        "triples_per_second": round(triples / seconds),
        "requests": sum(graph.requests for graph in pushed),
        "check": "same" if not differ else f"differs in {len(differ)} graph(s)",
    }


def versions() -> dict[str, str]:
    """The servers' own version lines."""

    def first_line(command: list[str]) -> str:
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=30)
        except OSError as error:
            return f"unavailable: {error}"
        lines = (done.stdout + done.stderr).strip().splitlines()
        return next((line.strip() for line in lines if "ersion" in line), lines[0] if lines else "")

    return {
        "oxigraph-server": first_line([oxigraph_command(), "--version"]),
        "virtuoso": first_line([VIRTUOSO_BINARY, "-?"]),
    }


def query_cases() -> list[tuple[str, dict[str, str]]]:
    """The first pages of ``bench/queries_bench.py``'s cases (its whole listings left out)."""
    return [(name, params) for name, params in CASES if params.get("limit") != "0"]


def run_engines(args: argparse.Namespace, folder: Path, work: Path) -> dict[str, Any]:
    data = prepare(folder, triples=args.triples, seed=args.seed)
    print(f"seeded data: {data.triples:,} triples in {data.folder}", flush=True)
    report: dict[str, Any] = {
        **provenance(),
        "server_versions": versions(),
        "triples": data.triples,
        "repeats": args.repeats,
        "push": {},
        "queries": [],
    }
    oxigraph = start_oxigraph(work / "oxigraph") if "oxigraph-server" in args.engines else None
    virtuoso = (
        start_virtuoso(work / "virtuoso", buffers=VIRTUOSO_BUFFERS)
        if "virtuoso" in args.engines
        else None
    )
    servers: dict[str, Any] = {
        name: server
        for name, server in (("oxigraph-server", oxigraph), ("virtuoso", virtuoso))
        if server is not None
    }
    skipped = {tuple(entry.split(":", 1)) if ":" in entry else ("*", entry) for entry in args.skip}
    try:
        with KnowledgeGraph.open(data.store, read_only=True) as kg:
            for engine, server in servers.items():
                print(f"push to {engine} ...", flush=True)
                report["push"][engine] = timed_push(kg, server.store_url, server.query_url)
                print(f"  {report['push'][engine]}", flush=True)
            targets: dict[str, Any] = {"embedded": kg} | {
                engine: server.endpoint() for engine, server in servers.items()
            }
            for name, params in query_cases():
                row: dict[str, Any] = {"query": name, "params": params}
                embedded: QueryResult | None = None
                for engine, target in targets.items():
                    if engine == "virtuoso" and name in NOT_ON_VIRTUOSO:
                        row[engine] = {"error": NOT_ON_VIRTUOSO[name]}
                        continue
                    if (engine, name) in skipped or ("*", name) in skipped and engine != "embedded":
                        row[engine] = {"error": "not run (--skip)"}
                        continue
                    try:
                        seconds, result = median_seconds(
                            partial(run_query, target, name, params, timeout=QUERY_TIMEOUT),
                            args.repeats,
                        )
                    except EdukgError as error:
                        row[engine] = {"error": str(error).splitlines()[0][:200]}
                        continue
                    cell: dict[str, Any] = {"median_s": round(seconds, 3), "rows": len(result.rows)}
                    if embedded is None:
                        embedded = result
                    else:
                        same = comparable(result, name) == comparable(embedded, name)
                        cell["same_as_embedded"] = same
                    row[engine] = cell
                print(
                    f"  {name} {params}: "
                    + ", ".join(
                        f"{engine} {row[engine].get('median_s', 'error')}" for engine in targets
                    ),
                    flush=True,
                )
                report["queries"].append(row)
    finally:
        if oxigraph is not None:
            stop_oxigraph(oxigraph)
        if virtuoso is not None:
            stop_virtuoso(virtuoso)
    return report


def markdown(report: dict[str, Any]) -> str:
    """The report as Markdown tables: pushes, then query times side by side."""
    lines = [
        f"Engines at {report['triples']:,} triples, {report['date']}, commit "
        f"{(report['commit'] or '?')[:10]}"
        + (" (uncommitted changes)" if report["uncommitted_changes"] else "")
        + "; "
        + ", ".join(f"{k} {v}" for k, v in report["versions"].items() if v)
        + "; "
        + "; ".join(f"{k}: {v}" for k, v in report["server_versions"].items()),
        "",
        "| push (Graph Store Protocol) | seconds | triples/s | requests | check |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for engine, figures in report["push"].items():
        lines.append(
            f"| {engine} | {figures['seconds']} | {figures['triples_per_second']:,} "
            f"| {figures['requests']} | {figures['check']} |"
        )
    lines += [
        "",
        f"First pages, median of {report['repeats']} runs after a warm-up, seconds "
        "(rows; * = an answer that differs from the embedded store's):",
        "",
        "| query | parameters | embedded | Oxigraph server | Virtuoso |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for row in report["queries"]:
        cells = []
        for engine in ("embedded", "oxigraph-server", "virtuoso"):
            cell = row.get(engine)
            if cell is None:
                cells.append("–")
            elif "error" in cell:
                cells.append("not run" if cell["error"].startswith("not run") else "error")
            else:
                flag = "" if cell.get("same_as_embedded", True) else " *"
                cells.append(f"{cell['median_s']:.3f} ({cell['rows']}){flag}")
        shown = " ".join(f"{k}={v}" for k, v in row["params"].items()) or "-"
        lines.append(f"| {row['query']} | {shown} | " + " | ".join(cells) + " |")
    notes = {
        row[engine]["error"]
        for row in report["queries"]
        for engine in ("embedded", "oxigraph-server", "virtuoso")
        if "error" in row.get(engine, {})
    }
    if notes:
        lines += ["", *sorted(f"- {note}" for note in notes)]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--triples", type=parse_scale, default=1_000_000, help="about how many triples (1M, 100k)"
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs per query; the median counts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, help="keep the data in DATA/<scale> and reuse it")
    parser.add_argument("--out", type=Path, default=Path("bench-results"), help="results folder")
    parser.add_argument(
        "--engines",
        default=",".join(ENGINES),
        type=lambda text: [name for name in text.split(",") if name],
        help=f"servers to run, of {', '.join(ENGINES)} (default: both)",
    )
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        metavar="[ENGINE:]QUERY",
        help="leave a catalogue query out on a server (every server without ENGINE:); repeatable",
    )
    parser.add_argument(
        "--keep-servers",
        type=Path,
        metavar="DIR",
        help="make the servers' databases and logs in DIR (a new folder) and keep them",
    )
    args = parser.parse_args()
    if args.keep_servers is not None and args.keep_servers.exists():
        parser.error(f"--keep-servers: {args.keep_servers} exists; give a new folder")
    unknown = sorted(set(args.engines) - set(ENGINES))
    if unknown or not args.engines:
        parser.error(f"--engines: use some of {', '.join(ENGINES)}")
    if "virtuoso" in args.engines and shutil.which(VIRTUOSO_BINARY) is None:
        print("virtuoso-t is missing: install Debian's virtuoso-opensource", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="edukg-engines-") as temporary:
        folder = (args.data or Path(temporary) / "data") / scale_label(args.triples)
        report = run_engines(args, folder, args.keep_servers or Path(temporary))
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"engines-{scale_label(args.triples)}"
    if len(args.engines) < len(ENGINES):
        stem = stem.with_name(f"{stem.name}-{args.engines[0]}")
    stem.with_suffix(".json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    stem.with_suffix(".md").write_text(markdown(report), encoding="utf-8")
    print(markdown(report))
    print(f"written: {stem}.json and .md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
