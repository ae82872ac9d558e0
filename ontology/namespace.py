"""Typed namespaces of edukg's own terms, which fail on typos.

>>> from edukg.ontology.namespace import EDUKG
>>> str(EDUKG.hasParty)
'https://w3id.org/edukg/ontology#hasParty'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

PROJECT_IRI = "https://w3id.org/edukg"
ONTOLOGY_IRI = PROJECT_IRI + "/ontology"
CONCEPT_BASE = PROJECT_IRI + "/concept/"
COUNTRY_BASE = PROJECT_IRI + "/country/"
SYSTEM_GRAPH_BASE = PROJECT_IRI + "/graph/"
AGENT_BASE = PROJECT_IRI + "/agent/"
ANALYSIS_IRI = PROJECT_IRI + "/analysis#"
"""The vocabulary of analysis results (clusters, brokers, runs)."""


def agent_iri(name: str, version: str) -> str:
    """The PROV software agent of a loader (or the analysis) at a version.

    >>> agent_iri("csv", "0.1.0")
    'https://w3id.org/edukg/agent/csv/0.1.0'
    """
    return f"{AGENT_BASE}{name}/{version}"


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

PREFIXES: dict[str, str] = {
    "edukg": ONTOLOGY_IRI + "#",
    "ikind": str(INSTITUTION_KIND),
    "akind": str(AGREEMENT_KIND),
    "area": str(COOPERATION_AREA),
    "ekind": str(EVENT_KIND),
    "role": str(PARTY_ROLE),
    "country": COUNTRY_BASE,
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": str(ORG),
    "prov": "http://www.w3.org/ns/prov#",
    "schema": str(SCHEMA),
    "dcterms": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "wd": str(WD),
    "oa": "http://www.w3.org/ns/oa#",
}
"""Prefixes used in exports and available to every catalogue query."""
