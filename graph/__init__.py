"""The store: embedded Oxigraph with one named graph per source, export, validation.

>>> from edukg.graph import KnowledgeGraph
>>> kg = KnowledgeGraph.in_memory()
>>> kg.sources()
[]
"""

from __future__ import annotations

from edukg.graph.sources import SourceChange, SourceData, SourceInfo
from edukg.graph.store import KnowledgeGraph

__all__ = ["KnowledgeGraph", "SourceChange", "SourceData", "SourceInfo"]
