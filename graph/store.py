"""The knowledge graph store: embedded Oxigraph, one named graph per source.

>>> from edukg.graph.store import KnowledgeGraph
>>> with KnowledgeGraph.in_memory() as kg:
...     kg.ask("ASK { ?c <http://www.w3.org/2004/02/skos/core#notation> 'BY' }")
True
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pyoxigraph as ox

from edukg.core.errors import (
    ConfigError,
    EdukgError,
    InputError,
    Problem,
    QueryError,
    StoreError,
)
from edukg.core.version import __version__
from edukg.graph.bulk_load import bulk_load_in_parts
from edukg.graph.canonical import (
    MERGE_RECORD_GRAPH,
    RESOLUTION_GRAPH,
    MergeRecord,
    canonical_map,
    merge_record_quads,
    merge_records,
    restore_as_loaded,
    rewrite_recorded,
)
from edukg.graph.faults import crash_point
from edukg.graph.journal import JOURNAL_FOLDER, BeforeImage, UndoJournal
from edukg.graph.settings import DEFAULT_BASE_IRI, check_base_iri
from edukg.graph.snapshots import SNAPSHOT_FOLDER, StatementSnapshots
from edukg.graph.sources import (
    CATALOG_GRAPH,
    EDUKG_NS,
    SOURCES_QUERY,
    URI_SPACE,
    SourceChange,
    SourceData,
    SourceInfo,
    joined_lines,
    provenance_quads,
    stored_base_iri,
)
from edukg.graph.statement_checks import unsafe_statements
from edukg.graph.statement_lines import (
    line_changes,
    party_agreements,
    record_subjects,
    sorted_lines,
    subjects,
)
from edukg.graph.summaries import (
    INCREMENTAL_LIMIT,
    LINES_BEARING_ON_SUMMARIES,
    SUMMARY_GRAPH,
    mark_stale,
    refresh_summaries,
    summaries_current,
    summary_lines,
    texts_agree,
    write_summary_lines,
)
from edukg.graph.summary_text import KINDS, text_summary_lines
from edukg.graph.terms import dumped, solutions, to_oxigraph
from edukg.ontology import ontology_text
from edukg.ontology.iris import PREFIXES, SYSTEM_GRAPH_BASE

ONTOLOGY_GRAPH = ox.NamedNode(SYSTEM_GRAPH_BASE + "ontology")
COUNTRIES_GRAPH = ox.NamedNode(SYSTEM_GRAPH_BASE + "countries")
REFERENCE_GRAPHS = (ONTOLOGY_GRAPH, COUNTRIES_GRAPH)
"""Graphs edukg writes itself: the ontology and the generated countries."""

BULK_LOAD_THRESHOLD = 10_000
"""New sources with at least this many statements are bulk-loaded into an on-disk store
(a transaction writes 85,000 statements in 2.3 s, a bulk load in 0.7 s)."""

BULK_LOAD_PART = 100_000
"""Statements of one part of a bulk load, at the least (see :data:`BULK_LOAD_PARTS`)."""

BULK_LOAD_PARTS = min(4, os.cpu_count() or 1)
"""Bulk loads run in this many parts side by side (one per core, at most 4): the summaries'
and, unless told otherwise, :meth:`KnowledgeGraph.write_sources`' (analysis results: 10.8 s
wall with 2 parts at 5M, 19.6 s with one)."""

LOAD_BULK_LOAD_PARTS = 1
"""Parts of a loaded file's bulk load (see :func:`edukg.loaders.load_files`): one part costs
less CPU than several side by side (1M statements: 11.9 s against 12.7 s in two parts), though
more wall time when a core is free (26.9 s against 18.5 s). The free core works the summaries
out and bulk-loads them meanwhile, when the load works every one out again (see
:meth:`KnowledgeGraph._summaries_meanwhile`)."""

SUMMARY_FOLLOW_LIMIT = 200_000
"""Changed statements a write hands to the summaries to follow; more, and every summary is
worked out again (see :func:`edukg.graph.summaries.refresh_summaries`)."""

REMOVE_BATCH = 5_000
"""Statements removed by one ``DELETE DATA`` update (larger batches cost more a statement)."""

_SHA256 = ox.NamedNode(EDUKG_NS + "sha256")
_STATEMENTS_SHA256 = ox.NamedNode(EDUKG_NS + "statementsSha256")


def _reference_fingerprint() -> str:
    """Changes whenever the ontology or the country data edukg writes would change."""
    import pycountry  # here, not at the top: a read-only store never needs it

    digest = hashlib.sha256()
    digest.update(__version__.encode())
    digest.update(str(getattr(pycountry, "__version__", "")).encode())
    digest.update(ontology_text().encode("utf-8"))
    digest.update(
        resources.files("edukg.ontology").joinpath("wikidata_countries.csv").read_bytes()
    )
    return digest.hexdigest()


class KnowledgeGraph:
    """An edukg knowledge graph on an embedded Oxigraph store.

    Open one with :meth:`open` (on disk, persistent) or :meth:`in_memory`.
    Data lives in one named graph per source; queries see the union of all
    graphs, the ontology and the countries included.
    """

    def __init__(
        self,
        store: ox.Store,
        *,
        path: Path | None,
        base_iri: str | None = None,
        read_only: bool = False,
    ) -> None:
        self._store = store
        self.path = path
        self.read_only = read_only
        self._snapshots = StatementSnapshots(path / SNAPSHOT_FOLDER) if path is not None else None
        self._journal = UndoJournal(path / JOURNAL_FOLDER if path is not None else None)
        self._records_by_graph: dict[str, set[str]] | None = None
        """During a write: the records each source graph holds (see :meth:`_new_records`)."""
        self._emptied: set[str] = set()
        """During a write: graphs a rebuild emptied (see :meth:`_rebuild`)."""
        self._replaced: dict[str, bytes | None] = {}
        """During :meth:`write_sources`: graph IRI -> its statements before the write (its
        before image), for every graph the write replaces or a rebuild loads again."""
        self._bulk_parts = BULK_LOAD_PARTS
        """During a write: the parts of a source's bulk load (see :meth:`write_sources`)."""
        self._written: dict[str, bytes] = {}
        """During a write: the statements of each graph written so far (sorted N-Triples, as
        snapshotted), for the summaries to read without the snapshot files."""
        self._changed_lines: list[bytes] | None = []
        """During a write: the statements it added or removed, for the summaries to follow
        (``None``: too many to follow, every summary is worked out again)."""
        self._was_current = False
        """During a write: whether the summaries were current before it."""
        self._incoming: dict[str, bytes] = {}
        """During :meth:`write_sources`: graph IRI -> the statements the write gives it."""
        self._summaries_at: str | None = None
        """During :meth:`write_sources`: the graph during whose bulk load the summaries are
        worked out and written (see :meth:`_summaries_meanwhile`)."""
        self._early: tuple[dict[str, bytes], set[bytes], bool] | None = None
        """During a write: the graphs' texts the summaries were worked out from early, the
        summary lines, and whether they were written (see :meth:`_summaries_meanwhile`)."""
        if not read_only:
            self._roll_back()  # a write that was interrupted leaves nothing behind
        stored = stored_base_iri(self._store)
        if base_iri and stored and base_iri != stored and self.sources():
            raise ConfigError(
                f"the store was built with base IRI {stored!r}, not {base_iri!r}",
                hint="drop --base-iri/EDUKG_BASE_IRI, or use a new --store for the new base",
            )
        self.base_iri = base_iri or stored or DEFAULT_BASE_IRI
        if not read_only:
            if self.base_iri != stored:
                old = ox.Literal(stored or "")
                self._store.remove(ox.Quad(CATALOG_GRAPH, URI_SPACE, old, CATALOG_GRAPH))
                new = ox.Literal(self.base_iri)
                self._store.add(ox.Quad(CATALOG_GRAPH, URI_SPACE, new, CATALOG_GRAPH))
            if self._install_reference_data() or not summaries_current(self._store):
                self.refresh_summaries()  # new reference data, or a store an older edukg wrote

    # ------------------------------------------------------------ opening

    @classmethod
    def open(
        cls, path: str | Path, *, base_iri: str | None = None, read_only: bool = False
    ) -> KnowledgeGraph:
        """Open (or create) the persistent store in directory ``path``.

        With ``read_only=True`` the store must exist and is not written.
        """
        path = Path(path)
        if base_iri:
            check_base_iri(base_iri)
        if read_only and not (path / "CURRENT").exists():
            raise StoreError(
                f"no edukg store at {path}",
                hint="load data first (edukg load FILE or edukg demo), "
                "or point --store/EDUKG_STORE at a store",
            )
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path} is a file, not a store directory", hint="use --store DIR")
        if read_only and UndoJournal(path / JOURNAL_FOLDER).is_pending():
            _roll_back_if_unlocked(path)
        if not read_only:
            try:  # RocksDB makes the store's own folder, not the folders above it
                path.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(
                    f"cannot create the store folder {path}: {error.strerror}",
                    hint="use --store DIR in a folder you can write to",
                ) from None
        try:
            store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as error:
            if "lock" in str(error).lower():
                raise StoreError(
                    f"the store at {path} is in use by another process",
                    hint="wait for the other edukg command to finish, or use another --store",
                ) from None
            raise StoreError(f"cannot open the store at {path}: {error}") from None
        return cls(store, path=path, base_iri=base_iri, read_only=read_only)

    @classmethod
    def in_memory(cls, *, base_iri: str | None = None) -> KnowledgeGraph:
        """A store that lives in memory only: for tests and one-off runs."""
        if base_iri:
            check_base_iri(base_iri)
        return cls(ox.Store(), path=None, base_iri=base_iri)

    def close(self) -> None:
        """Flush and release the store (its lock, for an on-disk store)."""
        if self._store is not None:
            if not self.read_only and self.path is not None:
                self._store.flush()
            self._store = None  # type: ignore[assignment]

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store, for bulk work inside edukg."""
        return self._store

    # ------------------------------------------------------------ summaries

    def summaries_current(self) -> bool:
        """Whether the summary graph matches the data (see :mod:`edukg.graph.summaries`)."""
        return summaries_current(self._store)

    def refresh_summaries(self) -> int:
        """Work the summary statements out again from the data; the number of changes.

        Every write of this class does it; a write that goes around it (a SPARQL
        update) calls it after.
        """
        self._require_writable()
        changes = refresh_summaries(self._store, on_disk=self.path is not None)
        if self.path is not None:
            self._store.flush()
        return changes

    # ------------------------------------------------------------ reference data

    def _install_reference_data(self) -> bool:
        """Write the ontology and the countries again if they changed; whether they did."""
        fingerprint = ox.Literal(_reference_fingerprint())
        current = ox.Quad(ONTOLOGY_GRAPH, _SHA256, fingerprint, CATALOG_GRAPH)
        if current in self._store:
            return False
        for graph in REFERENCE_GRAPHS:
            if self._store.contains_named_graph(graph):
                self._store.remove_graph(graph)
        pattern = (ONTOLOGY_GRAPH, _SHA256, None, CATALOG_GRAPH)
        for quad in list(self._store.quads_for_pattern(*pattern)):
            self._store.remove(quad)
        self._store.load(ontology_text(), ox.RdfFormat.TURTLE, to_graph=ONTOLOGY_GRAPH)
        from edukg.ontology.countries import countries_graph  # imports rdflib: only when needed

        countries = countries_graph().serialize(format="nt", encoding="utf-8")
        self._store.load(countries, ox.RdfFormat.N_TRIPLES, to_graph=COUNTRIES_GRAPH)
        self._store.add(current)
        return True

    # ------------------------------------------------------------ sources

    def source_graph(self, name: str) -> ox.NamedNode:
        """The named graph that holds source ``name``."""
        return ox.NamedNode(f"{self.base_iri}source/{quote(name, safe='-._~')}")

    def sources(self) -> list[SourceInfo]:
        """Every source in the store, by name."""
        rows = solutions(self._store.query(SOURCES_QUERY))
        return [
            SourceInfo(
                name=row["name"].value,
                graph=row["graph"].value,
                sha256=row["sha"].value,
                loader=row["loader"].value,
                loader_version=row["version"].value,
                loaded_at=row["time"].value,
                triples=int(row["count"].value),
                file_name=row["file"].value if row["file"] is not None else None,
                statements_sha256=row["digest"].value if row["digest"] is not None else None,
                reference=row["reference"] is not None,
            )
            for row in rows
        ]

    def source(self, name: str) -> SourceInfo | None:
        """The source called ``name``, or ``None``."""
        return next((info for info in self.sources() if info.name == name), None)

    def graphs_of(self, names: Iterable[str] | None = None) -> list[ox.NamedNode]:
        """The graphs of the named sources (all sources when ``names`` is empty), sorted.

        An unknown name raises :class:`~edukg.core.errors.ConfigError` listing the known ones.
        """
        if not names:
            return self.data_graphs()
        infos = {info.name: info for info in self.sources()}
        missing = [name for name in names if name not in infos]
        if missing:
            known = ", ".join(sorted(infos)) or "none"
            raise ConfigError(
                f"no source called {missing[0]!r}", hint=f"sources in this store: {known}"
            )
        return sorted({ox.NamedNode(infos[name].graph) for name in names}, key=lambda g: g.value)

    def data_graphs(self) -> list[ox.NamedNode]:
        """The named graphs of all sources, sorted."""
        return [ox.NamedNode(info.graph) for info in sorted(self.sources(), key=lambda i: i.graph)]

    def write_sources(
        self, sources: Iterable[SourceData], *, bulk_parts: int = BULK_LOAD_PARTS
    ) -> list[SourceChange]:
        """Write parsed, checked sources, each replacing what it held before.

        Callers check everything first: this only writes. A source whose
        triples are unchanged is left exactly as it was. A source's statements
        are bulk-loaded in up to ``bulk_parts`` parts side by side (see
        :data:`BULK_LOAD_PARTS` and :data:`LOAD_BULK_LOAD_PARTS`).
        """
        self._require_writable()
        self._bulk_parts = bulk_parts
        try:
            return self._write_sources(list(sources))
        finally:
            self._bulk_parts, self._replaced = BULK_LOAD_PARTS, {}
            self._incoming, self._summaries_at, self._early = {}, None, None

    def _write_sources(self, sources: list[SourceData]) -> list[SourceChange]:
        """:meth:`write_sources`, once the parts of its bulk loads are set."""
        prepared: dict[str, tuple[bytes, str]] = {}
        records: dict[str, MergeRecord] = {}
        problems = []
        mapping = canonical_map(self._store)
        for data in sources:
            if not data.same_as_stored:
                statements, records[data.name] = self._prepared_statements(data, mapping)
                problems += unsafe_statements(statements, data.file_name or data.name)
                prepared[data.name] = (statements, hashlib.sha256(statements).hexdigest())
        _raise_unsafe(problems)
        # A source whose digest is the stored one changes nothing: it needs no
        # before image (reading and journalling a million statements takes seconds).
        digests = {info.name: info.statements_sha256 for info in self.sources()}
        images = {
            name: self._before_image(self.source_graph(name))
            for name, (_, digest) in prepared.items()
            if digests.get(name) != digest
        }
        stale = merge_records(self._store)
        record_changes = {
            self.source_graph(name).value: record
            for name, record in records.items()
            if record or self.source_graph(name).value in stale
        }
        system = [self._before_image(MERGE_RECORD_GRAPH)] if record_changes else []
        # each replaced source's lines compared once: the rebuild's choice and the write
        # both read the comparison (at 1M, comparing again cost a regenerated reload 1 s)
        diffs = {
            name: line_changes(image.statements, prepared[name][0])
            for name, image in images.items()
            if image.statements is not None
        }
        others = self._graphs_kept_by_a_rebuild(images, diffs)
        kept = [self._before_image(graph) for graph in others or []]
        self._replaced = {image.graph: image.statements for image in [*images.values(), *kept]}
        self._incoming = {
            self.source_graph(name).value: statements for name, (statements, _) in prepared.items()
        }
        self._summaries_at = self._largest_incoming()
        with self._transaction([*images.values(), *system, *kept]):
            if others is not None:
                self._rebuild(kept, [self.source_graph(name) for name in images])
            changes = []
            for data in sources:
                image = images.get(data.name)
                old = image.statements if image else None
                changes.append(
                    self._write_source(
                        data, old, prepared.pop(data.name, None), diffs.pop(data.name, None)
                    )
                )
            self._write_merge_records(record_changes)
        return changes

    def write_sources_as_built(
        self,
        names: Sequence[str],
        built: Iterable[SourceData],
        *,
        bulk_parts: int = BULK_LOAD_PARTS,
    ) -> list[SourceChange]:
        """:meth:`write_sources` for sources still being built: each new source's bulk load
        starts in another thread as soon as ``built`` yields it, while the next is built.

        ``names`` are the sources ``built`` may yield. The overlap applies to a first
        load (an on-disk store that holds none of them, no merges); otherwise ``built``
        is read to its end first and written as :meth:`write_sources` writes. An error
        ``built`` raises (the loader's list of problems) undoes what was loaded already,
        once the bulk loads under way have ended: all or nothing, as ever.

        >>> with KnowledgeGraph.in_memory() as kg:
        ...     data = SourceData("a.csv", "0" * 64, "register-csv")
        ...     data.chunks = [b'<https://e.example/a> <https://e.example/p> "1" .\\n']
        ...     [change.added for change in kg.write_sources_as_built(["a.csv"], [data])]
        [1]
        """
        self._require_writable()
        if not self._all_new(names):
            return self.write_sources(built, bulk_parts=bulk_parts)
        self._bulk_parts = bulk_parts
        try:
            return self._write_new_sources(names, built)
        finally:
            self._bulk_parts, self._replaced = BULK_LOAD_PARTS, {}
            self._incoming, self._summaries_at, self._early = {}, None, None

    def _all_new(self, names: Sequence[str]) -> bool:
        """Whether writing ``names`` is a first load that bulk-loads as sources are built:
        an on-disk store with no merges, holding no graph or source of these names."""
        if self.path is None or not names or canonical_map(self._store):
            return False
        known = {info.name for info in self.sources()}
        recorded = merge_records(self._store)
        graphs = [self.source_graph(name) for name in names]
        return not known.intersection(names) and not any(
            graph.value in recorded or self._store.contains_named_graph(graph)
            for graph in graphs
        )

    def _write_new_sources(
        self, names: Sequence[str], built: Iterable[SourceData]
    ) -> list[SourceChange]:
        """:meth:`write_sources_as_built` when every source is new."""
        images = [self._before_image(self.source_graph(name)) for name in names]
        self._replaced = {image.graph: image.statements for image in images}
        written: list[_NewSource] = []
        with self._transaction(images):
            self._records_index()  # read before any bulk load: a loading graph is half there
            # One worker: the files' bulk loads run one after another, beside the building
            # of the next file. Two of them side by side in one store ended the process
            # once (a segmentation fault in Oxigraph's bulk loader, the test suite on 2 cores).
            with ThreadPoolExecutor(max_workers=1) as pool:  # waits for every load
                problems: list[Problem] = []
                for data in built:
                    new = self._new_source(data, names, problems)
                    if new is not None and not problems:
                        self._start_bulk_write(new, pool)
                        written.append(new)
                _raise_unsafe(problems)
                self._summaries_at = self._largest_incoming()
                if self._summaries_at is not None:  # beside the bulk loads under way
                    self._summaries_meanwhile(ox.NamedNode(self._summaries_at))
                for new in written:
                    if new.loading is not None:
                        new.loading.result()  # re-raises a load's error
            for new in written:
                if new.loading is None:
                    self._bulk_write(
                        new.statements, new.graph, new.total,
                        meanwhile=partial(self._snapshot, new.graph, new.statements),
                    )
                crash_point("catalog")
                self._store.extend(
                    provenance_quads(new.graph, new.data, new.total, new.digest)
                )
        return [new.change for new in written]

    def _new_source(
        self, data: SourceData, names: Sequence[str], problems: list[Problem]
    ) -> _NewSource | None:
        """A built source's statements prepared and checked (their problems added to
        ``problems``), its records noted; ``None`` once any source has a problem."""
        if data.name not in names or data.same_as_stored:
            raise StoreError(f"source {data.name!r} was not announced as new to this write")
        statements, _ = self._prepared_statements(data, {})
        problems += unsafe_statements(statements, data.file_name or data.name)
        if problems:
            return None
        graph = self.source_graph(data.name)
        self._incoming[graph.value] = statements
        total = statements.count(b"\n")
        records = record_subjects(statements)
        change = self._noted_new_source(data, graph, statements, records, total)
        digest = hashlib.sha256(statements).hexdigest()
        return _NewSource(data, graph, statements, digest, total, change)

    def _largest_incoming(self) -> str | None:
        """The graph of the largest source this write brings: the summaries are worked out
        beside its bulk load, which leaves a core free longest."""
        return max(self._incoming, key=lambda g: len(self._incoming[g]), default=None)

    def _noted_new_source(
        self, data: SourceData, graph: ox.NamedNode, statements: bytes, records: set[str],
        total: int,
    ) -> SourceChange:
        """What writing a new source's ``total`` statements into ``graph`` changes, its
        statements and ``records`` noted for the rest of this write (the summaries, the
        counts of records)."""
        self._note_statements(statements)
        added = self._new_records(records, graph)
        self._written_records(graph, records)
        return SourceChange(data.name, total, 0, total, new_source=True, records_added=added)

    def _start_bulk_write(self, new: _NewSource, pool: ThreadPoolExecutor) -> None:
        """Queue a large new source's bulk load in ``pool`` (its graph named there too: no
        write of this thread meets a bulk load), and snapshot it meanwhile; a small one is
        written once the bulk loads have ended (see :meth:`_bulk_write`)."""
        if new.total < BULK_LOAD_THRESHOLD:
            return

        def load() -> None:
            self._store.add_graph(new.graph)
            self._bulk_load(new.statements, new.graph, new.total)

        new.loading = pool.submit(load)
        self._snapshot(new.graph, new.statements)

    def _write_merge_records(self, records: Mapping[str, MergeRecord]) -> None:
        """Replace the merge records of some graphs (an empty record removes the graph's)."""
        for graph, record in records.items():
            node = ox.NamedNode(graph)
            for quad in list(self._store.quads_for_pattern(node, None, None, MERGE_RECORD_GRAPH)):
                self._store.remove(quad)
            self._store.extend(merge_record_quads(graph, record))

    def _replace_system_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Make a system graph (not a source) hold exactly ``quads``, writing only changes."""
        wanted = {ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads}
        current = set(self._store.quads_for_pattern(None, None, None, graph))
        changed = [quad.triple for quad in current ^ wanted]
        self._note_changes(_serialised(changed)[0].splitlines() if changed else [])
        for quad in current - wanted:
            self._store.remove(quad)
        self._store.extend(wanted - current)

    def _note_changes(self, lines: list[bytes] | None) -> None:
        """Note statements this write added or removed (``None``: too many to follow).

        Of many lines only those that bear on a summary are kept: the summaries
        read no others, and a graph of other statements (analysis results: a
        million at 5M triples of data) would otherwise have every summary
        worked out again.
        """
        if self._changed_lines is None:
            return
        if lines is not None and len(self._changed_lines) + len(lines) > SUMMARY_FOLLOW_LIMIT:
            lines = [line for line in lines if LINES_BEARING_ON_SUMMARIES.search(line)]
        if lines is None or len(self._changed_lines) + len(lines) > SUMMARY_FOLLOW_LIMIT:
            self._changed_lines = None  # every summary is worked out again
        else:
            self._changed_lines.extend(lines)

    def _note_statements(self, statements: bytes) -> None:
        """Note a whole graph's statements (sorted N-Triples) as added or removed."""
        if statements.count(b"\n") <= SUMMARY_FOLLOW_LIMIT:
            self._note_changes(statements.splitlines())
            return
        # searched in the text: most lines of a large graph may bear on none. Past
        # INCREMENTAL_LIMIT of them the summaries are all worked out again anyway
        # (touched() gives up there), so the search stops: a register's after a tenth
        # of a second, where counting all of them at 1M took 0.4 s.
        most = min(SUMMARY_FOLLOW_LIMIT, INCREMENTAL_LIMIT)
        relevant: list[bytes] = []
        for found in LINES_BEARING_ON_SUMMARIES.finditer(statements):
            if len(relevant) > most:
                self._note_changes(None)  # a register's: too many to follow
                return
            start = statements.rfind(b"\n", 0, found.start()) + 1
            end = statements.find(b"\n", found.end())
            line = statements[start : end if end >= 0 else len(statements)]
            if not relevant or relevant[-1] != line:
                relevant.append(line)
        self._note_changes(relevant)

    def _graphs_kept_by_a_rebuild(
        self,
        images: Mapping[str, BeforeImage],
        diffs: Mapping[str, tuple[list[bytes], list[bytes]]],
    ) -> list[ox.NamedNode] | None:
        """The other graphs, when emptying the store and loading it again beats removing.

        Oxigraph removes a statement in 15 to 60 µs (it looks each one up first);
        ``clear`` empties a store at once, and a bulk load writes a statement in
        15 µs. When a load removes more statements than the graphs it does not
        touch hold (a register regenerated, most of the store reloaded), the
        store is emptied and every graph bulk-loaded again. ``None`` otherwise.
        """
        if self.path is None or not images:
            return None
        infos = {info.name: info for info in self.sources()}
        changing = {self.source_graph(name).value for name in images}
        old_size = sum(infos[name].triples for name in images if name in infos)
        others = sorted(
            (
                g
                for g in self._store.named_graphs()
                if g.value not in changing and g != SUMMARY_GRAPH  # worked out again anyway
            ),
            key=lambda g: g.value,
        )
        if not all(isinstance(g, ox.NamedNode) for g in others) or next(
            self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None
        ):
            return None  # blank-node graph names or a default graph: not worth the care
        sizes = {info.graph: info.triples for info in infos.values()}
        other_size = sum(
            sizes[g.value]
            if g.value in sizes
            else sum(1 for _ in self._store.quads_for_pattern(None, None, None, g))
            for g in others
        )
        least = max(other_size, BULK_LOAD_THRESHOLD)
        if old_size <= least:
            return None
        removed = sum(len(gone) for _, gone in diffs.values())
        return others if removed > least else None  # type: ignore[return-value]

    def _rebuild(self, kept: list[BeforeImage], emptied: list[ox.NamedNode]) -> None:
        """Empty the store, then load the ``kept`` graphs again as they were.

        The graphs in ``emptied`` are then written anew with bulk loads by
        :meth:`_write_source`; the undo journal holds every graph's before image.
        """
        self._records_index()  # what each graph held, for the counts of records
        self._store.clear()
        crash_point("remove")
        for image in kept:
            self._restore_statements(ox.NamedNode(image.graph), image.statements)
        self._emptied = {graph.value for graph in emptied}
        self._note_changes(None)

    def _prepared_statements(
        self, data: SourceData, mapping: Mapping[str, str]
    ) -> tuple[bytes, MergeRecord]:
        """A source's statements as sorted N-Triples lines, merged IRIs rewritten (see
        :mod:`edukg.graph.canonical`), and the record of that rewrite; the source's
        parsed forms are let go."""
        if not mapping and data.staged is None:
            statements = sorted_lines(data.chunks + _serialised(data.triples))
            record = MergeRecord()
        else:
            staged = data.statements()
            record = rewrite_recorded(staged, mapping)  # merges survive re-imports
            dump = staged.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
            lines = dumped(dump).splitlines()
            del dump
            lines.sort()
            statements = joined_lines(lines)
        data.chunks, data.triples, data.staged = [], [], None
        return statements, record

    @contextmanager
    def _transaction(self, images: list[BeforeImage]) -> Iterator[None]:
        """Make the writes inside one transaction in effect: all of them, or none.

        The before images are recorded first; any failure (an error, Ctrl-C)
        restores them, and so does the next opening after a crash.
        """
        try:
            self._journal.begin(images)
        except OSError as error:
            self._journal.commit()  # nothing was changed yet: forget a partial journal
            raise StoreError(
                f"cannot write the undo journal beside the store: {error.strerror or error}",
                hint="free some disk space; nothing was changed",
            ) from error
        crash_point("journal")
        self._written = {}
        try:
            # following the changes is exact only from summaries that were
            self._was_current = was_current = summaries_current(self._store)
            mark_stale(self._store)  # readers run the portable forms until the end
            yield
            crash_point("summaries")
            changed, self._changed_lines = self._changed_lines, []
            wanted, held = self._early_summaries()
            refresh_summaries(
                self._store,
                on_disk=self.path is not None,
                changed=changed if was_current else None,
                graphs=self._graph_texts,
                wanted=wanted,
                held=held,
                bulk_parts=BULK_LOAD_PARTS,
            )
            if self.path is not None:
                self._store.flush()
            crash_point("commit")
        except BaseException as failure:
            self._records_by_graph, self._emptied, self._changed_lines = None, set(), []
            self._written, self._early = {}, None
            self._roll_back()
            if isinstance(failure, Exception) and not isinstance(failure, EdukgError):
                raise StoreError(
                    f"writing to the store failed, and nothing was changed: {failure}"
                ) from failure
            raise
        self._records_by_graph, self._emptied, self._written = None, set(), {}
        self._journal.commit()

    def _before_image(self, graph: ox.NamedNode) -> BeforeImage:
        """What ``graph`` and its catalog description hold now."""
        statements = (
            self.sorted_statements(graph) if self._store.contains_named_graph(graph) else None
        )
        catalog = ox.serialize(self._description(graph), format=ox.RdfFormat.N_QUADS) or b""
        return BeforeImage(graph.value, statements, catalog)

    def _roll_back(self) -> None:
        """Restore the before images of an unfinished write, if the journal holds any."""
        images = self._journal.pending()
        if not images:
            return
        for image in images:
            graph = ox.NamedNode(image.graph)
            self._forget_snapshot(graph)
            self._restore_statements(graph, image.statements)
            self._remove_description(graph)
            if image.catalog:
                self._store.load(image.catalog, ox.RdfFormat.N_QUADS)
        self._drop_unused_agents()
        # the summaries may hold the interrupted write's data: work them out again
        refresh_summaries(self._store, on_disk=self.path is not None)
        if self.path is not None:
            self._store.flush()
        self._written = {}
        self._journal.commit()

    def _restore_statements(self, graph: ox.NamedNode, statements: bytes | None) -> None:
        """Make ``graph`` hold exactly ``statements`` (sorted N-Triples), or remove it (``None``).

        Only the differences are written: an interrupted write changed a part.
        """
        if statements is None:
            if self._store.contains_named_graph(graph):
                self._store.remove_graph(graph)
            return
        if not self._store.contains_named_graph(graph) and self.path is not None:
            self._store.add_graph(graph)
            if statements:  # an emptied graph: a bulk load, as a new source's
                self._store.bulk_load(statements, ox.RdfFormat.N_TRIPLES, to_graph=graph)
            self._snapshot(graph, statements)
            return
        self._store.add_graph(graph)
        dumped = self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        current = set(dumped.splitlines()) if dumped else set()
        wanted = set(statements.splitlines())
        for quad in _quads_of(sorted(current - wanted), graph):
            self._store.remove(quad)
        self._store.extend(_quads_of(sorted(wanted - current), graph))
        self._snapshot(graph, statements)

    def _write_source(
        self,
        data: SourceData,
        old: bytes | None = None,
        prepared: tuple[bytes, str] | None = None,
        diff: tuple[list[bytes], list[bytes]] | None = None,
    ) -> SourceChange:
        """Replace one source's graph by ``data``, touching only what differs.

        The statements are compared as sorted N-Triples lines (the digest's
        input, ``prepared`` with their digest by :meth:`write_sources`, ``diff``
        the lines added and removed when it compared them already): the
        store on disk only receives the added and removed statements (many
        added ones in a bulk load), or one bulk load for a new source.
        """
        graph = self.source_graph(data.name)
        info = self.source(data.name)
        if data.same_as_stored:
            if info is None:
                raise StoreError(f"source {data.name!r} was read as stored, but the store lacks it")
            return SourceChange(data.name, 0, 0, info.triples, new_source=False)
        if prepared is None:
            statements, _ = self._prepared_statements(data, canonical_map(self._store))
            prepared = statements, hashlib.sha256(statements).hexdigest()
        statements, digest = prepared
        del prepared
        total = statements.count(b"\n")  # a store holds no duplicates
        if info is not None and info.statements_sha256 == digest:
            if self._snapshots is not None and not self._snapshots.exists(graph.value):
                self._snapshots.write(graph.value, statements)
            return SourceChange(data.name, 0, 0, total, new_source=False)
        records = record_subjects(statements)
        if info is None and not self._store.contains_named_graph(graph):
            change = self._noted_new_source(data, graph, statements, records, total)
            self._bulk_write(
                statements, graph, total, meanwhile=lambda: self._snapshot(graph, statements)
            )
            crash_point("catalog")
            self._store.extend(provenance_quads(graph, data, total, digest))
            return change
        before = old if old is not None else self.sorted_statements(graph)
        added, removed = diff if diff is not None else line_changes(before, statements)
        del diff
        old_records = (
            self._records_index().get(graph.value, set())  # read from the before image
            if graph.value in self._replaced
            else record_subjects(before)
        )
        change = SourceChange(
            data.name,
            added=len(added),
            removed=len(removed),
            total=total,
            new_source=info is None,
            records_added=self._new_records(records - old_records, graph),
            records_removed=self._new_records(old_records - records, graph),
            records_changed=_changed_records(
                subjects(added) | subjects(removed),
                (records & old_records),
                party_agreements(statements),
                party_agreements(before),
            ),
        )
        del before
        crash_point("diff")
        self._forget_snapshot(graph)  # until the graph and its digest agree again
        self._note_changes(added)
        self._note_changes(removed)
        if graph.value in self._emptied:
            del added, removed
            self._bulk_write(statements, graph, total, meanwhile=lambda: None)
        else:
            self._remove_lines(removed, graph)
            del removed
            self._add_lines(added, graph)
            del added
        crash_point("add")
        self._written_records(graph, records)
        self._remove_description(graph)
        crash_point("catalog")
        self._store.extend(provenance_quads(graph, data, total, digest))
        self._snapshot(graph, statements)
        return change

    def _remove_lines(self, lines: list[bytes], graph: ox.NamedNode) -> None:
        """Remove the statements of N-Triples ``lines`` from ``graph``.

        In ``DELETE DATA`` updates of :data:`REMOVE_BATCH` statements: 15 µs a
        statement, where one ``remove`` each takes 24 µs and ``remove_graph``
        of a large graph 70 µs. Lines with blank nodes or quoted triples, which
        ``DELETE DATA`` cannot name, are removed one by one.
        """
        one_by_one = [line for line in lines if line.startswith((b"_:", b"<<")) or b" _:" in line]
        if one_by_one:
            unnamed = set(one_by_one)
            lines = [line for line in lines if line not in unnamed]
        halfway = (len(lines) + len(one_by_one)) // 2
        done = 0
        for start in range(0, len(lines), REMOVE_BATCH):
            batch = lines[start : start + REMOVE_BATCH]
            if done <= halfway < done + len(batch):
                crash_point("remove")
            text = b"\n".join(batch).decode("utf-8")
            self._store.update(f"DELETE DATA {{ GRAPH {graph} {{\n{text}\n}} }}")
            done += len(batch)
        for number, quad in enumerate(_quads_of(one_by_one, graph), done):
            if number == halfway:
                crash_point("remove")
            self._store.remove(quad)

    def _add_lines(self, lines: list[bytes], graph: ox.NamedNode) -> None:
        """Add the statements of N-Triples ``lines`` (not in ``graph`` yet) to ``graph``."""
        if len(lines) >= BULK_LOAD_THRESHOLD and self.path is not None:
            self._bulk_write(joined_lines(lines), graph, len(lines), meanwhile=lambda: None)
        else:
            self._store.extend(_quads_of(lines, graph))

    def _new_records(self, records: set[str], graph: ox.NamedNode) -> int:
        """How many of ``records`` no other source holds: new to (or gone from) the store.

        The records of every graph are read once per write (one query: 2 s at a
        million statements) and kept up to date as each source is written.
        """
        if not records:
            return 0
        left = set(records)
        for other, held in self._records_index().items():
            if other != graph.value:
                left -= held
        return len(left)

    def _records_index(self) -> dict[str, set[str]]:
        """Graph IRI -> the records it holds, read once per write.

        A graph the write replaces (or a rebuild loads again) is read from its
        before image, the rest from the store (at 1M, the query over a register's
        graph took 0.5 s where its before image is read in 0.15 s).
        """
        if self._records_by_graph is None:
            self._records_by_graph = {
                graph: record_subjects(statements)
                for graph, statements in self._replaced.items()
                if statements
            }
            for graph in self._store.named_graphs():
                if isinstance(graph, ox.NamedNode) and graph.value not in self._replaced:
                    held = self._held_records(graph)
                    if held:
                        self._records_by_graph[graph.value] = held
        return self._records_by_graph

    def _held_records(self, graph: ox.NamedNode) -> set[str]:
        """The records ``graph`` holds, as the store has them (none for the catalog)."""
        if graph == CATALOG_GRAPH:
            return set()
        rows = self._store.query(
            _RECORDS_IN_GRAPH, prefixes=PREFIXES, substitutions={ox.Variable("g"): graph}
        )
        return {row["r"].value for row in solutions(rows)}

    def _written_records(self, graph: ox.NamedNode, records: set[str]) -> None:
        """Note that ``graph`` now holds ``records`` (for the rest of this write)."""
        if self._records_by_graph is not None:
            self._records_by_graph[graph.value] = records

    def apply_canonical_map(
        self,
        resolution: Iterable[ox.Quad] | None = None,
        *,
        other_graphs: Iterable[ox.NamedNode] = (),
    ) -> list[SourceChange]:
        """Rewrite every source to the canonical IRIs of the resolution graph; all or nothing.

        The map is the resolution graph's ``owl:sameAs`` links (see
        :mod:`edukg.graph.canonical`). With ``resolution``, those statements
        replace the resolution graph first, in the same transaction. Each
        source is taken back to its statements as loaded (its merge record)
        and rewritten with the map: a merge the map no longer holds is split
        again, the merged IRI back in every statement it had. Each changed
        source is written as a new version of itself, its digest and snapshot
        kept in step. ``other_graphs`` (system graphs such as registry links)
        are rewritten the same way.
        """
        self._require_writable()
        if resolution is not None:
            resolution = list(resolution)
            staged_resolution = ox.Store()
            staged_resolution.extend(
                ox.Quad(q.subject, q.predicate, q.object, RESOLUTION_GRAPH) for q in resolution
            )
            mapping = canonical_map(staged_resolution)
        else:
            mapping = canonical_map(self._store)
        before = canonical_map(self._store)
        changed = {iri for iri in {*before, *mapping} if before.get(iri) != mapping.get(iri)}
        records = merge_records(self._store)
        nodes = [ox.NamedNode(iri) for iri in {*mapping, *changed}]
        pending: list[tuple[SourceData, tuple[bytes, str]]] = []
        systems: list[tuple[ox.NamedNode, list[ox.Quad]]] = []
        new_records: dict[str, MergeRecord] = {}
        graphs: list[tuple[ox.NamedNode, SourceInfo | None]]
        graphs = [(ox.NamedNode(info.graph), info) for info in self.sources()]
        graphs += [(graph, None) for graph in other_graphs]
        for graph, info in graphs:
            record = records.get(graph.value)
            if not _mentions(record, changed) and not any(
                next(self._store.quads_for_pattern(node, None, None, graph), None)
                or next(self._store.quads_for_pattern(None, None, node, graph), None)
                for node in nodes
            ):
                continue  # nothing of this graph was or is to be merged otherwise
            staged = ox.Store()
            staged.extend(
                ox.Quad(q.subject, q.predicate, q.object)
                for q in self._store.quads_for_pattern(None, None, None, graph)
            )
            if record:
                restore_as_loaded(staged, record)
            new_record = rewrite_recorded(staged, mapping)
            if record and new_record == record:
                continue  # the same merges as before: the graph stays as it is
            if new_record != record:
                new_records[graph.value] = new_record
            if info is None:
                systems.append((graph, list(staged)))
                continue
            lines = dumped(
                staged.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
            ).splitlines()
            lines.sort()
            statements = joined_lines(lines)
            data = SourceData(
                name=info.name,
                sha256=info.sha256,
                loader=info.loader,
                loader_version=info.loader_version,
                file_name=info.file_name,
            )
            pending.append((data, (statements, hashlib.sha256(statements).hexdigest())))
        if not pending and not systems and not new_records and resolution is None:
            return []
        images = [self._before_image(self.source_graph(data.name)) for data, _ in pending]
        images += [self._before_image(graph) for graph, _ in systems]
        images.append(self._before_image(MERGE_RECORD_GRAPH))
        if resolution is not None:
            images.append(self._before_image(RESOLUTION_GRAPH))
        with self._transaction(images):  # the decisions, every source rewritten: all or none
            if resolution is not None:
                self._replace_system_graph(RESOLUTION_GRAPH, resolution)
            changes = [
                self._write_source(data, image.statements, prepared)
                for (data, prepared), image in zip(pending, images, strict=False)
            ]
            for graph, quads in systems:
                self._replace_system_graph(graph, quads)
            crash_point("merge records")
            self._write_merge_records(new_records)
        return [change for change in changes if change.added or change.removed]

    def _snapshot(self, graph: ox.NamedNode, statements: bytes) -> None:
        self._written[graph.value] = statements
        if self._snapshots is not None:
            self._snapshots.write(graph.value, statements)

    def _forget_snapshot(self, graph: ox.NamedNode) -> None:
        self._written.pop(graph.value, None)
        if self._snapshots is not None:
            self._snapshots.discard(graph.value)

    def sorted_statements(self, graph: ox.NamedNode) -> bytes:
        """A graph's statements as sorted N-Triples lines, each ending in a newline.

        The digest of a source (``statementsSha256``) is the SHA-256 of these
        bytes. An on-disk store reads them from the source's snapshot when it
        matches that digest (40 times faster than decoding the graph), else
        from the store.
        """
        if self._snapshots is not None:
            digest = next(
                (
                    quad.object.value  # type: ignore[union-attr]
                    for quad in self._store.quads_for_pattern(
                        graph, _STATEMENTS_SHA256, None, CATALOG_GRAPH
                    )
                ),
                None,
            )
            data = self._snapshots.read(graph.value, digest)
            if data is not None:
                return data
        dump = self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        lines = dumped(dump).splitlines()
        lines.sort()
        return joined_lines(lines)

    def _graph_texts(self) -> Iterator[bytes]:
        """Every graph's statements but the summaries', as N-Triples lines (a graph this
        write wrote as it wrote it, another source's from its snapshot), for the summaries
        to be worked out from (see :meth:`_transaction`)."""
        for _, text in self._named_graph_texts():
            yield text

    def _named_graph_texts(self, skipped: Mapping[str, bytes] | None = None) -> Iterator[
        tuple[str, bytes]
    ]:
        """:meth:`_graph_texts`, each with its graph's name (the default graph's: ``""``),
        but for the graphs named in ``skipped``."""
        for graph in self._store.named_graphs():
            if graph == SUMMARY_GRAPH or (skipped and graph.value in skipped):
                continue
            if isinstance(graph, ox.NamedNode):
                written = self._written.get(graph.value)
                yield graph.value, written if written is not None else self.sorted_statements(
                    graph
                )
            else:
                dump = self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
                yield str(graph), dumped(dump)
        if next(self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None):
            yield "", dumped(
                self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
            )

    def _summaries_meanwhile(self, graph: ox.NamedNode) -> None:
        """While ``graph`` bulk-loads in another thread, work the summaries out and write them,
        when this write will work every summary out again anyway and ``graph`` is the
        largest it writes (see :data:`LOAD_BULK_LOAD_PARTS`: one core is free).

        They are worked out from the statements every graph will hold (the incoming
        sources' as given); :meth:`_early_summaries` checks that at the end. They are
        written only into an empty summary graph: Oxigraph warns that removing statements
        while a bulk load runs may give odd results, so older summaries are replaced at
        the end.
        """
        if graph.value != self._summaries_at or not (
            self._changed_lines is None or not self._was_current
        ):
            return
        self._summaries_at = None
        texts = dict(self._named_graph_texts(skipped=self._incoming))
        texts.update(self._incoming)
        found = text_summary_lines(texts.values())
        if found is None or found.kinds != KINDS:
            return  # a query must read the store: at the end
        wanted = summary_lines(self._store, found=found)  # every kind found: no query
        empty = next(self._store.quads_for_pattern(None, None, None, SUMMARY_GRAPH), None) is None
        if empty:
            write_summary_lines(self._store, wanted, on_disk=True, current=set(), bulk_parts=1)
        self._early = texts, wanted, empty

    def _early_summaries(self) -> tuple[set[bytes] | None, set[bytes] | None]:
        """The summary lines :meth:`_summaries_meanwhile` worked out, if every graph holds
        what it read (or differs only in lines that bear on no summary), else ``None``; and
        the lines it wrote into the summary graph, else ``None``."""
        early, self._early = self._early, None
        if early is None:
            return None, None
        texts, wanted, written = early
        agree = texts_agree(texts, self._named_graph_texts())
        return wanted if agree else None, wanted if written else None

    def _bulk_write(
        self, ntriples: bytes, graph: ox.NamedNode, count: int, *, meanwhile: Callable[[], None]
    ) -> None:
        """Write a new source's statements: one transaction, or a bulk load when large.

        ``meanwhile`` runs in this thread while a bulk load runs in others.
        """
        self._store.add_graph(graph)
        if count < BULK_LOAD_THRESHOLD or self.path is None:
            self._store.load(ntriples, ox.RdfFormat.N_TRIPLES, to_graph=graph)
            meanwhile()
            return

        def both() -> None:
            meanwhile()
            self._summaries_meanwhile(graph)

        self._bulk_load(ntriples, graph, count, meanwhile=both)

    def _bulk_load(
        self,
        ntriples: bytes,
        graph: ox.NamedNode,
        count: int,
        *,
        meanwhile: Callable[[], None] | None = None,
    ) -> None:
        """Bulk-load a new source's ``count`` statements into ``graph``, in this write's parts.

        Not transactional, but 3x faster and 4x smaller on disk; the undo journal
        removes a half-written graph after a crash. Lenient: the statements were
        parsed and checked, then written by Oxigraph.
        """
        bulk_load_in_parts(
            self._store,
            ntriples,
            graph,
            parts=min(self._bulk_parts, count // BULK_LOAD_PART),
            lenient=True,
            after_part=lambda: crash_point("bulk"),
            meanwhile=meanwhile,
        )

    def remove_source(self, name: str) -> SourceInfo:
        """Remove a source: its graph and its description."""
        return self.remove_sources([name])[0]

    def remove_sources(self, names: Iterable[str]) -> list[SourceInfo]:
        """Remove sources, all or none: their graphs and their descriptions.

        A name may also be that of a damaged source (a graph without a catalog
        entry, see :meth:`damaged_sources`), or a graph IRI.
        """
        self._require_writable()
        names = list(names)
        infos = {info.name: info for info in self.sources()}
        orphans = {damage.name: damage for damage in self.damaged_sources() if damage.orphan}
        found = []
        for name in names:
            if name in infos:
                found.append(infos[name])
            elif name in orphans or any(d.graph == name for d in orphans.values()):
                damage = orphans.get(name) or next(d for d in orphans.values() if d.graph == name)
                found.append(
                    SourceInfo(damage.name, damage.graph, "", "", "", "", damage.triples)
                )
            else:
                known = ", ".join(sorted(set(infos) | set(orphans))) or "none"
                raise ConfigError(
                    f"no source called {name!r}", hint=f"sources in this store: {known}"
                )
        graphs = [ox.NamedNode(info.graph) for info in found]
        recorded = merge_records(self._store)
        forgotten = {graph.value: MergeRecord() for graph in graphs if graph.value in recorded}
        images = [self._before_image(graph) for graph in graphs]
        for image in images:
            self._note_statements(image.statements or b"")
        if forgotten:
            images.append(self._before_image(MERGE_RECORD_GRAPH))
        with self._transaction(images):
            self._write_merge_records(forgotten)  # a source removed needs no undoing
            for graph in graphs:
                self._forget_snapshot(graph)
                if self._store.contains_named_graph(graph):
                    self._store.remove_graph(graph)
                crash_point("remove")
                self._remove_description(graph)
            self._drop_unused_agents()
        return found

    def referring_sources(self, name: str) -> dict[str, int]:
        """Other sources that refer to what source ``name`` describes: name to entity count.

        Removing ``name`` leaves their references dangling. A reference is a
        statement of another source's graph with the entity as object, or as
        subject (analysis results state each node's scores on its own IRI).
        """
        info = self.source(name)
        if info is None:
            return {}
        found: dict[str, int] = {}
        for other in self.sources():
            if other.name == name:
                continue
            rows = solutions(self._store.query(
                "SELECT DISTINCT ?r ?g ?x WHERE { "
                "GRAPH ?g { { ?y ?p ?x } UNION { ?x ?q ?z } } GRAPH ?r { ?x a ?class } }",
                substitutions={
                    ox.Variable("r"): ox.NamedNode(info.graph),
                    ox.Variable("g"): ox.NamedNode(other.graph),
                },
            ))
            entities = {row["x"] for row in rows}
            if entities:
                found[other.name] = len(entities)
        return dict(sorted(found.items()))

    def graph_size(self, graph: ox.NamedNode) -> int:
        """The number of triples in one named graph."""
        rows = solutions(
            self._store.query(
                # pyoxigraph substitutes only variables the query projects.
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                substitutions={ox.Variable("g"): graph},
            )
        )
        return next((int(row["n"].value) for row in rows), 0)

    def damaged_sources(self) -> list[SourceDamage]:
        """Sources whose graph and catalog entry disagree, and graphs no source owns.

        A store written by this version never holds any (a write is undone
        unless it completes); older versions could leave a half-written graph.
        """
        infos = {info.graph: info for info in self.sources()}
        prefix = self.base_iri + "source/"
        damaged = []
        for graph in sorted(self._store.named_graphs(), key=lambda g: g.value):
            if not isinstance(graph, ox.NamedNode) or not graph.value.startswith(prefix):
                continue
            if graph.value not in infos:
                name = unquote(graph.value[len(prefix) :])
                size = self.graph_size(graph)
                damaged.append(
                    SourceDamage(name, graph.value, size, "graph without a catalog entry")
                )
        for info in infos.values():
            graph = ox.NamedNode(info.graph)
            size = self.graph_size(graph) if self._store.contains_named_graph(graph) else 0
            if size != info.triples:
                damaged.append(
                    SourceDamage(
                        info.name,
                        info.graph,
                        size,
                        f"holds {size} triples, its catalog entry says {info.triples}",
                        orphan=False,
                    )
                )
        if self._journal.is_pending():
            damaged.append(
                SourceDamage(
                    "", "", 0, "a write is under way or was interrupted (undone on next write)",
                    orphan=False,
                )
            )
        return damaged

    def _description(self, graph: ox.NamedNode) -> list[ox.Quad]:
        activity = ox.NamedNode(graph.value + "/load")
        return [
            quad
            for subject in (graph, activity)
            for quad in self._store.quads_for_pattern(subject, None, None, CATALOG_GRAPH)
        ]

    def _drop_unused_agents(self) -> None:
        """Forget loader agents that no load activity refers to any more."""
        self._store.update(_DROP_UNUSED_AGENTS)

    def _remove_description(self, graph: ox.NamedNode) -> None:
        for quad in self._description(graph):
            self._store.remove(quad)

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError("the store was opened read-only", hint="open it without read_only")

    # ------------------------------------------------------------ reading

    def query(
        self, sparql: str, bindings: Mapping[str, Any] | None = None
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a SPARQL query over the union of all graphs.

        ``bindings`` map variable names to values (rdflib or pyoxigraph terms,
        or plain Python values as literals); they are bound as RDF terms,
        never pasted into the query text.
        """
        substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(name.lstrip("?$")): to_oxigraph(value)
            for name, value in (bindings or {}).items()
            if value is not None
        }
        try:
            return self._store.query(
                sparql,
                use_default_graph_as_union=True,
                substitutions=substitutions,
                prefixes=PREFIXES,
            )
        except SyntaxError as error:
            raise QueryError(f"the SPARQL query is malformed: {error}") from None
        except OSError as error:
            raise QueryError(f"the query failed: {error}") from None

    def select(
        self, sparql: str, bindings: Mapping[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """Rows of a SELECT query as dictionaries of pyoxigraph terms (``None`` if unbound)."""
        result = self.query(sparql, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("select() needs a SELECT query")
        names = [variable.value for variable in result.variables]
        # a solution iterates its values in variable order: twice as fast as by name
        return [dict(zip(names, row, strict=True)) for row in result]

    def ask(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> bool:
        """The answer of an ASK query."""
        return bool(self.query(sparql, bindings))

    def quads(self, graphs: Iterable[ox.NamedNode]) -> Iterator[ox.Quad]:
        """Every quad in the given graphs."""
        for graph in graphs:
            yield from self._store.quads_for_pattern(None, None, None, graph)



_DROP_UNUSED_AGENTS = """
PREFIX prov: <http://www.w3.org/ns/prov#>
DELETE { GRAPH <https://w3id.org/edukg/graph/catalog> { ?agent ?p ?o } }
WHERE { GRAPH <https://w3id.org/edukg/graph/catalog> {
  ?agent a prov:SoftwareAgent ; ?p ?o .
  FILTER NOT EXISTS { ?activity prov:wasAssociatedWith ?agent }
} }
"""


@dataclass
class _NewSource:
    """A new source of :meth:`KnowledgeGraph.write_sources_as_built`, prepared to write."""

    data: SourceData
    graph: ox.NamedNode
    statements: bytes
    digest: str
    total: int
    change: SourceChange
    loading: Future[None] | None = None
    """Its bulk load under way in another thread (``None``: written at the end)."""


def _raise_unsafe(problems: list[Problem]) -> None:
    """Raise the :class:`InputError` of values the store cannot hold, if there are any."""
    if problems:
        raise InputError(
            f"nothing was loaded: {len(problems)} value(s) the store cannot hold safely",
            problems=problems,
            hint="fix the values above in the files and load them again",
        )


@dataclass(frozen=True)
class SourceDamage:
    """A source whose graph and catalog entry disagree (or a graph with no entry)."""

    name: str
    graph: str
    triples: int
    problem: str
    orphan: bool = True
    """True for a graph without a catalog entry: ``remove_sources`` deletes it by name."""


def _mentions(record: MergeRecord | None, iris: set[str]) -> bool:
    """Whether ``record`` holds a statement about one of ``iris`` (as loaded or added)."""
    if not record or not iris:
        return False
    return any(
        term.value in iris
        for triple in (*record.as_loaded, *record.added)
        for term in (triple.subject, triple.object)
        if isinstance(term, ox.NamedNode)
    )


def _roll_back_if_unlocked(path: Path) -> None:
    """Undo an interrupted write before a read-only opening, unless a writer is still at it."""
    try:
        store = ox.Store(str(path))
    except OSError:
        return  # locked: the write is under way; readers see the store as it is
    KnowledgeGraph(store, path=path).close()


_RECORD_VALUES = (
    "VALUES ?class { edukg:Institution edukg:CooperationAgreement "
    "edukg:CooperationEvent edukg:AgreementCount }"
)
_RECORDS_IN_GRAPH = f"SELECT DISTINCT ?g ?r WHERE {{ {_RECORD_VALUES} GRAPH ?g {{ ?r a ?class }} }}"


def _serialised(triples: list[ox.Triple]) -> list[bytes]:
    """``triples`` as one N-Triples chunk (none for no triples)."""
    return [dumped(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))] if triples else []


def _quads_of(lines: list[bytes], graph: ox.NamedNode) -> list[ox.Quad]:
    """N-Triples lines as quads in ``graph``."""
    if not lines:
        return []
    return [
        ox.Quad(t.subject, t.predicate, t.object, graph)
        for t in ox.parse(b"\n".join(lines), ox.RdfFormat.N_TRIPLES)
    ]


def _changed_records(
    changed_subjects: set[str],
    records: set[str],
    new_parties: Mapping[str, set[str]],
    old_parties: Mapping[str, set[str]],
) -> int:
    """How many ``records`` (present before and after) have a statement added or removed.

    A statement about one of an agreement's party nodes changes the agreement.

    >>> _changed_records({"a:p/1", "a:x"}, {"a:g", "a:h"}, {"a:p/1": {"a:g"}}, {})
    1
    """
    changed = set()
    for subject in changed_subjects:
        owners = {subject} | new_parties.get(subject, set()) | old_parties.get(subject, set())
        changed |= owners & records
    return len(changed)
