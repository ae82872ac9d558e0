"""Benchmark: load a seeded register into an on-disk store with ``edukg load``, then again.

Not a test. Writes the register CSV of ``bench/generator.py`` (institutions, agreements
and events) sized for about N agreements, then runs ``edukg load`` on it in a child
process and reports wall time, triples written and the child's peak memory (max RSS).
A second run re-imports the unchanged files (``bench/run.py`` times first loads only).

    python -m bench.load_register                 # about 100,000 agreements (3M triples)
    python -m bench.load_register --agreements 20000 --keep bench-data

Target (issue 3): under 30 s and under 2 GB on a 2-core machine.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generator import TRIPLES_PER_UNIT, counts, write_register

AGREEMENTS_PER_UNIT = 4


def timed_load(store: Path, paths: list[Path]) -> tuple[float, str]:
    """Run ``edukg load`` in a child process; its wall time and what it printed (warnings too)."""
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
    return elapsed, (done.stdout + done.stderr).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=100_000, help="about how many agreements")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = options.keep or Path(temporary)
        triples = options.agreements * TRIPLES_PER_UNIT // AGREEMENTS_PER_UNIT
        paths = write_register(folder, triples=triples, seed=options.seed)
        size = sum(p.stat().st_size for p in paths) / 1e6
        size_of = counts(triples)
        print(
            f"register: {size_of.institutions} institutions, {size_of.agreements} agreements, "
            f"{size_of.events} events, {size:.1f} MB of CSV"
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
