"""``edukg serve``: the store as a web app (SPARQL endpoint, query page, linked data)."""

from __future__ import annotations

import os
from typing import Any

import click

from edukg.cli.context import MEMORY_STORE, open_store, store_opener
from edukg.core.errors import ConfigError

TOKEN_ENV = "EDUKG_UPDATE_TOKEN"


@click.command(name="serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 opens the server to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on.")
@click.option("--base-iri", "public_base", metavar="IRI",
              help="Public base IRI whose entities this server answers for, at the same path "
              "here (default: the store's base IRI).")
@click.option("--time-limit", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              metavar="S", help="Seconds a query (or page) may run before it is stopped.")
@click.option("--page-time-limit", type=click.FloatRange(min=0.1), default=120.0,
              show_default=True, metavar="S",
              help="Seconds a network page, the report or the dump may take to build.")
@click.option("--row-cap", type=click.IntRange(min=1), default=100_000, show_default=True,
              metavar="N", help="Rows a query may return; larger answers are refused.")
@click.option("--workers", type=click.IntRange(min=1), default=4, show_default=True,
              help="Queries that run at the same time; others wait their turn.")
@click.option("--max-body", type=click.IntRange(min=1024), default=1_000_000,
              show_default=True, metavar="BYTES", help="Largest request body accepted.")
@click.option("--allow-update", is_flag=True,
              help=f"Accept SPARQL Update with the bearer token from ${TOKEN_ENV}.")
@click.option("--allow-service", is_flag=True,
              help="Let queries call other endpoints with SERVICE (refused by default).")
@click.option("--cors", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Allow cross-origin requests from this origin (repeat; '*' for any).")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info"]),
              default="info", show_default=True, help="How much the server logs.")
@click.pass_obj
def serve(settings: Any, host: str, port: int, public_base: str | None, time_limit: float,
          page_time_limit: float, row_cap: int, workers: int, max_body: int, allow_update: bool,
          allow_service: bool, cors_origins: tuple[str, ...], log_level: str) -> None:
    """Serve the store as a web app: SPARQL endpoint, query page, network explorer, linked data.

    Read-only unless --allow-update; updates then need the token in
    $EDUKG_UPDATE_TOKEN as 'Authorization: Bearer TOKEN'. Listens on
    127.0.0.1 only unless --host says otherwise. Stop it with Ctrl+C.

    Example: edukg serve --port 8000, then open http://127.0.0.1:8000/
    """
    import uvicorn

    from edukg.graph.settings import check_base_iri
    from edukg.web.app import create_app
    from edukg.web.config import ServerConfig

    if settings.store == MEMORY_STORE:
        raise ConfigError("edukg serve needs a store on disk", hint="use --store DIR")
    token = None
    if allow_update:
        token = os.environ.get(TOKEN_ENV)
        if not token:
            raise ConfigError(
                f"--allow-update needs a token in ${TOKEN_ENV}",
                hint="e.g. export EDUKG_UPDATE_TOKEN=$(python3 -c "
                "'import secrets; print(secrets.token_urlsafe())')",
            )
    with open_store(settings, read_only=not allow_update) as kg:
        config = ServerConfig(
            public_base=check_base_iri(public_base or kg.base_iri),
            time_limit=time_limit,
            page_time_limit=page_time_limit,
            row_cap=row_cap,
            workers=workers,
            max_body=max_body,
            update_token=token,
            cors_origins=cors_origins,
            allow_service=allow_service,
        )
        # a read-only server opens the store again once another process has written it
        reopen = None if allow_update else store_opener(settings, read_only=True)
        app = create_app(kg, config, reopen=reopen)
        if host not in ("127.0.0.1", "localhost", "::1"):
            click.echo(f"edukg serve: listening on {host}, so other machines can reach it; "
                       "put a reverse proxy with TLS in front of a public server", err=True)
        click.echo(f"edukg serve: http://{host}:{port}/ (SPARQL at /sparql, "
                   f"entities {config.public_base} at {config.base_path}; Ctrl+C stops)", err=True)
        uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False,
                    server_header=False, timeout_graceful_shutdown=5)
