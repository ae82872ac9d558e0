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
    """The candidates most like ``word``, best first (at most ``limit``).

    A candidate whose beginning is like ``word`` counts too (a name written
    short: "гимназия № 2" for "гимназия № 1 «тестовая»"), for words of five
    characters or more.

    >>> did_you_mean("гимназия № 2", ["гимназия № 1 «тестовая»", "школа № 5"])
    ['гимназия № 1 «тестовая»']
    """
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    scored = []
    for candidate in dict.fromkeys(candidates):
        score = _similarity(matcher, candidate, cutoff)
        if len(word) >= 5 and len(candidate) > len(word):
            score = max(score, _similarity(matcher, candidate[: len(word)], cutoff))
        if score >= cutoff:
            scored.append((score, candidate))
    scored.sort(key=lambda pair: -pair[0])
    return [candidate for _, candidate in scored[:limit]]


def _similarity(matcher: difflib.SequenceMatcher[str], candidate: str, cutoff: float) -> float:
    matcher.set_seq1(candidate)
    if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
        return 0.0
    return matcher.ratio()


def did_you_mean_hint(word: str, candidates: Iterable[str], *, limit: int = 3) -> str:
    """``"did you mean 'x' or 'y'? "`` for the closest candidates, or ``""``."""
    close = did_you_mean(word, candidates, limit=limit)
    return f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
