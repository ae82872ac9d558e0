"""``edukg load``: files into the store, all or nothing."""

from __future__ import annotations

from pathlib import Path

import click

from edukg.cli.context import Settings, echo_problem, open_store, write_problem_report
from edukg.core.errors import InputError


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--source",
    "source_names",
    multiple=True,
    metavar="NAME",
    help="Source name for each file, in order (default: the file name).",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write every problem to this file (.csv or .json).",
)
@click.option(
    "--kind",
    type=click.Choice(["institutions", "agreements", "events", "cordis"]),
    help="What the register files hold, when their header or sheet name does not say.",
)
@click.pass_obj
def load(
    settings: Settings,
    files: tuple[Path, ...],
    source_names: tuple[str, ...],
    report: Path | None,
    kind: str | None,
) -> None:
    """Load FILES into the store, all or nothing.

    Each file becomes a source; loading it again replaces what it held before.
    Reads RDF (.ttl .nt .nq .trig .jsonld .rdf .xml) and registers (.csv .tsv
    .txt .xlsx .json; see "Register format" in the README), and CORDIS tables,
    recognised by their header and joined when loaded together (docs/cordis.md).
    On any error nothing is written, every problem is listed and the exit code
    is 1.

    Example: edukg load examples/minsk-region-2024.ttl
    """
    from edukg.cli.progress import load_progress
    from edukg.loaders import load_files

    with open_store(settings) as kg, load_progress() as progress:
        try:
            result = load_files(
                kg, list(files), source_names=list(source_names) or None,
                options={"kind": kind} if kind else None, progress=progress,
            )
        except InputError as error:
            if report:
                write_problem_report(error.problems, report)
            raise
    for warning in result.warnings:
        echo_problem(warning)
    if report:
        write_problem_report(result.warnings, report)
    for change in result.changes:
        if change.unchanged:
            click.echo(f"{change.name}: unchanged ({change.total} triples)")
            continue
        verb = "loaded" if change.new_source else "replaced"
        click.echo(
            f"{change.name}: {verb}, +{change.added} -{change.removed} triples "
            f"({change.total} in all); records: {change.records_added} new, "
            f"{change.records_changed} changed, {change.records_removed} removed"
        )
