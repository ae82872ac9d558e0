"""A person and a form (*Sechenov University*) against a name of that form honouring the person."""

from __future__ import annotations

import pytest

from edukg.resolve.compare import PERSON_AND_FORM_SCORE, person_and_form
from edukg.resolve.keys import name_key
from edukg.resolve.match import MUTUAL_BEST_BONUS, REVIEW_SCORE, find_candidates
from edukg.resolve.records import InstitutionRecord, Name

SECHENOV = "Первый Московский государственный медицинский университет имени И.М. Сеченова"


@pytest.mark.parametrize(
    ("short", "full"),
    [
        pytest.param("Sechenov University", SECHENOV, id="en-ru"),
        pytest.param(
            "Университет Сеченова",
            "First Moscow State Medical University named after I.M. Sechenov",
            id="ru-en",
        ),
        pytest.param(
            "Kupala University", "Гродзенскі дзяржаўны ўніверсітэт імя Янкі Купалы", id="en-be"
        ),
    ],
)
def test_a_person_and_a_form_meet_a_name_honouring_the_person_both_ways(
    short: str, full: str
) -> None:
    for first, second in ((short, full), (full, short)):
        found = person_and_form(name_key(first), name_key(second))
        assert found is not None and found.score == PERSON_AND_FORM_SCORE
        assert "person and form" in found.reasons and not found.conflict


@pytest.mark.parametrize(
    ("short", "full"),
    [
        pytest.param("Pavlov University", SECHENOV, id="another-person"),
        pytest.param("Sechenov Academy", SECHENOV, id="another-form"),
        pytest.param("Sechenov University", "Школа № 5 имени И.М. Сеченова", id="a-school"),
        pytest.param("Sechenov Medical University", SECHENOV, id="more-than-a-form"),
        pytest.param("Sechenov University", "Московский медицинский университет", id="no-person"),
    ],
)
def test_another_person_form_or_kind_of_name_is_no_person_and_form(short: str, full: str) -> None:
    assert person_and_form(name_key(short), name_key(full)) is None
    assert person_and_form(name_key(full), name_key(short)) is None


def records(*names: str, prefix: str) -> list[InstitutionRecord]:
    return [InstitutionRecord(f"{prefix}{i}", (Name(n),), "RU") for i, n in enumerate(names)]


def test_a_person_and_a_form_is_proposed_as_the_best_of_both() -> None:
    left = records("Sechenov University", "Pavlov University", prefix="l")
    pavlov = "Первый Санкт-Петербургский университет имени И.П. Павлова"
    right = records(SECHENOV, pavlov, prefix="r")
    found = {(c.left, c.right): c for c in find_candidates(left, right)}
    assert set(found) == {("l0", "r0"), ("l1", "r1")}
    assert found[("l0", "r0")].score == PERSON_AND_FORM_SCORE + MUTUAL_BEST_BONUS
    assert {"person and form", "best for both"} <= set(found[("l0", "r0")].reasons)


def test_a_person_and_a_form_with_two_such_names_is_not_proposed() -> None:
    left = records("Sechenov University", prefix="l")
    right = records(SECHENOV, "Медицинский университет имени Сеченова в Саранске", prefix="r")
    assert find_candidates(left, right, min_score=REVIEW_SCORE) == []
    below = find_candidates(left, right, min_score=0.0)
    assert {c.score for c in below} == {PERSON_AND_FORM_SCORE}
