"""Reading the text of plain text, Markdown, HTML, DOCX and PDF files, and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from edukg.loaders.text_loader import extract_file
from edukg.loaders.text_readers import TextUnreadable, read_text

BASE = "https://edukg.example/id/"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
PARAGRAPHS = [
    "Гимназия № 1 (образец)",
    "В 2023 году учреждениями образования Брестской области заключено 4 соглашения "
    "о сотрудничестве с партнёрами из Казахстана.",
    "Состоялись визит делегации и круглый стол.",
]


def kinds_and_values(path: Path) -> set[tuple[str, str]]:
    candidates = extract_file(path, base_iri=BASE).candidates
    return {(c.kind, c.value.rsplit("/", 1)[-1]) for c in candidates}


EXPECTED = {
    ("region", "BY-BR"),
    ("partner-country", "KZ"),
    ("agreement-count", "4"),
    ("year", "2023"),
    ("event-kind", "delegation_visit"),
    ("event-kind", "round_table"),
}


def test_docx_made_with_python_docx(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    path = tmp_path / "отчёт.docx"
    document.save(str(path))
    assert read_text(path).split("\n\n") == PARAGRAPHS
    assert EXPECTED <= kinds_and_values(path)


def test_pdf_text_layer(tmp_path: Path) -> None:
    if not DEJAVU.exists():
        pytest.skip("needs a Cyrillic TTF: apt-get install fonts-dejavu-core")
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(DEJAVU))
    pdf.set_font("DejaVu", size=11)
    for paragraph in PARAGRAPHS:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
    path = tmp_path / "report.pdf"
    pdf.output(str(path))
    text = read_text(path)
    assert "Брестской области" in " ".join(text.split())
    assert EXPECTED <= kinds_and_values(path)


def test_html_visible_text_only(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    path = tmp_path / "news.html"
    path.write_text(
        f"<html><head><title>x</title><style>p{{}}</style></head><body>{body}"
        "<script>var n = 'Таджикистан';</script></body></html>",
        encoding="utf-8",
    )
    assert "Таджикистан" not in read_text(path)
    assert EXPECTED <= kinds_and_values(path)


def test_markdown_offsets_point_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    text = "# Отчёт\n\n" + "\n\n".join(f"*{p}*" for p in PARAGRAPHS) + "\n"
    path.write_text(text, encoding="utf-8")
    extraction = extract_file(path, base_iri=BASE)
    for candidate in extraction.candidates:
        assert text[candidate.start : candidate.stop] == candidate.quote


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"  \n\n ", "holds no text"),
        ("cp1251.txt", "Казахстан".encode("cp1251"), "not UTF-8"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable Word document"),
        ("broken.pdf", b"%PDF-1.4 nothing else", "PDF"),
        ("data.bin", b"x", "cannot read .bin as text"),
    ],
)
def test_unreadable_files_are_located(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TextUnreadable) as caught:
        read_text(path)
    assert message in caught.value.problem.message
    assert caught.value.problem.file == str(path)


def test_a_non_utf8_file_is_located_at_its_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.txt"
    path.write_bytes(b"ok\nab " + "Минск".encode("cp1251"))
    with pytest.raises(TextUnreadable) as caught:
        read_text(path)
    assert (caught.value.problem.line, caught.value.problem.column) == (2, 4)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TextUnreadable, match="file not found"):
        read_text(tmp_path / "nowhere.txt")
