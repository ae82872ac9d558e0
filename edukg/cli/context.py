"""What every command shares: settings, the store they open, exit codes, problem output.

Command modules import this module and nothing else of the CLI, so the CLI has no cycle.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from edukg.core.errors import Problem

if TYPE_CHECKING:
    from edukg.analysis.networks import Window
    from edukg.graph.store import KnowledgeGraph

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

MEMORY_STORE = ":memory:"
"""``--store :memory:`` runs one command on a store that vanishes when it ends."""


class Settings:
    """Options every command shares."""

    def __init__(
        self, store: str | None, base_iri: str | None, *, csv_formulas: bool = False
    ) -> None:
        self.store = store
        self.base_iri = base_iri
        self.csv_formulas = csv_formulas
        """Write CSV/TSV values that look like spreadsheet formulas as they are."""


def neutralise_formulas() -> bool:
    """True unless ``--csv-formulas`` was given: CSV/TSV cells never run as formulas."""
    settings = click.get_current_context(silent=True)
    found = settings.find_object(Settings) if settings is not None else None
    return not (found is not None and found.csv_formulas)


def store_opener(settings: Settings, *, read_only: bool = False) -> Callable[[], KnowledgeGraph]:
    """A function that opens the store the settings point at, anew at each call."""
    from functools import partial

    from edukg.graph.settings import requested_base_iri, resolve_store_path
    from edukg.graph.store import KnowledgeGraph

    base_iri = requested_base_iri(settings.base_iri)
    path = resolve_store_path(settings.store)
    if str(path) == MEMORY_STORE:
        return partial(KnowledgeGraph.in_memory, base_iri=base_iri)
    return partial(KnowledgeGraph.open, path, base_iri=base_iri, read_only=read_only)


@contextmanager
def open_store(settings: Settings, *, read_only: bool = False) -> Iterator[KnowledgeGraph]:
    """Open the store the settings point at, and close it afterwards."""
    kg = store_opener(settings, read_only=read_only)()
    try:
        yield kg
    finally:
        kg.close()


def counted(number: int, noun: str) -> str:
    """``number`` and ``noun``, plural unless one: ``1 node``, ``3 nodes``.

    >>> counted(1, "node"), counted(3, "node"), counted(0, "cluster")
    ('1 node', '3 nodes', '0 clusters')
    """
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def echo_problem(problem: Problem) -> None:
    """Print one problem to standard error."""
    click.echo(str(problem), err=True)


EXAMPLES_SHOWN = 3
"""How many problems of one kind are printed before the rest is only counted."""


def problem_groups(problems: Sequence[Problem]) -> list[list[Problem]]:
    """Problems grouped by severity and kind, groups in order of first appearance.

    >>> groups = problem_groups([Problem("a", "x"), Problem("a", "y"), Problem("b", "x")])
    >>> [(g[0].message, len(g)) for g in groups]
    [('x', 2), ('y', 1)]
    """
    groups: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        groups.setdefault((problem.severity, problem.kind), []).append(problem)
    return list(groups.values())


def grouped_problem_lines(
    problems: Sequence[Problem], *, examples: int = EXAMPLES_SHOWN, report: Path | None = None
) -> list[str]:
    r"""Lines that show problems one kind at a time: a kind with more than
    ``examples`` problems gets one line with its count, its first examples and
    its hint; fewer are shown in full.

    >>> lines = grouped_problem_lines(
    ...     [Problem("a.csv", "no name", line=n, severity="warning") for n in (2, 3, 4, 5)],
    ...     examples=2)
    >>> print("\n".join(lines))
    warning: 4 × no name
      a.csv:2
      a.csv:3
      … and 2 more (--report FILE lists every one)
    """
    lines: list[str] = []
    for group in problem_groups(problems):
        if len(group) <= examples:
            lines.extend(str(problem) for problem in group)
            continue
        first = group[0]
        lines.append(f"{first.severity}: {len(group)} × {first.message}")
        for problem in group[:examples]:
            value = f" (value: {problem.value!r})" if problem.value is not None else ""
            lines.append(f"  {problem.place}{value}")
        where = f"all of them are in {report}" if report else "--report FILE lists every one"
        lines.append(f"  … and {len(group) - examples} more ({where})")
        hints = {problem.hint for problem in group if problem.hint}
        if len(hints) == 1:
            lines.append(f"  hint: {hints.pop()}")
    return lines


def echo_problems(
    problems: Sequence[Problem], *, examples: int = EXAMPLES_SHOWN, report: Path | None = None
) -> None:
    """Print problems to standard error, grouped by kind (see :func:`grouped_problem_lines`)."""
    for line in grouped_problem_lines(problems, examples=examples, report=report):
        click.echo(line, err=True)


def write_problem_report(problems: Sequence[Problem], path: Path) -> None:
    """Write problems as CSV (``.csv``) or JSON (any other extension), UTF-8."""
    from edukg.core.cells import spreadsheet_safe
    from edukg.core.files import atomic_output, write_text_atomically

    rows = [problem.as_dict() for problem in problems]
    if path.suffix.lower() == ".csv":
        neutralise = neutralise_formulas()
        with atomic_output(path, text=True, encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(Problem("", "").as_dict()))
            writer.writeheader()
            writer.writerows(
                {k: spreadsheet_safe(v, neutralise=neutralise) for k, v in row.items()}
                for row in rows
            )
    else:
        write_text_atomically(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", path)


def time_window(
    since: dt.date | None, until: dt.date | None, active_on: dt.date | None
) -> Window:
    """The analysis window the ``--since``/``--until``/``--active-on`` options describe."""
    from edukg.analysis.networks import Window

    return Window(since=since, until=until, active_on=active_on)


LEVEL_CHOICE = click.Choice(["institution", "country", "region"])
LANG_CHOICE = click.Choice(["ru", "be", "en"])


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-01-31"
        ) from None


def network_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options that choose the network: level, time window, events, language."""
    options = [
        click.option(
            "--level",
            type=LEVEL_CHOICE,
            default="institution",
            show_default=True,
            help="Nodes are institutions, or their countries or regions.",
        ),
        click.option(
            "--since",
            callback=_iso_date,
            metavar="YYYY-MM-DD",
            help="Only agreements signed and events started on or after this day.",
        ),
        click.option(
            "--until",
            callback=_iso_date,
            metavar="YYYY-MM-DD",
            help="Only agreements signed and events started on or before this day.",
        ),
        click.option(
            "--active-on",
            callback=_iso_date,
            metavar="YYYY-MM-DD",
            help="Only agreements in force and events running on this day.",
        ),
        click.option(
            "--no-events", is_flag=True, help="Link institutions by agreements only, not by events."
        ),
        click.option(
            "--lang",
            type=LANG_CHOICE,
            default="ru",
            show_default=True,
            help="Language of labels and titles.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command
