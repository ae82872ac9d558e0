"""The RDF terms register loaders write, made once.

Kept as module constants so a large load shares one object per predicate
and class instead of building millions of equal ones.
"""

from __future__ import annotations

import pyoxigraph as ox

from edukg.ontology.namespace import COUNTRY_BASE, ONTOLOGY_IRI

EDUKG = ONTOLOGY_IRI + "#"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ORG = "http://www.w3.org/ns/org#"
DCTERMS = "http://purl.org/dc/terms/"
WIKIDATA = "http://www.wikidata.org/entity/"
ROLE = "https://w3id.org/edukg/concept/party-role/"

A = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
INSTITUTION = ox.NamedNode(EDUKG + "Institution")
EDUCATIONAL_ORGANIZATION = ox.NamedNode(SCHEMA + "EducationalOrganization")
AGREEMENT = ox.NamedNode(EDUKG + "CooperationAgreement")
AGREEMENT_PARTY = ox.NamedNode(EDUKG + "AgreementParty")
EVENT = ox.NamedNode(EDUKG + "CooperationEvent")
ADMINISTRATIVE_AREA = ox.NamedNode(SCHEMA + "AdministrativeArea")

PREF_LABEL = ox.NamedNode(SKOS + "prefLabel")
ALT_LABEL = ox.NamedNode(SKOS + "altLabel")
NOTE = ox.NamedNode(SKOS + "note")
IDENTIFIER = ox.NamedNode(DCTERMS + "identifier")
SOURCE = ox.NamedNode(DCTERMS + "source")
KIND = ox.NamedNode(EDUKG + "kind")
COUNTRY = ox.NamedNode(EDUKG + "country")
REGION = ox.NamedNode(EDUKG + "region")
CONTAINED_IN_PLACE = ox.NamedNode(SCHEMA + "containedInPlace")
LOCALITY = ox.NamedNode(SCHEMA + "addressLocality")
URL = ox.NamedNode(SCHEMA + "url")
SAME_AS = ox.NamedNode(SCHEMA + "sameAs")
SUB_ORGANIZATION_OF = ox.NamedNode(ORG + "subOrganizationOf")
HAS_PARTY = ox.NamedNode(EDUKG + "hasParty")
QUALIFIED_PARTY = ox.NamedNode(EDUKG + "qualifiedParty")
PARTY_AGREEMENT = ox.NamedNode(EDUKG + "agreement")
MEMBER = ox.NamedNode(ORG + "member")
ROLE_PREDICATE = ox.NamedNode(ORG + "role")
SIGNED_ON = ox.NamedNode(EDUKG + "signedOn")
VALID_FROM = ox.NamedNode(SCHEMA + "validFrom")
VALID_THROUGH = ox.NamedNode(SCHEMA + "validThrough")
AREA = ox.NamedNode(EDUKG + "area")
START_DATE = ox.NamedNode(SCHEMA + "startDate")
END_DATE = ox.NamedNode(SCHEMA + "endDate")
ORGANIZER = ox.NamedNode(SCHEMA + "organizer")
ATTENDEE = ox.NamedNode(SCHEMA + "attendee")
IMPLEMENTS = ox.NamedNode(EDUKG + "implements")
SIGNATORY = ox.NamedNode(EDUKG + "signatory")

# Registries (ROR, the world universities list)
EXACT_MATCH = ox.NamedNode(SKOS + "exactMatch")
SHORT_NAME = ox.NamedNode(EDUKG + "shortName")
DOMAIN = ox.NamedNode(EDUKG + "domain")
REGISTRY_TYPE = ox.NamedNode(EDUKG + "registryType")
REGISTRY_STATUS = ox.NamedNode(EDUKG + "registryStatus")
FOUNDING_DATE = ox.NamedNode(SCHEMA + "foundingDate")
PARENT_ORGANIZATION = ox.NamedNode(SCHEMA + "parentOrganization")
SUB_ORGANIZATION = ox.NamedNode(SCHEMA + "subOrganization")
RELATION = ox.NamedNode(DCTERMS + "relation")
REPLACES = ox.NamedNode(DCTERMS + "replaces")
IS_REPLACED_BY = ox.NamedNode(DCTERMS + "isReplacedBy")

ROLES = {
    name: ox.NamedNode(ROLE + name) for name in ("party", "coordinator", "participant", "partner")
}

_COUNTRIES: dict[str, ox.NamedNode] = {}


def country_node(alpha2: str) -> ox.NamedNode:
    """The (shared) IRI node of a country by alpha-2 code."""
    node = _COUNTRIES.get(alpha2)
    if node is None:
        node = _COUNTRIES[alpha2] = ox.NamedNode(COUNTRY_BASE + alpha2)
    return node
