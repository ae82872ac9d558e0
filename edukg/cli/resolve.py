"""``edukg resolve``: candidate pairs of institutions for a person to accept or reject.

Thin wiring over :mod:`edukg.resolve`; registered in :mod:`edukg.cli`.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from edukg.cli.context import Settings, open_store
from edukg.cli.terminal import text_console
from edukg.core.errors import InputError

_FORMATS = click.Choice(["table", "csv", "json"])
CANDIDATE_COLUMNS = ("left", "right", "score", "reasons", "left_name", "right_name")


def _candidate_rows(candidates: Sequence[Any]) -> list[dict[str, object]]:
    return [
        {
            "left": c.left,
            "right": c.right,
            "score": c.score,
            "reasons": "; ".join(c.reasons),
            "left_name": c.left_name,
            "right_name": c.right_name,
        }
        for c in candidates
    ]


def _emit(rows: list[dict[str, object]], format_name: str, output: Path | None) -> None:
    if format_name == "json":
        text = json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    elif format_name == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(CANDIDATE_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        text = buffer.getvalue()
    else:
        from rich.table import Table

        table = Table("score", "reasons", "left", "right")
        for row in rows:
            table.add_row(
                f"{row['score']:g}",
                str(row["reasons"]),
                f"{row['left_name']}\n{row['left']}",
                f"{row['right_name']}\n{row['right']}",
            )
        width = None if sys.stdout.isatty() else 200
        text_console(width=width).print(table)
        click.echo(f"{len(rows)} pair(s)", err=True)
        return
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


def _report_changes(changes: Sequence[Any]) -> None:
    for change in changes:
        click.echo(
            f"{change.name}: rewritten to canonical IRIs, "
            f"+{change.added} -{change.removed} triples",
            err=True,
        )


@click.group(invoke_without_command=True)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=None,
    help="List pairs scoring at least this (default 70: worth a person's look).",
)
@click.option(
    "-f",
    "--format",
    "format_name",
    type=_FORMATS,
    default="table",
    show_default=True,
    help="Output format of the listing; CSV starts with the two IRIs, score and reasons.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the listing (or --export) to this file instead of standard output.",
)
@click.option(
    "--auto-accept",
    type=click.FloatRange(0, 100),
    default=None,
    metavar="SCORE",
    help="Accept and merge pairs scoring at least SCORE now; each one is reported.",
)
@click.option(
    "--apply",
    "apply_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Record the decisions of a CSV file (left,right,score,reasons,verdict,author,time).",
)
@click.option(
    "--export",
    "export_decisions",
    is_flag=True,
    help="Write every stored decision as CSV (to apply again with --apply).",
)
@click.option("--author", default=None, help="Who decides (default: your login name).")
@click.option(
    "--kind",
    type=click.Choice(["institution", "region"]),
    default="institution",
    show_default=True,
    help="Resolve institutions, or regions the same way.",
)
@click.pass_context
def resolve(
    ctx: click.Context,
    min_score: float | None,
    format_name: str,
    output: Path | None,
    auto_accept: float | None,
    apply_file: Path | None,
    export_decisions: bool,
    author: str | None,
    kind: str,
) -> None:
    """List pairs of institutions that may be one, best first, for a person to decide.

    Names are compared across Russian, Belarusian and English, Cyrillic and
    Latin (transliteration, translation of common words, acronyms), with the
    same ROR id, website and city as evidence. Decisions are data in the
    resolution graph: they survive re-imports and can be exported and applied
    again. An accepted pair becomes one institution under one canonical IRI.

    Examples: edukg resolve --format csv -o pairs.csv;
    edukg resolve --apply pairs.csv; edukg resolve accept IRI1 IRI2
    """
    settings: Settings = ctx.find_object(Settings)  # type: ignore[assignment]
    ctx.meta["resolve_author"] = author
    if ctx.invoked_subcommand is not None:
        return
    from edukg.resolve.decisions import (
        read_decisions,
        record_decisions,
        stored_decisions,
        write_decisions,
    )
    from edukg.resolve.match import REVIEW_SCORE
    from edukg.resolve.review import review_candidates

    if export_decisions:
        with open_store(settings, read_only=True) as kg:
            decisions = stored_decisions(kg)
        buffer = io.StringIO()
        write_decisions(decisions, buffer)
        _emit_text(buffer.getvalue(), output)
        return
    with open_store(settings) as kg:
        if apply_file is not None:
            decisions = read_decisions(apply_file)
            if author:
                decisions = [d if d.author else replace(d, author=author) for d in decisions]
            _report_changes(record_decisions(kg, decisions))
            accepted = sum(d.verdict == "accept" for d in decisions)
            click.echo(
                f"applied {len(decisions)} decision(s): {accepted} accepted, "
                f"{len(decisions) - accepted} rejected",
                err=True,
            )
        review = review_candidates(
            kg,
            min_score=REVIEW_SCORE if min_score is None else min_score,
            auto_accept=auto_accept,
            author=author,
            kind=kind,
        )
    for decision in review.auto_accepted:
        click.echo(
            f"auto-accepted ({decision.score:g} >= {auto_accept:g}): "
            f"{decision.left} = {decision.right} [{'; '.join(decision.reasons)}]",
            err=True,
        )
    _report_changes(review.changes)
    _emit(_candidate_rows(review.candidates), format_name, output)


def _emit_text(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


def _described(kg: Any, iri: str) -> bool:
    """Whether the store holds a statement about ``iri`` (or a merge of it)."""
    import pyoxigraph as ox

    try:
        node = ox.NamedNode(iri)
    except ValueError:
        raise InputError(
            f"{iri!r} is not an IRI", hint="write the full IRI, e.g. https://..."
        ) from None
    return any(True for _ in kg.oxigraph.quads_for_pattern(node, None, None)) or any(
        True for _ in kg.oxigraph.quads_for_pattern(None, None, node)
    )


def _decide(ctx: click.Context, verdict: str, first: str, second: str, author: str | None) -> None:
    from edukg.resolve.decisions import Decision, canonical_of, record_decisions

    settings: Settings = ctx.find_object(Settings)  # type: ignore[assignment]
    who = author or ctx.meta.get("resolve_author") or ""
    with open_store(settings) as kg:
        unknown = [iri for iri in (first, second) if not _described(kg, iri)]
        if unknown:
            raise InputError(
                f"the store says nothing about {unknown[0]}",
                hint="copy the IRIs from the listing of edukg resolve",
            )
        before = canonical_of(kg)
        _report_changes(record_decisions(kg, [Decision(first, second, verdict, author=who)]))
        canonical = canonical_of(kg)
    target = canonical.get(first, first)
    if verdict == "accept":
        click.echo(f"accepted: {first} and {second} are one institution, {target}")
    elif target == canonical.get(second, second):
        click.echo(
            f"rejected: {first} and {second}, but other accepted pairs still join them in "
            f"{target}: reject those too to split them"
        )
    elif before.get(first, first) == before.get(second, second):
        click.echo(f"rejected: {first} and {second} were one institution; split into two again")
    else:
        click.echo(f"rejected: {first} and {second} stay two institutions")


@resolve.command()
@click.argument("first")
@click.argument("second")
@click.option("--author", default=None, help="Who decides (default: your login name).")
@click.pass_context
def accept(ctx: click.Context, first: str, second: str, author: str | None) -> None:
    """Record that the two IRIs name one institution, and merge them now.

    The canonical IRI is a ROR IRI when one of them is, else the smaller.
    """
    _decide(ctx, "accept", first, second, author)


@resolve.command()
@click.argument("first")
@click.argument("second")
@click.option("--author", default=None, help="Who decides (default: your login name).")
@click.pass_context
def reject(ctx: click.Context, first: str, second: str, author: str | None) -> None:
    """Record that the two IRIs name two different institutions; they are not listed again.

    A pair accepted (and merged) before is split again: every source gets its
    own IRI back, all or nothing.
    """
    _decide(ctx, "reject", first, second, author)


@resolve.command()
@click.option(
    "--ror",
    "ror_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A ROR v2 JSON dump to match against (default: ROR records in the store).",
)
@click.option(
    "--reference-source",
    "reference_sources",
    multiple=True,
    metavar="NAME",
    help="A source of the store that holds registry records (e.g. the universities list).",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=90.0,
    show_default=True,
    help="Link institutions whose best registry match scores at least this.",
)
@click.pass_context
def registries(
    ctx: click.Context, ror_file: Path | None, reference_sources: tuple[str, ...], min_score: float
) -> None:
    """Link institutions to ROR and other registry records with skos:exactMatch.

    Each link also takes the ru, be and en labels and the website the
    institution lacks from the registry record, into the registry-links graph.
    Every link is reported.
    """
    from edukg.resolve.records import records_from_ror
    from edukg.resolve.registries import link_registries

    settings: Settings = ctx.find_object(Settings)  # type: ignore[assignment]
    references = records_from_ror(ror_file) if ror_file else None
    with open_store(settings) as kg:
        links = link_registries(
            kg, references=references, reference_sources=reference_sources, min_score=min_score
        )
    for link in links:
        taken = [f"{text}@{lang}" for text, lang in link.labels]
        if link.website:
            taken.append(link.website)
        click.echo(
            f"{link.candidate.left} skos:exactMatch {link.candidate.right} "
            f"({link.candidate.score:g}; {'; '.join(link.candidate.reasons)})"
            + (f"; took {', '.join(taken)}" if taken else "")
        )
    click.echo(f"{len(links)} link(s)", err=True)
