"""Candidates as a pre-filled register that a person corrects and loads with ``edukg load``.

The tables have the register format's columns (see ``examples/templates/``):

- ``institutions.csv``: each institution candidate, with its country and
  region where the text says them (an empty country is for the person to fill);
- ``events.csv``: each event kind named in a sentence that also gives a day,
  titled with that sentence, hosted by the sentence's institution;
- ``agreements.csv``: each agreement named in a sentence that also names two
  or more institutions, which become its parties.

Nothing is guessed beyond the sentence: a partner named only by its country
gives no row.
"""

from __future__ import annotations

import csv
from pathlib import Path

from edukg.loaders.tables import COLUMNS
from edukg.loaders.text_candidates import Candidate

TITLE_LIMIT = 200


def register_tables(candidates: list[Candidate]) -> dict[str, list[dict[str, str]]]:
    """The rows of each register table the candidates fill (empty tables left out)."""
    institutions = [c for c in candidates if c.kind == "institution"]
    by_sentence: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        by_sentence.setdefault(candidate.sentence_start, []).append(candidate)
    tables: dict[str, list[dict[str, str]]] = {"institutions": [], "agreements": [], "events": []}
    for institution in institutions:
        tables["institutions"].append({
            "name": institution.value,
            "name_ru": institution.value,
            "type": institution.details.get("kind_label", ""),
            "country": institution.details.get("country", ""),
            "region": institution.details.get("region_label", ""),
        })
    names = {c.sentence_start: [i.value for i in institutions
                                if i.sentence_start == c.sentence_start] for c in candidates}
    for start, group in by_sentence.items():
        hosts = names.get(start, [])
        days = [c.value for c in group if c.kind == "date" and len(c.value) == 10]
        countries = [c.value for c in group if c.kind == "partner-country"]
        for candidate in group:
            if candidate.kind == "event-kind" and days:
                tables["events"].append({
                    "title": _title(candidate.sentence),
                    "type": candidate.label,
                    "start": days[0],
                    "host": hosts[0] if hosts else "",
                    "country": countries[0] if len(countries) == 1 else "",
                })
            elif candidate.kind == "agreement" and len(hosts) >= 2:
                tables["agreements"].append({
                    "title": _title(candidate.sentence),
                    "parties": "; ".join(hosts),
                    "signed": days[0] if days else "",
                    "type": candidate.label,
                })
    return {kind: rows for kind, rows in tables.items() if rows}


def write_register(
    candidates: list[Candidate], folder: Path, *, source: str | None = None
) -> list[Path]:
    """Write the register tables of the candidates into ``folder``; the files written.

    ``source`` (the document's file name) fills the ``source`` column.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for kind, rows in register_tables(candidates).items():
        path = folder / f"{kind}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(COLUMNS[kind]))
            writer.writeheader()
            for row in rows:
                if "source" in COLUMNS[kind] and source:
                    row = {**row, "source": source}
                writer.writerow(row)
        written.append(path)
    return written


def _title(sentence: str) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= TITLE_LIMIT else text[: TITLE_LIMIT - 1].rstrip() + "…"
