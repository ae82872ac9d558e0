"""The query catalogue: named, parameterised SPARQL queries (``.rq`` files beside this module).

Each catalogue query is also a function here, named with ``_`` for ``-``, that
takes the store (or an rdflib graph, or an :class:`~edukg.queries.endpoint.Endpoint`)
and keyword parameters, and returns rows as dictionaries:

>>> from edukg.graph.store import KnowledgeGraph
>>> import edukg.queries as queries
>>> with KnowledgeGraph.in_memory() as kg:
...     queries.cooperation_by_year(kg)
[]

:func:`dataframe` gives the same rows as a pandas DataFrame.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from edukg.queries.catalogue import CatalogueQuery, Parameter, get_query, load_catalogue
from edukg.queries.runner import QueryResult, run_query, run_sparql

__all__ = [
    "CatalogueQuery",
    "Parameter",
    "QueryResult",
    "dataframe",
    "get_query",
    "load_catalogue",
    "rows",
    "run",
    "run_query",
    "run_sparql",
]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def run(
    target: Any,
    name: str,
    *,
    lang: str | None = None,
    timeout: float | None = None,
    limit: int | None = None,
    offset: int = 0,
    **params: Any,
) -> QueryResult:
    """Run catalogue query ``name``; parameters as keywords (``year=2024``, ``on=date(...)``).

    Listings return a page of :data:`~edukg.queries.runner.PAGE_SIZE` rows unless
    ``limit`` says otherwise (``limit=0``: every row); ``.more`` tells if rows follow.
    """
    given = {key: _text(value) for key, value in params.items() if value is not None}
    return run_query(target, name, given, lang=lang, timeout=timeout, limit=limit, offset=offset)


def rows(target: Any, name: str, **options: Any) -> list[dict[str, Any]]:
    """Rows of catalogue query ``name`` as dictionaries of plain Python values."""
    return run(target, name, **options).records()


def dataframe(target: Any, name: str, **options: Any) -> Any:
    """Rows of catalogue query ``name`` as a pandas DataFrame (needs pandas)."""
    return run(target, name, **options).dataframe()


def __getattr__(attribute: str) -> Callable[..., list[dict[str, Any]]]:
    name = attribute.replace("_", "-")
    if attribute.startswith("_") or name not in load_catalogue():
        raise AttributeError(f"module 'edukg.queries' has no attribute {attribute!r}")
    query = load_catalogue()[name]

    def catalogue_function(target: Any, **options: Any) -> list[dict[str, Any]]:
        return rows(target, name, **options)

    catalogue_function.__name__ = attribute
    catalogue_function.__doc__ = f"{query.title()}: {query.description()}\n\nParameters: " + (
        ", ".join(p.describe() for p in query.parameters) or "none"
    )
    return catalogue_function
