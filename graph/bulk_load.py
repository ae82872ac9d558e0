r"""Oxigraph's bulk load of N-Triples text, in parts loaded side by side.

One bulk load parses, then encodes and sorts on one core; parts of the lines
loaded side by side use every core (2x faster on two). Not transactional: the
undo journal removes a half-written graph after a crash.

>>> store = ox.Store()
>>> text = b"".join(b'<http://x/%d> <http://x/p> "1" .\n' % n for n in range(4))
>>> bulk_load_in_parts(store, text, ox.NamedNode("http://x/g"), parts=2)
>>> len(store)
4
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox

from edukg.graph.statement_lines import line_parts


def bulk_load_in_parts(
    store: ox.Store,
    ntriples: bytes,
    graph: ox.NamedNode,
    *,
    parts: int,
    lenient: bool = False,
    after_part: Callable[[], None] | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> None:
    """Bulk-load ``ntriples`` into ``graph`` in about ``parts`` parts side by side.

    ``after_part`` runs in a part's thread once it is loaded; ``meanwhile`` runs in
    this thread while the parts load. A part's error is raised here.
    """
    pieces = line_parts(ntriples, parts)

    def load(piece: bytes) -> None:
        store.bulk_load(piece, ox.RdfFormat.N_TRIPLES, to_graph=graph, lenient=lenient)
        if after_part is not None:
            after_part()

    with ThreadPoolExecutor(max_workers=max(len(pieces), 1)) as pool:
        loading = [pool.submit(load, piece) for piece in pieces]
        if meanwhile is not None:
            meanwhile()
        for finished in loading:
            finished.result()  # re-raises a part's error
