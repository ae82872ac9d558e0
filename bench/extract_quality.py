"""Benchmark (not a test): precision and recall of text extraction, and its speed.

Reads the short texts of ``bench/data/extract/`` (written for this benchmark,
all invented; those in ``heldout/`` were written after the rules were tuned on
the others, and scored without changing the rules for them) and compares the
candidates ``edukg extract`` would propose with the facts ``expected.json``
lists for each text: a candidate is right when its
kind and value (and, for an agreement count, its year) are those of an
expected fact. Prints precision and recall per kind and overall, then times
extraction over about 1,000 sentences (the texts and the real article of
``tests/data/text/`` repeated) and prints the time per 1,000 sentences.

    python -m bench.extract_quality [--sentences 1000] [--show]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from edukg.loaders.text_candidates import Candidate, TextDocument
from edukg.loaders.text_loader import extract_file, extract_text
from edukg.loaders.text_nlp import pipeline

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "extract"
ARTICLE = HERE.parent / "tests" / "data" / "text" / "minsk-region-article.txt"
BASE = "https://edukg.example/id/"

Fact = tuple[str, ...]


def fact_of(candidate: Candidate) -> Fact:
    """A candidate as a comparable fact: kind, value (concept name), and a count's year."""
    value = candidate.value.rsplit("/", 1)[-1] if candidate.is_iri else candidate.value
    if candidate.kind == "agreement-count":
        return (candidate.kind, value, candidate.details.get("period") or "")
    return (candidate.kind, value)


def expected_facts(raw: list[list[str | None]]) -> set[Fact]:
    """The facts of ``expected.json`` for one text, in :func:`fact_of`'s form."""
    facts: set[Fact] = set()
    for item in raw:
        if item[0] == "agreement-count":
            facts.add((str(item[0]), str(item[1]), str(item[2] or "")))
        else:
            facts.add((str(item[0]), str(item[1])))
    return facts


def score(folder: Path, show: bool) -> dict[str, tuple[int, int, int]]:
    """(true positives, found, expected) per kind, over every text of ``folder``."""
    expected_all = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    counts: dict[str, Counter[str]] = {"tp": Counter(), "found": Counter(), "expected": Counter()}
    for name, raw in sorted(expected_all.items()):
        if name.startswith("_"):
            continue
        extraction = extract_file(folder / name, base_iri=BASE)
        found = {fact_of(c) for c in extraction.candidates}
        expected = expected_facts(raw)
        for fact in found:
            counts["found"][fact[0]] += 1
            if fact in expected:
                counts["tp"][fact[0]] += 1
        for fact in expected:
            counts["expected"][fact[0]] += 1
        if show:
            for fact in sorted(found - expected):
                print(f"  {name}: extra   {fact}")
            for fact in sorted(expected - found):
                print(f"  {name}: missed  {fact}")
    kinds = sorted(set(counts["found"]) | set(counts["expected"]))
    return {k: (counts["tp"][k], counts["found"][k], counts["expected"][k]) for k in kinds}


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def speed(sentences_wanted: int) -> tuple[int, float]:
    """(sentences, CPU seconds) for extracting from a text of about that many sentences.

    CPU time, not wall time: the machine may be shared, and natasha runs on one core.
    """
    pieces = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("**/*.txt"))]
    pieces.append(ARTICLE.read_text(encoding="utf-8"))
    unit = "\n\n".join(pieces)
    document = TextDocument("bench.txt", "0" * 64, BASE)
    per_unit = extract_text(unit, document).sentences
    text = "\n\n".join([unit] * max(1, round(sentences_wanted / per_unit)))
    started = time.process_time()
    extraction = extract_text(text, document)
    return extraction.sentences, time.process_time() - started


def print_table(table: dict[str, tuple[int, int, int]]) -> None:
    """Precision and recall per kind, then over all kinds."""
    print(f"{'kind':<16} {'precision':>9} {'recall':>7} {'tp/found/expected':>18}")
    totals = [0, 0, 0]
    for kind, (tp, found, expected) in table.items():
        totals = [totals[0] + tp, totals[1] + found, totals[2] + expected]
        print(f"{kind:<16} {ratio(tp, found):>9.2f} {ratio(tp, expected):>7.2f} "
              f"{f'{tp}/{found}/{expected}':>18}")
    tp, found, expected = totals
    print(f"{'all':<16} {ratio(tp, found):>9.2f} {ratio(tp, expected):>7.2f} "
          f"{f'{tp}/{found}/{expected}':>18}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--show", action="store_true", help="list every extra and missed fact")
    options = parser.parse_args()
    started = time.perf_counter()
    pipeline()
    print(f"natasha models loaded in {time.perf_counter() - started:.1f} s")
    for title, folder in (("tuning texts", DATA), ("held-out texts", DATA / "heldout")):
        print(f"-- {title} ({folder.relative_to(HERE.parent)})")
        print_table(score(folder, options.show))
    sentences, seconds = speed(options.sentences)
    print(f"speed: {sentences} sentences in {seconds:.1f} s of CPU = "
          f"{seconds / sentences * 1000:.1f} s per 1,000 sentences")


if __name__ == "__main__":
    main()
