"""Read Research Organization Registry (ROR) records, schema v2 JSON, as institutions.

The ROR IRI (``https://ror.org/007rxxd52``) is the institution's own IRI.
Names keep their language tags: the ``ror_display`` name and the labels
become ``skos:prefLabel`` (one per language; a second label in a language
becomes ``skos:altLabel``), aliases ``skos:altLabel``, acronyms
``skos:altLabel`` and ``edukg:shortName``. Types map to our institution
kinds (``education`` is a university), the ROR type is kept in
``edukg:registryType``. Wikidata, GRID, ISNI and FundRef ids become
``skos:exactMatch`` links. Relationships are links only: a related record
that is not in the file is never described, only pointed at.

See ``docs/registries.md`` for the whole mapping.

>>> looks_like_ror(b'[{"admin": {}, "id": "https://ror.org/007rxxd52", "names": [], '
...                b'"locations": [], "types": ["education"]}]')
True
>>> exact_match_iri("grid", "https://www.grid.ac/institutes/grid.445690.a")
'https://www.grid.ac/institutes/grid.445690.a'
>>> exact_match_iri("isni", "0000 0001 0550 8151")
'https://isni.org/isni/0000000105508151'
>>> exact_match_iri("grid", "grid.448577.d"), exact_match_iri("wikidata", "Q1790193")
('https://www.grid.ac/institutes/grid.448577.d', 'http://www.wikidata.org/entity/Q1790193')
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from edukg.graph.sources import SourceData
from edukg.loaders import terms as t
from edukg.loaders.base import LoadContext, ProblemCollector
from edukg.loaders.reference import TripleBuffer, file_head, json_records, starts_like_records
from edukg.loaders.values import XSD_GYEAR, tagged
from edukg.loaders.vocabulary import Vocabulary
from edukg.ontology.countries import country_code

LOADER_NAME = "ror"
ROR_BASE = "https://ror.org/"
ROR_ID = re.compile(r"^https://ror\.org/0[a-z0-9]{6}[0-9]{2}$")
RECOGNISED_BY = ("id", "names", "locations", "types")

KINDS = {
    "education": ("university",),
    "company": ("company", "private company"),
    "government": ("public body", "public_body"),
    "facility": ("research organisation", "research organization", "research_organisation"),
    "archive": ("research organisation", "research organization", "research_organisation"),
    "healthcare": ("other",),
    "nonprofit": ("other",),
    "funder": ("other",),
    "other": ("other",),
}
"""ROR type -> names of our institution kind, tried in order (the first the vocabulary knows
wins; ``other`` when none does). A record with several types takes the first type listed here."""

EXTERNAL_IDS = {
    "wikidata": t.WIKIDATA,
    "grid": "https://www.grid.ac/institutes/",
    "isni": "https://isni.org/isni/",
    "fundref": "https://doi.org/10.13039/",
}
"""External id type -> the IRI its ids are written under."""

_ISNI = re.compile(r"^\d{15}[\dX]$")
_WIKIDATA_ITEM = re.compile(r"^Q[1-9]\d*$")
_SAFE_ID = re.compile(r"^[\w.\-]+$")

RELATIONSHIPS = {
    "parent": t.PARENT_ORGANIZATION,
    "child": t.SUB_ORGANIZATION,
    "related": t.RELATION,
    "predecessor": t.REPLACES,
    "successor": t.IS_REPLACED_BY,
}
"""ROR relationship type -> the predicate of the link from the record to the related one."""


def looks_like_ror(head: bytes) -> bool:
    """True for the start of a ROR data dump: an array of records with a ``https://ror.org/`` id."""
    return starts_like_records(head, RECOGNISED_BY) and b'"https://ror.org/' in head


def is_ror_file(path: Path) -> bool:
    """True if the file at ``path`` starts like a ROR data dump."""
    return looks_like_ror(file_head(path))


def exact_match_iri(kind: str, value: str) -> str | None:
    """The IRI of an external id (Wikidata, GRID, ISNI, FundRef), or ``None`` if malformed."""
    base = EXTERNAL_IDS.get(kind)
    if base is None:
        return None
    text = value.strip()
    if text.lower().startswith(("http://", "https://")):  # an id written as its IRI
        text = text.rstrip("/").rsplit("/", 1)[-1]
    if kind == "isni":
        text = text.replace(" ", "").upper()
        return base + text if _ISNI.match(text) else None
    if kind == "wikidata":
        return base + text if _WIKIDATA_ITEM.match(text) else None
    return base + text if _SAFE_ID.match(text) else None


class _RorReader:
    """Turns ROR records into triples, reporting problems at each record's line."""

    def __init__(self, problems: ProblemCollector, base_iri: str, ids: set[str]) -> None:
        self.problems = problems
        self.base_iri = base_iri
        self.ids = ids
        self.out = TripleBuffer()
        self.vocabulary = Vocabulary.from_ontology()
        self.line = 0

    def error(self, message: str, code: str, **place: Any) -> None:
        self.problems.error(message, line=self.line, code=code, **place)

    def warning(self, message: str, code: str, **place: Any) -> None:
        self.problems.warning(message, line=self.line, code=code, **place)

    def record(self, line: int, record: dict[str, Any]) -> None:
        self.line = line
        iri = self.identity(record)
        country, locations = self.country(record)
        if iri is None or country is None:
            return
        if not self.names(iri, record.get("names")):
            return
        add = self.out.add
        add(iri, t.A, t.INSTITUTION)
        add(iri, t.IDENTIFIER, ox.Literal(iri.value[len(ROR_BASE) :]))
        add(iri, t.COUNTRY, t.country_node(country))
        self.types(iri, record.get("types"))
        self.places(iri, country, locations)
        self.links(iri, record)
        self.relationships(iri, record.get("relationships"))
        established = record.get("established")
        if isinstance(established, int) and 0 < established < 10000:
            add(iri, t.FOUNDING_DATE, ox.Literal(f"{established:04d}", datatype=XSD_GYEAR))
        status = record.get("status")
        if isinstance(status, str) and status and status != "active":
            add(iri, t.REGISTRY_STATUS, ox.Literal(status))

    def identity(self, record: dict[str, Any]) -> ox.NamedNode | None:
        value = record.get("id")
        if not isinstance(value, str) or not ROR_ID.match(value):
            self.error(
                "a ROR record needs its ROR id",
                "ror-bad-id",
                column="id",
                value=None if value is None else str(value),
                hint="the id is a ROR IRI such as https://ror.org/007rxxd52",
            )
            return None
        return ox.NamedNode(value)

    def country(self, record: dict[str, Any]) -> tuple[str | None, list[dict[str, Any]]]:
        locations = [
            location.get("geonames_details") or {}
            for location in record.get("locations") or []
            if isinstance(location, dict)
        ]
        codes = [str(d.get("country_code") or "") for d in locations]
        if not codes or not codes[0]:
            self.error(
                "a ROR record needs a location with a country code",
                "ror-no-country",
                column="locations",
                hint="locations[0].geonames_details.country_code holds it in ROR schema v2",
            )
            return None, locations
        code = country_code(codes[0]) if len(codes[0]) == 2 else None
        if code is None:
            self.error(
                "unknown country code",
                "ror-unknown-country",
                column="locations",
                value=codes[0],
                hint="an ISO 3166-1 alpha-2 code such as BY",
            )
        return code, locations

    def names(self, iri: ox.NamedNode, names: Any) -> bool:
        preferred: set[str] = set()
        written = 0
        ordered = sorted(
            (n for n in names or [] if isinstance(n, dict) and isinstance(n.get("value"), str)),
            key=lambda n: "ror_display" not in (n.get("types") or []),
        )
        for name in ordered:
            text = name["value"].strip()
            types = name.get("types") or []
            language = name.get("lang") or None
            if not text:
                continue
            literal = ox.Literal(text, language=language) if language else ox.Literal(text)
            if "ror_display" in types or "label" in types:
                key = language or ""
                predicate = t.ALT_LABEL if key in preferred else t.PREF_LABEL
                preferred.add(key)
                self.out.add(iri, predicate, literal)
                written += 1
            elif "acronym" in types:
                self.out.add(iri, t.ALT_LABEL, literal)
                self.out.add(iri, t.SHORT_NAME, literal)
            else:
                self.out.add(iri, t.ALT_LABEL, literal)
        if not written:
            self.error(
                "a ROR record needs a name of type ror_display or label",
                "ror-no-name",
                column="names",
                hint='each record has one name whose "types" include "ror_display"',
            )
            return False
        return True

    def types(self, iri: ox.NamedNode, types: Any) -> None:
        written = [str(kind) for kind in types or [] if isinstance(kind, str)]
        for kind in written:
            self.out.add(iri, t.REGISTRY_TYPE, ox.Literal(kind))
        if "education" in written:
            self.out.add(iri, t.A, t.EDUCATIONAL_ORGANIZATION)
        chosen = next((kind for kind in KINDS if kind in written), None)
        if chosen is None:
            if written:
                self.warning(
                    "ROR type not known to edukg; kind 'other' was used",
                    "ror-unknown-type",
                    column="types",
                    value=", ".join(written),
                )
            chosen = "other"
        self.out.add(iri, t.KIND, self.kind(chosen))

    def kind(self, ror_type: str) -> ox.NamedNode:
        for name in (*KINDS[ror_type], "other"):
            concept = self.vocabulary.concept("institution-kind", name)
            if concept is not None:
                return concept
        raise LookupError("the ontology has no institution kind 'other'")

    def places(self, iri: ox.NamedNode, country: str, locations: list[dict[str, Any]]) -> None:
        cities = dict.fromkeys(str(d["name"]).strip() for d in locations if d.get("name"))
        for city in cities:
            if city:
                self.out.add(iri, t.LOCALITY, tagged(city))
        first = locations[0]
        region = str(first.get("country_subdivision_name") or "").strip()
        if region:
            self.out.region(self.base_iri, iri, region, country)

    def links(self, iri: ox.NamedNode, record: dict[str, Any]) -> None:
        for link in record.get("links") or []:
            if not isinstance(link, dict) or link.get("type") != "website":
                continue
            value = str(link.get("value") or "").strip()
            try:
                self.out.add(iri, t.URL, ox.NamedNode(value))
            except ValueError:
                self.warning(
                    "the website is not a valid IRI and was left out",
                    "ror-bad-website",
                    column="links",
                    value=value,
                )
        for domain in record.get("domains") or []:
            if isinstance(domain, str) and domain.strip():
                self.out.add(iri, t.DOMAIN, ox.Literal(domain.strip().lower()))
        for external in record.get("external_ids") or []:
            if not isinstance(external, dict):
                continue
            kind = str(external.get("type") or "")
            for value in external.get("all") or []:
                target = exact_match_iri(kind, str(value))
                if target is None:
                    self.warning(
                        f"{kind or 'external'} id not understood and left out",
                        "ror-bad-external-id",
                        column="external_ids",
                        value=str(value),
                    )
                    continue
                self.out.add(iri, t.EXACT_MATCH, ox.NamedNode(target))

    def relationships(self, iri: ox.NamedNode, relationships: Any) -> None:
        for relation in relationships or []:
            if not isinstance(relation, dict):
                continue
            predicate = RELATIONSHIPS.get(str(relation.get("type")))
            target = relation.get("id")
            if predicate is None or not isinstance(target, str) or not ROR_ID.match(target):
                self.warning(
                    "relationship not understood and left out",
                    "ror-bad-relationship",
                    column="relationships",
                    value=f"{relation.get('type')} {target}",
                )
                continue
            node = ox.NamedNode(target)
            self.out.add(iri, predicate, node)
            # Within the file both ends are institutions: the ontology's own hierarchy link holds.
            if predicate == t.PARENT_ORGANIZATION and target in self.ids:
                self.out.add(iri, t.SUB_ORGANIZATION_OF, node)


def read_ror(path: Path, context: LoadContext) -> SourceData | None:
    """Read a ROR schema v2 JSON dump (an array of records) as a reference source."""
    problems = ProblemCollector(str(path), context)
    read = json_records(path, problems, what="ROR")
    if read is None:
        return None
    content, records = read
    ids = {r["id"] for _, r in records if isinstance(r.get("id"), str)}
    reader = _RorReader(problems, context.base_iri, ids)
    seen: dict[str, int] = {}
    for number, (line, record) in enumerate(records, 1):
        first = seen.setdefault(str(record.get("id")), line)
        if first != line:
            problems.error(
                "this ROR id appears twice in the file",
                line=line,
                column="id",
                value=str(record.get("id")),
                hint=f"it first appears on line {first}; keep one record per id",
                code="ror-duplicate-id",
            )
            continue
        reader.record(line, record)
        if context.progress is not None and (number % 2000 == 0 or number == len(records)):
            context.progress(f"{path.name}: ROR records", number, len(records))
    if problems.has_errors:
        return None
    return reader.out.source(context, content, LOADER_NAME, path, problems)
