"""The query commands: ``edukg queries``, ``query``, ``sparql`` and ``push``.

Thin wiring over :mod:`edukg.queries`; registered in :mod:`edukg.cli`.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from edukg.cli.context import EXIT_INPUT, neutralise_formulas, open_store
from edukg.cli.terminal import text_console
from edukg.core.errors import ConfigError
from edukg.core.files import write_bytes_atomically

LANG_CHOICE = click.Choice(["ru", "be", "en"])


def _parse_pairs(pairs: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals or not name.strip():
            raise ConfigError(f"-p {pair!r} is not key=value", hint="write e.g. -p year=2024")
        if name.strip() in params and params[name.strip()] != value:
            raise ConfigError(
                f"-p {name.strip()} is given twice ({params[name.strip()]!r} and {value!r})",
                hint="give each parameter once",
            )
        params[name.strip()] = value
    return params


@contextmanager
def _target(settings: Any, endpoint: str | None, union_default_graph: bool) -> Iterator[Any]:
    """The remote endpoint when one is given, else the store opened read-only."""
    if endpoint:
        from edukg.graph.remote import Endpoint

        yield Endpoint.from_url(endpoint, union_default_graph=union_default_graph)
        return

    with open_store(settings, read_only=True) as kg:
        yield kg


PIPE_TABLE_WIDTH = 400
"""Cells a table may take when standard output is not a terminal."""


def _write(text: str | bytes, output: Path | None) -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_bytes_atomically(data, output)
        click.echo(f"wrote {output}", err=True)


def _table_width() -> int:
    """A terminal's width (``COLUMNS`` when set); a pipe or file gets wide lines to grep."""
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else PIPE_TABLE_WIDTH


def _hint_union_default_graph(result: Any, endpoint: str | None, union: bool) -> None:
    """No rows from an endpoint whose default graph may be empty: say what may help."""
    if endpoint and not union and result.kind == "select" and not result.rows:
        click.echo(
            "hint: no rows; if the endpoint keeps its data in named graphs (as edukg push "
            "does), add --union-default-graph",
            err=True,
        )


def _emit(result: Any, format_name: str, output: Path | None, *, title: str | None = None) -> None:
    from edukg.queries.output import (
        BOXED_TABLE_ROWS,
        RDF_FORMATS,
        boxed_result,
        format_rows,
        plain_table,
        serialize_graph,
    )

    if result.kind == "graph":
        _write(serialize_graph(result, "ttl" if format_name == "table" else format_name), output)
        return
    if format_name in RDF_FORMATS:
        raise ConfigError(
            f"-f {format_name} is for CONSTRUCT and DESCRIBE results",
            hint="use -f table, csv, tsv, json or md for SELECT and ASK",
        )
    if format_name == "table" and output is None and result.kind == "select":
        if len(result.rows) > BOXED_TABLE_ROWS:
            _write(plain_table(result, title=title), None)
        else:
            _write(boxed_result(result, title=title, width=_table_width()) + "\n", None)
        click.echo(f"{len(result.rows)} row(s)", err=True)
        return
    rows = format_rows(
        result,
        "tsv" if format_name == "table" else format_name,
        neutralise=neutralise_formulas(),
    )
    _write(rows, output)


_FORMAT = click.option(
    "-f",
    "--format",
    "format_name",
    default="table",
    show_default=True,
    type=click.Choice(["table", "csv", "tsv", "json", "md", "ttl", "nt", "jsonld"]),
    help="Output: table, csv, tsv, json, md (rows); ttl, nt, jsonld (CONSTRUCT/DESCRIBE).",
)
_OUTPUT = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File (default: stdout).",
)
DEFAULT_TIMEOUT = 60.0
"""Seconds a query may run unless --timeout says otherwise (0: no limit)."""

_TIMEOUT = click.option(
    "--timeout",
    type=float,
    metavar="S",
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Stop the query after S seconds (0: no limit; Ctrl-C always stops it).",
)
_ENDPOINT = click.option(
    "--endpoint", metavar="URL", help="Run on this SPARQL endpoint instead of the store."
)
_UNION = click.option(
    "--union-default-graph",
    is_flag=True,
    help="Ask an Oxigraph server to query the union of its named graphs (if not started so).",
)


@click.command(name="queries")
@click.option(
    "--lang", type=LANG_CHOICE, default="en", show_default=True, help="Language of titles."
)
def queries_command(lang: str) -> None:
    """List the catalogue queries with their parameters and columns.

    Example: edukg queries --lang ru
    """
    from edukg.queries.catalogue import user_catalogue

    for name, query in user_catalogue().items():
        click.echo(f"{name}: {query.title(lang)}")
        description = query.description(lang)
        if description:
            click.echo(f"    {description}")
        for parameter in query.parameters:
            text = f"    -p {parameter.describe()}"
            click.echo(f"{text}: {parameter.description}" if parameter.description else text)
        click.echo(f"    columns: {', '.join(query.columns)}")


@click.command(name="query")
@click.argument("name")
@click.option(
    "-p",
    "--param",
    "pairs",
    multiple=True,
    metavar="KEY=VALUE",
    help="A parameter; repeat as needed.",
)
@_FORMAT
@click.option("--lang", type=LANG_CHOICE, help="Language of labels (falls back to any label).")
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    metavar="N",
    help="Rows per page (listings: 100 unless given; 0: every row).",
)
@click.option(
    "--offset", type=click.IntRange(min=0), default=0, metavar="N", help="Skip the first N rows."
)
@_TIMEOUT
@_ENDPOINT
@_UNION
@_OUTPUT
@click.pass_obj
def query_command(
    settings: Any,
    name: str,
    pairs: tuple[str, ...],
    format_name: str,
    lang: str | None,
    limit: int | None,
    offset: int,
    timeout: float | None,
    endpoint: str | None,
    union_default_graph: bool,
    output: Path | None,
) -> None:
    """Run catalogue query NAME (see edukg queries) on the store or an endpoint.

    Parameters are checked and bound as RDF terms, never pasted into the query.

    Listings (agreements, events, ...) come a page of 100 rows at a time;
    --limit and --offset choose the page, --limit 0 gives every row.

    Example: edukg query partner-countries -p country=BY -p year=2024 -f csv
    """
    from edukg.queries.catalogue import get_query
    from edukg.queries.runner import run_query

    query = get_query(name)
    params = _parse_pairs(pairs)
    with _target(settings, endpoint, union_default_graph) as target:
        result = run_query(
            target, query, params, lang=lang, timeout=timeout or None, limit=limit, offset=offset
        )
    _emit(result, format_name, output, title=query.title(lang or "en"))
    _hint_union_default_graph(result, endpoint, union_default_graph)
    if result.more:
        shown = len(result.rows)
        click.echo(
            f"rows {offset + 1}-{offset + shown} shown; more follow: "
            f"--offset {offset + shown} for the next page, --limit 0 for every row",
            err=True,
        )


@click.command(name="sparql")
@click.argument("query")
@_FORMAT
@_TIMEOUT
@_ENDPOINT
@_UNION
@_OUTPUT
@click.option(
    "--allow-service",
    is_flag=True,
    help="Let a SERVICE clause send requests to the servers it names (off by default).",
)
@click.pass_obj
def sparql_command(
    settings: Any,
    query: str,
    format_name: str,
    timeout: float | None,
    endpoint: str | None,
    union_default_graph: bool,
    output: Path | None,
    allow_service: bool,
) -> None:
    """Run any SPARQL query: QUERY is the text, or @FILE.rq to read it from a file.

    edukg's prefixes (edukg:, skos:, schema:, country:, ...) are predeclared.
    The default graph is the union of all sources. CONSTRUCT and DESCRIBE
    results come out as RDF (-f ttl, nt or jsonld). A SERVICE clause is
    refused unless --allow-service is given.

    Example: edukg sparql 'SELECT ?c (COUNT(*) AS ?n) WHERE { ?x a ?c } GROUP BY ?c'
    """
    from edukg.queries.runner import run_sparql

    text = query
    if query.startswith("@"):
        path = Path(query[1:])
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise ConfigError(
                f"cannot read the query file {path}: {error.strerror}",
                hint="check the path after @",
            ) from None
    with _target(settings, endpoint, union_default_graph) as target:
        result = run_sparql(target, text, timeout=timeout or None, allow_service=allow_service)
    _emit(result, format_name, output)
    _hint_union_default_graph(result, endpoint, union_default_graph)


@click.command(name="push")
@click.option(
    "--endpoint", metavar="URL", help="Query endpoint, to check the graph sizes afterwards."
)
@click.option("--update-endpoint", metavar="URL", help="Send through SPARQL Update to this URL.")
@click.option(
    "--store-endpoint", metavar="URL", help="Send through the Graph Store Protocol to this URL."
)
@click.option(
    "--source", "sources", multiple=True, metavar="NAME", help="Only these sources (default: all)."
)
@click.option("--no-reference", is_flag=True, help="Leave out the ontology and country graphs.")
@click.option(
    "--batch-size", type=int, default=20_000, show_default=True, help="Triples per request."
)
@click.option(
    "--prune",
    is_flag=True,
    help="Also drop the remote graphs of sources removed here (needs --endpoint to list them).",
)
@click.pass_obj
def push_command(
    settings: Any,
    endpoint: str | None,
    update_endpoint: str | None,
    store_endpoint: str | None,
    sources: tuple[str, ...],
    no_reference: bool,
    batch_size: int,
    prune: bool,
) -> None:
    """Send the store, or chosen sources, to a remote store as named graphs.

    One named graph per source, each replaced whole, so pushing again
    creates no duplicates. --prune drops the remote graphs of sources removed
    here. With --endpoint the graph sizes are checked afterwards; a
    difference exits with 1. With only --endpoint ending in /query, updates go
    to the same URL ending in /update (Oxigraph, Fuseki). Credentials come
    from EDUKG_ENDPOINT_USER, EDUKG_ENDPOINT_PASSWORD and EDUKG_ENDPOINT_AUTH.

    Example: edukg push --endpoint http://localhost:7878/query --store-endpoint http://localhost:7878/store
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from edukg.graph.push import drop_graphs, push, remote_graph_sizes, stale_source_graphs
    from edukg.graph.remote import Credentials, Endpoint

    if update_endpoint is None and store_endpoint is None:
        if endpoint and endpoint.rstrip("/").endswith("/query"):
            update_endpoint = endpoint.rstrip("/")[: -len("query")] + "update"
        else:
            raise ConfigError(
                "push needs --update-endpoint URL or --store-endpoint URL",
                hint="e.g. --store-endpoint http://localhost:7878/store for an Oxigraph server",
            )
    if prune and not endpoint:
        raise ConfigError(
            "push --prune needs --endpoint URL to list the graphs the remote side holds",
            hint="e.g. --endpoint http://localhost:7878/query",
        )
    if prune and sources:
        raise ConfigError(
            "push --prune works on a push of the whole store, not of chosen sources",
            hint="leave out --source, or leave out --prune",
        )
    credentials = Credentials.from_environment()
    with (
        open_store(settings, read_only=True) as kg,
        Progress(
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            MofNCompleteColumn(),
            transient=False,
            console=text_console(),
        ) as progress,
    ):
        tasks: dict[str, Any] = {}

        def report(graph: str, sent: int, total: int) -> None:
            if graph not in tasks:
                tasks[graph] = progress.add_task(graph, total=max(total, 1))
            progress.update(tasks[graph], completed=sent if total else 1)

        pushed = push(
            kg,
            update_endpoint=update_endpoint,
            store_endpoint=store_endpoint,
            sources=list(sources),
            with_reference=not no_reference,
            batch_size=batch_size,
            credentials=credentials,
            progress=report,
        )
        stale = stale_source_graphs(Endpoint.from_url(endpoint or ""), kg) if prune else []
    if stale:
        drop_graphs(
            stale, update_endpoint=update_endpoint, store_endpoint=store_endpoint,
            credentials=credentials,
        )
    for graph_iri in stale:
        click.echo(f"pruned {graph_iri}: its source is no longer in this store")
    for graph in pushed:
        click.echo(f"pushed {graph.graph}: {graph.triples} triples in {graph.requests} request(s)")
    if endpoint:
        sizes = remote_graph_sizes(Endpoint.from_url(endpoint), [g.graph for g in pushed])
        wrong = [g for g in pushed if sizes.get(g.graph, 0) != g.triples]
        for graph in wrong:
            click.echo(
                f"check: {graph.graph} holds {sizes.get(graph.graph, 0)} triples remotely, "
                f"{graph.triples} here",
                err=True,
            )
        if wrong:
            sys.exit(EXIT_INPUT)
        click.echo(f"check: {len(pushed)} graph(s) hold the same number of triples remotely")


COMMANDS = (queries_command, query_command, sparql_command, push_command)
"""The commands this module adds to ``edukg``."""
