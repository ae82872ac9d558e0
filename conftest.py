"""Docstring examples of the package folders run as the modules users import.

The folders map to packages (``graph/`` is ``edukg.graph``, see
``[tool.setuptools.package-dir]`` in pyproject.toml), so pytest's
``--doctest-modules`` would import ``graph/store.py`` a second time as a module
``graph.store``. Here each doctest module is imported under its installed name
(``edukg.graph.store``) instead, so examples run against the one real module.
"""

from __future__ import annotations

import importlib
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from _pytest.doctest import DoctestModule

ROOT = Path(__file__).parent


def _package_folders() -> dict[Path, str]:
    """Each package folder and its package name, from pyproject.toml."""
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    mapping = settings["tool"]["setuptools"]["package-dir"]
    return {(ROOT / folder).resolve(): package for package, folder in mapping.items()}


FOLDERS = _package_folders()


def installed_name(path: Path) -> str | None:
    """``edukg.graph.store`` for ``graph/store.py``; ``None`` outside the package folders."""
    path = path.resolve()
    for folder, package in FOLDERS.items():
        if path.is_relative_to(folder):
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            return ".".join([package, *parts])
    return None


class InstalledDoctestModule(DoctestModule):
    """A doctest module imported by its installed name."""

    def _getobj(self) -> ModuleType:
        name = installed_name(self.path)
        assert name is not None
        return importlib.import_module(name)


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> object:
    collected = yield
    if installed_name(file_path) is None:
        return collected
    return [
        InstalledDoctestModule.from_parent(parent, path=file_path)
        if isinstance(item, DoctestModule)
        else item
        for item in collected
    ]
