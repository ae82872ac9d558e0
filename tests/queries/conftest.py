"""Fixtures for the query tests: fixture graphs, a real Oxigraph server, plain rdflib."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib

from edukg.graph.store import KnowledgeGraph
from edukg.loaders import load_files
from tests.servers import OxigraphServer, free_port

__all__ = ["FIXTURES", "OxigraphServer", "free_port", "load_fixture", "rdflib_copy"]

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_configure(config: pytest.Config) -> None:
    # rdflib's own N-Quads parser uses a Dataset API it has deprecated
    config.addinivalue_line(
        "filterwarnings", "ignore:Dataset.default_context is deprecated:DeprecationWarning"
    )


def load_fixture(kg: KnowledgeGraph, name: str) -> KnowledgeGraph:
    """Load ``fixtures/<name>.ttl`` into ``kg`` as one source."""
    load_files(kg, [FIXTURES / f"{name}.ttl"])
    return kg


def rdflib_copy(kg: KnowledgeGraph) -> rdflib.Dataset:
    """Every quad of ``kg`` in a plain rdflib Dataset whose default graph is the union."""
    dataset = rdflib.Dataset(default_union=True)
    data = "".join(f"{quad} .\n" for quad in kg.oxigraph)
    dataset.parse(data=data, format="nquads")
    return dataset


@pytest.fixture
def query_kg() -> Iterator[KnowledgeGraph]:
    """An empty in-memory knowledge graph (ontology and countries included)."""
    with KnowledgeGraph.in_memory() as graph:
        yield graph
