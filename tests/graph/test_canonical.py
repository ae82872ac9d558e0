"""The canonical map: merged IRIs rewritten in sources, now and when a source is loaded again."""

from __future__ import annotations

import pyoxigraph as ox

from edukg.graph.canonical import (
    OWL_SAME_AS,
    RESOLUTION_GRAPH,
    SKOS_ALT_LABEL,
    SKOS_PREF_LABEL,
    canonical_map,
    rewrite_to_canonical,
)
from edukg.graph.sources import SourceData
from edukg.graph.store import KnowledgeGraph

A, B, C = (ox.NamedNode(f"http://x/{n}") for n in "abc")
PARTY = ox.NamedNode("https://w3id.org/edukg/ontology#hasParty")


def source(
    name: str, *triples: tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]
) -> SourceData:
    return SourceData(
        name=name, sha256=name, loader="rdf", triples=[ox.Triple(*t) for t in triples]
    )


def test_chains_are_followed_and_loops_ignored() -> None:
    store = ox.Store()
    store.extend(ox.Quad(s, OWL_SAME_AS, o, RESOLUTION_GRAPH) for s, o in ((A, B), (B, C), (C, C)))
    assert canonical_map(store) == {"http://x/a": "http://x/c", "http://x/b": "http://x/c"}


def test_objects_are_rewritten_and_labels_become_alternative() -> None:
    staged = ox.Store()
    agreement = ox.NamedNode("http://x/agreement")
    staged.extend(
        [
            ox.Quad(agreement, PARTY, B),
            ox.Quad(B, SKOS_PREF_LABEL, ox.Literal("BSU", language="en")),
        ]
    )
    assert rewrite_to_canonical(staged, {B.value: A.value}) == 2
    assert set(staged) == {
        ox.Quad(agreement, PARTY, A),
        ox.Quad(A, SKOS_ALT_LABEL, ox.Literal("BSU", language="en")),
    }


def test_a_source_written_after_a_merge_holds_the_canonical_iri(kg: KnowledgeGraph) -> None:
    kg.write_sources(
        [
            source("one", (A, SKOS_PREF_LABEL, ox.Literal("A"))),
            source("two", (B, SKOS_PREF_LABEL, ox.Literal("B"))),
        ]
    )
    kg.oxigraph.add(ox.Quad(B, OWL_SAME_AS, A, RESOLUTION_GRAPH))
    (change,) = kg.apply_canonical_map()
    assert (change.name, change.added, change.removed) == ("two", 1, 1)
    kg.write_sources([source("two", (B, SKOS_PREF_LABEL, ox.Literal("B again")))])
    graph = kg.source_graph("two")
    assert set(kg.oxigraph.quads_for_pattern(None, None, None, graph)) == {
        ox.Quad(A, SKOS_ALT_LABEL, ox.Literal("B again"), graph)
    }
    assert kg.apply_canonical_map() == []
