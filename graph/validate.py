"""SHACL validation of the store's data against ``ontology/shapes.ttl`` with pyshacl.

The data is checked together with the ontology and the countries, so coded
values and countries resolve to the concepts and countries they name.

SPARQL-based constraints (``sh:sparql``) are evaluated by Oxigraph once per
constraint over every focus node of its target class, not by pyshacl once per
focus node: pyshacl parses and runs the query for each node, which took five
minutes for the 3,500 agreement parties of the CORDIS demo.
"""

from __future__ import annotations

import re
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


@dataclass(frozen=True)
class SparqlConstraint:
    """One ``sh:sparql`` constraint of a shape that targets a class."""

    target_class: str
    select: str
    message: str


def split_sparql_constraints(shapes: Graph) -> tuple[Graph, list[SparqlConstraint]]:
    """The shapes without their ``sh:sparql`` constraints, and those constraints."""
    remaining = Graph()
    for triple in shapes:
        remaining.add(triple)
    constraints = []
    for shape, _, constraint in list(shapes.triples((None, SH.sparql, None))):
        remaining.remove((shape, SH.sparql, constraint))
        for target in shapes.objects(shape, SH.targetClass):
            constraints.append(
                SparqlConstraint(
                    str(target),
                    str(shapes.value(constraint, SH.select)),
                    str(shapes.value(constraint, SH.message) or "violates a SPARQL constraint"),
                )
            )
    return remaining, constraints


def _sparql_violations(
    data: Graph, store: ox.Store, constraints: list[SparqlConstraint]
) -> list[Violation]:
    prefixes = "".join(f"PREFIX {p}: <{n}>\n" for p, n in PREFIXES.items())
    violations = []
    for constraint in constraints:
        query = constraint.select.replace("$this", "?this")
        query = query.replace("WHERE {", f"WHERE {{ ?this a <{constraint.target_class}> .", 1)
        solutions = store.query(prefixes + query)
        variables = solutions.variables  # type: ignore[union-attr]
        for solution in solutions:  # type: ignore[union-attr]
            values = {
                variable.value: _rdflib_term(solution[variable])
                for variable in variables
                if solution[variable] is not None
            }
            focus = values.get("this")
            message = re.sub(
                r"\{[?$](\w+)\}",
                lambda m, values=values: str(values.get(m.group(1), "")),  # type: ignore[misc]
                constraint.message,
            )
            violations.append(
                Violation(
                    focus=_short(data, focus) or "?",
                    label=str(label) if (label := _label(data, focus)) else None,
                    path=_short(data, values.get("path")),
                    value=_short(data, values.get("value")),
                    message=message,
                    rule="SPARQLConstraintComponent",
                    severity="Violation",
                )
            )
    return violations


def _rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return URIRef(str(term))


def _oxigraph_of(data: Graph) -> ox.Store:
    store = ox.Store()
    store.load(data.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def validate_graph(data: Graph) -> ValidationReport:
    """Validate an rdflib graph that already includes the ontology and countries."""
    from pyshacl import validate as shacl_validate  # heavy: import only when validating

    shapes, constraints = split_sparql_constraints(shapes_graph())
    try:
        conforms, results, _text = shacl_validate(
            data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
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
    violations += _sparql_violations(data, _oxigraph_of(data), constraints)
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))
    return ValidationReport(conforms=bool(conforms) and not violations, violations=violations)


def validate(kg: KnowledgeGraph, *, sources: Sequence[str] | None = None) -> ValidationReport:
    """Check the store (or the named sources) against the SHACL shapes."""
    graphs = kg.graphs_of(sources)
    data = data_graph(kg, graphs)
    for prefix, namespace in PREFIXES.items():
        data.bind(prefix, namespace, override=True)
    return validate_graph(data)
