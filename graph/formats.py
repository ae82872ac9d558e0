"""RDF serialisation formats by short name and file extension.

>>> rdf_format("ttl").name, rdf_format_for_path("data/x.jsonld").name
('Turtle', 'JSON-LD')
"""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import RdfFormat

from edukg.core.errors import ConfigError

FORMATS: dict[str, RdfFormat] = {
    "ttl": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "nq": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "jsonld": RdfFormat.JSON_LD,
    "xml": RdfFormat.RDF_XML,
}
"""Export format names as the CLI spells them."""

_EXTENSIONS: dict[str, RdfFormat] = {
    ".ttl": RdfFormat.TURTLE,
    ".turtle": RdfFormat.TURTLE,
    ".nt": RdfFormat.N_TRIPLES,
    ".ntriples": RdfFormat.N_TRIPLES,
    ".nq": RdfFormat.N_QUADS,
    ".nquads": RdfFormat.N_QUADS,
    ".trig": RdfFormat.TRIG,
    ".jsonld": RdfFormat.JSON_LD,
    ".json-ld": RdfFormat.JSON_LD,
    ".rdf": RdfFormat.RDF_XML,
    ".owl": RdfFormat.RDF_XML,
    ".xml": RdfFormat.RDF_XML,
}

RDF_EXTENSIONS = tuple(sorted(_EXTENSIONS))
"""File extensions read as RDF."""


def rdf_format(name: str) -> RdfFormat:
    """The format for a short name (``ttl nt nq trig jsonld xml``)."""
    try:
        return FORMATS[name.lower()]
    except KeyError:
        raise ConfigError(
            f"unknown RDF format {name!r}", hint=f"use one of: {', '.join(FORMATS)}"
        ) from None


def rdf_format_for_path(path: str | Path) -> RdfFormat | None:
    """The format a file's extension names, or ``None`` if it is not an RDF file."""
    return _EXTENSIONS.get(Path(path).suffix.lower())
