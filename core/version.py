"""The version of edukg, recorded in provenance and results.

>>> __version__.count(".")
2
"""

from __future__ import annotations

__version__ = "0.1.0"
