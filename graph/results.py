"""What a SPARQL query returned, whichever engine ran it (embedded, rdflib or remote).

>>> import pyoxigraph as ox
>>> QueryResult("select", columns=("code",), rows=[(ox.Literal("BY"),)]).records()
[{'code': 'BY'}]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import pyoxigraph as ox

from edukg.core.errors import QueryError
from edukg.graph.terms import python_value

if TYPE_CHECKING:
    import pandas

Term = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass
class QueryResult:
    """What a query returned: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE)."""

    kind: Literal["select", "ask", "graph"]
    columns: tuple[str, ...] = ()
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    more: bool = False
    """More rows follow this page: ask again with a larger offset, or with ``limit=0``."""

    def records(self) -> list[dict[str, Any]]:
        """Rows as dictionaries of plain Python values (IRIs as strings, numbers as numbers)."""
        return [dict(zip(self.columns, map(python_value, row), strict=True)) for row in self.rows]

    def bindings(self) -> list[dict[str, Term | None]]:
        """Rows as dictionaries of pyoxigraph terms (``None`` where a variable is unbound)."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def dataframe(self) -> pandas.DataFrame:
        """Rows as a pandas DataFrame (needs pandas: ``pip install pandas``)."""
        try:
            import pandas
        except ImportError:
            raise QueryError("a DataFrame needs pandas", hint="pip install pandas") from None
        return pandas.DataFrame(self.records(), columns=list(self.columns))
