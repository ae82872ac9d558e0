"""Link institutions to registry records (ROR, the world universities list) and take what they lack.

A local institution whose best registry match scores at least the link score
gets ``skos:exactMatch`` to the registry IRI, and the ru/be/en labels and
website it lacks, all in the registry-links graph (its provenance: each
statement there came from the registry record named by ``prov:wasDerivedFrom``).
Accepting the pair in ``edukg resolve`` later makes it ``owl:sameAs``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyoxigraph as ox

from edukg.graph.canonical import SKOS_PREF_LABEL
from edukg.ontology.namespace import SYSTEM_GRAPH_BASE
from edukg.resolve.match import Candidate, find_candidates
from edukg.resolve.records import ROR_PREFIX, InstitutionRecord, records_from_store

if TYPE_CHECKING:
    from edukg.graph.store import KnowledgeGraph

REGISTRY_GRAPH = ox.NamedNode(SYSTEM_GRAPH_BASE + "resolution/registries")
"""The named graph of registry links and of what was taken from registries."""

LINK_SCORE = 90.0
"""Matches scoring at least this are linked with ``skos:exactMatch``."""

LANGUAGES = ("ru", "be", "en")
_EXACT_MATCH = ox.NamedNode("http://www.w3.org/2004/02/skos/core#exactMatch")
_URL = ox.NamedNode("https://schema.org/url")
_DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")


@dataclass(frozen=True)
class RegistryLink:
    """An institution linked to a registry record, and what it took from it."""

    candidate: Candidate
    labels: tuple[tuple[str, str], ...]
    """(text, language) labels taken from the registry record."""
    website: str | None


def link_registries(
    kg: KnowledgeGraph,
    *,
    references: Sequence[InstitutionRecord] | None = None,
    reference_sources: Sequence[str] = (),
    min_score: float = LINK_SCORE,
) -> list[RegistryLink]:
    """Link the store's institutions to registry records; return every link made.

    The registry records are ``references`` (e.g. read from a ROR dump), or
    else the store's institutions with a ROR IRI or from ``reference_sources``.
    """
    records = records_from_store(kg)
    wanted = set(reference_sources)

    def is_reference(record: InstitutionRecord) -> bool:
        return record.iri.startswith(ROR_PREFIX) or bool(record.sources & wanted)

    if references is None:
        references = [r for r in records if is_reference(r)]
    local = [r for r in records if not is_reference(r)]
    if not local or not references:
        return []
    by_iri = {r.iri: r for r in references}
    best: dict[str, Candidate] = {}
    for candidate in find_candidates(local, references, min_score=min_score):
        if candidate.left not in best:  # candidates come best first
            best[candidate.left] = candidate
    local_by_iri = {r.iri: r for r in local}
    links = []
    store = kg.oxigraph
    for iri, candidate in sorted(best.items()):
        record, reference = local_by_iri[iri], by_iri[candidate.right]
        node, target = ox.NamedNode(iri), ox.NamedNode(reference.iri)
        quads: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = [
            (node, _EXACT_MATCH, target),
            (node, _DERIVED, target),
        ]
        have = {name.lang for name in record.names}
        labels = []
        for lang in LANGUAGES:
            if lang in have:
                continue
            found = next((n for n in reference.names if n.lang == lang and n.kind == "label"), None)
            if found is not None:
                labels.append((found.text, lang))
                quads.append((node, SKOS_PREF_LABEL, ox.Literal(found.text, language=lang)))
        website = reference.website if not record.website else None
        if website:
            quads.append((node, _URL, ox.NamedNode(website)))
        store.extend(ox.Quad(s, p, o, REGISTRY_GRAPH) for s, p, o in quads)
        links.append(RegistryLink(candidate, tuple(labels), website))
    if kg.path is not None:
        store.flush()
    return links
