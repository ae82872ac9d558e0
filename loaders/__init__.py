"""Ways into the graph: a loader per input format, picked by header or file extension.

Loaders are registered by name and imported only when used. A loader may also
claim tables by their header: a table whose header holds every column of one
of its signatures goes to it whatever its extension says (CORDIS tables are
recognised this way, see :func:`loader_name_by_header`). :func:`load_files`
reads every file, collects every problem, and writes nothing unless all files
are free of errors.

>>> loader_name_for("register.ttl"), loader_name_for("register.jsonld")
('rdf', 'rdf')
>>> loader_name_for("реестр.CSV"), loader_name_for("register.xlsx"), loader_name_for("r.json")
('register-csv', 'register-excel', 'register-json')

Register loaders read in two passes (scan, then read) so that a party in one
file may name an institution defined in another file of the same load.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from edukg.core.errors import InputError, Problem
from edukg.graph.faults import crash_point
from edukg.graph.formats import RDF_EXTENSIONS
from edukg.graph.sources import SourceChange, SourceData
from edukg.graph.store import LOAD_BULK_LOAD_PARTS, KnowledgeGraph
from edukg.loaders.base import LoadContext

ProgressFunction = Callable[[str, int, int], None]
ReadFunction = Callable[[Path, LoadContext], SourceData | None]

LOADERS: dict[str, tuple[str, str]] = {
    "rdf": ("edukg.loaders.rdf_loader", "read_rdf"),
}
"""Loader name to (module, function); the module is imported on first use."""

SCANNERS: dict[str, str] = {}
"""Loader name to the function of its first pass (same module), for loaders that have one."""

EXTENSIONS: dict[str, str] = {extension: "rdf" for extension in RDF_EXTENSIONS}
"""File extension to loader name."""

HEADERS: list[tuple[frozenset[str], str]] = []
"""(columns a header must hold, loader name), tried in order for delimited tables."""

TABLE_EXTENSIONS = (".csv", ".tsv", ".tab", ".txt")

RECOGNISERS: dict[str, list[tuple[str, str]]] = {}
"""Loader picked by extension -> loaders that take the file instead when their
test (a function of the same module, given the path) recognises its content."""

KINDS = ("institutions", "agreements", "events", "parties", "cordis")
"""Values of the ``kind`` option (``edukg load --kind``)."""


def register_loader(
    name: str,
    module: str,
    function: str,
    extensions: Sequence[str],
    *,
    scan: str | None = None,
    headers: Sequence[Sequence[str]] = (),
) -> None:
    """Make a loader known by name, for the given file extensions and table headers.

    ``scan`` names a first-pass function of the same module, called for every
    file of a load before any file is read. ``headers`` are column sets
    (canonical spelling, see :func:`~edukg.loaders.tables.canonical_column`):
    a delimited table whose header holds all columns of one is this loader's.
    """
    LOADERS[name] = (module, function)
    if scan:
        SCANNERS[name] = scan
    for extension in extensions:
        EXTENSIONS[extension.lower()] = name
    for columns in headers:
        HEADERS.append((frozenset(columns), name))


register_loader(
    "register-csv",
    "edukg.loaders.csv_loader",
    "read_csv",
    (".csv", ".tsv", ".tab", ".txt"),
    scan="scan_csv",
)
register_loader(
    "register-excel",
    "edukg.loaders.excel_loader",
    "read_excel",
    (".xlsx", ".xlsm"),
    scan="scan_excel",
)
register_loader(
    "register-json", "edukg.loaders.json_loader", "read_json", (".json",), scan="scan_json"
)
register_loader(
    "cordis",
    "edukg.loaders.cordis_loader",
    "read_cordis",
    (),
    scan="scan_cordis",
    # Keep in step with edukg.loaders.cordis_tables.TABLE_COLUMNS (a test checks it).
    headers=(
        ("rcn", "role", "pic", "country"),
        ("orgid", "name", "activitytype"),
        ("new_org_id", "name", "name_normal"),
        ("rcn", "acronym", "programme"),
        ("rcn", "programme_part"),
        ("new_org_id", "organizationurl", "country"),
        ("projectrcn", "new_org_id"),
    ),
)


def register_recognised_loader(
    name: str, module: str, function: str, *, instead_of: str, test: str
) -> None:
    """Make a loader known that takes a file from ``instead_of`` when ``test(path)`` is true.

    The test runs only for files whose extension picked ``instead_of``, and
    only when no loader was asked for by name.
    """
    LOADERS[name] = (module, function)
    RECOGNISERS.setdefault(instead_of, []).append((name, test))


register_recognised_loader(
    "ror", "edukg.loaders.ror_loader", "read_ror", instead_of="register-json", test="is_ror_file"
)
register_recognised_loader(
    "universities",
    "edukg.loaders.universities_loader",
    "read_universities",
    instead_of="register-json",
    test="is_universities_file",
)


def loader_name_for(path: str | Path, *, by_content: bool = False) -> str | None:
    """The name of the loader for a file, from its extension, or ``None``.

    With ``by_content``, a loader that recognises the file's first bytes (a ROR
    dump, the world universities list) wins over the extension's.
    """
    name = EXTENSIONS.get(Path(path).suffix.lower())
    if by_content and name is not None:
        for candidate, test in RECOGNISERS.get(name, ()):
            module = importlib.import_module(LOADERS[candidate][0])
            if getattr(module, test)(Path(path)):
                return candidate
    return name


def loader_name_by_header(path: str | Path) -> str | None:
    """The loader that claims a delimited table by its header, or ``None``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     table = Path(folder, "programme.csv")
    ...     _ = table.write_text("rcn,programme_part\\n1,ERC\\n", "utf-8")
    ...     loader_name_by_header(table)
    'cordis'
    """
    path = Path(path)
    if path.suffix.lower() not in TABLE_EXTENSIONS:
        return None
    from edukg.loaders.headers import header_columns

    columns = header_columns(path)
    return next((name for needed, name in HEADERS if needed <= columns), None)


def loader(name: str) -> ReadFunction:
    """The read function of a loader, importing its module now."""
    module_name, function = LOADERS[name]
    return getattr(importlib.import_module(module_name), function)


def _loader_name(path: Path, kind: object) -> str | None:
    """``--kind cordis`` forces the CORDIS loader; a register kind skips header claims."""
    if kind == "cordis":
        return "cordis"
    if kind is None:
        claimed = loader_name_by_header(path)
        if claimed is not None:
            return claimed
    return loader_name_for(path, by_content=True)


@dataclass
class LoadResult:
    """What a successful :func:`load_files` did."""

    changes: list[SourceChange]
    warnings: list[Problem]
    completing: frozenset[str] = frozenset()
    """The sources that hold no statements of their own and only complete others
    of the same load (CORDIS name and project tables)."""

    def completes_others(self, change: SourceChange) -> bool:
        """True when ``change`` is of a source that only completes the others."""
        return change.name in self.completing and change.total == 0


def load_files(
    kg: KnowledgeGraph,
    paths: Sequence[str | Path],
    *,
    source_names: Sequence[str] | None = None,
    loader_name: str | None = None,
    options: dict[str, object] | None = None,
    progress: ProgressFunction | None = None,
    allow_empty: bool = False,
) -> LoadResult:
    """Load files into ``kg``, all or nothing.

    Each file becomes one source, named after the file (or ``source_names``);
    loading a source again replaces what it held. If any file has an error,
    :class:`~edukg.core.errors.InputError` lists every problem of every file and
    the store is left exactly as it was; the writes themselves are one
    transaction in effect (see :meth:`KnowledgeGraph.write_sources`).

    ``options['kind']`` (``institutions``, ``agreements``, ``events``,
    ``parties`` or ``cordis``) says what a register file holds when its header does not;
    ``progress(description, done, total)`` is told how far the load has got.
    A file that yields no statements (a header only, JSON without register
    keys) is an error unless ``allow_empty``.
    """
    with _without_cycle_collection():
        return _load_files(
            kg, paths, source_names, loader_name, options, progress, allow_empty=allow_empty
        )


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector for a load, then let it run again as it was.

    A register load makes millions of lists, dicts and rows, and the collector
    walked them again and again: a quarter of a 1M load's Python time. A load
    makes no garbage cycles worth collecting midway (its rows live to the end).

    >>> with _without_cycle_collection():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_files(
    kg: KnowledgeGraph,
    paths: Sequence[str | Path],
    source_names: Sequence[str] | None,
    loader_name: str | None,
    options: dict[str, object] | None,
    progress: ProgressFunction | None,
    *,
    allow_empty: bool,
) -> LoadResult:
    names = _source_names(paths, source_names, options)
    jobs = _plan_jobs(
        kg, paths, names, loader_name=loader_name, options=options, progress=progress,
        allow_empty=allow_empty,
    )
    _scan(jobs, progress)
    if all(job.loader in BUILT_WHILE_WRITING for job in jobs):
        return _load_while_writing(kg, jobs, names, progress, allow_empty=allow_empty)
    parsed, problems = _read(jobs, progress)
    warnings = _checked(parsed, problems, allow_empty=allow_empty)
    crash_point("parse")
    if progress is not None:
        progress("writing to the store", len(jobs), len(jobs))
    completing = frozenset(data.name for data in parsed if data.completes_others)
    changes = kg.write_sources(parsed, bulk_parts=LOAD_BULK_LOAD_PARTS)
    return LoadResult(changes=changes, warnings=warnings, completing=completing)


BUILT_WHILE_WRITING = frozenset({"register-csv", "register-excel", "register-json"})
"""Loaders whose files a first load bulk-loads while it builds the next (see
:meth:`KnowledgeGraph.write_sources_as_built`): a register file's statements are final
once it is built (what it needs of the others, the first pass noted), and the files are
built in the same order as ever."""


def _load_while_writing(
    kg: KnowledgeGraph,
    jobs: list[_Job],
    names: list[str],
    progress: ProgressFunction | None,
    *,
    allow_empty: bool,
) -> LoadResult:
    """The second pass and the write at once: each file goes to the store as it is built.

    Every file is still read and checked when an earlier one has errors, so that all
    problems are reported; no file is handed over once one error is known, and the
    errors are raised inside the write, which undoes what was loaded.
    """
    parsed: list[SourceData] = []
    problems: list[Problem] = []

    def built() -> Iterator[SourceData]:
        for data, found in _read_each(jobs, progress):
            problems.extend(found)
            if data is not None:
                parsed.append(data)
                if not allow_empty and _holds_nothing(data):
                    problems.append(_empty_source(data))
                if not any(p.severity == "error" for p in problems):
                    yield data
        _checked(parsed, problems, allow_empty=True)  # the empty ones are in problems
        crash_point("parse")
        if progress is not None:
            progress("writing to the store", len(jobs), len(jobs))

    changes = kg.write_sources_as_built(names, built(), bulk_parts=LOAD_BULK_LOAD_PARTS)
    return LoadResult(
        changes=changes,
        warnings=[p for p in problems if p.severity != "error"],
        completing=frozenset(data.name for data in parsed if data.completes_others),
    )


def _checked(
    parsed: list[SourceData], problems: list[Problem], *, allow_empty: bool
) -> list[Problem]:
    """The warnings of a load's files, once every file is read; raises
    :class:`~edukg.core.errors.InputError` listing every problem if any is an error."""
    if not allow_empty:
        problems = problems + [_empty_source(data) for data in parsed if _holds_nothing(data)]
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    if errors:
        files = len({p.file for p in errors})
        raise InputError(
            f"nothing was loaded: {len(errors)} error(s) in {files} file(s)",
            problems=errors + warnings,
            hint="fix the errors above and run the same command again",
        )
    return warnings


@dataclass
class _Job:
    """One file of a load: the loader that reads it (``None``: no loader does) and its context."""

    path: Path
    loader: str | None
    context: LoadContext


def _source_names(
    paths: Sequence[str | Path],
    source_names: Sequence[str] | None,
    options: dict[str, object] | None,
) -> list[str]:
    """The source name of each file, once the options are known to be sound."""
    kind = (options or {}).get("kind")
    if kind is not None and kind not in KINDS:
        raise InputError(f"unknown kind {kind!r}", hint=f"use one of: {', '.join(KINDS)}")
    if source_names is not None and len(source_names) != len(paths):
        raise InputError("give one source name per file", hint="or none, to use the file names")
    names = list(source_names) if source_names else [Path(p).name for p in paths]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise InputError(
            f"two inputs would be the same source: {', '.join(duplicates)}",
            hint="rename one file, or give each its own --source name",
        )
    return names


def _plan_jobs(
    kg: KnowledgeGraph,
    paths: Sequence[str | Path],
    names: list[str],
    *,
    loader_name: str | None,
    options: dict[str, object] | None,
    progress: ProgressFunction | None,
    allow_empty: bool = False,
) -> list[_Job]:
    """Pick each file's loader; every file of the load shares one register session."""
    from edukg.loaders.session import RegisterSession

    session = RegisterSession(
        base_iri=kg.base_iri,
        kg=kg,
        replaced_graphs=frozenset(kg.source_graph(n).value for n in names),
    )
    jobs = []
    for raw_path, name in zip(paths, names, strict=True):
        path = Path(raw_path)
        chosen = loader_name or _loader_name(path, (options or {}).get("kind"))
        if chosen is None or chosen not in LOADERS:
            jobs.append(_Job(path, None, LoadContext(source_name=name, base_iri=kg.base_iri)))
            continue
        context = LoadContext(
            source_name=name,
            base_iri=kg.base_iri,
            kg=kg,
            options={**(options or {}), "allow_empty": allow_empty},
            session=session,
            progress=progress,
        )
        jobs.append(_Job(path, chosen, context))
    return jobs


def _scan(jobs: list[_Job], progress: ProgressFunction | None) -> None:
    """The first pass: register loaders note every file's institutions and ids."""
    for number, job in enumerate(jobs, 1):
        if job.loader is None or job.loader not in SCANNERS:
            continue
        if progress is not None:
            progress(f"{job.path.name}: reading", number - 1, len(jobs))
        module = importlib.import_module(LOADERS[job.loader][0])
        getattr(module, SCANNERS[job.loader])(job.path, job.context)


def _read(
    jobs: list[_Job], progress: ProgressFunction | None
) -> tuple[list[SourceData], list[Problem]]:
    """The second pass: every file parsed and checked, and every problem found."""
    parsed: list[SourceData] = []
    problems: list[Problem] = []
    for data, found in _read_each(jobs, progress):
        problems.extend(found)
        if data is not None:
            parsed.append(data)
    return parsed, problems


def _read_each(
    jobs: list[_Job], progress: ProgressFunction | None
) -> Iterator[tuple[SourceData | None, list[Problem]]]:
    """The second pass, a file at a time: its parsed statements (if any) and its problems."""
    for number, job in enumerate(jobs, 1):
        if job.loader is None:
            yield None, [_no_loader(job.path)]
            continue
        if progress is not None:
            progress(f"{job.path.name}: checking", number - 1, len(jobs))
        data = loader(job.loader)(job.path, job.context)
        yield data, list(job.context.problems)


def _holds_nothing(data: SourceData) -> bool:
    """True for an RDF source without statements.

    Register files check their rows themselves; CORDIS name and project tables
    add to other sources and hold no statements of their own.
    """
    if data.same_as_stored or data.triples or data.chunks or data.loader != "rdf":
        return False
    return data.staged is None or len(data.staged) == 0


def _empty_source(data: SourceData) -> Problem:
    return Problem(
        data.file_name or data.name,
        "the file holds no records: nothing would be loaded",
        hint="check that it has rows under its header (or register keys in JSON); "
        "--allow-empty loads it anyway, as an empty source",
    )


def _no_loader(path: Path) -> Problem:
    known = ", ".join(sorted(EXTENSIONS))
    return Problem(
        str(path),
        f"no loader reads {path.suffix or 'files without extension'}",
        hint=f"edukg reads: {known}",
    )
