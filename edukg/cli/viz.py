"""``edukg viz`` and ``edukg report``: network pages and the report, from the store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from edukg.cli.context import network_options, open_store, time_window
from edukg.core.errors import ConfigError

ALGORITHMS = click.Choice(["louvain", "leiden"])


def _analysis(
    kg: Any, *, level: str, window: Any, no_events: bool, lang: str, seed: int, algorithm: str
) -> Any:
    from edukg.analysis.run import analyze

    return analyze(
        kg,
        level=level,
        window=window,
        events=not no_events,
        lang=lang,
        seed=seed,
        algorithm=algorithm,
    )


@click.command()
@network_options
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The HTML page to write (one self-contained file).",
)
@click.option("--focus", metavar="IRI", help="Draw only this institution's ego network.")
@click.option(
    "--depth", type=click.IntRange(1, 5), default=1, show_default=True, help="Steps from --focus."
)
@click.option(
    "--node-cap",
    type=click.IntRange(1),
    default=5000,
    show_default=True,
    help="Above this many nodes the page draws the most central ones and says so.",
)
@click.option(
    "--svg",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a static SVG picture of the network, for reports.",
)
@click.option("--algorithm", type=ALGORITHMS, default="louvain", show_default=True)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of clusters and layout.")
@click.pass_obj
def viz(
    settings: Any,
    level: str,
    since: dt.date | None,
    until: dt.date | None,
    active_on: dt.date | None,
    no_events: bool,
    lang: str,
    output: Path,
    focus: str | None,
    depth: int,
    node_cap: int,
    svg: Path | None,
    algorithm: str,
    seed: int,
) -> None:
    """Write an interactive partnership network page that works offline.

    Nodes are coloured by cluster, sized by betweenness and shaped by kind;
    the page has search, filters, a year slider and a ru/be/en switch.

    Example: edukg viz --level country -o network.html
    """
    from edukg.viz.network_page import write_network_page
    from edukg.viz.network_svg import write_network_svg

    with open_store(settings, read_only=True) as kg:
        result = _analysis(
            kg,
            level=level,
            window=time_window(since, until, active_on),
            no_events=no_events,
            lang=lang,
            seed=seed,
            algorithm=algorithm,
        )
    network = result.network
    if network.number_of_nodes() == 0:
        raise ConfigError(
            "the network is empty: no agreements or events in this window",
            hint="load data first, or widen --since/--until",
        )
    if focus is not None and focus not in network:
        raise ConfigError(
            f"{focus!r} is not a node of the {level} network",
            hint="give the full IRI of an institution (see edukg query partners)",
        )
    write_network_page(
        network, output, lang=lang, node_cap=node_cap, seed=seed, focus=focus, depth=depth
    )
    click.echo(
        f"wrote: {output.resolve()} "
        f"({network.number_of_nodes()} nodes, {network.number_of_edges()} ties)"
    )
    if svg is not None:
        write_network_svg(network, svg, lang=lang)
        click.echo(f"wrote: {svg.resolve()}")


@click.command()
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The HTML report to write (one self-contained file).",
)
@click.option("--lang", type=click.Choice(["ru", "be", "en"]), default="ru", show_default=True)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of clusters and layout.")
@click.option(
    "--home-country",
    default="BY",
    show_default=True,
    metavar="CODE",
    help="Home side of 'partner countries' (ISO code or name); it is never its own partner.",
)
@click.pass_obj
def report(settings: Any, output: Path, lang: str, seed: int, home_country: str) -> None:
    """Write one self-contained report page of the whole store.

    Headline figures, agreements by partner country and by year, clusters and
    brokers (from the stored analysis: run edukg analyze first), expiring and
    dormant agreements, and the institution network embedded.

    Example: edukg report -o report.html
    """
    from edukg.viz.report import write_report_page
    from edukg.viz.store_report import store_report

    with open_store(settings, read_only=True) as kg:
        result = _analysis(
            kg,
            level="institution",
            window=time_window(None, None, None),
            no_events=False,
            lang=lang,
            seed=seed,
            algorithm="louvain",
        )
        page = store_report(
            kg,
            analysis=result if result.network.number_of_nodes() else None,
            lang=lang,
            home_country=home_country,
        )
    click.echo(f"wrote: {write_report_page(page, output).resolve()}")
