"""Running queries: time limits, result kinds, the Python API."""

from __future__ import annotations

import time

import pytest

import edukg.queries as queries
from edukg.core.errors import QueryError
from edukg.graph.store import KnowledgeGraph
from edukg.queries.runner import run_query, run_sparql

from .conftest import load_fixture

# every triple times every triple times every triple: billions of rows
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_a_query_past_its_time_limit_stops_with_a_clear_message(query_kg: KnowledgeGraph) -> None:
    started = time.monotonic()
    with pytest.raises(QueryError) as caught:
        run_sparql(query_kg, ENDLESS, timeout=1)
    assert time.monotonic() - started < 15
    assert "time limit of 1 s" in str(caught.value)
    assert "--timeout" in str(caught.value)
    # the store still answers afterwards
    assert run_sparql(query_kg, "ASK { country:BY skos:notation 'BY' }").boolean is True


def test_a_timed_out_query_on_an_on_disk_store_leaves_it_usable(tmp_path) -> None:
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        load_fixture(kg, "events")
        with pytest.raises(QueryError, match="time limit"):
            run_sparql(kg, ENDLESS, timeout=0.5)
        assert len(run_query(kg, "events", {}, timeout=30).rows) == 3


def test_a_query_within_its_time_limit_gives_the_same_rows(query_kg: KnowledgeGraph) -> None:
    load_fixture(query_kg, "agreements")
    assert (
        run_query(query_kg, "agreements", {}, timeout=30).rows
        == run_query(query_kg, "agreements", {}).rows
    )


def test_errors_inside_the_timed_child_come_back_as_query_errors(query_kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match="malformed"):
        run_sparql(query_kg, "SELECT WHERE {", timeout=5)


def test_malformed_sparql_is_a_query_error(query_kg: KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match="malformed"):
        run_sparql(query_kg, "SELEKT ?x WHERE { ?x ?y ?z }")


def test_construct_and_ask_results(query_kg: KnowledgeGraph) -> None:
    load_fixture(query_kg, "events")
    graph = run_sparql(
        query_kg,
        "CONSTRUCT { ?e schema:name ?l } WHERE { ?e a edukg:CooperationEvent ; skos:prefLabel ?l }",
    )
    assert graph.kind == "graph"
    assert len(graph.triples) == 5
    assert run_sparql(query_kg, "ASK { ?e a edukg:CooperationEvent }").boolean is True


def test_python_api_functions_return_rows_and_frames(query_kg: KnowledgeGraph) -> None:
    load_fixture(query_kg, "cooperation-by-year")
    assert queries.rows(query_kg, "cooperation-by-year") == [
        {"year": 2023, "agreements": 2, "events": 0},
        {"year": 2024, "agreements": 2, "events": 1},
        {"year": 2025, "agreements": 1, "events": 1},  # y5: not signed, valid from 2025
    ]
    load_fixture(query_kg, "events-by-type")
    assert queries.rows(query_kg, "events-by-type", year=2025, lang="en")[0] == {
        "type": "seminar",
        "label": "seminar",
        "events": 2,
    }
    pandas = pytest.importorskip("pandas")
    frame = queries.dataframe(query_kg, "cooperation-by-year")
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["year", "agreements", "events"]
    assert frame["agreements"].sum() == 5


def test_queries_are_run_by_name_not_through_generated_functions() -> None:
    with pytest.raises(AttributeError):
        queries.cooperation_by_year  # type: ignore[attr-defined]  # noqa: B018
