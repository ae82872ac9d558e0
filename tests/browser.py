"""Debian's headless Chromium, driven by Playwright, for the page tests and the page benchmark.

Playwright's own browser downloads are never used; the tests skip (with the reason) only
when ``/usr/bin/chromium`` is missing. CI installs Debian's ``chromium`` package.
"""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("EDUKG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
