"""Analysis results as linked data, in a named graph of their own.

Each level's latest run is a source of the store called ``analysis-<level>``
(``analysis-institution``, ``analysis-country``, ``analysis-region``), written
with :meth:`KnowledgeGraph.write_sources`; so a new run at a level replaces the
old results, ``edukg sources`` lists them, ``edukg sources remove`` drops them
and ``edukg export`` carries them with their PROV-O description.

The graph holds, in the vocabulary ``https://w3id.org/edukg/analysis#``
(prefix ``ana:``):

- the run, ``a prov:Activity, ana:AnalysisRun``: ``ana:level``,
  ``ana:algorithm``, ``ana:seed``, ``ana:resolution``, ``ana:since`` /
  ``ana:until`` / ``ana:activeOn`` when given, ``ana:includesEvents``,
  ``ana:modularity``, ``ana:betweennessMethod`` (and ``ana:betweennessSamples``),
  ``ana:nodeCount``, ``ana:edgeCount``, ``prov:startedAtTime``,
  ``prov:endedAtTime``, ``prov:used`` (the graphs of the data sources) and
  ``prov:wasAssociatedWith`` (the edukg analysis agent);
- each cluster, ``a ana:Cluster``: ``ana:clusterNumber``, ``ana:size``,
  ``prov:wasGeneratedBy`` the run;
- each node's scores, as statements on the node's own IRI (in this graph
  only): ``ana:cluster`` (its cluster; membership is read from these),
  ``ana:degree``, ``ana:weightedDegree``, ``ana:betweenness``,
  ``ana:participation``, ``ana:clustersReached`` and ``ana:bridges``, each
  written only where it differs from its default (:data:`SCORE_DEFAULTS`: a
  missing ``ana:betweenness`` reads as 0, a missing ``ana:weightedDegree`` as
  the node's degree). Less than half the statements of a node of its own
  with every score and member lists (624 thousand against 1.4 million at 5M triples).

The run's and the clusters' IRIs are minted from the base IRI and the level, so
runs overwrite each other statement by statement.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from typing import Any

import pyoxigraph as ox

from edukg.analysis.derived import collector_paused
from edukg.analysis.run import RESULTS_LOADER, Analysis
from edukg.core.version import __version__
from edukg.graph.sources import SourceChange, SourceData
from edukg.graph.statement_lines import SortedLines, double_text
from edukg.ontology.namespace import ANALYSIS_IRI, PREFIXES, agent_iri

ANA = ANALYSIS_IRI
PROV = PREFIXES["prov"]
XSD = PREFIXES["xsd"]
RDF_TYPE = PREFIXES["rdf"] + "type"
RDFS_LABEL = PREFIXES["rdfs"] + "label"
LOADER = RESULTS_LOADER


SCORE_DEFAULTS: dict[str, int | float | str] = {
    "degree": 0,
    "weightedDegree": "degree",
    "betweenness": 0.0,
    "participation": 0.0,
    "clustersReached": 1,
    "bridges": 0,
}
"""A node's value of each score where the results hold none: a number, or the score it equals."""


def node_scores(stated: dict[str, float]) -> dict[str, float]:
    """A node's scores, from those the results state of it (by local name) and the defaults.

    >>> node_scores({"degree": 3, "betweenness": 0.25})
    {'degree': 3, 'weightedDegree': 3, 'betweenness': 0.25, 'participation': 0.0, \
'clustersReached': 1, 'bridges': 0}
    """
    scores: dict[str, float] = {}
    for name, default in SCORE_DEFAULTS.items():
        if name in stated:
            scores[name] = stated[name]
        else:
            scores[name] = scores[default] if isinstance(default, str) else default
    return scores


def source_name(level: str) -> str:
    """The store source that holds a level's latest results.

    >>> source_name("country")
    'analysis-country'
    """
    return f"analysis-{level}"


def run_iri(base_iri: str, level: str) -> ox.NamedNode:
    """The IRI of the latest run at ``level``."""
    return ox.NamedNode(f"{base_iri}analysis/{level}/run")


def _iri(text: str) -> str:
    return f"<{text}>"


def _literal(text: str, datatype: str | None = None, *, language: str | None = None) -> str:
    if datatype is not None:
        return f'"{text}"^^<{XSD}{datatype}>'
    if language is not None:
        return f'"{text}"@{language}'
    return f'"{text}"'


def _integer(value: int) -> str:
    return f'"{int(value)}"^^<{XSD}integer>'


def _double(value: float) -> str:
    return f'"{double_text(value)}"^^<{XSD}double>'


def result_ntriples(analysis: Analysis, *, base_iri: str, source_graphs: list[str]) -> bytes:
    """The statements that describe one analysis run and what it found, as sorted N-Triples.

    Written as text (a line per statement, in the form the store dumps them):
    a quarter of a million statements at a million triples of data, where
    building pyoxigraph terms for each took seconds. The IRIs come from the
    store (nodes, graphs, the base IRI), so they need no escaping; every
    literal is a number, a date or a fixed word.
    """
    level = analysis.level
    run = _iri(f"{base_iri}analysis/{level}/run")
    communities = analysis.communities
    ana = {
        name: _iri(ANA + name)
        for name in (
            "AnalysisRun", "Cluster", "level", "algorithm", "seed", "resolution",
            "includesEvents", "modularity", "betweennessMethod", "betweennessSamples",
            "nodeCount", "edgeCount", "since", "until", "activeOn", "clusterNumber", "size",
            "cluster", *SCORE_DEFAULTS,
        )
    }  # fmt: skip
    a, label = _iri(RDF_TYPE), _iri(RDFS_LABEL)
    generated_by = _iri(PROV + "wasGeneratedBy")
    title = f"edukg {level} network analysis ({communities.algorithm})"
    lines = [
        f"{run} {a} {_iri(PROV + 'Activity')} .",
        f"{run} {a} {ana['AnalysisRun']} .",
        f"{run} {label} {_literal(title, language='en')} .",
        f"{run} {ana['level']} {_literal(level)} .",
        f"{run} {ana['algorithm']} {_literal(communities.algorithm)} .",
        f"{run} {ana['seed']} {_integer(communities.seed)} .",
        f"{run} {ana['resolution']} {_double(communities.resolution)} .",
        f"{run} {ana['includesEvents']} {_literal(str(analysis.events).lower(), 'boolean')} .",
        f"{run} {ana['modularity']} {_double(communities.modularity)} .",
        f"{run} {ana['betweennessMethod']} {_literal(analysis.centrality.method)} .",
        f"{run} {ana['nodeCount']} {_integer(analysis.network.number_of_nodes())} .",
        f"{run} {ana['edgeCount']} {_integer(analysis.network.number_of_edges())} .",
        f"{run} {_iri(PROV + 'startedAtTime')} {date_time_text(analysis.started)} .",
        f"{run} {_iri(PROV + 'endedAtTime')} {date_time_text(analysis.ended)} .",
        f"{run} {_iri(PROV + 'wasAssociatedWith')} {_iri(agent_iri(LOADER, __version__))} .",
    ]
    if analysis.centrality.samples is not None:
        lines.append(f"{run} {ana['betweennessSamples']} {_integer(analysis.centrality.samples)} .")
    for name, value in (
        ("since", analysis.window.since),
        ("until", analysis.window.until),
        ("activeOn", analysis.window.active_on),
    ):
        if value is not None:
            lines.append(f"{run} {ana[name]} {_literal(value.isoformat(), 'date')} .")
    used = _iri(PROV + "used")
    lines += [f"{run} {used} {_iri(graph)} ." for graph in source_graphs]
    groups = communities.clusters
    clusters = [
        _iri(f"{base_iri}analysis/{level}/cluster/{number}") for number in range(len(groups))
    ]
    for number, members in enumerate(groups):
        cluster = clusters[number]
        lines += [
            f"{cluster} {a} {ana['Cluster']} .",
            f"{cluster} {label} {_literal(f'{level} cluster {number}', language='en')} .",
            f"{cluster} {ana['clusterNumber']} {_integer(number)} .",
            f"{cluster} {ana['size']} {_integer(len(members))} .",
            f"{cluster} {generated_by} {run} .",
        ]
    lines += _score_lines(analysis, ana, clusters)
    lines.sort()  # code point order is UTF-8 byte order: the store's sorts find them sorted
    return ("\n".join(lines) + "\n").encode("utf-8")


def _score_lines(analysis: Analysis, ana: dict[str, str], clusters: list[str]) -> list[str]:
    """Each node's cluster and its scores that differ from their defaults, on the node's IRI."""
    reached = {broker.node: broker.clusters_reached for broker in analysis.brokers}
    cluster, degree, weighted = ana["cluster"], ana["degree"], ana["weightedDegree"]
    betweenness, participation = ana["betweenness"], ana["participation"]
    bridges, clusters_reached = ana["bridges"], ana["clustersReached"]
    doubles: dict[float | str, str] = {}  # most scores repeat (small weights): written once

    def double(value: float) -> str:
        key = value if value else repr(value)  # 0.0 and -0.0 are equal keys, not equal texts
        found = doubles.get(key)
        if found is None:
            found = doubles[key] = _double(value)
        return found

    lines: list[str] = []
    append = lines.append
    for node, data in analysis.network.nodes(data=True):
        subject = f"<{node}>"
        if data.get("cluster") is not None:
            append(f"{subject} {cluster} {clusters[data['cluster']]} .")
        count = data["degree"]
        if count:
            append(f"{subject} {degree} {_integer(count)} .")
        if data["weighted_degree"] != count:
            append(f"{subject} {weighted} {double(data['weighted_degree'])} .")
        if data["centrality"]:
            append(f"{subject} {betweenness} {double(data['centrality'])} .")
        if data.get("participation", 0.0):
            append(f"{subject} {participation} {double(data['participation'])} .")
        if data.get("bridges", 0):
            append(f"{subject} {bridges} {_integer(data['bridges'])} .")
        if reached.get(node, 1) != 1:
            append(f"{subject} {clusters_reached} {_integer(reached[node])} .")
    return lines


def date_time_text(moment: dt.datetime) -> str:
    """An aware datetime as the store writes it back (no trailing zeros, UTC as ``Z``).

    >>> date_time_text(dt.datetime(2026, 12, 2, 13, 45, 0, 120000, tzinfo=dt.UTC))
    '"2026-12-02T13:45:00.12Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>'
    """
    text = moment.isoformat()
    zone = ""
    if text.endswith("+00:00"):
        text, zone = text[:-6], "Z"
    elif len(text) > 19 and text[-6] in "+-":
        text, zone = text[:-6], text[-6:]
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return _literal(text + zone, "dateTime")


def result_triples(
    analysis: Analysis, *, base_iri: str, source_graphs: list[str]
) -> list[ox.Triple]:
    """The statements of :func:`result_ntriples` as pyoxigraph triples."""
    text = result_ntriples(analysis, base_iri=base_iri, source_graphs=source_graphs)
    return [
        ox.Triple(quad.subject, quad.predicate, quad.object)
        for quad in ox.parse(text, format=ox.RdfFormat.N_TRIPLES)
    ]


DOUBLES_AS_STORED = 1e9
"""Doubles up to this size (and infinities, NaN) are written as the store writes them:
``tests/analysis/test_results.py`` checks :func:`double_text` against the store there."""


def _doubles_as_tested(analysis: Analysis) -> bool:
    """True when every double of the results is one whose text is checked by the tests;
    the results' other typed literals (integers, dates, booleans) always are.

    >>> import networkx as nx
    >>> from types import SimpleNamespace as Run
    >>> nodes = {"a": {"weighted_degree": 2.0, "centrality": 0.5, "participation": 0.0}}
    >>> network = nx.Graph()
    >>> network.add_nodes_from(nodes.items())
    >>> run = Run(network=network, communities=Run(resolution=1.0, modularity=0.3))
    >>> _doubles_as_tested(run)
    True
    >>> network.nodes["a"]["weighted_degree"] = 2e10
    >>> _doubles_as_tested(run)
    False
    """
    values = [analysis.communities.resolution, analysis.communities.modularity]
    for _, data in analysis.network.nodes(data=True):
        values += (data["weighted_degree"], data["centrality"], data.get("participation", 0.0))
    return not any(DOUBLES_AS_STORED < abs(value) < math.inf for value in values)


def write_results(kg: Any, analysis: Analysis) -> SourceChange:
    """Write a run's results into the store, replacing the level's previous results."""
    graphs = [info.graph for info in kg.sources() if info.name in analysis.sources]
    with collector_paused():  # a line per statement, no cycles: nothing for it to find
        ntriples = result_ntriples(analysis, base_iri=kg.base_iri, source_graphs=sorted(graphs))
    lines = SortedLines(ntriples)
    lines.as_stored = _doubles_as_tested(analysis)  # else the store checks every literal
    del ntriples
    data = SourceData(
        name=source_name(analysis.level),
        sha256=hashlib.sha256(lines).hexdigest(),  # sorted: its statements' digest
        loader=LOADER,
        chunks=[lines],  # sorted and compared as text by the store: no staging store
    )
    (change,) = kg.write_sources([data])
    return change
