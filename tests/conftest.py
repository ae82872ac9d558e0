"""Fixtures shared by every test package."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files

TESTS = Path(__file__).parent
DATA = TESTS / "data"
EXAMPLE_FILES = (
    TESTS.parent / "examples" / "minsk-region-2024.ttl",
    DATA / "illustrative" / "illustrative-register.ttl",
)
"""The seed article's facts and the invented register most tests run on (not the demo's data)."""


@pytest.fixture
def kg() -> Iterator[KnowledgeGraph]:
    """An empty in-memory knowledge graph."""
    with KnowledgeGraph.in_memory() as graph:
        yield graph


@pytest.fixture
def example_kg(kg: KnowledgeGraph) -> KnowledgeGraph:
    """An in-memory knowledge graph holding the article's facts and the invented register."""
    load_files(kg, list(EXAMPLE_FILES))
    return kg


def run_edukg(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m edukg`` in a fresh process, as a user would."""
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("EDUKG_")}
    full_env = {**inherited, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "edukg", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
