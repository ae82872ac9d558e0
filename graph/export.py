"""Deterministic linked-data export of the store.

The same store content gives byte-identical output whatever the insertion
order or ``PYTHONHASHSEED``: graphs are written in IRI order and each graph's
statements in sorted N-Triples order before Oxigraph serialises them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

import pyoxigraph as ox

from edukg.graph.formats import rdf_format
from edukg.graph.sources import CATALOG_GRAPH
from edukg.graph.store import COUNTRIES_GRAPH, ONTOLOGY_GRAPH, KnowledgeGraph
from edukg.ontology.namespace import PREFIXES


def export_graphs(
    kg: KnowledgeGraph, *, sources: Sequence[str] | None = None, with_ontology: bool = False
) -> list[ox.NamedNode]:
    """The graphs an export covers: the chosen sources (default: all), optionally the ontology."""
    graphs = kg.graphs_of(sources)
    if with_ontology:
        graphs += [ONTOLOGY_GRAPH, COUNTRIES_GRAPH]
    return sorted(set(graphs), key=lambda g: g.value)


def _sorted_triples(kg: KnowledgeGraph, graph: ox.NamedNode) -> bytes:
    """One graph as N-Triples with its lines sorted."""
    data = kg.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
    lines = data.splitlines()
    lines.sort()
    return b"\n".join(lines) + (b"\n" if lines else b"")


def _catalog_triples(kg: KnowledgeGraph, graphs: Sequence[ox.NamedNode]) -> bytes:
    """The PROV-O descriptions of the exported source graphs, sorted N-Triples."""
    subjects = {g.value for g in graphs} | {g.value + "/load" for g in graphs}
    lines = []
    agents = set()
    for quad in kg.oxigraph.quads_for_pattern(None, None, None, CATALOG_GRAPH):
        if quad.subject.value in subjects:
            lines.append(str(ox.Triple(quad.subject, quad.predicate, quad.object)).encode() + b" .")
            if quad.predicate.value == "http://www.w3.org/ns/prov#wasAssociatedWith":
                agents.add(quad.object)
    for agent in agents:
        for quad in kg.oxigraph.quads_for_pattern(agent, None, None, CATALOG_GRAPH):
            lines.append(str(ox.Triple(quad.subject, quad.predicate, quad.object)).encode() + b" .")
    lines = sorted(set(lines))
    return b"\n".join(lines) + (b"\n" if lines else b"")


def _quads(kg: KnowledgeGraph, graphs: Sequence[ox.NamedNode], *, keep_graphs: bool) -> Iterator[ox.Quad]:
    parts = [(g, _sorted_triples(kg, g)) for g in graphs]
    parts.append((CATALOG_GRAPH, _catalog_triples(kg, graphs)))
    parts.sort(key=lambda part: part[0].value)
    seen: set[ox.Triple] = set()
    for graph, data in parts:
        for triple in ox.parse(data, ox.RdfFormat.N_TRIPLES):
            if keep_graphs:
                yield ox.Quad(triple.subject, triple.predicate, triple.object, graph)
            elif triple not in seen:  # a statement made by two sources is written once
                seen.add(triple)
                yield ox.Quad(triple.subject, triple.predicate, triple.object)


def export(
    kg: KnowledgeGraph,
    output: BinaryIO,
    format_name: str,
    *,
    sources: Sequence[str] | None = None,
    with_ontology: bool = False,
) -> int:
    """Write the chosen graphs to ``output`` in format ``ttl nt nq trig jsonld xml``.

    Dataset formats (nq, trig) keep each source in its named graph and the
    sources' PROV-O descriptions in the catalog graph; the others merge all
    into one graph. Returns the number of statements written.
    """
    target = rdf_format(format_name)
    graphs = export_graphs(kg, sources=sources, with_ontology=with_ontology)
    quads = list(_quads(kg, graphs, keep_graphs=target.supports_datasets))
    if target.supports_datasets:
        ox.serialize(quads, output, target, prefixes=PREFIXES)
    else:
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        prefixes = PREFIXES if target != ox.RdfFormat.N_TRIPLES else None
        ox.serialize(triples, output, target, prefixes=prefixes)
    return len(quads)
