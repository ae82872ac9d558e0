"""The ``edukg`` command group and its shared options; commands are added in ``edukg.cli``."""

from __future__ import annotations

import click

from edukg.cli.context import Settings
from edukg.core.version import __version__


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
@click.option(
    "--csv-formulas",
    is_flag=True,
    help="Write CSV/TSV values that start with = + - @ as they are; by default they get a "
    "leading apostrophe so that spreadsheets show them as text, never run them.",
)
@click.pass_context
def cli(ctx: click.Context, store: str | None, base_iri: str | None, csv_formulas: bool) -> None:
    """edukg: a knowledge graph of international education cooperation.

    Load registers and RDF files into an embedded store, check them, count
    them and export them as linked data.
    """
    ctx.obj = Settings(store, base_iri, csv_formulas=csv_formulas)
