"""``edukg analyze`` and ``edukg network export``: thin faces over ``edukg.analysis``."""

from __future__ import annotations

import csv
import datetime as dt
import heapq
import json
from pathlib import Path
from typing import Any

import click

from edukg.cli.context import (
    counted,
    network_options,
    neutralise_formulas,
    open_store,
    time_window,
)
from edukg.cli.terminal import text_console
from edukg.core.cells import spreadsheet_safe
from edukg.core.errors import ConfigError
from edukg.core.files import atomic_output, output_path, write_text_atomically


@click.command()
@network_options
@click.option(
    "--algorithm",
    type=click.Choice(["louvain", "leiden"]),
    default="louvain",
    show_default=True,
    help="Community detection: Louvain (networkx) or Leiden (needs edukg[leiden]).",
)
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="Random seed; the same seed gives the same clusters.",
)
@click.option(
    "--resolution",
    type=float,
    default=1.0,
    show_default=True,
    help="Above 1: smaller clusters; below 1: larger ones.",
)
@click.option("--top", type=int, default=10, show_default=True, help="Brokers to show.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write every node's cluster and scores to this file (.csv or .json).",
)
@click.pass_obj
def analyze(
    settings: Any,
    level: str,
    since: dt.date | None,
    until: dt.date | None,
    active_on: dt.date | None,
    no_events: bool,
    lang: str,
    algorithm: str,
    seed: int,
    resolution: float,
    top: int,
    output: Path | None,
) -> None:
    """Find partnership clusters and brokers, and store the results as linked data.

    Builds the partnership network at --level, finds its clusters (seeded),
    scores every node (degree, weighted degree, betweenness, participation)
    and writes it all into the store as source analysis-LEVEL, replacing the
    previous run at that level. The catalogue queries clusters and brokers
    read it back. Prints a summary table.

    Example: edukg analyze --level country --since 2024-01-01 -o clusters.csv
    """
    from edukg.analysis.networks import label_nodes
    from edukg.analysis.results import source_name, write_results
    from edukg.analysis.run import analyze as run_analysis

    if output is not None and output.suffix.lower() not in (".csv", ".json"):
        raise ConfigError(f"cannot write {output.name}", hint="use a .csv or .json file name")
    if output is not None:
        output_path(output)  # a bad path fails before the results are stored
    window = time_window(since, until, active_on)
    with open_store(settings) as kg:
        _require_data(kg)
        result = run_analysis(
            kg,
            level=level,
            window=window,
            algorithm=algorithm,
            seed=seed,
            resolution=resolution,
            events=not no_events,
            lang=lang,
            details=False,  # the results and the summary read no edge's agreements or events
            names=output is not None,  # nor every node's name: the file does
        )
        change = write_results(kg, result)
        if output is None and level == "institution":  # other levels are built with names
            label_nodes(kg, result.network, _shown_nodes(result, top=top))
    _print_summary(result, lang=lang, top=top)
    click.echo(
        f"results stored as source {source_name(level)} ({change.total} statements)", err=True
    )
    if output is not None:
        _write_table(result, output, lang=lang)
        nodes = counted(result.network.number_of_nodes(), "node")
        click.echo(f"wrote {nodes} to {output}", err=True)


def _require_data(kg: Any) -> None:
    """Refuse to analyse a store that holds no data, rather than store an empty result."""
    from edukg.analysis.results import LOADER
    from edukg.core.errors import StoreError

    if not any(info.loader != LOADER for info in kg.sources()):
        raise StoreError(
            "the store holds no data to analyse",
            hint="load some first (edukg load FILE, or edukg demo), or point --store at a store",
        )


def _node_rows(result: Any, *, lang: str) -> list[dict[str, Any]]:
    from edukg.analysis.networks import node_label

    network = result.network
    return [
        {
            "node": node,
            "label": node_label(network, node, lang),
            "country": data.get("country"),
            "region": data.get("region"),
            "kind": data.get("kind"),
            "cluster": data.get("cluster"),
            "degree": data["degree"],
            "weighted_degree": data["weighted_degree"],
            "betweenness": data["centrality"],
            "participation": data.get("participation", 0.0),
            "bridges": data.get("bridges", 0),
        }
        for node, data in network.nodes(data=True)
    ]


def _write_table(result: Any, path: Path, *, lang: str) -> None:
    rows = _node_rows(result, lang=lang)
    if path.suffix.lower() == ".csv":
        neutralise = neutralise_formulas()
        with atomic_output(path, text=True, encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["node"])
            writer.writeheader()
            writer.writerows(
                {k: spreadsheet_safe(v, neutralise=neutralise) for k, v in row.items()}
                for row in rows
            )
        return
    document = {
        "level": result.level,
        "window": result.window.describe(),
        "algorithm": result.communities.algorithm,
        "seed": result.communities.seed,
        "resolution": result.communities.resolution,
        "modularity": result.communities.modularity,
        "betweenness": result.centrality.describe(),
        "clusters": [
            {"cluster": number, "size": len(members), "members": members}
            for number, members in enumerate(result.communities.clusters)
        ],
        "nodes": rows,
    }
    write_text_atomically(json.dumps(document, ensure_ascii=False, indent=2) + "\n", path)


SHOWN_CLUSTERS = 20
"""Clusters the summary lists (the largest), each with its three main members."""


def _main_members(network: Any, members: list[Any]) -> list[Any]:
    """A cluster's three members of the highest weighted degree (the least name on a tie)."""
    nodes = network.nodes
    return heapq.nsmallest(3, members, key=lambda n: (-nodes[n]["weighted_degree"], str(n)))


def _shown_nodes(result: Any, *, top: int) -> list[Any]:
    """The nodes the summary names: the main members of the clusters shown, the top brokers."""
    network = result.network
    shown = [
        node
        for members in result.communities.clusters[:SHOWN_CLUSTERS]
        for node in _main_members(network, members)
    ]
    return shown + [broker.node for broker in result.brokers[:top]]


def _print_summary(result: Any, *, lang: str, top: int) -> None:
    from rich.table import Table

    from edukg.analysis.networks import node_label

    network = result.network
    console = text_console()
    communities = result.communities
    console.print(
        f"{result.level} network ({result.window.describe()}): "
        f"{counted(network.number_of_nodes(), 'node')}, "
        f"{counted(network.number_of_edges(), 'link')}; "
        f"{communities.algorithm} (seed {communities.seed}, resolution {communities.resolution}): "
        f"{counted(len(communities.clusters), 'cluster')}, "
        f"modularity {communities.modularity:.3f}; "
        f"{result.centrality.describe()}"
    )
    table = Table(title="Clusters")
    for column in ("cluster", "size", "main members", "countries"):
        table.add_column(column)
    for number, members in enumerate(communities.clusters[:SHOWN_CLUSTERS]):
        main = _main_members(network, members)
        countries = sorted(
            {network.nodes[n]["country"] for n in members if network.nodes[n].get("country")}
        )
        table.add_row(
            str(number),
            str(len(members)),
            "; ".join(node_label(network, n, lang) for n in main),
            ", ".join(countries),
        )
    console.print(table)
    if len(communities.clusters) > SHOWN_CLUSTERS:
        console.print(f"... and {len(communities.clusters) - SHOWN_CLUSTERS} smaller clusters")
    brokers = result.brokers[:top]
    if not brokers:
        console.print("no brokers: no node has partners in more than one cluster")
        return
    table = Table(title="Brokers (nodes linking clusters)")
    for column in (
        "node",
        "country",
        "cluster",
        "betweenness",
        "participation",
        "clusters reached",
        "bridges",
    ):
        table.add_column(column)
    for broker in brokers:
        table.add_row(
            node_label(network, broker.node, lang),
            network.nodes[broker.node].get("country") or "",
            str(broker.cluster),
            f"{broker.betweenness:.3f}",
            f"{broker.participation:.3f}",
            str(broker.clusters_reached),
            str(broker.bridges),
        )
    console.print(table)


@click.group()
def network() -> None:
    """Work with the partnership network: export it for Gephi and other tools.

    Example: edukg network export -f gexf -o network.gexf
    """


@network.command(name="export")
@network_options
@click.option(
    "-f",
    "--format",
    "format_name",
    type=click.Choice(["graphml", "gexf", "csv"]),
    default="graphml",
    show_default=True,
    help="GraphML, GEXF (Gephi) or CSV tables.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="File to write; csv also writes STEM.nodes.csv beside it.",
)
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="Seed for the clusters written with the nodes.",
)
@click.pass_obj
def export_network_command(
    settings: Any,
    level: str,
    since: dt.date | None,
    until: dt.date | None,
    active_on: dt.date | None,
    no_events: bool,
    lang: str,
    format_name: str,
    output: Path,
    seed: int,
) -> None:
    """Export the partnership network with clusters and scores, for Gephi users.

    Nodes carry labels (ru, be, en), kind, country, region, Louvain cluster
    (seeded), degree, weighted degree and betweenness; edges carry the weight
    (agreements + events), agreement ids, event titles and years.
    Nothing is written to the store.

    Example: edukg network export -f csv -o partners.csv --level country
    """
    from edukg.analysis.export import export_network
    from edukg.analysis.run import analyze as run_analysis

    output_path(output)  # a bad path fails before the network is built
    with open_store(settings, read_only=True) as kg:
        result = run_analysis(
            kg,
            level=level,
            window=time_window(since, until, active_on),
            seed=seed,
            events=not no_events,
            lang=lang,
        )
    written = export_network(
        result.network,
        output,
        format_name=format_name,
        lang=lang,
        neutralise=neutralise_formulas(),
    )
    for path in written:
        click.echo(f"wrote {path}", err=True)
