"""Each SHACL shape rejects its own bad fixture; the examples conform."""

from __future__ import annotations

import pytest

from edukg.graph.store import KnowledgeGraph
from edukg.graph.validate import validate
from edukg.loaders import load_files
from tests.conftest import DATA

SHAPES = DATA / "shapes"


def violations_of(
    kg: KnowledgeGraph, fixture: str
) -> list[tuple[str, str | None, str | None, str]]:
    load_files(kg, [SHAPES / fixture])
    report = validate(kg)
    assert not report.conforms
    return [(v.focus, v.path, v.value, v.rule) for v in report.violations]


def test_the_bundled_examples_conform(example_kg: KnowledgeGraph) -> None:
    report = validate(example_kg)
    assert report.conforms, [str(v) for v in report.violations]


def test_partial_dates_compare_on_what_both_know(kg: KnowledgeGraph) -> None:
    load_files(kg, [SHAPES / "good-partial-dates.ttl"])
    report = validate(kg)
    assert report.conforms, [str(v) for v in report.violations]


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        pytest.param(
            "agreement-one-party.ttl",
            (
                "<https://edukg.example/id/test/ag>",
                "edukg:hasParty",
                None,
                "MinCountConstraintComponent",
            ),
            id="agreement-needs-two-parties",
        ),
        pytest.param(
            "agreement-expires-before-signed.ttl",
            (
                "<https://edukg.example/id/test/ag>",
                "schema:validThrough",
                '"2023"^^xsd:gYear',
                "SPARQLConstraintComponent",
            ),
            id="valid-through-before-signing",
        ),
        pytest.param(
            "event-ends-before-start.ttl",
            (
                "<https://edukg.example/id/test/ev>",
                "schema:endDate",
                '"2024-10-04"^^xsd:date',
                "SPARQLConstraintComponent",
            ),
            id="event-ends-before-start",
        ),
        pytest.param(
            "institution-without-label.ttl",
            (
                "<https://edukg.example/id/test/school-c>",
                "skos:prefLabel",
                None,
                "MinCountConstraintComponent",
            ),
            id="institution-needs-label",
        ),
        pytest.param(
            "institution-without-country.ttl",
            (
                "<https://edukg.example/id/test/school-c>",
                "edukg:country",
                None,
                "MinCountConstraintComponent",
            ),
            id="institution-needs-country",
        ),
        pytest.param(
            "institution-kind-from-wrong-scheme.ttl",
            (
                "<https://edukg.example/id/test/school-c>",
                "edukg:kind",
                "ekind:seminar",
                "NodeConstraintComponent",
            ),
            id="coded-value-from-its-scheme",
        ),
        pytest.param(
            "agreement-date-not-a-date.ttl",
            (
                "<https://edukg.example/id/test/ag>",
                "edukg:signedOn",
                '"24.05.2024"',
                "OrConstraintComponent",
            ),
            id="dates-are-typed",
        ),
        pytest.param(
            "party-not-listed-on-agreement.ttl",
            (
                "<https://edukg.example/id/test/ag-p3>",
                "org:member",
                "<https://edukg.example/id/test/school-c>",
                "SPARQLConstraintComponent",
            ),
            id="party-member-listed-on-agreement",
        ),
        pytest.param(
            "region-without-country.ttl",
            (
                "<https://edukg.example/id/test/region>",
                "schema:containedInPlace",
                None,
                "MinCountConstraintComponent",
            ),
            id="region-in-a-country",
        ),
    ],
)
def test_each_shape_rejects_its_bad_fixture(
    kg: KnowledgeGraph, fixture: str, expected: tuple[str, str, str | None, str]
) -> None:
    assert violations_of(kg, fixture) == [expected]


def test_violation_message_names_entity_rule_and_value(kg: KnowledgeGraph) -> None:
    load_files(kg, [SHAPES / "event-ends-before-start.ttl"])
    (violation,) = validate(kg).violations
    text = str(violation)
    assert (
        "<https://edukg.example/id/test/ev>" in text
        and "2024-10-04" in text
        and "before it starts" in text
    )
    assert "SPARQLConstraintComponent" in text
