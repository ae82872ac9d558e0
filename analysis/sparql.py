"""Run the network queries (``network-*.rq`` files of ``edukg.queries``) on the store.

The files follow the catalogue's header format; values are bound with the
catalogue's binder (:func:`edukg.queries.binding.bind`) as pyoxigraph terms at
each ``# @parameters`` line, and ``# @if NAME`` sections are kept only when NAME
is bound, so a value can never change the shape of the query.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from edukg.core.errors import QueryError
from edukg.graph.terms import to_oxigraph
from edukg.queries.binding import bind as bind_terms


@cache
def query_text(name: str) -> str:
    """The text of ``queries/<name>.rq``, read with importlib.resources."""
    entry = resources.files("edukg.queries").joinpath(f"{name}.rq")
    if not entry.is_file():
        raise QueryError(f"no query file {name}.rq in edukg.queries", hint="reinstall edukg")
    return entry.read_text(encoding="utf-8")


def bind(text: str, values: Mapping[str, Any]) -> str:
    """The query with the given values bound as terms; ``None`` values are left unbound."""
    return bind_terms(text, {name: to_oxigraph(v) for name, v in values.items() if v is not None})


def select_rows(kg: Any, name: str, **values: Any) -> list[dict[str, Any]]:
    """Run network query ``name`` on a :class:`~edukg.graph.store.KnowledgeGraph`: one query."""
    return kg.select(bind(query_text(name), values))
