"""Benchmark edukg against plain rdflib, step by step, at several scales.

    python -m bench.run --scales 100k,1M [--repeats 3] [--rdflib-timeout 120] [--out bench-results]
    python -m bench.run --scales 1M --data bench-data --steps load-nt,query-   # rerun some steps

Per scale, takes a seeded register (``bench/generator.py``) of about that many
triples, then runs every step in its own child process (so each step's peak
memory is its own) and reports the median of the repeats:

- edukg: N-Triples load into an on-disk store, CSV register load, export
  ttl/nt/jsonld, each catalogue query (``edukg.queries.run``), the
  ``FILTER NOT EXISTS`` regression guard (the dormant-agreements selection
  written with ``MINUS`` and with ``NOT EXISTS``), ``analyze``, the network page;
- rdflib (in-memory ``Graph``): parse the N-Triples, serialize ttl/nt/json-ld,
  each catalogue query through the catalogue's rdflib runner. A step that runs
  past ``--rdflib-timeout`` seconds is stopped and reported as "> cap" (so is
  the ``NOT EXISTS`` guard).

Once per run, not per scale, ``page-500`` and ``page-5000`` time how long the
network pages of seeded 500- and 5,000-node networks take to become usable in
headless Chromium (``bench.network_page_bench``).

Steps other than loads open their input once (not timed) and time only the step;
peak memory includes that setup. ``--steps`` picks steps by name or prefix;
``--data DIR`` keeps each scale's data in ``DIR/<scale>`` (generated there when
absent, reused when present). Writes ``bench-<scales>.md`` and ``.json`` into
``bench-results/``, with the date, the commit and the library versions. rdflib's
query steps get the same data as edukg's store: the register plus the ontology
and countries graphs. A step whose answers differ between the two is marked
"differs" and left out of every ratio.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import selectors
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.generator import prepare

ROOT = Path(__file__).resolve().parents[1]
"""The repository's root folder: children run ``python -m bench.run`` there."""
RESULTS = ROOT / "bench-results"
"""Where runs write their results (not kept in git; ``bench/results/`` keeps one dated set)."""
REFERENCE_FILE = "reference.nt"
"""The ontology and countries graphs every edukg store holds, as N-Triples for rdflib."""
LIBRARIES = ("edukg", "pyoxigraph", "rdflib", "networkx", "igraph")
QUERY_OPTIONS = {"partners": {"institution": "inst-0"}}
WHOLE_LISTING = "-all"
"""Suffix of the steps that list every row of a listing query (``limit=0``)."""
EXPORTS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}
PAGE_SIZES = (500, 5000)
NO_CAP = 10.0**6
# The FILTER NOT EXISTS regression guard (issue 4): Oxigraph evaluated NOT EXISTS row by
# row, 13 s at 100k triples where MINUS took 0.04 s. Both forms must give the same answer.
GUARD = {
    "guard-minus": """
SELECT (COUNT(*) AS ?n) WHERE {
  ?agreement a edukg:CooperationAgreement .
  MINUS { ?event edukg:implements ?agreement }
}""",
    "guard-not-exists": """
SELECT (COUNT(*) AS ?n) WHERE {
  ?agreement a edukg:CooperationAgreement .
  FILTER NOT EXISTS { ?event edukg:implements ?agreement }
}""",
}
CAPPED = {"guard-not-exists"}
"""edukg steps stopped at the cap like the rdflib ones: a regression may make them run away."""


def parse_scale(text: str) -> int:
    """``100k`` -> 100000, ``1M`` -> 1000000, ``2000`` -> 2000.

    >>> parse_scale("1M"), parse_scale("100k"), parse_scale("2000")
    (1000000, 100000, 2000)
    """
    text = text.strip()
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1].lower(), 1)
    return int(float(text[:-1] if factor > 1 else text) * factor)


def scale_label(triples: int) -> str:
    """The short name of a scale, for folder names: the inverse of :func:`parse_scale`.

    >>> scale_label(1_000_000), scale_label(100_000), scale_label(2500)
    ('1M', '100k', '2500')
    """
    for suffix, factor in (("M", 1_000_000), ("k", 1_000)):
        if triples % factor == 0:
            return f"{triples // factor}{suffix}"
    return str(triples)


def catalogue_names() -> list[str]:
    """Each catalogue query, and ``NAME-all`` for every row of a listing (not just its page)."""
    from edukg.queries.catalogue import load_catalogue

    names = []
    for name, query in sorted(load_catalogue().items()):
        names += [name, f"{name}{WHOLE_LISTING}"] if query.paged else [name]
    return names


def query_step(step: str) -> tuple[str, dict[str, Any], int | None]:
    """The catalogue query, parameters and row limit of a ``query-...`` step.

    >>> query_step("query-agreements-all")
    ('agreements', {}, 0)
    >>> query_step("query-partners")
    ('partners', {'institution': 'inst-0'}, None)
    """
    name = step.removeprefix("query-")
    limit = None
    if name.endswith(WHOLE_LISTING):
        name, limit = name.removesuffix(WHOLE_LISTING), 0
    return name, QUERY_OPTIONS.get(name, {}), limit


def steps() -> list[tuple[str, str]]:
    """Every per-scale (step, rdflib counterpart or "") pair, in table order."""
    pairs = [("load-nt", "parse-nt"), ("load-csv", "")]
    pairs += [(f"export-{fmt}", f"serialize-{fmt}") for fmt in EXPORTS]
    pairs += [(f"query-{name}", f"query-{name}") for name in catalogue_names()]
    pairs += [(name, "") for name in GUARD]
    pairs += [("analyze", ""), ("viz-page", "")]
    return pairs


def page_steps(sizes: tuple[int, ...] = PAGE_SIZES) -> list[str]:
    """The once-per-run page steps, ``page-<nodes>``.

    >>> page_steps((500, 5000))
    ['page-500', 'page-5000']
    """
    return [f"page-{size}" for size in sizes]


def select(names: list[str], chosen: list[str] | None) -> list[str]:
    """The ``names`` equal to or starting with one of ``chosen`` (all when ``chosen`` is None).

    >>> select(["load-nt", "load-csv", "query-a", "query-b", "page-500"], ["load-nt", "query-"])
    ['load-nt', 'query-a', 'query-b']
    >>> select(["load-nt"], ["lod"])
    Traceback (most recent call last):
    ...
    ValueError: no step is called or starts with: lod
    """
    if chosen is None:
        return list(names)
    unknown = [text for text in chosen if not any(name.startswith(text) for name in names)]
    if unknown:
        raise ValueError(f"no step is called or starts with: {', '.join(unknown)}")
    return [name for name in names if any(name.startswith(text) for text in chosen)]


# ---------------------------------------------------------------- child side


def _print_line(message: dict[str, Any]) -> None:
    print(json.dumps(message), flush=True)


_report: Callable[[dict[str, Any]], None] = _print_line
"""Where a child's reports go: stdout lines, or a pipe in a forked rdflib child."""


def _say(**message: Any) -> None:
    """One message of the child's report to the parent."""
    _report(message)


def _timed(action: Callable[[int], Any], repeats: int) -> list[float]:
    """Time ``action`` ``repeats`` times, reporting each; an int it returns is reported as rows."""
    times = []
    for repeat in range(repeats):
        start = time.perf_counter()
        answer = action(repeat)
        times.append(time.perf_counter() - start)
        _say(repeat=times[-1])
        if isinstance(answer, int):
            _say(rows=answer)
    return times


def child_edukg(step: str, data: Path, work: Path, repeats: int) -> list[float]:
    from edukg.graph.export import export
    from edukg.graph.store import KnowledgeGraph
    from edukg.loaders import load_files

    if step in ("load-nt", "load-csv"):
        paths = [data / "register.nt"] if step == "load-nt" else sorted(data.glob("*.csv"))

        def load(repeat: int) -> None:
            target = work / f"{step}-{repeat}"
            shutil.rmtree(target, ignore_errors=True)
            with KnowledgeGraph.open(target) as kg:
                load_files(kg, paths)

        _say(ready=True)
        return _timed(load, repeats)
    kg = KnowledgeGraph.open(data / "store", read_only=True)
    action: Callable[[int], Any]
    if step.startswith("export-"):
        fmt = step.removeprefix("export-")

        def action(repeat: int) -> int:
            with (work / f"export.{fmt}").open("wb") as output:
                return export(kg, output, fmt)

    elif step.startswith("query-"):
        from edukg.queries import run

        name, params, limit = query_step(step)

        def action(repeat: int) -> int:
            return len(run(kg, name, limit=limit, **params).rows)

    elif step in GUARD:
        from edukg.queries.runner import run_sparql

        def action(repeat: int) -> int:
            return int(run_sparql(kg, GUARD[step]).rows[0][0].value)

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
    _say(ready=True)
    return _timed(action, repeats)


def child_rdflib(step: str, data: Path, work: Path, repeats: int) -> list[float]:
    import rdflib

    source = data / "register.nt"
    if step == "parse-nt":
        _say(ready=True)
        return _timed(lambda repeat: rdflib.Graph().parse(source, format="nt"), repeats)
    graph = rdflib.Graph()
    graph.parse(source, format="nt")
    return rdflib_step(graph, step, work, repeats)


def rdflib_step(graph: Any, step: str, work: Path, repeats: int) -> list[float]:
    """Time one rdflib step on an already parsed ``graph``."""
    action: Callable[[int], Any]
    if step.startswith("serialize-"):
        fmt = step.removeprefix("serialize-")

        def action(repeat: int) -> None:
            graph.serialize(work / f"rdflib.{fmt}", format=EXPORTS[fmt], encoding="utf-8")

    elif step.startswith("query-"):
        from edukg.queries.runner import run_query

        # the same data as edukg's store: the catalogue reads labels and codes from the
        # ontology and countries graphs (without them partner-countries finds nothing)
        reference = work.parent / REFERENCE_FILE  # beside the work folder, which each step empties
        if reference.exists():
            graph.parse(reference, format="nt")
        name, params, limit = query_step(step)

        def action(repeat: int) -> int:
            return len(run_query(graph, name, params, limit=limit).rows)

    else:
        raise SystemExit(f"unknown step {step}")
    _say(ready=True)
    return _timed(action, repeats)


def write_reference(path: Path) -> Path:
    """Write the ontology and countries graphs of a new edukg store as N-Triples."""
    import pyoxigraph as ox

    from edukg.graph.store import REFERENCE_GRAPHS, KnowledgeGraph

    with KnowledgeGraph.in_memory() as kg, path.open("wb") as output:
        for graph in REFERENCE_GRAPHS:
            kg.oxigraph.dump(output, format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
    return path


def child_page(step: str, data: Path, work: Path, repeats: int) -> list[float]:
    """A ``page-<nodes>`` step: each repeat's time is the page's usable time, in seconds."""
    from bench.network_page_bench import chromium, time_page

    with chromium() as browser:
        _say(ready=True)
        timing = time_page(
            browser,
            int(step.removeprefix("page-")),
            work,
            repeats=repeats,
            on_load=lambda usable_ms: _say(repeat=usable_ms / 1000),
        )
    _say(
        info={
            "nodes": timing.nodes,
            "ties": timing.ties,
            "build_seconds": round(timing.build_seconds, 3),
            "page_mb": round(timing.page_mb, 2),
            "js_heap_mb": None if timing.js_heap_mb is None else round(timing.js_heap_mb),
        }
    )
    return [ms / 1000 for ms in timing.usable_ms]


CHILDREN = {"edukg": child_edukg, "rdflib": child_rdflib, "page": child_page}


# ---------------------------------------------------------------- parent side


class ParsedRdflib:
    """rdflib's graph of one scale, parsed once; each step runs in a fork of this process.

    Parsing 1M triples takes rdflib about 40 s, so parsing it again for each of
    twenty steps would add a quarter of an hour. A forked child shares the parsed
    graph copy-on-write, can be killed at the cap, and reports its own peak memory
    (which, as for a fresh child, includes the parsed graph).
    """

    def __init__(self, source: Path) -> None:
        self.source = source
        self.graph: Any = None

    def measure(self, step: str, work: Path, repeats: int, cap: float) -> dict[str, Any]:
        """Like :func:`measure`, for one rdflib step other than ``parse-nt``."""
        import multiprocessing

        if self.graph is None:
            import rdflib

            self.graph = rdflib.Graph()
            self.graph.parse(self.source, format="nt")
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(
            target=_forked_rdflib, args=(self.graph, step, work, repeats, sender)
        )
        child.start()
        sender.close()

        def receive(timeout: float) -> dict[str, Any] | None:
            if not receiver.poll(timeout):
                raise TimeoutError
            try:
                return receiver.recv()
            except EOFError:
                return None

        try:
            result = _collect(receive, cap)
            if result.get("capped"):
                child.kill()
        finally:
            child.join()
            receiver.close()
        if result.get("seconds", 0) is None:
            return result
        if child.exitcode != 0 or not result["times"]:
            raise SystemExit(f"rdflib {step} failed with exit code {child.exitcode}")
        return _median(result)


def _forked_rdflib(graph: Any, step: str, work: Path, repeats: int, sender: Any) -> None:
    global _report
    _report = sender.send
    _run_reporting(lambda: rdflib_step(graph, step, work, repeats))


def _run_reporting(step: Callable[[], Any]) -> None:
    """Run a child's step, then report its error or its peak memory."""
    try:
        step()
    except Exception as error:  # reported in the table, e.g. a query rdflib cannot run
        _say(error=f"{type(error).__name__}: {error}"[:300])
        return
    _say(peak_mb=_peak_mb())


def _collect(receive: Callable[[float], dict[str, Any] | None], cap: float) -> dict[str, Any]:
    """A child's messages gathered until it ends (``receive`` gives ``None``), fails or is
    silent for ``cap`` seconds (``receive`` raises :class:`TimeoutError`)."""
    result: dict[str, Any] = {"times": []}
    while True:
        try:
            message = receive(cap)
        except TimeoutError:
            return {**result, "seconds": None, "capped": cap, "peak_mb": None}
        if message is None:
            return result
        if "repeat" in message:
            result["times"].append(message["repeat"])
        elif "error" in message:
            return {**result, "seconds": None, "error": message["error"], "peak_mb": None}
        elif "ready" not in message:
            result.update(message)


def _median(result: dict[str, Any]) -> dict[str, Any]:
    """A finished child's result with its median seconds and rounded peak memory."""
    result["peak_mb"] = round(result["peak_mb"])
    return {"seconds": statistics.median(result["times"]), **result}


def measure(
    engine: str, step: str, data: Path, work: Path, repeats: int, cap: float = NO_CAP
) -> dict[str, Any]:
    """Run one step in a child process; stop it when one repeat runs past ``cap`` seconds.

    Returns the median ``seconds`` (``None`` when capped or failed, with ``capped`` or
    ``error``), the child's ``peak_mb``, each repeat's ``times``, and what the child
    reported besides (``rows``, ``info``).
    """
    command = [
        sys.executable,
        "-m",
        "bench.run",
        "--child",
        engine,
        step,
        str(data),
        str(work),
        str(repeats),
    ]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout is not None
    first = child.stdout.readline()
    if not first:
        child.wait()
        return {"seconds": None, "error": f"exit code {child.returncode}", "peak_mb": None}
    ready = json.loads(first)
    if "ready" not in ready:
        child.wait()
        if "error" in ready:
            return {"seconds": None, "error": ready["error"], "peak_mb": None}
        raise SystemExit(f"{engine} {step}: unexpected output {ready}")
    selector = selectors.DefaultSelector()
    selector.register(child.stdout, selectors.EVENT_READ)
    stdout = child.stdout

    def receive(timeout: float) -> dict[str, Any] | None:
        if not selector.select(timeout=timeout):
            raise TimeoutError
        line = stdout.readline()
        return json.loads(line) if line else None

    result = _collect(receive, cap)
    if result.get("capped"):
        child.kill()
    child.wait()
    if result.get("seconds", 0) is None:
        return result
    if child.returncode != 0:
        raise SystemExit(f"{engine} {step} failed with exit code {child.returncode}")
    return _median(result)


def _fresh(work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)


def run_scale(
    target: int,
    names: list[str],
    data_folder: Path,
    work: Path,
    *,
    repeats: int,
    cap: float,
    rdflib: bool,
    rdflib_repeats: int,
) -> dict[str, Any]:
    """The chosen per-scale steps on the data for ``target`` triples in ``data_folder``."""
    data = prepare(data_folder, triples=target)
    counterparts = dict(steps())
    parsed = ParsedRdflib(data.folder / "register.nt")
    if rdflib:
        work.parent.mkdir(parents=True, exist_ok=True)
        write_reference(work.parent / REFERENCE_FILE)
    rows = []
    for step in names:
        print(f"  {step} ...", file=sys.stderr, flush=True)
        _fresh(work)
        row: dict[str, Any] = {
            "step": step,
            "edukg": measure(
                "edukg", step, data.folder, work, repeats, cap if step in CAPPED else NO_CAP
            ),
        }
        if rdflib and counterparts[step]:
            _fresh(work)
            row["rdflib_step"] = counterparts[step]
            if counterparts[step] == "parse-nt":
                row["rdflib"] = measure(
                    "rdflib", "parse-nt", data.folder, work, rdflib_repeats, cap
                )
            else:
                row["rdflib"] = parsed.measure(counterparts[step], work, rdflib_repeats, cap)
        rows.append(row)
    shutil.rmtree(work, ignore_errors=True)
    return {
        "target": target,
        "triples": data.triples,
        "generate_seconds": data.generate_seconds,
        "data_reused": data.reused,
        "steps": rows,
    }


def run_pages(names: list[str], work: Path, *, repeats: int) -> list[dict[str, Any]]:
    """The chosen page steps, once per run (their networks do not depend on the scale)."""
    pages = []
    for step in names:
        print(f"  {step} ...", file=sys.stderr, flush=True)
        _fresh(work)
        pages.append({"step": step, **measure("page", step, Path("-"), work, repeats)})
    shutil.rmtree(work, ignore_errors=True)
    return pages


@contextmanager
def scale_folders(target: int, data_root: Path | None) -> Iterator[tuple[Path, Path]]:
    """(data folder, work folder) for one scale: data kept under ``data_root`` when given."""
    with tempfile.TemporaryDirectory(prefix="edukg-bench-") as temporary:
        data = data_root / scale_label(target) if data_root else Path(temporary) / "data"
        yield data, Path(temporary) / "work"


# ---------------------------------------------------------------- report


def _seconds(value: dict[str, Any] | None) -> str:
    if value is None:
        return "–"
    if value.get("error"):
        return "fails"
    if value["seconds"] is None:
        return f"> {value['capped']:g} s"
    return f"{value['seconds']:.3f}"


def answers_differ(row: dict[str, Any]) -> bool:
    """Whether edukg and rdflib returned different numbers of rows for this step.

    >>> answers_differ({"edukg": {"rows": 14}, "rdflib": {"rows": 0}})
    True
    >>> answers_differ({"edukg": {"rows": 14}, "rdflib": {"seconds": None, "capped": 60.0}})
    False
    """
    ours, theirs = row["edukg"].get("rows"), (row.get("rdflib") or {}).get("rows")
    return ours is not None and theirs is not None and ours != theirs


def _ratio(row: dict[str, Any]) -> str:
    """edukg's time over rdflib's; ``differs`` when their answers differ (no ratio then).

    >>> _ratio({"edukg": {"seconds": 1.0, "rows": 3}, "rdflib": {"seconds": 4.0, "rows": 0}})
    'differs'
    >>> _ratio({"edukg": {"seconds": 1.0, "rows": 3}, "rdflib": {"seconds": 4.0, "rows": 3}})
    '0.250'
    """
    ours, theirs = row["edukg"], row.get("rdflib")
    if answers_differ(row):
        return "differs"
    if theirs is None or theirs.get("error") or ours["seconds"] is None:
        return "–"
    if theirs["seconds"] is None:
        return f"< {ours['seconds'] / theirs['capped']:.3f}"
    return f"{ours['seconds'] / theirs['seconds']:.3f}" if theirs["seconds"] else "–"


def _notes(scale: dict[str, Any]) -> list[str]:
    """Failures, answers that differ between edukg and rdflib, and the guard's verdict."""
    notes = []
    measured = {row["step"]: row for row in scale["steps"]}
    for row in scale["steps"]:
        for engine in ("edukg", "rdflib"):
            if row.get(engine, {}).get("error"):
                notes.append(
                    f"- {engine} {row.get('rdflib_step', row['step'])}: {row[engine]['error']}"
                )
        if answers_differ(row):
            ours, theirs = row["edukg"]["rows"], row["rdflib"]["rows"]
            notes.append(
                f"- {row['step']}: the answers differ (edukg {ours} rows, rdflib {theirs}): "
                "left out of every ratio"
            )
    if "guard-minus" in measured and "guard-not-exists" in measured:
        minus, not_exists = measured["guard-minus"]["edukg"], measured["guard-not-exists"]["edukg"]
        if minus.get("rows") is not None and not_exists.get("rows") is not None:
            same = "the same" if minus["rows"] == not_exists["rows"] else "DIFFERENT"
            notes.append(
                f"- guard: MINUS and FILTER NOT EXISTS give {same} answer "
                f"({minus['rows']:,} and {not_exists['rows']:,} agreements no event implements)"
            )
    return notes


def markdown(results: dict[str, Any]) -> str:
    versions = ", ".join(
        f"{name} {number}" for name, number in (results.get("versions") or {}).items() if number
    )
    lines = [
        f"Made {results.get('date', 'on an unknown date')} at commit "
        f"{results.get('commit') or 'unknown'} with {versions or 'unrecorded versions'}.",
        "",
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
            ours, theirs = row["edukg"], row.get("rdflib") or {}
            lines.append(
                f"| {row['step']} | {_seconds(ours)} | {ours['peak_mb'] or '–'} "
                f"| {_seconds(row.get('rdflib'))} | {theirs.get('peak_mb') or '–'} "
                f"| {_ratio(row)} |"
            )
        notes = _notes(scale)
        lines += ["", *notes, ""] if notes else [""]
    if results["pages"]:
        lines += [
            "### Network pages in headless Chromium",
            "",
            "Usable: from the start of navigation until the network is drawn and the page "
            "answers (median of the loads). Build: Python, from the network to the HTML file.",
            "",
            "| step | nodes | ties | build s | page MB | usable s | best s "
            "| Chromium JS heap MB | build peak MB |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for page in results["pages"]:
            info = page.get("info", {})
            if page["seconds"] is None:
                lines.append(
                    f"| {page['step']} |" + " – |" * 4 + f" {_seconds(page)} |" + " – |" * 3
                )
                continue
            lines.append(
                f"| {page['step']} | {info['nodes']:,} | {info['ties']:,} | "
                f"{info['build_seconds']:.2f} | {info['page_mb']:.1f} | {page['seconds']:.3f} | "
                f"{min(page['times']):.3f} | {info['js_heap_mb'] or '–'} | {page['peak_mb']} |"
            )
        failures = [
            f"- {page['step']}: {page['error']}" for page in results["pages"] if page.get("error")
        ]
        lines += ["", *failures, ""] if failures else [""]
    return "\n".join(lines)


def provenance() -> dict[str, Any]:
    """When, at which commit and with which library versions the run was made."""
    import datetime as dt
    from importlib import metadata

    def version(name: str) -> str | None:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None

    def git(*arguments: str) -> str:
        done = subprocess.run(["git", *arguments], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": git("rev-parse", "HEAD") or None,
        "uncommitted_changes": bool(git("status", "--porcelain", "--untracked-files=no")),
        "versions": {
            "python": platform.python_version(),
            **{name: version(name) for name in LIBRARIES},
        },
    }


def result_stem(scales: str, chosen: list[str] | None, *, ran_scales: bool) -> str:
    """The results' file name without suffix: the scales, and the chosen steps when some were.

    >>> result_stem("100k,1M", None, ran_scales=True)
    'bench-100k-1M'
    >>> result_stem("1M", ["load-nt", "query-"], ran_scales=True)
    'bench-1M-load-nt+query'
    >>> result_stem("1M", ["page-"], ran_scales=False)
    'bench-page'
    """
    parts = ["bench"]
    if ran_scales:
        parts.append(scales.replace(",", "-"))
    if chosen:
        parts.append("+".join(text.rstrip("-") for text in chosen))
    return "-".join(parts)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        engine, step, data, work, repeats = sys.argv[2:7]
        _run_reporting(lambda: CHILDREN[engine](step, Path(data), Path(work), int(repeats)))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="100k", help="target triples, e.g. 100k,1M")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--rdflib-timeout",
        type=float,
        default=120.0,
        help="seconds one repeat of an rdflib step (or the NOT EXISTS guard) may take",
    )
    parser.add_argument(
        "--rdflib-repeats", type=int, help="repeats of the rdflib steps (default: --repeats)"
    )
    parser.add_argument("--no-rdflib", action="store_true", help="edukg steps only")
    parser.add_argument(
        "--steps", help="only these steps: comma-separated names or prefixes (load-nt,query-,page-)"
    )
    parser.add_argument(
        "--pages",
        default=",".join(map(str, PAGE_SIZES)),
        help="node counts of the page steps (default: 500,5000)",
    )
    parser.add_argument(
        "--data",
        type=Path,
        help="keep each scale's data in DATA/<scale> (DATA/1M): generated when absent, else reused",
    )
    parser.add_argument(
        "--out", type=Path, default=RESULTS, help="folder for the results (default: bench-results)"
    )
    options = parser.parse_args()
    scales = [parse_scale(text) for text in options.scales.split(",")]
    sizes = tuple(int(text) for text in options.pages.split(",") if text.strip())
    chosen = [text.strip() for text in options.steps.split(",")] if options.steps else None
    scale_names, page_names = [name for name, _ in steps()], page_steps(sizes)
    try:
        picked = select(scale_names + page_names, chosen)
    except ValueError as error:
        parser.error(f"--steps: {error}; the steps are {', '.join(scale_names + page_names)}")
    results: dict[str, Any] = {
        **provenance(),
        "machine": f"{platform.machine()}, {_cores()} cores, {_memory_gib()} GiB, "
        f"Python {platform.python_version()}",
        "repeats": options.repeats,
        "rdflib_repeats": options.rdflib_repeats or options.repeats,
        "rdflib_cap": options.rdflib_timeout,
        "steps": chosen,
        "scales": [],
        "pages": [],
    }
    scale_picked = [name for name in picked if name in scale_names]
    for target in scales if scale_picked else []:
        print(f"scale {target:,} triples", file=sys.stderr, flush=True)
        with scale_folders(target, options.data) as (data, work):
            results["scales"].append(
                run_scale(
                    target,
                    scale_picked,
                    data,
                    work,
                    repeats=options.repeats,
                    cap=options.rdflib_timeout,
                    rdflib=not options.no_rdflib,
                    rdflib_repeats=options.rdflib_repeats or options.repeats,
                )
            )
    page_picked = [name for name in picked if name in page_names]
    if page_picked:
        print("network pages", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory(prefix="edukg-bench-pages-") as work:
            results["pages"] = run_pages(page_picked, Path(work), repeats=options.repeats)
    options.out.mkdir(parents=True, exist_ok=True)
    stem = options.out / result_stem(options.scales, chosen, ran_scales=bool(scale_picked))
    Path(f"{stem}.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    Path(f"{stem}.md").write_text(markdown(results), encoding="utf-8")
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
