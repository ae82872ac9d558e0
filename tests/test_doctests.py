"""Docstring examples run: pytest collects them from every module that has one.

``--doctest-modules`` only reports failures; a module whose examples were never
collected (a folder missing from ``testpaths``, a docstring that does not parse)
would pass in silence. This test asks pytest what it collects and checks that
every module with an example is among them.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[1]
SETTINGS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGE_FOLDERS = sorted(set(SETTINGS["tool"]["setuptools"]["package-dir"].values()))
MORE_FOLDERS = ["bench"]


def _modules_with_examples(folders: list[str]) -> set[str]:
    return {
        str(path.relative_to(ROOT))
        for folder in folders
        for path in sorted((ROOT / folder).rglob("*.py"))
        if ">>> " in path.read_text(encoding="utf-8") and path.name != "__main__.py"
    }


def test_pytest_runs_doctests_over_every_package_folder() -> None:
    options = SETTINGS["tool"]["pytest"]["ini_options"]
    assert "--doctest-modules" in options["addopts"].split()
    assert set(PACKAGE_FOLDERS + MORE_FOLDERS) <= set(options["testpaths"])


def test_every_module_with_an_example_has_its_examples_collected() -> None:
    folders = PACKAGE_FOLDERS + MORE_FOLDERS
    listing = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-p",
            "no:cacheprovider",
            *folders,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert listing.returncode == 0, listing.stdout[-3000:] + listing.stderr[-3000:]
    items = [line for line in listing.stdout.splitlines() if "::" in line]
    collected = {item.split("::", 1)[0] for item in items}
    missing = _modules_with_examples(folders) - collected
    assert not missing, f"examples never collected in: {sorted(missing)}"
    assert len(items) >= 80
