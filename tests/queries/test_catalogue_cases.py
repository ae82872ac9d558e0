"""Every catalogue query on its own small fixture: expected rows checked by hand,
and the same rows from the embedded store, a real Oxigraph server and plain rdflib."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from edukg.graph.push import push
from edukg.graph.store import KnowledgeGraph
from edukg.queries.catalogue import load_catalogue
from edukg.queries.runner import run_query

from .conftest import OxigraphServer, load_fixture, rdflib_copy

ID = "https://edukg.example/id/"

# ---------------------------------------------------------------- agreements
_P1 = "Минский педагогический колледж; Смоленский государственный университет"
_P2 = (
    "Гимназия № 3 г. Гродно (координатор); Лицей № 7 г. Алматы; "
    "Смоленский государственный университет"
)
_P3 = "Гимназия № 3 г. Гродно; Минский педагогический колледж"
AG1 = (
    ID + "agreement/ag1",
    "Меморандум о сотрудничестве в подготовке педагогов",
    "memorandum",
    "2023-09-01",
    "2025-08-31",
    _P1,
)
AG2 = (ID + "agreement/ag2", "Договор о языковых сменах", "agreement", "2024-02", None, _P2)
AG3 = (
    ID + "agreement/ag3",
    "Программа методического партнёрства",
    "programme",
    "2024",
    "2024",
    _P3,
)
AG1_EN = (
    AG1[0],
    "Memorandum on teacher education",
    "memorandum",
    "2023-09-01",
    "2025-08-31",
    "Minsk Pedagogical College; Smolensk State University",
)
AG2_EN = (
    AG2[0],
    "Договор о языковых сменах",
    "agreement",
    "2024-02",
    None,
    "Lyceum No. 7, Almaty; Smolensk State University; Гимназия № 3 г. Гродно (coordinator)",
)
AG3_EN = (
    AG3[0],
    "Programme of methodological partnership",
    "programme",
    "2024",
    "2024",
    "Minsk Pedagogical College; Гимназия № 3 г. Гродно",
)

# ---------------------------------------------------------------- partners
SMOLENSK = (ID + "institution/smolensk-iro", "Смоленский институт развития образования", "RU", 2, 1)
POLOTSK = (ID + "institution/polotsk-college", "Полоцкий колледж", "BY", 1, 0)
DAUGAVPILS = (ID + "institution/daugavpils-school", "Даугавпилсская школа № 9", "LV", 0, 1)
ORSHA = (ID + "institution/orsha-school", "Оршанская гимназия", "BY", 0, 1)

# ---------------------------------------------------------------- expiring
_BL = "Брестский университет; Люблинский университет"
X1 = (ID + "agreement/x1", "Соглашение, истекающее 1 июня 2025 г.", "2025-06-01", 0, _BL)
X2 = (ID + "agreement/x2", "Соглашение до июля 2025 г.", "2025-07", 60, _BL)
X3 = (ID + "agreement/x3", "Соглашение до конца 2025 г.", "2025", 213, _BL)

# ---------------------------------------------------------------- events
MOGILEV = "Могилёвский институт развития образования"
E1 = (
    ID + "event/m-e1",
    "Визит делегации в Тулу",
    "delegation_visit",
    "2024-03-11",
    "2024-03-13",
    "Тульская школа № 1",
    MOGILEV,
)
E2 = (
    ID + "event/m-e2",
    "Семинар «Цифровая школа»",
    "seminar",
    "2024-11",
    None,
    MOGILEV,
    "Бобруйский лицей; Ташкентский педагогический университет; Тульская школа № 1",
)
E3 = (
    ID + "event/m-e3",
    "Вебинар для учителей физики",
    "webinar",
    "2025-02-05",
    None,
    "Ташкентский педагогический университет",
    "Бобруйский лицей",
)

# ---------------------------------------------------------------- dormant
_PV = "Вильнюсская школа; Пинский колледж"
D2 = (ID + "agreement/d2", "Действующее бессрочное, без мероприятий", "2024-06", None, _PV)
D3 = (ID + "agreement/d3", "Истёкшее, без мероприятий", "2023-01-01", "2024-12-31", _PV)
D5 = (ID + "agreement/d5", "Действующее в 2025 году, без мероприятий", "2025", "2025", _PV)

CASES = [
    pytest.param("agreements", {}, [AG1, AG3, AG2], id="agreements-all"),
    pytest.param("agreements", {"year": "2024"}, [AG3, AG2], id="agreements-year"),
    pytest.param("agreements", {"country": "RU"}, [AG1, AG2], id="agreements-country-code"),
    pytest.param("agreements", {"country": "Россия"}, [AG1, AG2], id="agreements-country-name"),
    pytest.param(
        "agreements", {"region": "Гродненская область"}, [AG3, AG2], id="agreements-region-label"
    ),
    pytest.param(
        "agreements", {"region": "grodno-region"}, [AG3, AG2], id="agreements-region-slug"
    ),
    pytest.param(
        "agreements",
        {"institution": "смоленский государственный университет"},
        [AG1, AG2],
        id="agreements-institution-name-any-case",
    ),
    pytest.param(
        "agreements", {"institution": "СмолГУ"}, [AG1, AG2], id="agreements-institution-altlabel"
    ),
    pytest.param(
        "agreements",
        {"institution": "GR-GYM-3"},
        [AG3, AG2],
        id="agreements-institution-identifier",
    ),
    pytest.param(
        "agreements",
        {"active_on": "2024-02-15"},
        [AG1, AG3],
        id="agreements-active-before-validfrom",
    ),
    pytest.param(
        "agreements",
        {"active_on": "2025-01-15"},
        [AG1, AG2],
        id="agreements-active-after-gyear-end",
    ),
    pytest.param(
        "agreements", {"lang": "en"}, [AG1_EN, AG3_EN, AG2_EN], id="agreements-en-fallback"
    ),
    pytest.param(
        "partner-countries",
        {},
        [
            ("BY", "Беларусь", 3),
            ("RU", "Российская Федерация", 3),
            ("KZ", "Казахстан", 2),
            ("CN", "Китай", 1),
        ],
        id="partner-countries-all-homes",
    ),
    pytest.param(
        "partner-countries",
        {"country": "BY"},
        [("RU", "Российская Федерация", 2), ("CN", "Китай", 1), ("KZ", "Казахстан", 1)],
        id="partner-countries-home-country",
    ),
    pytest.param(
        "partner-countries",
        {"country": "BY", "year": "2024"},
        [("CN", "Китай", 1), ("KZ", "Казахстан", 1), ("RU", "Российская Федерация", 1)],
        id="partner-countries-year",
    ),
    pytest.param(
        "partner-countries",
        {"region": "Брестская область"},
        [("CN", "Китай", 1), ("RU", "Российская Федерация", 1)],
        id="partner-countries-region-label",
    ),
    pytest.param(
        "partner-countries",
        {"region": "minsk-region", "lang": "en"},
        [("KZ", "Kazakhstan", 1), ("RU", "Russian Federation", 1)],
        id="partner-countries-region-en",
    ),
    pytest.param(
        "partners",
        {"institution": "VIT-IRO"},
        [SMOLENSK, POLOTSK, DAUGAVPILS, ORSHA],
        id="partners-identifier",
    ),
    pytest.param(
        "partners",
        {"institution": "витебский областной институт развития образования"},
        [SMOLENSK, POLOTSK, DAUGAVPILS, ORSHA],
        id="partners-name",
    ),
    pytest.param(
        "partners",
        {"institution": ID + "institution/vitebsk-iro", "lang": "en"},
        [
            (SMOLENSK[0], "Smolensk Institute for Education Development", "RU", 2, 1),
            (POLOTSK[0], "Polotsk College", "BY", 1, 0),
            DAUGAVPILS,
            ORSHA,
        ],
        id="partners-iri-en",
    ),
    pytest.param("partner-countries", {"year": "1990"}, [], id="partner-countries-empty"),
    pytest.param("events-by-type", {"year": "1990"}, [], id="events-by-type-empty"),
    pytest.param("agreements", {"year": "1990"}, [], id="agreements-empty"),
    pytest.param("events", {"year": "1990"}, [], id="events-empty"),
    pytest.param("expiring-agreements", {"on": "1990-01-01"}, [], id="expiring-empty"),
    pytest.param("dormant-agreements", {"on": "1990-01-01"}, [], id="dormant-empty"),
    pytest.param(
        "institutions-without-partners",
        {},
        [
            (ID + "institution/zhlobin-school", "Жлобинская школа", "BY", None),
            (ID + "institution/mozyr-gymnasium", "Мозырская гимназия", "BY", "Гомельская область"),
            (ID + "institution/rechitsa-college", "Речицкий колледж", "BY", "Гомельская область"),
            (ID + "institution/chernigov-lyceum", "Черниговский лицей", "UA", None),
        ],
        id="without-partners",
    ),
    pytest.param(
        "institutions-without-partners",
        {"lang": "be"},
        [
            (ID + "institution/mozyr-gymnasium", "Mozyr Gymnasium", "BY", "Гомельская вобласць"),
            (ID + "institution/zhlobin-school", "Жлобинская школа", "BY", None),
            (ID + "institution/rechitsa-college", "Речицкий колледж", "BY", "Гомельская вобласць"),
            (ID + "institution/chernigov-lyceum", "Черниговский лицей", "UA", None),
        ],
        id="without-partners-be-fallback",
    ),
    pytest.param(
        "expiring-agreements", {"on": "2025-06-01"}, [X1, X2], id="expiring-default-window"
    ),
    pytest.param(
        "expiring-agreements",
        {"on": "2025-06-01", "within_days": "365"},
        [X1, X2, X3],
        id="expiring-gyear",
    ),
    pytest.param(
        "expiring-agreements",
        {"on": "2025-06-02"},
        [X2[:3] + (59,) + X2[4:]],
        id="expiring-day-after",
    ),
    pytest.param(
        "expiring-agreements",
        {"on": "2024-01-31", "within_days": "30"},
        [
            (
                ID + "agreement/x6",
                "Соглашение до февраля 2024 г. (високосный год)",
                "2024-02",
                29,
                _BL,
            )
        ],
        id="expiring-leap-february",
    ),
    pytest.param(
        "expiring-agreements",
        {"on": "2025-06-01", "lang": "en"},
        [
            X1[:4] + ("Brest University; Люблинский университет",),
            (
                X2[0],
                "Agreement until July 2025",
                "2025-07",
                60,
                "Brest University; Люблинский университет",
            ),
        ],
        id="expiring-en",
    ),
    pytest.param("events", {}, [E1, E2, E3], id="events-all"),
    pytest.param("events", {"year": "2024"}, [E1, E2], id="events-year"),
    pytest.param("events", {"type": "seminar"}, [E2], id="events-type-notation"),
    pytest.param(
        "events",
        {"type": "https://w3id.org/edukg/concept/event-kind/webinar"},
        [E3],
        id="events-type-iri",
    ),
    pytest.param("events", {"country": "RU"}, [E1], id="events-country"),
    pytest.param("events", {"country": "Беларусь"}, [E2], id="events-country-name"),
    pytest.param(
        "events", {"institution": "бобруйский лицей"}, [E2, E3], id="events-institution-name"
    ),
    pytest.param(
        "events", {"institution": "MOG-IRO"}, [E1, E2], id="events-institution-identifier"
    ),
    pytest.param(
        "events",
        {"year": "2025", "lang": "en"},
        [(E3[0], "Webinar for physics teachers") + E3[2:]],
        id="events-en",
    ),
    pytest.param(
        "events-by-type",
        {},
        [
            ("seminar", "семинар", 3),
            ("round_table", "круглый стол", 2),
            ("delegation_visit", "визит делегации", 1),
        ],
        id="events-by-type-all",
    ),
    pytest.param(
        "events-by-type",
        {"year": "2025"},
        [("seminar", "семинар", 2), ("round_table", "круглый стол", 1)],
        id="events-by-type-year",
    ),
    pytest.param(
        "events-by-type",
        {"year": "2024", "lang": "en"},
        [("delegation_visit", "delegation visit", 1), ("seminar", "seminar", 1)],
        id="events-by-type-en",
    ),
    pytest.param(
        "cooperation-by-year",
        {},
        # y5 has no signing date: its validity starts in 2025 (the year rule)
        [(2023, 2, 0), (2024, 2, 1), (2025, 1, 1)],
        id="cooperation-by-year-signed-else-valid-from",
    ),
    pytest.param("dormant-agreements", {"on": "2025-03-01"}, [D2, D5], id="dormant"),
    pytest.param("dormant-agreements", {"on": "2024-02-01"}, [D3], id="dormant-earlier-day"),
    pytest.param(
        "dormant-agreements",
        {"on": "2025-03-01", "lang": "en"},
        [
            (
                D2[0],
                "In force, open-ended, no events",
                "2024-06",
                None,
                "Pinsk College; Вильнюсская школа",
            ),
            D5[:4] + ("Pinsk College; Вильнюсская школа",),
        ],
        id="dormant-en",
    ),
]


def rows_of(result: Any) -> list[tuple[Any, ...]]:
    return [tuple(record.values()) for record in result.records()]


# Queries of the analysis floor: the networks it builds and the results it writes back are
# checked against hand-made fixtures in tests/analysis/ instead.
ANALYSIS_QUERIES = {"clusters", "brokers"}


def test_every_catalogue_query_has_a_fixture_and_cases() -> None:
    from .conftest import FIXTURES

    expected = {
        name
        for name in load_catalogue()
        if not name.startswith("network-") and name not in ANALYSIS_QUERIES
    }
    covered = {case.values[0] for case in CASES}
    assert covered == expected
    assert {path.stem for path in FIXTURES.glob("*.ttl")} == expected


class Engines:
    """The three engines holding one fixture, loaded once per fixture for the whole module."""

    def __init__(self, server: OxigraphServer) -> None:
        self.server = server
        self.loaded: dict[str, tuple[KnowledgeGraph, Any]] = {}
        self.on_server: str | None = None

    def get(self, name: str) -> tuple[KnowledgeGraph, Any, Any]:
        if name not in self.loaded:
            kg = load_fixture(KnowledgeGraph.in_memory(), name)
            self.loaded[name] = (kg, rdflib_copy(kg))
        kg, dataset = self.loaded[name]
        if self.on_server != name:
            self.server.clear()
            push(kg, store_endpoint=self.server.store_url)
            self.on_server = name
        return kg, dataset, self.server.endpoint()


@pytest.fixture(scope="module")
def engines(oxigraph_server: OxigraphServer) -> Iterator[Engines]:
    holder = Engines(oxigraph_server)
    yield holder
    for kg, _ in holder.loaded.values():
        kg.close()


@pytest.mark.parametrize(("name", "params", "expected"), CASES)
def test_catalogue_query_gives_the_same_rows_on_every_engine(
    name: str, params: dict[str, str], expected: list[tuple[Any, ...]], engines: Engines
) -> None:
    kg, dataset, endpoint = engines.get(name)
    embedded = run_query(kg, name, params)
    assert rows_of(embedded) == expected
    assert embedded.columns == load_catalogue()[name].columns

    plain = run_query(dataset, name, params)
    assert plain.columns == embedded.columns
    assert plain.rows == embedded.rows

    remote = run_query(endpoint, name, params)
    assert remote.columns == embedded.columns
    assert remote.rows == embedded.rows
