"""No module of edukg imports, directly or through others, a module that imports it back.

Every import counts, at the top of a module or inside a function: a cycle through a
function's import still ties two modules together (``analysis.networks`` and
``analysis.statement_extracts`` once formed one).
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]


def modules() -> dict[str, Path]:
    """Each module's dotted name to its file, from the package folders pyproject names."""
    folders = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    package_dirs = folders["tool"]["setuptools"]["package-dir"]
    found: dict[str, Path] = {}
    for package, folder in package_dirs.items():
        for path in (ROOT / folder).rglob("*.py"):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join((package, *parts))] = path
    return found


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The edukg modules the module ``name`` imports anywhere in its text."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {module for module in found if module in known and module != name}


def test_imports_form_no_cycle() -> None:
    files = modules()
    assert "edukg.analysis.networks" in files  # the folders were read
    graph = nx.DiGraph()
    for name, path in files.items():
        graph.add_edges_from((name, other) for other in imported(name, path, set(files)))
    cycles = [sorted(cycle) for cycle in nx.simple_cycles(graph) if len(cycle) > 1]
    assert not cycles, f"modules that import each other: {cycles}"
