"""Run one SPARQL request on the store and write its answer in the negotiated format.

These functions run inside a worker child (see :mod:`edukg.web.work`): they
read the store, check the row cap, and hand back bytes ready to send.

>>> from edukg.graph.store import KnowledgeGraph
>>> with KnowledgeGraph.in_memory() as kg:
...     answer = answer_query(kg, "ASK { country:BY ?p ?o }", Negotiated(
...         "application/sparql-results+json", "text/turtle"), row_cap=10)
>>> answer.media_type, answer.body
('application/sparql-results+json', b'{"head":{},"boolean":true}')
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from edukg.core.errors import ConfigError, QueryError
from edukg.ontology.namespace import PREFIXES
from edukg.queries.runner import QueryResult, run_sparql
from edukg.queries.service_calls import without_strings_and_comments
from edukg.web.negotiation import GRAPH_TYPES, RESULT_TYPES
from edukg.web.work import RowCapExceeded


class NotAcceptable(ConfigError):
    """The client accepts none of the formats this answer can be written in (HTTP 406)."""


class ServiceRefused(QueryError):
    """The query calls another endpoint with SERVICE, which the server does not allow."""


@dataclass(frozen=True)
class Negotiated:
    """The media types the client chose: for rows and booleans, and for graphs (or ``None``)."""

    results: str | None
    graph: str | None


@dataclass(frozen=True)
class Answer:
    """Bytes ready to send, with their media type."""

    media_type: str
    body: bytes


_CALLS_OUT = re.compile(r"(?<![\w:?$])(?:SERVICE|LOAD)(?![\w:-])", re.IGNORECASE)


def calls_out(text: str) -> bool:
    r"""Whether a query or update would fetch from elsewhere: ``SERVICE`` or ``LOAD``.

    Keywords in strings, IRIs and comments do not count; ``\u`` escapes, which
    SPARQL resolves before parsing, are resolved first.

    >>> calls_out('SELECT * { SERVICE <http://x.example/sparql> { ?s ?p ?o } }')
    True
    >>> calls_out('SELECT * { \\u0053ERVICE <http://x.example/sparql> { ?s ?p ?o } }')
    True
    >>> calls_out('LOAD <http://x.example/data.ttl>')
    True
    >>> calls_out('SELECT ?service { ?service ex:service "SERVICE" } # SERVICE')
    False
    """
    return bool(_CALLS_OUT.search(without_strings_and_comments(text)))


def refuse_service(text: str) -> None:
    """Raise :class:`ServiceRefused` if the query or update would fetch from elsewhere."""
    if calls_out(text):
        raise ServiceRefused(
            "SERVICE and LOAD (fetching from other servers) are not allowed on this server",
            hint="query the other endpoint yourself, or start edukg serve with --allow-service",
        )


def answer_query(
    kg: Any,
    text: str,
    negotiated: Negotiated,
    *,
    row_cap: int,
    default_graphs: tuple[str, ...] = (),
    named_graphs: tuple[str, ...] = (),
) -> Answer:
    """Run a query (edukg's prefixes predeclared; default graph: every graph's union)."""
    if default_graphs or named_graphs:
        result = _run_on_dataset(kg, text, default_graphs, named_graphs)
    else:
        # the server's SERVICE policy (refuse_service) was applied by the caller
        result = run_sparql(kg, text, allow_service=True)
    check_row_cap(result, row_cap)
    if result.kind == "graph":
        if negotiated.graph is None:
            raise NotAcceptable(
                "the client accepts no RDF format for this CONSTRUCT or DESCRIBE answer",
                hint="accept one of " + ", ".join(GRAPH_TYPES),
            )
        return Answer(negotiated.graph, graph_bytes(result.triples, negotiated.graph))
    if negotiated.results is None:
        raise NotAcceptable(
            "the client accepts no results format for this SELECT or ASK answer",
            hint="accept one of " + ", ".join(RESULT_TYPES),
        )
    return Answer(negotiated.results, result_bytes(result, negotiated.results))


def check_row_cap(result: QueryResult, row_cap: int) -> None:
    """Raise :class:`RowCapExceeded` when a result holds more than ``row_cap`` rows or triples."""
    size = len(result.triples) if result.kind == "graph" else len(result.rows)
    if size > row_cap:
        raise RowCapExceeded(
            f"the answer has {size} rows, more than this server's cap of {row_cap}",
            hint="add a LIMIT (and OFFSET for the next pages), or filters",
        )


def _run_on_dataset(
    kg: Any, text: str, default_graphs: tuple[str, ...], named_graphs: tuple[str, ...]
) -> QueryResult:
    """Run with the protocol's ``default-graph-uri`` and ``named-graph-uri`` datasets."""
    try:
        default = [ox.NamedNode(iri) for iri in default_graphs]
        named = [ox.NamedNode(iri) for iri in named_graphs]
    except ValueError as error:
        raise ConfigError(f"a graph IRI is not valid: {error}") from None
    try:
        answer = kg.oxigraph.query(
            text,
            prefixes=PREFIXES,
            default_graph=default or None,
            named_graphs=named or None,
            use_default_graph_as_union=not default,
        )
    except SyntaxError as error:
        raise QueryError(f"the SPARQL query is malformed: {error}") from None
    except OSError as error:
        raise QueryError(f"the query failed: {error}") from None
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        return QueryResult("graph", triples=list(answer))
    columns = tuple(variable.value for variable in answer.variables)
    return QueryResult("select", columns=columns, rows=[tuple(row) for row in answer])


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        cell = {"type": "literal", "value": term.value}
        if term.language:
            cell["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            cell["datatype"] = term.datatype.value
        return cell
    raise QueryError(f"cannot write {term!r} in SPARQL results", hint="leave out triple terms")


def results_json(result: QueryResult) -> bytes:
    """SPARQL 1.1 Query Results JSON of a SELECT or ASK result.

    >>> results_json(QueryResult("select", columns=("x",), rows=[(ox.Literal("Минск"),)]))
    b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"\\xd0\\x9c\\xd0\\xb8\\xd0\\xbd\\xd1\\x81\\xd0\\xba"}}]}}'
    """
    if result.kind == "ask":
        data: dict[str, Any] = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [
            {column: _json_term(term) for column, term in zip(result.columns, row, strict=True)
             if term is not None}
            for row in result.rows
        ]
        data = {"head": {"vars": list(result.columns)}, "results": {"bindings": bindings}}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def result_bytes(result: QueryResult, media_type: str) -> bytes:
    """A SELECT or ASK result in ``media_type`` (JSON written here, others by pyoxigraph)."""
    body = results_json(result)
    target = RESULT_TYPES[media_type]
    if target == ox.QueryResultsFormat.JSON:
        return body
    parsed = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=target) or b""


def graph_bytes(triples: list[ox.Triple], media_type: str) -> bytes:
    """Triples in ``media_type``; Turtle with edukg's prefixes."""
    target = GRAPH_TYPES[media_type]
    if target == ox.RdfFormat.TURTLE:
        return ox.serialize(triples, format=target, prefixes=PREFIXES) or b""
    return ox.serialize(triples, format=target) or b""


def run_update(kg: Any, text: str) -> None:
    """Apply a SPARQL Update to the store (edukg's prefixes predeclared) and flush it."""
    from edukg.graph.summaries import mark_stale
    from edukg.queries.binding import prefix_declarations

    # an update may change what the summary statements say: readers take the
    # portable forms until they are worked out again
    mark_stale(kg.oxigraph)
    try:
        kg.oxigraph.update(prefix_declarations() + text)
    except SyntaxError as error:
        raise QueryError(f"the SPARQL update is malformed: {error}") from None
    except OSError as error:
        raise QueryError(f"the update failed: {error}") from None
    finally:
        kg.refresh_summaries()  # flushes the store
