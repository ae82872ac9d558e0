"""Fixtures of the page tests; the headless Chromium is the session's ``browser`` fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import CHROMIUM, CHROMIUM_ARGS

__all__ = ["ARTIFACTS", "CHROMIUM", "CHROMIUM_ARGS", "artifacts"]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
