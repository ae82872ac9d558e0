"""``edukg load``: files into the store, all or nothing."""

from __future__ import annotations

from pathlib import Path

import click

from edukg.cli.context import (
    Settings,
    echo_problems,
    grouped_problem_lines,
    open_store,
    write_problem_report,
)
from edukg.core.errors import InputError
from edukg.core.files import output_path


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
    type=click.Choice(["institutions", "agreements", "events", "parties", "cordis"]),
    help="What the register files hold, when their header or sheet name does not say.",
)
@click.option(
    "--allow-empty",
    is_flag=True,
    help="Load a file that holds no records as an empty source instead of refusing it.",
)
@click.pass_obj
def load(
    settings: Settings,
    files: tuple[Path, ...],
    source_names: tuple[str, ...],
    report: Path | None,
    kind: str | None,
    allow_empty: bool,
) -> None:
    """Load FILES into the store, all or nothing.

    Each file becomes a source; loading it again replaces what it held before.
    Reads RDF (.ttl .nt .nq .trig .jsonld .rdf .xml) and registers (.csv .tsv
    .txt .xlsx .json; see "Register format" in the README), CORDIS tables,
    recognised by their header and joined when loaded together (docs/cordis.md),
    and registries recognised by their content: ROR JSON dumps and the world
    universities list (docs/registries.md). On any error nothing is written,
    every problem is reported and the exit code is 1.

    Problems are grouped: one line per kind with its count and first examples
    (three warnings or twenty errors a kind); --report keeps every one.

    Example: edukg load examples/minsk-region-2024.ttl
    """
    from edukg.cli.progress import load_progress
    from edukg.loaders import load_files
    from edukg.resolve.review import DUPLICATE_CHECK_LIMIT, institution_count, likely_duplicates

    if report:
        output_path(report)  # a bad report path fails before anything is loaded
    with open_store(settings) as kg, load_progress() as progress:
        try:
            result = load_files(
                kg, list(files), source_names=list(source_names) or None,
                options={"kind": kind} if kind else None, progress=progress,
                allow_empty=allow_empty,
            )
        except InputError as error:
            if report:
                write_problem_report(error.problems, report)
            raise _grouped(error, report) from None
        changed = [c.name for c in result.changes if not c.unchanged]
        count = institution_count(kg) if changed else 0
        checked = count <= DUPLICATE_CHECK_LIMIT
        duplicates = likely_duplicates(kg, changed) if changed and checked else []
    echo_problems(result.warnings, report=report)
    if report:
        write_problem_report(result.warnings, report)
    for change in result.changes:
        if result.completes_others(change):
            click.echo(f"{change.name}: read; {COMPLETES_OTHERS}")
            continue
        if change.unchanged:
            click.echo(f"{change.name}: unchanged ({change.total} triples)")
            continue
        verb = "loaded" if change.new_source else "replaced"
        click.echo(
            f"{change.name}: {verb}, +{change.added} -{change.removed} triples "
            f"({change.total} in all); records: {change.records_added} new, "
            f"{change.records_changed} changed, {change.records_removed} removed"
        )
    for candidate, new, old in duplicates:
        click.echo(
            f"likely duplicate: {candidate.left_name or new.iri} ({new.iri}) and "
            f"{candidate.right_name or old.iri} ({old.iri}), score {candidate.score:g} "
            f"[{'; '.join(candidate.reasons)}]"
        )
    if duplicates:
        click.echo(f"{len(duplicates)} likely duplicate(s): review them with edukg resolve")
    if not checked:
        click.echo(
            f"no check for likely duplicates: {count} institutions in the store (more than "
            f"{DUPLICATE_CHECK_LIMIT}); edukg resolve compares them all"
        )


COMPLETES_OTHERS = "no statements of its own: it completes the other tables loaded with it"
"""What the load says of a CORDIS name or project table (see ``LoadResult.completing``)."""

ERROR_EXAMPLES = 20
"""Errors of one kind shown before the rest is only counted (all go to --report)."""


def _grouped(error: InputError, report: Path | None) -> InputError:
    """The same error, its problems shown one kind at a time."""
    errors = [p for p in error.problems if p.severity == "error"]
    warnings = [p for p in error.problems if p.severity != "error"]
    lines = grouped_problem_lines(errors, examples=ERROR_EXAMPLES, report=report)
    lines += grouped_problem_lines(warnings, report=report)
    return InputError("\n".join([error.message, *lines]), hint=error.hint)
