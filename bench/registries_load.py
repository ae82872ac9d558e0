"""Benchmark: load the full ROR subset and the world universities list with ``edukg load``.

Not a test. Runs ``edukg load`` on the two registry files in a child process, into a
new on-disk store, and reports wall time, the child's peak memory (max RSS), the
triples and records written, and the warnings printed. With ``--validate`` it also
times ``edukg validate`` on the result (pyshacl, in memory: minutes, not seconds).

    python -m bench.registries_load                       # files from ../shared/data
    python -m bench.registries_load --ror FILE --universities FILE --validate

The files are not in the repository (see tests/data/README.md for their source and the
cuts the tests use): by default they are looked for in ``../shared/data`` beside the clone.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
ROR = SHARED / "ror" / "ror_v2_education_plus_eastern_subset.json"
UNIVERSITIES = SHARED / "universities" / "world_universities_and_domains.json"
_LOADED = re.compile(r"^(?P<name>\S+): loaded, \+(?P<added>\d+) .*records: (?P<records>\d+) new")


_CHILD = (
    "import atexit, resource, sys\n"
    "def report():\n"
    "    usage = resource.getrusage(resource.RUSAGE_SELF)\n"
    "    print('peak-kib', usage.ru_maxrss, usage.ru_utime + usage.ru_stime, file=sys.stderr)\n"
    "atexit.register(report)\n"
    "from edukg.cli import main\n"
    "main(sys.argv[1:])\n"
)
"""Runs the edukg CLI and prints its own peak memory and CPU time as it exits."""


def timed(arguments: list[str]) -> tuple[float, float, int, subprocess.CompletedProcess[str]]:
    """Run ``edukg ARGUMENTS`` in a child: wall time, CPU time, peak memory in MiB, output."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *arguments],
        capture_output=True,
        text=True,
        check=False,
        env={"CI": "1", "PATH": "", "PYTHONIOENCODING": "utf-8"},
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        failed = f"edukg {' '.join(arguments[2:4])} failed ({done.returncode})"
        raise SystemExit(f"{failed}:\n{done.stderr[-3000:]}")
    peak, cpu = next(
        (int(line.split()[1]), float(line.split()[2]))
        for line in done.stderr.splitlines()
        if line.startswith("peak-kib")
    )
    return elapsed, cpu, peak // 1024, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ror", type=Path, default=ROR, help="the ROR schema v2 JSON dump")
    parser.add_argument(
        "--universities", type=Path, default=UNIVERSITIES, help="the world universities list"
    )
    parser.add_argument("--validate", action="store_true", help="also time edukg validate")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    for path in (args.ror, args.universities):
        if not path.is_file():
            raise SystemExit(f"not found: {path} (give --ror and --universities)")
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        store = str(Path(folder) / "store")
        edukg = ["--store", store]
        for name, path in (("ror", args.ror), ("universities", args.universities)):
            seconds, cpu, peak, done = timed([*edukg, "load", str(path)])
            match = _LOADED.match(done.stdout.strip())
            figures[name] = {
                "file": path.name,
                "seconds": round(seconds, 2),
                "cpu_seconds": round(cpu, 2),
                "peak_mib": peak,
                "triples": int(match["added"]) if match else None,
                "records": int(match["records"]) if match else None,
                "warning_lines": len(done.stderr.splitlines()) - 1,
            }
            print(f"{name}: {figures[name]}")
        if args.validate:
            seconds, cpu, peak, done = timed([*edukg, "validate"])
            figures["validate"] = {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
                                   "peak_mib": peak,
                                   "result": done.stdout.strip()[-200:]}
            print(f"validate: {figures['validate']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
