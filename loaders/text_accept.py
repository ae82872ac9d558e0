"""Accepted candidates become a source of the knowledge graph, with provenance to the text.

A document's accepted candidates (those accepted now and before) are written
as one source, ``text-<file name>``, holding:

- the document (``schema:CreativeWork``, ``prov:Entity``, its SHA-256);
- each quoted sentence (``prov:Entity`` with ``prov:value``,
  ``prov:wasQuotedFrom`` the document, and its character offsets);
- the facts, each ``prov:wasDerivedFrom`` its sentences: institutions (with
  region and country), regions, ``edukg:partnerCountry`` links of an accepted
  institution, ``edukg:AgreementCount`` statistics with their year, place and
  reported event kinds; what belongs to no accepted institution or count is
  kept as what the document mentions (``schema:mentions``), never as a made-up
  record.

IRIs of institutions and regions are those the register loaders mint, so a
text and a register that name the same institution describe one node.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from edukg.core.errors import InputError, Problem
from edukg.graph.iris import mint, slug
from edukg.graph.sources import SourceData
from edukg.loaders.text_candidates import (
    EDUKG,
    PROV,
    SCHEMA,
    XSD,
    Candidate,
    TextDocument,
    body_node,
    document_quads,
    quote_iri,
    quote_quads,
)
from edukg.ontology.namespace import COUNTRY_BASE

A = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SKOS = "http://www.w3.org/2004/02/skos/core#"
_DEFAULT = ox.DefaultGraph()


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def institution_node(base_iri: str, candidate: Candidate) -> ox.NamedNode:
    """The IRI of an institution candidate, as the register loaders mint it."""
    country = candidate.details.get("country", "xx").lower()
    return _n(mint(base_iri, "institution", f"{country}-{slug(candidate.value)}"))


def region_node(base_iri: str, label: str, country: str) -> ox.NamedNode:
    """The IRI of a region, as the register loaders mint it from its name."""
    return _n(mint(base_iri, f"region/{country.lower()}", slug(label)))


def accepted_source(
    document: TextDocument, candidates: Iterable[Candidate], *, loader_file: str | None = None
) -> SourceData:
    """The source of a document's accepted candidates.

    Raises :class:`~edukg.core.errors.InputError` (nothing written) for an
    institution whose country the text does not say.
    """
    accepted = {c.id: c for c in candidates}
    base = document.base_iri
    problems: list[Problem] = []
    triples: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = []
    nodes: dict[str, ox.NamedNode] = {}
    mentions = _n(SCHEMA + "mentions")
    derived = _n(PROV + "wasDerivedFrom")

    def quote_of(candidate: Candidate) -> ox.NamedNode:
        return quote_iri(document, candidate.sentence_start, candidate.sentence_stop)

    def region(label: str, code: str, country: str) -> ox.NamedNode:
        node = region_node(base, label, country)
        triples.extend([
            (node, A, _n(SCHEMA + "AdministrativeArea")),
            (node, _n(SKOS + "prefLabel"), ox.Literal(label, language="ru")),
            (node, _n(SKOS + "notation"), ox.Literal(code)),
            (node, _n(SCHEMA + "containedInPlace"), _n(COUNTRY_BASE + country)),
        ])
        return node

    for candidate in accepted.values():
        quote = quote_of(candidate)
        if candidate.kind == "institution":
            country = candidate.details.get("country")
            if country is None:
                problems.append(Problem(
                    document.file_name,
                    f"candidate {candidate.id}: the text does not say the country of "
                    f"{candidate.label!r}",
                    column=candidate.start,
                    value=candidate.quote,
                    hint="write it into a register instead (edukg extract FILE --register DIR), "
                    "add the country and load it with edukg load",
                ))
                continue
            node = institution_node(base, candidate)
            nodes[candidate.id] = node
            triples.extend([
                (node, A, _n(EDUKG + "Institution")),
                (node, A, _n(SCHEMA + "EducationalOrganization")),
                (node, _n(SKOS + "prefLabel"), ox.Literal(candidate.value, language="ru")),
                (node, _n(EDUKG + "country"), _n(COUNTRY_BASE + country)),
                (node, derived, quote),
            ])
            if "kind" in candidate.details:
                triples.append((node, _n(EDUKG + "kind"), _n(candidate.details["kind"])))
            if "region" in candidate.details:
                area = region(candidate.details["region_label"], candidate.details["region"],
                              country)
                triples.append((node, _n(EDUKG + "region"), area))
        elif candidate.kind == "region":
            node = region(candidate.label, candidate.value, candidate.details["country"])
            nodes[candidate.id] = node
            triples.append((node, derived, quote))
    for candidate in accepted.values():
        quote = quote_of(candidate)
        subject = nodes.get(candidate.subject or "")
        body = body_node(candidate)
        if candidate.kind == "partner-country" and body is not None:
            if subject is not None and candidate.subject in accepted and \
                    accepted[candidate.subject].kind == "institution":
                triples.append((subject, _n(EDUKG + "partnerCountry"), body))
                triples.append((subject, derived, quote))
            else:
                triples.append((document.iri, mentions, body))
        elif candidate.kind == "agreement-count":
            node = _n(mint(base, "statistic", f"{document.key}-{candidate.id}"))
            nodes[candidate.id] = node
            period = candidate.details.get("period")
            label = f"Заключённые соглашения: {candidate.value}"
            if period:
                label += f" ({period})"
            triples.extend([
                (node, A, _n(EDUKG + "AgreementCount")),
                (node, _n(SKOS + "prefLabel"), ox.Literal(label, language="ru")),
                (node, _n(SCHEMA + "value"),
                 ox.Literal(candidate.value, datatype=_n(XSD + "integer"))),
                (node, derived, quote),
            ])
            if period:
                triples.append(
                    (node, _n(EDUKG + "period"), ox.Literal(period, datatype=_n(XSD + "gYear")))
                )
            if subject is not None:
                triples.append((node, _n(SCHEMA + "observationAbout"), subject))
        elif candidate.kind in ("agreement", "event-kind") and body is not None:
            if candidate.kind == "event-kind" and subject is not None and \
                    accepted.get(candidate.subject or "") is not None and \
                    accepted[candidate.subject or ""].kind == "agreement-count":
                continue  # written with its count below
            triples.append((document.iri, mentions, body))
        elif candidate.kind in ("year", "date"):
            datatype = {4: "gYear", 7: "gYearMonth"}.get(len(candidate.value), "date")
            triples.append((document.iri, _n(SCHEMA + "temporalCoverage"),
                            ox.Literal(candidate.value, datatype=_n(XSD + datatype))))
    for candidate in accepted.values():
        if candidate.kind != "event-kind" or candidate.subject not in nodes:
            continue
        owner = accepted.get(candidate.subject or "")
        body = body_node(candidate)
        if owner is not None and owner.kind == "agreement-count" and body is not None:
            count = nodes[candidate.subject or ""]
            triples.append((count, _n(EDUKG + "reportedEventKind"), body))
            triples.append((count, derived, quote_of(candidate)))
    if problems:
        raise InputError(
            f"nothing was accepted: {len(problems)} candidate(s) cannot become facts",
            problems=problems,
            hint="leave these candidates out, or correct them in a register",
        )
    quads = document_quads(document, _DEFAULT)
    for candidate in accepted.values():
        quads += quote_quads(document, candidate, _DEFAULT)
    staged = ox.Store()
    staged.extend(quads)
    staged.extend(ox.Quad(s, p, o, _DEFAULT) for s, p, o in triples)
    return SourceData(
        name=document.source_name,
        sha256=document.sha256,
        loader="text",
        staged=staged,
        file_name=loader_file or document.file_name,
    )
