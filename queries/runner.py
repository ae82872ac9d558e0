"""Run SPARQL on the embedded store, on a plain rdflib graph, or on a remote endpoint.

Every engine's answer comes back as one :class:`QueryResult` of pyoxigraph
terms, so output and tests need not know where it came from.

>>> from edukg.graph.store import KnowledgeGraph
>>> with KnowledgeGraph.in_memory() as kg:
...     result = run_sparql(kg, "SELECT ?code WHERE { country:BY skos:notation ?code }")
>>> result.records()
[{'code': 'BY'}]
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import re
from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox

from edukg.core.errors import ConfigError, QueryError
from edukg.graph.remote import Endpoint
from edukg.graph.results import QueryResult
from edukg.graph.terms import to_oxigraph
from edukg.queries.binding import LANGUAGES, bind, parse_parameters, prefix_declarations
from edukg.queries.catalogue import CatalogueQuery, get_query

__all__ = ["LIST_SEPARATOR", "PAGE_SIZE", "QueryResult", "run_query", "run_sparql"]

LIST_SEPARATOR = "; "
PAGE_SIZE = 100
"""Rows a listing query (one with a ``# @page`` line) returns unless told otherwise."""


# ---------------------------------------------------------------- catalogue


def run_query(
    target: Any,
    name: str | CatalogueQuery,
    params: Mapping[str, str | None] | None = None,
    *,
    lang: str | None = None,
    timeout: float | None = None,
    today: dt.date | None = None,
    limit: int | None = None,
    offset: int = 0,
    use_summaries: bool = True,
) -> QueryResult:
    """Run catalogue query ``name`` with ``params`` (text values, checked and bound as terms).

    ``lang`` fills the query's ``lang`` parameter unless ``params`` sets it.
    ``target`` is a :class:`~edukg.graph.store.KnowledgeGraph`, a pyoxigraph
    ``Store``, an rdflib ``Graph``/``Dataset`` or an :class:`~edukg.graph.remote.Endpoint`.

    Listing queries return one page: ``limit`` rows (:data:`PAGE_SIZE` unless
    given; ``0`` for all) from ``offset`` on, and ``result.more`` says whether
    rows follow. The engine then works out the columns of that page only.
    Other queries return every row unless ``limit`` or ``offset`` is given.

    On an embedded store whose summary statements are current, the query's
    ``# @if summaries`` sections read them (see :func:`section_flags`); with
    ``use_summaries=False`` it runs its portable form, as any other engine does.
    The rows are the same.
    """
    query = get_query(name) if isinstance(name, str) else name
    given = dict(params or {})
    if lang is not None and query.parameter("lang") is not None:
        if lang not in LANGUAGES:
            raise ConfigError(
                f"unknown language {lang!r}", hint=f"use one of {', '.join(LANGUAGES)}"
            )
        given.setdefault("lang", lang)
    terms = parse_parameters(query, given, today=today)
    _check_page(limit, offset)
    if limit is None and query.paged:
        limit = PAGE_SIZE
    in_sparql = bool(query.paged and limit)
    # one row past the page tells whether more follow
    page = (limit + 1, offset) if in_sparql and limit else None
    flags = section_flags(target) if use_summaries else frozenset()
    if "summaries" in flags and "institution" in terms:
        terms = {**terms, **_institution_keys(target, terms["institution"])}
    text = bind(query.text, terms, page=page, flags=flags)
    result = run_sparql(target, text, timeout=timeout, with_prefixes=False)
    if result.kind != "select":
        return result
    if not result.rows and "institution" in terms:
        _require_institution(target, terms["institution"], timeout=timeout)
    if offset and not in_sparql:
        result.rows = result.rows[offset:]
    if limit and len(result.rows) > limit:
        result.rows, result.more = result.rows[:limit], True
    if tuple(result.columns) != query.columns:
        raise QueryError(
            f"catalogue query {query.name} returned columns {', '.join(result.columns)}, "
            f"but its header promises {', '.join(query.columns)}",
            hint=f"fix the SELECT clause or the '# columns:' line of {query.name}.rq",
        )
    return _sort_lists(result, query.lists)


def section_flags(target: Any) -> frozenset[str]:
    """The :data:`~edukg.queries.catalogue.SECTION_FLAGS` that hold for ``target``.

    ``summaries`` only for an embedded Oxigraph store whose summary statements are
    current: a remote endpoint or an rdflib graph has none.

    >>> from edukg.graph.store import KnowledgeGraph
    >>> with KnowledgeGraph.in_memory() as kg:
    ...     sorted(section_flags(kg)), sorted(section_flags(kg.oxigraph))
    (['summaries'], ['summaries'])
    """
    from edukg.graph.summaries import summaries_current

    store = _oxigraph_store(target)
    if store is not None and summaries_current(store):
        return frozenset({"summaries"})
    return frozenset()


_INSTITUTION_KEYS = """SELECT ?institution_key ?institution_last WHERE {
  # @parameters
  BIND(LCASE(?institution) AS ?institution_key)
  BIND(REPLACE(?institution, "^.*/", "") AS ?institution_last)
}"""


def _institution_keys(target: Any, term: ox.NamedNode | ox.Literal) -> dict[str, ox.Literal]:
    """The summary keys an institution's name or IRI is looked up by, worked out by the store.

    ``institution_key``: the value in lower case, as ``LCASE`` makes it (the summary
    ``nameKey``); ``institution_last``: its text after the last ``/`` (``lastSegment``).
    The store's own functions make them, so they match the summaries to the character.
    """
    text = bind(_INSTITUTION_KEYS, {"institution": term})
    (row,) = run_sparql(target, text, with_prefixes=False).rows
    return {"institution_key": row[0], "institution_last": row[1]}  # type: ignore[dict-item]


_INSTITUTION_EXISTS = """ASK {
  { # @parameters
    ?me skos:prefLabel|skos:altLabel|dcterms:identifier ?name
    FILTER(LCASE(STR(?name)) = LCASE(?institution)) }
  UNION
  { # @parameters
    ?me a edukg:Institution
    FILTER(STR(?me) = ?institution || STRENDS(STR(?me), CONCAT("/", ?institution))) }
  ?me a edukg:Institution
}"""


def _require_institution(target: Any, term: Any, *, timeout: float | None) -> None:
    """A :class:`ConfigError` when no institution matches ``term`` (not just no rows)."""
    text = bind(_INSTITUTION_EXISTS, {"institution": term})
    if not run_sparql(target, text, timeout=timeout, with_prefixes=False).boolean:
        from edukg.core.errors import ConfigError

        raise ConfigError(
            f"no institution called {term.value!r}",
            hint="give its identifier, its IRI, the last part of its IRI or one of its names",
        )


def _check_page(limit: int | None, offset: int) -> None:
    """A :class:`ConfigError` unless ``limit`` (when given) and ``offset`` are 0 or more."""
    if (limit is not None and limit < 0) or offset < 0:
        raise ConfigError(
            f"a page needs a limit and an offset of 0 or more, not {limit} and {offset}",
            hint="use e.g. --limit 100 --offset 200, or --limit 0 for every row",
        )


def _sort_lists(result: QueryResult, lists: tuple[str, ...]) -> QueryResult:
    """Sort the items of list columns: GROUP_CONCAT's order is up to each engine."""
    positions = [result.columns.index(column) for column in lists]
    if not positions:
        return result
    rows = []
    for row in result.rows:
        cells = list(row)
        for position in positions:
            cell = cells[position]
            if isinstance(cell, ox.Literal) and cell.value:
                items = sorted(cell.value.split(LIST_SEPARATOR))
                cells[position] = ox.Literal(LIST_SEPARATOR.join(items))
        rows.append(tuple(cells))
    result.rows = rows
    return result


# ---------------------------------------------------------------- any query


def run_sparql(
    target: Any,
    sparql: str,
    *,
    timeout: float | None = None,
    with_prefixes: bool = True,
    allow_service: bool = False,
) -> QueryResult:
    """Run a SPARQL query on ``target``; with ``with_prefixes`` edukg's prefixes are declared first.

    Raises :class:`QueryError` when the query is malformed, fails, or runs past
    ``timeout`` seconds, and when it calls a ``SERVICE`` (a request to another
    server) without ``allow_service``.
    """
    from edukg.queries.service_calls import calls_service

    if not allow_service and calls_service(sparql):
        raise QueryError(
            "the query calls a remote SERVICE; edukg sends no requests to other servers "
            "unless asked",
            hint="add --allow-service if you trust the query and the server it names",
        )
    if is_update(sparql):
        raise QueryError(
            "edukg sparql runs queries only, not updates (INSERT, DELETE, LOAD, CLEAR, DROP ...)",
            hint="change the store with edukg load FILE and edukg sources remove NAME",
        )
    declarations = prefix_declarations() if with_prefixes else ""
    try:
        return _run_sparql(target, declarations + sparql, timeout=timeout)
    except QueryError as error:
        hidden = declarations.count("\n")
        if not hidden:
            raise
        # positions in the message count from the user's first line, not edukg's prefixes
        message = re.sub(
            r"\b(\d+):(\d+)\b",
            lambda m: f"{max(int(m.group(1)) - hidden, 1)}:{m.group(2)}",
            error.message,
        )
        raise QueryError(message, hint=error.hint) from error


def is_update(sparql: str) -> bool:
    """True when the text is a SPARQL Update rather than a query.

    >>> is_update("PREFIX a: <http://a/> INSERT DATA { a:x a:p 1 }"), is_update("SELECT * {}")
    (True, False)
    """
    from edukg.queries.service_calls import without_strings_and_comments

    text = without_strings_and_comments(sparql)
    text = re.sub(r"(?i)^(?:\s*(?:PREFIX\s+[\w.-]*:\s*<>|BASE\s*<>))*\s*", "", text)
    return _UPDATE.match(text) is not None


_UPDATE = re.compile(r"(?i)(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b")


def _run_sparql(target: Any, text: str, *, timeout: float | None) -> QueryResult:
    if timeout is not None and timeout <= 0:
        raise ConfigError(
            f"--timeout must be positive, not {timeout}", hint="give seconds, e.g. --timeout 30"
        )
    if isinstance(target, Endpoint):
        return target.run(text, timeout=timeout)
    store = _oxigraph_store(target)
    if store is not None:
        if timeout is None:
            return _run_on_oxigraph(store, text)
        return _run_with_deadline(store, text, timeout)
    return _run_on_rdflib(target, text)


def _oxigraph_store(target: Any) -> ox.Store | None:
    if isinstance(target, ox.Store):
        return target
    store = getattr(target, "oxigraph", None)
    return store if isinstance(store, ox.Store) else None


def _run_on_oxigraph(store: ox.Store, text: str) -> QueryResult:
    try:
        answer = store.query(text, use_default_graph_as_union=True)
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            return QueryResult("graph", triples=list(answer))
        columns = tuple(variable.value for variable in answer.variables)
        # a solution iterates its values in variable order: twice as fast as by name
        rows = [tuple(solution) for solution in answer]
        return QueryResult("select", columns=columns, rows=rows)
    except SyntaxError as error:
        raise QueryError(f"the SPARQL query is malformed: {error}") from None
    except OSError as error:
        raise QueryError(f"the query failed: {error}") from None


def _run_in_child(store: ox.Store, text: str, connection: Any) -> None:
    try:
        connection.send(("ok", _run_on_oxigraph(store, text)))
    except QueryError as error:
        connection.send(("error", error.message))
    except Exception as error:  # report anything else instead of dying silently
        connection.send(("error", f"the query failed: {error}"))
    finally:
        connection.close()


def _run_with_deadline(store: ox.Store, text: str, timeout: float) -> QueryResult:
    """Run the query in a forked child and kill it at the deadline.

    pyoxigraph cannot interrupt a running query, but a forked child shares the
    open store's pages copy-on-write and can be killed safely; the parent's
    store is untouched.
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_run_in_child, args=(store, text, sender), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryError(
                f"the query ran past the time limit of {timeout:g} s and was stopped",
                hint="raise --timeout, add filters (e.g. -p year=2024), or simplify the query",
            )
        try:
            status, payload = receiver.recv()
        except EOFError:
            raise QueryError(
                f"the query process ended without an answer (exit code {child.exitcode})",
                hint="run it again without --timeout to see the error",
            ) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if status != "ok":
        raise QueryError(payload)
    return payload


def _run_on_rdflib(graph: Any, text: str) -> QueryResult:
    """Run on an rdflib Graph or Dataset (its default graph; the union for a ConjunctiveGraph)."""
    from pyparsing import ParseException

    try:
        answer = graph.query(text)
    except ParseException as error:
        raise QueryError(f"the SPARQL query is malformed: {error}") from error
    except Exception as error:
        raise QueryError(f"the query failed: {error}") from error
    if answer.type == "ASK":
        return QueryResult("ask", boolean=bool(answer.askAnswer))
    if answer.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(
            "graph",
            triples=[
                ox.Triple(*(to_oxigraph(term) for term in triple))  # type: ignore[arg-type]
                for triple in answer.graph
            ],
        )
    columns = tuple(str(variable) for variable in answer.vars)
    rows = [tuple(None if term is None else to_oxigraph(term) for term in row) for row in answer]
    return QueryResult("select", columns=columns, rows=rows)
