"""Counts of what the store holds, per class and per source.

>>> from edukg.graph import KnowledgeGraph
>>> store_stats(KnowledgeGraph.in_memory()).total_triples
0
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from edukg.graph.store import KnowledgeGraph
from edukg.graph.terms import solutions
from edukg.ontology.iris import PREFIXES

CLASS_NAMES = {
    PREFIXES["edukg"] + "Institution": "institutions",
    PREFIXES["edukg"] + "CooperationAgreement": "agreements",
    PREFIXES["edukg"] + "AgreementParty": "agreement parties",
    PREFIXES["edukg"] + "CooperationEvent": "events",
    PREFIXES["edukg"] + "AgreementCount": "agreement counts",
    PREFIXES["schema"] + "AdministrativeArea": "regions",
    PREFIXES["schema"] + "Country": "countries",
}
"""Classes reported by name; other classes are reported as prefixed names."""


def class_name(iri: str) -> str:
    """A readable name for a class IRI: ours by name, others as ``prefix:local``."""
    if iri in CLASS_NAMES:
        return CLASS_NAMES[iri]
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and iri[len(namespace):].isidentifier():
            return f"{prefix}:{iri[len(namespace):]}"
    return iri

_PER_GRAPH_CLASS = """
SELECT ?g ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?class } }
GROUP BY ?g ?class
"""


@dataclass
class StoreStats:
    """Entity counts per class (over all sources) and per source."""

    per_class: Counter[str] = field(default_factory=Counter)
    per_source: dict[str, Counter[str]] = field(default_factory=dict)
    triples_per_source: dict[str, int] = field(default_factory=dict)

    @property
    def total_triples(self) -> int:
        """Triples in all sources together."""
        return sum(self.triples_per_source.values())


def store_stats(kg: KnowledgeGraph) -> StoreStats:
    """Count entities per class and per source (reference graphs left out)."""
    sources = {info.graph: info for info in kg.sources()}
    stats = StoreStats()
    for info in sources.values():
        stats.per_source[info.name] = Counter()
        stats.triples_per_source[info.name] = info.triples
    for row in solutions(kg.oxigraph.query(_PER_GRAPH_CLASS)):
        found = sources.get(row["g"].value)
        if found is None:
            continue
        name = class_name(row["class"].value)
        stats.per_source[found.name][name] += int(row["n"].value)
    # The same entity described by two sources counts once over all sources.
    if sources:
        values = " ".join(str(kg.source_graph(info.name)) for info in sources.values())
        query = (
            "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { "
            f"VALUES ?g {{ {values} }} GRAPH ?g {{ ?s a ?class }} }} GROUP BY ?class"
        )
        for row in solutions(kg.oxigraph.query(query)):
            name = class_name(row["class"].value)
            stats.per_class[name] = int(row["n"].value)
    return stats
