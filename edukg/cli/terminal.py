"""Consoles that print text as it is: no rich markup, emoji codes or highlighting.

Labels, titles, quotes and file names come from users' data. A rich console
would read ``[bold]`` in them as a style (and drop it from the text), stop with
an error on a stray ``[/b]``, and turn ``:fire:`` into an emoji. Every console
that edukg prints users' text on is made here.

>>> import io
>>> console = text_console(file=io.StringIO(), width=60)
>>> console.print("Школа [bold]№ 1[/b] :fire:")
>>> console.file.getvalue()
'Школа [bold]№ 1[/b] :fire:\\n'
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def text_console(
    *,
    width: int | None = None,
    stderr: bool = False,
    soft_wrap: bool = False,
    file: IO[str] | None = None,
) -> Console:
    """A rich ``Console`` that shows every string verbatim (``width=None``: the terminal's)."""
    from rich.console import Console

    return Console(
        width=width,
        stderr=stderr,
        soft_wrap=soft_wrap,
        file=file,
        markup=False,
        emoji=False,
        highlight=False,
    )
