"""Each command's writes are one transaction in effect: killed at any phase, it leaves nothing.

A crash point (``EDUKG_CRASH_AT``) ends the process as ``kill -9`` would; the
store must then hold exactly what it held before the command, its catalog
matching its graphs.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from edukg.core.errors import InputError, StoreError
from edukg.graph.faults import CRASH_EXIT_CODE
from edukg.graph.sources import SourceData
from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files
from tests.conftest import run_edukg_process as run_edukg

EXAMPLE = Path(__file__).parents[2] / "examples" / "minsk-region-2024.ttl"


def _state(store: Path) -> list[bytes]:
    """Every quad of the store, sorted, after it has been opened (and repaired) once."""
    with KnowledgeGraph.open(store) as kg:
        assert kg.damaged_sources() == []
        for info in kg.sources():
            assert kg.graph_size(ox.NamedNode(info.graph)) == info.triples
        return sorted(kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS).splitlines())


def _edited(tmp_path: Path) -> Path:
    """The example with every label changed and one count changed: a reload removes and adds."""
    edited = tmp_path / "in" / EXAMPLE.name
    edited.parent.mkdir(exist_ok=True)
    text = EXAMPLE.read_text("utf-8").replace('"@ru', ' (2)"@ru').replace("value 16", "value 17")
    edited.write_text(text, encoding="utf-8")
    return edited


def _second_file(tmp_path: Path) -> Path:
    second = tmp_path / "in" / "second.ttl"
    second.parent.mkdir(exist_ok=True)
    second.write_text(
        "<https://edukg.example/id/x> <http://www.w3.org/2000/01/rdf-schema#label> 'x' .\n",
        encoding="utf-8",
    )
    return second


@pytest.mark.parametrize("phase", ["parse", "journal", "catalog", "commit"])
def test_a_load_killed_at_any_phase_leaves_nothing(tmp_path: Path, phase: str) -> None:
    store = tmp_path / "store"
    with KnowledgeGraph.open(store):
        pass
    before = _state(store)
    result = run_edukg(
        "--store", str(store), "load", str(EXAMPLE), cwd=tmp_path, env={"EDUKG_CRASH_AT": phase}
    )
    assert result.returncode == CRASH_EXIT_CODE, result.stderr
    assert _state(store) == before


@pytest.mark.parametrize(
    "phase", ["parse", "journal", "diff", "remove", "add", "catalog", "catalog:2", "commit"]
)
def test_a_reload_killed_at_any_phase_leaves_the_old_sources(tmp_path: Path, phase: str) -> None:
    store = tmp_path / "store"
    with KnowledgeGraph.open(store) as kg:
        load_files(kg, [EXAMPLE])
    before = _state(store)
    # two files: the reloaded one first, a new one second ("catalog:2" dies between them)
    result = run_edukg(
        "--store", str(store), "load", str(_edited(tmp_path)), str(_second_file(tmp_path)),
        cwd=tmp_path, env={"EDUKG_CRASH_AT": phase},
    )
    assert result.returncode == CRASH_EXIT_CODE, result.stderr
    after = _state(store)
    assert after == before
    with KnowledgeGraph.open(store, read_only=True) as kg:
        assert [info.name for info in kg.sources()] == [EXAMPLE.name]


def test_a_remove_killed_halfway_keeps_the_source(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with KnowledgeGraph.open(store) as kg:
        load_files(kg, [EXAMPLE])
    before = _state(store)
    result = run_edukg(
        "--store", str(store), "sources", "remove", EXAMPLE.name,
        cwd=tmp_path, env={"EDUKG_CRASH_AT": "remove"},
    )
    assert result.returncode == CRASH_EXIT_CODE, result.stderr
    assert _state(store) == before


def test_a_bulk_load_killed_after_its_graph_is_written_leaves_no_hidden_graph(
    tmp_path: Path,
) -> None:
    big = tmp_path / "big.nt"
    with big.open("w", encoding="utf-8") as handle:
        for number in range(100_000):
            handle.write(f'<https://e.example/id/s{number}> <https://e.example/p> "{number}" .\n')
    store = tmp_path / "store"
    with KnowledgeGraph.open(store):
        pass
    before = _state(store)
    result = run_edukg(
        "--store", str(store), "load", str(big), cwd=tmp_path, env={"EDUKG_CRASH_AT": "bulk"}
    )
    assert result.returncode == CRASH_EXIT_CODE, result.stderr
    # a read-only command repairs the store first when no writer holds it
    listing = run_edukg("--store", str(store), "sources", cwd=tmp_path)
    assert listing.returncode == 0 and "no sources" in listing.stdout, listing.stdout
    assert _state(store) == before


def test_a_value_over_16_mib_is_refused_before_any_source_is_written(kg: KnowledgeGraph) -> None:
    subject, predicate = ox.NamedNode("https://e.example/a"), ox.NamedNode("https://e.example/p")
    small = SourceData("first.csv", "0" * 64, "register-csv", file_name="first.csv")
    small.triples = [ox.Triple(subject, predicate, ox.Literal("a"))]
    huge = SourceData("huge.csv", "1" * 64, "register-csv", file_name="huge.csv")
    huge.triples = [ox.Triple(subject, predicate, ox.Literal("x" * (17 * 1024 * 1024)))]
    with pytest.raises(InputError) as caught:
        kg.write_sources([small, huge])
    (problem,) = caught.value.problems
    assert problem.file == "huge.csv" and "too long" in problem.message
    assert kg.sources() == [] and kg.damaged_sources() == []
    assert list(kg.oxigraph.named_graphs()) == [g for g in kg.oxigraph.named_graphs()
                                                if "source/" not in g.value]


def test_an_rdf_value_over_16_mib_is_a_located_error_not_a_traceback(
    kg: KnowledgeGraph, tmp_path: Path
) -> None:
    huge = tmp_path / "huge.nt"
    big_literal = '"' + "x" * (17 * 1024 * 1024) + '"'
    huge.write_text(f"<https://e.example/b> <https://e.example/p> {big_literal} .\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_files(kg, [huge])
    assert "16 MiB" in caught.value.problems[0].message
    assert kg.sources() == []


def test_an_error_while_writing_undoes_the_earlier_files(
    kg: KnowledgeGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_files(kg, [EXAMPLE])
    before = sorted(kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS).splitlines())
    calls = []
    original = KnowledgeGraph._write_source

    def failing_second(self: KnowledgeGraph, data, *rest):  # type: ignore[no-untyped-def]
        calls.append(data.name)
        if len(calls) == 2:
            raise MemoryError("Reached the buffer maximal size")
        return original(self, data, *rest)

    monkeypatch.setattr(KnowledgeGraph, "_write_source", failing_second)
    with pytest.raises(StoreError, match="nothing was changed"):
        load_files(kg, [_edited(tmp_path), _second_file(tmp_path)])
    assert sorted(kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS).splitlines()) == before


def test_sources_reports_and_removes_a_graph_without_catalog_entry(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with KnowledgeGraph.open(store) as kg:
        load_files(kg, [EXAMPLE])
        # what an older version left after kill -9 during a bulk load
        orphan = kg.source_graph("half.nt")
        subject, predicate = ox.NamedNode("https://e.example/s"), ox.NamedNode("https://e.example/p")
        kg.oxigraph.add(ox.Quad(subject, predicate, ox.Literal("o"), orphan))
    listing = run_edukg("--store", str(store), "sources", cwd=tmp_path)
    assert "half.nt" in listing.stdout and "DAMAGED" in listing.stdout, listing.stdout
    assert listing.returncode == 2
    removed = run_edukg("--store", str(store), "sources", "remove", "half.nt", cwd=tmp_path)
    assert removed.returncode == 0, removed.stderr
    with KnowledgeGraph.open(store, read_only=True) as kg:
        assert kg.damaged_sources() == []
        assert [info.name for info in kg.sources()] == [EXAMPLE.name]


def test_removing_a_source_others_refer_to_warns(tmp_path: Path) -> None:
    from tests.loaders.conftest import AGREEMENTS, INSTITUTIONS, write_csv

    store = tmp_path / "store"
    institutions = write_csv(tmp_path / "institutions.csv", INSTITUTIONS)
    agreements = write_csv(tmp_path / "agreements.csv", AGREEMENTS)
    with KnowledgeGraph.open(store) as kg:
        load_files(kg, [institutions])
        load_files(kg, [agreements])
    result = run_edukg("--store", str(store), "sources", "remove", "institutions.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "warning: source agreements.csv refers to" in result.stderr
