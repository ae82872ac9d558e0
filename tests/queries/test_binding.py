"""Parameters are parsed, checked and bound as RDF terms: hostile values change nothing."""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import pytest

from edukg.core.errors import ConfigError, QueryError
from edukg.graph.store import KnowledgeGraph
from edukg.queries.binding import bind, parse_parameters, parse_value
from edukg.queries.catalogue import Parameter, get_query, load_catalogue, parse_query_file
from edukg.queries.runner import run_query

from .conftest import OxigraphServer, load_fixture

HOSTILE = [
    pytest.param('x" } ; DELETE WHERE { ?s ?p ?o } ; #', id="quote-brace-delete"),
    pytest.param(
        'x\' } } DELETE WHERE { ?s ?p ?o } INSERT DATA { <urn:a> <urn:b> "c" }',
        id="single-quote-insert",
    ),
    pytest.param('"""} UNION { ?s ?p ?o } #', id="triple-quote-union"),
    pytest.param('\\" } DELETE WHERE { GRAPH ?g { ?s ?p ?o } }\n#', id="backslash-newline"),
    pytest.param("> } DELETE WHERE { ?s ?p ?o } <", id="angle-brackets"),
]

STRING_PARAMETERS = [
    (name, parameter.name)
    for name, query in load_catalogue().items()
    for parameter in query.parameters
    if parameter.type == "string"
]


def quad_count(kg: KnowledgeGraph) -> int:
    return len(kg.oxigraph)


def _rows(target: object, name: str, params: dict[str, str]) -> list[object]:
    """The rows, or none when the value names no institution (an error since issue 15)."""
    try:
        return list(run_query(target, name, params).rows)
    except ConfigError as error:
        assert error.message.startswith("no institution called"), error.message
        return []


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_return_no_rows_and_change_nothing(
    value: str, query_kg: KnowledgeGraph, oxigraph_server: OxigraphServer
) -> None:
    from edukg.graph.push import push

    for fixture in ("agreements", "events", "partners"):
        load_fixture(query_kg, fixture)
    before = sorted(str(quad) for quad in query_kg.oxigraph)
    oxigraph_server.clear()
    push(query_kg, store_endpoint=oxigraph_server.store_url)
    remote_before = oxigraph_server.count()
    assert STRING_PARAMETERS, "the catalogue has string parameters to attack"
    for name, parameter in STRING_PARAMETERS:
        params = {parameter: value}
        assert _rows(query_kg, name, params) == [], (name, parameter)
        assert _rows(oxigraph_server.endpoint(), name, params) == [], (name, parameter)
    assert sorted(str(quad) for quad in query_kg.oxigraph) == before
    assert oxigraph_server.count() == remote_before


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_value_stays_one_literal_in_the_query_text(value: str) -> None:
    query = get_query("events")
    text = bind(query.text, parse_parameters(query, {"type": value}))
    parsed_values = [line for line in text.splitlines() if line.strip().startswith("VALUES")]
    assert parsed_values
    # the VALUES line parses back to exactly the value given
    store = ox.Store()
    row = next(iter(store.query(f"SELECT * WHERE {{ {parsed_values[0]} }}")))
    assert row["type"].value == value
    assert row["lang"].value == "ru"


@pytest.mark.parametrize(
    ("parameter", "value", "message"),
    [
        pytest.param(
            Parameter("year", "integer"), "2024 } DELETE", "not a whole number", id="integer"
        ),
        pytest.param(Parameter("on", "date"), "2025-13-01", "not a date", id="date-month-13"),
        pytest.param(Parameter("on", "date"), '2025-01-01" } #', "not a date", id="date-injection"),
        pytest.param(
            Parameter("g", "iri"), "http://a> } DELETE WHERE { ?s ?p ?o } <", "not an IRI", id="iri"
        ),
        pytest.param(Parameter("lang", "lang"), 'ru" } #', "not a language tag", id="lang"),
        pytest.param(Parameter("country", "country"), "Нарния", "no country", id="country"),
    ],
)
def test_malformed_values_are_refused_with_a_hint(
    parameter: Parameter, value: str, message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_value(parameter, value)
    assert message in str(caught.value)
    assert caught.value.hint


def test_values_parse_to_typed_terms() -> None:
    assert parse_value(Parameter("c", "country"), "Republic of Belarus").value == "BY"
    assert (
        parse_value(Parameter("d", "date"), "today", today=dt.date(2026, 1, 2)).value
        == "2026-01-02"
    )
    assert (
        parse_value(Parameter("g", "iri"), "country:BY").value
        == "https://w3id.org/edukg/country/BY"
    )
    assert parse_value(Parameter("n", "integer"), " 42 ").datatype.value.endswith("#integer")


def test_all_parameter_problems_are_reported_at_once() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_parameters(
            get_query("agreements"), {"yeer": "2024", "year": "soon", "active_on": "tomorrow"}
        )
    text = str(caught.value)
    assert "3 problems" in text
    assert "'yeer'" in text and "soon" in text and "tomorrow" in text


def test_a_required_parameter_must_be_given() -> None:
    with pytest.raises(ConfigError, match="needs -p institution"):
        parse_parameters(get_query("partners"), {})


def test_defaults_fill_in_and_today_is_the_default_day() -> None:
    terms = parse_parameters(get_query("expiring-agreements"), {}, today=dt.date(2026, 3, 4))
    assert terms["on"].value == "2026-03-04"
    assert terms["within_days"].value == "180"
    assert terms["lang"].value == "ru"


def test_default_day_is_really_today(query_kg: KnowledgeGraph) -> None:
    load_fixture(query_kg, "dormant-agreements")
    explicit = run_query(query_kg, "dormant-agreements", {"on": dt.date.today().isoformat()})
    assert run_query(query_kg, "dormant-agreements", {}).rows == explicit.rows


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("# title: X\nSELECT ?x WHERE {}", "no '# columns:' line", id="no-columns"),
        pytest.param(
            "# param: n (number): n\n# columns: x\nSELECT ?x WHERE { # @parameters\n}",
            "unknown type 'number'",
            id="bad-type",
        ),
        pytest.param(
            "# param: n integer\n# columns: x\nSELECT ?x WHERE {}",
            "expected 'name (type",
            id="bad-param",
        ),
        pytest.param(
            "# param: n (integer): n\n# columns: x\nSELECT ?x WHERE { }",
            "no '# @parameters' line",
            id="no-marker",
        ),
        pytest.param(
            "# columns: x\n# lists: y\nSELECT ?x WHERE { }", "list column 'y'", id="bad-list"
        ),
    ],
)
def test_bad_headers_name_the_file_and_line(text: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_query_file("broken", text)
    assert message in str(caught.value)
    assert "broken.rq" in str(caught.value)


def test_every_catalogue_query_has_titles_and_descriptions_in_english_and_russian() -> None:
    for query in load_catalogue().values():
        assert {"en", "ru"} <= set(query.titles), query.name
        assert {"en", "ru"} <= set(query.descriptions), query.name
        assert query.columns


def test_issue_columns_are_kept() -> None:
    promised = {
        "agreements": "agreement, title, type, signed, valid_until, parties",
        "partner-countries": "country, label, agreements",
        "partners": "partner, label, country, agreements, events",
        "institutions-without-partners": "institution, label, country, region",
        "expiring-agreements": "agreement, title, valid_until, days_left, parties",
        "events": "event, title, type, start, end, host, participants",
        "events-by-type": "type, label, events",
        "cooperation-by-year": "year, agreements, events",
    }
    for name, columns in promised.items():
        assert ", ".join(get_query(name).columns) == columns


def test_dormant_agreements_uses_minus_not_not_exists() -> None:
    lines = get_query("dormant-agreements").text.upper().splitlines()
    sparql = "\n".join(line for line in lines if not line.strip().startswith("#"))
    assert "MINUS" in sparql
    assert "NOT EXISTS" not in sparql


def test_unknown_query_name_suggests_the_closest() -> None:
    with pytest.raises(ConfigError) as caught:
        get_query("partner-country")
    assert "partner-countries" in str(caught.value)
