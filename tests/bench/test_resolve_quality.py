"""The resolution quality bench: its labelled set, with and without cities, and its page."""

from __future__ import annotations

from bench.resolve_quality import SUBSETS, half_of, labelled_set, markdown, miss_counts
from edukg.resolve.dictionary import general_dictionary
from edukg.resolve.match import find_candidates
from edukg.resolve.records import InstitutionRecord, Name

RECORDS = [
    InstitutionRecord(
        "https://ror.org/1",
        (
            Name("Belarusian State University", "en"),
            Name("Белорусский государственный университет", "ru"),
            Name("BSU", "en", "acronym"),
        ),
        "BY",
        "Minsk",
        website="https://bsu.by",
        same_as=frozenset({"http://www.wikidata.org/entity/Q1"}),
    ),
    InstitutionRecord(
        "https://ror.org/2",
        (Name("Grodno State University", "en"), Name("Гродненский университет", "ru", "alt")),
        "BY",
        "Hrodna",
    ),
    InstitutionRecord("https://ror.org/3", (Name("Université de Lyon", "fr"),), "FR", "Lyon"),
]


def test_names_only_give_no_city_and_names_and_city_give_it_on_both_sides() -> None:
    for with_city in (False, True):
        left, right, truth = labelled_set(RECORDS, with_city=with_city)
        assert [r.iri for r in left] == ["https://ror.org/1", "https://ror.org/2"]
        assert truth == {
            ("https://ror.org/1", "https://ror.org/1#1"),
            ("https://ror.org/2", "https://ror.org/2#1"),
        }
        cities = {r.city for r in [*left, *right]}
        assert cities == ({"Minsk", "Hrodna"} if with_city else {None})
        assert all(r.website is None and not r.same_as for r in [*left, *right])


def row(precision: float, recall: float) -> dict[str, object]:
    figures = {"precision": precision, "recall": recall, "pairs": 1, "true_pairs": 1}
    return {"threshold": 70.0, **{subset: figures for subset in SUBSETS}}


def test_the_page_shows_both_variants_and_the_best_threshold_of_each() -> None:
    page = markdown(
        {
            "date": "2026-12-03",
            "commit": "x",
            "machine": "m",
            "labelled_set": "2 x 2",
            "thresholds": [row(0.967, 0.735)],
            "thresholds_with_city": [row(0.971, 0.742)],
            "speed": {},
        }
    )
    names_only, with_city = page.split("## Names + city")
    assert "## Names only" in names_only and "precision 0.967, recall 0.735" in names_only
    assert "precision 0.971, recall 0.742" in with_city


def test_missed_labels_are_counted_by_half_without_their_names() -> None:
    records = [
        *RECORDS,
        InstitutionRecord(
            "https://ror.org/4",
            (Name("Institute of Oncology", "en"), Name("Институт овощеводства", "ru")),
            "BY",
        ),
    ]
    left, right, truth = labelled_set(records)
    found = find_candidates(left, right, min_score=0.0)
    counts = miss_counts(found, left, right, truth)
    half = half_of("https://ror.org/4")
    other = next(h for h in counts if h != half)
    # BSU's label is found; Grodno's Russian name is an alias: only the institute is missed
    assert counts[half]["missed"] == 1 and counts[other]["missed"] == 0
    # oncology only in English; овощеводства a common word the general dictionary gives
    assert counts[half]["concepts: one name has more"] == 1
    if general_dictionary():
        assert counts[half]["Cyrillic word without a match: common, given by the dictionary"] == 1
    assert not any("нститут" in what or "Oncology" in what for what in counts[half])
