"""Benchmark: load the full CORDIS participation table with the names table via ``edukg load``.

Not a test. Runs ``edukg load`` in a child process on an on-disk store with the Horizon 2020
participation table (144,726 rows) and the ODFest organisation names (16,592 rows), both loaded
together as one load, and reports wall time, CPU time, triples written and the child's peak
memory; then the baseline: Oxigraph's own bulk load of every statement that load wrote, in a
child process too (see ``bench.load_register``). The tables are not in the repository (see
docs/cordis.md for where they come from): point ``--data`` at the folder that holds them.

    python -m bench.cordis_load --data ../shared/data/cordis-h2020
    python -m bench.cordis_load --data DIR --with-parts   # programme_parts.csv as well

Targets: under 60 s (issue 17) and under 2 GB, within 1.3x the bulk load (issue 16), on a
2-core machine.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench.load_register import bulk_load_baseline, edukg_load, report, write_json

PARTICIPATIONS = "h2020_participations.csv"
NAMES = "odfest2017_org_nodes.csv"
PARTS = "programme_parts.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with the CORDIS tables")
    parser.add_argument("--with-parts", action="store_true", help=f"also load {PARTS}")
    parser.add_argument("--keep", type=Path, help="keep the store in this folder")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    options = parser.parse_args()
    names = [PARTICIPATIONS, NAMES] + ([PARTS] if options.with_parts else [])
    paths = [options.data / name for name in names]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise SystemExit(f"not found: {', '.join(missing)}")
    size = sum(p.stat().st_size for p in paths) / 1e6
    print(f"input: {', '.join(names)} ({size:.1f} MB)")
    with tempfile.TemporaryDirectory() as temporary:
        folder = options.keep or Path(temporary)
        load = edukg_load(folder / "store", paths)
        report(load)
        baseline, statements = bulk_load_baseline(folder / "store", folder)
        print(f"statements written: {statements:,}")
        report(baseline)
        report(load, baseline)
        print("goals: 60 s, 2048 MB, 1.3x the bulk load")
        if options.json:
            write_json(options.json, statements, statements, [load, baseline])


if __name__ == "__main__":
    main()
