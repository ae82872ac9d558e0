"""The ``edukg`` command: a thin face that wires the floors below.

Exit codes: 0 success; 1 bad input or SHACL violations (nothing written);
2 usage, configuration or store errors, or a check that could not run;
130 interrupted.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import click

from edukg import __version__
from edukg.errors import EdukgError, InputError, Problem

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

MEMORY_STORE = ":memory:"
"""``--store :memory:`` runs one command on a store that vanishes when it ends."""


class Settings:
    """Options every command shares."""

    def __init__(self, store: str | None, base_iri: str | None) -> None:
        self.store = store
        self.base_iri = base_iri


@contextmanager
def open_store(settings: Settings, *, read_only: bool = False) -> Iterator[object]:
    """Open the store the settings point at, and close it afterwards."""
    from edukg.graph.settings import requested_base_iri, resolve_store_path
    from edukg.graph.store import KnowledgeGraph

    base_iri = requested_base_iri(settings.base_iri)
    path = resolve_store_path(settings.store)
    if str(path) == MEMORY_STORE:
        kg = KnowledgeGraph.in_memory(base_iri=base_iri)
    else:
        kg = KnowledgeGraph.open(path, base_iri=base_iri, read_only=read_only)
    try:
        yield kg
    finally:
        kg.close()


def echo_problem(problem: Problem) -> None:
    """Print one problem to standard error."""
    click.echo(str(problem), err=True)


def write_report(problems: Sequence[Problem], path: Path) -> None:
    """Write problems as CSV (``.csv``) or JSON (any other extension), UTF-8."""
    rows = [problem.as_dict() for problem in problems]
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(Problem("", "").as_dict()))
            writer.writeheader()
            writer.writerows(rows)
    else:
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="edukg")
@click.option(
    "--store",
    metavar="DIR",
    help="Store directory (default: $EDUKG_STORE, else ./edukg-store); "
    "':memory:' for a one-off store that is gone when the command ends.",
)
@click.option(
    "--base-iri",
    metavar="IRI",
    help="Base IRI for minted entities (default: $EDUKG_BASE_IRI, else the store's, "
    "else https://edukg.example/id/).",
)
@click.pass_context
def cli(ctx: click.Context, store: str | None, base_iri: str | None) -> None:
    """edukg: a knowledge graph of international education cooperation.

    Load registers and RDF files into an embedded store, check them, count
    them and export them as linked data.
    """
    ctx.obj = Settings(store, base_iri)


@cli.command()
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
    .txt .xlsx .json; see "Register format" in the README), including CORDIS
    participation tables. On any error nothing is written, every problem is
    listed and the exit code is 1.

    Example: edukg load examples/minsk-region-2024.ttl
    """
    from edukg.load_progress import load_progress
    from edukg.loaders import load_files

    with open_store(settings) as kg, load_progress() as progress:
        try:
            result = load_files(
                kg, list(files), source_names=list(source_names) or None,
                options={"kind": kind} if kind else None, progress=progress,
            )
        except InputError as error:
            if report:
                write_report(error.problems, report)
            raise
    for warning in result.warnings:
        echo_problem(warning)
    if report:
        write_report(result.warnings, report)
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


@cli.command(name="export")
@click.option(
    "-f",
    "--format",
    "format_name",
    type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "xml"]),
    default="ttl",
    show_default=True,
    help="Serialisation: Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File (default: stdout)."
)
@click.option("--source", "sources", multiple=True, metavar="NAME", help="Only these sources.")
@click.option("--with-ontology", is_flag=True, help="Include the ontology and the countries.")
@click.pass_obj
def export_command(
    settings: Settings,
    format_name: str,
    output: Path | None,
    sources: tuple[str, ...],
    with_ontology: bool,
) -> None:
    """Export the store as linked data, byte-identical for the same store.

    N-Quads and TriG keep one named graph per source plus their PROV-O
    descriptions; the other formats merge everything into one graph.

    Example: edukg export -f jsonld -o edukg.jsonld
    """
    from edukg.graph.export import export

    with open_store(settings, read_only=True) as kg:
        if output is None:
            export(kg, sys.stdout.buffer, format_name, sources=sources, with_ontology=with_ontology)
            sys.stdout.buffer.flush()
            return
        with output.open("wb") as handle:
            count = export(
                kg, handle, format_name, sources=sources, with_ontology=with_ontology
            )
    click.echo(f"wrote {count} statements to {output}", err=True)


@cli.command()
@click.pass_obj
def stats(settings: Settings) -> None:
    """Count entities per class and per source.

    Example: edukg stats
    """
    from edukg.graph.stats import store_stats

    with open_store(settings, read_only=True) as kg:
        figures = store_stats(kg)
        click.echo(f"store: {kg.path}  base IRI: {kg.base_iri}")
    click.echo(f"{len(figures.per_source)} source(s), {figures.total_triples} triples")
    for name, count in sorted(figures.per_class.items()):
        click.echo(f"  {name}: {count}")
    for source, counts in sorted(figures.per_source.items()):
        details = ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))
        click.echo(f"source {source}: {figures.triples_per_source[source]} triples; {details}")


@cli.command()
@click.option("--source", "sources", multiple=True, metavar="NAME", help="Only these sources.")
@click.pass_obj
def validate(settings: Settings, sources: tuple[str, ...]) -> None:
    """Check the store against the SHACL shapes (ontology/shapes.ttl).

    Each violation names the entity, the property, the value and the rule.
    Exit 0 when the data conforms, 1 on violations, 2 when the check could not run.

    Example: edukg validate
    """
    from edukg.graph.validate import validate as validate_store

    with open_store(settings, read_only=True) as kg:
        report = validate_store(kg, sources=sources)
    if report.conforms:
        click.echo("conforms: the data meets every shape")
        return
    for violation in report.violations:
        click.echo(str(violation))
    click.echo(f"{len(report.violations)} violation(s)", err=True)
    sys.exit(EXIT_INPUT)


@cli.group(invoke_without_command=True)
@click.pass_context
def sources(ctx: click.Context) -> None:
    """List the sources in the store (each a named graph), or remove one.

    Example: edukg sources; edukg sources remove illustrative-register.ttl
    """
    if ctx.invoked_subcommand is not None:
        return
    with open_store(ctx.obj, read_only=True) as kg:
        infos = kg.sources()
    if not infos:
        click.echo("no sources: load some with edukg load FILE")
        return
    for info in infos:
        click.echo(
            f"{info.name}\t{info.triples} triples\t{info.loader} {info.loader_version}\t"
            f"{info.loaded_at}\tsha256:{info.sha256[:12]}\t{info.graph}"
        )


@sources.command(name="remove")
@click.argument("names", nargs=-1, required=True)
@click.pass_obj
def remove_sources(settings: Settings, names: tuple[str, ...]) -> None:
    """Remove sources by name: their graphs and their provenance.

    Example: edukg sources remove minsk-region-2024.ttl
    """
    with open_store(settings) as kg:
        kg.graphs_of(names)  # every name must exist before anything is removed
        for name in names:
            info = kg.remove_source(name)
            click.echo(f"removed {info.name} ({info.triples} triples)")


@cli.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("edukg-output"),
    show_default=True,
    help="Folder for what the demo writes.",
)
@click.pass_obj
def demo(settings: Settings, out: Path) -> None:
    """Build the example knowledge graph and write what it produces.

    Loads the bundled examples (the Minsk region article's facts and an
    illustrative register) into the store, validates them with SHACL, exports
    them as Turtle, JSON-LD and N-Quads, analyses the partnership network
    (stored as source analysis-institution), and writes the network page and
    the report. Prints every path; the report comes last.

    Example: edukg demo --out edukg-output
    """
    from edukg.analysis.results import write_results
    from edukg.analysis.run import analyze as run_analysis
    from edukg.examples import example_files
    from edukg.graph.export import export
    from edukg.graph.stats import store_stats
    from edukg.graph.validate import validate as validate_store
    from edukg.loaders import load_files
    from edukg.viz.network_page import write_network_page
    from edukg.viz.report import write_report
    from edukg.viz.store_report import store_report

    out.mkdir(parents=True, exist_ok=True)
    with open_store(settings) as kg:
        files = [Path(str(f)) for f in example_files()]
        result = load_files(kg, files)
        for change in result.changes:
            state = "unchanged" if change.unchanged else f"+{change.added} -{change.removed}"
            click.echo(f"loaded {change.name} ({state}, {change.total} triples)")
        report = validate_store(kg)
        click.echo(
            "SHACL: conforms"
            if report.conforms
            else f"SHACL: {len(report.violations)} violation(s)"
        )
        for violation in report.violations:
            click.echo(f"  {violation}")
        written = []
        for format_name, extension in (("ttl", "ttl"), ("jsonld", "jsonld"), ("nq", "nq")):
            path = out / f"edukg.{extension}"
            with path.open("wb") as handle:
                export(kg, handle, format_name, with_ontology=format_name == "nq")
            written.append(path)
        figures = store_stats(kg)
        store_path = kg.path
        analysis = run_analysis(kg, seed=0)
        write_results(kg, analysis)
        network_path = out / "network.html"
        write_network_page(analysis.network, network_path, lang="ru", seed=0)
        report_path = out / "report.html"
        write_report(store_report(kg, analysis=analysis, lang="ru"), report_path)
        written += [network_path, report_path]
    click.echo("counts: " + ", ".join(f"{n} {c}" for c, n in sorted(figures.per_class.items())))
    click.echo(f"store: {Path(store_path).resolve() if store_path else 'in memory, not kept'}")
    for path in written:
        click.echo(f"wrote: {path.resolve()}")
    if not report.conforms:
        sys.exit(EXIT_INPUT)


# ---------------------------------------------------------------- queries (edukg/cli_queries.py)
from edukg.cli_queries import COMMANDS as QUERY_COMMANDS  # noqa: E402

for _command in QUERY_COMMANDS:
    cli.add_command(_command)

from edukg.cli_analysis import analyze as analyze_command  # noqa: E402
from edukg.cli_analysis import network as network_group  # noqa: E402

cli.add_command(analyze_command)
cli.add_command(network_group)

from edukg.cli_viz import report as report_command  # noqa: E402
from edukg.cli_viz import viz as viz_command  # noqa: E402

cli.add_command(viz_command)
cli.add_command(report_command)


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
