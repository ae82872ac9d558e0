"""Shared helpers for the loader tests: registers written as real files."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox
import pytest

from edukg.graph.store import KnowledgeGraph

DATA = Path(__file__).resolve().parent.parent / "data"
BASE = "https://edukg.example/id/"

INSTITUTIONS = [
    ["id", "name", "name_en", "type", "country", "region", "city", "website", "parent", "wikidata"],
    [
        "test-dept",
        "Управление образования «Тестовое»",
        "Test education department",
        "управление образования",
        "Беларусь",
        "Минская область",
        "Борисов",
        "",
        "",
        "",
    ],
    [
        "test-gym",
        "Гимназия № 1 «Тестовая»",
        "Test gymnasium No. 1",
        "гимназия",
        "BY",
        "Минская область",
        "Борисов",
        "https://gym1.example.by/",
        "test-dept",
        "Q1123",
    ],
    [
        "",
        "Школа № 5 «Тестовая»",
        "",
        "средняя школа",
        "Россия",
        "Псковская область",
        "Псков",
        "",
        "",
        "",
    ],
    ["test-uni", "Універсітэт «Тэставы»", "Test university", "ВНУ", "KZ", "", "Алматы", "", "", ""],
]
AGREEMENTS = [
    ["id", "title", "parties", "signed", "valid_from", "valid_until", "type", "areas", "source"],
    [
        "test-a1",
        "Соглашение о сотрудничестве «Тест»",
        "test-gym; Школа № 5 «Тестовая»",
        "15.03.2024",
        "2024-03-15",
        "2027-03",
        "соглашение",
        "повышение квалификации; обмен педагогами",
        "https://example.by/a1.pdf",
    ],
    [
        "test-a2",
        "Меморандум «Тест»",
        "test-dept\ntest-uni\nШкола № 5 «Тестовая»",
        "2024-05",
        "",
        "2026",
        "Memorandum",
        "digital_education",
        "приказ № 12",
    ],
]
EVENTS = [
    [
        "id",
        "title",
        "type",
        "start",
        "end",
        "host",
        "participants",
        "city",
        "country",
        "agreement",
        "source",
    ],
    [
        "test-e1",
        "Круглый стол «Школа и семья»",
        "круглый стол",
        "2024-04-10",
        "12.04.2024",
        "test-gym",
        "Школа № 5 «Тестовая»; test-uni",
        "Псков",
        "RU",
        "test-a1",
        "",
    ],
    ["test-e2", "Семинар", "seminar", "2024", "", "", "", "", "", "", ""],
]
TABLES = {"institutions": INSTITUTIONS, "agreements": AGREEMENTS, "events": EVENTS}


def csv_text(rows: Sequence[Sequence[str]], delimiter: str = ",") -> str:
    """Rows as CSV text, quoted where needed, with CRLF line ends as Excel writes them."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def write_csv(
    path: Path, rows: Sequence[Sequence[str]], *, encoding: str = "utf-8", delimiter: str = ","
) -> Path:
    """Write rows as a CSV file in an encoding; returns the path."""
    path.write_bytes(csv_text(rows, delimiter).encode(encoding))
    return path


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    """Write a workbook with one sheet per entry (in order)."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append([value if value != "" else None for value in row])
    workbook.save(path)
    return path


def dump(kg: KnowledgeGraph) -> bytes:
    """Every quad of the store as sorted N-Quads bytes."""
    data = kg.oxigraph.dump(format=ox.RdfFormat.N_QUADS)
    return b"\n".join(sorted(data.splitlines()))


def triples_of(kg: KnowledgeGraph, source: str) -> set[tuple[str, str, str]]:
    """A source's triples as comparable strings."""
    graph = kg.source_graph(source)
    return {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in kg.oxigraph.quads_for_pattern(None, None, None, graph)
    }


@pytest.fixture
def kg() -> Iterator[KnowledgeGraph]:
    with KnowledgeGraph.in_memory(base_iri=BASE) as graph:
        yield graph


@pytest.fixture
def register_files(tmp_path: Path) -> list[Path]:
    """The test register as three UTF-8 CSV files."""
    return [write_csv(tmp_path / f"{kind}.csv", rows) for kind, rows in TABLES.items()]
