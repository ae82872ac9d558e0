"""Where the store lives and which base IRI new entities get.

The store directory comes from an explicit argument (the CLI's ``--store``),
else the ``EDUKG_STORE`` environment variable, else ``./edukg-store``.
The base IRI comes from an explicit argument (``--base-iri``), else
``EDUKG_BASE_IRI``, else the one the store was created with, else
:data:`DEFAULT_BASE_IRI`.

>>> resolve_store_path(None, environ={"EDUKG_STORE": "/data/kg"}).as_posix()
'/data/kg'
>>> check_base_iri("https://edu.example.by/kg/")
'https://edu.example.by/kg/'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from edukg.core.errors import ConfigError

DEFAULT_STORE_DIR = "edukg-store"
DEFAULT_BASE_IRI = "https://edukg.example/id/"
"""Placeholder base for minted IRIs; ``.example`` is reserved and never resolves."""

STORE_ENV = "EDUKG_STORE"
BASE_IRI_ENV = "EDUKG_BASE_IRI"


def resolve_store_path(
    explicit: str | Path | None, *, environ: Mapping[str, str] | None = None
) -> Path:
    """The store directory: explicit, else ``$EDUKG_STORE``, else ``./edukg-store``."""
    environ = os.environ if environ is None else environ
    if explicit:
        return Path(explicit)
    if environ.get(STORE_ENV):
        return Path(environ[STORE_ENV])
    return Path(DEFAULT_STORE_DIR)


def check_base_iri(base_iri: str) -> str:
    """Return ``base_iri`` if it can prefix minted IRIs, else raise ConfigError.

    It must be an absolute http(s) IRI ending in ``/`` or ``#``.
    """
    parts = urlsplit(base_iri)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(
            f"base IRI {base_iri!r} is not an absolute http(s) IRI",
            hint="use something like https://your-domain.example/kg/",
        )
    if not base_iri.endswith(("/", "#")):
        raise ConfigError(
            f"base IRI {base_iri!r} must end with '/' or '#'",
            hint=f"use {base_iri}/",
        )
    if any(ch in base_iri for ch in ' <>"{}|\\^`'):
        raise ConfigError(f"base IRI {base_iri!r} contains characters IRIs forbid")
    return base_iri


def requested_base_iri(
    explicit: str | None, *, environ: Mapping[str, str] | None = None
) -> str | None:
    """The base IRI the user asked for (argument, else environment), checked."""
    environ = os.environ if environ is None else environ
    value = explicit or environ.get(BASE_IRI_ENV)
    return check_base_iri(value) if value else None
