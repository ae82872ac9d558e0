"""One table of every step at every scale, from the JSON files of ``bench/run.py``.

    python -m bench.growth bench-results/bench-100k-1M.json bench-results/bench-5M-....json
    python -m bench.growth RUN.json... --json bench/results/DATE.json   # the one kept set

Files are read in order; a later file's rerun of a step replaces that step.

Each step gets edukg's median seconds at each scale, how much it grew from one
scale to the next (the triples grew by the factor in the heading: a step whose
factor is larger grows worse than linearly), rdflib's seconds where measured,
and the peak memory at the largest scale. It also sums the catalogue queries
that both engines answered (listings: their first page), counting a capped
rdflib run as the cap (so the ratio is a bound). Prints Markdown.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from bench.run import WHOLE_LISTING, _seconds, answers_differ, scale_label


def scales_of(paths: list[Path]) -> list[dict[str, Any]]:
    """Every scale in the files, smallest first.

    A step measured again in a later file (a rerun with ``--steps``) takes the
    later numbers; its rdflib numbers stay those of the earlier file when the
    rerun had none (``--no-rdflib``).
    """
    by_target: dict[int, dict[str, Any]] = {}
    for path in paths:
        for scale in json.loads(path.read_text(encoding="utf-8"))["scales"]:
            known = by_target.setdefault(scale["target"], {**scale, "steps": []})
            rows = {row["step"]: row for row in known["steps"]}
            for row in scale["steps"]:
                earlier = rows.get(row["step"], {})
                merged = {**earlier, **row}
                if "rdflib" not in row and "rdflib" in earlier:
                    merged["rdflib"] = earlier["rdflib"]
                rows[row["step"]] = merged
            known["steps"] = list(rows.values())
    return [by_target[target] for target in sorted(by_target)]


def merged_set(paths: list[Path]) -> dict[str, Any]:
    """The runs in ``paths`` as one result set: each file's provenance, the merged scales.

    The newest figures of each step win (see :func:`scales_of`); the pages come
    from the last run that timed them.
    """
    runs = [json.loads(path.read_text(encoding="utf-8")) for path in paths]
    provenance = ("date", "commit", "uncommitted_changes", "versions", "machine", "steps")
    return {
        **{key: runs[-1].get(key) for key in ("date", "commit", "versions", "machine")},
        "repeats": runs[0].get("repeats"),
        "rdflib_repeats": runs[0].get("rdflib_repeats"),
        "rdflib_cap": runs[0].get("rdflib_cap"),
        "runs": [
            {"file": path.name, **{key: run.get(key) for key in provenance}}
            for path, run in zip(paths, runs, strict=True)
        ],
        "scales": scales_of(paths),
        "pages": next((run["pages"] for run in reversed(runs) if run.get("pages")), []),
    }


def _growth(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    """``after`` seconds over ``before`` seconds.

    >>> _growth({"seconds": 1.0}, {"seconds": 12.5})
    '12.5x'
    >>> _growth(None, {"seconds": 2.0})
    '–'
    """
    if not before or not after or not before.get("seconds") or after.get("seconds") is None:
        return "–"
    return f"{after['seconds'] / before['seconds']:.1f}x"


def growth_table(scales: list[dict[str, Any]]) -> list[str]:
    """Markdown lines: one row per step, edukg and rdflib seconds at each scale."""
    labels = [scale_label(scale["target"]) for scale in scales]
    steps = list(dict.fromkeys(row["step"] for scale in scales for row in scale["steps"]))
    rows = [{row["step"]: row for row in scale["steps"]} for scale in scales]
    factors = [
        f"{later['triples'] / earlier['triples']:.1f}x"
        for earlier, later in zip(scales, scales[1:], strict=False)
    ]
    heading = ["step", *(f"edukg {label} s" for label in labels)]
    heading += [f"{a}→{b} ({f})" for a, b, f in zip(labels, labels[1:], factors, strict=False)]
    heading += [f"rdflib {label} s" for label in labels]
    heading += [f"peak MB {labels[-1]}"]
    lines = ["| " + " | ".join(heading) + " |", "|---" + "|---:" * (len(heading) - 1) + "|"]
    for step in steps:
        ours = [measured.get(step, {}).get("edukg") for measured in rows]
        theirs = [measured.get(step, {}).get("rdflib") for measured in rows]
        cells = [step, *(_seconds(value) for value in ours)]
        cells += [_growth(a, b) for a, b in zip(ours, ours[1:], strict=False)]
        cells += [
            "differs" if answers_differ(measured.get(step, {"edukg": {}})) else _seconds(value)
            for measured, value in zip(rows, theirs, strict=True)
        ]
        cells += [str((ours[-1] or {}).get("peak_mb") or "–")]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def queries_together(scale: dict[str, Any]) -> str | None:
    """The catalogue queries (as called: listings give their first page) both engines
    answered, summed: edukg, rdflib, and the speed-up."""
    ours = theirs = 0.0
    capped = counted = 0
    for row in scale["steps"]:
        mine, other = row["edukg"], row.get("rdflib")
        if not row["step"].startswith("query-") or not other or other.get("error"):
            continue
        if row["step"].endswith(WHOLE_LISTING):
            continue  # the catalogue as called: a listing's first page, not every row
        if answers_differ(row):
            continue  # not the same work: no ratio
        if mine["seconds"] is None:
            continue
        counted += 1
        ours += mine["seconds"]
        if other["seconds"] is None:
            theirs += other["capped"]
            capped += 1
        else:
            theirs += other["seconds"]
    if not counted:
        return None
    bound = "at least " if capped else ""
    return (
        f"{scale_label(scale['target'])}: {counted} queries both answer take edukg {ours:.1f} s "
        f"and rdflib {bound}{theirs:.0f} s ({capped} capped, counted at the cap): "
        f"edukg is {bound}{theirs / ours:.0f}x faster"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", nargs="+", type=Path, help="JSON files of bench/run.py")
    parser.add_argument("--json", type=Path, help="also write the runs merged into one set here")
    options = parser.parse_args()
    if options.json:
        options.json.write_text(json.dumps(merged_set(options.results), indent=2) + "\n")
    scales = scales_of(options.results)
    lines = growth_table(scales)
    sums = [text for text in map(queries_together, scales) if text]
    print("\n".join(lines + ([""] + [f"- {text}" for text in sums] if sums else [])))


if __name__ == "__main__":
    main()
