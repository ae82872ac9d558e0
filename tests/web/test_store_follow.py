"""A read-only server follows what other processes write to its store, without a restart."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files
from edukg.web.work import StoreBeingWritten, StoreWork, _answer
from tests.conftest import EXAMPLE_FILES
from tests.web.conftest import Server

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


LABELS = (
    "SELECT (COUNT(*) AS ?n) "
    "WHERE { GRAPH ?g { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } }"
)


def count_of(kg: KnowledgeGraph, query: str = COUNT) -> int:
    """The count ``query`` (by default, of the statements in the named graphs) finds in ``kg``
    (a job for the workers)."""
    return int(next(iter(kg.oxigraph.query(query)))[0].value)


def edukg(store: Path, *arguments: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "edukg", "--store", str(store), *arguments],
        check=True, capture_output=True,
    )  # fmt: skip


def compact(store: Path) -> None:
    """Another process compacts the store: RocksDB removes the files it merged."""
    subprocess.run(
        [sys.executable, "-c",
         "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); s.optimize(); s.flush()",
         str(store)],
        check=True,
    )  # fmt: skip


def count_on_disk(store: Path, query: str = COUNT) -> int:
    with KnowledgeGraph.open(store, read_only=True) as kg:
        return count_of(kg, query)


@pytest.fixture
def one_source(tmp_path: Path) -> Path:
    """An on-disk store holding the seed article's facts only."""
    path = tmp_path / "store"
    with KnowledgeGraph.open(path) as kg:
        load_files(kg, [EXAMPLE_FILES[0]])
    return path


@pytest.fixture
def work(one_source: Path) -> Iterator[StoreWork]:
    """A started read-only StoreWork over ``one_source`` that opens it again when it changes."""
    kg = KnowledgeGraph.open(one_source, read_only=True)
    work = StoreWork(
        kg, time_limit=30, workers=2,
        reopen=lambda: KnowledgeGraph.open(one_source, read_only=True),
    )  # fmt: skip
    work.start()
    yield work
    work.stop()
    kg.close()


def test_the_workers_see_a_load_another_process_made(one_source: Path, work: StoreWork) -> None:
    before = work.call(count_of)
    edukg(one_source, "load", str(EXAMPLE_FILES[1]))
    after = work.call(count_of)
    assert after > before
    assert after == count_on_disk(one_source)


def test_the_workers_survive_a_compaction_that_removed_their_files(
    one_source: Path, work: StoreWork
) -> None:
    edukg(one_source, "load", str(EXAMPLE_FILES[1]))
    loaded = work.call(count_of)  # the workers have read the files of one index only
    files_before = {p.name for p in one_source.glob("*.sst")}
    compact(one_source)
    assert files_before - {p.name for p in one_source.glob("*.sst")}  # some were removed
    labels = count_on_disk(one_source, LABELS)
    assert labels > 0
    # another index's files: without following the store, a worker would look for removed ones
    assert [work.call(count_of, LABELS) for _ in range(4)] == [labels] * 4
    assert work.call(count_of) == loaded


WRITER = """
import sys
from pathlib import Path
import pyoxigraph as ox
from edukg.graph.journal import JOURNAL_FOLDER, BeforeImage, UndoJournal
journal = UndoJournal(Path(sys.argv[1]) / JOURNAL_FOLDER)
journal.begin([BeforeImage("http://x/g", None, b"")])
store = ox.Store(sys.argv[1])
store.add(ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("o"),
                  ox.NamedNode("http://x/g")))
store.flush()
print("written", flush=True)
sys.stdin.readline()
journal.commit()
"""
"""A writer in another process: it writes one statement under the undo journal, then waits
for a line on its standard input before it commits and ends."""


def test_a_write_under_way_is_not_followed_until_it_ends(
    one_source: Path, work: StoreWork
) -> None:
    before = work.call(count_of)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(one_source)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "written\n"
        assert work.follow_store() is False
        assert work.call(count_of) == before  # the store as it was before the write
    finally:
        writer.communicate("commit\n", timeout=60)
    assert writer.returncode == 0
    assert work.call(count_of) == before + 1


def test_an_unchanged_store_is_not_opened_again(work: StoreWork) -> None:
    work.call(count_of)
    assert work.follow_store() is False


def test_a_store_file_gone_mid_query_is_told_as_a_write_under_way() -> None:
    def gone(kg: object) -> None:
        raise FileNotFoundError("IO error: No such file or directory: While open a file: 9.sst")

    def other(kg: object) -> None:
        raise FileNotFoundError("no such dump")

    assert _answer(gone, (None,))[1][0] == StoreBeingWritten.__name__
    with pytest.raises(FileNotFoundError):
        _answer(other, (None,))


def test_edukg_serve_answers_from_the_store_after_a_reload(
    one_source: Path, tmp_path: Path
) -> None:
    server = Server(one_source)
    try:
        def served_count() -> int:
            url = server.url + "sparql?" + urllib.parse.urlencode({"query": COUNT})
            request = urllib.request.Request(
                url, headers={"Accept": "application/sparql-results+json"}
            )
            with urllib.request.urlopen(request, timeout=30) as answer:
                rows = json.load(answer)["results"]["bindings"]
            return int(rows[0]["n"]["value"])

        before = served_count()
        edukg(one_source, "load", str(EXAMPLE_FILES[1]))
        compact(one_source)
        assert served_count() == count_on_disk(one_source) > before
        shutil.copy(EXAMPLE_FILES[1], tmp_path / "other.ttl")
        edukg(one_source, "sources", "remove", EXAMPLE_FILES[1].name)
        assert served_count() == before
        assert server.process.poll() is None
    finally:
        server.stop()
