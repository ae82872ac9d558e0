"""Example data shipped with edukg.

- ``minsk-region-2024.ttl``: the facts one real article states, with provenance
  to its sentences (see the file's header).
- ``illustrative-register.ttl``: invented institutions, agreements and events,
  marked illustrative in every label and in its dataset description.

>>> sorted(p.name for p in example_files())[:1]
['illustrative-register.ttl']
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable

DEMO_FILES = ("minsk-region-2024.ttl", "illustrative-register.ttl")
"""The files ``edukg demo`` loads, in order."""


def example_files() -> list[Traversable]:
    """The example data files that ``edukg demo`` loads."""
    folder = resources.files("edukg.examples")
    return [folder.joinpath(name) for name in DEMO_FILES]
