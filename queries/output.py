"""Write query results as a table, CSV, TSV, JSON or Markdown, or as RDF.

Text is UTF-8 throughout, so Cyrillic labels come out as they are.

>>> import pyoxigraph as ox
>>> from edukg.graph.results import QueryResult
>>> result = QueryResult("select", columns=("country", "agreements"),
...                      rows=[(ox.Literal("BY"), ox.Literal("3", datatype=ox.NamedNode(
...                          "http://www.w3.org/2001/XMLSchema#integer")))])
>>> print(format_rows(result, "md"), end="")
| country | agreements |
| --- | --- |
| BY | 3 |
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pyoxigraph as ox

from edukg.core.cells import spreadsheet_safe
from edukg.core.controls import visible_controls
from edukg.core.errors import ConfigError
from edukg.graph.results import QueryResult
from edukg.graph.terms import python_value
from edukg.ontology.iris import PREFIXES

ROW_FORMATS = ("table", "csv", "tsv", "json", "md")
BOXED_TABLE_ROWS = 1_000
"""Largest result drawn in a box (:func:`boxed_result`); longer ones are printed by
:func:`plain_table`, in columns that are never folded."""
RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def _cell(value: Any) -> str:
    """A value as text to show: control characters written as escapes (``\\x1b``)."""
    return "" if value is None else visible_controls(str(value))


def format_rows(result: QueryResult, format_name: str, *, neutralise: bool = True) -> str:
    """A SELECT or ASK result as text in ``format_name`` (one of :data:`ROW_FORMATS`, not table).

    In CSV and TSV a value a spreadsheet would run as a formula gets a leading
    apostrophe, unless ``neutralise`` is false (see :mod:`edukg.core.cells`).
    """
    if result.kind == "ask":
        if format_name == "json":
            return json.dumps({"boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    records = result.records()
    if format_name == "json":
        return json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n"
    if format_name in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(
            buffer, delimiter="," if format_name == "csv" else "\t", lineterminator="\n"
        )
        writer.writerow(result.columns)
        for record in records:
            writer.writerow(
                [
                    spreadsheet_safe(_cell(record[column]), neutralise=neutralise)
                    for column in result.columns
                ]
            )
        return buffer.getvalue()
    if format_name == "md":

        def escape(text: str) -> str:
            return text.replace("|", "\\|").replace("\n", " ")

        lines = [
            "| " + " | ".join(result.columns) + " |",
            "| " + " | ".join("---" for _ in result.columns) + " |",
        ]
        lines += [
            "| " + " | ".join(escape(_cell(r[c])) for c in result.columns) + " |" for r in records
        ]
        return "\n".join(lines) + "\n"
    raise ConfigError(
        f"unknown result format {format_name!r}", hint=f"use one of {', '.join(ROW_FORMATS)}"
    )


def boxed_result(result: QueryResult, *, title: str | None = None, width: int = 400) -> str:
    """The rows in a box at most ``width`` cells wide, for the terminal (see
    :func:`~edukg.queries.boxed_table.boxed_table`); no final newline."""
    from edukg.queries.boxed_table import boxed_table

    cells = [[_cell(python_value(term)) for term in row] for row in result.rows]
    return boxed_table(result.columns, cells, title=title, width=width)


def plain_table(result: QueryResult, *, title: str | None = None) -> str:
    """The rows in aligned columns: a header, a rule and one line per row, nothing folded.

    For results too long for :func:`boxed_result`. Columns are padded by the width the
    text takes on a terminal, so Cyrillic lines up as Latin does.

    >>> import pyoxigraph as ox
    >>> from edukg.graph.results import QueryResult
    >>> result = QueryResult("select", columns=("country", "label"),
    ...                      rows=[(ox.Literal("BY"), ox.Literal("Беларусь")),
    ...                            (ox.Literal("KZ"), None)])
    >>> print(plain_table(result), end="")
    country  label
    -------  --------
    BY       Беларусь
    KZ
    """
    from rich.cells import cell_len

    header = list(result.columns)
    cells = [[_cell(python_value(term)).replace("\n", " ") for term in row] for row in result.rows]
    lengths = [[cell_len(text) for text in row] for row in [header, *cells]]
    widths = [max(column) for column in zip(*lengths, strict=True)]

    def line(texts: list[str], taken: list[int]) -> str:
        padded = [t + " " * (w - n) for t, w, n in zip(texts, widths, taken, strict=True)]
        return "  ".join(padded).rstrip() + "\n"

    lines = [f"{title}\n"] if title else []
    lines.append(line(header, lengths[0]))
    lines.append(line(["-" * width for width in widths], widths))
    lines.extend(line(row, taken) for row, taken in zip(cells, lengths[1:], strict=True))
    return "".join(lines)


def serialize_graph(result: QueryResult, format_name: str) -> bytes:
    """CONSTRUCT or DESCRIBE triples as Turtle, N-Triples or JSON-LD bytes."""
    if format_name not in RDF_FORMATS:
        raise ConfigError(
            f"a CONSTRUCT or DESCRIBE result cannot be written as {format_name!r}",
            hint=f"use -f {', -f '.join(RDF_FORMATS)}",
        )
    rdf_format = RDF_FORMATS[format_name]
    prefixes = PREFIXES if rdf_format is ox.RdfFormat.TURTLE else None
    output = (
        ox.serialize(result.triples, format=rdf_format, prefixes=prefixes)
        if prefixes
        else ox.serialize(result.triples, format=rdf_format)
    )
    return output or b""
