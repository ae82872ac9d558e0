"""What the analyses share below the networks: the graphs they never read, and a pause of
Python's cycle collector while they make millions of objects.

>>> RESULTS_LOADER
'analysis'
>>> with collector_paused():
...     import gc
...     gc.isenabled()
False
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from edukg.graph.summaries import SUMMARY_GRAPH

RESULTS_LOADER = "analysis"
"""The loader name of the sources that hold analysis results."""


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a network is built or analysed.

    Building makes millions of dicts and lists and no cycles; each collection
    of the oldest generation walks all of them, so with the collector on the
    build grows faster than the data (about 7x the time for 5x the triples).
    Nested pauses keep it paused until the outermost ends.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def derived_graphs(kg: Any) -> set[str]:
    """The named graphs of earlier analysis results and of the summaries: they hold none of
    the statements a network or an extract reads (only their own vocabularies), so they are
    not read."""
    graphs = {info.graph for info in kg.sources() if info.loader == RESULTS_LOADER}
    graphs.add(SUMMARY_GRAPH.value)
    return graphs
