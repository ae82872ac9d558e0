"""The docstring examples of the resolution modules run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "edukg.resolve.normalise",
    "edukg.resolve.transliterate",
    "edukg.resolve.vocabulary",
    "edukg.resolve.keys",
    "edukg.resolve.blocking",
    "edukg.resolve.compare",
    "edukg.resolve.match",
    "edukg.resolve.records",
    "edukg.resolve.decisions",
    "edukg.resolve.review",
    "edukg.graph.canonical",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
