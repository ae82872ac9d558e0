"""Benchmark (not a test): how far sampled betweenness moves with the number of pivots.

Builds the institution network of a store, computes a reference estimate from
many pivots, then estimates from fewer pivots with two seeds each, and prints
their time and how they agree with the reference: how many of the reference's
top 10, 50 and 100 nodes they also rank there, and the median relative
difference on the reference's top 100 (the reference is an estimate too, so
its own top nodes are flattered by its noise).

    .venv/bin/python -m bench.betweenness_quality --store DIR [--reference 1500]
                                                  [--pivots 100,130,250,500]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from edukg.analysis.centrality import betweenness_scores, sample_size
from edukg.analysis.igraph_view import igraph_view
from edukg.analysis.networks import partnership_network
from edukg.graph.store import KnowledgeGraph

TOPS = (10, 50, 100)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--reference", type=int, default=1500, help="pivots of the reference")
    parser.add_argument("--pivots", default="100,130,250,500", help="pivot counts to compare")
    options = parser.parse_args()
    with KnowledgeGraph.open(options.store, read_only=True) as kg:
        network = partnership_network(kg)
    nodes, links = network.number_of_nodes(), network.number_of_edges()
    print(f"{nodes:,} nodes, {links:,} links; the budget gives {sample_size(nodes, links)} pivots")
    view = igraph_view(network, weight=None)
    order = list(network)
    started = time.process_time()
    reference = betweenness_scores(network, samples=options.reference, seed=123, view=view)
    print(f"reference: {options.reference} pivots, {time.process_time() - started:.1f} s CPU")
    truth = np.array([reference[node] for node in order])
    ranked = np.argsort(-truth)
    for pivots in (int(text) for text in options.pivots.split(",")):
        for seed in (0, 1):
            started = time.process_time()
            found = betweenness_scores(network, samples=pivots, seed=seed, view=view)
            seconds = time.process_time() - started
            estimate = np.array([found[node] for node in order])
            mine = np.argsort(-estimate)
            shared = [len(set(mine[:top]) & set(ranked[:top])) for top in TOPS]
            best = ranked[:100]
            difference = np.median(np.abs(estimate[best] - truth[best]) / truth[best])
            print(
                f"{pivots} pivots, seed {seed}: {seconds:.1f} s CPU; top 10/50/100 shared "
                f"{shared[0]}/{shared[1]}/{shared[2]}; median difference on the top 100 "
                f"{difference:.2f}"
            )


if __name__ == "__main__":
    main()
