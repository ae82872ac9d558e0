"""Benchmark: load the full CORDIS participation table with the names table via ``edukg load``.

Not a test. Runs ``edukg load`` in a child process on an on-disk store with the Horizon 2020
participation table (144,726 rows) and the ODFest organisation names (16,592 rows), both loaded
together as one load, and reports wall time, triples written and the child's peak memory
(max RSS). The tables are not in the repository (see docs/cordis.md for where they come from):
point ``--data`` at the folder that holds them.

    python bench/cordis_load.py --data ../shared/data/cordis-h2020
    python bench/cordis_load.py --data DIR --with-parts   # programme_parts.csv as well

Target (issue 17): under 60 s and under 2 GB on a 2-core machine.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
from pathlib import Path

from bench.load_register import timed_load

PARTICIPATIONS = "h2020_participations.csv"
NAMES = "odfest2017_org_nodes.csv"
PARTS = "programme_parts.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with the CORDIS tables")
    parser.add_argument("--with-parts", action="store_true", help=f"also load {PARTS}")
    parser.add_argument("--keep", type=Path, help="keep the store in this folder")
    options = parser.parse_args()
    names = [PARTICIPATIONS, NAMES] + ([PARTS] if options.with_parts else [])
    paths = [options.data / name for name in names]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise SystemExit(f"not found: {', '.join(missing)}")
    size = sum(p.stat().st_size for p in paths) / 1e6
    print(f"input: {', '.join(names)} ({size:.1f} MB)")
    with tempfile.TemporaryDirectory() as temporary:
        store = (options.keep or Path(temporary)) / "store"
        elapsed, output = timed_load(store, paths)
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak = usage.ru_maxrss / 1024
        print(output)
        # CPU time says what the load costs when other jobs share the machine.
        print(
            f"load: {elapsed:.1f} s wall, {usage.ru_utime + usage.ru_stime:.1f} s CPU, "
            f"peak memory {peak:.0f} MB (goal: 60 s, 2048 MB)"
        )


if __name__ == "__main__":
    main()
