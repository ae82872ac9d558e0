"""Benchmark: register loads and reloads with ``edukg load``, against Oxigraph's own bulk load.

Not a test. Writes the register CSV of ``bench/generator.py`` (institutions, agreements
and events) for about N triples, then runs, each in a child process of its own (wall
time, CPU time and that child's peak memory):

1. ``load``: ``edukg load`` of the three files into a new on-disk store;
2. ``bulk-load``: the baseline. Every statement that load wrote (the whole new store,
   exported once as N-Quads) bulk-loaded by Oxigraph into another new store
   (``pyoxigraph.Store(path).bulk_load(...)``); the ratio of each load to it is printed.
   ``bulk-load-per-graph`` loads the same statements graph by graph as N-Triples, the
   form ``edukg load`` hands Oxigraph (N-Quads repeat the graph on every line, which
   costs the parser more);
3. ``reload-unchanged``: the same files again;
4. ``reload-edited``: the files with every 20th agreement retitled, every 20th event
   left out and every 20th institution renamed (:func:`edit_register`);
5. ``reload-regenerated``: a register generated with another seed under the same file
   names: most statements change (the worst case for a reload).

Every ratio names its baseline: ``bulk-load`` (one N-Quads file) or ``bulk-load-per-graph``.
``--owed`` also times the compaction each store leaves for its next writer
(:func:`owed_compaction`): RocksDB compacts a store made by several bulk loads as soon
as a process opens it writable, so a reload pays for the load before it.

    python -m bench.load_register --triples 1000000
    python -m bench.load_register --triples 1000000 --json bench/results/load-1M.json
    python -m bench.load_register --triples 1000000 --profile skewed

``--profile skewed`` writes the generator's less friendly register (see ``bench/generator.py``).

Goals (issue 16, 2-core machine): a load within 1.3x the bulk load, reloads no slower
than a load, under 2 GB at 1M triples.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.generator import PROFILES, write_register

GOAL_RATIO = 1.3
GOAL_PEAK_MB = 2048
BASELINES = ("bulk-load", "bulk-load-per-graph")
"""The baselines' step names: every ratio in the JSON names the one it is over."""
EDIT_EVERY = 20

_BULK_LOAD = """
import sys, pyoxigraph
store = pyoxigraph.Store(sys.argv[2])
store.bulk_load(path=sys.argv[1], format=pyoxigraph.RdfFormat.N_QUADS)
store.flush()
"""

_BULK_LOAD_PER_GRAPH = """
import json, sys, pyoxigraph
store = pyoxigraph.Store(sys.argv[2])
for graph, path in json.loads(open(sys.argv[1], encoding="utf-8").read()):
    store.bulk_load(path=path, format=pyoxigraph.RdfFormat.N_TRIPLES,
                    to_graph=pyoxigraph.NamedNode(graph), lenient=True)
store.flush()
"""

_EXPORT_PER_GRAPH = """
import json, sys, pyoxigraph
store = pyoxigraph.Store.read_only(sys.argv[1])
files = []
for number, graph in enumerate(sorted(store.named_graphs(), key=lambda g: g.value)):
    path = f"{sys.argv[2]}-{number}.nt"
    store.dump(path, pyoxigraph.RdfFormat.N_TRIPLES, from_graph=graph)
    files.append((graph.value, path))
open(sys.argv[2] + ".json", "w", encoding="utf-8").write(json.dumps(files))
"""

_OWED = """
import os, sys, time, pyoxigraph
store = pyoxigraph.Store(sys.argv[1])
# RocksDB compacts in background threads: wait until they have been idle for a while
last, idle = time.process_time(), 0
while idle < 4:
    time.sleep(0.5)
    now = time.process_time()
    idle = idle + 1 if now - last < 0.02 else 0
    last = now
"""

_EXPORT = """
import sys, pyoxigraph
store = pyoxigraph.Store.read_only(sys.argv[1])
store.dump(sys.argv[2], pyoxigraph.RdfFormat.N_QUADS)
print(len(store))
"""


@dataclass(frozen=True)
class Run:
    """One child process: what it did, how long it took and how much memory it held."""

    step: str
    wall_s: float
    cpu_s: float
    peak_mb: float
    output: str = ""


def timed(step: str, command: list[str]) -> Run:
    """Run ``command`` in a child process; its wall and CPU time and its own peak memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(
            command,
            stdout=out,
            stderr=err,
            env={
                "CI": "1",
                "PATH": os.environ.get("PATH", ""),
                "PYTHONIOENCODING": "utf-8",
                # lets a run time another checkout's code with this one's harness
                **{k: v for k, v in os.environ.items() if k == "PYTHONPATH"},
            },
        )
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        output = (out.read() + err.read()).decode("utf-8", errors="replace").strip()
    if child.returncode != 0:
        raise SystemExit(f"{step} failed ({child.returncode}):\n{output[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(step, round(wall, 2), round(cpu, 2), round(usage.ru_maxrss / 1024), output)


def edukg_load(store: Path, paths: list[Path], step: str = "load") -> Run:
    """``edukg load`` of ``paths`` into ``store``, in a child process."""
    command = [sys.executable, "-m", "edukg", "--store", str(store), "load", *map(str, paths)]
    return timed(step, command)


def timed_load(store: Path, paths: list[Path]) -> tuple[float, str]:
    """Run ``edukg load`` in a child process; its wall time and what it printed (warnings too)."""
    run = edukg_load(store, paths)
    return run.wall_s, run.output


def bulk_load_baseline(store: Path, folder: Path, owed: list[Run] | None = None) -> tuple[Run, int]:
    """Oxigraph's bulk load of every statement ``store`` holds into a new store, and their count.

    The statements are exported once as N-Quads (not timed); the bulk load runs in a
    child process like the loads it is compared with. With ``owed``, the compaction its
    store leaves (:func:`owed_compaction`) is added to it.
    """
    quads = folder / "written.nq"
    exported = timed("export", [sys.executable, "-c", _EXPORT, str(store), str(quads)])
    target = folder / "bulk-store"
    shutil.rmtree(target, ignore_errors=True)
    run = timed("bulk-load", [sys.executable, "-c", _BULK_LOAD, str(quads), str(target)])
    if owed is not None:
        owed.append(owed_compaction(target, folder, "owed-after-bulk-load"))
    shutil.rmtree(target, ignore_errors=True)
    quads.unlink()
    return run, int(exported.output.split()[-1])


def per_graph_baseline(store: Path, folder: Path, owed: list[Run] | None = None) -> Run:
    """Oxigraph's bulk load of every graph ``store`` holds, one N-Triples bulk load per graph.

    The graphs are exported first (not timed), each to a file of its own. With ``owed``,
    the compaction its store leaves (:func:`owed_compaction`) is added to it.
    """
    stem = folder / "written-graph"
    timed("export", [sys.executable, "-c", _EXPORT_PER_GRAPH, str(store), str(stem)])
    listing = Path(f"{stem}.json")
    target = folder / "bulk-store"
    shutil.rmtree(target, ignore_errors=True)
    command = [sys.executable, "-c", _BULK_LOAD_PER_GRAPH, str(listing), str(target)]
    run = timed("bulk-load-per-graph", command)
    if owed is not None:
        owed.append(owed_compaction(target, folder, "owed-after-bulk-load-per-graph"))
    shutil.rmtree(target, ignore_errors=True)
    for _, path in json.loads(listing.read_text(encoding="utf-8")):
        Path(path).unlink()
    listing.unlink()
    return run


def owed_compaction(store: Path, folder: Path, step: str) -> Run:
    """The CPU a process spends compacting a copy of ``store`` once it opens it writable.

    A store made by one bulk load owes nothing; one made by several (or by bulk loads
    with transactions between them) has files RocksDB merges at the next writable
    opening, in background threads, before anything is written.
    """
    copy = folder / "owed-copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(store, copy)
    try:
        return timed(step, [sys.executable, "-c", _OWED, str(copy)])
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def edit_register(source: Path, target: Path, every: int = EDIT_EVERY) -> list[Path]:
    """A copy of the register in ``source`` with small edits, under the same file names.

    Every ``every``-th agreement gets a new title, every ``every``-th event is left
    out and every ``every``-th institution gets a new English name.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     made = write_register(Path(folder, "a"), triples=2000, seed=1)
    ...     edited = edit_register(Path(folder, "a"), Path(folder, "b"), every=2)
    ...     [p.name for p in edited], edited[2].read_text("utf-8").count("\\n") < \\
    ...         made[2].read_text("utf-8").count("\\n")
    (['institutions.csv', 'agreements.csv', 'events.csv'], True)
    """
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in ("institutions", "agreements", "events"):
        with (source / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            header, *rows = list(csv.reader(handle))
        kept = []
        for number, row in enumerate(rows):
            if number % every == 1 and name == "events":
                continue
            if number % every == 0 and name == "agreements":
                row[header.index("title")] += " (ред.)"
            if number % every == 2 and name == "institutions":
                column = header.index("name_en")
                row[column] = f"{row[column]} (renamed)".strip()
            kept.append(row)
        path = target / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([header, *kept])
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="about how many triples")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--profile", choices=PROFILES, default="default", help="the generator's distributions"
    )
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--no-reloads", action="store_true", help="only the load and its bulk-load baselines"
    )
    parser.add_argument(
        "--owed",
        action="store_true",
        help="also time the compaction the load's and the baselines' stores leave",
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = options.keep or Path(temporary)
        paths = write_register(
            folder / "register", triples=options.triples, seed=options.seed, profile=options.profile
        )
        size = sum(p.stat().st_size for p in paths) / 1e6
        print(f"register: {size:.1f} MB of CSV", flush=True)
        store = folder / "store"
        shutil.rmtree(store, ignore_errors=True)
        runs = [edukg_load(store, paths)]
        report(runs[-1])
        owed: list[Run] | None = [] if options.owed else None
        if owed is not None:
            owed.append(owed_compaction(store, folder, "owed-after-load"))
        baseline, statements = bulk_load_baseline(store, folder, owed)
        print(f"statements written: {statements:,}")
        report(baseline)
        per_graph = per_graph_baseline(store, folder, owed)
        report(per_graph)
        for run in owed or []:
            report(run)
        if not options.no_reloads:
            runs.append(edukg_load(store, paths, "reload-unchanged"))
            report(runs[-1], baseline)
            edited = edit_register(folder / "register", folder / "edited")
            runs.append(edukg_load(store, edited, "reload-edited"))
            report(runs[-1], baseline)
            other = write_register(
                folder / "regenerated",
                triples=options.triples,
                seed=options.seed + 1,
                profile=options.profile,
            )
            runs.append(edukg_load(store, other, "reload-regenerated"))
            report(runs[-1], baseline)
        load = runs[0]
        print(
            f"load / bulk-load: {load.wall_s / baseline.wall_s:.2f}x wall, "
            f"{load.cpu_s / baseline.cpu_s:.2f}x CPU; load / bulk-load-per-graph: "
            f"{load.wall_s / per_graph.wall_s:.2f}x wall, {load.cpu_s / per_graph.cpu_s:.2f}x CPU "
            f"(goal {GOAL_RATIO}x); peak {max(r.peak_mb for r in runs):.0f} MB "
            f"(goal under {GOAL_PEAK_MB} MB)"
        )
        if options.json:
            write_json(
                options.json,
                options.triples,
                statements,
                [*runs, baseline, per_graph, *(owed or [])],
                options.profile,
            )


def report(run: Run, baseline: Run | None = None) -> None:
    """Print one run, and its ratio to the bulk load."""
    lines = [line for line in run.output.splitlines() if line.strip()]
    for line in lines[-4:]:
        print(f"  {line}")
    ratio = f", {run.wall_s / baseline.wall_s:.2f}x bulk-load's wall" if baseline else ""
    print(
        f"{run.step}: {run.wall_s:.1f} s wall, {run.cpu_s:.1f} s CPU, "
        f"peak {run.peak_mb:.0f} MB{ratio}",
        flush=True,
    )


def ratios(run: Run, baselines: dict[str, Run]) -> dict[str, float]:
    """``run``'s wall and CPU over each baseline's, keyed by the baseline's step name.

    >>> base = {"bulk-load": Run("bulk-load", 10.0, 8.0, 1.0)}
    >>> ratios(Run("load", 15.0, 12.0, 1.0), base)
    {'wall_ratio_to_bulk-load': 1.5, 'cpu_ratio_to_bulk-load': 1.5}
    """
    found = {}
    for name, baseline in baselines.items():
        found[f"wall_ratio_to_{name}"] = round(run.wall_s / baseline.wall_s, 2)
        found[f"cpu_ratio_to_{name}"] = round(run.cpu_s / baseline.cpu_s, 2)
    return found


def write_json(
    path: Path, target: int, statements: int, runs: list[Run], profile: str = "default"
) -> None:
    """The figures of this run with its date, commit, versions and the machine's load."""
    from bench.run import provenance

    baselines = {run.step: run for run in runs if run.step in BASELINES}
    document = {
        **provenance(),
        "machine": {"cores": os.cpu_count(), "load_average_at_end": os.getloadavg()},
        "target_triples": target,
        "profile": profile,
        "statements_written": statements,
        "runs": [
            {
                **{k: v for k, v in asdict(run).items() if k != "output"},
                **ratios(run, baselines),
            }
            for run in runs
        ],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
