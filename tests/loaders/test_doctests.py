"""The docstring examples of the register loaders run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "edukg.loaders",
    "edukg.loaders.csv_loader",
    "edukg.loaders.json_loader",
    "edukg.loaders.json_records",
    "edukg.loaders.reference",
    "edukg.loaders.register",
    "edukg.loaders.ror_loader",
    "edukg.loaders.universities_loader",
    "edukg.loaders.rdf_loader",
    "edukg.loaders.session",
    "edukg.loaders.tables",
    "edukg.loaders.values",
    "edukg.loaders.vocabulary",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
