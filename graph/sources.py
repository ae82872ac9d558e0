"""What one source contributes, and how it is described with PROV-O.

A source is one input (a file, a URL, a run of an analysis). Its triples live
in a named graph of their own; the catalog graph describes it: what was read,
the SHA-256 of its bytes, when, by which loader and version.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pyoxigraph as ox

from edukg.core.errors import Problem
from edukg.core.version import __version__
from edukg.ontology.iris import PREFIXES, SYSTEM_GRAPH_BASE
from edukg.ontology.iris import agent_iri as agent_iri_text

EDUKG_NS = PREFIXES["edukg"]
PROV = PREFIXES["prov"]
RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
RDFS_LABEL = ox.NamedNode(PREFIXES["rdfs"] + "label")
DCTERMS = PREFIXES["dcterms"]
XSD = PREFIXES["xsd"]

CATALOG_GRAPH = ox.NamedNode(SYSTEM_GRAPH_BASE + "catalog")
"""The named graph that describes the store and every source in it."""

URI_SPACE = ox.NamedNode("http://rdfs.org/ns/void#uriSpace")
"""The catalog's statement of the base IRI the store mints its entities' IRIs under."""


def stored_base_iri(store: ox.Store) -> str | None:
    """The base IRI ``store``'s catalog names, if it names one.

    >>> store = ox.Store()
    >>> stored_base_iri(store)
    >>> store.add(ox.Quad(CATALOG_GRAPH, URI_SPACE, ox.Literal("https://e.x/id/"), CATALOG_GRAPH))
    >>> stored_base_iri(store)
    'https://e.x/id/'
    """
    for quad in store.quads_for_pattern(CATALOG_GRAPH, URI_SPACE, None, CATALOG_GRAPH):
        if isinstance(quad.object, ox.Literal):
            return quad.object.value
    return None


def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


@dataclass
class SourceData:
    """Everything one input contributes, parsed and checked, ready to write.

    The statements come as ``triples``, as N-Triples ``chunks`` (what loaders
    that build many triples hand over: cheaper than Python triples or a store),
    or already ``staged`` in an in-memory Oxigraph store's default graph. Graph
    names are ignored: the store puts a source's statements in the source's own graph.
    """

    name: str
    sha256: str
    loader: str
    triples: list[ox.Triple] = field(default_factory=list)
    staged: ox.Store | None = None
    chunks: list[bytes] = field(default_factory=list)
    """N-Triples as Oxigraph serialises them, in any order, repeats allowed."""
    file_name: str | None = None
    loader_version: str = __version__
    warnings: list[Problem] = field(default_factory=list)
    reference: bool = False
    """True for a registry of organisations (ROR, the world universities list): the
    catalog then types the source ``edukg:ReferenceSource``, so that entity
    resolution can tell what to match against from what reports cooperation."""
    completes_others: bool = False
    """True for a table that holds no statements of its own and only completes
    other sources of the same load (a CORDIS name or project table)."""
    same_as_stored: bool = False
    """Set by a loader whose statements depend only on the file, when the store
    already holds this very file (same bytes, file name, loader and version)
    for the source: the statements are then neither parsed nor compared."""

    def statements(self) -> ox.Store:
        """An in-memory store holding the statements in its default graph."""
        if self.staged is None:
            self.staged = ox.Store()
        if self.chunks:
            self.staged.bulk_load(b"".join(self.chunks), ox.RdfFormat.N_TRIPLES)
            self.chunks = []
        if self.triples:
            self.staged.extend(ox.Quad(t.subject, t.predicate, t.object) for t in self.triples)
            self.triples = []
        return self.staged



def statements_digest(ntriples: bytes) -> str:
    r"""SHA-256 of N-Triples statements in sorted line order: equal for equal graphs.

    >>> statements_digest(b"<a:x> <a:p> <a:y> .\n<a:w> <a:p> <a:y> .\n") == statements_digest(
    ...     b"<a:w> <a:p> <a:y> .\n<a:x> <a:p> <a:y> .\n")
    True
    """
    return hashlib.sha256(joined_lines(sorted(ntriples.splitlines()))).hexdigest()


def joined_lines(lines: list[bytes]) -> bytes:
    r"""N-Triples lines (without line ends) as one text, each line ending in a newline.

    >>> joined_lines([b"<a:s> <a:p> <a:o> ."]), joined_lines([])
    (b'<a:s> <a:p> <a:o> .\n', b'')
    """
    return b"\n".join(lines) + b"\n" if lines else b""


@dataclass(frozen=True)
class SourceInfo:
    """A source as the catalog describes it."""

    name: str
    graph: str
    sha256: str
    loader: str
    loader_version: str
    loaded_at: str
    triples: int
    file_name: str | None = None
    statements_sha256: str | None = None
    reference: bool = False
    """True when the catalog types the source ``edukg:ReferenceSource``."""


@dataclass(frozen=True)
class SourceChange:
    """What writing a source changed in the store."""

    name: str
    added: int
    removed: int
    total: int
    new_source: bool
    records_added: int = 0
    records_removed: int = 0
    records_changed: int = 0

    @property
    def unchanged(self) -> bool:
        """True when the store holds exactly what it held before for this source."""
        return not self.new_source and self.added == 0 and self.removed == 0


def agent_iri(loader: str, version: str) -> ox.NamedNode:
    """The PROV software agent for a loader at a version."""
    return _node(agent_iri_text(loader, version))


def provenance_quads(
    graph: ox.NamedNode,
    data: SourceData,
    triple_count: int,
    digest: str,
    loaded_at: datetime | None = None,
) -> list[ox.Quad]:
    """The PROV-O description of a source, for the catalog graph.

    The source graph is a ``prov:Entity`` (and ``edukg:Source``) generated by a
    load activity that was associated with the loader agent.
    """
    when = (loaded_at or datetime.now(UTC)).replace(microsecond=0).isoformat()
    stamp = ox.Literal(when, datatype=_node(XSD + "dateTime"))
    activity = _node(graph.value + "/load")
    agent = agent_iri(data.loader, data.loader_version)
    quads = [
        (graph, RDF_TYPE, _node(EDUKG_NS + "Source")),
        (graph, RDF_TYPE, _node(PROV + "Entity")),
        (graph, RDFS_LABEL, ox.Literal(data.name)),
        (graph, _node(EDUKG_NS + "sha256"), ox.Literal(data.sha256)),
        (graph, _node(EDUKG_NS + "statementsSha256"), ox.Literal(digest)),
        (
            graph,
            _node(EDUKG_NS + "tripleCount"),
            ox.Literal(str(triple_count), datatype=_node(XSD + "integer")),
        ),
        (graph, _node(PROV + "generatedAtTime"), stamp),
        (graph, _node(PROV + "wasGeneratedBy"), activity),
        (activity, RDF_TYPE, _node(PROV + "Activity")),
        (activity, _node(PROV + "endedAtTime"), stamp),
        (activity, _node(PROV + "wasAssociatedWith"), agent),
        (agent, RDF_TYPE, _node(PROV + "SoftwareAgent")),
        (agent, RDFS_LABEL, ox.Literal(f"edukg {data.loader} loader {data.loader_version}")),
        (agent, _node(PREFIXES["schema"] + "softwareVersion"), ox.Literal(data.loader_version)),
    ]
    if data.reference:
        quads.append((graph, RDF_TYPE, _node(EDUKG_NS + "ReferenceSource")))
    if data.file_name:
        quads.append((graph, _node(DCTERMS + "source"), ox.Literal(data.file_name)))
        quads.append((activity, _node(PROV + "used"), ox.Literal(data.file_name)))
    return [ox.Quad(s, p, o, CATALOG_GRAPH) for s, p, o in quads]  # type: ignore[arg-type]


SOURCES_QUERY = (
    "".join(
        f"PREFIX {name}: <{PREFIXES[name]}>\n"
        for name in ("edukg", "prov", "rdfs", "dcterms", "schema")
    )
    + f"""SELECT ?graph ?name ?sha ?count ?time ?loader ?version ?file ?digest ?reference WHERE {{
  GRAPH {CATALOG_GRAPH} {{
    ?graph a edukg:Source ; rdfs:label ?name ; edukg:sha256 ?sha ;
           edukg:tripleCount ?count ; prov:generatedAtTime ?time ;
           prov:wasGeneratedBy/prov:wasAssociatedWith ?agent .
    ?agent schema:softwareVersion ?version .
    BIND (REPLACE(STR(?agent), "^.*/agent/([^/]+)/.*$", "$1") AS ?loader)
    OPTIONAL {{ ?graph dcterms:source ?file }}
    OPTIONAL {{ ?graph edukg:statementsSha256 ?digest }}
    OPTIONAL {{ ?graph a edukg:ReferenceSource BIND (true AS ?reference) }}
  }}
}}
ORDER BY ?name
"""
)
"""Lists the sources described in the catalog graph."""
