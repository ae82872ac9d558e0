"""``edukg extract`` and ``edukg accept``: candidate facts from text, and their review."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from edukg.cli.context import Settings, echo_problem, open_store
from edukg.cli.terminal import text_console
from edukg.core.errors import ConfigError, InputError, Problem

if TYPE_CHECKING:
    from edukg.loaders.text_candidates import Candidate, TextDocument

QUOTE_WIDTH = 60
PIPE_WIDTH = 240


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--register",
    "register_folder",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="Also write the candidates as a pre-filled register (institutions.csv, "
    "agreements.csv, events.csv) into DIR, to correct and load with edukg load.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="List and keep only candidates at least this sure.",
)
@click.pass_obj
def extract(
    settings: Settings, files: tuple[Path, ...], register_folder: Path | None,
    min_confidence: float,
) -> None:
    """Find candidate cooperation facts in Russian texts, for review.

    Reads .txt .md .html .docx .pdf (its text layer). Prints a table of
    candidates (institutions, regions, partner countries, agreement counts,
    agreements, event kinds, years and dates), each with an id, its
    confidence and the words it rests on, and keeps them in the store's
    candidates graph, outside the knowledge graph. Bring them in with
    edukg accept ID..., or with --register DIR correct them as a register and
    load that with edukg load. Unreadable files: nothing is stored, exit 1.

    Example: edukg extract article.txt && edukg accept --all --min-confidence 0.8
    """
    from edukg.cli.progress import load_progress
    from edukg.loaders.text_candidates import store_candidates
    from edukg.loaders.text_loader import extract_files
    from edukg.loaders.text_register import write_register

    with open_store(settings) as kg:
        with load_progress() as progress:
            extractions = extract_files(list(files), base_iri=kg.base_iri, progress=progress)
        for extraction in extractions:
            kept = [c for c in extraction.candidates if c.confidence >= min_confidence]
            stored = store_candidates(kg, extraction.document, kept)
            _print_table(extraction.document, stored)
            if register_folder is not None:
                folder = register_folder if len(extractions) == 1 else (
                    register_folder / Path(extraction.document.file_name).stem
                )
                written = write_register(stored, folder, source=extraction.document.file_name)
                for path in written:
                    click.echo(f"register: {path}")
                if not written:
                    click.echo(f"register: nothing to write for {extraction.document.file_name}")


@click.command()
@click.argument("ids", nargs=-1)
@click.option("--all", "accept_all", is_flag=True, help="Accept every pending candidate.")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=None,
    help="Accept only candidates at least this sure (with --all, or to filter the IDS).",
)
@click.pass_obj
def accept(
    settings: Settings, ids: tuple[str, ...], accept_all: bool, min_confidence: float | None
) -> None:
    """Accept reviewed candidates into the knowledge graph, with provenance to the text.

    IDS are candidate ids from edukg extract (a unique beginning is enough).
    Each document's accepted candidates become the source text-<file name>:
    the facts, the quoted sentences they rest on and the document. A
    candidate that cannot become a fact (an institution without a country)
    stops the whole command: nothing is written, exit 1.

    Example: edukg accept ce19 1fe5 --min-confidence 0.8
    """
    from edukg.loaders.text_accept import accepted_source
    from edukg.loaders.text_candidates import mark_accepted, read_candidates

    if not ids and not accept_all and min_confidence is None:
        raise ConfigError(
            "name the candidates to accept",
            hint="give their ids (from edukg extract), or --all, or --min-confidence 0.8",
        )
    with open_store(settings) as kg:
        every = read_candidates(kg)
        chosen = _choose(every, ids, accept_all or not ids)
        if min_confidence is not None:
            chosen = [(d, c) for d, c in chosen if c.confidence >= min_confidence]
        if not chosen:
            click.echo("no pending candidates to accept")
            return
        documents: dict[str, TextDocument] = {d.sha256: d for d, _ in chosen}
        sources = []
        for sha, document in documents.items():
            new = [c for d, c in chosen if d.sha256 == sha]
            before = [c for d, c in every if d.sha256 == sha and c.status == "accepted"]
            sources.append((document, new, accepted_source(document, before + new)))
        changes = kg.write_sources([source for _, _, source in sources])
        for document, new, _ in sources:
            mark_accepted(kg, document, [c.id for c in new])
    for (document, new, _), change in zip(sources, changes, strict=True):
        click.echo(
            f"{change.name}: accepted {len(new)} candidate(s) from {document.file_name}; "
            f"+{change.added} -{change.removed} triples ({change.total} in all)"
        )


def _choose(
    every: list[tuple[TextDocument, Candidate]], ids: tuple[str, ...], everything: bool
) -> list[tuple[TextDocument, Candidate]]:
    pending = [(d, c) for d, c in every if c.status == "pending"]
    if everything:
        return pending
    chosen: list[tuple[TextDocument, Candidate]] = []
    problems: list[Problem] = []
    for identifier in ids:
        key = identifier.strip().lower()
        matches = [(d, c) for d, c in every if c.id.startswith(key)] if key else []
        if len(matches) != 1:
            what = "no candidate has" if not matches else "more than one candidate has"
            problems.append(Problem(
                "<candidates>", f"{what} the id {identifier!r}", value=identifier,
                hint="copy an id from the table of edukg extract",
            ))
            continue
        document, candidate = matches[0]
        if candidate.status == "accepted":
            echo_problem(Problem(
                document.file_name, f"candidate {candidate.id} was accepted before",
                severity="warning",
            ))
            continue
        chosen.append(matches[0])
    if problems:
        raise InputError("nothing was accepted", problems=problems)
    return chosen


def _print_table(document: TextDocument, candidates: list[Candidate]) -> None:
    from rich.table import Table

    table = Table(title=f"{document.file_name}: {len(candidates)} candidate(s)")
    for name in ("id", "kind", "value", "conf.", "about", "at", "words", "status"):
        table.add_column(name, overflow="fold")
    shown = {c.id: _shown(c) for c in candidates}
    for candidate in candidates:
        details = candidate.details
        value = shown[candidate.id]
        if candidate.kind == "institution" and "country" in details:
            place = " ".join(filter(None, (details.get("region_label"), details["country"])))
            value = f"{candidate.label} [{place}]"
        table.add_row(
            candidate.id,
            candidate.kind,
            value,
            f"{candidate.confidence:.2f}",
            shown.get(candidate.subject or "", ""),
            f"{candidate.start}-{candidate.stop}",
            _clip(candidate.quote),
            candidate.status,
        )
    console = text_console()
    if not console.is_terminal:
        console = text_console(width=PIPE_WIDTH)  # a pipe or file gets whole lines to grep
    console.print(table)


def _shown(candidate: Candidate) -> str:
    """A candidate's value as the table shows it: a count with its year."""
    period = candidate.details.get("period")
    if candidate.kind == "agreement-count":
        return f"{candidate.label} agreements" + (f" ({period})" if period else "")
    return candidate.label


def _clip(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_WIDTH else flat[: QUOTE_WIDTH - 1] + "…"

