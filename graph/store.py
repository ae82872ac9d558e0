"""The knowledge graph store: embedded Oxigraph, one named graph per source.

>>> from edukg.graph.store import KnowledgeGraph
>>> with KnowledgeGraph.in_memory() as kg:
...     kg.ask("ASK { ?c <http://www.w3.org/2004/02/skos/core#notation> 'BY' }")
True
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pycountry
import pyoxigraph as ox

from edukg import __version__
from edukg.errors import ConfigError, QueryError, StoreError
from edukg.graph.settings import DEFAULT_BASE_IRI, check_base_iri
from edukg.graph.sources import (
    CATALOG_GRAPH,
    EDUKG_NS,
    RDF_TYPE,
    SOURCES_QUERY,
    SourceChange,
    SourceData,
    SourceInfo,
    provenance_quads,
)
from edukg.graph.terms import to_oxigraph
from edukg.ontology import countries_graph, ontology_text
from edukg.ontology.namespace import PREFIXES, SYSTEM_GRAPH_BASE

ONTOLOGY_GRAPH = ox.NamedNode(SYSTEM_GRAPH_BASE + "ontology")
COUNTRIES_GRAPH = ox.NamedNode(SYSTEM_GRAPH_BASE + "countries")
REFERENCE_GRAPHS = (ONTOLOGY_GRAPH, COUNTRIES_GRAPH)
"""Graphs edukg writes itself: the ontology and the generated countries."""

_URI_SPACE = ox.NamedNode("http://rdfs.org/ns/void#uriSpace")
_SHA256 = ox.NamedNode(EDUKG_NS + "sha256")
BULK_LOAD_THRESHOLD = 10_000
"""Sources adding more triples than this are written with Oxigraph's bulk loader."""
_RECORD_CLASSES = frozenset(
    ox.NamedNode(EDUKG_NS + name)
    for name in ("Institution", "CooperationAgreement", "CooperationEvent", "AgreementCount")
)


def _reference_fingerprint() -> str:
    """Changes whenever the ontology or the country data edukg writes would change."""
    digest = hashlib.sha256()
    digest.update(__version__.encode())
    digest.update(pycountry.__version__.encode() if hasattr(pycountry, "__version__") else b"")
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
        stored = self._stored_base_iri()
        if base_iri and stored and base_iri != stored and self.sources():
            raise ConfigError(
                f"the store was built with base IRI {stored!r}, not {base_iri!r}",
                hint="drop --base-iri/EDUKG_BASE_IRI, or use a new --store for the new base",
            )
        self.base_iri = base_iri or stored or DEFAULT_BASE_IRI
        if not read_only:
            if self.base_iri != stored:
                self._store.remove(ox.Quad(CATALOG_GRAPH, _URI_SPACE, ox.Literal(stored or ""), CATALOG_GRAPH))
                self._store.add(ox.Quad(CATALOG_GRAPH, _URI_SPACE, ox.Literal(self.base_iri), CATALOG_GRAPH))
            self._install_reference_data()

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
                hint="load data first (edukg load FILE or edukg demo), or point --store/EDUKG_STORE at a store",
            )
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path} is a file, not a store directory", hint="use --store DIR")
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

    # ------------------------------------------------------------ reference data

    def _stored_base_iri(self) -> str | None:
        for quad in self._store.quads_for_pattern(CATALOG_GRAPH, _URI_SPACE, None, CATALOG_GRAPH):
            return quad.object.value
        return None

    def _install_reference_data(self) -> None:
        fingerprint = ox.Literal(_reference_fingerprint())
        current = ox.Quad(ONTOLOGY_GRAPH, _SHA256, fingerprint, CATALOG_GRAPH)
        if current in self._store:
            return
        for graph in REFERENCE_GRAPHS:
            if self._store.contains_named_graph(graph):
                self._store.remove_graph(graph)
        for quad in list(self._store.quads_for_pattern(ONTOLOGY_GRAPH, _SHA256, None, CATALOG_GRAPH)):
            self._store.remove(quad)
        self._store.load(ontology_text(), ox.RdfFormat.TURTLE, to_graph=ONTOLOGY_GRAPH)
        countries = countries_graph().serialize(format="nt", encoding="utf-8")
        self._store.load(countries, ox.RdfFormat.N_TRIPLES, to_graph=COUNTRIES_GRAPH)
        self._store.add(current)

    # ------------------------------------------------------------ sources

    def source_graph(self, name: str) -> ox.NamedNode:
        """The named graph that holds source ``name``."""
        return ox.NamedNode(f"{self.base_iri}source/{quote(name, safe='-._~')}")

    def sources(self) -> list[SourceInfo]:
        """Every source in the store, by name."""
        rows = self._store.query(SOURCES_QUERY)
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
            )
            for row in rows
        ]

    def source(self, name: str) -> SourceInfo | None:
        """The source called ``name``, or ``None``."""
        return next((info for info in self.sources() if info.name == name), None)

    def graphs_of(self, names: Iterable[str] | None = None) -> list[ox.NamedNode]:
        """The graphs of the named sources (all sources when ``names`` is empty), sorted.

        An unknown name raises :class:`~edukg.errors.ConfigError` listing the known ones.
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

    def write_sources(self, sources: Iterable[SourceData]) -> list[SourceChange]:
        """Write parsed, checked sources, each replacing what it held before.

        Callers check everything first: this only writes. A source whose
        triples are unchanged is left exactly as it was.
        """
        self._require_writable()
        changes = []
        for data in sources:
            changes.append(self._write_source(data))
        if self.path is not None:
            self._store.flush()
        return changes

    def _write_source(self, data: SourceData) -> SourceChange:
        graph = self.source_graph(data.name)
        existed = self._store.contains_named_graph(graph) or self.source(data.name) is not None
        new = set(data.triples)
        # The old graph is compared in place, never copied into Python: a source
        # may hold millions of triples.
        if existed:
            added, removed = self._difference(graph, new)
        else:
            added, removed = new, set()
        if existed and not added and not removed:
            return SourceChange(data.name, 0, 0, len(new), new_source=False)
        records = _record_changes(new, added, removed)
        if existed:
            self._remove_description(graph)
        to_write = added
        if existed and len(removed) > BULK_LOAD_THRESHOLD:
            self._store.remove_graph(graph)
            to_write = new
        else:
            # Only the difference is written, so editing one row of a large file is quick.
            for triple in removed:
                self._store.remove(ox.Quad(triple.subject, triple.predicate, triple.object, graph))
        self._store.add_graph(graph)
        quads = (ox.Quad(t.subject, t.predicate, t.object, graph) for t in to_write)
        if len(to_write) > BULK_LOAD_THRESHOLD:
            # Several times faster on disk; not atomic, but the input was checked before.
            self._store.bulk_extend(quads)
        else:
            self._store.extend(quads)
        self._store.extend(provenance_quads(graph, data, len(new)))
        return SourceChange(
            data.name,
            added=len(added),
            removed=len(removed),
            total=len(new),
            new_source=not existed,
            records_added=records[0],
            records_removed=records[1],
            records_changed=records[2],
        )

    def _difference(
        self, graph: ox.NamedNode, new: set[ox.Triple]
    ) -> tuple[set[ox.Triple], set[ox.Triple]]:
        """Triples to add to and remove from ``graph`` so that it holds ``new``.

        Compared as N-Triples lines, which Oxigraph writes the same way for the
        store and for Python terms: much faster than looking up each triple.
        """
        old_lines = set(
            self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).splitlines()
        )
        new_lines = set(ox.serialize(new, format=ox.RdfFormat.N_TRIPLES).splitlines())

        def triples(lines: set[bytes]) -> set[ox.Triple]:
            if not lines:
                return set()
            return {
                ox.Triple(q.subject, q.predicate, q.object)
                for q in ox.parse(b"\n".join(lines), ox.RdfFormat.N_TRIPLES)
            }

        return triples(new_lines - old_lines), triples(old_lines - new_lines)

    def remove_source(self, name: str) -> SourceInfo:
        """Remove a source: its graph and its description."""
        self._require_writable()
        info = self.source(name)
        if info is None:
            known = ", ".join(i.name for i in self.sources()) or "none"
            raise ConfigError(f"no source called {name!r}", hint=f"sources in this store: {known}")
        graph = ox.NamedNode(info.graph)
        if self._store.contains_named_graph(graph):
            self._store.remove_graph(graph)
        self._remove_description(graph)
        if self.path is not None:
            self._store.flush()
        return info

    def _remove_description(self, graph: ox.NamedNode) -> None:
        activity = ox.NamedNode(graph.value + "/load")
        for subject in (graph, activity):
            for quad in list(self._store.quads_for_pattern(subject, None, None, CATALOG_GRAPH)):
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
        substitutions = {
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

    def select(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a SELECT query as dictionaries of pyoxigraph terms (``None`` if unbound)."""
        result = self.query(sparql, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("select() needs a SELECT query")
        names = [variable.value for variable in result.variables]
        return [{name: row[name] for name in names} for row in result]

    def ask(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> bool:
        """The answer of an ASK query."""
        return bool(self.query(sparql, bindings))

    def quads(self, graphs: Iterable[ox.NamedNode]) -> Iterator[ox.Quad]:
        """Every quad in the given graphs."""
        for graph in graphs:
            yield from self._store.quads_for_pattern(None, None, None, graph)

    def graph_size(self, graph: ox.NamedNode) -> int:
        """The number of triples in one named graph."""
        result = self._store.query(
            # pyoxigraph substitutes only variables the query projects.
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
            substitutions={ox.Variable("g"): graph},
        )
        return next((int(row["n"].value) for row in result), 0)


def _record_changes(
    new: set[ox.Triple], added: set[ox.Triple], removed: set[ox.Triple]
) -> tuple[int, int, int]:
    """Counts of records (institutions, agreements, events) added, removed and changed.

    The old graph is ``new - added | removed``. A record changed when a triple
    about it, or about a node only it points to (its agreement parties), was
    added or removed; a record naming another record does not change with it.
    """

    def records(triples: Iterable[ox.Triple]) -> set[Any]:
        return {t.subject for t in triples if t.predicate == RDF_TYPE and t.object in _RECORD_CLASSES}

    after = records(new)
    if not removed and added is new:
        return len(after), 0, 0
    before = (after - records(added)) | records(removed)
    known = before | after
    touched: set[Any] = {t.subject for t in added} | {t.subject for t in removed}
    parts = touched - known
    owner: dict[Any, set[Any]] = defaultdict(set)
    if parts:
        for triple in chain(new, removed):
            if triple.object in parts and triple.subject in known:
                owner[triple.object].add(triple.subject)
    changed = set()
    for subject in touched:
        if subject in before and subject in after:
            changed.add(subject)
        for record in owner.get(subject, ()):
            if record in before and record in after:
                changed.add(record)
    return len(after - before), len(before - after), len(changed)
