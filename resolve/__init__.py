"""Entity resolution: one institution is one node, across sources, languages and scripts.

A pipeline of small pure steps: :mod:`~edukg.resolve.normalise` (case, quotes,
legal forms, numbers, "named after"), :mod:`~edukg.resolve.transliterate` and
:mod:`~edukg.resolve.vocabulary` (one Latin skeleton per word, common words as
concepts), :mod:`~edukg.resolve.blocking` (country and rare tokens),
:mod:`~edukg.resolve.compare` (rapidfuzz scores and reasons), then
:mod:`~edukg.resolve.decisions` (a person's accept/reject as data) and
:mod:`~edukg.resolve.merge` (one canonical IRI per institution).
"""
