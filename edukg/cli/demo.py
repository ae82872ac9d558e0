"""``edukg demo``: build the example knowledge graph and write what it produces."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from edukg.cli.context import EXIT_INPUT, Settings, open_store
from edukg.core.files import atomic_output

DEMO_NODE_CAP = 300
"""The most organisations the demo's network page and report draw."""


@click.command()
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

    Loads the bundled examples (the Minsk region article's facts and a cut of
    real CORDIS data: the Horizon 2020 projects with a participant from BY,
    RU, KZ or Central Asia) into the store, validates them with SHACL, exports
    them as Turtle, JSON-LD and N-Quads, analyses the partnership network
    (stored as source analysis-institution), and writes the network page and
    the report. Prints every path; the report comes last.

    Example: edukg demo --out edukg-output
    """
    from edukg.analysis.results import write_results
    from edukg.analysis.run import analyze as run_analysis
    from edukg.cli.load import COMPLETES_OTHERS
    from edukg.examples import HOME_COUNTRY, example_files
    from edukg.graph.export import export
    from edukg.graph.stats import store_stats
    from edukg.graph.validate import validate as validate_store
    from edukg.loaders import load_files
    from edukg.viz.network_page import write_network_page
    from edukg.viz.report import write_report_page
    from edukg.viz.store_report import store_report

    out.mkdir(parents=True, exist_ok=True)
    with open_store(settings) as kg:
        files = [Path(str(f)) for f in example_files()]
        result = load_files(kg, files)
        for change in result.changes:
            if result.completes_others(change):
                click.echo(f"read {change.name} ({COMPLETES_OTHERS})")
                continue
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
            with atomic_output(path) as handle:
                export(kg, handle, format_name, with_ontology=format_name == "nq")
            written.append(path)
        figures = store_stats(kg)
        store_path = kg.path
        analysis = run_analysis(kg, seed=0)
        write_results(kg, analysis)
        network_path = out / "network.html"
        # The real network has ~2,000 organisations and ~50,000 ties (one project alone has
        # 186 participants): the pages draw the most central ones, and say so.
        write_network_page(
            analysis.network, network_path, lang="ru", seed=0, node_cap=DEMO_NODE_CAP
        )
        report_path = out / "report.html"
        page = store_report(
            kg,
            analysis=analysis,
            lang="ru",
            home_country=HOME_COUNTRY,
            network_options={"node_cap": DEMO_NODE_CAP, "seed": 0},
        )
        write_report_page(page, report_path)
        written += [network_path, report_path]
    click.echo("counts: " + ", ".join(f"{n} {c}" for c, n in sorted(figures.per_class.items())))
    click.echo(f"store: {Path(store_path).resolve() if store_path else 'in memory, not kept'}")
    for path in written:
        click.echo(f"wrote: {path.resolve()}")
    if not report.conforms:
        sys.exit(EXIT_INPUT)
