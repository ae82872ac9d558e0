"""Read the network queries (``.rq`` files of ``edukg.queries``) and bind their parameters.

The files follow the catalogue's header format: parameter values go in as a
``VALUES`` row at each ``# @parameters`` line, and ``# @if NAME`` ... ``# @end``
sections are kept only when NAME is bound. Values are pyoxigraph terms, so a
value can never change the shape of the query.

>>> text = "SELECT ?x WHERE {\\n# @parameters\\n# @if year\\nFILTER(?x > ?year)\\n# @end\\n}"
>>> print(bind(text, {"year": 2024}))
SELECT ?x WHERE {
VALUES (?year) { ("2024"^^<http://www.w3.org/2001/XMLSchema#integer>) }
FILTER(?x > ?year)
}
>>> print(bind(text, {"year": None}))
SELECT ?x WHERE {
<BLANKLINE>
}
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from edukg.errors import QueryError
from edukg.graph.terms import to_oxigraph

PARAMETER_MARKER = "# @parameters"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@cache
def query_text(name: str) -> str:
    """The text of ``queries/<name>.rq``, read with importlib.resources."""
    entry = resources.files("edukg.queries").joinpath(f"{name}.rq")
    if not entry.is_file():
        raise QueryError(f"no query file {name}.rq in edukg.queries", hint="reinstall edukg")
    return entry.read_text(encoding="utf-8")


def bind(text: str, values: Mapping[str, Any]) -> str:
    """The query with the given values bound; ``None`` values are left unbound."""
    terms = {}
    for name, value in values.items():
        if not _NAME.fullmatch(name):
            raise QueryError(f"{name!r} cannot be a parameter name")
        if value is not None:
            terms[name] = to_oxigraph(value)
    block = ""
    if terms:
        names = " ".join(f"?{name}" for name in terms)
        row = " ".join(str(term) for term in terms.values())
        block = f"VALUES ({names}) {{ ({row}) }}"
    lines: list[str] = []
    keep: list[bool] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(("# @if ", "# @unless ")):
            keyword, *names = stripped[2:].split()
            wanted = (
                all(n in terms for n in names)
                if keyword == "@if"
                else not any(n in terms for n in names)
            )
            keep.append(wanted)
        elif stripped == "# @end":
            if keep:
                keep.pop()
        elif all(keep):
            lines.append(block if stripped == PARAMETER_MARKER else line)
    return "\n".join(lines)


def select_rows(kg: Any, name: str, **values: Any) -> list[dict[str, Any]]:
    """Run network query ``name`` on a :class:`~edukg.graph.store.KnowledgeGraph`: one query."""
    return kg.select(bind(query_text(name), values))
