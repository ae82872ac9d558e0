"""Named points where a test may kill the process, to prove writes survive it.

Set ``EDUKG_CRASH_AT`` to a phase name (``parse``, ``journal``, ``diff``,
``remove``, ``add``, ``bulk``, ``catalog``, ``commit``), optionally with the
how-manyth time (``catalog:2``: the second source's catalog entry), and the
process ends at once, without cleanup, when it reaches that point: as
``kill -9`` would. Unset (always, outside tests), a crash point does nothing.

>>> crash_point("catalog")  # EDUKG_CRASH_AT is not set here
"""

from __future__ import annotations

import os
from collections import Counter

CRASH_ENVIRONMENT_VARIABLE = "EDUKG_CRASH_AT"
CRASH_EXIT_CODE = 137
"""The exit status of a process killed by signal 9, which a crash point imitates."""


_reached: Counter[str] = Counter()


def crash_point(phase: str) -> None:
    """End the process now if ``EDUKG_CRASH_AT`` names ``phase`` (and this is the time)."""
    wanted = os.environ.get(CRASH_ENVIRONMENT_VARIABLE)
    if not wanted:
        return
    name, _, times = wanted.partition(":")
    if name != phase:
        return
    _reached[phase] += 1
    if _reached[phase] == int(times or 1):
        os._exit(CRASH_EXIT_CODE)
