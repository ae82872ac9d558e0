"""The query catalogue: named, parameterised SPARQL queries (``.rq`` files beside this module).

One way to run them: :func:`run` takes the store (or an rdflib graph, or an
:class:`~edukg.graph.remote.Endpoint`), a query's name and its parameters as
keywords; :func:`rows` gives the rows as dictionaries of plain values and
:func:`dataframe` as a pandas DataFrame:

>>> from edukg.graph.store import KnowledgeGraph
>>> import edukg.queries as queries
>>> with KnowledgeGraph.in_memory() as kg:
...     queries.rows(kg, "cooperation-by-year")
[]

Queries whose header has a ``# @internal`` line (the ``network-*`` extracts the
analysis builds its networks from) run the same way but are left out of
:func:`user_catalogue`, the list ``edukg queries`` shows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from edukg.graph.results import QueryResult
from edukg.queries.catalogue import (
    CatalogueQuery,
    Parameter,
    get_query,
    load_catalogue,
    user_catalogue,
)
from edukg.queries.runner import run_query, run_sparql

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
    "user_catalogue",
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
