"""Coded values (institution, agreement and event kinds, cooperation areas,
party roles) looked up in the SKOS concept schemes of the ontology.

A value matches a concept by its notation or any of its ru, be or en
preferred or alternative labels, ignoring case, quotes and ё/е.

>>> vocabulary = Vocabulary.from_ontology()
>>> vocabulary.concept("event-kind", "Круглый стол").value
'https://w3id.org/edukg/concept/event-kind/round_table'
>>> vocabulary.concept("institution-kind", "гимназия").value
'https://w3id.org/edukg/concept/institution-kind/gymnasium'
>>> vocabulary.concept("event-kind", "banquet") is None
True
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox
from rdflib import RDF, SKOS

from edukg.core.suggestions import did_you_mean
from edukg.ontology import ontology_graph
from edukg.ontology.namespace import SCHEMES
from edukg.ontology.normalize import normalize_name


@dataclass
class Vocabulary:
    """Every concept of every scheme, indexed by its normalised names."""

    index: dict[str, dict[str, ox.NamedNode]] = field(default_factory=lambda: defaultdict(dict))
    notations: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    labels: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    _seen: dict[tuple[str, str], ox.NamedNode | None] = field(default_factory=dict, repr=False)

    @classmethod
    @cache
    def from_ontology(cls) -> Vocabulary:
        """The vocabulary of ``ontology/edukg.ttl`` (read once per process)."""
        graph = ontology_graph()
        vocabulary = cls()
        scheme_names = {str(iri): name for name, iri in SCHEMES.items()}
        for concept in sorted(graph.subjects(RDF.type, SKOS.Concept), key=str):
            scheme = scheme_names.get(str(graph.value(concept, SKOS.inScheme)))
            if scheme is None:
                continue
            node = ox.NamedNode(str(concept))
            names = [str(n) for n in graph.objects(concept, SKOS.notation)]
            vocabulary.notations[scheme].extend(names)
            for predicate in (SKOS.prefLabel, SKOS.altLabel):
                for label in graph.objects(concept, predicate):
                    names.append(str(label))
                    if predicate == SKOS.prefLabel:
                        language = getattr(label, "language", None) or ""
                        vocabulary.labels[node.value][language] = str(label)
            for name in names:
                vocabulary.index[scheme].setdefault(normalize_name(name), node)
                vocabulary.index[scheme].setdefault(normalize_name(name.replace("_", " ")), node)
        return vocabulary

    def concept(self, scheme: str, value: str) -> ox.NamedNode | None:
        """The concept of ``scheme`` named by ``value``, or ``None``."""
        key = (scheme, value)
        if key not in self._seen:
            self._seen[key] = self.index[scheme].get(normalize_name(value))
        return self._seen[key]

    def suggestions(self, scheme: str, value: str, limit: int = 3) -> list[str]:
        """Names close to ``value`` in ``scheme``, for "did you mean" hints."""
        return did_you_mean(normalize_name(value), self.index[scheme], limit=limit)

    def hint(self, scheme: str, value: str) -> str:
        """A hint for an unknown coded value: the closest names, and where the list is."""
        close = self.suggestions(scheme, value)
        known = ", ".join(self.notations[scheme])
        if close:
            return f"did you mean {' or '.join(repr(c) for c in close)}? Known values: {known}"
        return f"use one of: {known} (or their ru/be/en names)"
