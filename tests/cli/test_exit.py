"""The ``edukg`` process leaves with ``os._exit`` once a command returns: its output is
still whole and its exit code the command's."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import EXAMPLE_FILES, run_edukg, run_edukg_process


def test_a_process_writes_all_its_output_and_the_commands_exit_code(tmp_path: Path) -> None:
    assert run_edukg("load", *map(str, EXAMPLE_FILES), cwd=tmp_path).returncode == 0
    every = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o"
    in_process = run_edukg("sparql", every, "-f", "csv", cwd=tmp_path)
    exported = run_edukg_process("sparql", every, "-f", "csv", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert len(exported.stdout) > 100_000 and exported.stdout == in_process.stdout
    failed = run_edukg_process("query", "no-such-query", cwd=tmp_path)
    assert failed.returncode == run_edukg("query", "no-such-query", cwd=tmp_path).returncode != 0
    assert "no-such-query" in failed.stderr
