"""Benchmark edukg against plain rdflib, step by step, at several scales.

    python bench/run.py --scales 100k,1M [--repeats 3] [--rdflib-timeout 120] [--out bench/results]

Per scale, generates a seeded register (``bench/generator.py``) of about that
many triples, then runs every step in its own child process (so each step's
peak memory, ``ru_maxrss``, is its own) and reports the median of the repeats:

- edukg: N-Triples load into an on-disk store, CSV register load, export
  ttl/nt/jsonld, each catalogue query (``edukg.queries.run``), ``analyze``, the
  network page;
- rdflib (in-memory ``Graph``): parse the N-Triples, serialize ttl/nt/json-ld,
  each catalogue query through the catalogue's rdflib runner. A step that runs
  past ``--rdflib-timeout`` seconds is stopped and reported as "> cap".

Steps other than loads open their input once (not timed) and time only the step;
peak memory includes that setup. Writes ``bench-<scales>.md`` and ``.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generator import generate  # noqa: E402

QUERY_OPTIONS = {"partners": {"institution": "inst-0"}}
EXPORTS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}


def parse_scale(text: str) -> int:
    """``100k`` -> 100000, ``1M`` -> 1000000, ``2000`` -> 2000.

    >>> parse_scale("1M"), parse_scale("100k"), parse_scale("2000")
    (1000000, 100000, 2000)
    """
    text = text.strip()
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1].lower(), 1)
    return int(float(text[:-1] if factor > 1 else text) * factor)


def catalogue_names() -> list[str]:
    from edukg.queries.catalogue import load_catalogue

    return sorted(load_catalogue())


def steps() -> list[tuple[str, str]]:
    """Every (step, rdflib counterpart or "") pair, in table order."""
    pairs = [("load-nt", "parse-nt"), ("load-csv", "")]
    pairs += [(f"export-{fmt}", f"serialize-{fmt}") for fmt in EXPORTS]
    pairs += [(f"query-{name}", f"query-{name}") for name in catalogue_names()]
    pairs += [("analyze", ""), ("viz-page", "")]
    return pairs


# ---------------------------------------------------------------- child side


def _timed(action: Callable[[int], Any], repeats: int) -> list[float]:
    times = []
    for repeat in range(repeats):
        start = time.perf_counter()
        action(repeat)
        times.append(time.perf_counter() - start)
        print(json.dumps({"repeat": times[-1]}), flush=True)
    return times


def child_edukg(step: str, folder: Path, repeats: int) -> list[float]:
    from edukg.graph.export import export
    from edukg.graph.store import KnowledgeGraph
    from edukg.loaders import load_files

    work = folder / "work"
    if step in ("load-nt", "load-csv"):
        paths = (
            [folder / "register.nt"]
            if step == "load-nt"
            else sorted(folder.glob("*.csv"))
        )

        def load(repeat: int) -> None:
            target = work / f"{step}-{repeat}"
            shutil.rmtree(target, ignore_errors=True)
            load_files(KnowledgeGraph.open(target), paths)

        print(json.dumps({"ready": True}), flush=True)
        return _timed(load, repeats)
    kg = KnowledgeGraph.open(folder / "store")
    action: Callable[[int], Any]
    if step.startswith("export-"):
        fmt = step.removeprefix("export-")

        def action(repeat: int) -> None:
            with (work / f"export.{fmt}").open("wb") as output:
                export(kg, output, fmt)

    elif step.startswith("query-"):
        from edukg.queries import run

        name = step.removeprefix("query-")

        def action(repeat: int) -> None:
            run(kg, name, **QUERY_OPTIONS.get(name, {}))

    elif step == "analyze":
        from edukg.analysis.run import analyze

        def action(repeat: int) -> None:
            analyze(kg)

    elif step == "viz-page":
        from edukg.analysis.run import analyze
        from edukg.viz.network_page import write_network_page

        network = analyze(kg).network

        def action(repeat: int) -> None:
            write_network_page(network, work / "network.html")

    else:
        raise SystemExit(f"unknown step {step}")
    print(json.dumps({"ready": True}), flush=True)
    return _timed(action, repeats)


def child_rdflib(step: str, folder: Path, repeats: int) -> list[float]:
    import rdflib

    source = folder / "register.nt"
    if step == "parse-nt":
        print(json.dumps({"ready": True}), flush=True)
        return _timed(lambda repeat: rdflib.Graph().parse(source, format="nt"), repeats)
    graph = rdflib.Graph()
    graph.parse(source, format="nt")
    action: Callable[[int], Any]
    if step.startswith("serialize-"):
        fmt = step.removeprefix("serialize-")

        def action(repeat: int) -> None:
            graph.serialize(folder / "work" / f"rdflib.{fmt}", format=EXPORTS[fmt], encoding="utf-8")

    elif step.startswith("query-"):
        from edukg.queries.runner import run_query

        name = step.removeprefix("query-")
        params = QUERY_OPTIONS.get(name, {})

        def action(repeat: int) -> None:
            run_query(graph, name, params)

    else:
        raise SystemExit(f"unknown step {step}")
    print(json.dumps({"ready": True}), flush=True)
    return _timed(action, repeats)


# ---------------------------------------------------------------- parent side


def measure_capped(
    engine: str, step: str, folder: Path, repeats: int, cap: float
) -> dict[str, Any]:
    """Like :func:`measure`, but stop the child when one repeat runs past ``cap`` seconds."""
    command = [sys.executable, __file__, "--child", engine, step, str(folder), str(repeats)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    first = child.stdout.readline()
    if not first:
        child.wait()
        return {"seconds": None, "error": f"exit code {child.returncode}", "peak_mb": None}
    ready = json.loads(first)
    if "ready" not in ready:
        raise SystemExit(f"{engine} {step}: unexpected output {ready}")
    import selectors

    selector = selectors.DefaultSelector()
    selector.register(child.stdout, selectors.EVENT_READ)
    times: list[float] = []
    peak = 0
    while True:
        if not selector.select(timeout=cap):
            child.kill()
            child.wait()
            return {"seconds": None, "capped": cap, "peak_mb": None, "times": times}
        line = child.stdout.readline()
        if not line:
            break
        message = json.loads(line)
        if "repeat" in message:
            times.append(message["repeat"])
        if "peak_mb" in message:
            peak = message["peak_mb"]
        if "error" in message:
            child.wait()
            return {"seconds": None, "error": message["error"], "peak_mb": None, "times": times}
    child.wait()
    if child.returncode != 0:
        raise SystemExit(f"{engine} {step} failed with exit code {child.returncode}")
    return {"seconds": statistics.median(times), "peak_mb": round(peak), "times": times}


def run_scale(
    target: int, folder: Path, repeats: int, cap: float, rdflib: bool, rdflib_repeats: int
) -> dict[str, Any]:
    started = time.perf_counter()
    register, ntriples, triples = generate(folder, triples=target)
    generated = time.perf_counter() - started
    (folder / "work").mkdir(exist_ok=True)
    from edukg.graph.store import KnowledgeGraph
    from edukg.loaders import load_files

    load_files(KnowledgeGraph.open(folder / "store"), [ntriples])
    rows = []
    for step, counterpart in steps():
        print(f"  {step} ...", file=sys.stderr, flush=True)
        row: dict[str, Any] = {"step": step, "edukg": measure_capped("edukg", step, folder, repeats, 10**6)}
        if rdflib and counterpart:
            row["rdflib_step"] = counterpart
            row["rdflib"] = measure_capped(
                "rdflib", counterpart, folder, rdflib_repeats, cap
            )
            shutil.rmtree(folder / "work", ignore_errors=True)
            (folder / "work").mkdir()
        rows.append(row)
        shutil.rmtree(folder / "work", ignore_errors=True)
        (folder / "work").mkdir()
    return {"target": target, "triples": triples, "generate_seconds": round(generated, 2), "steps": rows}


def _seconds(value: dict[str, Any] | None) -> str:
    if value is None:
        return "–"
    if value.get("error"):
        return "fails"
    if value["seconds"] is None:
        return f"> {value['capped']:g} s"
    return f"{value['seconds']:.3f}"


def _ratio(row: dict[str, Any]) -> str:
    ours, theirs = row["edukg"], row.get("rdflib")
    if theirs is None or theirs.get("error") or ours["seconds"] is None:
        return "–"
    if theirs["seconds"] is None:
        return f"< {ours['seconds'] / theirs['capped']:.3f}"
    return f"{ours['seconds'] / theirs['seconds']:.3f}" if theirs["seconds"] else "–"


def markdown(results: dict[str, Any]) -> str:
    lines = [
        f"Machine: {results['machine']}; median of {results['repeats']} repeats "
        f"(rdflib: {results['rdflib_repeats']}); "
        f"rdflib cap {results['rdflib_cap']:g} s per repeat.",
        "",
    ]
    for scale in results["scales"]:
        lines += [
            f"### {scale['triples']:,} triples (target {scale['target']:,})",
            "",
            "| step | edukg s | edukg peak MB | rdflib s | rdflib peak MB | edukg/rdflib |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for row in scale["steps"]:
            theirs = row.get("rdflib")
            lines.append(
                f"| {row['step']} | {_seconds(row['edukg'])} | {row['edukg']['peak_mb']} "
                f"| {_seconds(theirs)} | {theirs['peak_mb'] if theirs and theirs['peak_mb'] else '–'} "
                f"| {_ratio(row)} |"
            )
        failures = [
            f"- rdflib {row['rdflib_step']}: {row['rdflib']['error']}"
            for row in scale["steps"]
            if row.get("rdflib", {}).get("error")
        ]
        lines += ["", *failures, ""] if failures else [""]
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        engine, step, folder, repeats = sys.argv[2:6]
        child = child_edukg if engine == "edukg" else child_rdflib
        try:
            child(step, Path(folder), int(repeats))
        except Exception as error:  # reported in the table, e.g. a query rdflib cannot run
            print(json.dumps({"error": f"{type(error).__name__}: {error}"[:300]}), flush=True)
            return
        print(json.dumps({"peak_mb": _peak_mb()}), flush=True)
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="100k", help="target triples, e.g. 100k,1M")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--rdflib-timeout", type=float, default=120.0)
    parser.add_argument(
        "--rdflib-repeats", type=int, help="repeats of the rdflib steps (default: --repeats)"
    )
    parser.add_argument("--no-rdflib", action="store_true", help="edukg steps only")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results")
    options = parser.parse_args()
    scales = [parse_scale(text) for text in options.scales.split(",")]
    results: dict[str, Any] = {
        "machine": f"{platform.machine()}, {_cores()} cores, {_memory_gib()} GiB, "
        f"Python {platform.python_version()}",
        "repeats": options.repeats,
        "rdflib_repeats": options.rdflib_repeats or options.repeats,
        "rdflib_cap": options.rdflib_timeout,
        "scales": [],
    }
    for target in scales:
        print(f"scale {target:,} triples", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory(prefix="edukg-bench-") as temporary:
            results["scales"].append(
                run_scale(
                    target, Path(temporary), options.repeats, options.rdflib_timeout,
                    not options.no_rdflib,
                    options.rdflib_repeats or options.repeats,
                )
            )
    options.out.mkdir(parents=True, exist_ok=True)
    stem = options.out / f"bench-{options.scales.replace(',', '-')}"
    stem.with_suffix(".json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    stem.with_suffix(".md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))


def _peak_mb() -> float:
    """This process's peak resident memory in MB.

    ``VmHWM`` rather than ``ru_maxrss``: Linux carries ``ru_maxrss`` over
    ``execve``, so a child started by a big parent would report the parent's peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cores() -> int:
    import os

    return os.cpu_count() or 0


def _memory_gib() -> int:
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            return round(int(meminfo.readline().split()[1]) / 1024 / 1024)
    except OSError:
        return 0


if __name__ == "__main__":
    main()
