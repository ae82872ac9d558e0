"""``edukg export``, ``stats``, ``validate`` and ``sources``: the store as a whole."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from edukg.cli.context import EXIT_INPUT, EXIT_USAGE, Settings, open_store
from edukg.core.files import atomic_output, output_path


@click.command(name="export")
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
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File (default: stdout).",
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

    if output is not None:
        output_path(output)  # a bad path fails before the store is read
    with open_store(settings, read_only=True) as kg:
        if output is None:
            export(kg, sys.stdout.buffer, format_name, sources=sources, with_ontology=with_ontology)
            sys.stdout.buffer.flush()
            return
        with atomic_output(output) as handle:
            count = export(
                kg, handle, format_name, sources=sources, with_ontology=with_ontology
            )
    click.echo(f"wrote {count} statements to {output}", err=True)


@click.command()
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


@click.command()
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


@click.group(invoke_without_command=True)
@click.pass_context
def sources(ctx: click.Context) -> None:
    """List the sources in the store (each a named graph), or remove one.

    A damaged source (its graph and catalog entry disagree, or a graph no
    catalog entry owns) is listed as DAMAGED and the exit code is 2; remove
    it with edukg sources remove NAME and load it again.

    Example: edukg sources; edukg sources remove illustrative-register.ttl
    """
    if ctx.invoked_subcommand is not None:
        return
    with open_store(ctx.obj, read_only=True) as kg:
        infos = kg.sources()
        damaged = kg.damaged_sources()
    if not infos and not damaged:
        click.echo("no sources: load some with edukg load FILE")
        return
    for info in infos:
        click.echo(
            f"{info.name}\t{info.triples} triples\t{info.loader} {info.loader_version}\t"
            f"{info.loaded_at}\tsha256:{info.sha256[:12]}\t{info.graph}"
        )
    for damage in damaged:
        click.echo(f"DAMAGED\t{damage.name}\t{damage.problem}\t{damage.graph}")
    if damaged:
        click.echo(
            f"{len(damaged)} damaged source(s): remove them with edukg sources remove NAME",
            err=True,
        )
        sys.exit(EXIT_USAGE)


@sources.command(name="remove")
@click.argument("names", nargs=-1, required=True)
@click.pass_obj
def remove_sources(settings: Settings, names: tuple[str, ...]) -> None:
    """Remove sources by name, all or none: their graphs and their provenance.

    Damaged sources listed by edukg sources are removed the same way.

    Example: edukg sources remove minsk-region-2024.ttl
    """
    with open_store(settings) as kg:
        for name in names:
            for other, count in kg.referring_sources(name).items():
                if other not in names:
                    click.echo(
                        f"warning: source {other} refers to {count} entities of {name}; "
                        "those references will point at nothing",
                        err=True,
                    )
        for info in kg.remove_sources(names):
            click.echo(f"removed {info.name} ({info.triples} triples)")
