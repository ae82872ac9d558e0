"""Institution records as the matcher sees them: names, country, city, website, registry ids.

Records come from the store (:func:`records_from_store`, one catalogue-style
query) or from a ROR dump (:func:`records_from_ror`).

>>> name = Name("Belarusian State University", "en")
>>> record = InstitutionRecord("https://ror.org/021036w13", (name,), "BY", website="https://bsu.by/")
>>> record.domain, record.ror_ids
('bsu.by', frozenset({'https://ror.org/021036w13'}))
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from edukg.core.errors import InputError

if TYPE_CHECKING:
    from edukg.graph.store import KnowledgeGraph

ROR_PREFIX = "https://ror.org/"


@dataclass(frozen=True)
class Name:
    """One name of an institution, its language tag (if any) and kind."""

    text: str
    lang: str | None = None
    kind: str = "label"
    """``label`` (preferred), ``alt`` (alternative) or ``acronym``."""


@dataclass(frozen=True)
class InstitutionRecord:
    """An institution: its IRI and what names, places and ids say about it."""

    iri: str
    names: tuple[Name, ...]
    country: str | None = None
    city: str | None = None
    website: str | None = None
    same_as: frozenset[str] = field(default_factory=frozenset)
    """IRIs it is declared the same as (``skos:exactMatch``, ``owl:sameAs``)."""
    sources: frozenset[str] = field(default_factory=frozenset)
    """The sources that describe it (source names in the store; ``ROR`` for a dump)."""

    @cached_property
    def domain(self) -> str | None:
        """The website's host without ``www.``, lower case.

        >>> InstitutionRecord("x", (), website="http://WWW.Grsu.by/en").domain
        'grsu.by'
        """
        if not self.website:
            return None
        address = self.website if "//" in self.website else "//" + self.website
        host = (urlsplit(address).hostname or "").lower()
        return host.removeprefix("www.") or None

    @cached_property
    def ror_ids(self) -> frozenset[str]:
        """The ROR IRIs this record is or is declared the same as."""
        ids = {self.iri, *self.same_as}
        return frozenset(i for i in ids if i.startswith(ROR_PREFIX))


def records_from_ror(
    path: str | Path, *, countries: Iterable[str] | None = None
) -> list[InstitutionRecord]:
    """Records from a ROR v2 JSON dump (a list of organisations), optionally of some countries."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read ROR records from {path}: {error}") from None
    wanted = {c.upper() for c in countries} if countries else None
    records = []
    for item in data:
        record = ror_record(item)
        if wanted is None or record.country in wanted:
            records.append(record)
    return records


def ror_record(item: dict[str, Any]) -> InstitutionRecord:
    """One ROR v2 organisation as a record; its display name comes first."""
    names = []
    for entry in item.get("names", []):
        types = entry.get("types", [])
        kind = "acronym" if "acronym" in types else "label" if "label" in types else "alt"
        names.append((("ror_display" not in types), Name(entry["value"], entry.get("lang"), kind)))
    location = (item.get("locations") or [{}])[0].get("geonames_details", {})
    website = next(
        (link["value"] for link in item.get("links", []) if link.get("type") == "website"), None
    )
    same_as = {
        f"http://www.wikidata.org/entity/{ext['preferred']}"
        for ext in item.get("external_ids", [])
        if ext.get("type") == "wikidata" and ext.get("preferred")
    }
    return InstitutionRecord(
        iri=item["id"],
        names=tuple(name for _, name in sorted(names, key=lambda pair: pair[0])),
        country=location.get("country_code"),
        city=location.get("name"),
        website=website,
        same_as=frozenset(same_as),
        sources=frozenset({"ROR"}),
    )


KINDS = ("institution", "region")
"""What :func:`records_from_store` reads: institutions, or regions (matched the same way)."""


def records_from_store(
    kg: KnowledgeGraph, *, kind: str = "institution"
) -> list[InstitutionRecord]:
    """Every institution (or region) in the store, with its names, place, website and links."""
    from edukg.queries.catalogue import parse_query_file
    from edukg.queries.runner import run_query

    if kind not in KINDS:
        raise InputError(f"unknown kind {kind!r}", hint=f"use one of: {', '.join(KINDS)}")
    query_name = f"{kind}-records"
    text = resources.files("edukg.resolve").joinpath(f"{query_name}.rq").read_text("utf-8")
    query = parse_query_file(query_name, text)
    result = run_query(kg, query, limit=0)
    gathered: dict[str, dict[str, Any]] = {}
    for row in result.records():
        entry = gathered.setdefault(
            row["institution"],
            {
                "names": [],
                "country": None,
                "city": None,
                "website": None,
                "same": set(),
                "sources": set(),
            },
        )
        if row["name"] is not None:
            name = Name(str(row["name"]), row["lang"] or None, row["kind"])
            if name not in entry["names"]:
                entry["names"].append(name)
        for column in ("country", "city", "website"):
            if row[column] and not entry[column]:
                entry[column] = str(row[column])
        if row["same"]:
            entry["same"].add(str(row["same"]))
        if row["source"]:
            entry["sources"].add(str(row["source"]))
    return [
        InstitutionRecord(
            iri=iri,
            names=tuple(
                sorted(e["names"], key=lambda n: (n.kind != "label", n.lang or "", n.text))
            ),
            country=e["country"],
            city=e["city"],
            website=e["website"],
            same_as=frozenset(e["same"]),
            sources=frozenset(e["sources"]),
        )
        for iri, e in sorted(gathered.items())
    ]
