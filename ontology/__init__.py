"""The edukg ontology: OWL terms, SKOS concept schemes, SHACL shapes, countries.

>>> from edukg.ontology import ontology_graph
>>> len(ontology_graph()) > 100
True
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from edukg.ontology.iris import PREFIXES

if TYPE_CHECKING:
    from rdflib import Graph

    from edukg.ontology.countries import countries_graph, country_code, country_iri
    from edukg.ontology.namespace import EDUKG, SCHEMES

_LAZY = {
    "countries_graph": "edukg.ontology.countries",
    "country_code": "edukg.ontology.countries",
    "country_iri": "edukg.ontology.countries",
    "EDUKG": "edukg.ontology.namespace",
    "SCHEMES": "edukg.ontology.namespace",
}
"""Names whose modules import rdflib: imported when first used, so queries need not wait."""


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "EDUKG",
    "PREFIXES",
    "SCHEMES",
    "countries_graph",
    "country_code",
    "country_iri",
    "ontology_graph",
    "ontology_text",
    "shapes_graph",
    "shapes_text",
]


def ontology_text() -> str:
    """The Turtle text of ``ontology/edukg.ttl``."""
    return resources.files("edukg.ontology").joinpath("edukg.ttl").read_text("utf-8")


def shapes_text() -> str:
    """The Turtle text of ``ontology/shapes.ttl``."""
    return resources.files("edukg.ontology").joinpath("shapes.ttl").read_text("utf-8")


@cache
def _parsed(name: str) -> Graph:
    from rdflib import Graph

    text = ontology_text() if name == "ontology" else shapes_text()
    return Graph().parse(data=text, format="turtle")


def ontology_graph() -> Graph:
    """The ontology (classes, properties, concept schemes) as a new rdflib graph."""
    from rdflib import Graph

    graph = Graph()
    graph += _parsed("ontology")
    return graph


def shapes_graph() -> Graph:
    """The SHACL shapes as a new rdflib graph."""
    from rdflib import Graph

    graph = Graph()
    graph += _parsed("shapes")
    return graph
