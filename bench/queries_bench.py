"""Benchmark: every catalogue query on ~1M triples of synthetic cooperation data.

Builds a seeded, synthetic register (institutions, agreements with qualified
parties, events) following the edukg data model, writes it as N-Triples,
bulk-loads it with pyoxigraph into an on-disk store, and times each catalogue
query (median of repeats). Also guards against the FILTER NOT EXISTS
regression: the dormant-agreements selection written with NOT EXISTS next to
the MINUS form the catalogue uses.

Run:  python bench/queries_bench.py [--triples 1000000] [--repeats 5] [--json out.json]

Target: under 1 s median for every catalogue query at 1M triples. A benchmark,
not a test: it prints numbers and exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from edukg.errors import QueryError
from edukg.graph.store import KnowledgeGraph
from edukg.queries.catalogue import load_catalogue
from edukg.queries.runner import run_query, run_sparql

sys.path.insert(0, str(Path(__file__).parent))
from generator import AGREEMENT_KINDS, AREAS, INSTITUTION_KINDS  # noqa: E402 (beside this script)

BASE = "https://edukg.example/id/"
EDUKG = "https://w3id.org/edukg/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
CONCEPT = "https://w3id.org/edukg/concept/"
COUNTRIES = [
    "BY",
    "RU",
    "KZ",
    "TJ",
    "UZ",
    "KG",
    "AM",
    "AZ",
    "CN",
    "VN",
    "IN",
    "TR",
    "RS",
    "LV",
    "LT",
    "PL",
    "DE",
    "FR",
    "IT",
    "ES",
    "MN",
    "IR",
    "EG",
    "CU",
    "VE",
    "BR",
    "AE",
    "SY",
    "GE",
    "MD",
]
EVENT_KINDS = [
    "delegation_visit",
    "seminar",
    "round_table",
    "conference",
    "webinar",
    "workshop",
    "competition",
    "exchange_visit",
]
ROLES = ["party", "coordinator", "participant", "partner"]
WORDS = [
    "Минский",
    "Гродненский",
    "Брестский",
    "Витебский",
    "Гомельский",
    "Могилёвский",
    "Пинский",
    "Лидский",
    "Полоцкий",
    "Бобруйский",
    "Казанский",
    "Смоленский",
    "Псковский",
    "Алматинский",
    "Ташкентский",
]


def iri(value: str) -> str:
    return f"<{value}>"


def literal(value: str, *, lang: str | None = None, datatype: str | None = None) -> str:
    term = (
        ox.Literal(value, language=lang)
        if lang
        else (
            ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))
            if datatype
            else ox.Literal(value)
        )
    )
    return str(term)


def partial_date(rng: random.Random, year: int) -> str:
    """A date, year-month or year literal, as registers give them."""
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    roll = rng.random()
    if roll < 0.8:
        return literal(f"{year:04d}-{month:02d}-{day:02d}", datatype="date")
    if roll < 0.9:
        return literal(f"{year:04d}-{month:02d}", datatype="gYearMonth")
    return literal(f"{year:04d}", datatype="gYear")


def generate(path: Path, *, triples: int, seed: int = 7) -> dict[str, int]:
    """Write synthetic N-Triples to ``path``; sizes scale with ``triples`` (about 1 per requested triple)."""
    rng = random.Random(seed)
    scale = triples / 1_000_000
    n_regions = max(10, int(440 * scale))
    n_institutions = max(50, int(29_000 * scale))
    n_agreements = max(50, int(28_000 * scale))
    n_events = max(50, int(29_000 * scale))
    written = 0
    with path.open("w", encoding="utf-8") as out:

        def emit(s: str, p: str, o: str) -> None:
            nonlocal written
            out.write(f"{s} {iri(p)} {o} .\n")
            written += 1

        region_country = {}
        for r in range(n_regions):
            region = iri(f"{BASE}region/r{r}")
            code = COUNTRIES[r % len(COUNTRIES)] if r >= len(COUNTRIES) else COUNTRIES[r]
            region_country[r] = code
            emit(region, RDF_TYPE, iri(SCHEMA + "AdministrativeArea"))
            emit(region, SKOS + "prefLabel", literal(f"{rng.choice(WORDS)} регион {r}", lang="ru"))
            emit(region, SKOS + "prefLabel", literal(f"Region {r}", lang="en"))
            emit(region, SCHEMA + "containedInPlace", iri(f"https://w3id.org/edukg/country/{code}"))
        institution_country = []
        for i in range(n_institutions):
            inst = iri(f"{BASE}institution/i{i}")
            # about half of all institutions are Belarusian: the home side of most registers
            r = (
                rng.randrange(n_regions)
                if rng.random() < 0.5
                else rng.randrange(0, n_regions, len(COUNTRIES))
            )
            code = region_country[r]
            institution_country.append(code)
            emit(inst, RDF_TYPE, iri(EDUKG + "Institution"))
            emit(inst, RDF_TYPE, iri(SCHEMA + "EducationalOrganization"))
            emit(
                inst,
                SKOS + "prefLabel",
                literal(f"{rng.choice(WORDS)} учреждение образования № {i}", lang="ru"),
            )
            if rng.random() < 0.6:
                emit(inst, SKOS + "prefLabel", literal(f"Institution {i}", lang="en"))
            if rng.random() < 0.2:
                emit(inst, SKOS + "prefLabel", literal(f"Установа адукацыі № {i}", lang="be"))
            emit(inst, DCT + "identifier", literal(f"I-{i:06d}"))
            emit(
                inst,
                EDUKG + "kind",
                iri(f"{CONCEPT}institution-kind/{rng.choice(INSTITUTION_KINDS)}"),
            )
            emit(inst, EDUKG + "country", iri(f"https://w3id.org/edukg/country/{code}"))
            emit(inst, EDUKG + "region", iri(f"{BASE}region/r{r}"))
            emit(inst, SCHEMA + "addressLocality", literal(f"Город {r}", lang="ru"))
        agreement_parties = []
        for a in range(n_agreements):
            agreement = iri(f"{BASE}agreement/a{a}")
            year = rng.randint(2015, 2026)
            parties = rng.sample(range(n_institutions), rng.choice([2, 2, 2, 3, 4]))
            agreement_parties.append(parties)
            emit(agreement, RDF_TYPE, iri(EDUKG + "CooperationAgreement"))
            emit(agreement, DCT + "identifier", literal(f"A-{a:06d}"))
            emit(
                agreement,
                SKOS + "prefLabel",
                literal(f"Соглашение о сотрудничестве № {a}", lang="ru"),
            )
            if rng.random() < 0.5:
                emit(
                    agreement, SKOS + "prefLabel", literal(f"Cooperation agreement {a}", lang="en")
                )
            emit(
                agreement,
                EDUKG + "kind",
                iri(f"{CONCEPT}agreement-kind/{rng.choice(AGREEMENT_KINDS)}"),
            )
            for area in rng.sample(AREAS, rng.randint(1, 2)):
                emit(agreement, EDUKG + "area", iri(f"{CONCEPT}cooperation-area/{area}"))
            emit(agreement, EDUKG + "signedOn", partial_date(rng, year))
            if rng.random() < 0.3:
                emit(agreement, SCHEMA + "validFrom", partial_date(rng, year))
            if rng.random() < 0.7:
                emit(
                    agreement, SCHEMA + "validThrough", partial_date(rng, year + rng.randint(1, 5))
                )
            for number, party in enumerate(parties, start=1):
                emit(agreement, EDUKG + "hasParty", iri(f"{BASE}institution/i{party}"))
                if rng.random() < 0.5:
                    qualified = iri(f"{BASE}agreement/a{a}/party/{number}")
                    emit(agreement, EDUKG + "qualifiedParty", qualified)
                    emit(qualified, RDF_TYPE, iri(EDUKG + "AgreementParty"))
                    emit(qualified, EDUKG + "agreement", agreement)
                    emit(qualified, ORG + "member", iri(f"{BASE}institution/i{party}"))
                    emit(qualified, ORG + "role", iri(f"{CONCEPT}party-role/{rng.choice(ROLES)}"))
        for e in range(n_events):
            event = iri(f"{BASE}event/e{e}")
            year = rng.randint(2015, 2026)
            emit(event, RDF_TYPE, iri(EDUKG + "CooperationEvent"))
            emit(event, SKOS + "prefLabel", literal(f"Мероприятие № {e}", lang="ru"))
            emit(event, EDUKG + "kind", iri(f"{CONCEPT}event-kind/{rng.choice(EVENT_KINDS)}"))
            emit(event, SCHEMA + "startDate", partial_date(rng, year))
            if rng.random() < 0.4:
                emit(event, SCHEMA + "endDate", partial_date(rng, year))
            if rng.random() < 0.6:
                a = rng.randrange(n_agreements)
                people = agreement_parties[a]
                emit(event, EDUKG + "implements", iri(f"{BASE}agreement/a{a}"))
            else:
                people = rng.sample(range(n_institutions), rng.randint(2, 4))
            emit(event, SCHEMA + "organizer", iri(f"{BASE}institution/i{people[0]}"))
            for attendee in people[1:]:
                emit(event, SCHEMA + "attendee", iri(f"{BASE}institution/i{attendee}"))
            emit(
                event,
                EDUKG + "country",
                iri(f"https://w3id.org/edukg/country/{institution_country[people[0]]}"),
            )
    return {
        "triples": written,
        "institutions": n_institutions,
        "agreements": n_agreements,
        "events": n_events,
    }


DORMANT_NOT_EXISTS = """
SELECT (COUNT(*) AS ?n) WHERE {
  ?agreement a edukg:CooperationAgreement .
  FILTER NOT EXISTS { ?event edukg:implements ?agreement }
}"""
DORMANT_MINUS = """
SELECT (COUNT(*) AS ?n) WHERE {
  ?agreement a edukg:CooperationAgreement .
  MINUS { ?event edukg:implements ?agreement }
}"""

CASES = [
    ("agreements", {}),
    ("agreements", {"year": "2024", "country": "RU"}),
    ("agreements", {"active_on": "2025-01-01", "region": "r3"}),
    ("partner-countries", {}),
    ("partner-countries", {"country": "BY", "year": "2024"}),
    ("partners", {"institution": "I-000042"}),
    ("institutions-without-partners", {}),
    ("expiring-agreements", {"on": "2025-06-01"}),
    ("events", {}),
    ("events", {"year": "2024", "type": "seminar"}),
    ("events-by-type", {}),
    ("cooperation-by-year", {}),
    ("dormant-agreements", {"on": "2025-06-01"}),
]


def median_seconds(action, repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--triples", type=int, default=1_000_000, help="about how many triples to generate"
    )
    parser.add_argument("--repeats", type=int, default=5, help="runs per query; the median counts")
    parser.add_argument(
        "--target", type=float, default=1.0, help="seconds a catalogue query may take (median)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()
    # The analysis floor's queries (network-*, clusters, brokers) are timed by bench/run.py.
    questions = {n for n in load_catalogue() if not n.startswith("network-")} - {"clusters", "brokers"}
    assert questions <= {name for name, _ in CASES}, "every catalogue query needs a bench case"

    with tempfile.TemporaryDirectory(prefix="edukg-bench-") as folder:
        data = Path(folder) / "synthetic.nt"
        started = time.perf_counter()
        sizes = generate(data, triples=args.triples, seed=args.seed)
        generated = time.perf_counter() - started
        with KnowledgeGraph.open(Path(folder) / "store") as kg:
            started = time.perf_counter()
            kg.oxigraph.bulk_load(
                path=str(data), format=ox.RdfFormat.N_TRIPLES, to_graph=kg.source_graph("synthetic")
            )
            loaded = time.perf_counter() - started
            total = len(kg.oxigraph)
            print(
                f"synthetic data: {sizes['triples']:,} triples ({sizes['institutions']:,} institutions, "
                f"{sizes['agreements']:,} agreements, {sizes['events']:,} events); store holds {total:,} quads"
            )
            print(f"generate {generated:.1f} s, bulk load {loaded:.1f} s\n")
            report: dict[str, object] = {
                "sizes": sizes,
                "store_quads": total,
                "queries": [],
                "guard": {},
            }
            missed = []
            print(f"{'query':<32} {'parameters':<36} {'median s':>9} {'rows':>7}")
            for name, params in CASES:
                run_query(kg, name, params)  # warm the caches once
                seconds, result = median_seconds(lambda n=name, p=params: run_query(kg, n, p), args.repeats)
                rows = len(result.rows)  # type: ignore[attr-defined]
                shown = " ".join(f"{k}={v}" for k, v in params.items()) or "-"
                flag = "" if seconds < args.target else "  <- over target"
                print(f"{name:<32} {shown:<36} {seconds:>9.3f} {rows:>7}{flag}")
                report["queries"].append(
                    {"query": name, "params": params, "median_s": seconds, "rows": rows}
                )  # type: ignore[union-attr]
                if seconds >= args.target:
                    missed.append(name)

            print("\nregression guard: agreements no event implements")
            minus_s, minus = median_seconds(lambda: run_sparql(kg, DORMANT_MINUS), args.repeats)
            try:
                started = time.perf_counter()
                not_exists = run_sparql(kg, DORMANT_NOT_EXISTS, timeout=60)
                not_exists_s: float | None = time.perf_counter() - started
                same = not_exists.rows == minus.rows  # type: ignore[attr-defined]
            except QueryError:
                not_exists_s, same = None, None
            print(f"  MINUS             {minus_s:.3f} s  ({minus.rows[0][0].value} agreements)")  # type: ignore[attr-defined]
            print(
                f"  FILTER NOT EXISTS {'> 60 s (stopped)' if not_exists_s is None else f'{not_exists_s:.3f} s'}"
                f"{'' if same is None else ('  same answer' if same else '  DIFFERENT answer')}"
            )
            report["guard"] = {
                "minus_s": minus_s,
                "not_exists_s": not_exists_s,
                "same_answer": same,
            }
            if minus_s >= args.target:
                missed.append("guard: MINUS")
    if args.json:
        args.json.write_text(
            json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    if missed:
        print(f"\nover the {args.target:g} s target: {', '.join(missed)}")
        return 1
    print(f"\nevery catalogue query under {args.target:g} s median")
    return 0


if __name__ == "__main__":
    sys.exit(main())
