"""Content negotiation: which media type to answer in, from ``Accept`` or a ``format`` parameter.

>>> best_match("text/csv;q=0.5, application/sparql-results+json", RESULT_TYPES)
'application/sparql-results+json'
>>> best_match("*/*", GRAPH_TYPES)
'text/turtle'
>>> best_match("image/png", GRAPH_TYPES) is None
True
"""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox

RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
"""SELECT and ASK results: media type -> format; the first is the default."""

GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
"""CONSTRUCT and DESCRIBE results, entity descriptions: media type -> format."""

FORMAT_NAMES: dict[str, tuple[str, str]] = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", ""),
    "tsv": ("text/tab-separated-values", ""),
    "turtle": ("", "text/turtle"),
    "ttl": ("", "text/turtle"),
    "nt": ("", "application/n-triples"),
    "ntriples": ("", "application/n-triples"),
    "n-triples": ("", "application/n-triples"),
    "jsonld": ("", "application/ld+json"),
    "json-ld": ("", "application/ld+json"),
    "rdfxml": ("", "application/rdf+xml"),
    "rdf": ("", "application/rdf+xml"),
}
"""``format=`` / ``output=`` short names (as SPARQLWrapper sends) -> (results type, RDF type)."""


def _accepted(accept: str) -> list[tuple[str, float, int]]:
    """(media range, quality, position) of each ``Accept`` entry."""
    entries = []
    for position, part in enumerate(accept.split(",")):
        pieces = [piece.strip() for piece in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        quality = 1.0
        for parameter in pieces[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        entries.append((media, quality, position))
    return entries


def _matches(media_range: str, media_type: str) -> bool:
    if media_range in ("*/*", "*"):
        return True
    if media_range.endswith("/*"):
        return media_type.startswith(media_range[:-1])
    return media_range == media_type


def best_match(accept: str | None, offered: Mapping[str, object]) -> str | None:
    """The offered media type the client prefers; the first offered one for no ``Accept``.

    Exact types beat wildcards; among equals the client's order wins, then ours.
    """
    if not accept or not accept.strip():
        return next(iter(offered))
    best: tuple[float, int, int, int] | None = None
    chosen = None
    for order, media_type in enumerate(offered):
        for media_range, quality, position in _accepted(accept):
            if quality <= 0 or not _matches(media_range, media_type):
                continue
            specific = 0 if "*" in media_range else 1
            key = (quality, specific, -position, -order)
            if best is None or key > best:
                best, chosen = key, media_type
    return chosen


def format_choice(format_name: str | None, accept: str | None, offered: Mapping[str, object],
                  *, graph: bool) -> str | None:
    """The media type to answer with: the ``format`` parameter wins over ``Accept``.

    >>> format_choice("json", None, GRAPH_TYPES, graph=True)
    'application/ld+json'
    """
    if format_name:
        named = FORMAT_NAMES.get(format_name.strip().lower())
        if named is not None and named[1 if graph else 0]:
            return named[1 if graph else 0]
        if format_name in offered:
            return format_name
    return best_match(accept, offered)


def prefers_html(accept: str | None) -> bool:
    """Whether a browser asks: ``text/html`` is acceptable and ranks above RDF and JSON.

    >>> prefers_html("text/html,application/xhtml+xml,*/*;q=0.8")
    True
    >>> prefers_html("text/turtle, */*;q=0.1"), prefers_html("*/*")
    (False, False)
    """
    if not accept or "text/html" not in accept.lower():
        return False
    offered = {"text/html": None, **GRAPH_TYPES, "application/json": None}
    return best_match(accept, offered) == "text/html"
