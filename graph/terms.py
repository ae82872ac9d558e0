"""Conversions between rdflib terms and pyoxigraph terms.

rdflib is the toolkit users and small graphs speak; pyoxigraph is what the
store speaks. Values cross here, never as pasted SPARQL text.

>>> from rdflib import Literal, URIRef
>>> to_oxigraph(Literal("Минск", lang="ru"))
<Literal value=Минск language=ru>
>>> to_rdflib(to_oxigraph(URIRef("https://example.org/a")))
rdflib.term.URIRef('https://example.org/a')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

if TYPE_CHECKING:
    from rdflib.term import Node

# rdflib is imported where a conversion needs it: a query that meets only
# pyoxigraph terms (the CLI's, the store's) does not wait for it to import

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal
Answer = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


def solutions(answer: Answer) -> ox.QuerySolutions:
    """The rows of a SELECT query's answer (a ``TypeError`` for ASK or CONSTRUCT)."""
    if not isinstance(answer, ox.QuerySolutions):
        raise TypeError(f"a SELECT query was expected, not one answering {type(answer).__name__}")
    return answer


def dumped(data: bytes | None) -> bytes:
    """What pyoxigraph's ``dump``/``serialize`` returned when given no output file."""
    if data is None:
        raise TypeError("pyoxigraph wrote to a file instead of returning bytes")
    return data


def to_oxigraph(term: Node | OxTerm | str | int | float | bool) -> OxTerm:
    """An rdflib term (or a plain Python value, as a literal) as a pyoxigraph term."""
    if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal):
        return term
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if not isinstance(term, Literal):
        term = Literal(term)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def to_rdflib(term: Any) -> Node:
    """A pyoxigraph term as an rdflib term."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"not an RDF term: {term!r}")


_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
_XSD_INTEGERS = frozenset(_XSD + name for name in ("integer", "int", "long"))


def python_value(term: Any) -> Any:
    """A result term as the plain Python value a table or JSON shows.

    IRIs become strings, numbers become ``int``/``float``/``Decimal``, other
    literals their lexical form; ``None`` stays ``None``.
    """
    if term is None:
        return None
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return term.value
    datatype = term.datatype.value
    if term.language or datatype == _XSD_STRING:
        return term.value
    if datatype in _XSD_INTEGERS:
        try:
            return int(term.value)  # as rdflib reads them (an ill-typed one stays text)
        except ValueError:
            return str(term.value)
    value = to_rdflib(term).toPython()  # type: ignore[attr-defined]
    return value if isinstance(value, int | float | bool) else str(term.value)
