"""edukg: a knowledge graph of international education cooperation.

The distribution maps its top-level folders in as namespaced packages:
``edukg.ontology``, ``edukg.graph``, ``edukg.loaders``, ``edukg.queries``,
``edukg.analysis`` and ``edukg.viz``; ``edukg.cli`` is the command-line face.
"""

from __future__ import annotations

__version__ = "0.1.0"
