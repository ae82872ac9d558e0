"""Output files: whole or not at all, regular files only, clear errors for bad paths."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from edukg.core.cells import spreadsheet_safe
from edukg.core.errors import ConfigError
from edukg.core.files import atomic_output, write_text_atomically
from tests.conftest import run_edukg


def test_a_full_disk_leaves_the_existing_target_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "result.csv"
    target.write_text("old content\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="the disk is full"):
        with atomic_output(target) as handle:
            handle.write(b"new")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result.csv"]


def test_a_device_is_never_replaced_by_a_file() -> None:
    with pytest.raises(ConfigError, match="not a regular file"):
        write_text_atomically("x", "/dev/full")
    assert Path("/dev/full").is_char_device()


def test_a_missing_folder_and_a_read_only_folder_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        write_text_atomically("x", tmp_path / "missing" / "out.csv")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.access(locked, os.W_OK):
        pytest.skip("running as a user who may write anywhere")
    with pytest.raises(ConfigError, match="permission denied"):
        write_text_atomically("x", locked / "out.csv")


@pytest.fixture(scope="module")
def example_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from edukg.examples import example_files
    from edukg.graph.store import KnowledgeGraph
    from edukg.loaders import load_files

    store = tmp_path_factory.mktemp("outputs") / "store"
    with KnowledgeGraph.open(store) as kg:
        load_files(kg, [Path(str(f)) for f in example_files()])
    return store


@pytest.mark.parametrize(
    "args",
    [
        ["export", "-o", ""],
        ["export", "-o", "missing/out.ttl"],
        ["export", "-o", "/dev/full"],
        ["query", "partners", "-f", "csv", "-o", "missing/out.csv"],
        ["viz", "-o", "missing/page.html"],
        ["analyze", "-o", "missing/out.csv"],
        ["network", "export", "-f", "graphml", "-o", "missing/out.graphml"],
    ],
)
def test_bad_output_paths_give_a_message_not_a_traceback(
    example_store: Path, tmp_path: Path, args: list[str]
) -> None:
    result = run_edukg("--store", str(example_store), *args, cwd=tmp_path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and result.stderr.strip(), result.stderr


def test_csv_output_neutralises_formulas_unless_asked(tmp_path: Path) -> None:
    assert spreadsheet_safe("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    data = tmp_path / "evil.ttl"
    data.write_text(
        '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
        '<https://e.example/x> skos:prefLabel "=1+1" .\n',
        encoding="utf-8",
    )
    store = str(tmp_path / "store")
    run_edukg("--store", store, "load", str(data), cwd=tmp_path)
    query = "SELECT ?l WHERE { <https://e.example/x> skos:prefLabel ?l }"
    safe = run_edukg("--store", store, "sparql", query, "-f", "csv", cwd=tmp_path)
    assert safe.stdout.splitlines()[1:] == ["'=1+1"], safe.stderr
    raw = run_edukg("--store", store, "--csv-formulas", "sparql", query, "-f", "csv", cwd=tmp_path)
    assert raw.stdout.splitlines()[1:] == ["=1+1"], raw.stderr
