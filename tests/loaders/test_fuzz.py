"""Random input to every loader: a load succeeds or fails with located problems, never worse.

On failure the store must be exactly as before; a success is undone with
``remove_sources`` and must leave the store as before too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edukg.core.errors import InputError
from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files
from tests.loaders.conftest import AGREEMENTS, EVENTS, INSTITUTIONS

EXAMPLE = Path(__file__).parents[2] / "examples" / "minsk-region-2024.ttl"
FUZZ = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
LOADERS = [
    (".ttl", None), (".nt", None), (".rdf", None), (".jsonld", None),
    (".csv", None), (".tsv", None), (".json", None), (".xlsx", None), (".csv", "cordis"),
]


@pytest.fixture(scope="module")
def store() -> Iterator[KnowledgeGraph]:
    with KnowledgeGraph.in_memory() as kg:
        load_files(kg, [EXAMPLE])
        yield kg


def _dump(kg: KnowledgeGraph) -> list[bytes]:
    return sorted(kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS).splitlines())


def _outcome_is_clean(kg: KnowledgeGraph, path: Path, loader: str | None) -> None:
    before = _dump(kg)
    try:
        result = load_files(kg, [path], loader_name=loader)
    except InputError as error:
        assert error.problems, "an InputError lists its problems"
        assert all(problem.file and problem.message for problem in error.problems)
        assert _dump(kg) == before
        return
    assert [change.name for change in result.changes] == [path.name]
    kg.remove_sources([path.name])
    assert _dump(kg) == before and kg.damaged_sources() == []


@pytest.mark.parametrize(("extension", "loader"), LOADERS)
@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes(
    store: KnowledgeGraph, tmp_path: Path, extension: str, loader: str | None, data: bytes
) -> None:
    path = tmp_path / f"fuzz{extension}"
    path.write_bytes(data)
    _outcome_is_clean(store, path, loader)


_CELL = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["BY", "RU", "Беларусь", "2024-03-15", "15.03.2024", "test-gym", "=1+1", ""]),
)


@pytest.mark.parametrize("header", [INSTITUTIONS[0], AGREEMENTS[0], EVENTS[0]], ids=str)
@FUZZ
@given(rows=st.lists(st.lists(_CELL, min_size=11, max_size=11), max_size=4))
def test_random_register_rows(
    store: KnowledgeGraph, tmp_path: Path, header: list[str], rows: list[list[str]]
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(row[: len(header)] for row in rows)
    path = tmp_path / "register.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    _outcome_is_clean(store, path, None)
