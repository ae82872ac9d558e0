"""Cities named in other languages (Москва, Moscow) are one place; other cities stay apart."""

from __future__ import annotations

import pytest

from edukg.resolve.compare import compare_names
from edukg.resolve.keys import name_key
from edukg.resolve.match import find_candidates
from edukg.resolve.places import place_key
from edukg.resolve.records import InstitutionRecord, Name


def record(iri: str, name: str, city: str, country: str = "RU") -> InstitutionRecord:
    return InstitutionRecord(iri, (Name(name),), country, city)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Москва", "Moscow", id="ru-en"),
        pytest.param("Moscow", "Москва", id="en-ru"),
        pytest.param("Масква", "Moscow", id="be-en"),
        pytest.param("Масква", "Москва", id="be-ru"),
        pytest.param("Москвы", "Moscow", id="ru-genitive"),
        pytest.param("Moskva", "Moscow", id="transliterated"),
        pytest.param("Прага", "Prague", id="prague"),
        pytest.param("Киев", "Kyiv", id="kyiv"),
        pytest.param("Kiev", "Kyiv", id="kiev"),
        pytest.param("Кишинёв", "Chișinău", id="chisinau"),
        pytest.param("Мінск", "Минска", id="be-ru-minsk"),
        pytest.param("Гродно", "Hrodna", id="not-in-cldr"),
    ],
)
def test_one_city_in_two_languages_is_one_place(first: str, second: str) -> None:
    assert place_key(first) == place_key(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Москва", "Minsk", id="moscow-minsk"),
        pytest.param("Moscow", "Минск", id="minsk-moscow"),
        pytest.param("Прага", "Warsaw", id="prague-warsaw"),
        pytest.param("Борисов", "Минск", id="borisov-minsk"),
    ],
)
def test_other_cities_stay_apart(first: str, second: str) -> None:
    assert place_key(first) != place_key(second)


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        pytest.param("Москва", "Moscow", id="ru-en"),
        pytest.param("Moscow", "Москва", id="en-ru"),
        pytest.param("Масква", "Moscow", id="be-en"),
    ],
)
def test_a_city_named_in_another_language_costs_no_points(ours: str, theirs: str) -> None:
    names = ("Институт прикладной математики", "Institute of Applied Mathematics")
    without = find_candidates(
        [InstitutionRecord("x:1", (Name(names[0]),), "RU")],
        [InstitutionRecord("x:2", (Name(names[1]),), "RU")],
        min_score=0,
    )
    with_cities = find_candidates(
        [record("x:1", names[0], ours)], [record("x:2", names[1], theirs)], min_score=0
    )
    elsewhere = find_candidates(
        [record("x:1", names[0], ours)], [record("x:2", names[1], "Novosibirsk")], min_score=0
    )
    assert with_cities[0].score >= without[0].score
    assert not elsewhere or elsewhere[0].score < with_cities[0].score - 20


def test_a_place_in_a_name_is_read_in_either_language() -> None:
    moscow = compare_names(
        name_key("Гимназия № 1 г. Москвы"), name_key("Gymnasium No. 1, city of Moscow")
    )
    minsk = compare_names(
        name_key("Гимназия № 1 г. Минска"), name_key("Gymnasium No. 1, city of Moscow")
    )
    assert moscow.score >= 70
    assert minsk.score == 0.0


def test_look_alike_places_stay_apart() -> None:
    assert (
        compare_names(
            name_key("Гимназия № 1 г. Борисова"), name_key("Гимназия № 1 г. Минска")
        ).score
        == 0.0
    )
    assert (
        compare_names(name_key("Гимназія № 1 г. Масквы"), name_key("Гимназия № 1 г. Минска")).score
        == 0.0
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(
            "Киевский национальный экономический университет",
            "Kyiv National Economic University",
            id="ru-en",
        ),
        pytest.param(
            "Kyiv National Economic University",
            "Киевский национальный экономический университет",
            id="en-ru",
        ),
        pytest.param(
            "Кіеўскі нацыянальны эканамічны ўніверсітэт",
            "Kyiv National Economic University",
            id="be-en",
        ),
    ],
)
def test_a_city_in_a_name_is_matched_by_its_name_in_english(first: str, second: str) -> None:
    assert compare_names(name_key(first), name_key(second)).score >= 90


@pytest.mark.parametrize(
    "other",
    [
        "Кишинёвский национальный экономический университет",
        "Минский национальный экономический университет",
    ],
)
def test_a_name_of_another_city_is_not_proposed(other: str) -> None:
    kyiv = name_key("Kyiv National Economic University")
    assert compare_names(kyiv, name_key(other)).score < 70
