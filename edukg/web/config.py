"""The server's settings: where it listens, its limits, and what it lets clients do.

>>> config = ServerConfig(public_base="https://edukg.example/id/")
>>> config.local_path("https://edukg.example/id/institution/bsu")
'/id/institution/bsu'
>>> config.public_iri("/id/institution/bsu")
'https://edukg.example/id/institution/bsu'
>>> config.local_path("https://w3id.org/edukg/country/BY") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from edukg.core.errors import ConfigError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_TIME_LIMIT = 30.0
DEFAULT_PAGE_TIME_LIMIT = 120.0
DEFAULT_ROW_CAP = 100_000
DEFAULT_WORKERS = 4
DEFAULT_MAX_BODY = 1_000_000
"""Bytes a request body may hold (a SPARQL query or update)."""


@dataclass(frozen=True)
class ServerConfig:
    """What ``edukg serve`` was started with."""

    public_base: str
    """Entity IRIs under this base resolve here: ``{public_base}rest`` at ``/{path}rest``."""
    time_limit: float = DEFAULT_TIME_LIMIT
    page_time_limit: float = DEFAULT_PAGE_TIME_LIMIT
    """Seconds for the network pages, the report and the dump: built by edukg, not by users."""
    row_cap: int = DEFAULT_ROW_CAP
    workers: int = DEFAULT_WORKERS
    max_body: int = DEFAULT_MAX_BODY
    update_token: str | None = None
    """SPARQL Update is allowed only with this bearer token; ``None``: refused."""
    cors_origins: tuple[str, ...] = ()
    allow_service: bool = False
    page_size: int = 50

    def __post_init__(self) -> None:
        if not self.public_base.endswith("/"):
            raise ConfigError(
                f"the public base IRI {self.public_base!r} must end with '/'",
                hint="entity IRIs are served at paths under it, e.g. https://example.org/id/",
            )
        if self.row_cap < 1:
            raise ConfigError(f"the row cap must be 1 or more, not {self.row_cap}")
        if self.update_token is not None and len(self.update_token) < 16:
            raise ConfigError(
                "the update token is too short (fewer than 16 characters)",
                hint="make one with: python3 -c 'import secrets; print(secrets.token_urlsafe())'",
            )

    @property
    def base_path(self) -> str:
        """The server path entity IRIs map to: the public base's path (``/id/``)."""
        return urlsplit(self.public_base).path or "/"

    def local_path(self, iri: str) -> str | None:
        """The path on this server that answers for ``iri``, or ``None`` if it is not ours."""
        if not iri.startswith(self.public_base) or len(iri) == len(self.public_base):
            return None
        return self.base_path + iri[len(self.public_base):]

    def public_iri(self, path: str) -> str:
        """The entity IRI a server path stands for."""
        return self.public_base + path[len(self.base_path):]
