"""Typed namespaces of edukg's own terms, which fail on typos.

>>> from edukg.ontology.namespace import EDUKG
>>> str(EDUKG.hasParty)
'https://w3id.org/edukg/ontology#hasParty'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from edukg.ontology.iris import (
    AGENT_BASE,
    ANALYSIS_IRI,
    CONCEPT_BASE,
    COUNTRY_BASE,
    ONTOLOGY_IRI,
    PREFIXES,
    PROJECT_IRI,
    SYSTEM_GRAPH_BASE,
    agent_iri,
)

__all__ = [
    "AGENT_BASE",
    "AGREEMENT_KIND",
    "ANALYSIS_IRI",
    "CONCEPT_BASE",
    "COOPERATION_AREA",
    "COUNTRY",
    "COUNTRY_BASE",
    "EDUKG",
    "EVENT_KIND",
    "INSTITUTION_KIND",
    "ONTOLOGY_IRI",
    "ORG",
    "PARTY_ROLE",
    "PREFIXES",
    "PROJECT_IRI",
    "SCHEMA",
    "SCHEMES",
    "SYSTEM_GRAPH_BASE",
    "WD",
    "agent_iri",
]


class EDUKG(DefinedNamespace):
    """The edukg ontology namespace (``ontology/edukg.ttl``)."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI + "#")

    Institution: URIRef
    CooperationAgreement: URIRef
    AgreementParty: URIRef
    CooperationEvent: URIRef
    AgreementCount: URIRef
    Source: URIRef
    ReferenceSource: URIRef
    kind: URIRef
    country: URIRef
    region: URIRef
    hasParty: URIRef
    qualifiedParty: URIRef
    agreement: URIRef
    signedOn: URIRef
    signatory: URIRef
    area: URIRef
    implements: URIRef
    partnerCountry: URIRef
    period: URIRef
    reportedEventKind: URIRef
    sha256: URIRef
    statementsSha256: URIRef
    tripleCount: URIRef
    shortName: URIRef
    domain: URIRef
    registryType: URIRef
    registryStatus: URIRef
    Candidate: URIRef
    candidateKind: URIRef
    confidence: URIRef
    reviewStatus: URIRef
    candidateDetails: URIRef
    subjectCandidate: URIRef


SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
WD = Namespace("http://www.wikidata.org/entity/")

SCHEMES = {
    "institution-kind": URIRef(CONCEPT_BASE + "institution-kind"),
    "agreement-kind": URIRef(CONCEPT_BASE + "agreement-kind"),
    "cooperation-area": URIRef(CONCEPT_BASE + "cooperation-area"),
    "event-kind": URIRef(CONCEPT_BASE + "event-kind"),
    "party-role": URIRef(CONCEPT_BASE + "party-role"),
}
"""The SKOS concept schemes by short name."""

INSTITUTION_KIND = Namespace(CONCEPT_BASE + "institution-kind/")
AGREEMENT_KIND = Namespace(CONCEPT_BASE + "agreement-kind/")
COOPERATION_AREA = Namespace(CONCEPT_BASE + "cooperation-area/")
EVENT_KIND = Namespace(CONCEPT_BASE + "event-kind/")
PARTY_ROLE = Namespace(CONCEPT_BASE + "party-role/")
COUNTRY = Namespace(COUNTRY_BASE)
