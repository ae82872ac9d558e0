"""Benchmark (not a test): quality and speed of entity resolution on ROR's own records.

Labelled set: every ROR organisation with a Russian or Belarusian name. Its
display name (English or Latin) is one record on the left; each of its
ru/be labels and aliases is one record on the right. The same ROR id is a
match; every other pair (they share a country when blocking lets them meet)
is a non-match. Only names and countries are given: no website, city or id.
The left side holds every organisation of those countries, so each ru/be
name faces all its compatriots.

Goals: precision >= 0.95 at recall >= 0.8; 10,000 institutions against
10,000 in under 60 s.

    .venv/bin/python bench/resolve_quality.py \
        ../shared/data/ror/ror_v2_education_plus_eastern_subset.json
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence

from edukg.resolve.match import find_candidates
from edukg.resolve.records import InstitutionRecord, records_from_ror

TARGET_SECONDS = 60.0
LANGUAGES = ("ru", "be")


def labelled_set(
    records: Sequence[InstitutionRecord],
) -> tuple[list[InstitutionRecord], list[InstitutionRecord], set[tuple[str, str]]]:
    """Left (display names), right (ru/be names) and the true pairs."""
    with_cyrillic = [
        r for r in records if any(n.lang in LANGUAGES and n.kind != "acronym" for n in r.names)
    ]
    countries = {r.country for r in with_cyrillic}
    left, right, truth = [], [], set()
    for record in records:
        if record.country not in countries:
            continue
        if not record.names:
            continue
        display = record.names[0]
        left.append(InstitutionRecord(record.iri, (display,), record.country))
        for number, name in enumerate(record.names):
            if name.lang in LANGUAGES and name.kind != "acronym":
                iri = f"{record.iri}#{number}"
                right.append(InstitutionRecord(iri, (name,), record.country))
                truth.add((record.iri, iri))
    return left, right, truth


def precision_recall(
    found: set[tuple[str, str]], truth: set[tuple[str, str]]
) -> tuple[float, float]:
    hits = len(found & truth)
    return (hits / len(found) if found else 1.0), hits / len(truth)


def speed_set(records: Sequence[InstitutionRecord], size: int) -> tuple[list, list]:
    """``size`` records by display name against ``size`` by their other names."""
    left, right = [], []
    for record in records[:size]:
        display = list(record.names[:1])
        others = list(record.names[1:]) or display
        left.append(InstitutionRecord(record.iri, tuple(display), record.country))
        right.append(InstitutionRecord(record.iri + "#r", tuple(others), record.country))
    return left, right


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ror", help="a ROR v2 JSON dump")
    parser.add_argument("--size", type=int, default=10_000, help="records per side for the timing")
    parser.add_argument("--thresholds", default="60,70,75,80,85,90,95")
    options = parser.parse_args(argv)
    records = records_from_ror(options.ror)
    left, right, truth = labelled_set(records)
    started = time.perf_counter()
    candidates = find_candidates(left, right, min_score=0.0)
    seconds = time.perf_counter() - started
    print(
        f"labelled set: {len(left)} left x {len(right)} right, {len(truth)} true pairs, "
        f"{len(candidates)} candidates in {seconds:.1f} s"
    )
    country_of = {record.iri: record.country for record in left}
    best_per_right: dict[str, tuple[float, str]] = {}
    for c in candidates:
        if c.score > best_per_right.get(c.right, (-1.0, ""))[0]:
            best_per_right[c.right] = (c.score, c.left)
    for threshold in (float(t) for t in options.thresholds.split(",")):
        found = {(c.left, c.right) for c in candidates if c.score >= threshold}
        precision, recall = precision_recall(found, truth)
        top = {(lft, rgt) for rgt, (score, lft) in best_per_right.items() if score >= threshold}
        top_precision, top_recall = precision_recall(top, truth)
        by_truth = {pair for pair in truth if country_of[pair[0]] == "BY"}
        by_found = {pair for pair in found if country_of[pair[0]] == "BY"}
        by_precision, by_recall = precision_recall(by_found, by_truth)
        print(
            f"score >= {threshold:5.1f}: all pairs P={precision:.3f} R={recall:.3f} "
            f"({len(found)}); best per name P={top_precision:.3f} R={top_recall:.3f}; "
            f"BY only P={by_precision:.3f} R={by_recall:.3f}"
        )
    fast_left, fast_right = speed_set(records, options.size)
    started, cpu = time.perf_counter(), time.process_time()
    found_fast = find_candidates(fast_left, fast_right, min_score=70.0)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    verdict = "meets" if cpu < TARGET_SECONDS else "misses"
    print(
        f"speed: {len(fast_left)} x {len(fast_right)} records in {seconds:.1f} s wall, "
        f"{cpu:.1f} s CPU "
        f"({len(found_fast)} candidates >= 70; {verdict} the {TARGET_SECONDS:.0f} s goal)"
    )


if __name__ == "__main__":
    main()
