"""Plain text out of the files reports and news come as: text, Markdown, HTML, DOCX, PDF.

Each reader returns the document's text; character offsets of extracted facts
count in that text. DOCX goes through python-docx, PDF through pypdf (its text
layer only: a scan without one is reported, not read). HTML goes through the
standard library's parser. Markdown and plain text are read as they are, so
offsets are offsets into the file itself.

>>> text_of_html("<p>Круглый&nbsp;стол</p><script>x()</script><p>2024 г.</p>")
'Круглый стол\\n\\n2024 г.'
>>> reader_name_for("отчёт.DOCX"), reader_name_for("news.htm"), reader_name_for("a.bin")
('docx', 'html', None)
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

from edukg.core.errors import Problem

TEXT_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
"""File extension to the reader of its text."""

_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "pre", "title",
}
_SKIPPED = {"script", "style", "noscript", "template", "head"}


class TextUnreadable(Exception):
    """A file whose text cannot be read; carries the located problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def reader_name_for(path: str | Path) -> str | None:
    """The reader for a file, by its extension, or ``None``."""
    return TEXT_EXTENSIONS.get(Path(path).suffix.lower())


def read_text(path: Path) -> str:
    """The text of a document, or :class:`TextUnreadable` saying where and why.

    An empty document (nothing but white space) is unreadable too: there is
    nothing to review.
    """
    name = reader_name_for(path)
    if name is None:
        known = " ".join(sorted(TEXT_EXTENSIONS))
        raise TextUnreadable(
            Problem(str(path), f"cannot read {path.suffix or 'files without extension'} as text",
                    hint=f"edukg extract reads: {known}")
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise TextUnreadable(
            Problem(str(path), "file not found", hint="check the path and the current directory")
        ) from None
    except IsADirectoryError:
        raise TextUnreadable(
            Problem(str(path), "is a directory, not a file", hint="name the files inside it")
        ) from None
    except OSError as error:
        problem = Problem(str(path), f"cannot read the file: {error.strerror}")
        raise TextUnreadable(problem) from None
    if name in ("text", "markdown"):
        text = _decode(path, data)
    elif name == "html":
        text = text_of_html(_decode(path, data))
    elif name == "docx":
        text = _text_of_docx(path, data)
    else:
        text = _text_of_pdf(path, data)
    if not text.strip():
        hint = (
            "the PDF may be a scan: run OCR first, or type the text into a .txt file"
            if name == "pdf"
            else "give a file that holds the article's text"
        )
        raise TextUnreadable(Problem(str(path), "the document holds no text", hint=hint))
    return text


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise TextUnreadable(
            Problem(
                str(path),
                "the text is not UTF-8",
                line=line,
                column=column,
                value=data[error.start : error.start + 4].hex(" "),
                hint="save the file as UTF-8 (in Windows Notepad: Save as, Encoding UTF-8)",
            )
        ) from None


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def text_of_html(html: str) -> str:
    """The visible text of an HTML page, one paragraph per block element."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _text_of_docx(path: Path, data: bytes) -> str:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as error:
        raise TextUnreadable(
            Problem(str(path), f"not a readable Word document (.docx): {error}",
                    hint="open it in Word or LibreOffice and save it as .docx again")
        ) from None
    except Exception as error:  # zipfile.BadZipFile and lxml errors of broken files
        raise TextUnreadable(
            Problem(str(path), f"not a readable Word document (.docx): {error}",
                    hint="open it in Word or LibreOffice and save it as .docx again")
        ) from None
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.append(" | ".join(cell.text for cell in row.cells))
    return "\n\n".join(p for p in paragraphs if p.strip())


def _text_of_pdf(path: Path, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise TextUnreadable(
            Problem(str(path), f"not a readable PDF: {error}",
                    hint="check that the file is a PDF and not damaged")
        ) from None
    return "\n\n".join(page.strip() for page in pages if page.strip())
