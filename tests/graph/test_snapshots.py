"""Statement snapshots of an on-disk store: used only when they match the catalog."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pyoxigraph as ox
import pytest

import edukg.graph.store as store_module
import edukg.loaders as loaders_module
from edukg.graph.export import export
from edukg.graph.snapshots import SNAPSHOT_FOLDER
from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files

EXAMPLE = Path(__file__).parents[1] / "data" / "illustrative" / "illustrative-register.ttl"


def exported(kg: KnowledgeGraph, format_name: str) -> bytes:
    buffer = io.BytesIO()
    export(kg, buffer, format_name)
    return buffer.getvalue()


def decoded(kg: KnowledgeGraph, graph: ox.NamedNode) -> bytes:
    """A graph's sorted statements read from the store itself."""
    lines = sorted(kg.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).splitlines())
    return b"\n".join(lines) + b"\n"


def snapshot_files(store: Path) -> list[Path]:
    return sorted((store / SNAPSHOT_FOLDER).glob("*.nt.zlib"))


def test_a_loaded_source_has_a_snapshot_equal_to_its_graph(tmp_path: Path) -> None:
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        load_files(kg, [EXAMPLE])
        graph = kg.source_graph(EXAMPLE.name)
        (snapshot,) = snapshot_files(tmp_path / "store")
        assert zlib.decompress(snapshot.read_bytes()) == decoded(kg, graph)
        assert kg.sorted_statements(graph) == decoded(kg, graph)


@pytest.mark.parametrize("damage", ["garbage", "stale", "deleted"])
def test_a_damaged_snapshot_is_ignored(tmp_path: Path, damage: str) -> None:
    edited = tmp_path / "register.ttl"
    edited.write_text(EXAMPLE.read_text("utf-8"), encoding="utf-8")
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        load_files(kg, [edited])
        expected = {name: exported(kg, name) for name in ("nt", "nq", "ttl")}
        (snapshot,) = snapshot_files(tmp_path / "store")
        old = snapshot.read_bytes()
        text = edited.read_text("utf-8")
        edited.write_text(text.replace("role:coordinator", "role:partner"), encoding="utf-8")
        load_files(kg, [edited])
        after_edit = {name: exported(kg, name) for name in ("nt", "nq", "ttl")}
        if damage == "garbage":
            snapshot.write_bytes(b"not zlib")
        elif damage == "stale":
            snapshot.write_bytes(old)  # the statements before the edit
        else:
            snapshot.unlink()
        assert {name: exported(kg, name) for name in ("nt", "nq", "ttl")} == after_edit
        assert after_edit != expected
        # an edit back diffs against the store, not the damaged snapshot
        edited.write_text(EXAMPLE.read_text("utf-8"), encoding="utf-8")
        (change,) = load_files(kg, [edited]).changes
        assert (change.added, change.removed) == (1, 1)
        assert kg.ask("ASK { ?p org:role role:coordinator }")
        assert not kg.ask("ASK { ?p org:role role:partner }")
        graph = kg.source_graph("register.ttl")
        assert kg.sorted_statements(graph) == decoded(kg, graph)


def test_removing_a_source_removes_its_snapshot(tmp_path: Path) -> None:
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        load_files(kg, [EXAMPLE])
        assert snapshot_files(tmp_path / "store")
        kg.remove_source(EXAMPLE.name)
        assert snapshot_files(tmp_path / "store") == []


def test_a_bulk_load_in_parallel_parts_holds_every_statement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "many.nt"
    lines = [
        f'<https://x.example/s{n}> <https://x.example/p> "значение {n}"@ru .' for n in range(500)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with KnowledgeGraph.in_memory() as memory:
        load_files(memory, [path])
        expected = exported(memory, "nt")
    monkeypatch.setattr(store_module, "BULK_LOAD_THRESHOLD", 100)
    monkeypatch.setattr(loaders_module, "LOAD_BULK_LOAD_PARTS", 3)  # a load's: one part
    monkeypatch.setattr(store_module, "BULK_LOAD_PART", 100)
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        (change,) = load_files(kg, [path]).changes
        assert (change.added, change.total) == (500, 500)
        assert len(list(kg.quads([kg.source_graph("many.nt")]))) == 500
        body = [line for line in exported(kg, "nt").splitlines() if b"x.example" in line]
        assert len(body) == 500
        assert body == [line for line in expected.splitlines() if b"x.example" in line]
