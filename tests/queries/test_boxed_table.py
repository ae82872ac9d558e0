"""The boxed table of ``edukg query``: every line as wide as the box, within the width, no
character of a cell lost when it is folded."""

from __future__ import annotations

import os
import pty
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from edukg.queries.boxed_table import boxed_table, folded
from tests.conftest import run_edukg

HEADER = ["agreement", "title", "parties"]
ROWS = [
    ["https://edukg.example/id/agreement/a1", "Соглашение о сетевом взаимодействии", "БГУ; МГУ"],
    ["a2", "合作协议 北京师范大学", "Lyceum No. 3\nСмоленский колледж"],
    ["a3", "", "x" * 90],
]


@pytest.mark.parametrize("width", [400, 80, 50, 30, 12])
def test_every_line_is_as_wide_as_the_box_and_within_the_width(width: int) -> None:
    lines = boxed_table(HEADER, ROWS, width=width).splitlines()
    widths = {cell_len(line) for line in lines}
    assert len(widths) == 1
    assert widths.pop() <= max(width, 3 * len(HEADER) + 1 + 2 * len(HEADER))


def test_a_table_that_fits_is_not_folded() -> None:
    lines = boxed_table(HEADER, ROWS, width=400).splitlines()
    assert len(lines) == 3 + 4 + 1  # rules, header, the rows (one with two lines), bottom
    assert any("Соглашение о сетевом взаимодействии" in line for line in lines)


@pytest.mark.parametrize("width", [1, 2, 5, 11, 40])
def test_folding_keeps_every_character(width: int) -> None:
    for text in [*(cell for row in ROWS for cell in row), "  two  spaces ", "中"]:
        lines = folded(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")
        assert all(cell_len(line) <= max(width, 2) for line in lines)


def test_a_result_without_columns_prints_no_box(tmp_path: Path) -> None:
    result = run_edukg("--store", ":memory:", "sparql", "SELECT * WHERE {}", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "" and "1 row(s)" in result.stderr


def test_a_terminal_gets_a_table_as_wide_as_it_is(tmp_path: Path) -> None:
    """``edukg query`` in a terminal of 60 columns: a table 60 columns wide at most."""
    (tmp_path / "institutions.csv").write_text(
        "id,name,name_en,type,country,region,city,website,parent\n"
        "t-1,Государственное учреждение образования «Средняя школа № 1 г. Лиды»,,школа,"
        "BY,Гродненская область,Лида,,\n",
        encoding="utf-8",
    )
    environment = {**os.environ, "COLUMNS": "60", "PYTHONIOENCODING": "utf-8"}
    for variable in [name for name in environment if name.startswith("EDUKG_")]:
        del environment[variable]
    command = [sys.executable, "-m", "edukg", "--store", str(tmp_path / "kg")]
    loaded = _in_terminal([*command, "load", str(tmp_path / "institutions.csv")], environment)
    assert "loaded" in loaded
    shown = _in_terminal([*command, "query", "institutions-without-partners"], environment)
    table = [line for line in shown.splitlines() if line[:1] in "┏┃┡│└"]
    assert table and all(cell_len(line) <= 60 for line in table)
    assert "Средняя" in shown and "Лиды»" in shown


def _in_terminal(command: list[str], environment: dict[str, str]) -> str:
    """What ``command`` prints to a pseudo-terminal, as text."""
    pid, terminal = pty.fork()
    if pid == 0:  # the child: its standard output is the terminal
        os.execve(command[0], command, environment)
    output = b""
    while True:
        try:
            chunk = os.read(terminal, 65536)
        except OSError:  # the child ended and closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.waitpid(pid, 0)
    os.close(terminal)
    return output.decode("utf-8").replace("\r\n", "\n")
