"""A progress bar for long loads: shown on a terminal, silent in pipes and CI."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from edukg.cli.terminal import text_console


def wants_progress() -> bool:
    """True when standard error is a terminal and no CI variable is set."""
    if os.environ.get("CI") or os.environ.get("EDUKG_NO_PROGRESS"):
        return False
    return sys.stderr.isatty()


@contextmanager
def load_progress(
    *, enabled: bool | None = None
) -> Iterator[Callable[[str, int, int], None] | None]:
    """Yield a ``progress(description, done, total)`` callback, or ``None`` when quiet."""
    if not (wants_progress() if enabled is None else enabled):
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=text_console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("loading", total=None)

        def progress(description: str, done: int, total: int) -> None:
            bar.update(task, description=description, completed=done, total=total)

        yield progress
