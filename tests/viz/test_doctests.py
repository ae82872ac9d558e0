"""The examples in the viz modules' docstrings run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "layout",
    "legend",
    "network_page",
    "network_svg",
    "page_data",
    "short_labels",
    "styling",
    "vis_assets",
    "vocabulary_labels",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"edukg.viz.{name}")
    failed, attempted = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert attempted > 0 and failed == 0
