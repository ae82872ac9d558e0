"""SHACL validation of the store's data against ``ontology/shapes.ttl`` with pyshacl.

The data is checked together with the ontology and the countries, so coded
values and countries resolve to the concepts and countries they name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import SH, SKOS, Graph, Literal, URIRef
from rdflib.term import Node

from edukg.core.errors import EdukgError
from edukg.graph.store import COUNTRIES_GRAPH, ONTOLOGY_GRAPH, KnowledgeGraph
from edukg.graph.terms import dumped
from edukg.ontology import shapes_graph
from edukg.ontology.namespace import PREFIXES


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which entity broke which rule, with which value."""

    focus: str
    label: str | None
    path: str | None
    value: str | None
    message: str
    rule: str
    severity: str

    def __str__(self) -> str:
        text = f"{self.focus}"
        if self.label:
            text += f" «{self.label}»"
        if self.path:
            text += f" {self.path}"
        text += f": {self.message}"
        if self.value is not None:
            text += f" (value: {self.value})"
        return text + f" [rule: {self.rule}]"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`."""

    conforms: bool
    violations: list[Violation]


def _short(graph: Graph, node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, URIRef):
        for prefix, namespace in graph.namespaces():
            local = node[len(namespace):]
            if prefix and node.startswith(namespace) and local.replace("_", "a").isalnum():
                return f"{prefix}:{local}"
        return f"<{node}>"
    return str(node.n3(graph.namespace_manager)) if hasattr(node, "n3") else str(node)


def _label(graph: Graph, node: Node | None) -> str | None:
    if node is None:
        return None
    labels = [label for label in graph.objects(node, SKOS.prefLabel) if isinstance(label, Literal)]
    if not labels:
        return None
    return str(min(labels, key=lambda label: (label.language != "ru", str(label))))


def data_graph(kg: KnowledgeGraph, graphs: Sequence[ox.NamedNode] | None = None) -> Graph:
    """An rdflib graph of the chosen source graphs plus ontology and countries."""
    chosen = list(graphs if graphs is not None else kg.data_graphs())
    chosen += [ONTOLOGY_GRAPH, COUNTRIES_GRAPH]
    graph = Graph()
    for name in chosen:
        data = dumped(kg.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name))
        graph.parse(data=data.decode("utf-8"), format="nt")
    return graph


def validate_graph(data: Graph) -> ValidationReport:
    """Validate an rdflib graph that already includes the ontology and countries."""
    from pyshacl import validate as shacl_validate  # heavy: import only when validating

    try:
        conforms, results, _text = shacl_validate(
            data, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True
        )
    except Exception as error:  # noqa: BLE001 - pyshacl raises bare exceptions for bad shapes
        raise EdukgError(f"SHACL validation could not run: {error}") from None
    for prefix, namespace in data.namespaces():
        results.bind(prefix, namespace, override=False)
    violations = []
    # Nested sh:detail results explain a top-level one; report only the top level.
    for result in results.objects(None, SH.result):
        focus = results.value(result, SH.focusNode)
        message = results.value(result, SH.resultMessage)
        rule = results.value(result, SH.sourceConstraintComponent)
        severity = results.value(result, SH.resultSeverity)
        violations.append(
            Violation(
                focus=_short(data, focus) or "?",
                label=str(label) if (label := _label(data, focus)) else None,
                path=_short(data, results.value(result, SH.resultPath)),
                value=_short(data, results.value(result, SH.value)),
                message=str(message) if message else "violates a shape",
                rule=(str(rule).rsplit("#", 1)[-1] if rule else "?"),
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))
    return ValidationReport(conforms=bool(conforms), violations=violations)


def validate(kg: KnowledgeGraph, *, sources: Sequence[str] | None = None) -> ValidationReport:
    """Check the store (or the named sources) against the SHACL shapes."""
    graphs = kg.graphs_of(sources)
    data = data_graph(kg, graphs)
    for prefix, namespace in PREFIXES.items():
        data.bind(prefix, namespace, override=True)
    return validate_graph(data)
