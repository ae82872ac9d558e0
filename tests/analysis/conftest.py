"""Fixtures for the network-analysis tests: the invented partnerships fixture in a store."""

from __future__ import annotations

from pathlib import Path

import pytest

from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files

FIXTURE = Path(__file__).parent / "partnerships.ttl"
T = "https://test.example/id/"


@pytest.fixture
def partnerships_kg(kg: KnowledgeGraph) -> KnowledgeGraph:
    """An in-memory store holding ``partnerships.ttl``."""
    load_files(kg, [FIXTURE])
    return kg
