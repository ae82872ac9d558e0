"""Benchmark (not a test): the network query end to end, from the store to a networkx graph.

Writes a synthetic register (institutions in countries and regions, bilateral and
multilateral agreements, events) into an in-memory store, then times
``partnership_network`` at each level: one SPARQL query plus building the graph.

    .venv/bin/python -m bench.analysis_store [--institutions 20000] [--agreements 50000]
                                             [--events 20000]
"""

from __future__ import annotations

import argparse
import random
import time

import pyoxigraph as ox

from edukg.analysis.networks import partnership_network
from edukg.graph.sources import SourceData
from edukg.graph.store import KnowledgeGraph

EDUKG = "https://w3id.org/edukg/ontology#"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
COUNTRIES = ["BY", "RU", "KZ", "TJ", "UZ", "AM", "KG", "CN", "RS", "MN"]


def register(institutions: int, agreements: int, events: int, *, seed: int) -> list[ox.Triple]:
    rng = random.Random(seed)
    base = "https://bench.example/id/"
    triples: list[tuple] = []

    def node(kind: str, key: int) -> ox.NamedNode:
        return ox.NamedNode(f"{base}{kind}/{key}")

    for i in range(institutions):
        inst = node("institution", i)
        country = COUNTRIES[i % len(COUNTRIES)]
        region = node("region", i % 200)
        triples += [
            (inst, RDF_TYPE, ox.NamedNode(EDUKG + "Institution")),
            (inst, ox.NamedNode(SKOS + "prefLabel"), ox.Literal(f"Учреждение {i}", language="ru")),
            (inst, ox.NamedNode(SKOS + "prefLabel"), ox.Literal(f"Institution {i}", language="en")),
            (
                inst,
                ox.NamedNode(EDUKG + "kind"),
                ox.NamedNode("https://w3id.org/edukg/concept/institution-kind/school"),
            ),
            (
                inst,
                ox.NamedNode(EDUKG + "country"),
                ox.NamedNode("https://w3id.org/edukg/country/" + country),
            ),
            (inst, ox.NamedNode(EDUKG + "region"), region),
        ]
    for r in range(200):
        triples.append(
            (
                node("region", r),
                ox.NamedNode(SKOS + "prefLabel"),
                ox.Literal(f"Область {r}", language="ru"),
            )
        )
    for a in range(agreements):
        agreement = node("agreement", a)
        parties = rng.sample(range(institutions), 2 if rng.random() < 0.9 else rng.randint(3, 6))
        year = rng.randint(2015, 2025)
        triples += [
            (agreement, RDF_TYPE, ox.NamedNode(EDUKG + "CooperationAgreement")),
            (agreement, ox.NamedNode("http://purl.org/dc/terms/identifier"), ox.Literal(f"a{a}")),
            (
                agreement,
                ox.NamedNode(SKOS + "prefLabel"),
                ox.Literal(f"Соглашение {a}", language="ru"),
            ),
            (
                agreement,
                ox.NamedNode(EDUKG + "signedOn"),
                ox.Literal(f"{year}-03-01", datatype=ox.NamedNode(XSD + "date")),
            ),
            (
                agreement,
                ox.NamedNode(EDUKG + "area"),
                ox.NamedNode("https://w3id.org/edukg/concept/cooperation-area/student_exchange"),
            ),
        ]
        triples += [
            (agreement, ox.NamedNode(EDUKG + "hasParty"), node("institution", p)) for p in parties
        ]
    for e in range(events):
        event = node("event", e)
        host, guest = rng.sample(range(institutions), 2)
        triples += [
            (event, RDF_TYPE, ox.NamedNode(EDUKG + "CooperationEvent")),
            (event, ox.NamedNode(SKOS + "prefLabel"), ox.Literal(f"Семинар {e}", language="ru")),
            (
                event,
                ox.NamedNode(SCHEMA + "startDate"),
                ox.Literal(
                    f"{rng.randint(2015, 2025)}-05", datatype=ox.NamedNode(XSD + "gYearMonth")
                ),
            ),
            (event, ox.NamedNode(SCHEMA + "organizer"), node("institution", host)),
            (event, ox.NamedNode(SCHEMA + "attendee"), node("institution", guest)),
        ]
    return [ox.Triple(*t) for t in triples]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--institutions", type=int, default=20_000)
    parser.add_argument("--agreements", type=int, default=50_000)
    parser.add_argument("--events", type=int, default=20_000)
    options = parser.parse_args()
    triples = register(options.institutions, options.agreements, options.events, seed=1)
    with KnowledgeGraph.in_memory() as kg:
        started = time.perf_counter()
        kg.write_sources([SourceData(name="bench", sha256="-", loader="bench", triples=triples)])
        print(f"store {len(triples):,} triples: {time.perf_counter() - started:.1f} s", flush=True)
        for level in ("institution", "country", "region"):
            started = time.perf_counter()
            network = partnership_network(kg, level=level)
            print(
                f"{level} network: {network.number_of_nodes():,} nodes, "
                f"{network.number_of_edges():,} edges in {time.perf_counter() - started:.1f} s",
                flush=True,
            )


if __name__ == "__main__":
    main()
