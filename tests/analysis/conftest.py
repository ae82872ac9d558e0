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


def skewed_register_store(folder: Path, extra_turtle: str) -> Path:
    """An on-disk store in ``folder``: the partnerships fixture, ``extra_turtle`` and a skewed
    generated register (multilateral agreements of up to 15 parties, very large institutions,
    events with many guests, partial dates, agreements dated only by their validity)."""
    from bench.generator import write_register

    register = write_register(folder / "register", triples=6_000, seed=3, profile="skewed")
    extra = folder / "extra.ttl"
    extra.write_text(extra_turtle, encoding="utf-8")
    with KnowledgeGraph.open(folder / "store") as kg:
        load_files(kg, [FIXTURE, extra, *register])
    return folder / "store"
