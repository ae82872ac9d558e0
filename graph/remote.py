"""A remote store: a SPARQL 1.1 endpoint, queried and updated through SPARQLWrapper.

Credentials come from the environment, never from the command line:
``EDUKG_ENDPOINT_USER`` and ``EDUKG_ENDPOINT_PASSWORD``, with
``EDUKG_ENDPOINT_AUTH`` = ``basic`` (default) or ``digest``. Transient failures
(connection refused or reset, HTTP 429, 502, 503, 504) are retried with a
growing pause; malformed queries and time-outs are not.

>>> Endpoint("http://127.0.0.1:7878/query").user_agent.startswith("edukg/")
True
"""

from __future__ import annotations

import json
import os
import re
import socket
import time
import urllib.error
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pyoxigraph as ox

from edukg.core.errors import ConfigError, QueryError
from edukg.core.version import __version__
from edukg.graph.results import QueryResult
from edukg.ontology.iris import PROJECT_IRI

USER_AGENT = f"edukg/{__version__} (+{PROJECT_IRI}; SPARQLWrapper)"
USER_ENV = "EDUKG_ENDPOINT_USER"
PASSWORD_ENV = "EDUKG_ENDPOINT_PASSWORD"
AUTH_ENV = "EDUKG_ENDPOINT_AUTH"
TRANSIENT_HTTP_CODES = frozenset({429, 502, 503, 504})

T = TypeVar("T")


@dataclass(frozen=True)
class Credentials:
    """A user name and password for HTTP basic or digest authentication."""

    user: str
    password: str
    scheme: str = "basic"

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Credentials | None:
        """Credentials from ``EDUKG_ENDPOINT_USER``/``_PASSWORD``/``_AUTH``, or ``None``.

        >>> Credentials.from_environment(
        ...     {"EDUKG_ENDPOINT_USER": "kg", "EDUKG_ENDPOINT_PASSWORD": "s"}
        ... )
        Credentials(user='kg', password='s', scheme='basic')
        """
        environ = os.environ if environ is None else environ
        user = environ.get(USER_ENV)
        if not user:
            return None
        scheme = environ.get(AUTH_ENV, "basic").lower()
        if scheme not in ("basic", "digest"):
            raise ConfigError(
                f"{AUTH_ENV}={scheme!r} is not an HTTP authentication scheme",
                hint="use basic or digest",
            )
        return cls(user, environ.get(PASSWORD_ENV, ""), scheme)


@dataclass
class Endpoint:
    """A SPARQL endpoint: the query URL, plus options for querying it.

    ``union_default_graph`` asks an Oxigraph server to treat the union of its
    named graphs as the default graph (its ``union-default-graph`` query
    option); other engines need no option (Virtuoso, GraphDB, QLever) or
    ``default_graphs`` (``default-graph-uri`` parameters).
    """

    url: str
    credentials: Credentials | None = None
    retries: int = 3
    retry_pause: float = 0.5
    union_default_graph: bool = False
    default_graphs: tuple[str, ...] = ()
    user_agent: str = USER_AGENT
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)

    def __post_init__(self) -> None:
        if not self.url.startswith(("http://", "https://")):
            raise ConfigError(
                f"{self.url!r} is not an http(s) endpoint URL",
                hint="use e.g. http://localhost:7878/query",
            )

    @classmethod
    def from_url(cls, url: str, **options: Any) -> Endpoint:
        """An endpoint with credentials from the environment."""
        return cls(url, credentials=Credentials.from_environment(), **options)

    def wrapper(self, text: str, *, timeout: float | None = None) -> Any:
        """A SPARQLWrapper set up for ``text`` (a query or an update)."""
        from SPARQLWrapper import DIGEST, POST, SPARQLWrapper

        wrapper = SPARQLWrapper(self.url, agent=self.user_agent)
        wrapper.setMethod(POST)
        wrapper.setQuery(text)
        if timeout is not None:
            wrapper.setTimeout(int(max(1, round(timeout))))
        if self.credentials is not None:
            wrapper.setCredentials(self.credentials.user, self.credentials.password)
            if self.credentials.scheme == "digest":
                wrapper.setHTTPAuth(DIGEST)
        if self.union_default_graph:
            wrapper.addParameter("union-default-graph", "true")
        for graph in self.default_graphs:
            wrapper.addDefaultGraph(graph)
        return wrapper

    def run(self, text: str, *, timeout: float | None = None) -> QueryResult:
        """Run a query and return a :class:`~edukg.graph.results.QueryResult`."""
        from SPARQLWrapper import JSON, TURTLE

        wrapper = self.wrapper(text, timeout=timeout)
        # SPARQLWrapper guesses the form from the first keyword anywhere, comments included
        query_type = query_form(text)
        wrapper.queryType = query_type
        if query_type in ("CONSTRUCT", "DESCRIBE"):
            wrapper.setReturnFormat(TURTLE)
            body = self._send(wrapper, timeout)
            try:
                triples = [quad.triple for quad in ox.parse(body, ox.RdfFormat.TURTLE)]
            except SyntaxError as error:
                raise QueryError(f"the endpoint sent RDF that does not parse: {error}") from None
            return QueryResult("graph", triples=triples)
        if query_type not in ("SELECT", "ASK"):
            raise QueryError(
                f"{query_type} is not a query", hint="use edukg push to change an endpoint"
            )
        wrapper.setReturnFormat(JSON)
        body = self._send(wrapper, timeout)
        try:
            data = json.loads(body)
        except ValueError:
            raise QueryError(
                f"{self.url} did not answer with SPARQL JSON results",
                hint="is it a SPARQL endpoint?",
            ) from None
        if "boolean" in data:
            return QueryResult("ask", boolean=bool(data["boolean"]))
        columns = tuple(data["head"]["vars"])
        rows = [
            tuple(term_from_json(binding.get(column)) for column in columns)
            for binding in data["results"]["bindings"]
        ]
        return QueryResult("select", columns=columns, rows=rows)

    def update(self, text: str, *, timeout: float | None = None) -> None:
        """Send a SPARQL Update request (to an update endpoint URL)."""
        self._send(self.wrapper(text, timeout=timeout), timeout)

    def _send(self, wrapper: Any, timeout: float | None) -> bytes:
        def attempt() -> bytes:
            response = wrapper.query().response
            return response.read()

        return with_retries(
            attempt,
            what=self.url,
            retries=self.retries,
            pause=self.retry_pause,
            timeout=timeout,
            sleep=self.sleep,
        )


_COMMENT_LINE = re.compile(r"(?m)^\s*#.*$")
_DECLARATION = re.compile(r"(?is)^\s*(?:PREFIX\s+[^:\s]*:\s*<[^>]*>|BASE\s*<[^>]*>)")


def query_form(text: str) -> str:
    r"""SELECT, ASK, CONSTRUCT, DESCRIBE or an update keyword: the first after the prologue.

    >>> query_form("# drops nothing\nPREFIX x: <http://a#>\nSELECT * WHERE {}")
    'SELECT'
    """
    rest = _COMMENT_LINE.sub("", text)
    while True:
        match = _DECLARATION.match(rest)
        if not match:
            break
        rest = rest[match.end() :]
    words = rest.split(None, 1)
    return words[0].upper().rstrip("{*") if words else ""


def with_retries(
    attempt: Callable[[], T],
    *,
    what: str,
    retries: int = 3,
    pause: float = 0.5,
    timeout: float | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Call ``attempt``, retrying transient network failures; others become :class:`QueryError`."""
    from SPARQLWrapper.SPARQLExceptions import (
        EndPointInternalError,
        EndPointNotFound,
        QueryBadFormed,
        Unauthorized,
        URITooLong,
    )

    for number in range(retries + 1):
        try:
            return attempt()
        except QueryBadFormed as error:
            raise QueryError(f"{what} rejected the query as malformed: {_tail(error)}") from None
        except Unauthorized:
            raise QueryError(
                f"{what} refused the credentials (HTTP 401)",
                hint=f"set {USER_ENV} and {PASSWORD_ENV} (and {AUTH_ENV}=digest if it uses digest)",
            ) from None
        except EndPointNotFound:
            raise QueryError(
                f"{what} does not exist (HTTP 404)", hint="check the endpoint URL"
            ) from None
        except URITooLong:
            raise QueryError(f"{what} says the request is too long (HTTP 414)") from None
        except EndPointInternalError as error:
            message = _tail(error)
            if "timeout" in message.lower() or "time limit" in message.lower():
                raise QueryError(
                    f"{what} stopped the query at its time limit: {message}",
                    hint="raise --timeout or add filters",
                ) from None
            raise QueryError(f"{what} failed to run the query: {message}") from None
        except urllib.error.HTTPError as error:
            if error.code not in TRANSIENT_HTTP_CODES or number == retries:
                raise QueryError(f"{what} answered HTTP {error.code} {error.reason}") from None
        except TimeoutError:
            raise QueryError(
                f"{what} did not answer within the time limit of {timeout:g} s"
                if timeout
                else f"{what} timed out",
                hint="raise --timeout or add filters",
            ) from None
        except (urllib.error.URLError, ConnectionError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, TimeoutError | socket.timeout):
                raise QueryError(
                    f"{what} did not answer within the time limit of {timeout:g} s"
                    if timeout
                    else f"{what} timed out",
                    hint="raise --timeout or add filters",
                ) from None
            if number == retries:
                raise QueryError(
                    f"cannot reach {what}: {reason}", hint="check the URL and that the server runs"
                ) from None
        sleep(pause * (2**number))
    raise AssertionError("unreachable")


def _tail(error: Exception) -> str:
    text = str(error)
    return text.split("Response:", 1)[-1].strip().replace("\\n", " ")[:500] or text


def term_from_json(
    value: Mapping[str, str] | None,
) -> ox.NamedNode | ox.BlankNode | ox.Literal | None:
    """A term from one SPARQL 1.1 JSON results binding.

    >>> term_from_json({"type": "literal", "value": "Минск", "xml:lang": "ru"})
    <Literal value=Минск language=ru>
    """
    if value is None:
        return None
    kind = value["type"]
    if kind == "uri":
        return ox.NamedNode(value["value"])
    if kind == "bnode":
        return ox.BlankNode(value["value"])
    if "xml:lang" in value:
        return ox.Literal(value["value"], language=value["xml:lang"])
    if "datatype" in value:
        return ox.Literal(value["value"], datatype=ox.NamedNode(value["datatype"]))
    return ox.Literal(value["value"])
