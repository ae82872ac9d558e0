"""Send the store, or chosen sources, to a remote triple store as named graphs.

Two ways in, both repeatable without creating duplicates:

- the SPARQL 1.1 Graph Store Protocol (``store_endpoint``): the first batch
  of each graph is a ``PUT`` (which replaces the graph), the rest ``POST``;
- SPARQL 1.1 Update (``update_endpoint``): batches of ``INSERT DATA`` (at most
  :data:`UPDATE_BATCH_LIMIT` triples each) into a scratch graph, then one ``MOVE``
  onto the real graph, so readers never see a half-sent graph and the old
  content is replaced in one step.

Triples with blank nodes travel in each graph's last batch, so a blank node
is never split across two requests (each request has its own blank nodes).
"""

from __future__ import annotations

import base64
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from edukg.core.errors import ConfigError
from edukg.graph.remote import USER_AGENT, Credentials, Endpoint, with_retries
from edukg.graph.sources import CATALOG_GRAPH
from edukg.graph.store import REFERENCE_GRAPHS

DEFAULT_BATCH_SIZE = 20_000
UPDATE_BATCH_LIMIT = 1_000
"""Triples one ``INSERT DATA`` holds at most, whatever the batch size. Virtuoso 7.2 refuses
longer ones: its SPARQL parser runs out of stack near 5,000 triples (SP030), and with the
packaged ``MaxQueryCostEstimationTime`` set it inlines the data into SQL, which may not
pass 10,000 lines (SP031, near 1,500 triples)."""
SCRATCH_PREFIX = "urn:edukg:push:"

Progress = Callable[[str, int, int], None]
"""Called as ``progress(graph_iri, triples_sent_so_far, triples_in_graph)``."""


@dataclass(frozen=True)
class PushedGraph:
    """One graph sent: its IRI and how many triples it holds."""

    graph: str
    triples: int
    requests: int


def graphs_to_push(
    kg: Any, sources: Sequence[str] | None = None, *, with_reference: bool = True
) -> list[ox.NamedNode]:
    """The named graphs a push sends: the chosen sources' graphs (all when none are named).

    All sources also bring the catalog graph (their PROV-O descriptions).
    ``with_reference`` adds the ontology and the countries, which the
    catalogue queries need for labels and ISO codes.
    """
    graphs = list(kg.graphs_of(list(sources or [])))
    if not sources:
        graphs.append(CATALOG_GRAPH)
    if with_reference:
        graphs.extend(REFERENCE_GRAPHS)
    return graphs


def batches(triples: Iterable[ox.Triple], size: int) -> list[list[ox.Triple]]:
    """Split triples into batches of at most ``size``; blank-node triples all go last, together.

    >>> p = ox.NamedNode("http://p")
    >>> t = [ox.Triple(ox.NamedNode(f"http://s/{i}"), p, ox.Literal(i)) for i in range(5)]
    >>> [len(b) for b in batches(t, 2)]
    [2, 2, 1]
    """
    plain: list[ox.Triple] = []
    blank: list[ox.Triple] = []
    for triple in triples:
        has_blank = isinstance(triple.subject, ox.BlankNode) or isinstance(
            triple.object, ox.BlankNode
        )
        (blank if has_blank else plain).append(triple)
    chunks = [plain[i : i + size] for i in range(0, len(plain), size)]
    if blank:
        chunks.append(blank)
    return chunks or [[]]


def push(
    kg: Any,
    *,
    update_endpoint: str | None = None,
    store_endpoint: str | None = None,
    sources: Sequence[str] | None = None,
    with_reference: bool = True,
    batch_size: int = DEFAULT_BATCH_SIZE,
    credentials: Credentials | None = None,
    progress: Progress | None = None,
) -> list[PushedGraph]:
    """Send graphs of ``kg`` to a remote store; give exactly one of the two endpoints."""
    if (update_endpoint is None) == (store_endpoint is None):
        raise ConfigError(
            "push needs exactly one of an update endpoint and a graph store endpoint",
            hint="give --update-endpoint URL (SPARQL Update) "
            "or --store-endpoint URL (Graph Store Protocol)",
        )
    if batch_size < 1:
        raise ConfigError(f"batch size must be at least 1, not {batch_size}")
    pushed = []
    for graph in graphs_to_push(kg, sources, with_reference=with_reference):
        triples = [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in kg.oxigraph.quads_for_pattern(None, None, None, graph)
        ]
        if store_endpoint is None:
            chunks = batches(triples, min(batch_size, UPDATE_BATCH_LIMIT))
        else:
            chunks = batches(triples, batch_size)
        if progress:
            progress(graph.value, 0, len(triples))
        if store_endpoint is not None:
            requests = _push_graph_store(
                store_endpoint, graph, chunks, credentials, progress, len(triples)
            )
        else:
            requests = _push_update(
                update_endpoint or "", graph, chunks, credentials, progress, len(triples)
            )
        pushed.append(PushedGraph(graph.value, len(triples), requests))
    return pushed


def _ntriples(triples: Sequence[ox.Triple]) -> str:
    return "".join(f"{triple} .\n" for triple in triples)


def _push_update(
    url: str,
    graph: ox.NamedNode,
    chunks: list[list[ox.Triple]],
    credentials: Credentials | None,
    progress: Progress | None,
    total: int,
) -> int:
    endpoint = Endpoint(url, credentials=credentials)
    scratch = ox.NamedNode(SCRATCH_PREFIX + graph.value)
    endpoint.update(f"DROP SILENT GRAPH {scratch}")
    sent = 0
    requests = 1
    for chunk in chunks:
        if not chunk:
            continue
        # N-Triples terms are valid SPARQL terms: pyoxigraph escapes every value
        endpoint.update(f"INSERT DATA {{ GRAPH {scratch} {{\n{_ntriples(chunk)}}} }}")
        requests += 1
        sent += len(chunk)
        if progress:
            progress(graph.value, sent, total)
    if sent:
        endpoint.update(f"MOVE SILENT GRAPH {scratch} TO GRAPH {graph}")
    else:
        endpoint.update(f"DROP SILENT GRAPH {graph}")
    return requests + 1


def _push_graph_store(
    url: str,
    graph: ox.NamedNode,
    chunks: list[list[ox.Triple]],
    credentials: Credentials | None,
    progress: Progress | None,
    total: int,
) -> int:
    separator = "&" if "?" in url else "?"
    target = f"{url}{separator}{urllib.parse.urlencode({'graph': graph.value})}"
    sent = 0
    for number, chunk in enumerate(chunks):
        body = _ntriples(chunk).encode("utf-8")
        method = "PUT" if number == 0 else "POST"
        _send(target, method, body, credentials)
        sent += len(chunk)
        if progress:
            progress(graph.value, sent, total)
    return len(chunks)


def _send(url: str, method: str, body: bytes, credentials: Credentials | None) -> None:
    handlers: list[Any] = []
    headers = {"Content-Type": "application/n-triples", "User-Agent": USER_AGENT}
    if credentials is not None and credentials.scheme == "digest":
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, url, credentials.user, credentials.password)
        handlers.append(urllib.request.HTTPDigestAuthHandler(manager))
    elif credentials is not None:
        token = base64.b64encode(f"{credentials.user}:{credentials.password}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    opener = urllib.request.build_opener(*handlers)

    def attempt() -> None:
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        with opener.open(request, timeout=300) as response:
            response.read()

    with_retries(attempt, what=url.split("?", 1)[0])


def stale_source_graphs(endpoint: Endpoint, kg: Any) -> list[str]:
    """Source graphs the remote side holds under the store's base IRI but the store no longer has.

    These are the graphs of sources removed locally since an earlier push:
    ``push --prune`` drops them.
    """
    prefix = ox.Literal(f"{kg.base_iri}source/")
    result = endpoint.run(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
        f"FILTER(STRSTARTS(STR(?g), {prefix})) }}"
    )
    local = {graph.value for graph in kg.graphs_of([])}
    return sorted(str(row["g"]) for row in result.records() if str(row["g"]) not in local)


def drop_graphs(
    graphs: Sequence[str],
    *,
    update_endpoint: str | None = None,
    store_endpoint: str | None = None,
    credentials: Credentials | None = None,
) -> None:
    """Drop whole graphs on the remote side, through SPARQL Update or the Graph Store Protocol."""
    for graph in graphs:
        if store_endpoint is not None:
            separator = "&" if "?" in store_endpoint else "?"
            target = f"{store_endpoint}{separator}{urllib.parse.urlencode({'graph': graph})}"
            _send(target, "DELETE", b"", credentials)
        else:
            Endpoint(update_endpoint or "", credentials=credentials).update(
                f"DROP SILENT GRAPH {ox.NamedNode(graph)}"
            )


def remote_graph_sizes(endpoint: Endpoint, graphs: Iterable[str]) -> dict[str, int]:
    """How many triples each graph holds on the remote side (to check a push)."""
    values = " ".join(str(ox.NamedNode(g)) for g in graphs)
    result = endpoint.run(
        f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
        "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    )
    return {str(row["g"]): int(row["n"]) for row in result.records()}
