"""Partnership networks built from the knowledge graph, one SPARQL query each.

On an embedded store the institution network is built from the statements,
read at once (:mod:`edukg.analysis.statement_network`, the same network as
the ``network-institutions`` query gives, 20x faster on disk); a remote
endpoint answers the query.

The network handed to pages and exports is a :class:`networkx.Graph` whose
node ids are entity IRIs, with node attributes ``label`` (dict lang -> text for
ru/be/en as available), ``kind`` (concept notation or ``None``), ``country``
(alpha-2 or ``None``), ``region`` (label or ``None``), ``cluster`` (int or
``None``), ``centrality`` (betweenness), ``degree`` and ``weighted_degree``;
and edge attributes ``weight`` (agreements + events), ``agreements`` (dicts:
iri, id, title, signed, valid_until, type, areas, source), ``events`` (dicts:
iri, title, type, start, end, source) and ``years`` (sorted ints).

Levels: ``institution`` (the query), ``country`` and ``region`` (the
institution network merged by the institutions' country or region; links
inside one country or region are counted on the node as ``internal_weight``),
and the bipartite institution-event network (:func:`institution_event_network`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pyoxigraph as ox

from edukg.analysis.built_network import BuiltNetwork
from edukg.analysis.centrality import set_degree_attributes
from edukg.analysis.derived import collector_paused, derived_graphs
from edukg.analysis.igraph_view import EdgeList, remember_edges
from edukg.core.errors import ConfigError
from edukg.core.languages import fallback_languages
from edukg.ontology.namespace import COUNTRY_BASE, PREFIXES
from edukg.queries import run

if TYPE_CHECKING:
    from edukg.analysis.statement_network import LinkPairs, NetworkParts

LEVELS = ("institution", "country", "region")
LABEL_LANGUAGES = ("ru", "be", "en")
_PREF_LABEL = ox.NamedNode(PREFIXES["skos"] + "prefLabel")
_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
_INSTITUTION = ox.NamedNode(PREFIXES["edukg"] + "Institution")


@dataclass(frozen=True)
class Window:
    """A time window: links dated in [since, until], or running on ``active_on``.

    A partial date (``2024``, ``2024-05``) counts when its period meets the window.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    active_on: dt.date | None = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise ConfigError(
                f"--since {self.since} is after --until {self.until}",
                hint="swap the dates, or leave one out",
            )

    def values(self) -> dict[str, dt.date | None]:
        """The query parameters of this window."""
        return {"since": self.since, "until": self.until, "active_on": self.active_on}

    def describe(self) -> str:
        """The window in words, for summaries.

        >>> Window(since=dt.date(2024, 1, 1)).describe()
        'since 2024-01-01'
        >>> Window().describe()
        'all time'
        """
        parts = [
            f"{name.replace('_', ' ')} {value}"
            for name, value in self.values().items()
            if value is not None
        ]
        return ", ".join(parts) or "all time"


def _text(term: Any) -> str | None:
    """A result term's lexical form (an IRI's text), ``None`` when unbound or empty.

    Read directly: converting through rdflib costs two thirds of building a network.
    """
    if term is None:
        return None
    return term.value or None


def _year(text: str | None) -> int | None:
    if text and len(text) >= 4 and text[:4].isdigit():
        return int(text[:4])
    return None


def _node_attributes() -> dict[str, Any]:
    return {
        "label": {},
        "kind": None,
        "country": None,
        "region": None,
        "cluster": None,
        "centrality": 0.0,
        "degree": 0,
        "weighted_degree": 0.0,
    }


def _labels(rows: list[dict[str, Any]], part: str = "label") -> dict[str, dict[str, str]]:
    """Names per entity and language from the rows of one part (``label`` or ``short``)."""
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        if _text(row["part"]) != part:
            continue
        term = row["label"]
        language = term.language or ""
        current = labels[row["a"].value].get(language)
        # several labels in one language: keep the smallest, so runs agree
        if current is None or term.value < current:
            labels[row["a"].value][language] = term.value
    return labels


def _preferred(label: dict[str, str], lang: str) -> str | None:
    # "" is a name written in no stated language, as CORDIS and FP7 names are
    for language in (*fallback_languages(lang), ""):
        if label.get(language):
            return label[language]
    return None


def _institution_nodes(
    rows: list[dict[str, Any]], labels: dict[str, dict[str, str]], lang: str
) -> dict[str, dict[str, Any]]:
    """Every institution's node attributes, from the ``node`` rows."""
    nodes: dict[str, dict[str, Any]] = {}
    for row in rows:
        if _text(row["part"]) != "node":
            continue
        iri = row["a"].value
        attributes = nodes.get(iri) or _node_attributes()
        region = row["region"].value if row["region"] is not None else None
        attributes.update(
            label=dict(labels.get(iri, {})),
            kind=attributes["kind"] or _text(row["kind"]),
            country=attributes["country"] or _text(row["country"]),
            region=attributes["region"]
            or (_preferred(labels.get(region, {}), lang) if region else None),
            region_iri=attributes.get("region_iri") or region,
        )
        nodes[iri] = attributes
    return nodes


def _add_institution_nodes(
    graph: nx.Graph, rows: list[dict[str, Any]], labels: dict[str, dict[str, str]], lang: str
) -> None:
    for iri, attributes in _institution_nodes(rows, labels, lang).items():
        graph.add_node(iri, **attributes)


def _empty_edge() -> dict[str, Any]:
    return {"weight": 0, "agreements": [], "events": [], "years": []}


def _finish_edges(graph: nx.Graph) -> None:
    """Sort the links of every edge, and set weight and years from them."""
    for _, _, data in graph.edges(data=True):
        _finish_edge(data)


def _finish_edge(data: dict[str, Any]) -> None:
    agreements, events = data["agreements"], data["events"]
    data["weight"] = len(agreements) + len(events)
    if data["weight"] == 1:  # most edges: one link, nothing to sort
        year = _year(agreements[0]["signed"] if agreements else events[0]["start"])
        data["years"] = [] if year is None else [year]
        return
    agreements.sort(key=_iri)
    events.sort(key=_iri)
    years = {_year(a["signed"]) for a in agreements}
    years |= {_year(e["start"]) for e in events}
    data["years"] = sorted(year for year in years if year is not None)


def _iri(link: dict[str, Any]) -> str:
    return link["iri"]


def institution_network(
    kg: Any,
    *,
    window: Window | None = None,
    events: bool = True,
    lang: str = "ru",
    via_sparql: bool = False,
    details: bool = True,
    names: bool = True,
) -> nx.Graph:
    """The institution-institution partnership network, from the store's statements.

    Two institutions are linked when they are parties to the same agreement
    (every pair of a multilateral agreement's parties) or, with ``events``,
    when one hosted an event the other attended. Every institution in the
    store is a node, partners or not.

    Args:
        kg: a :class:`~edukg.graph.store.KnowledgeGraph` (its statements are read at once,
            :mod:`edukg.analysis.statement_network`), or a remote endpoint or rdflib graph
            (the ``network-institutions`` query gives the same network).
        window: only links dated in this window (default: all).
        events: also link event hosts and participants.
        lang: preferred language of agreement and event titles.
        via_sparql: run the ``network-institutions`` query even on an embedded store
            (which otherwise reads its statements at once: the same network, faster).
        details: give each edge its ``agreements``, ``events`` and ``years``. Without,
            an embedded store's network has only each edge's ``weight`` and no node
            ``short_label`` (what an analysis needs, in less time and memory), and is a
            :class:`~edukg.analysis.built_network.BuiltNetwork`: its networkx adjacency is
            made when first read (an analysis reads its links from the remembered edge list).
        names: without ``details``, also read the nodes' ``label``, ``kind`` and ``region``
            (else an embedded store's network leaves them empty: see :func:`label_nodes`).
    """
    window = window or Window()
    with collector_paused():
        if via_sparql or not _embedded(kg):
            labels, nodes, edges = _network_from_query(kg, window=window, events=events, lang=lang)
        elif not details:
            labels, nodes, counts = _counted_from_statements(
                kg, window=window, events=events, lang=lang, names=names
            )
            return _counted_network(
                {"level": "institution", "window": window.describe(), "labels": labels},
                nodes,
                counts,
            )
        else:
            labels, nodes, edges = _network_from_statements(
                kg, window=window, events=events, lang=lang
            )
        for data in edges.values():
            if "agreements" in data:
                _finish_edge(data)
        return _sorted_network(
            {"level": "institution", "window": window.describe(), "labels": labels}, nodes, edges
        )


def _embedded(kg: Any) -> bool:
    """True for an embedded store (a KnowledgeGraph), whose statements can be read at once."""
    return hasattr(kg, "sorted_statements") and hasattr(kg, "oxigraph")


Parts = tuple[
    dict[str, dict[str, str]], dict[str, dict[str, Any]], dict[tuple[str, str], dict[str, Any]]
]
"""Labels, nodes and edges (before :func:`_finish_edge`) of an institution network."""


def _network_from_statements(kg: Any, *, window: Window, events: bool, lang: str) -> Parts:
    """The network's parts from an embedded store's statements: what the query gives, faster."""
    labels, nodes, parts = _statement_parts(
        kg, window=window, events=events, lang=lang, details=True, names=True
    )
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for a, b, kind, item in parts.links:
        for node in (a, b):
            if node not in nodes:
                nodes[node] = _node_attributes()
        data = edges.get((a, b))
        if data is None:
            data = edges[a, b] = _empty_edge()
        data[kind].append(item)
    return labels, nodes, edges


def _counted_from_statements(
    kg: Any, *, window: Window, events: bool, lang: str, names: bool
) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, Any]], LinkPairs]:
    """The labels, the nodes and the links (numbered pairs) from an embedded store's
    statements, without the links' details (what an analysis needs); an end of a link that
    is no institution becomes a node."""
    labels, nodes, parts = _statement_parts(
        kg, window=window, events=events, lang=lang, details=False, names=names
    )
    pairs = parts.pairs
    assert pairs is not None  # always, without details
    ended = np.zeros(len(pairs.names), bool)
    ended[pairs.firsts] = True
    ended[pairs.seconds] = True
    for node in map(pairs.names.__getitem__, np.flatnonzero(ended).tolist()):
        if node not in nodes:
            nodes[node] = _node_attributes()
    return labels, nodes, pairs


def _statement_parts(
    kg: Any, *, window: Window, events: bool, lang: str, details: bool, names: bool
) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, Any]], NetworkParts]:
    """The labels, the institutions' nodes and the parts they were made of (the links)."""
    from edukg.analysis.statement_network import network_parts

    _check_parameters(window, lang)
    # earlier results and the summaries hold none of the network's statements: not read
    # (each a fifth of the store at most)
    results = derived_graphs(kg)
    parts = network_parts(
        kg,
        window=(window.since, window.until, window.active_on),
        events=events,
        lang=lang,
        skip=results,
        details=details,
        names=names,
    )
    labels = parts.labels
    nodes: dict[str, dict[str, Any]] = {}
    for iri, (kind, country, region) in parts.institutions.items():
        nodes[iri] = {  # the keys of _node_attributes(), in its order, and the region's IRI
            "label": dict(labels.get(iri, {})),
            "kind": kind,
            "country": country,
            "region": _preferred(labels.get(region, {}), lang) if region else None,
            "cluster": None,
            "centrality": 0.0,
            "degree": 0,
            "weighted_degree": 0.0,
            "region_iri": region,
        }
    for iri, short in parts.short_labels.items():
        if iri in nodes:
            nodes[iri]["short_label"] = short
    return labels, nodes, parts


_first = itemgetter(0)
_second = itemgetter(1)


def _check_parameters(window: Window, lang: str) -> None:
    """The checks the catalogue makes of the query's parameters (a :class:`ConfigError`)."""
    from edukg.queries.binding import LANGUAGES, parse_parameters

    if lang not in LANGUAGES:
        raise ConfigError(f"unknown language {lang!r}", hint=f"use one of {', '.join(LANGUAGES)}")
    given = {name: value.isoformat() for name, value in window.values().items() if value}
    parse_parameters("network-institutions", {**given, "lang": lang})


def _network_from_query(kg: Any, *, window: Window, events: bool, lang: str) -> Parts:
    """The network's parts from the rows of the ``network-institutions`` query."""
    rows: list[dict[str, Any]] = run(
        kg,
        "network-institutions",
        lang=lang,
        since=window.since,
        until=window.until,
        active_on=window.active_on,
    ).bindings()
    labels = _labels(rows)
    nodes = _institution_nodes(rows, labels, lang)
    for iri, short in _labels(rows, "short").items():
        if iri in nodes:
            nodes[iri]["short_label"] = short
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    seen: set[tuple[str, str, str]] = set()
    for row in rows:
        part = _text(row["part"])
        if part not in ("agreement", "event") or (part == "event" and not events):
            continue
        a, b, link = row["a"].value, row["b"].value, row["link"].value
        pair = (a, b) if a <= b else (b, a)
        key = (*pair, link)
        if key in seen:
            continue
        seen.add(key)
        for node in pair:
            if node not in nodes:
                nodes[node] = _node_attributes()
        data = edges.get(pair)
        if data is None:
            data = edges[pair] = _empty_edge()
        if part == "agreement":
            data["agreements"].append(
                {
                    "iri": link,
                    "id": _text(row["id"]),
                    "title": _text(row["title"]),
                    "signed": _text(row["start"]),
                    "valid_until": _text(row["end"]),
                    "type": _text(row["type"]),
                    "areas": sorted((_text(row["areas"]) or "").split()),
                    "source": _text(row["source"]),
                }
            )
        else:
            data["events"].append(
                {
                    "iri": link,
                    "title": _text(row["title"]),
                    "type": _text(row["type"]),
                    "start": _text(row["start"]),
                    "end": _text(row["end"]),
                    "source": _text(row["source"]),
                }
            )
    return labels, nodes, edges


def _sorted_network(
    attributes: dict[str, Any],
    nodes: dict[str, dict[str, Any]],
    edges: dict[tuple[str, str], dict[str, Any]],
) -> nx.Graph:
    """A network built once, in sorted order, with ``degree`` and ``weighted_degree`` set.

    What :func:`sorted_with_degrees` makes of a graph, without building it twice.
    """
    graph = nx.Graph(**attributes)
    # Filled in place, as add_nodes_from and add_edges_from would fill it in this order,
    # but without copying each node's and edge's dict (seconds at 5M triples). Both
    # ends of an edge share its dict, as networkx's own do.
    node_table, adjacency = _sorted_nodes(graph, nodes)
    ranked = _ranked_edges(edges, node_table)
    if ranked is None:  # an end that is no node: by text, as add_edges_from adds it
        for (a, b), data in sorted(edges.items()):
            for end in (a, b):
                if end not in node_table:
                    node_table[end] = {}
                    adjacency[end] = {}
            adjacency[a][b] = data
            adjacency[b][a] = data
        set_degree_attributes(graph)
        return graph
    ordered, firsts, seconds = ranked
    for (a, b), data in ordered:
        adjacency[a][b] = data
        adjacency[b][a] = data
    weights = [data.get("weight", 1) for _, data in ordered]
    _set_degrees(graph, firsts, seconds, weights)
    remember_edges(graph, EdgeList(firsts, seconds, list(map(float, weights))))
    return graph


def _sorted_nodes(
    graph: nx.Graph, nodes: dict[str, dict[str, Any]]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Put ``nodes`` (their own dicts, not copies) into the new ``graph`` in sorted order,
    without links; its node table and adjacency."""
    node_table, adjacency = graph._node, graph._adj
    for node, data in sorted(nodes.items()):
        node_table[node] = data
        adjacency[node] = {}
    return node_table, adjacency


def _counted_network(
    attributes: dict[str, Any], nodes: dict[str, dict[str, Any]], pairs: LinkPairs
) -> nx.Graph:
    """The network :func:`_sorted_network` makes of the edges ``{"weight": links}`` of the
    ``pairs``' links, its links held as arrays until read
    (:class:`~edukg.analysis.built_network.BuiltNetwork`): an analysis reads them only from
    the edge list remembered for its igraph copy.

    Both ends of every link must be in ``nodes`` (:func:`_counted_from_statements` adds them).
    """
    graph = BuiltNetwork(**attributes)
    node_table, _ = _sorted_nodes(graph, nodes)
    # each numbered name's rank among the nodes (sorted by text): a pair of ranks in order
    # is a pair of texts in order
    numbers = {name: number for number, name in enumerate(pairs.names)}
    rank = np.zeros(len(pairs.names), np.int64)
    for position, node in enumerate(node_table):
        number = numbers.get(node)
        if number is not None:
            rank[number] = position
    ends = rank[pairs.firsts], rank[pairs.seconds]
    count = len(node_table)
    keys = np.minimum(*ends) * count + np.maximum(*ends)
    unique, weights = np.unique(keys, return_counts=True)  # in the order of the ends' ranks
    firsts, seconds = unique // count, unique % count
    graph.defer_edges(firsts, seconds, weights)
    as_floats = weights.astype(np.float64).tolist()
    _set_degrees(graph, firsts, seconds, as_floats)
    remember_edges(graph, EdgeList(firsts, seconds, as_floats))
    return graph


def _ranked_edges(
    edges: dict[tuple[str, str], dict[str, Any]], nodes: dict[str, Any]
) -> tuple[list[tuple[tuple[str, str], dict[str, Any]]], Any, Any] | None:
    """The edges in the order of their ends' texts, and their ends' ranks in ``nodes``
    (sorted), sorted by those ranks: comparing numbers, not texts (seconds at 5M triples);
    ``None`` when an end is no node.

    >>> ordered, firsts, seconds = _ranked_edges(
    ...     {("b", "c"): {}, ("a", "c"): {}, ("a", "b"): {}}, dict.fromkeys("abc"))
    >>> ordered, firsts.tolist(), seconds.tolist()
    ([(('a', 'b'), {}), (('a', 'c'), {}), (('b', 'c'), {})], [0, 0, 1], [1, 2, 2])
    """
    rank = {node: number for number, node in enumerate(nodes)}
    count = len(edges)
    try:
        firsts = np.fromiter(map(rank.__getitem__, map(_first, edges)), np.int64, count)
        seconds = np.fromiter(map(rank.__getitem__, map(_second, edges)), np.int64, count)
    except KeyError:
        return None
    order = np.argsort(firsts * len(rank) + seconds, kind="stable")
    items = list(edges.items())
    return [items[i] for i in order.tolist()], firsts[order], seconds[order]


def _set_degrees(graph: nx.Graph, firsts: Any, seconds: Any, weights: list[float]) -> None:
    """Set ``degree`` and ``weighted_degree`` on every node of ``graph`` (its nodes in the
    order of the ranks ``firsts`` and ``seconds`` of each edge's ends): what
    :func:`~edukg.analysis.centrality.set_degree_attributes` sets, counted by numpy."""
    count = graph.number_of_nodes()
    weight = np.array(weights, dtype=np.float64)
    degrees = np.bincount(firsts, minlength=count) + np.bincount(seconds, minlength=count)
    weighted = np.bincount(firsts, weight, count) + np.bincount(seconds, weight, count)
    for data, degree, total in zip(
        graph._node.values(), degrees.tolist(), weighted.tolist(), strict=True
    ):
        data["degree"] = degree
        data["weighted_degree"] = total


def sorted_with_degrees(graph: nx.Graph) -> nx.Graph:
    """Set ``degree`` and ``weighted_degree``; return the graph with nodes and edges sorted.

    Sorted order makes seeded algorithms give the same answer on every run,
    whatever order the store returned the rows in.
    """
    ordered = nx.Graph(**graph.graph)
    ordered.add_nodes_from(sorted(graph.nodes(data=True)))
    ordered.add_edges_from(sorted((min(a, b), max(a, b), d) for a, b, d in graph.edges(data=True)))
    set_degree_attributes(ordered)
    return ordered


def aggregate_network(institutions: nx.Graph, *, level: str, lang: str = "ru") -> nx.Graph:
    """Merge an institution network into a country or region network.

    Each agreement or event is counted once per pair of countries (regions),
    however many of their institutions it links. Institutions without a
    country (region) are left out. Links inside one country (region) are
    counted on its node as ``internal_weight``.
    """
    if level not in ("country", "region"):
        raise ConfigError(f"cannot aggregate to level {level!r}", hint="use country or region")
    labels: dict[str, dict[str, str]] = institutions.graph.get("labels", {})

    def group_of(node: str) -> str | None:
        data = institutions.nodes[node]
        if level == "country":
            return COUNTRY_BASE + data["country"] if data.get("country") else None
        return data.get("region_iri")

    graph = nx.Graph(level=level, window=institutions.graph.get("window", "all time"))
    for node, data in sorted(institutions.nodes(data=True)):
        group = group_of(node)
        if group is None or group in graph:
            continue
        attributes = _node_attributes()
        attributes.update(
            label=dict(labels.get(group, {})),
            country=data.get("country"),
            region=data.get("region") if level == "region" else None,
            institutions=0,
            internal_weight=0,
        )
        graph.add_node(group, **attributes)
    for node in institutions:
        group = group_of(node)
        if group is not None:
            graph.nodes[group]["institutions"] += 1
    internal: dict[str, set[str]] = defaultdict(set)
    for a, b, data in institutions.edges(data=True):
        group_a, group_b = group_of(a), group_of(b)
        if group_a is None or group_b is None:
            continue
        if group_a == group_b:
            internal[group_a].update(item["iri"] for item in data["agreements"] + data["events"])
            continue
        if not graph.has_edge(group_a, group_b):
            graph.add_edge(group_a, group_b, **_empty_edge(), _seen=set())
        edge = graph.edges[group_a, group_b]
        for kind in ("agreements", "events"):
            for item in data[kind]:
                if item["iri"] not in edge["_seen"]:
                    edge["_seen"].add(item["iri"])
                    edge[kind].append(dict(item))
    for _, _, data in graph.edges(data=True):
        del data["_seen"]
    for group, links in internal.items():
        graph.nodes[group]["internal_weight"] = len(links)
    _finish_edges(graph)
    graph.graph["labels"] = labels
    return sorted_with_degrees(graph)


def partnership_network(
    kg: Any,
    *,
    level: str = "institution",
    window: Window | None = None,
    events: bool = True,
    lang: str = "ru",
    via_sparql: bool = False,
    details: bool = True,
    names: bool = True,
) -> nx.Graph:
    """The partnership network at ``level``: institution, country or region.

    ``details=False`` (and ``names=False``) leave out what only pages and exports need, at
    the institution level (see :func:`institution_network`); country and region networks
    keep them.
    """
    if level not in LEVELS:
        raise ConfigError(f"unknown level {level!r}", hint=f"use one of {', '.join(LEVELS)}")
    institutions = institution_network(
        kg,
        window=window,
        events=events,
        lang=lang,
        via_sparql=via_sparql,
        details=details or level != "institution",
        names=names or level != "institution",
    )
    if level == "institution":
        return institutions
    return aggregate_network(institutions, level=level, lang=lang)


def institution_event_network(
    kg: Any, *, window: Window | None = None, lang: str = "ru", via_sparql: bool = False
) -> nx.Graph:
    """The bipartite institution-event network, from the ``network-institution-event`` rows.

    Institutions have ``bipartite=0``, events ``bipartite=1`` (the networkx
    convention); an edge's ``roles`` lists ``organizer`` and/or ``attendee``.
    Every institution is a node; only events in the window are.

    An embedded store works the rows out from its statements
    (:mod:`edukg.analysis.statement_extracts`: the same rows, and linear in the data
    where the query is not); ``via_sparql`` runs the query there too.
    """
    window = window or Window()
    with collector_paused():  # half a million rows at 5M, no cycles
        rows = _institution_event_rows(kg, window=window, lang=lang, via_sparql=via_sparql)
        labels = _labels(rows)
        graph = nx.Graph(level="institution-event", window=window.describe())
        _add_institution_nodes(graph, rows, labels, lang)
        for node in graph:
            graph.nodes[node]["bipartite"] = 0
        for row in rows:
            if _text(row["part"]) != "membership":
                continue
            institution, event = row["a"].value, row["b"].value
            if event not in graph:
                attributes = _node_attributes()
                attributes.update(
                    label=dict(labels.get(event, {})),
                    kind=_text(row["type"]),
                    bipartite=1,
                    title=_text(row["title"]),
                    start=_text(row["start"]),
                    end=_text(row["end"]),
                    source=_text(row["source"]),
                )
                graph.add_node(event, **attributes)
            if not graph.has_edge(institution, event):
                graph.add_edge(institution, event, weight=1, roles=[])
            roles = graph.edges[institution, event]["roles"]
            roles.append(_text(row["role"]))
            roles.sort()
        graph.graph["labels"] = labels
        return sorted_with_degrees(graph)


def _institution_event_rows(
    kg: Any, *, window: Window, lang: str, via_sparql: bool
) -> list[dict[str, Any]]:
    """The rows of ``network-institution-event``: from the statements on an embedded store."""
    if not via_sparql and _embedded(kg):
        from edukg.analysis.statement_extracts import derived_graphs, institution_event

        _check_parameters(window, lang)
        found = institution_event(
            kg,
            lang=lang,
            window=(window.since, window.until, window.active_on),
            skip=derived_graphs(kg),
        )
        if found is not None:
            return found.bindings()
    return run(
        kg,
        "network-institution-event",
        lang=lang,
        since=window.since,
        until=window.until,
        active_on=window.active_on,
    ).bindings()


def label_nodes(kg: Any, graph: nx.Graph, nodes: Iterable[str]) -> None:
    """Give ``nodes`` of a network built without names their ``label``, read from the store.

    The labels the network's build reads (an institution's smallest ``skos:prefLabel`` per
    language, ru/be/en or none; none for a party that is no institution), for the few nodes
    a summary names; a network from a query (a remote endpoint) has them already and is
    left alone.

    >>> from edukg.graph.store import KnowledgeGraph
    >>> with KnowledgeGraph.in_memory() as kg:
    ...     _ = kg.oxigraph.load(
    ...         b'<https://x.example/a> <http://www.w3.org/2004/02/skos/core#prefLabel> '
    ...         b'"B"@ru, "A"@ru, "C"@de ; a <https://w3id.org/edukg/ontology#Institution> .',
    ...         ox.RdfFormat.TURTLE)
    ...     graph = nx.Graph([("https://x.example/a", "https://x.example/b")])
    ...     label_nodes(kg, graph, ["https://x.example/a"])
    >>> graph.nodes["https://x.example/a"]["label"]
    {'ru': 'A'}
    """
    if not _embedded(kg):
        return
    store = kg.oxigraph
    for node in nodes:
        found: dict[str, str] = {}
        subject = ox.NamedNode(node)
        if next(store.quads_for_pattern(subject, _TYPE, _INSTITUTION, None), None) is None:
            graph.nodes[node]["label"] = found
            continue
        for quad in store.quads_for_pattern(subject, _PREF_LABEL, None, None):
            value = quad.object
            if not isinstance(value, ox.Literal):
                continue  # LANG() of an IRI is an error: the build skips it
            language = value.language or ""
            current = found.get(language)
            if language in (*LABEL_LANGUAGES, "") and (current is None or value.value < current):
                found[language] = value.value
        graph.nodes[node]["label"] = found


def node_label(graph: nx.Graph, node: str, lang: str = "ru") -> str:
    """A node's label in ``lang`` (else in a fallback language), else its IRI's last segment."""
    return (
        _preferred(graph.nodes[node].get("label", {}), lang) or node.rstrip("/").rsplit("/", 1)[-1]
    )
