"""Cities as evidence, Soviet orders in names, and words of business: both ways, ru, be, en."""

from __future__ import annotations

import pytest

from edukg.resolve.compare import (
    CITY_BONUS,
    OTHER_CITY_PENALTY,
    compare_names,
    compare_records,
    crowded_cities,
)
from edukg.resolve.keys import name_key
from edukg.resolve.normalise import normalise
from edukg.resolve.records import InstitutionRecord, Name

SAME = 80.0
"""A pair of names of one institution scores at least this."""


def score(first: str, second: str) -> float:
    return compare_names(name_key(first), name_key(second)).score


def record(iri: str, name: str, city: str | None, country: str = "BY") -> InstitutionRecord:
    return InstitutionRecord(iri, (Name(name),), country, city)


def test_a_city_crowded_with_records_gives_no_points_a_quiet_one_does() -> None:
    records = [record(f"m{i}", f"Institute {i}", "Minsk") for i in range(5)]
    records += [record(f"g{i}", f"School {i}", "Hrodna") for i in range(3)]
    records += [record(f"b{i}", f"College {i}", "Brest") for i in range(60)]
    crowded = crowded_cities(records)
    assert (("BY", "brest") in crowded, ("BY", "minsk") in crowded) == (True, False)
    names = compare_names(name_key("Institute of Physics"), name_key("Институт физики"))
    in_brest = compare_records(
        record("a", "Institute of Physics", "Brest"),
        record("b", "Институт физики", "Брэст"),
        names,
        crowded=crowded,
    )
    in_minsk = compare_records(
        record("a", "Institute of Physics", "Minsk"),
        record("b", "Институт физики", "Минск"),
        names,
        crowded=crowded,
    )
    assert "same city" not in in_brest.reasons and in_brest.score == names.score
    assert "same city" in in_minsk.reasons
    assert in_minsk.score == min(100.0, names.score + CITY_BONUS)


def test_a_city_needs_five_records_to_be_crowded() -> None:
    records = [record("a", "A", "Pinsk"), record("b", "B", "Pinsk"), record("c", "C", "Pinsk")]
    assert crowded_cities(records) == frozenset()


def test_other_cities_cost_points_crowded_or_not() -> None:
    records = [record(f"m{i}", f"Institute {i}", "Minsk") for i in range(10)]
    names = compare_names(name_key("Institute of Physics"), name_key("Институт физики"))
    for crowded in (crowded_cities(records), frozenset()):
        scored = compare_records(
            record("a", "Institute of Physics", "Minsk"),
            record("b", "Институт физики", "Гомель"),
            names,
            crowded=crowded,
        )
        assert scored.score == max(0.0, names.score - OTHER_CITY_PENALTY)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        pytest.param(
            "Московский ордена Ленина и ордена Трудового Красного Знамени "
            "государственный университет",
            ("московский", "государственный", "университет"),
            id="ru-two-orders",
        ),
        pytest.param(
            "Дважды ордена Ленина институт физики",
            ("институт", "физики"),
            id="ru-twice",
        ),
        pytest.param(
            "Беларускі ордэна Працоўнага Чырвонага Сцяга універсітэт",
            ("беларускі", "універсітэт"),
            id="be-order",
        ),
        pytest.param(
            "Moscow Order of Lenin and Order of the Red Banner of Labour State University",
            ("moscow", "state", "university"),
            id="en-two-orders",
        ),
        pytest.param(
            "Institute of Physics, Order of the October Revolution",
            ("institute", "of", "physics"),
            id="en-order-after",
        ),
    ],
)
def test_soviet_orders_are_left_out(name: str, words: tuple[str, ...]) -> None:
    assert normalise(name).words == words


@pytest.mark.parametrize(
    ("name", "words"),
    [
        pytest.param("Red Banner University", ("red", "banner", "university"), id="no-order"),
        pytest.param("Institute of War Studies", ("institute", "of", "war", "studies"), id="war"),
        pytest.param("Орден Ленина школа", ("орден", "ленина", "школа"), id="nominative"),
    ],
)
def test_words_of_orders_stay_without_an_order(name: str, words: tuple[str, ...]) -> None:
    assert normalise(name).words == words


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(
            "Казанский ордена Трудового Красного Знамени химико-технологический институт",
            "Kazan Chemical Technological Institute",
            id="ru-en",
        ),
        pytest.param(
            "Беларускі ордэна Працоўнага Чырвонага Сцяга тэхналагічны інстытут",
            "Belarusian Order of the Red Banner of Labour Technological Institute",
            id="be-en",
        ),
    ],
)
def test_names_with_and_without_orders_meet_both_ways(first: str, second: str) -> None:
    assert score(first, second) >= SAME
    assert score(second, first) >= SAME


def test_an_order_joins_no_other_institution() -> None:
    first = "Ордена Ленина институт физики"
    second = "Ордена Ленина институт химии"
    assert score(first, second) < SAME and score(second, first) < SAME


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Институт предпринимательства", "Institute of Entrepreneurship", id="ru"),
        pytest.param("Інстытут прадпрымальніцтва", "Institute of Entrepreneurship", id="be"),
        pytest.param(
            "Университет предпринимательства и права", "University of Business and Law", id="ru-b"
        ),
        pytest.param(
            "University of Entrepreneurship and Law", "University of Business and Law", id="en"
        ),
    ],
)
def test_entrepreneurship_is_business_both_ways(first: str, second: str) -> None:
    assert score(first, second) >= SAME
    assert score(second, first) >= SAME


def test_entrepreneurship_is_no_medicine() -> None:
    first, second = "Institute of Entrepreneurship", "Медицинский институт"
    assert score(first, second) < SAME and score(second, first) < SAME


@pytest.mark.parametrize(
    ("name", "words"),
    [
        pytest.param(
            "Институт экономики Комитета науки Министерства науки и высшего образования РК",
            ("институт", "экономики"),
            id="ru-committee-of-a-ministry",
        ),
        pytest.param(
            "Центр судебной экспертизы при Министерстве юстиции Российской Федерации",
            ("центр", "судебной", "экспертизы"),
            id="ru-at-a-ministry",
        ),
        pytest.param(
            "Інстытут эканомікі Міністэрства эканомікі Рэспублікі Беларусь",
            ("інстытут", "эканомікі"),
            id="be-ministry",
        ),
        pytest.param(
            "Centre of Forensic Science of the Ministry of Justice of the Russian Federation",
            ("centre", "of", "forensic", "science"),
            id="en-of-the-ministry",
        ),
    ],
)
def test_a_ministry_a_name_ends_with_is_left_out(name: str, words: tuple[str, ...]) -> None:
    assert normalise(name).words == words


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("Moscow University of the Ministry of Internal Affairs", id="en-after-form"),
        pytest.param(
            "Академия Министерства внутренних дел Республики Беларусь", id="ru-after-form"
        ),
        pytest.param("Министерство образования Республики Беларусь", id="ru-the-ministry"),
        pytest.param("Ministry of Education and Science", id="en-the-ministry"),
    ],
)
def test_a_ministry_that_names_the_institution_stays(name: str) -> None:
    assert any(word.startswith(("ministr", "министерств")) for word in normalise(name).words)


def test_institutes_of_two_ministries_stay_apart_after_the_ministry_goes() -> None:
    first = "Институт экономики Министерства науки Республики Казахстан"
    second = "Институт истории Министерства науки Республики Казахстан"
    assert score(first, second) < SAME and score(second, first) < SAME


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Центр судебной экспертизы", "Centre of Forensic Science", id="ru-en"),
        pytest.param("Цэнтр судовай экспертызы", "Centre of Forensic Science", id="be-en"),
        pytest.param("Центр судебной экспертизы", "Цэнтр судовай экспертызы", id="ru-be"),
    ],
)
def test_forensic_science_is_forensic_expertise_both_ways(first: str, second: str) -> None:
    assert score(first, second) >= SAME
    assert score(second, first) >= SAME


def test_forensic_science_is_no_forensic_medicine() -> None:
    first, second = "Institute of Forensic Science", "Институт судебной медицины"
    assert score(first, second) < SAME and score(second, first) < SAME
