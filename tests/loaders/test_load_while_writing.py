"""A first register load bulk-loads each file while it builds the next: same statements,
and still all or nothing, every problem of every file reported."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from bench.generator import write_register
from edukg.core.errors import InputError
from edukg.graph import store as store_module
from edukg.graph.faults import CRASH_EXIT_CODE
from edukg.graph.sources import SourceData
from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files
from tests.conftest import run_edukg_process as run_edukg

LOAD_TIMES = (b"generatedAtTime", b"endedAtTime")


def _register(folder: Path, triples: int = 3000) -> list[Path]:
    """institutions.csv, agreements.csv and events.csv: built in this order."""
    return write_register(folder, triples=triples, seed=3)


def _state(store: Path) -> list[bytes]:
    """Every quad of the store but the catalog's load times, sorted, once it is opened."""
    with KnowledgeGraph.open(store) as kg:
        assert kg.damaged_sources() == []
        dump = kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS)
    return sorted(line for line in dump.splitlines() if not any(t in line for t in LOAD_TIMES))


def _spied_bulk_loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The graphs the store bulk-loads from now on, in the order their loads start."""
    started: list[str] = []
    original: Callable[..., None] = store_module.bulk_load_in_parts

    def spy(store: ox.Store, text: bytes, graph: ox.NamedNode, **options: Any) -> None:
        started.append(graph.value)
        original(store, text, graph, **options)

    monkeypatch.setattr(store_module, "bulk_load_in_parts", spy)
    return started


def _broken(path: Path, column: str, values: list[str]) -> None:
    """``path`` with ``column`` of its first rows set to ``values``."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    for number, value in enumerate(values, 1):
        rows[number][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


@pytest.fixture
def small_bulk_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "BULK_LOAD_THRESHOLD", 100)


@pytest.mark.usefixtures("small_bulk_loads")
def test_a_first_load_writes_what_the_load_of_built_files_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _register(tmp_path / "in")
    with KnowledgeGraph.open(tmp_path / "built") as kg:
        started = _spied_bulk_loads(monkeypatch)
        changes = load_files(kg, files).changes
    assert len(started) == 3  # each file's own, while the next was built
    with monkeypatch.context() as patched:
        patched.setattr(KnowledgeGraph, "_all_new", lambda self, names: False)
        with KnowledgeGraph.open(tmp_path / "read") as kg:
            assert load_files(kg, files).changes == changes
            assert kg.summaries_current()
    assert _state(tmp_path / "built") == _state(tmp_path / "read")


@pytest.mark.usefixtures("small_bulk_loads")
def test_errors_in_the_last_file_undo_the_files_bulk_loaded_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    institutions, agreements, events = _register(tmp_path / "in")
    _broken(events, "start", ["31.02.2024", "soon"])
    store = tmp_path / "store"
    with KnowledgeGraph.open(store):
        pass
    before = _state(store)
    started = _spied_bulk_loads(monkeypatch)
    with KnowledgeGraph.open(store) as kg, pytest.raises(InputError) as raised:
        load_files(kg, [institutions, agreements, events])
    assert len(started) == 2  # the first two files' loads ran before the errors were known
    errors = [p for p in raised.value.problems if p.severity == "error"]
    assert [(Path(p.file).name, p.value) for p in errors] == [
        ("events.csv", "31.02.2024"), ("events.csv", "soon")
    ]
    assert _state(store) == before


@pytest.mark.usefixtures("small_bulk_loads")
def test_no_file_is_bulk_loaded_once_an_error_is_known_and_every_file_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    institutions, agreements, events = _register(tmp_path / "in")
    _broken(agreements, "signed", ["31.02.2024"])
    _broken(events, "start", ["soon"])
    store = tmp_path / "store"
    started = _spied_bulk_loads(monkeypatch)
    with KnowledgeGraph.open(store) as kg, pytest.raises(InputError) as raised:
        load_files(kg, [institutions, agreements, events])
    assert len(started) == 1  # the institutions' only
    errors = [p for p in raised.value.problems if p.severity == "error"]
    assert [Path(p.file).name for p in errors] == ["agreements.csv", "events.csv"]
    with KnowledgeGraph.open(store) as kg:
        assert kg.sources() == [] and kg.damaged_sources() == []


@pytest.mark.usefixtures("small_bulk_loads")
def test_a_value_the_store_cannot_hold_in_a_later_source_undoes_the_earlier_bulk_load(
    tmp_path: Path,
) -> None:
    predicate = ox.NamedNode("https://e.example/p")
    first = SourceData("first.csv", "0" * 64, "register-csv", file_name="first.csv")
    first.chunks = [
        b"".join(b'<https://e.example/s%d> <https://e.example/p> "1" .\n' % n for n in range(200))
    ]
    huge = SourceData("huge.csv", "1" * 64, "register-csv", file_name="huge.csv")
    huge.triples = [
        ox.Triple(ox.NamedNode("https://e.example/a"), predicate, ox.Literal("x" * (17 << 20)))
    ]
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        before = sorted(kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS).splitlines())
        with pytest.raises(InputError) as raised:
            kg.write_sources_as_built(["first.csv", "huge.csv"], iter([first, huge]))
        (problem,) = raised.value.problems
        assert problem.file == "huge.csv" and "too long" in problem.message
        assert kg.sources() == [] and kg.damaged_sources() == []
        assert sorted(kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS).splitlines()) == before


def test_a_load_into_a_store_that_holds_one_of_the_sources_reads_every_file_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    institutions, agreements, events = _register(tmp_path / "in")
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        load_files(kg, [institutions])
        assert not kg._all_new(["institutions.csv", "agreements.csv"])
        assert kg._all_new(["agreements.csv", "events.csv"])
        changes = load_files(kg, [institutions, agreements, events]).changes
    assert [(c.name, c.new_source, c.added > 0) for c in changes] == [
        ("institutions.csv", False, False),
        ("agreements.csv", True, True),
        ("events.csv", True, True),
    ]


@pytest.mark.parametrize("phase", ["bulk", "bulk:3", "parse", "catalog:2", "commit"])
def test_a_first_register_load_killed_at_any_phase_leaves_nothing(
    tmp_path: Path, phase: str
) -> None:
    files = _register(tmp_path / "in", triples=130_000)  # each file over the bulk-load threshold
    store = tmp_path / "store"
    with KnowledgeGraph.open(store):
        pass
    before = _state(store)
    result = run_edukg(
        "--store", str(store), "load", *map(str, files),
        cwd=tmp_path, env={"EDUKG_CRASH_AT": phase},
    )
    assert result.returncode == CRASH_EXIT_CODE, result.stderr
    assert _state(store) == before
