"""Listings come a page at a time, the same pages on every engine."""

from __future__ import annotations

from typing import Any

import pytest

from edukg.core.errors import ConfigError
from edukg.queries.catalogue import load_catalogue
from edukg.queries.runner import PAGE_SIZE, run_query

from .conftest import OxigraphServer
from .test_catalogue_cases import CASES, Engines

PAGED = sorted(name for name, query in load_catalogue().items() if query.paged)


def richest_case(name: str) -> tuple[dict[str, str], list[tuple[Any, ...]]]:
    """The parameters of the hand-checked case of ``name`` with the most rows."""
    params, expected = max(
        ((case.values[1], case.values[2]) for case in CASES if case.values[0] == name),
        key=lambda pair: len(pair[1]),
    )
    return params, expected


@pytest.fixture(scope="module")
def engines(oxigraph_server: OxigraphServer) -> Engines:
    return Engines(oxigraph_server)


def test_the_listings_are_paged() -> None:
    assert PAGED == ["agreements", "dormant-agreements", "events", "expiring-agreements"]


@pytest.mark.parametrize("name", PAGED)
def test_pages_of_one_row_add_up_to_the_whole_listing_on_every_engine(
    name: str, engines: Engines
) -> None:
    params, expected = richest_case(name)
    assert len(expected) >= 2, "the case must list at least two rows to page through"
    kg, dataset, endpoint = engines.get(name)
    for target in (kg, dataset, endpoint):
        whole = run_query(target, name, params, limit=0)
        assert not whole.more
        pages = []
        offset = 0
        while True:
            page = run_query(target, name, params, limit=1, offset=offset)
            pages.append(page)
            offset += 1
            if not page.more:
                break
        assert [row for page in pages for row in page.rows] == whole.rows
        assert len(pages) == len(expected)
        assert [len(page.rows) for page in pages] == [1] * len(expected)


def test_a_listing_returns_one_default_page_and_says_more_follow(engines: Engines) -> None:
    params, expected = richest_case("agreements")
    kg, _, _ = engines.get("agreements")
    first = run_query(kg, "agreements", params)
    assert len(first.rows) == len(expected) <= PAGE_SIZE
    assert not first.more
    two = run_query(kg, "agreements", params, limit=len(expected) - 1)
    assert two.more
    assert two.rows == first.rows[:-1]


def test_an_offset_past_the_end_gives_no_rows(engines: Engines) -> None:
    kg, _, _ = engines.get("agreements")
    result = run_query(kg, "agreements", {}, limit=5, offset=1000)
    assert result.rows == []
    assert not result.more


def test_queries_that_are_not_listings_are_cut_in_python(engines: Engines) -> None:
    params, expected = richest_case("partner-countries")
    assert len(expected) >= 2
    kg, _, _ = engines.get("partner-countries")
    assert run_query(kg, "partner-countries", params).rows == run_query(
        kg, "partner-countries", params, limit=0
    ).rows
    page = run_query(kg, "partner-countries", params, limit=1, offset=1)
    assert [tuple(r.values()) for r in page.records()] == [expected[1]]
    assert page.more == (len(expected) > 2)


@pytest.mark.parametrize(("limit", "offset"), [(-1, 0), (10, -5)])
def test_a_negative_limit_or_offset_is_refused(limit: int, offset: int, engines: Engines) -> None:
    kg, _, _ = engines.get("agreements")
    with pytest.raises(ConfigError, match="limit and an offset of 0 or more"):
        run_query(kg, "agreements", {}, limit=limit, offset=offset)
