"""Each extraction rule on short texts written for it (all names invented or public bodies)."""

from __future__ import annotations

import pytest

from edukg.loaders.text_candidates import Candidate, TextDocument
from edukg.loaders.text_loader import extract_text
from edukg.loaders.text_places import country_of_phrase, region_of_adjective

AKIND = "https://w3id.org/edukg/concept/agreement-kind/"
EKIND = "https://w3id.org/edukg/concept/event-kind/"


def extract(text: str) -> list[Candidate]:
    return extract_text(text, TextDocument("t.txt", "0" * 64, "https://edukg.example/id/")).candidates


def facts(text: str, kind: str) -> list[str]:
    return [c.value for c in extract(text) if c.kind == kind]


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Российской Федерации", "RU"),
        ("Казахстана", "KZ"),
        ("Таджикистаном", "TJ"),
        ("Республике Беларусь", "BY"),
        ("России", "RU"),
        ("Китайской Народной Республики", "CN"),
        ("Узбекистане", "UZ"),
    ],
)
def test_countries_are_found_in_any_case_form(phrase: str, code: str) -> None:
    assert country_of_phrase(phrase) == code


def test_regions_are_matched_to_iso_3166_2_by_their_adjective() -> None:
    assert region_of_adjective("Брестской").code == "BY-BR"  # type: ignore[union-attr]
    assert region_of_adjective("Могилевской").code == "BY-MA"  # type: ignore[union-attr]
    assert region_of_adjective("Павлодарской").country == "KZ"  # type: ignore[union-attr]
    assert region_of_adjective("Синей") is None


def test_counts_written_verb_first() -> None:
    (count,) = [c for c in extract("В 2022 году заключено 7 соглашений о сотрудничестве.")
                if c.kind == "agreement-count"]
    assert count.value == "7"
    assert count.details == {"agreement_kind": AKIND + "agreement", "period": "2022"}


def test_counts_written_number_first_and_not_confused_by_a_year() -> None:
    text = "В 2023 году 5 договоров о сотрудничестве были подписаны гимназиями Брестской области."
    (count,) = [c for c in extract(text) if c.kind == "agreement-count"]
    assert count.value == "5"
    assert count.details["agreement_kind"] == AKIND + "contract"
    assert count.details["period"] == "2023"


def test_counts_with_more_than() -> None:
    text = "За год подписано более 20 меморандумов с учреждениями образования Российской Федерации."
    assert facts(text, "agreement-count") == ["20"]


def test_agreements_named_without_a_count() -> None:
    text = "Университет подписал меморандум о сотрудничестве и договор о сетевой форме обучения."
    assert sorted(facts(text, "agreement")) == [AKIND + "contract", AKIND + "memorandum"]
    assert facts(text, "agreement-count") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Для педагогов проведены курсы повышения квалификации.", "training_programme"),
        ("В мае состоялась международная конференция.", "conference"),
        ("Прошёл визит делегации из Казахстана.", "delegation_visit"),
        ("Организованы встречи делегаций и совместные семинары.", "delegation_visit"),
        ("Коллеги провели круглый стол.", "round_table"),
        ("Состоялся совместный семинар.", "seminar"),
    ],
)
def test_event_kinds_by_the_vocabulary_labels(text: str, kind: str) -> None:
    assert EKIND + kind in facts(text, "event-kind")


def test_years_and_dates() -> None:
    text = "Семинар прошёл 05.04.2024, вебинар — 3 октября 2023 года, конференция — в 2021 г."
    assert sorted(facts(text, "date")) == ["2023-10-03", "2024-04-05"]
    assert facts(text, "year") == ["2021"]


def test_an_institution_is_named_in_the_nominative_keeping_its_dependent_words() -> None:
    text = (
        "12 марта 2024 года с Казанским федеральным университетом подписан меморандум "
        "о сотрудничестве."
    )
    assert facts(text, "institution") == ["Казанский федеральный университет"]


def test_a_partner_named_only_by_its_country_stays_a_country() -> None:
    candidates = extract("Школы Витебской области сотрудничают с партнёрами из Латвии и Литвы.")
    assert sorted(c.value for c in candidates if c.kind == "partner-country") == ["LT", "LV"]
    assert [c for c in candidates if c.kind == "institution"] == []


def test_the_home_country_is_not_a_partner() -> None:
    text = "Учреждения образования Гомельской области в Республике Беларусь принимают гостей."
    assert facts(text, "partner-country") == []


def test_organisations_that_are_no_education_bodies_are_left_out() -> None:
    text = "Статья вышла в журнале «ОМ», а отчёт опубликовал ООО «Ромашка»."
    assert facts(text, "institution") == []


def test_a_text_without_facts_gives_no_candidates() -> None:
    assert extract("Погода была хорошей, и все ушли домой.") == []


def test_a_country_right_after_an_organisation_belongs_to_its_name() -> None:
    candidates = extract("Делегация Министерства образования Республики Таджикистан посетила "
                         "Могилевскую область.")
    (ministry,) = [c for c in candidates if c.kind == "institution"]
    assert ministry.value == "Министерство образования Республики Таджикистан"
    assert ministry.details["country"] == "TJ"
    # The country is still the region's partner, and the visiting delegation a visit.
    assert [c.value for c in candidates if c.kind == "partner-country"] == ["TJ"]
    assert EKIND + "delegation_visit" in [c.value for c in candidates if c.kind == "event-kind"]


def test_numbered_schools_in_lower_case() -> None:
    text = "Меморандум подписали гимназия № 2 г. Слуцка и средняя школа № 5 имени Янки Купалы."
    assert facts(text, "institution") == [
        "гимназия № 2 г. Слуцка", "средняя школа № 5 имени Янки Купалы",
    ]


def test_a_country_is_not_the_partner_of_its_own_institution() -> None:
    candidates = extract("Министерство образования Республики Таджикистан направило делегацию "
                         "в Гродненскую область.")
    (partner,) = [c for c in candidates if c.kind == "partner-country"]
    assert (partner.value, partner.subject) == ("TJ", None)
