"""The ontology parses, aligns with standards, and its closure is consistent."""

from __future__ import annotations

from pathlib import Path

import owlrl
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Namespace, URIRef

from edukg.ontology import EDUKG, SCHEMES, countries_graph, ontology_graph, shapes_graph
from tests.conftest import EXAMPLE_FILES

ERRORS = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")
BASE = "https://edukg.example/id/"


def closure_errors(graph: Graph) -> list[str]:
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return sorted(str(message) for message in graph.objects(None, ERRORS.error))


def test_ontology_and_shapes_parse() -> None:
    assert (URIRef("https://w3id.org/edukg/ontology"), RDF.type, OWL.Ontology) in ontology_graph()
    assert (
        len(list(shapes_graph().subjects(RDF.type, URIRef("http://www.w3.org/ns/shacl#NodeShape"))))
        >= 8
    )


def test_every_own_term_is_tied_to_a_standard_term() -> None:
    graph = ontology_graph()
    own = {s for s in graph.subjects() if str(s).startswith(str(EDUKG._NS))}
    loose = [
        term
        for term in own
        if not set(graph.objects(term, RDFS.subClassOf))
        | set(graph.objects(term, RDFS.subPropertyOf))
        | set(graph.objects(term, SKOS.closeMatch))
    ]
    assert loose == []


def test_institution_is_a_formal_and_educational_organization() -> None:
    parents = set(ontology_graph().objects(EDUKG.Institution, RDFS.subClassOf))
    assert URIRef("http://www.w3.org/ns/org#FormalOrganization") in parents
    assert URIRef("https://schema.org/EducationalOrganization") in parents


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_every_concept_has_ru_be_en_labels_and_a_notation(scheme: str) -> None:
    graph = ontology_graph()
    concepts = list(graph.subjects(SKOS.inScheme, SCHEMES[scheme]))
    assert len(concepts) >= 4
    for concept in concepts:
        languages = {label.language for label in graph.objects(concept, SKOS.prefLabel)}
        assert languages == {"ru", "be", "en"}, concept
        assert graph.value(concept, SKOS.notation) is not None


def test_schemes_have_the_notations_the_design_names() -> None:
    graph = ontology_graph()

    def notations(scheme: str) -> set[str]:
        return {
            str(graph.value(c, SKOS.notation))
            for c in graph.subjects(SKOS.inScheme, SCHEMES[scheme])
        }

    assert notations("institution-kind") == {
        "school",
        "gymnasium",
        "lyceum",
        "college",
        "university",
        "institute_of_education_development",
        "education_authority",
        "ministry",
        "preschool",
        "extracurricular",
        "other",
        # CORDIS activity types (HES, REC, PUB, PRC; OTH is "other")
        "higher_or_secondary_education",
        "research_organisation",
        "public_body",
        "company",
    }
    h2020_parts = {
        "h2020_erc",
        "h2020_fet",
        "h2020_msca",
        "h2020_ri",
        "h2020_leit",
        "h2020_arf",
        "h2020_sme",
        "h2020_sc1",
        "h2020_sc2",
        "h2020_sc3",
        "h2020_sc4",
        "h2020_sc5",
        "h2020_sc6",
        "h2020_sc7",
        "h2020_sewp",
        "h2020_swafs",
        "h2020_euratom",
    }
    assert (
        notations("agreement-kind")
        == {
            "agreement",
            "memorandum",
            "roadmap",
            "contract",
            "programme",
            "research_project",
        }
        | h2020_parts
    )
    assert notations("event-kind") == {
        "delegation_visit",
        "seminar",
        "round_table",
        "conference",
        "training_programme",
        "webinar",
        "workshop",
        "competition",
        "exchange_visit",
        "other",
    }
    assert "professional_development" in notations("cooperation-area")


def test_owl_rl_closure_of_ontology_and_examples_is_consistent() -> None:
    graph = ontology_graph() + countries_graph()
    for example in EXAMPLE_FILES:
        graph.parse(data=example.read_text("utf-8"), format="turtle", publicID=BASE)
    assert closure_errors(graph) == []
    # The closure does infer through the alignment: our institutions are W3C ORG organisations.
    minsk = URIRef(BASE + "institution/minsk-regional-institute-for-education-development")
    assert (minsk, RDF.type, URIRef("http://www.w3.org/ns/org#FormalOrganization")) in graph


def test_owl_rl_closure_finds_an_entity_that_is_both_event_and_institution() -> None:
    graph = ontology_graph()
    thing = URIRef(BASE + "event/mixed-up")
    graph.add((thing, RDF.type, EDUKG.CooperationEvent))
    graph.add(
        (URIRef(BASE + "agreement/x"), EDUKG.hasParty, thing)
    )  # range makes it an Institution
    errors = closure_errors(graph)
    assert len(errors) == 1 and "Disjoint classes" in errors[0]


def test_ontology_file_is_the_packaged_one() -> None:
    packaged = Path(__file__).parents[2] / "ontology" / "edukg.ttl"
    assert packaged.read_text("utf-8").startswith("# edukg")
