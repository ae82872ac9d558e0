"""One "did you mean" for every unknown name edukg reports.

Candidates are compared by similarity (``difflib``'s ratio: twice the matching
characters over the lengths of both). At the cutoff of 0.75 a typo or two in
a word still matches ("беларсь", "polnd"), while a different word that shares
some letters does not ("Атлантида" is not "Тайланд").

>>> did_you_mean("polnd", ["poland", "portugal", "holland"])
['poland']
>>> did_you_mean("атлантида", ["тайланд", "таиланд", "албания"])
[]
>>> did_you_mean_hint("partnrs", ["partners", "events"])
"did you mean 'partners'? "
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

SIMILARITY_CUTOFF = 0.75
"""How alike (0-1) a candidate must be to be suggested."""


def did_you_mean(
    word: str, candidates: Iterable[str], *, limit: int = 3, cutoff: float = SIMILARITY_CUTOFF
) -> list[str]:
    """The candidates most like ``word``, best first (at most ``limit``)."""
    return difflib.get_close_matches(word, list(candidates), n=limit, cutoff=cutoff)


def did_you_mean_hint(word: str, candidates: Iterable[str], *, limit: int = 3) -> str:
    """``"did you mean 'x' or 'y'? "`` for the closest candidates, or ``""``."""
    close = did_you_mean(word, candidates, limit=limit)
    return f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
