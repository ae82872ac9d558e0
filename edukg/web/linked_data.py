"""Linked data: entity IRIs that resolve, the dataset description (VoID, DCAT) and the dump.

An entity IRI under the public base answers with content negotiation: an
HTML page for people (labels in the chosen language, relations as links,
the sources that state them and their provenance), Turtle, N-Triples,
JSON-LD or RDF/XML for machines. Other IRIs (countries, concepts) are shown
at ``/resource?iri=...``.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, cast
from urllib.parse import urlencode

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response

from edukg.graph.sources import CATALOG_GRAPH, SourceInfo
from edukg.graph.store import COUNTRIES_GRAPH, ONTOLOGY_GRAPH
from edukg.ontology.namespace import PREFIXES
from edukg.queries.binding import values_block
from edukg.web.config import ServerConfig
from edukg.web.errors import BadRequest, NotFound
from edukg.web.negotiation import GRAPH_TYPES, format_choice, prefers_html
from edukg.web.pages import Cell, cell, entity_href, page_language, render
from edukg.web.sparql_run import graph_bytes
from edukg.web.work import StoreWork

LABEL_PREDICATES = (
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "https://schema.org/name",
)
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
Term = ox.NamedNode | ox.BlankNode | ox.Literal

_OUTGOING = """SELECT ?p ?o ?g WHERE { # entity
  GRAPH ?g { ?entity ?p ?o } }"""
_INCOMING = """SELECT ?s ?p ?g WHERE { # entity
  GRAPH ?g { ?s ?p ?entity } } LIMIT 500"""


@dataclass
class EntityView:
    """What the entity page shows; every IRI it names comes with its best label."""

    iri: str
    outgoing: list[tuple[ox.NamedNode, Term, str]] = field(default_factory=list)
    incoming: list[tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, str]] = field(
        default_factory=list
    )
    labels: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """IRI -> its labels as (language, text)."""
    sources: dict[str, SourceInfo] = field(default_factory=dict)
    """Graph IRI -> the source it holds (reference graphs have none)."""
    triples: list[ox.Triple] = field(default_factory=list)

    def label(self, iri: str, lang: str) -> str | None:
        """The label of ``iri`` in ``lang``, else without language, else in any."""
        found = self.labels.get(iri, [])
        for wanted in (lang, "", "en", "ru", "be"):
            for language, value in found:
                if language == wanted:
                    return value
        return found[0][1] if found else None


def compact(iri: str) -> str:
    """``prefix:name`` for an IRI under one of edukg's prefixes, else the IRI.

    >>> compact("http://www.w3.org/2004/02/skos/core#prefLabel")
    'skos:prefLabel'
    """
    for prefix, namespace in PREFIXES.items():
        rest = iri[len(namespace):]
        if iri.startswith(namespace) and rest and all(c.isalnum() or c in "_-" for c in rest):
            return f"{prefix}:{rest}"
    return iri


def _bound_query(template: str, iri: str) -> str:
    """The query with ``?entity`` bound by a VALUES block (the IRI is a checked term)."""
    try:
        node = ox.NamedNode(iri)
    except ValueError as error:
        raise BadRequest(f"{iri!r} is not an IRI: {error}") from None
    return template.replace("# entity", values_block({"entity": node}), 1)


def entity_job(kg: Any, iri: str) -> EntityView:
    """Read one entity's statements, its neighbours' labels and the sources that state them."""
    view = EntityView(iri)
    subject = ox.NamedNode(iri)
    for row in kg.oxigraph.query(_bound_query(_OUTGOING, iri)):
        view.outgoing.append((row["p"], row["o"], row["g"].value))
    for row in kg.oxigraph.query(_bound_query(_INCOMING, iri)):
        view.incoming.append((row["s"], row["p"], row["g"].value))
    if not view.outgoing and not view.incoming:
        raise NotFound(f"nothing is known about {iri}", hint="check the IRI, or search on /")
    triples = {ox.Triple(subject, p, o) for p, o, _ in view.outgoing}
    triples |= {ox.Triple(s, p, subject) for s, p, _ in view.incoming}
    view.triples = sorted(triples, key=str)
    named = {iri} | {
        term.value
        for row in (*view.outgoing, *view.incoming)
        for term in row[:2]
        if isinstance(term, ox.NamedNode)
    }
    nodes = " ".join(str(ox.NamedNode(value)) for value in sorted(named))
    predicates = " ".join(f"<{p}>" for p in LABEL_PREDICATES)
    query = (
        f"SELECT ?n ?l WHERE {{ VALUES ?n {{ {nodes} }} VALUES ?p {{ {predicates} }} ?n ?p ?l }}"
    )
    for row in kg.oxigraph.query(query, use_default_graph_as_union=True):
        literal = row["l"]
        if isinstance(literal, ox.Literal):
            language = literal.language or ""
            view.labels.setdefault(row["n"].value, []).append((language, literal.value))
    for labels in view.labels.values():
        labels.sort()
    graphs = {graph for *_, graph in (*view.outgoing, *view.incoming)}
    view.sources = {info.graph: info for info in kg.sources() if info.graph in graphs}
    return view


def _graph_name(graph: str, view: EntityView, reference: str) -> str:
    if graph in view.sources:
        return view.sources[graph].name
    if graph in (ONTOLOGY_GRAPH.value, COUNTRIES_GRAPH.value, CATALOG_GRAPH.value):
        return f"{graph.rsplit('/', 1)[-1]} ({reference})"
    return graph


async def entity(request: Request) -> Response:
    """An entity IRI under the public base, at its own path."""
    config: ServerConfig = request.app.state.config
    return await _describe(request, config.public_iri(request.url.path))


async def resource(request: Request) -> Response:
    """``/resource?iri=``: any IRI in the store; ours redirect to their own path."""
    config: ServerConfig = request.app.state.config
    iri = request.query_params.get("iri", "")
    if not iri:
        raise BadRequest("name the resource: /resource?iri=IRI")
    local = config.local_path(iri)
    if local is not None:
        rest = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "iri"])
        return RedirectResponse(local + ("?" + rest if rest else ""), status_code=303)
    return await _describe(request, iri)


async def _describe(request: Request, iri: str) -> Response:
    work: StoreWork = request.app.state.work
    config: ServerConfig = request.app.state.config
    accept = request.headers.get("accept")
    format_name = request.query_params.get("format")
    view = await work.run(entity_job, iri)
    if not format_name and prefers_html(accept):
        return _entity_page(request, view, config)
    media_type = format_choice(format_name, accept, GRAPH_TYPES, graph=True)
    if media_type is None:
        from edukg.web.sparql_run import NotAcceptable

        raise NotAcceptable(
            f"{iri} is available as HTML and as " + ", ".join(GRAPH_TYPES),
            hint="send one of them in Accept",
        )
    return Response(graph_bytes(view.triples, media_type), media_type=media_type,
                    headers={"Vary": "Accept"})


def _entity_page(request: Request, view: EntityView, config: ServerConfig) -> Response:
    lang = page_language(request)
    words = {"ru": "справочные данные edukg", "be": "даведачныя даныя edukg",
             "en": "edukg reference data"}

    def linked(term: Any) -> Cell:
        shown = cell(term, config, lang)
        if isinstance(term, ox.NamedNode):
            label = view.label(term.value, lang)
            return Cell(label or compact(term.value), shown.href)
        return shown

    outgoing = [(linked(p), linked(o), _graph_name(g, view, words[lang]))
                for p, o, g in view.outgoing if p.value != RDF_TYPE]
    types = [linked(o) for p, o, _ in view.outgoing if p.value == RDF_TYPE]
    incoming = [(linked(s), linked(p), _graph_name(g, view, words[lang]))
                for s, p, g in view.incoming]
    here = entity_href(view.iri, config)
    joiner = "&" if "?" in here else "?"
    formats = {name: f"{here}{joiner}format={name}" for name in ("ttl", "nt", "jsonld", "rdfxml")}
    return render(
        request, "entity.html", lang,
        iri=view.iri,
        title=view.label(view.iri, lang) or view.iri,
        labels=view.labels.get(view.iri, []),
        types=sorted(set(types), key=lambda c: c.text),
        outgoing=sorted(outgoing, key=lambda row: (row[0].text, row[1].text)),
        incoming=sorted(incoming, key=lambda row: (row[1].text, row[0].text)),
        sources=sorted(view.sources.values(), key=lambda info: info.name),
        formats=formats,
    )


# ---------------------------------------------------------------- dataset description and dump

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def dataset_job(kg: Any, server: str, public_base: str) -> list[ox.Triple]:
    """VoID and DCAT description of the store, as served from ``server`` (ends in ``/``)."""
    dataset = _n(server + "dataset")
    service = _n(server + "sparql")
    dump = _n(server + "dump.nq.gz")
    distribution = _n(server + "dataset#dump")
    a = _n(RDF_TYPE)
    sources = kg.sources()
    total = sum(info.triples for info in sources)

    def integer(value: int) -> ox.Literal:
        return ox.Literal(str(value), datatype=_n(XSD + "integer"))

    triples = [
        ox.Triple(dataset, a, _n(VOID + "Dataset")),
        ox.Triple(dataset, a, _n(DCAT + "Dataset")),
        ox.Triple(dataset, _n(DCT + "title"), ox.Literal("edukg knowledge graph", language="en")),
        ox.Triple(dataset, _n(DCT + "title"),
                  ox.Literal("Граф знаний edukg: международное сотрудничество в образовании",
                             language="ru")),
        ox.Triple(dataset, _n(VOID + "sparqlEndpoint"), service),
        ox.Triple(dataset, _n(VOID + "dataDump"), dump),
        ox.Triple(dataset, _n(VOID + "uriSpace"), ox.Literal(public_base)),
        ox.Triple(dataset, _n(VOID + "triples"), integer(total)),
        ox.Triple(dataset, _n(DCAT + "distribution"), distribution),
        ox.Triple(distribution, a, _n(DCAT + "Distribution")),
        ox.Triple(distribution, _n(DCAT + "downloadURL"), dump),
        ox.Triple(distribution, _n(DCAT + "mediaType"),
                  _n("https://www.iana.org/assignments/media-types/application/n-quads")),
        ox.Triple(distribution, _n(DCAT + "compressFormat"),
                  _n("https://www.iana.org/assignments/media-types/application/gzip")),
        ox.Triple(dataset, _n(DCAT + "accessService"), service),
        ox.Triple(service, a, _n(DCAT + "DataService")),
        ox.Triple(service, _n(DCAT + "endpointURL"), service),
        ox.Triple(service, _n(DCAT + "servesDataset"), dataset),
    ]
    for info in sources:
        subset = _n(info.graph)
        triples += [
            ox.Triple(dataset, _n(VOID + "subset"), subset),
            ox.Triple(subset, a, _n(VOID + "Dataset")),
            ox.Triple(subset, _n(DCT + "title"), ox.Literal(info.name)),
            ox.Triple(subset, _n(VOID + "triples"), integer(info.triples)),
            ox.Triple(subset, _n(DCT + "modified"),
                      ox.Literal(info.loaded_at, datatype=_n(XSD + "dateTime"))),
        ]
    return triples


def _server_root(request: Request) -> str:
    return str(request.base_url).rstrip("/") + "/"


async def dataset(request: Request) -> Response:
    """``/dataset`` and ``/.well-known/void``: the VoID and DCAT description."""
    work: StoreWork = request.app.state.work
    config: ServerConfig = request.app.state.config
    triples = await work.run(dataset_job, _server_root(request), config.public_base)
    media_type = format_choice(request.query_params.get("format"), request.headers.get("accept"),
                               GRAPH_TYPES, graph=True) or "text/turtle"
    return Response(graph_bytes(triples, media_type), media_type=media_type,
                    headers={"Vary": "Accept"})


def dump_job(kg: Any, folder: str) -> str:
    """Write the gzipped N-Quads dump (the deterministic export) once per store state.

    The file is named after the digests of every source, so a changed store
    writes a new dump and an unchanged one is served from the file.
    """
    from edukg.graph.export import export

    digest = hashlib.sha256()
    for info in kg.sources():
        digest.update(f"{info.graph} {info.statements_sha256} {info.triples}\n".encode())
    path = Path(folder) / f"edukg-{digest.hexdigest()[:16]}.nq.gz"
    if path.exists():
        return str(path)
    partial = path.with_suffix(f".{os.getpid()}.part")
    with partial.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                   filename="") as compressed:
        export(kg, cast(BinaryIO, compressed), "nq", with_ontology=True)
    partial.replace(path)
    return str(path)


async def dump(request: Request) -> Response:
    """``/dump.nq.gz``: every graph as gzipped N-Quads, with the sources' provenance."""
    work: StoreWork = request.app.state.work
    folder: str = request.app.state.dump_folder
    if work.writable:
        raise BadRequest("dumps are made from read-only servers only",
                         hint="use edukg export while the store takes updates")
    config: ServerConfig = request.app.state.config
    path = await work.run(dump_job, folder, time_limit=config.page_time_limit)
    return FileResponse(path, media_type="application/gzip", filename="edukg.nq.gz")
