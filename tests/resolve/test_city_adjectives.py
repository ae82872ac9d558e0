"""Adjectives of cities and a short English word (issue 11, faults of the tuning half): both
ways, in ru and be, what each rule joins and what it still keeps apart."""

from __future__ import annotations

import pytest

from edukg.resolve.compare import compare_names
from edukg.resolve.keys import name_key
from edukg.resolve.match import REVIEW_SCORE
from edukg.resolve.vocabulary import Vocabulary

SAME = 80.0
"""A pair of names of one institution scores at least this."""


def both_ways(first: str, second: str) -> tuple[float, float]:
    one, other = name_key(first), name_key(second)
    return compare_names(one, other).score, compare_names(other, one).score


@pytest.mark.parametrize(
    ("english", "cyrillic"),
    [
        pytest.param("Chita State University", "Читинский государственный университет", id="ru"),
        pytest.param("Chita State University", "Чыцінскі дзяржаўны ўніверсітэт", id="be"),
    ],
)
def test_a_cyrillic_word_is_not_an_english_term_it_merely_starts_like(
    english: str, cyrillic: str
) -> None:
    # city folds to titi, as Читинский starts: the English term is read in Latin words only
    assert min(both_ways(english, cyrillic)) >= SAME
    assert max(both_ways("City University", cyrillic)) < REVIEW_SCORE


def test_the_latin_only_term_still_reads_latin_words_and_the_concept_its_own_terms() -> None:
    words = Vocabulary.from_package()
    assert [words.concept_of(w) for w in ("City", "городской", "гарадскі")] == ["city"] * 3
    assert [words.concept_of(w) for w in ("Читинский", "Чыцінскі")] == [None, None]
    # other short English terms still read Cyrillic words (Сургутский: surgery helped precision)
    assert words.concept_of("Сургутский") == "surgery"


@pytest.mark.parametrize(
    "cyrillic",
    [
        pytest.param("Рязанский государственный университет", id="ru"),
        pytest.param("Рязанскі дзяржаўны ўніверсітэт", id="be"),
    ],
)
def test_an_english_city_in_an_meets_its_adjective(cyrillic: str) -> None:
    # Ryazan was cut as an adjective in -an (ras), as far from Рязанский as Рижский
    assert min(both_ways("Ryazan State University", cyrillic)) >= SAME
    assert max(both_ways("Ryazan State University", "Рижский государственный университет")) < (
        REVIEW_SCORE
    )


@pytest.mark.parametrize(
    ("english", "cyrillic"),
    [
        pytest.param("Baku State University", "Бакинский государственный университет", id="ru-in"),
        pytest.param("Baku State University", "Бакінскі дзяржаўны ўніверсітэт", id="be-in"),
        pytest.param(
            "Ufa State Aviation Technical University",
            "Уфимский государственный авиационный технический университет",
            id="ru-im",
        ),
        pytest.param(
            "Ufa State Aviation Technical University",
            "Уфімскі дзяржаўны авіяцыйны тэхнічны ўніверсітэт",
            id="be-im",
        ),
        pytest.param("Chita Medical Academy", "Читинская медицинская академия", id="ru-in-fem"),
    ],
)
def test_an_adjective_in_insky_or_imsky_is_of_its_city_in_a_vowel(
    english: str, cyrillic: str
) -> None:
    assert min(both_ways(english, cyrillic)) >= SAME


@pytest.mark.parametrize(
    ("english", "cyrillic"),
    [
        pytest.param("Baku State University", "Бакальский государственный университет", id="bakal"),
        pytest.param("Baku State University", "Бийский государственный университет", id="biysk"),
        pytest.param(
            "Ufa State University", "Уфімскі дзяржаўны медыцынскі ўніверсітэт", id="be-subject"
        ),
    ],
)
def test_other_adjectives_of_a_city_stay_apart(english: str, cyrillic: str) -> None:
    assert max(both_ways(english, cyrillic)) < REVIEW_SCORE
