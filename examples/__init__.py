"""Example data shipped with edukg: what ``edukg demo`` loads.

- ``minsk-region-2024.ttl``: the facts one real article states, with provenance
  to its sentences (see the file's header).
- ``cordis/``: a cut of real CORDIS open data on Horizon 2020 (European
  Commission): every participation in the 179 projects with a participant from
  BY, RU, KZ, UZ, KG, TJ or TM, with the organisation names, project
  descriptions and programme parts of those rows (see ``cordis/README.md`` for
  the source and reuse note).

Invented data lives only in the tests and in ``templates/``.

>>> [p.name for p in example_files()][:2]
['minsk-region-2024.ttl', 'h2020_participations-BY-RU-KZ-CentralAsia.csv']
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable

DEMO_FILES = (
    "minsk-region-2024.ttl",
    "cordis/h2020_participations-BY-RU-KZ-CentralAsia.csv",
    "cordis/odfest2017_org_nodes-cut.csv",
    "cordis/h2020_unique_org-cut.csv",
    "cordis/h2020_projects-cut.csv",
    "cordis/programme_parts-cut.csv",
)
"""The files ``edukg demo`` loads, in order (the CORDIS tables join in one load)."""

HOME_COUNTRY = "BY"
"""The demo's home side: the report lists the partner countries of Belarus."""


def example_files() -> list[Traversable]:
    """The example data files that ``edukg demo`` loads."""
    folder = resources.files("edukg.examples")
    return [folder.joinpath(*name.split("/")) for name in DEMO_FILES]
