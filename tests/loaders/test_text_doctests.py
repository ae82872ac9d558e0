"""The docstring examples of the text extraction modules run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "edukg.loaders.text_readers",
    "edukg.loaders.text_nlp",
    "edukg.loaders.text_places",
    "edukg.loaders.text_rules",
    "edukg.loaders.text_candidates",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
