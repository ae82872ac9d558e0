"""edukg: a knowledge graph of international education cooperation.

The distribution maps its top-level folders in as namespaced packages:
``edukg.core`` (errors and version, the bottom floor), ``edukg.ontology``,
``edukg.graph``, ``edukg.loaders``, ``edukg.queries``, ``edukg.analysis`` and
``edukg.viz``. This folder holds the faces: ``edukg.cli``, the command line.
"""

from __future__ import annotations

from edukg.core.version import __version__

__all__ = ["__version__"]
