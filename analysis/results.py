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
  ``ana:member`` (each node's IRI), ``prov:wasGeneratedBy`` the run;
- each node's scores, ``a ana:NodeScore``: ``ana:node``, ``ana:cluster``,
  ``ana:degree``, ``ana:weightedDegree``, ``ana:betweenness``,
  ``ana:participation``, ``ana:clustersReached``, ``ana:bridges``,
  ``prov:wasGeneratedBy`` the run.

IRIs are minted from the base IRI, the level and the node, so runs overwrite
each other statement by statement.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import Any

import pyoxigraph as ox

from edukg.analysis.run import RESULTS_LOADER, Analysis
from edukg.core.version import __version__
from edukg.graph.sources import SourceChange, SourceData, statements_digest
from edukg.graph.terms import dumped
from edukg.ontology.namespace import ANALYSIS_IRI, PREFIXES, agent_iri

ANA = ANALYSIS_IRI
PROV = PREFIXES["prov"]
XSD = PREFIXES["xsd"]
RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
RDFS_LABEL = ox.NamedNode(PREFIXES["rdfs"] + "label")
LOADER = RESULTS_LOADER


def source_name(level: str) -> str:
    """The store source that holds a level's latest results.

    >>> source_name("country")
    'analysis-country'
    """
    return f"analysis-{level}"


@cache
def _ana(name: str) -> ox.NamedNode:
    return ox.NamedNode(ANA + name)  # a quarter million times per run: made once each


def _typed(value: Any, datatype: str) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + datatype))


def _double(value: float) -> ox.Literal:
    return _typed(repr(float(value)), "double")


def run_iri(base_iri: str, level: str) -> ox.NamedNode:
    """The IRI of the latest run at ``level``."""
    return ox.NamedNode(f"{base_iri}analysis/{level}/run")


def result_triples(
    analysis: Analysis, *, base_iri: str, source_graphs: list[str]
) -> list[ox.Triple]:
    """The statements that describe one analysis run and what it found."""
    level = analysis.level
    run = run_iri(base_iri, level)
    communities = analysis.communities
    triples: list[tuple[Any, Any, Any]] = [
        (run, RDF_TYPE, ox.NamedNode(PROV + "Activity")),
        (run, RDF_TYPE, _ana("AnalysisRun")),
        (
            run,
            RDFS_LABEL,
            ox.Literal(f"edukg {level} network analysis ({communities.algorithm})", language="en"),
        ),
        (run, _ana("level"), ox.Literal(level)),
        (run, _ana("algorithm"), ox.Literal(communities.algorithm)),
        (run, _ana("seed"), _typed(communities.seed, "integer")),
        (run, _ana("resolution"), _double(communities.resolution)),
        (run, _ana("includesEvents"), _typed(str(analysis.events).lower(), "boolean")),
        (run, _ana("modularity"), _double(communities.modularity)),
        (run, _ana("betweennessMethod"), ox.Literal(analysis.centrality.method)),
        (run, _ana("nodeCount"), _typed(analysis.network.number_of_nodes(), "integer")),
        (run, _ana("edgeCount"), _typed(analysis.network.number_of_edges(), "integer")),
        (
            run,
            ox.NamedNode(PROV + "startedAtTime"),
            _typed(analysis.started.isoformat(), "dateTime"),
        ),
        (run, ox.NamedNode(PROV + "endedAtTime"), _typed(analysis.ended.isoformat(), "dateTime")),
        (
            run,
            ox.NamedNode(PROV + "wasAssociatedWith"),
            ox.NamedNode(agent_iri(LOADER, __version__)),
        ),
    ]
    if analysis.centrality.samples is not None:
        triples.append(
            (run, _ana("betweennessSamples"), _typed(analysis.centrality.samples, "integer"))
        )
    for name, value in (
        ("since", analysis.window.since),
        ("until", analysis.window.until),
        ("activeOn", analysis.window.active_on),
    ):
        if value is not None:
            triples.append((run, _ana(name), _typed(value.isoformat(), "date")))
    for graph in source_graphs:
        triples.append((run, ox.NamedNode(PROV + "used"), ox.NamedNode(graph)))
    clusters = [
        ox.NamedNode(f"{base_iri}analysis/{level}/cluster/{number}")
        for number in range(len(communities.clusters))
    ]
    for number, members in enumerate(communities.clusters):
        cluster = clusters[number]
        triples += [
            (cluster, RDF_TYPE, _ana("Cluster")),
            (cluster, RDFS_LABEL, ox.Literal(f"{level} cluster {number}", language="en")),
            (cluster, _ana("clusterNumber"), _typed(number, "integer")),
            (cluster, _ana("size"), _typed(len(members), "integer")),
            (cluster, ox.NamedNode(PROV + "wasGeneratedBy"), run),
        ]
        triples += [(cluster, _ana("member"), ox.NamedNode(str(member))) for member in members]
    brokers = {broker.node: broker for broker in analysis.brokers}
    network = analysis.network
    for node, data in sorted(network.nodes(data=True)):
        key = hashlib.sha256(str(node).encode("utf-8")).hexdigest()[:16]
        score = ox.NamedNode(f"{base_iri}analysis/{level}/node/{key}")
        broker = brokers.get(node)
        triples += [
            (score, RDF_TYPE, _ana("NodeScore")),
            (score, _ana("node"), ox.NamedNode(str(node))),
            (score, _ana("degree"), _typed(data["degree"], "integer")),
            (score, _ana("weightedDegree"), _double(data["weighted_degree"])),
            (score, _ana("betweenness"), _double(data["centrality"])),
            (score, _ana("participation"), _double(data.get("participation", 0.0))),
            (score, _ana("bridges"), _typed(data.get("bridges", 0), "integer")),
            (
                score,
                _ana("clustersReached"),
                _typed(broker.clusters_reached if broker else 1, "integer"),
            ),
            (score, ox.NamedNode(PROV + "wasGeneratedBy"), run),
        ]
        if data.get("cluster") is not None:
            triples.append((score, _ana("cluster"), clusters[data["cluster"]]))
    return [ox.Triple(s, p, o) for s, p, o in triples]


def write_results(kg: Any, analysis: Analysis) -> SourceChange:
    """Write a run's results into the store, replacing the level's previous results."""
    graphs = [info.graph for info in kg.sources() if info.name in analysis.sources]
    triples = result_triples(analysis, base_iri=kg.base_iri, source_graphs=sorted(graphs))
    ntriples = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    staged = ox.Store()  # parsed back in Rust: 4x faster than adding the Python triples
    staged.load(ntriples, ox.RdfFormat.N_TRIPLES)
    data = SourceData(
        name=source_name(analysis.level),
        sha256=statements_digest(dumped(ntriples)),
        loader=LOADER,
        staged=staged,
    )
    (change,) = kg.write_sources([data])
    return change
