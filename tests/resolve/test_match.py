"""Keys, acronyms, blocking and scores: what is proposed, and what must never be."""

from __future__ import annotations

import pytest

from edukg.resolve.blocking import candidate_item_pairs
from edukg.resolve.compare import PERSON_AND_FORM_SCORE, compare_names, person_and_form
from edukg.resolve.keys import abbreviates, name_key
from edukg.resolve.match import (
    MUTUAL_BEST_BONUS,
    REVIEW_SCORE,
    find_candidates,
    mutual_best,
    name_items,
)
from edukg.resolve.records import InstitutionRecord, Name, records_from_ror
from tests.conftest import DATA


def record(iri: str, *names: str, country: str | None = "BY", **extra: str) -> InstitutionRecord:
    return InstitutionRecord(iri, tuple(Name(n) for n in names), country, **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        pytest.param("БГУ", "Белорусский государственный университет", id="ru-ru"),
        pytest.param("BSU", "Белорусский государственный университет", id="en-ru"),
        pytest.param("БГУ", "Belarusian State University", id="ru-en"),
        pytest.param("BrSTU", "Brest State Technical University", id="prefixes"),
        pytest.param(
            "БелГУТ", "Белорусский государственный университет транспорта", id="ru-belgut"
        ),
        pytest.param("BSPU", "Belarusian State Pedagogical University", id="en-bspu"),
    ],
)
def test_acronym_abbreviates_the_name(acronym: str, name: str) -> None:
    assert abbreviates(acronym, name_key(name))
    assert compare_names(name_key(acronym), name_key(name)).reasons == {"acronym"}


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        pytest.param("БГУ", "Белорусский государственный медицинский университет", id="extra-word"),
        pytest.param("BSU", "Gomel State University", id="other-initial"),
        pytest.param("БГУ", "БГУ", id="acronym-is-no-name"),
    ],
)
def test_acronym_does_not_abbreviate_another_name(acronym: str, name: str) -> None:
    assert not abbreviates(acronym, name_key(name))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Гимназия № 1 г. Борисова", "Гимназия № 1 г. Минска", id="other-town"),
        pytest.param("Средняя школа № 3", "Средняя школа № 30", id="other-number"),
        pytest.param(
            "ГУО «Средняя школа № 3 г. Витебска»", "Secondary School No. 5, Vitebsk", id="no-5"
        ),
        pytest.param(
            "Belarusian State University", "Belarusian State Medical University", id="medical"
        ),
        pytest.param(
            "Гродненский государственный университет",
            "Гомельский государственный университет",
            id="grodno-gomel",
        ),
    ],
)
def test_look_alikes_are_not_proposed(first: str, second: str) -> None:
    found = find_candidates([record("x:1", first), record("x:2", second)], min_score=0.1)
    assert [c for c in found if c.score >= REVIEW_SCORE] == []


@pytest.mark.parametrize(
    ("first", "second", "reason"),
    [
        pytest.param(
            "Белорусский государственный университет",
            "BELARUSIAN STATE UNIVERSITY",
            "translation",
            id="cordis-capitals",
        ),
        pytest.param(
            "Белорусский государственный университет информатики и радиоэлектроники",
            "BELARUSSKY GOSUDARSTVENNIY UNIVERSITET INFORMATIKI I RADIOELEKTRONIKI",
            "transliteration",
            id="fp7-ad-hoc",
        ),
        pytest.param(
            "Витебский государственный университет",
            "Vitebsk State University",
            "transliteration",
            id="vitebsk",
        ),
        pytest.param(
            "Віцебскі дзяржаўны ўніверсітэт",
            "Витебский государственный университет",
            "translation",
            id="be-ru",
        ),
        pytest.param(
            "ГУО «Средняя школа № 3 г. Витебска»",
            "Средняя школа №3 г.Витебска",
            "same name",
            id="legal-form-and-spacing",
        ),
        pytest.param(
            "Гимназия № 1 г. Минска",
            "Gymnasium No. 1, city of Minsk",
            "translation",
            id="gymnasium-en",
        ),
    ],
)
def test_same_institution_is_proposed_with_its_reason(first: str, second: str, reason: str) -> None:
    (found,) = find_candidates([record("x:1", first), record("x:2", second)])
    assert found.score >= 85 and reason in found.reasons


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Минская область", "Мінская вобласць", id="ru-be"),
        pytest.param("Минская область", "Minsk Region", id="ru-en"),
        pytest.param("Мінская вобласць", "Minsk Oblast", id="be-en"),
    ],
)
def test_regions_are_resolved_the_same_way(first: str, second: str) -> None:
    assert compare_names(name_key(first), name_key(second)).score >= 85
    assert compare_names(name_key("Минская область"), name_key("Брестская область")).score < 70


def test_same_ror_id_and_website_are_reasons() -> None:
    first = record("x:1", "БГУ", same_as=frozenset({"https://ror.org/021036w13"}))  # type: ignore[arg-type]
    second = record("https://ror.org/021036w13", "Belarusian State University")
    third = record("x:3", "Belarusian State Univ.", website="https://www.bsu.by")
    fourth = record("x:4", "Belarusian State University", website="http://bsu.by/en")
    found = {(c.left, c.right): c for c in find_candidates([first, second, third, fourth])}
    assert found[("x:1", "https://ror.org/021036w13")].reasons == ("acronym", "same ROR id")
    assert "same website domain" in found[("x:3", "x:4")].reasons


def test_other_cities_lower_the_score() -> None:
    same = find_candidates(
        [
            record("x:1", "Школа искусств", city="Минск"),
            record("x:2", "School of Arts", city="Minsk"),
        ],
        min_score=0,
    )
    other = find_candidates(
        [
            record("x:1", "Школа искусств", city="Минск"),
            record("x:2", "School of Arts", city="Brest"),
        ],
        min_score=0,
    )
    assert "same city" in same[0].reasons
    assert not other or other[0].score < same[0].score - 20


def test_blocking_keeps_the_true_pairs_of_the_belarusian_ror_records() -> None:
    records = records_from_ror(DATA / "ror-by-cut.json")
    left = [InstitutionRecord(r.iri, r.names[:1], r.country) for r in records]
    right = [
        InstitutionRecord(f"{r.iri}#{i}", (n,), r.country)
        for r in records
        for i, n in enumerate(r.names)
        if n.lang in ("ru", "be")
    ]
    left_items, right_items = name_items(left), name_items(right)
    met = set()
    for left_block, right_block in candidate_item_pairs(left_items, right_items):
        met.update(
            (left_items[i].record, right_items[j].record) for i in left_block for j in right_block
        )
    truth = {
        (i, j)
        for i, a in enumerate(left)
        for j, b in enumerate(right)
        if b.iri.startswith(a.iri + "#")
    }
    kept = len(truth & met) / len(truth)
    assert len(truth) > 40 and kept >= 0.9
    assert len(met) < len(left) * len(right) / 3, "blocking must leave most pairs out"


def test_belarusian_ror_names_in_three_languages_are_matched_precisely() -> None:
    records = records_from_ror(DATA / "ror-by-cut.json")
    left = [InstitutionRecord(r.iri, r.names[:1], r.country) for r in records]
    right = [
        InstitutionRecord(f"{r.iri}#{i}", (n,), r.country)
        for r in records
        for i, n in enumerate(r.names)
        if n.lang in ("ru", "be")
    ]
    found = find_candidates(left, right, min_score=85)
    correct = [c for c in found if c.right.startswith(c.left + "#")]
    assert len(correct) / len(found) >= 0.95
    assert len(correct) >= 0.6 * len(right)


BRANCH = "Филиал Ташкентского Государственного Экономического Университета"
TASHKENT = [
    "Tashkent State University",
    "Tashkent Medical Academy",
    "Tashkent Institute of Chemistry",
]  # Tashkent is common in the country's names: it alone cannot join two of them


def branch_candidates(*left_names: str) -> dict[str, tuple[float, tuple[str, ...]]]:
    left = [record(f"l:{n}", name, country="UZ") for n, name in enumerate(left_names)]
    found = find_candidates(left, [record("r:1", BRANCH, country="UZ")], min_score=0.1)
    return {c.left: (c.score, c.reasons) for c in found}


def test_a_pair_best_for_both_its_records_gains_points() -> None:
    found = branch_candidates(
        "Samarkand branch of Tashkent State University of Economics", *TASHKENT
    )
    score, reasons = found["l:0"]
    assert "best for both" in reasons
    assert score >= REVIEW_SCORE
    assert (
        score
        == compare_names(
            name_key("Samarkand branch of Tashkent State University of Economics"),
            name_key(BRANCH),
            common={"task"},
        ).score
        + MUTUAL_BEST_BONUS
    )


def test_no_points_when_another_record_fits_better() -> None:
    found = branch_candidates(
        "Samarkand branch of Tashkent State University of Economics",
        "Tashkent State University of Economics",
        *TASHKENT,
    )
    score, reasons = found["l:0"]
    assert "best for both" not in reasons
    assert score < REVIEW_SCORE


def test_mutual_best_needs_a_margin_on_both_sides() -> None:
    assert mutual_best({(0, 0): 60.0, (1, 0): 57.0}) == set()
    assert mutual_best({(0, 0): 60.0, (1, 1): 40.0, (1, 0): 30.0}) == {(0, 0), (1, 1)}
    assert mutual_best({(0, 0): 60.0, (1, 0): 50.0, (1, 1): 45.0}) == {(0, 0)}
    assert mutual_best({(0, 1): 60.0, (1, 2): 50.0}, among_themselves=True) == {(0, 1)}


def test_the_name_in_quotes_of_a_longer_name_is_matched_too() -> None:
    legal = record("x:1", 'National Technical University "Kharkiv Polytechnic Institute"')
    other = record("x:3", "Kharkiv National University of Radio Electronics")
    russian = record("x:2", "Харьковский политехнический институт")
    found = find_candidates([legal, other], [russian])
    assert [(c.left, c.right) for c in found] == [("x:1", "x:2")]
    assert found[0].left_name == "Kharkiv Polytechnic Institute"
    alone = find_candidates(
        [record("x:1", "National Technical University Kharkiv Polytechnic Institute")], [russian]
    )
    assert not alone  # without the quotes the longer name says more than the Russian one


def test_best_for_both_among_others_lifts_names_that_conflict_but_not_alone() -> None:
    # МИФИ in capitals matches only the same abbreviation: the names conflict (a word each)
    mephi_en = InstitutionRecord("l:1", (Name("National Research Nuclear University MEPhI"),), "RU")
    mephi_ru = InstitutionRecord(
        "r:1", (Name("Национальный исследовательский ядерный университет МИФИ"),), "RU"
    )
    other_en = InstitutionRecord(
        "l:2", (Name("National Research Nuclear University of Tomsk"),), "RU"
    )
    other_ru = InstitutionRecord(
        "r:2", (Name("Национальный исследовательский ядерный университет Томска"),), "RU"
    )
    alone = find_candidates([mephi_en], [mephi_ru], min_score=1.0)
    assert [c.score < REVIEW_SCORE for c in alone] == [True]
    among = find_candidates([mephi_en, other_en], [mephi_ru, other_ru])
    assert {(c.left, c.right) for c in among} == {("l:1", "r:1"), ("l:2", "r:2")}
    assert all("best for both" in c.reasons for c in among)


def test_look_alikes_among_others_are_not_proposed_when_their_own_records_are_missing() -> None:
    # the medical university's English record is missing: the state university is the best of
    # both, but a subject only one has is never forgiven
    english = [
        InstitutionRecord("l:1", (Name("Belarusian State University"),), "BY"),
        InstitutionRecord("l:2", (Name("Belarusian State Pedagogical University"),), "BY"),
        InstitutionRecord("l:3", (Name("Grodno State University"),), "BY"),
    ]
    russian = [
        InstitutionRecord(
            "r:1", (Name("Белорусский государственный медицинский университет"),), "BY"
        ),
        InstitutionRecord(
            "r:2", (Name("Белорусский государственный технологический университет"),), "BY"
        ),
        InstitutionRecord("r:3", (Name("Гомельский государственный университет"),), "BY"),
    ]
    assert find_candidates(english, russian) == []
    assert find_candidates([*english, *russian]) == []


@pytest.mark.parametrize(
    ("short", "full"),
    [
        pytest.param(
            "Herzen University",
            "Российский государственный педагогический университет им. А. И. Герцена",
            id="german-ru",
        ),
        pytest.param(
            "Университет Герцена",
            "Russian State Pedagogical University named after A. I. Herzen",
            id="ru-german",
        ),
    ],
)
def test_a_person_spelt_the_german_way_is_the_person_honoured(short: str, full: str) -> None:
    found = person_and_form(name_key(short), name_key(full))
    assert found is not None and found.score == PERSON_AND_FORM_SCORE
    other = full.replace("Герцена", "Пушкина").replace("Herzen", "Pushkin")
    assert person_and_form(name_key(short), name_key(other)) is None
