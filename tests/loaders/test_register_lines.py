"""The register builder writes its triples as N-Triples text: exactly what Oxigraph writes."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from edukg.graph.statement_lines import SortedLines, sorted_lines
from edukg.graph.summary_text import text_summary_lines
from edukg.loaders import terms as t
from edukg.loaders.base import FileContent, LoadContext
from edukg.loaders.csv_loader import read_csv, scan_csv
from edukg.loaders.register import (
    PartyDetail,
    ScannedFile,
    _Builder,
    party_statements,
    session_of,
    write_parties,
)
from edukg.loaders.values import literal_text, parse_date, tagged, tagged_text
from tests.loaders.conftest import BASE, TABLES, write_csv

AWKWARD = [
    'Школа "Тестовая"',
    "back\\slash",
    "tab\there",
    "no\u00a0break space",
    "bell\u0007",
    "del\u007f",
    "Лицей № 2 — «Тест»",
    "مدرسة",
    "emoji \U0001f393",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_literal_text_is_what_oxigraph_writes(text: str) -> None:
    assert literal_text(text) == str(ox.Literal(text))
    assert literal_text(text, "ru") == str(ox.Literal(text, language="ru"))
    assert tagged_text(text) == str(tagged(text))


def _read(paths: list[Path]) -> list[bytes]:
    """Each file's statements as the loader hands them to the store (sorted lines)."""
    contexts = [LoadContext(source_name=path.name, base_iri=BASE) for path in paths]
    for context in contexts[1:]:
        context.session = session_of(contexts[0])
    for path, context in zip(paths, contexts, strict=True):
        scan_csv(path, context)
    texts = []
    for path, context in zip(paths, contexts, strict=True):
        data = read_csv(path, context)
        assert data is not None, context.problems
        texts.append(sorted_lines(data.chunks))
    return texts


def _as_oxigraph_writes(text: bytes) -> bytes:
    store = ox.Store()
    store.load(text, ox.RdfFormat.N_TRIPLES)
    dump = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return b"".join(line + b"\n" for line in sorted(dump.splitlines()))


def test_a_registers_lines_are_those_oxigraph_writes_back(tmp_path: Path) -> None:
    tables = {kind: [list(row) for row in rows] for kind, rows in TABLES.items()}
    for number, text in enumerate(AWKWARD):
        row = list(tables["institutions"][1])
        row[0], row[1] = f"awkward-{number}", text
        row[6] = text  # city
        tables["institutions"].append(row)
    paths = [write_csv(tmp_path / f"{kind}.csv", rows) for kind, rows in tables.items()]
    texts = _read(paths)
    assert all(texts)
    for text in texts:
        assert text == _as_oxigraph_writes(text)
    institutions = texts[0].decode("utf-8")
    assert str(ox.Literal('Школа "Тестовая"', language="ru")) in institutions


def test_party_lines_are_the_statements_write_parties_writes() -> None:
    agreement = ox.NamedNode(BASE + "agreement/a-1")
    parties = [
        PartyDetail(ox.NamedNode(BASE + "institution/x"), t.ROLES["coordinator"],
                    parse_date("2024-03-14"), 'Иванова "И. И."'),
        PartyDetail(ox.NamedNode(BASE + "institution/y")),
    ]
    expected: list[str] = []
    write_parties(lambda s, p, o: expected.append(f"{s} {p} {o} .\n"), agreement, parties)
    context = LoadContext(source_name="a.csv", base_iri=BASE)
    scanned = ScannedFile(FileContent(b"", ""), [], "register-csv")
    builder = _Builder(Path("a.csv"), scanned, context, session_of(context))
    builder.party_lines(str(agreement), parties)
    assert builder.lines == expected
    assert len(expected) == 14


def test_add_all_keeps_the_lines_and_the_pairs_the_summaries_read_as_add_does() -> None:
    agreement = str(ox.NamedNode(BASE + "agreement/a"))
    parties = [
        PartyDetail(ox.NamedNode(BASE + "institution/x"), t.ROLES["coordinator"],
                    parse_date("2024-03-14"), "Иванова"),
        PartyDetail(ox.NamedNode(BASE + "institution/y")),
    ]
    context = LoadContext(source_name="a.csv", base_iri=BASE)
    scanned = ScannedFile(FileContent(b"", ""), [], "register-csv")
    one_by_one, at_once = (
        _Builder(Path("a.csv"), scanned, context, session_of(context)) for _ in range(2)
    )
    for triple in party_statements(agreement, parties, str):
        one_by_one.add(*triple)
    at_once.add_all(party_statements(agreement, parties, str))
    assert at_once.lines == one_by_one.lines
    assert at_once.pairs == one_by_one.pairs
    assert sum(len(subjects) for subjects, _ in at_once.pairs.values()) == 5  # party, type, date


def test_a_files_one_sorted_chunk_is_what_the_store_would_sort(tmp_path: Path) -> None:
    paths = [write_csv(tmp_path / f"{kind}.csv", rows) for kind, rows in TABLES.items()]
    contexts = [LoadContext(source_name=path.name, base_iri=BASE) for path in paths]
    for context in contexts[1:]:
        context.session = session_of(contexts[0])
    for path, context in zip(paths, contexts, strict=True):
        scan_csv(path, context)
    for path, context in zip(paths, contexts, strict=True):
        data = read_csv(path, context)
        assert data is not None
        assert len(data.chunks) == 1 and isinstance(data.chunks[0], SortedLines)
        lines = data.chunks[0].splitlines(keepends=True)
        shuffled = b"".join(reversed(lines))  # bytes, sorted by the store's own path
        assert sorted_lines(list(data.chunks)) == sorted_lines([shuffled]) == data.chunks[0]


def test_sorted_lines_with_a_typed_literal_not_as_stored_are_sorted_again() -> None:
    integer = "http://www.w3.org/2001/XMLSchema#integer"
    given = f'<a:s> <a:p> "01"^^<{integer}> .\n<a:s> <a:p> "1"^^<{integer}> .\n'.encode()
    result = sorted_lines([SortedLines(given)])
    assert result == f'<a:s> <a:p> "1"^^<{integer}> .\n'.encode()


def test_the_summaries_read_from_the_builders_pairs_are_those_read_from_the_text(
    tmp_path: Path,
) -> None:
    tables = {kind: [list(row) for row in rows] for kind, rows in TABLES.items()}
    tables["institutions"][2][1] = 'Гимназия "signedOn" <https://w3id.org/edukg/ontology#signedOn> '
    paths = [write_csv(tmp_path / f"{kind}.csv", rows) for kind, rows in tables.items()]
    parties = [
        ["agreement", "party", "role", "signed", "signatory"],
        ["test-a1", "test-gym", "координатор", "14.03.2024", "Иванова И. И."],
    ]
    paths.append(write_csv(tmp_path / "parties.csv", parties))
    texts = _read(paths)
    assert all(getattr(text, "pairs", None) is not None for text in texts if text)
    from_text = text_summary_lines([bytes(text) for text in texts])
    from_pairs = text_summary_lines(texts)
    assert from_text is not None and from_pairs is not None
    assert from_pairs.lines == from_text.lines and from_pairs.kinds == from_text.kinds
    assert any(b"summary#year" in line and b"/party/" in line for line in from_text.lines)
