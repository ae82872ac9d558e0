"""One IRI per institution: the canonical map that merges keep, and how it rewrites statements.

When a person accepts that two IRIs name one institution, the resolution
graph records ``<merged> owl:sameAs <canonical>``. Source graphs then hold
only the canonical IRI (so every query counts the institution once, as fast as
before), and a source loaded again is rewritten the same way before it is
written: decisions survive re-imports. The merged IRI stays resolvable
through ``owl:sameAs``; its preferred labels become alternative labels of the
canonical IRI in the same source graph, so each name keeps its source.

>>> staged = ox.Store()
>>> a, b = ox.NamedNode("http://x/a"), ox.NamedNode("http://x/b")
>>> staged.add(ox.Quad(b, SKOS_PREF_LABEL, ox.Literal("BSU", language="en")))
>>> rewrite_to_canonical(staged, {b.value: a.value})
1
>>> [(q.subject.value, q.predicate.value[-8:], q.object.value) for q in staged]
[('http://x/a', 'altLabel', 'BSU')]
"""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox

from edukg.ontology.iris import SYSTEM_GRAPH_BASE

RESOLUTION_GRAPH = ox.NamedNode(SYSTEM_GRAPH_BASE + "resolution")
"""The named graph of resolution: decisions, ``owl:sameAs`` links, registry links."""

OWL_SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
SKOS_PREF_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
SKOS_ALT_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")


def canonical_map(store: ox.Store) -> dict[str, str]:
    """Merged IRI to canonical IRI, from the ``owl:sameAs`` links of the resolution graph.

    Chains are followed (a -> b -> c gives a -> c and b -> c).
    """
    links = {
        quad.subject.value: quad.object.value
        for quad in store.quads_for_pattern(None, OWL_SAME_AS, None, RESOLUTION_GRAPH)
        if isinstance(quad.subject, ox.NamedNode) and isinstance(quad.object, ox.NamedNode)
    }
    resolved = {}
    for merged in links:
        target, seen = links[merged], {merged}
        while target in links and target not in seen:
            seen.add(target)
            target = links[target]
        if target != merged:
            resolved[merged] = target
    return resolved


def rewrite_to_canonical(
    staged: ox.Store,
    mapping: Mapping[str, str],
    graph: ox.NamedNode | ox.DefaultGraph | None = None,
) -> int:
    """Rewrite merged IRIs to canonical ones in ``graph`` of ``staged`` (default graph).

    A merged IRI's ``skos:prefLabel`` becomes an ``skos:altLabel`` of the
    canonical IRI. Returns the number of statements rewritten.
    """
    if not mapping:
        return 0
    graph = ox.DefaultGraph() if graph is None else graph
    old: list[ox.Quad] = []
    for iri in mapping:
        node = ox.NamedNode(iri)
        old.extend(staged.quads_for_pattern(node, None, None, graph))
        old.extend(
            q for q in staged.quads_for_pattern(None, None, node, graph) if q.subject != node
        )
    if not old:
        return 0
    new = []
    for quad in old:
        subject = _canonical(quad.subject, mapping)
        predicate = quad.predicate
        if subject != quad.subject and predicate == SKOS_PREF_LABEL:
            predicate = SKOS_ALT_LABEL
        new.append(ox.Quad(subject, predicate, _canonical(quad.object, mapping), graph))  # type: ignore[arg-type]
    for quad in old:
        staged.remove(quad)
    staged.extend(new)
    return len(old)


Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def _canonical(term: Term, mapping: Mapping[str, str]) -> Term:
    if isinstance(term, ox.NamedNode) and term.value in mapping:
        return ox.NamedNode(mapping[term.value])
    return term
