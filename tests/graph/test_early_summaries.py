"""A write that works every summary out again does it while its largest source bulk-loads.

The summaries are worked out from the statements every graph will hold and written
beside that bulk load (a core is free then); at the end the store checks that no
graph changed under them in a way that bears on a summary, else works them out again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

import edukg.graph.store as store_module
import edukg.graph.summaries as summaries_module
from edukg.core.errors import StoreError
from edukg.graph.sources import CATALOG_GRAPH
from edukg.graph.store import KnowledgeGraph
from edukg.graph.summaries import FIRST_SIGNED, SUMMARY_GRAPH, summary_lines
from edukg.loaders import load_files

EDUKG = "https://w3id.org/edukg/ontology#"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
DATE = "<http://www.w3.org/2001/XMLSchema#date>"


def _agreements(path: Path, count: int) -> Path:
    """``count`` agreements, each signed and with a party (two statements more each)."""
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            node = f"<https://e.example/id/agreement/a{n}>"
            handle.write(f"{node} {TYPE} <{EDUKG}CooperationAgreement> .\n")
            handle.write(f'{node} <{EDUKG}signedOn> "20{10 + n % 15}-05-01"^^{DATE} .\n')
            handle.write(f"{node} <{EDUKG}hasParty> <https://e.example/id/inst/i{n % 50}> .\n")
    return path


def _institutions(path: Path, count: int = 60) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            node = f"<https://e.example/id/inst/i{n}>"
            handle.write(f"{node} {TYPE} <{EDUKG}Institution> .\n")
            handle.write(f'{node} <http://www.w3.org/2004/02/skos/core#prefLabel> "Вуз {n}"@ru .\n')
    return path


def _held_summaries(kg: KnowledgeGraph) -> set[bytes]:
    held = kg.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=SUMMARY_GRAPH) or b""
    return {line for line in held.splitlines() if b"summary#version" not in line}


def _spy(
    monkeypatch: pytest.MonkeyPatch, module: Any, calls: list[int]
) -> Callable[..., int]:
    """Count what ``module.write_summary_lines`` writes, each call's number into ``calls``."""
    original: Callable[..., int] = module.write_summary_lines

    def counting(store: ox.Store, wanted: set[bytes], **options: Any) -> int:
        calls.append(original(store, wanted, **options))
        return calls[-1]

    monkeypatch.setattr(module, "write_summary_lines", counting)
    return counting


@pytest.fixture
def small_bulk_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bulk loads from 100 statements on, and more than 100 changed lines not followed
    (every summary worked out again, as after a register's first load)."""
    monkeypatch.setattr(store_module, "BULK_LOAD_THRESHOLD", 100)
    monkeypatch.setattr(store_module, "SUMMARY_FOLLOW_LIMIT", 100)


@pytest.mark.usefixtures("small_bulk_loads")
def test_a_first_load_writes_the_summaries_beside_its_largest_bulk_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    early: list[int] = []
    late: list[int] = []
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        _spy(monkeypatch, store_module, early)  # the store's own: while a source bulk-loads
        _spy(monkeypatch, summaries_module, late)  # refresh_summaries': at the end
        load_files(
            kg, [_institutions(tmp_path / "i.nt"), _agreements(tmp_path / "a.nt", 300)]
        )
        assert kg.summaries_current()
        assert _held_summaries(kg) == summary_lines(kg.oxigraph)
    assert len(early) == 1 and early[0] > 300
    assert late == [0]  # the summary graph held them all already


@pytest.mark.usefixtures("small_bulk_loads")
def test_a_graph_that_changes_after_the_early_summaries_has_them_worked_out_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a catalog entry that bears on a summary, written after the bulk loads
    signed = ox.Quad(
        ox.NamedNode("https://e.example/id/agreement/a0"),
        ox.NamedNode(EDUKG + "signedOn"),
        ox.Literal("1999-01-01"),
        CATALOG_GRAPH,
    )
    original = store_module.provenance_quads
    monkeypatch.setattr(
        store_module, "provenance_quads", lambda *args: [*original(*args), signed]
    )
    early: list[int] = []
    late: list[int] = []
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        _spy(monkeypatch, store_module, early)
        _spy(monkeypatch, summaries_module, late)
        load_files(kg, [_agreements(tmp_path / "a.nt", 300)])
        assert kg.summaries_current()
        assert _held_summaries(kg) == summary_lines(kg.oxigraph)
        first = kg.oxigraph.quads_for_pattern(signed.subject, FIRST_SIGNED, None, SUMMARY_GRAPH)
        assert [quad.object.value for quad in first] == ["1999-01-01"]
    assert len(early) == 1 and len(late) == 1 and late[0] > 0  # worked out again at the end


def test_a_load_that_follows_its_changes_works_out_nothing_early(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "BULK_LOAD_THRESHOLD", 100)
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        load_files(kg, [_agreements(tmp_path / "a.nt", 300)])
        early: list[int] = []
        _spy(monkeypatch, store_module, early)
        load_files(kg, [_institutions(tmp_path / "i.nt", 120)])  # lines to follow
        assert early == []
        assert _held_summaries(kg) == summary_lines(kg.oxigraph)


@pytest.mark.usefixtures("small_bulk_loads")
def test_a_load_over_older_summaries_works_them_out_early_and_writes_them_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    worked_out: list[int] = []
    original = store_module.text_summary_lines
    monkeypatch.setattr(
        store_module,
        "text_summary_lines",
        lambda graphs: worked_out.append(1) or original(graphs),  # type: ignore[func-returns-value]
    )
    early: list[int] = []
    late: list[int] = []
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        load_files(kg, [_institutions(tmp_path / "i.nt")])
        worked_out.clear()
        _spy(monkeypatch, store_module, early)
        _spy(monkeypatch, summaries_module, late)
        load_files(kg, [_agreements(tmp_path / "a.nt", 300)])
        assert _held_summaries(kg) == summary_lines(kg.oxigraph)
    # nothing removed beside a bulk load: the institutions' summaries change at the end
    assert worked_out == [1] and early == [] and len(late) == 1 and late[0] > 300


@pytest.mark.usefixtures("small_bulk_loads")
def test_a_write_that_fails_after_the_early_summaries_leaves_the_store_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    early: list[int] = []
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        before = sorted(kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS).splitlines())
        _spy(monkeypatch, store_module, early)

        def failing(*args: object) -> list[ox.Quad]:
            raise MemoryError("Reached the buffer maximal size")

        monkeypatch.setattr(store_module, "provenance_quads", failing)
        with pytest.raises(StoreError, match="nothing was changed"):
            load_files(kg, [_agreements(tmp_path / "a.nt", 300)])
        assert early and early[-1] > 300  # written, then undone
        assert sorted(kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS).splitlines()) == before
        assert kg.summaries_current()
