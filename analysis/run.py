"""One analysis run: build a network, find clusters, score nodes, pick brokers.

>>> from edukg.graph.store import KnowledgeGraph
>>> with KnowledgeGraph.in_memory() as kg:
...     result = analyze(kg, level="country", seed=1)
>>> result.network.number_of_nodes(), result.communities.algorithm
(0, 'louvain')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from edukg.analysis.brokers import Broker, broker_scores, find_brokers
from edukg.analysis.centrality import EXACT_BETWEENNESS_LIMIT, CentralityReport, centrality_aside
from edukg.analysis.communities import Communities, detect_communities
from edukg.analysis.derived import RESULTS_LOADER, collector_paused
from edukg.analysis.igraph_view import igraph_view
from edukg.analysis.networks import Window, partnership_network


@dataclass
class Analysis:
    """What one run found, and with which settings."""

    level: str
    window: Window
    network: nx.Graph
    communities: Communities
    centrality: CentralityReport
    brokers: list[Broker]
    events: bool
    started: dt.datetime
    ended: dt.datetime
    sources: list[str] = field(default_factory=list)


def analyze(
    kg: Any,
    *,
    level: str = "institution",
    window: Window | None = None,
    algorithm: str = "louvain",
    seed: int = 0,
    resolution: float = 1.0,
    events: bool = True,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    lang: str = "ru",
    details: bool = True,
    names: bool = True,
) -> Analysis:
    """Build the partnership network at ``level`` and analyse it (nothing is written).

    Write the result into the store with :func:`edukg.analysis.results.write_results`.
    ``details=False`` builds the network without what only pages and exports read
    (see :func:`~edukg.analysis.networks.partnership_network`): enough for the results;
    ``names=False`` besides without the nodes' labels, kinds and regions, which the
    results do not hold either (:func:`~edukg.analysis.networks.label_nodes` reads a few).
    """
    window = window or Window()
    started = dt.datetime.now(dt.UTC)
    with collector_paused():  # the steps make millions of objects and no cycles
        return _analyze(
            kg,
            level=level,
            window=window,
            algorithm=algorithm,
            seed=seed,
            resolution=resolution,
            events=events,
            exact_limit=exact_limit,
            lang=lang,
            details=details,
            names=names,
            started=started,
        )


def _analyze(
    kg: Any,
    *,
    level: str,
    window: Window,
    algorithm: str,
    seed: int,
    resolution: float,
    events: bool,
    exact_limit: int,
    lang: str,
    details: bool,
    names: bool,
    started: dt.datetime,
) -> Analysis:
    network = partnership_network(
        kg, level=level, window=window, events=events, lang=lang, details=details, names=names
    )
    # one igraph copy for every step, made from the edge list the network was built from
    view = igraph_view(network, as_built=True)
    # betweenness in a child process beside Louvain and the brokers' other scores (the
    # network is built with its degrees)
    with centrality_aside(network, seed=seed, exact_limit=exact_limit, view=view) as finish:
        communities = detect_communities(
            network, algorithm=algorithm, seed=seed, resolution=resolution, view=view
        )
        scores = broker_scores(network, communities.membership, view=view)
        centrality = finish()
    brokers = find_brokers(network, communities.membership, top=None, view=view, scores=scores)
    return Analysis(
        level=level,
        window=window,
        network=network,
        communities=communities,
        centrality=centrality,
        brokers=brokers,
        events=events,
        started=started,
        ended=dt.datetime.now(dt.UTC),
        sources=[info.name for info in kg.sources() if info.loader != RESULTS_LOADER],
    )
