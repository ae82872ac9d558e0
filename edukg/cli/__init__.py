"""The ``edukg`` command: a thin face that wires the floors below.

Each command lives in a module of this package and imports only
``edukg.cli.context``; this module adds them to the group and runs it.

Exit codes: 0 success; 1 bad input or SHACL violations (nothing written);
2 usage, configuration or store errors, or a check that could not run;
130 interrupted.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from edukg.cli.analysis import analyze, network
from edukg.cli.context import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from edukg.cli.demo import demo
from edukg.cli.exit import run_and_leave
from edukg.cli.extract import accept, extract
from edukg.cli.load import load
from edukg.cli.queries import COMMANDS as QUERY_COMMANDS
from edukg.cli.resolve import resolve
from edukg.cli.root import cli
from edukg.cli.serve import serve
from edukg.cli.store import export_command, sources, stats, validate
from edukg.cli.viz import report, viz
from edukg.core.errors import EdukgError

for _command in (
    load, export_command, stats, validate, sources, demo, *QUERY_COMMANDS,
    analyze, network, viz, report, resolve, serve, extract, accept,
):
    cli.add_command(_command)

__all__ = ["cli", "main", "run"]


def main(argv: Sequence[str] | None = None) -> None:
    """Run the CLI; print user errors without a traceback and exit with their code."""
    try:
        cli.main(args=list(argv) if argv is not None else None, standalone_mode=False)
    except EdukgError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(error.exit_code)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as error:
        error.show()
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    sys.exit(EXIT_OK)


def run() -> None:
    """The ``edukg`` command: :func:`main`, then a quick exit (see :mod:`edukg.cli.exit`)."""
    run_and_leave(main)
