"""One IRI per institution: the canonical map that merges keep, and how it rewrites statements.

When a person accepts that two IRIs name one institution, the resolution
graph records ``<merged> owl:sameAs <canonical>``. Source graphs then hold
only the canonical IRI (so every query counts the institution once, as fast as
before), and a source loaded again is rewritten the same way before it is
written: decisions survive re-imports. The merged IRI stays resolvable
through ``owl:sameAs``; its preferred labels become alternative labels of the
canonical IRI in the same source graph, so each name keeps its source.

A rewrite is undoable: each rewritten graph gets a :class:`MergeRecord` (the
statements as loaded that the merges changed, and the ones they added), kept as
N-Triples text in the :data:`MERGE_RECORD_GRAPH`. A rejected merge splits
again by restoring each graph as loaded (:func:`restore_as_loaded`) and
rewriting it with the map that remains.

>>> staged = ox.Store()
>>> a, b = ox.NamedNode("http://x/a"), ox.NamedNode("http://x/b")
>>> staged.add(ox.Quad(b, SKOS_PREF_LABEL, ox.Literal("BSU", language="en")))
>>> rewrite_to_canonical(staged, {b.value: a.value})
1
>>> [(q.subject.value, q.predicate.value[-8:], q.object.value) for q in staged]
[('http://x/a', 'altLabel', 'BSU')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from edukg.ontology.iris import PROJECT_IRI, SYSTEM_GRAPH_BASE

RESOLUTION_GRAPH = ox.NamedNode(SYSTEM_GRAPH_BASE + "resolution")
"""The named graph of resolution: decisions, ``owl:sameAs`` links, registry links."""

MERGE_RECORD_GRAPH = ox.NamedNode(SYSTEM_GRAPH_BASE + "resolution/rewritten")
"""What the merges changed in each graph, as N-Triples literals (see :class:`MergeRecord`)."""

_AS_LOADED = ox.NamedNode(PROJECT_IRI + "/resolution#statementsAsLoaded")
_ADDED = ox.NamedNode(PROJECT_IRI + "/resolution#statementsAddedByMerge")

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
    old, _ = _rewrite(staged, mapping, ox.DefaultGraph() if graph is None else graph)
    return len(old)


@dataclass(frozen=True)
class MergeRecord:
    """How merges changed one graph: enough to give it back as it was loaded.

    ``as_loaded`` are the statements (as triples) the rewrites removed that
    the graph held when it was loaded; ``added`` the ones the rewrites added
    that it did not hold. The graph as loaded is the graph now, less
    ``added``, plus ``as_loaded``.
    """

    as_loaded: frozenset[ox.Triple] = frozenset()
    added: frozenset[ox.Triple] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.as_loaded or self.added)


def rewrite_recorded(
    staged: ox.Store,
    mapping: Mapping[str, str],
    record: MergeRecord | None = None,
    graph: ox.NamedNode | ox.DefaultGraph | None = None,
) -> MergeRecord:
    """Rewrite like :func:`rewrite_to_canonical`; return the record, ``record`` updated.

    >>> staged = ox.Store()
    >>> a, b, p = ox.NamedNode("http://x/a"), ox.NamedNode("http://x/b"), ox.NamedNode("http://x/p")
    >>> staged.add(ox.Quad(b, p, a))
    >>> record = rewrite_recorded(staged, {b.value: a.value})
    >>> [str(t) for t in record.as_loaded], [str(t) for t in record.added]
    (['<http://x/b> <http://x/p> <http://x/a>'], ['<http://x/a> <http://x/p> <http://x/a>'])
    >>> restore_as_loaded(staged, record); [str(q.triple) for q in staged]
    ['<http://x/b> <http://x/p> <http://x/a>']
    """
    graph = ox.DefaultGraph() if graph is None else graph
    record = record or MergeRecord()
    old, added = _rewrite(staged, mapping, graph)
    removed = {quad.triple for quad in old}
    return MergeRecord(
        as_loaded=record.as_loaded | (removed - record.added),
        added=(record.added - removed) | {quad.triple for quad in added},
    )


def restore_as_loaded(
    staged: ox.Store, record: MergeRecord, graph: ox.NamedNode | ox.DefaultGraph | None = None
) -> None:
    """Give ``graph`` of ``staged`` back the statements it held before the merges of ``record``."""
    graph = ox.DefaultGraph() if graph is None else graph
    for triple in record.added:
        staged.remove(ox.Quad(triple.subject, triple.predicate, triple.object, graph))
    staged.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in record.as_loaded)


def merge_records(store: ox.Store) -> dict[str, MergeRecord]:
    """Graph IRI to its merge record, as the :data:`MERGE_RECORD_GRAPH` of ``store`` holds them."""
    texts: dict[str, dict[str, str]] = {}
    for quad in store.quads_for_pattern(None, None, None, MERGE_RECORD_GRAPH):
        if isinstance(quad.subject, ox.NamedNode) and isinstance(quad.object, ox.Literal):
            texts.setdefault(quad.subject.value, {})[quad.predicate.value] = quad.object.value
    return {
        graph: MergeRecord(
            _triples(parts.get(_AS_LOADED.value, "")), _triples(parts.get(_ADDED.value, ""))
        )
        for graph, parts in texts.items()
    }


def merge_record_quads(graph: str, record: MergeRecord) -> list[ox.Quad]:
    """The statements that keep ``record`` of ``graph`` in the :data:`MERGE_RECORD_GRAPH`."""
    if not record:
        return []
    node = ox.NamedNode(graph)
    return [
        ox.Quad(node, predicate, ox.Literal(_ntriples(triples)), MERGE_RECORD_GRAPH)
        for predicate, triples in ((_AS_LOADED, record.as_loaded), (_ADDED, record.added))
    ]


def _ntriples(triples: Iterable[ox.Triple]) -> str:
    text = ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES) or b""
    return "\n".join(sorted(text.decode("utf-8").splitlines()))


def _triples(text: str) -> frozenset[ox.Triple]:
    if not text:
        return frozenset()
    quads = ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return frozenset(quad.triple for quad in quads)


def _rewrite(
    staged: ox.Store, mapping: Mapping[str, str], graph: ox.NamedNode | ox.DefaultGraph
) -> tuple[list[ox.Quad], list[ox.Quad]]:
    """Rewrite ``graph`` of ``staged``: the statements removed, and those added that were new."""
    if not mapping:
        return [], []
    old: list[ox.Quad] = []
    for iri in mapping:
        node = ox.NamedNode(iri)
        old.extend(staged.quads_for_pattern(node, None, None, graph))
        old.extend(
            q for q in staged.quads_for_pattern(None, None, node, graph) if q.subject != node
        )
    if not old:
        return [], []
    new = []
    for quad in old:
        subject = _canonical(quad.subject, mapping)
        predicate = quad.predicate
        if subject != quad.subject and predicate == SKOS_PREF_LABEL:
            predicate = SKOS_ALT_LABEL
        new.append(ox.Quad(subject, predicate, _canonical(quad.object, mapping), graph))  # type: ignore[arg-type]
    for quad in old:
        staged.remove(quad)
    added = [quad for quad in dict.fromkeys(new) if quad not in staged]
    staged.extend(added)
    return old, added


Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def _canonical(term: Term, mapping: Mapping[str, str]) -> Term:
    if isinstance(term, ox.NamedNode) and term.value in mapping:
        return ox.NamedNode(mapping[term.value])
    return term
