"""What one load knows about institutions, agreements and regions.

A :class:`RegisterSession` is shared by every file of one ``edukg load``: a
party in one file may name an institution defined in another file of the
same load, or one already in the store. Files are first *scanned* (their
institutions and agreement ids registered here), then *built* into triples.

>>> session = RegisterSession(base_iri="https://edukg.example/id/")
>>> entry = session.add_institution(
...     key_id="pskov-iro", names=["Институт развития образования"], country="RU", origin="a.csv:2")
>>> entry.iri.value
'https://edukg.example/id/institution/pskov-iro'
>>> session.find_institution("ПСКОВ-ИРО") is None, session.find_institution("Pskov-IRO").matched
(True, 'id')
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from edukg.core.suggestions import did_you_mean
from edukg.graph.iris import mint, slug
from edukg.graph.terms import solutions
from edukg.loaders.vocabulary import Vocabulary
from edukg.ontology.normalize import normalize_name

if TYPE_CHECKING:
    from edukg.graph.store import KnowledgeGraph


@dataclass
class InstitutionEntry:
    """An institution a reference may name."""

    iri: ox.NamedNode
    key_id: str | None
    names: list[str]
    country: str | None
    origin: str
    """Where it is defined: ``file:line`` or ``the store``."""


@dataclass(frozen=True)
class Match:
    """The institution a reference resolved to, and how."""

    entry: InstitutionEntry
    matched: str
    """``id``, ``name`` (as written) or ``normalised`` (only after normalisation)."""


@dataclass
class RegisterSession:
    """Institutions, agreements and regions known to one load."""

    base_iri: str
    kg: KnowledgeGraph | None = None
    replaced_graphs: frozenset[str] = frozenset()
    """Graphs of the sources this load replaces: what they hold does not count as known."""
    vocabulary: Vocabulary = field(default_factory=Vocabulary.from_ontology)
    scanned: dict[str, Any] = field(default_factory=dict)
    institutions_by_id: dict[str, InstitutionEntry] = field(default_factory=dict)
    institutions_by_iri: dict[str, InstitutionEntry] = field(default_factory=dict)
    institutions_by_name: dict[str, list[InstitutionEntry]] = field(
        default_factory=lambda: defaultdict(list)
    )
    agreements_by_id: dict[str, ox.NamedNode] = field(default_factory=dict)
    agreement_origins: dict[str, str] = field(default_factory=dict)
    """Agreement IRI to where it is defined: ``file:line`` or ``source NAME``."""
    institution_kinds: dict[str, str] = field(default_factory=dict)
    """Institution IRI to its kind's IRI, as the store or an earlier file of the load says."""
    parents: dict[str, str] = field(default_factory=dict)
    """Institution IRI to its parent's, as this load's rows give them (to find cycles)."""
    agreement_facts: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    """Agreement IRI to its normalised titles (``title``) and signing dates (``signed``)."""
    loaded_agreements: set[str] = field(default_factory=set)
    """IRIs of the agreements the files of this load define (not those of the store)."""
    party_details: dict[str, list[Any]] = field(default_factory=dict)
    """Agreement IRI -> the details of its parties from the load's parties tables."""
    party_tables_checked: bool = False
    regions: dict[tuple[str, str], ox.NamedNode] = field(default_factory=dict)
    stored_regions: set[str] = field(default_factory=set)
    """Regions the store already describes: files only link to them."""
    cordis: Any = None
    """The CORDIS reference tables of this load (``cordis_loader.CordisLookups``)."""
    _store_read: bool = False
    _found: dict[str, Match | None] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------ IRIs

    def institution_iri(
        self, *, key_id: str | None, name: str, country: str | None
    ) -> ox.NamedNode:
        """Same institution, same IRI: from the id, else from normalised name and country."""
        if key_id:
            return ox.NamedNode(mint(self.base_iri, "institution", slug(key_id)))
        return ox.NamedNode(
            mint(self.base_iri, "institution", f"{(country or 'xx').lower()}-{slug(name)}")
        )

    def record_iri(self, kind: str, key: str) -> ox.NamedNode:
        """The IRI of an agreement or event by its (slugged) key."""
        return ox.NamedNode(mint(self.base_iri, kind, key))

    # ------------------------------------------------------------ institutions

    def add_institution(
        self,
        *,
        key_id: str | None,
        names: list[str],
        country: str | None,
        origin: str,
        iri: ox.NamedNode | None = None,
    ) -> InstitutionEntry:
        """Register an institution of this load (or of the store) for look-ups."""
        self._found.clear()
        if iri is None:
            iri = self.institution_iri(
                key_id=key_id, name=names[0] if names else "", country=country
            )
        entry = self.institutions_by_iri.get(iri.value)
        if entry is None:
            entry = InstitutionEntry(iri, key_id, [], country, origin)
            self.institutions_by_iri[iri.value] = entry
        if key_id:
            self.institutions_by_id.setdefault(normalize_name(key_id), entry)
        for name in names:
            if name not in entry.names:
                entry.names.append(name)
            bucket = self.institutions_by_name[normalize_name(name)]
            if entry not in bucket:
                bucket.append(entry)
        return entry

    def find_institution(self, reference: str) -> Match | None:
        """The institution an id or a name refers to; ``None`` if unknown.

        Raises :class:`AmbiguousName` when a name fits several institutions.
        """
        if reference in self._found:
            return self._found[reference]
        found = self._find_institution(reference)
        self._found[reference] = found
        return found

    def _find_institution(self, reference: str) -> Match | None:
        self._read_store()
        entry = self.institutions_by_id.get(normalize_name(reference))
        if entry is not None:
            return Match(entry, "id")
        candidates = self.institutions_by_name.get(normalize_name(reference), [])
        if len(candidates) > 1:
            raise AmbiguousName(candidates)
        if candidates:
            found = candidates[0]
            exact = reference.strip() in found.names
            return Match(found, "name" if exact else "normalised")
        return None

    def closest_institutions(self, reference: str, limit: int = 3) -> list[str]:
        """Ids and names close to an unknown reference, for "did you mean" hints."""
        self._read_store()
        probe = normalize_name(reference)
        keys: dict[str, str] = {}
        for key_id, entry in self.institutions_by_id.items():
            keys.setdefault(key_id, entry.key_id or key_id)
        for name, entries in self.institutions_by_name.items():
            keys.setdefault(name, entries[0].names[0] if entries[0].names else name)
        close = did_you_mean(probe, keys, limit=limit)
        return [keys[c] for c in close]

    def same_name_elsewhere(self, entry: InstitutionEntry) -> InstitutionEntry | None:
        """Another institution with a same normalised name and country, if any."""
        self._read_store()
        for name in entry.names:
            for other in self.institutions_by_name.get(normalize_name(name), []):
                if other is not entry and other.country == entry.country:
                    return other
        return None

    # ------------------------------------------------------------ agreements, regions

    def add_agreement(
        self, key_id: str, iri: ox.NamedNode, origin: str = "", **facts: str | None
    ) -> tuple[str, list[str]] | None:
        """Register an agreement id of this load, for events that implement it.

        ``facts`` (``title``, ``signed``) are compared with what another file of
        this load, or a source the load does not replace, says of the same
        agreement: returns that place and the facts that differ, else ``None``.
        """
        self._read_store()
        self.agreements_by_id.setdefault(normalize_name(key_id), iri)
        before = self.agreement_origins.setdefault(iri.value, origin)
        known = self.agreement_facts.setdefault(iri.value, {})
        differing = []
        for name, value in facts.items():
            if not value:
                continue
            value = normalize_name(value) if name == "title" else value
            if before != origin and known.get(name) and value not in known[name]:
                label = "signing date" if name == "signed" else name
                differing.append(f"{label} {sorted(known[name])[0]!r}")
            known.setdefault(name, set()).add(value)
        return (before, differing) if differing else None

    def known_institution(self, iri: ox.NamedNode) -> InstitutionEntry | None:
        """The institution with this IRI already known to the load or in the store."""
        self._read_store()
        return self.institutions_by_iri.get(iri.value)

    def find_agreement(self, reference: str) -> ox.NamedNode | None:
        """The agreement with this id (in this load or the store), or ``None``."""
        self._read_store()
        return self.agreements_by_id.get(normalize_name(reference))

    def region(self, name: str, country: str) -> tuple[ox.NamedNode, bool]:
        """The region of ``country`` called ``name``, and whether the store describes it."""
        self._read_store()
        key = (country, normalize_name(name))
        node = self.regions.get(key)
        if node is None:
            node = ox.NamedNode(mint(self.base_iri, f"region/{country.lower()}", slug(name)))
            self.regions[key] = node
        return node, node.value in self.stored_regions

    # ------------------------------------------------------------ the store

    def _read_store(self) -> None:
        """Index what the store already holds, once, leaving out replaced sources."""
        if self._store_read or self.kg is None:
            self._store_read = True
            return
        self._store_read = True
        source_names = {info.graph: info.name for info in self.kg.sources()}
        prefix = self.base_iri + "institution/"
        rows = self._rows_outside_replaced(_INSTITUTIONS_QUERY)
        found: dict[str, tuple[set[str], str | None, str | None]] = {}
        holders: dict[str, str] = {}
        for row in rows:
            if row["g"].value in self.replaced_graphs:
                continue
            iri = row["i"].value
            holders.setdefault(iri, source_names.get(row["g"].value, row["g"].value))
            if row["kind"] is not None:
                self.institution_kinds.setdefault(iri, row["kind"].value)
            names, key_id, country = found.get(iri, (set(), None, None))
            if row["label"] is not None:
                names.add(row["label"].value)
            if row["id"] is not None:
                key_id = row["id"].value
            if row["country"] is not None:
                country = row["country"].value
            found[iri] = (names, key_id, country)
        for iri, (names, key_id, country) in sorted(found.items()):
            if key_id is None and iri.startswith(prefix):
                key_id = iri[len(prefix) :]
            if iri in self.institutions_by_iri:
                continue
            entry = self.add_institution(
                key_id=key_id,
                names=sorted(names),
                country=country,
                origin=f"source {holders[iri]}",
                iri=ox.NamedNode(iri),
            )
            # An IRI from outside the base (a ROR IRI) names its institution too.
            if not iri.startswith(prefix):
                self.institutions_by_id.setdefault(normalize_name(iri), entry)
        agreement_prefix = self.base_iri + "agreement/"
        for row in self._rows_outside_replaced(_AGREEMENTS_QUERY):
            if row["g"].value in self.replaced_graphs:
                continue
            iri = row["a"].value
            key = row["id"].value if row["id"] is not None else None
            if key is None and iri.startswith(agreement_prefix):
                key = iri[len(agreement_prefix) :]
            if key:
                self.agreements_by_id.setdefault(normalize_name(key), ox.NamedNode(iri))
            holder = source_names.get(row["g"].value, row["g"].value)
            self.agreement_origins.setdefault(iri, f"source {holder}")
            known = self.agreement_facts.setdefault(iri, {})
            if row["title"] is not None:
                known.setdefault("title", set()).add(normalize_name(row["title"].value))
            if row["signed"] is not None:
                known.setdefault("signed", set()).add(row["signed"].value)
        for row in self._rows_outside_replaced(_REGIONS_QUERY):
            if row["g"].value in self.replaced_graphs:
                continue
            key = (row["country"].value, normalize_name(row["label"].value))
            self.regions.setdefault(key, row["r"])
            self.stored_regions.add(row["r"].value)

    def _rows_outside_replaced(self, query: str) -> Iterator[ox.QuerySolution]:
        """The rows of ``query`` (over ``GRAPH ?g``) in each graph this load does not replace.

        Asked graph by graph: a reload that replaces every source then reads
        nothing back (at a million statements the whole store took 5 s).
        """
        if self.kg is None:
            return
        store = self.kg.oxigraph
        for graph in sorted(store.named_graphs(), key=lambda g: g.value):
            if graph.value in self.replaced_graphs:
                continue
            yield from solutions(
                store.query(
                    query,
                    use_default_graph_as_union=False,
                    substitutions={ox.Variable("g"): graph},
                )
            )


class AmbiguousName(LookupError):
    """A name that fits more than one institution."""

    def __init__(self, candidates: list[InstitutionEntry]) -> None:
        super().__init__("ambiguous name")
        self.candidates = candidates


_INSTITUTIONS_QUERY = """
PREFIX edukg: <https://w3id.org/edukg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?g ?i ?label ?id ?country ?kind WHERE {
  GRAPH ?g { ?i a edukg:Institution .
    OPTIONAL { ?i edukg:kind ?kind }
    OPTIONAL { ?i skos:prefLabel|skos:altLabel ?label }
    OPTIONAL { ?i dcterms:identifier ?id }
    OPTIONAL { ?i edukg:country ?c . BIND (REPLACE(STR(?c), "^.*/", "") AS ?country) }
  }
}
"""

_AGREEMENTS_QUERY = """
PREFIX edukg: <https://w3id.org/edukg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?g ?a ?id ?title ?signed WHERE {
  GRAPH ?g { ?a a edukg:CooperationAgreement . OPTIONAL { ?a dcterms:identifier ?id }
    OPTIONAL { ?a skos:prefLabel ?title } OPTIONAL { ?a edukg:signedOn ?signed } }
}
"""

_REGIONS_QUERY = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
SELECT ?g ?r ?label ?country WHERE {
  GRAPH ?g { ?r a schema:AdministrativeArea ; skos:prefLabel|skos:altLabel ?label ;
     schema:containedInPlace ?c . }
  BIND (REPLACE(STR(?c), "^.*/", "") AS ?country)
}
"""
