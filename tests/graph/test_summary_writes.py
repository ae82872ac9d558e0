"""The summary graph holds the lines written, however they were handed over."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

import edukg.graph.summaries as summaries_module
from edukg.graph.summaries import (
    FIRST_SIGNED,
    SUMMARY_GRAPH,
    refresh_summaries,
    summaries_current,
    write_summary_lines,
)

LINES = {
    f'<http://x/a/{n}> <{FIRST_SIGNED.value}> "2024-0{n % 9 + 1}-01" .'.encode() for n in range(50)
}


def _held(store: ox.Store) -> set[bytes]:
    dump = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=SUMMARY_GRAPH)
    return set(dump.splitlines())


def test_summary_lines_bulk_loaded_unsorted_are_held_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(summaries_module, "BULK_THRESHOLD", 10)
    store = ox.Store(str(tmp_path / "store"))
    assert write_summary_lines(store, set(LINES), on_disk=True, current=set()) == 50
    assert _held(store) == LINES


@pytest.mark.parametrize(
    ("line", "exact"),
    [
        pytest.param(b"<http://x/a> <http://x/p> <http://x/b> .", True, id="named"),
        pytest.param(b"_:b1 <http://x/p> <http://x/b> .", False, id="blank-subject"),
        pytest.param(b"<http://x/a> <http://x/p> _:b1 .", False, id="blank-object"),
    ],
)
def test_summaries_are_exact_unless_a_line_names_a_blank_node(line: bytes, exact: bool) -> None:
    store = ox.Store()
    assert refresh_summaries(store, wanted={line}) == 1
    assert summaries_current(store) is exact  # the mark only on exact summaries
