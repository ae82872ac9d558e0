"""Benchmark: load a register of 100,000 agreements into an on-disk store.

Not a test. Generates an institutions CSV and an agreements CSV (invented,
deterministic), then runs ``edukg load`` on both in a child process and
reports wall time, triples written and the child's peak memory (max RSS).
A second run re-imports the unchanged files.

    python bench/load_register.py                 # 100,000 agreements
    python bench/load_register.py --agreements 20000 --keep bench-data

Target (issue 3): under 30 s and under 2 GB on a 2-core machine.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COUNTRIES = ["BY", "RU", "KZ", "UZ", "KG", "TJ", "AM", "CN", "DE", "PL"]
KINDS = [
    "school",
    "gymnasium",
    "lyceum",
    "college",
    "university",
    "institute_of_education_development",
]
AREAS = [
    "professional_development",
    "methodological_support",
    "research",
    "student_exchange",
    "teacher_exchange",
    "digital_education",
    "language_and_culture",
]
AGREEMENT_KINDS = ["agreement", "memorandum", "roadmap", "contract", "programme"]


def generate(folder: Path, agreements: int, institutions: int, seed: int = 7) -> list[Path]:
    """Write institutions.csv and agreements.csv; return their paths."""
    rng = random.Random(seed)
    institutions_path = folder / "bench-institutions.csv"
    with institutions_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "type", "country", "city"])
        for number in range(institutions):
            writer.writerow(
                [
                    f"inst-{number}",
                    f"Учреждение № {number} (сгенерировано для замера)",
                    rng.choice(KINDS),
                    rng.choice(COUNTRIES),
                    "Минск",
                ]
            )
    agreements_path = folder / "bench-agreements.csv"
    with agreements_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "parties", "signed", "valid_until", "type", "areas"])
        for number in range(agreements):
            parties = rng.sample(range(institutions), 2 if rng.random() < 0.8 else 3)
            year = rng.randint(2015, 2025)
            writer.writerow(
                [
                    f"agr-{number}",
                    f"Соглашение № {number} (сгенерировано для замера)",
                    "; ".join(f"inst-{p}" for p in parties),
                    f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{year}",
                    str(year + rng.randint(1, 5)),
                    rng.choice(AGREEMENT_KINDS),
                    rng.choice(AREAS),
                ]
            )
    return [institutions_path, agreements_path]


def timed_load(store: Path, paths: list[Path]) -> tuple[float, str]:
    """Run ``edukg load`` in a child process; its wall time and output."""
    command = [sys.executable, "-m", "edukg", "--store", str(store), "load", *map(str, paths)]
    start = time.perf_counter()
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        env={"CI": "1", "PATH": "", "PYTHONIOENCODING": "utf-8"},
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"load failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed, done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=100_000)
    parser.add_argument("--institutions", type=int, default=5_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = options.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        paths = generate(folder, options.agreements, options.institutions)
        size = sum(p.stat().st_size for p in paths) / 1e6
        print(
            f"register: {options.agreements} agreements, {options.institutions} institutions, "
            f"{size:.1f} MB of CSV"
        )
        store = folder / "store"
        first, output = timed_load(store, paths)
        peak_first = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(output)
        print(f"first load: {first:.1f} s, peak memory {peak_first:.0f} MB")
        second, output = timed_load(store, paths)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(output)
        print(f"re-import (unchanged): {second:.1f} s, peak memory of both runs {peak:.0f} MB")


if __name__ == "__main__":
    main()
