"""Seeded generator of realistic cooperation registers for the benchmarks.

Writes the register format (``institutions.csv``, ``agreements.csv``,
``events.csv``, as ``edukg load`` reads them) and, from the same files, the
N-Triples: the CSV is loaded with :func:`edukg.loaders.load_files` (in chunks,
see :func:`write_ntriples`) and its statements written out, so both forms hold
the same graph. :func:`prepare` adds an on-disk store of the N-Triples and a
manifest, so later runs reuse the folder instead of generating again.

Institutions of every kind sit in countries and regions; partners are drawn
mostly from the same region (partnerships cluster); about 10% of agreements
are multilateral with 3 to 5 parties; events have a host and participants.
Labels are Cyrillic (ru, be) and Latin.

The ``skewed`` profile (``--profile skewed``) is less friendly, as real
registers are: dates bunched in a few years (60% of agreements dated 2023),
many given as a month or a year, a fifth with only a start of validity (the
year rule of docs/years.md); a dozen very large institutions that are party
to a quarter of all agreements and host most events (thousands each at 5M
triples); a third of agreements multilateral, one in seven with 6 to 15
parties; events with up to 30 participants; few, large regions.

    python -m bench.generator --triples 1000000 --out bench-data/1M
    python -m bench.generator --triples 1000000 --profile skewed --out bench-data/1M-skewed

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     files = write_register(Path(folder), triples=500, seed=1)
...     sorted(p.name for p in files)
['agreements.csv', 'events.csv', 'institutions.csv']
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import random
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

COUNTRIES = ["BY", "RU", "KZ", "UZ", "KG", "TJ", "AM", "AZ", "CN", "VN", "RS", "PL", "DE", "TR"]
INSTITUTION_KINDS = [
    "school",
    "gymnasium",
    "lyceum",
    "college",
    "university",
    "institute_of_education_development",
    "education_authority",
    "preschool",
    "extracurricular",
]
AGREEMENT_KINDS = ["agreement", "memorandum", "roadmap", "contract", "programme"]
AREAS = [
    "professional_development",
    "methodological_support",
    "student_exchange",
    "teacher_exchange",
    "digital_education",
    "language_and_culture",
]
EVENT_KINDS = ["delegation_visit", "seminar", "round_table", "conference", "webinar", "workshop"]
CITIES_RU = ["Минск", "Гродно", "Брест", "Витебск", "Гомель", "Могилёв", "Казань", "Алматы"]
STEMS_RU = ["Минский", "Гродненский", "Брестский", "Витебский", "Гомельский", "Полоцкий"]
STEMS_BE = ["Мінскі", "Гродзенскі", "Брэсцкі", "Віцебскі", "Гомельскі", "Полацкі"]

# Triples per record, measured on the loaded graph; used to size a register for a target.
TRIPLES_PER_UNIT = 119
"""One unit is 3 institutions, 4 agreements and 1 event (measured, see :func:`counts`)."""
PROFILES = {"default": TRIPLES_PER_UNIT, "skewed": 158}
"""Each profile's triples per unit (measured): its agreements have more parties."""
HUBS = 12
"""Institutions ``inst-0`` to ``inst-11``: the skewed profile's very large institutions."""


@dataclass(frozen=True)
class Counts:
    institutions: int
    agreements: int
    events: int
    regions: int


def counts(triples: int, profile: str = "default") -> Counts:
    """Record counts for about ``triples`` triples once loaded."""
    units = max(4, round(triples / PROFILES[profile]))
    return Counts(
        institutions=3 * units,
        agreements=4 * units,
        events=units,
        regions=max(len(COUNTRIES), units // (40 if profile == "default" else 400)),
    )


def _date(rng: random.Random, year: int) -> str:
    roll = rng.random()
    if roll < 0.8:
        return f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{year}"
    if roll < 0.9:
        return f"{year}-{rng.randint(1, 12):02d}"
    return str(year)


def _skewed_year(rng: random.Random, first: int, last: int) -> int:
    """A year bunched as real registers bunch them: most in one or two years."""
    roll = rng.random()
    if roll < 0.6:
        return 2023
    if roll < 0.8:
        return 2024
    return rng.randint(first, last)


def _skewed_date(rng: random.Random, year: int) -> str:
    roll = rng.random()
    if roll < 0.55:
        return f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{year}"
    if roll < 0.8:
        return f"{year}-{rng.randint(1, 12):02d}"
    return str(year)


def _skewed_parties(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.65:
        return 2
    if roll < 0.86:
        return rng.randint(3, 5)
    return rng.randint(6, 15)


def _hub(rng: random.Random) -> int:
    """One of the very large institutions, the first ones far more often (Zipf-like)."""
    return min(int(HUBS * rng.random() ** 2), HUBS - 1)


def write_register(
    folder: Path, *, triples: int, seed: int = 7, profile: str = "default"
) -> list[Path]:
    """Write institutions.csv, agreements.csv and events.csv to ``folder``; their paths."""
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}: use one of {', '.join(PROFILES)}")
    skewed = profile == "skewed"
    rng = random.Random(seed)
    size = counts(triples, profile)
    folder.mkdir(parents=True, exist_ok=True)
    region_country = [COUNTRIES[r % len(COUNTRIES)] for r in range(size.regions)]
    by_region: list[list[int]] = [[] for _ in range(size.regions)]
    institution_region: list[int] = []
    institutions = folder / "institutions.csv"
    with institutions.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["id", "name_ru", "name_be", "name_en", "type", "country", "region", "city"]
        )
        for number in range(size.institutions):
            # about half of all institutions are Belarusian: the home side of most registers
            if rng.random() < 0.5:
                region = rng.randrange(0, size.regions, len(COUNTRIES))
            else:
                region = rng.randrange(size.regions)
            by_region[region].append(number)
            institution_region.append(region)
            stem = rng.randrange(len(STEMS_RU))
            writer.writerow(
                [
                    f"inst-{number}",
                    f"{STEMS_RU[stem]} учреждение образования № {number}",
                    f"{STEMS_BE[stem]} установа адукацыі № {number}" if rng.random() < 0.3 else "",
                    f"Institution {number}" if rng.random() < 0.6 else "",
                    rng.choice(INSTITUTION_KINDS),
                    region_country[region],
                    f"Регион {region}",
                    rng.choice(CITIES_RU),
                ]
            )

    def partners(first: int, many: int) -> list[int]:
        chosen = {first}
        local = by_region[institution_region[first]]
        while len(chosen) < many:
            pool = local if rng.random() < 0.7 and len(local) > many else None
            chosen.add(rng.choice(pool) if pool else rng.randrange(size.institutions))
        return sorted(chosen)

    agreements = folder / "agreements.csv"
    agreement_parties: list[list[int]] = []
    with agreements.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        header = ["id", "title", "parties", "signed", "valid_until", "type", "areas"]
        writer.writerow(header + ["valid_from"] if skewed else header)
        for number in range(size.agreements):
            if skewed:
                many = _skewed_parties(rng)
                first = _hub(rng) if rng.random() < 0.25 else rng.randrange(size.institutions)
                year = _skewed_year(rng, 2012, 2025)
            else:
                many = rng.randint(3, 5) if rng.random() < 0.1 else 2
                first = rng.randrange(size.institutions)
            parties = partners(first, many)
            agreement_parties.append(parties)
            if not skewed:
                year = rng.randint(2012, 2025)
            row = [
                f"agr-{number}",
                f"Соглашение о сотрудничестве № {number}"
                if rng.random() < 0.7
                else f"Cooperation agreement {number}",
                "; ".join(f"inst-{p}" for p in parties),
                _date(rng, year) if not skewed else _skewed_date(rng, year),
                str(year + rng.randint(1, 6)),
                rng.choice(AGREEMENT_KINDS),
                "; ".join(rng.sample(AREAS, rng.randint(1, 2))),
            ]
            if skewed:
                # a fifth give only the start of validity: the year rule's second case
                row.append(row[3] if rng.random() < 0.2 else "")
                if row[-1]:
                    row[3] = ""
            writer.writerow(row)
    events = folder / "events.csv"
    with events.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["id", "title", "type", "start", "host", "participants", "city", "country", "agreement"]
        )
        for number in range(size.events):
            agreement = rng.randrange(size.agreements)
            parties = agreement_parties[agreement]
            host = parties[0]
            guests = parties[1:]
            if skewed:
                host = _hub(rng) if rng.random() < 0.6 else host
                extra = rng.randint(0, 25) if rng.random() < 0.3 else 0
                guests = sorted(
                    {*guests, *(rng.randrange(size.institutions) for _ in range(extra))} - {host}
                )
                year = _skewed_year(rng, 2015, 2026)
            else:
                year = rng.randint(2015, 2026)
            writer.writerow(
                [
                    f"evt-{number}",
                    f"Круглы стол № {number}" if rng.random() < 0.2 else f"Семинар № {number}",
                    rng.choice(EVENT_KINDS),
                    f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    f"inst-{host}",
                    "; ".join(f"inst-{p}" for p in guests),
                    rng.choice(CITIES_RU),
                    COUNTRIES[institution_region[host] % len(COUNTRIES)],
                    f"agr-{agreement}",
                ]
            )
    return [institutions, agreements, events]


CHUNK_ROWS = 50_000
"""Rows of one CSV loaded at a time when making the N-Triples: bounds the loader's memory."""
MANIFEST = "generated.json"
"""Written last into a generated folder: what it holds, so a later run can reuse it."""


def write_ntriples(register: list[Path], path: Path) -> int:
    """Load the register CSV with edukg's loaders and write its triples as N-Triples; their count.

    The CSV is loaded ``CHUNK_ROWS`` rows at a time into an in-memory store (a later
    chunk finds the institutions and agreements of earlier ones there): the loader's
    working memory stays that of one chunk, and the store holds about 400 MB per
    million triples. Each chunk's graph is written with its lines sorted, so the same
    register gives the same file. No statement is in two chunks' graphs: a chunk refers
    to what earlier ones described (a region, a party) without describing it again.
    """
    from edukg.graph.store import KnowledgeGraph
    from edukg.loaders import load_files

    kg = KnowledgeGraph.in_memory()
    with tempfile.TemporaryDirectory(prefix="chunks-", dir=path.parent) as scratch:
        for part in _chunks(register, Path(scratch)):
            load_files(kg, [part])
            part.unlink()
        written = 0
        with path.open("wb") as output:
            for graph in kg.data_graphs():
                statements = kg.sorted_statements(graph)
                output.write(statements)
                written += statements.count(b"\n")
    return written


def _chunks(register: list[Path], folder: Path) -> Iterator[Path]:
    """Each CSV cut into files of ``CHUNK_ROWS`` rows with its header, written when needed."""
    for path in register:
        with path.open("rb") as handle:
            header = handle.readline()
            # the generator writes no line breaks inside fields: one line is one row
            for number, rows in enumerate(
                iter(lambda: list(itertools.islice(handle, CHUNK_ROWS)), [])
            ):
                part = folder / f"{path.stem}.part-{number:04d}{path.suffix}"
                part.write_bytes(header + b"".join(rows))
                yield part


def generate(
    folder: Path, *, triples: int, seed: int = 7, profile: str = "default"
) -> tuple[list[Path], Path, int]:
    """Register CSV and ``register.nt`` in ``folder``: (CSV paths, N-Triples path, triples)."""
    register = write_register(folder, triples=triples, seed=seed, profile=profile)
    ntriples = folder / "register.nt"
    return register, ntriples, write_ntriples(register, ntriples)


@dataclass(frozen=True)
class BenchData:
    """A data folder for the benchmarks: the register CSV, its N-Triples and a store of them."""

    folder: Path
    triples: int
    generate_seconds: float | None
    """How long generating took (``None`` for a folder made before manifests were written)."""
    reused: bool

    @property
    def register(self) -> list[Path]:
        return [self.folder / f"{name}.csv" for name in ("institutions", "agreements", "events")]

    @property
    def ntriples(self) -> Path:
        return self.folder / "register.nt"

    @property
    def store(self) -> Path:
        """An on-disk edukg store holding ``register.nt`` (loaded with ``load_files``)."""
        return self.folder / "store"


def prepare(folder: Path, *, triples: int, seed: int = 7, profile: str = "default") -> BenchData:
    """The benchmark data for ``triples`` in ``folder``: generated if it is empty, else reused.

    A folder filled here ends with a manifest (``generated.json``), written last; one
    whose manifest names another target or seed is refused, never overwritten. A folder
    with the register, ``register.nt`` and ``store/`` but no manifest (made before
    manifests were written) is reused as it is. Nothing is written into a reused folder.
    ``python -m bench.run --data DIR`` keeps each scale in ``DIR/<scale>`` this way.
    """
    manifest = folder / MANIFEST
    if manifest.exists():
        made = json.loads(manifest.read_text(encoding="utf-8"))
        made_profile = made.get("profile", "default")
        if (made["target"], made["seed"], made_profile) != (triples, seed, profile):
            raise SystemExit(
                f"{folder} holds data for {made['target']:,} triples (seed {made['seed']}, "
                f"profile {made_profile}), not {triples:,} (seed {seed}, profile {profile}): "
                "give another folder, or empty this one"
            )
        return BenchData(folder, made["triples"], made["generate_seconds"], reused=True)
    data = BenchData(folder, 0, None, reused=True)
    if all(path.exists() for path in [*data.register, data.ntriples, data.store / "CURRENT"]):
        with data.ntriples.open("rb") as lines:
            return BenchData(folder, sum(1 for _ in lines), None, reused=True)
    if folder.exists() and any(folder.iterdir()):
        raise SystemExit(
            f"{folder} is not empty and holds no complete generated data "
            f"(no {MANIFEST}): give an empty or new folder"
        )
    from edukg.graph.store import KnowledgeGraph
    from edukg.loaders import load_files

    started = time.perf_counter()
    _, ntriples, written = generate(folder, triples=triples, seed=seed, profile=profile)
    seconds = round(time.perf_counter() - started, 2)
    with KnowledgeGraph.open(data.store) as kg:
        load_files(kg, [ntriples])
    made = {
        "target": triples,
        "seed": seed,
        "profile": profile,
        "triples": written,
        "generate_seconds": seconds,
    }
    manifest.write_text(json.dumps(made, indent=2) + "\n", encoding="utf-8")
    return BenchData(folder, written, seconds, reused=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True, help="an empty or new folder")
    parser.add_argument(
        "--profile",
        choices=sorted(PROFILES),
        default="default",
        help="distributions: default, or skewed (bunched dates, very large institutions, "
        "many parties per agreement)",
    )
    options = parser.parse_args()
    data = prepare(options.out, triples=options.triples, seed=options.seed, profile=options.profile)
    print(
        f"{data.triples} triples in {data.ntriples}, the register CSV and a store beside it"
        + (" (reused)" if data.reused else f" ({data.generate_seconds} s)")
    )


if __name__ == "__main__":
    main()
