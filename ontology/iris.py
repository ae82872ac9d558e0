"""edukg's own IRIs and prefixes as plain text: what queries and the store need, without rdflib.

:mod:`edukg.ontology.namespace` builds rdflib namespaces on these; modules that only
need the text import it from here, so a query does not wait for rdflib to import.

>>> agent_iri("csv", "0.1.0")
'https://w3id.org/edukg/agent/csv/0.1.0'
>>> PREFIXES["edukg"]
'https://w3id.org/edukg/ontology#'
"""

from __future__ import annotations

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


PREFIXES: dict[str, str] = {
    "edukg": ONTOLOGY_IRI + "#",
    "ikind": CONCEPT_BASE + "institution-kind/",
    "akind": CONCEPT_BASE + "agreement-kind/",
    "area": CONCEPT_BASE + "cooperation-area/",
    "ekind": CONCEPT_BASE + "event-kind/",
    "role": CONCEPT_BASE + "party-role/",
    "country": COUNTRY_BASE,
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "wd": "http://www.wikidata.org/entity/",
    "oa": "http://www.w3.org/ns/oa#",
}
"""Prefixes used in exports and available to every catalogue query."""
