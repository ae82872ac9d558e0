"""A large write follows only the statements that bear on a summary.

The store hands the summaries the lines a write added or removed, up to
``SUMMARY_FOLLOW_LIMIT`` of them (more, and every summary is worked out again).
A graph whose statements bear on no summary (analysis results: a million lines
at 5M triples of data) must not count against that limit; one whose statements
do must still have every summary worked out again. Either way the summaries
end exact. The limit is lowered here so that a small register shows both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from bench.generator import write_register
from edukg.graph import store as store_module
from edukg.graph import summaries
from edukg.graph.sources import SourceData
from edukg.graph.store import KnowledgeGraph
from edukg.graph.summaries import FIRST_SIGNED, SUMMARY_GRAPH, summary_lines
from edukg.loaders import load_files

LIMIT = 50


@pytest.fixture
def kg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[KnowledgeGraph]:
    files = write_register(tmp_path / "register", triples=3_000, seed=5)
    with KnowledgeGraph.open(tmp_path / "store") as store:
        load_files(store, files)
        monkeypatch.setattr(store_module, "SUMMARY_FOLLOW_LIMIT", LIMIT)
        yield store


@pytest.fixture
def whole_refreshes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the times every summary is worked out again (the real work still runs)."""
    counted: list[int] = []
    work_all_out: Callable[..., Any] = summaries._refresh_all

    def counting(store: ox.Store, **options: Any) -> Any:
        counted.append(1)
        return work_all_out(store, **options)

    monkeypatch.setattr(summaries, "_refresh_all", counting)
    return counted


def assert_summaries_exact(kg: KnowledgeGraph) -> None:
    assert kg.summaries_current()
    held = kg.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=SUMMARY_GRAPH) or b""
    lines = {line for line in held.splitlines() if b"summary#version" not in line}
    assert lines == summary_lines(kg.oxigraph)


def notes(count: int, *, value: str = "note") -> bytes:
    """``count`` statements in a vocabulary no summary reads."""
    return "".join(
        f'<https://x.example/note/{n}> <https://x.example/says> "{value} {n}" .\n'
        for n in range(count)
    ).encode()


def agreement_with(kg: KnowledgeGraph, number: int) -> bytes:
    """A new agreement between two institutions of the register (bears on the summaries)."""
    rows = kg.select("SELECT ?i WHERE { ?i a edukg:Institution } ORDER BY ?i LIMIT 2")
    a, b = (row["i"].value for row in rows)
    edukg = "https://w3id.org/edukg/ontology#"
    agreement = f"<https://x.example/agreement/{number}>"
    return (
        f"{agreement} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        f"<{edukg}CooperationAgreement> .\n"
        f"{agreement} <{edukg}hasParty> <{a}> .\n{agreement} <{edukg}hasParty> <{b}> .\n"
        f'{agreement} <{edukg}signedOn> "2019-04-0{1 + number % 9}" .\n'
    ).encode()


def first_signed(kg: KnowledgeGraph, number: int) -> bool:
    """Whether the summaries hold the first signing date of agreement ``number``."""
    agreement = ox.NamedNode(f"https://x.example/agreement/{number}")
    return next(kg.oxigraph.quads_for_pattern(agreement, FIRST_SIGNED, None), None) is not None


def write(kg: KnowledgeGraph, name: str, text: bytes) -> None:
    kg.write_sources([SourceData(name=name, sha256="-", loader="test", chunks=[text])])


def test_a_new_graph_of_other_statements_is_followed(
    kg: KnowledgeGraph, whole_refreshes: list[int]
) -> None:
    write(kg, "notes", notes(4 * LIMIT) + agreement_with(kg, 1))
    assert first_signed(kg, 1)
    assert whole_refreshes == []
    assert_summaries_exact(kg)


def test_a_replaced_graph_of_other_statements_is_followed(
    kg: KnowledgeGraph, whole_refreshes: list[int]
) -> None:
    write(kg, "notes", notes(4 * LIMIT))
    write(kg, "notes", notes(4 * LIMIT, value="changed") + agreement_with(kg, 2))
    assert first_signed(kg, 2)
    assert whole_refreshes == []
    assert_summaries_exact(kg)


def test_more_statements_that_bear_on_them_work_every_summary_out(
    kg: KnowledgeGraph, whole_refreshes: list[int]
) -> None:
    many = b"".join(agreement_with(kg, number) for number in range(LIMIT))
    write(kg, "agreements", many)
    assert whole_refreshes == [1]
    assert_summaries_exact(kg)
    kg.remove_sources(["agreements"])
    assert whole_refreshes == [1, 1]
    assert_summaries_exact(kg)
