"""How a load writes: sorted statement lines, removals in batches, many additions in bulk."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox
import pytest

import edukg.graph.store as store_module
from edukg.graph.statement_lines import party_agreements, record_subjects, sorted_lines
from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files

XSD = "http://www.w3.org/2001/XMLSchema#"
SUBJECT, PREDICATE = ox.NamedNode("https://x.example/s"), ox.NamedNode("https://x.example/p")


def _stored_lines(triples: list[ox.Triple]) -> bytes:
    """What an in-memory store holds for ``triples``, as sorted N-Triples lines."""
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    lines = sorted(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
                   .splitlines())
    return b"\n".join(lines) + b"\n"


@pytest.mark.parametrize(
    ("value", "datatype"),
    [
        pytest.param("01", "integer", id="integer-leading-zero"),
        pytest.param("1.0", "decimal", id="decimal"),
        pytest.param("1E0", "double", id="double"),
        pytest.param("0.25", "double", id="double-as-stored"),
        pytest.param("0.250", "double", id="double-trailing-zero"),
        pytest.param("1.0", "double", id="double-point-zero"),
        pytest.param("-0", "double", id="double-negative-zero"),
        pytest.param("0.10000000000000001", "double", id="double-too-many-digits"),
        pytest.param("1234567890.5", "double", id="double-under-1e10"),
        pytest.param("12345678901234567", "double", id="double-over-1e10"),
        pytest.param("00.5", "double", id="double-leading-zero"),
        pytest.param("1", "boolean", id="boolean-digit"),
        pytest.param("2024-03-15", "date", id="date"),
        pytest.param("2024-01-01+00:00", "date", id="date-with-zone"),
        pytest.param("2024-02-30", "date", id="date-that-does-not-exist"),
        pytest.param("0999", "gYear", id="year-before-1000"),
        pytest.param("2024-07", "gYearMonth", id="year-month"),
        pytest.param("abc", "integer", id="not-a-number"),
    ],
)
def test_sorted_lines_are_what_the_store_holds(value: str, datatype: str) -> None:
    triples = [
        ox.Triple(SUBJECT, PREDICATE, ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))),
        ox.Triple(SUBJECT, PREDICATE, ox.Literal("Минск", language="ru")),
    ]
    chunk = ox.serialize(triples + triples[:1], format=ox.RdfFormat.N_TRIPLES)
    assert sorted_lines([chunk]) == _stored_lines(triples)


def test_records_and_party_agreements_come_from_the_lines() -> None:
    edukg = "https://w3id.org/edukg/ontology#"
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    text = (
        f"<https://x.example/a> <{rdf_type}> <{edukg}CooperationAgreement> .\n"
        f"<https://x.example/a> <{edukg}qualifiedParty> <https://x.example/a/party/1> .\n"
        f'<https://x.example/b> <{edukg}note> "<https://x.example/c> <{rdf_type}> '
        f'<{edukg}Institution> ." .\n'
    ).encode()
    assert record_subjects(text) == {"https://x.example/a"}
    assert party_agreements(text) == {"https://x.example/a/party/1": {"https://x.example/a"}}


def _write(path: Path, values: dict[int, str]) -> Path:
    lines = [
        f"<https://x.example/s{n}> <https://x.example/p> {value} ." for n, value in values.items()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


TRICKY = [
    '"строка с \\"кавычками\\" и \\\\"@ru',
    '"line\\nbreak\\tand tab"',
    '"2024-03-15"^^<http://www.w3.org/2001/XMLSchema#date>',
    '"x"@en-gb',
    "<https://x.example/o?a=1&b=2>",
]


def test_a_reload_that_changes_most_statements_holds_exactly_the_new_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "BULK_LOAD_THRESHOLD", 100)
    monkeypatch.setattr(store_module, "REMOVE_BATCH", 7)
    folder = tmp_path / "in"
    folder.mkdir()
    first = {n: TRICKY[n % len(TRICKY)] for n in range(400)}
    second = {n: f'"value {n}"' if n % 3 else value for n, value in first.items()}
    second.update({n: f'"new {n}"@be' for n in range(400, 520)})
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        load_files(kg, [_write(folder / "data.nt", first)])
        (change,) = load_files(kg, [_write(folder / "data.nt", second)]).changes
        graph = kg.source_graph("data.nt")
        held = kg.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        info = kg.source("data.nt")
    with KnowledgeGraph.in_memory() as memory:
        load_files(memory, [folder / "data.nt"])
        expected = memory.sorted_statements(memory.source_graph("data.nt"))
    assert sorted(held.splitlines()) == expected.splitlines()
    assert info is not None and info.statements_sha256 == hashlib.sha256(expected).hexdigest()
    assert (change.added, change.removed, change.total) == (386, 266, 520)


def _numbered(path: Path, word: str, count: int = 4000) -> Path:
    """``count`` statements; another ``word`` changes every one (more than the ontology and
    countries graphs hold, so a reload empties the store and loads it again)."""
    return _write(path, {n: f'"{word} {n}"@ru' for n in range(count)})


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty input folder, with bulk loads from 100 statements on (a rebuild's path)."""
    monkeypatch.setattr(store_module, "BULK_LOAD_THRESHOLD", 100)
    made = tmp_path / "in"
    made.mkdir()
    return made


def test_a_reload_that_removes_more_than_the_rest_of_the_store_holds_rebuilds_it(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = _write(folder / "other.nt", {1: '"kept"', 2: "<https://x.example/o>"})
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        load_files(kg, [_numbered(folder / "data.nt", "first"), other])
        before = {graph.value: kg.sorted_statements(graph) for graph in kg.graphs_of()}
        rebuilt = _rebuilds(monkeypatch)
        (change,) = load_files(kg, [_numbered(folder / "data.nt", "second")]).changes
        assert rebuilt and (change.added, change.removed, change.total) == (4000, 4000, 4000)
        other_graph = kg.source_graph("other.nt")
        assert kg.sorted_statements(other_graph) == before[other_graph.value]
        assert kg.damaged_sources() == []
        assert kg.ask("ASK { GRAPH ?g { ?c <http://www.w3.org/2004/02/skos/core#notation> 'BY' } }")
        data_graph = kg.source_graph("data.nt")
        held = kg.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=data_graph)
    assert sorted(held.splitlines())[0].endswith(b'"second 0"@ru .')


def _rebuilds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that gets an item each time a write empties the store and loads it again."""
    rebuilt: list[int] = []
    original = KnowledgeGraph._rebuild
    monkeypatch.setattr(
        KnowledgeGraph, "_rebuild", lambda self, *a: rebuilt.append(1) or original(self, *a)
    )
    return rebuilt


def test_a_rebuild_of_two_sources_bulk_loads_each_with_exactly_its_new_lines(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[str] = []
    original = store_module.bulk_load_in_parts

    def recorded(store: ox.Store, text: bytes, graph: ox.NamedNode, **options: object) -> None:
        loads.append(graph.value)
        original(store, text, graph, **options)  # type: ignore[arg-type]

    with KnowledgeGraph.open(tmp_path / "store") as kg:
        load_files(kg, [_numbered(folder / "a.nt", "first"), _numbered(folder / "b.nt", "one")])
        monkeypatch.setattr(store_module, "bulk_load_in_parts", recorded)
        rebuilt = _rebuilds(monkeypatch)
        changes = load_files(
            kg, [_numbered(folder / "a.nt", "second"), _numbered(folder / "b.nt", "two", 3000)]
        ).changes
        graphs = {name: kg.source_graph(name) for name in ("a.nt", "b.nt")}
        held = {
            name: sorted(
                kg.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).splitlines()
            )
            for name, graph in graphs.items()
        }
        assert kg.damaged_sources() == [] and kg.summaries_current()
    assert rebuilt and sorted(loads) == sorted(graph.value for graph in graphs.values())
    assert [(c.name, c.added, c.removed, c.total) for c in changes] == [
        ("a.nt", 4000, 4000, 4000),
        ("b.nt", 3000, 4000, 3000),
    ]
    assert held["a.nt"][0].endswith(b'"second 0"@ru .') and len(held["a.nt"]) == 4000
    assert held["b.nt"][0].endswith(b'"two 0"@ru .') and len(held["b.nt"]) == 3000


@pytest.mark.parametrize("phase", ["remove", "bulk", "diff", "add", "catalog", "commit"])
def test_a_rebuild_killed_at_any_phase_leaves_the_store_as_it_was(
    tmp_path: Path, phase: str
) -> None:
    from edukg.graph.faults import CRASH_EXIT_CODE
    from tests.conftest import run_edukg_process

    folder = tmp_path / "in"
    folder.mkdir()
    store = tmp_path / "store"
    with KnowledgeGraph.open(store) as kg:
        load_files(kg, [_numbered(folder / "data.nt", "first", 15_000)])
        before = sorted(kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS).splitlines())
    result = run_edukg_process(
        "--store", str(store), "load", str(_numbered(folder / "data.nt", "second", 15_000)),
        cwd=tmp_path, env={"EDUKG_CRASH_AT": phase},
    )
    assert result.returncode == CRASH_EXIT_CODE, result.stderr
    with KnowledgeGraph.open(store) as kg:
        assert kg.damaged_sources() == []
        after = sorted(kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS).splitlines())
    assert after == before
