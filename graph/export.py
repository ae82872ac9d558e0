"""Deterministic linked-data export of the store.

The same store content gives byte-identical output whatever the insertion
order or ``PYTHONHASHSEED``: graphs are written in IRI order and each graph's
statements in sorted N-Triples order. The statements stay bytes as Oxigraph
wrote them: N-Triples and N-Quads are those lines, and the other formats are
Oxigraph's serialisers fed by its parser in that order, so no statement
becomes a Python object on the way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import IO

import pyoxigraph as ox

from edukg.core.controls import CONTROL_CHARACTERS, visible_controls
from edukg.graph.formats import rdf_format
from edukg.graph.sources import CATALOG_GRAPH
from edukg.graph.store import COUNTRIES_GRAPH, ONTOLOGY_GRAPH, KnowledgeGraph
from edukg.graph.terms import dumped
from edukg.ontology.namespace import PREFIXES

_PROV_ASSOCIATED = PREFIXES["prov"] + "wasAssociatedWith"


def export_graphs(
    kg: KnowledgeGraph, *, sources: Sequence[str] | None = None, with_ontology: bool = False
) -> list[ox.NamedNode]:
    """The graphs an export covers: the chosen sources (default: all), optionally the ontology."""
    graphs = kg.graphs_of(sources)
    if with_ontology:
        graphs += [ONTOLOGY_GRAPH, COUNTRIES_GRAPH]
    return sorted(set(graphs), key=lambda g: g.value)


def _sorted_lines(kg: KnowledgeGraph, graph: ox.NamedNode) -> list[bytes]:
    """One graph as N-Triples lines (without line ends), sorted."""
    return kg.sorted_statements(graph).splitlines()


def _catalog_lines(kg: KnowledgeGraph, graphs: Sequence[ox.NamedNode]) -> list[bytes]:
    """The PROV-O descriptions of the exported source graphs, sorted N-Triples lines."""
    subjects = {g.value for g in graphs} | {g.value + "/load" for g in graphs}
    triples = []
    agents: set[ox.NamedNode] = set()
    for quad in kg.oxigraph.quads_for_pattern(None, None, None, CATALOG_GRAPH):
        if quad.subject.value in subjects:  # type: ignore[union-attr]
            triples.append(quad.triple)
            if quad.predicate.value == _PROV_ASSOCIATED and isinstance(quad.object, ox.NamedNode):
                agents.add(quad.object)
    for agent in agents:
        quads = kg.oxigraph.quads_for_pattern(agent, None, None, CATALOG_GRAPH)
        triples += [quad.triple for quad in quads]
    lines = dumped(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)).splitlines()
    return sorted(set(lines))


def _graph_parts(
    kg: KnowledgeGraph, graphs: Sequence[ox.NamedNode]
) -> list[tuple[ox.NamedNode, list[bytes]]]:
    """Each exported graph (the catalog included) with its sorted lines, in graph IRI order."""
    parts = [(graph, _sorted_lines(kg, graph)) for graph in graphs]
    parts.append((CATALOG_GRAPH, _catalog_lines(kg, graphs)))
    parts.sort(key=lambda part: part[0].value)
    return parts


def _merged_lines(parts: list[tuple[ox.NamedNode, list[bytes]]]) -> list[bytes]:
    """All graphs' lines in order; a statement made by two sources is written once."""
    seen: set[bytes] = set()
    merged = []
    for _graph, lines in parts:
        for line in lines:
            if line not in seen:
                seen.add(line)
                merged.append(line)
    return merged


def _quad_lines(parts: list[tuple[ox.NamedNode, list[bytes]]]) -> list[bytes]:
    """N-Quads lines: each N-Triples line (ending in `` .``) with its graph before the dot."""
    quads = []
    for graph, lines in parts:
        suffix = f"<{graph.value}> .".encode()
        quads += [line[:-1] + suffix for line in lines]
    return quads


def export(
    kg: KnowledgeGraph,
    output: IO[bytes],
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
    parts = _graph_parts(kg, export_graphs(kg, sources=sources, with_ontology=with_ontology))
    if target.supports_datasets:
        lines, line_format = _quad_lines(parts), ox.RdfFormat.N_QUADS
    else:
        lines, line_format = _merged_lines(parts), ox.RdfFormat.N_TRIPLES
    del parts
    data = b"\n".join(lines) + b"\n" if lines else b""
    if target == line_format:
        output.write(data)
    else:
        prefixes = PREFIXES if target != ox.RdfFormat.N_TRIPLES else None
        statements = ox.parse(data, line_format)
        if target == ox.RdfFormat.RDF_XML:
            # RDF/XML holds no datasets, so the statements are triples (N-Triples lines)
            triples: Iterable[ox.Triple] = (_xml_safe(s.triple) for s in statements)
            ox.serialize(triples, output, target, prefixes=prefixes)
        else:
            ox.serialize(statements, output, target, prefixes=prefixes)
    return len(lines)


def _xml_safe(triple: ox.Triple) -> ox.Triple:
    """The triple with control characters in its literal as escapes: XML cannot hold them."""
    value = triple.object
    if isinstance(value, ox.Literal) and CONTROL_CHARACTERS.search(value.value):
        text = visible_controls(value.value)
        if value.language:
            value = ox.Literal(text, language=value.language)
        else:
            value = ox.Literal(text, datatype=value.datatype)
        return ox.Triple(triple.subject, triple.predicate, value)
    return triple
