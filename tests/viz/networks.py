"""Small partnership networks shaped like the analysis contract, for the page tests."""

from __future__ import annotations

import datetime

import networkx as nx

BASE = "https://example.org/edukg/institution/"
INJECTION = (
    "<img src=x onerror=\"document.title='pwned';alert(1)\"></script><script>alert(2)</script>"
)


def institution(
    graph: nx.Graph,
    key: str,
    labels: dict[str, str],
    *,
    kind: str | None,
    country: str | None,
    region: str | None = None,
    cluster: int | None = 0,
) -> str:
    iri = BASE + key
    graph.add_node(iri, label=labels, kind=kind, country=country, region=region, cluster=cluster)
    return iri


def tie(
    graph: nx.Graph, a: str, b: str, *, agreements: list[dict] = (), events: list[dict] = ()
) -> None:
    years = sorted(
        {int(str(x["signed"])[:4]) for x in agreements if x.get("signed")}
        | {int(str(x["start"])[:4]) for x in events if x.get("start")}
    )
    graph.add_edge(
        a,
        b,
        weight=len(agreements) + len(events),
        agreements=list(agreements),
        events=list(events),
        years=years,
    )


def finish(graph: nx.Graph) -> nx.Graph:
    """Fill in the measures the analysis would compute."""
    centrality = nx.degree_centrality(graph)
    for node in graph:
        graph.nodes[node]["centrality"] = centrality[node]
        graph.nodes[node]["degree"] = graph.degree(node)
        graph.nodes[node]["weighted_degree"] = float(graph.degree(node, weight="weight"))
    return graph


def agreement(
    key: str,
    title: str,
    signed: str,
    *,
    type_: str = "agreement",
    areas: tuple[str, ...] = ("methodological_support",),
    valid_until: str | None = None,
) -> dict:
    return {
        "iri": BASE + "agreement/" + key,
        "id": key,
        "title": title,
        "signed": signed,
        "valid_until": valid_until,
        "type": type_,
        "areas": list(areas),
        "source": "register-2024",
    }


def cooperation_network() -> nx.Graph:
    """Seven institutions in four countries, with Cyrillic names and one hostile name."""
    g = nx.Graph()
    bsu = institution(
        g,
        "bsu",
        {
            "ru": "Белорусский государственный университет",
            "be": "Беларускі дзяржаўны ўніверсітэт",
            "en": "Belarusian State University",
        },
        kind="university",
        country="BY",
        region="Минск",
        cluster=0,
    )
    gym = institution(
        g,
        "gym1",
        {"ru": "Гимназия № 1 г. Минска", "be": "Гімназія № 1 г. Мінска"},
        kind="gymnasium",
        country="BY",
        region="Минск",
        cluster=0,
    )
    msu = institution(
        g,
        "msu",
        {"ru": "Московский государственный университет", "en": "Lomonosov Moscow State University"},
        kind="university",
        country="RU",
        cluster=1,
    )
    school = institution(
        g,
        "school5",
        {"ru": "Средняя школа № 5 г. Смоленска"},
        kind="school",
        country="RU",
        cluster=1,
    )
    evil = institution(
        g, "evil", {"ru": INJECTION, "en": INJECTION}, kind="college", country="CN", cluster=2
    )
    tsu = institution(
        g,
        "tsinghua",
        {"en": "Tsinghua University", "ru": "Университет Цинхуа"},
        kind="university",
        country="CN",
        cluster=2,
    )
    lone = institution(
        g, "lone", {"ru": "Колледж без партнёров"}, kind=None, country=None, cluster=None
    )
    tie(
        g,
        bsu,
        msu,
        agreements=[
            agreement(
                "A-1",
                "Соглашение о сотрудничестве БГУ и МГУ",
                "2019-05-14",
                valid_until="2029-05-14",
            ),
            agreement(
                "A-2",
                "Договор об академическом обмене",
                "2023-02-01",
                type_="contract",
                areas=("student_exchange",),
            ),
        ],
        events=[
            {
                "iri": BASE + "event/1",
                "title": "Круглый стол ректоров",
                "type": "round_table",
                "start": datetime.date(2023, 10, 3),
                "end": datetime.date(2023, 10, 4),
                "source": "events-2023",
            }
        ],
    )
    tie(g, gym, school, agreements=[agreement("A-3", "Договор о побратимстве школ", "2021-09-01")])
    tie(
        g,
        bsu,
        tsu,
        agreements=[
            agreement(
                "A-4",
                "Memorandum of understanding",
                "2024-04-20",
                type_="memorandum",
                areas=("research",),
            )
        ],
    )
    tie(
        g,
        evil,
        tsu,
        agreements=[agreement("A-5", INJECTION, "2022-01-10", areas=(INJECTION,))],
        events=[
            {
                "iri": BASE + "event/2",
                "title": INJECTION,
                "type": INJECTION,
                "start": "2022-03-01",
                "end": None,
                "source": INJECTION,
            }
        ],
    )
    tie(
        g, bsu, gym, agreements=[agreement("A-6", "Договор о довузовской подготовке", "2020-01-15")]
    )
    assert lone in g
    return finish(g)


def random_network(
    nodes: int, *, seed: int = 7, countries: int = 12, clusters: int = 8, ties_per_node: int = 2
) -> nx.Graph:
    """A scale-free network of ``nodes`` institutions with random attributes (benchmarks, caps)."""
    import random

    rng = random.Random(seed)
    shape = nx.barabasi_albert_graph(nodes, ties_per_node, seed=seed)
    g = nx.Graph()
    kinds = ["university", "school", "gymnasium", "lyceum", "college", "preschool", None]
    codes = ["BY", "RU", "CN", "DE", "PL", "LT", "KZ", "UZ", "FR", "TR", "IN", "VN"][:countries]
    for n in shape:
        institution(
            g,
            f"n{n}",
            {"ru": f"Учреждение {n}", "en": f"Institution {n}"},
            kind=rng.choice(kinds),
            country=rng.choice(codes),
            cluster=rng.randrange(clusters),
        )
    for u, v in shape.edges:
        year = rng.randrange(2010, 2026)
        tie(
            g,
            BASE + f"n{u}",
            BASE + f"n{v}",
            agreements=[agreement(f"{u}-{v}", f"Соглашение {u}–{v}", f"{year}-06-01")],
        )
    return finish(g)


CITIES = [  # name, English name, genitive, adjective
    ("Минск", "Minsk", "Минска", "Минский"),
    ("Гродно", "Grodno", "Гродно", "Гродненский"),
    ("Брест", "Brest", "Бреста", "Брестский"),
    ("Гомель", "Gomel", "Гомеля", "Гомельский"),
    ("Витебск", "Vitebsk", "Витебска", "Витебский"),
    ("Могилёв", "Mogilev", "Могилёва", "Могилёвский"),
    ("Смоленск", "Smolensk", "Смоленска", "Смоленский"),
    ("Вильнюс", "Vilnius", "Вильнюса", "Вильнюсский"),
    ("Варшава", "Warsaw", "Варшавы", "Варшавский"),
    ("Харбин", "Harbin", "Харбина", "Харбинский"),
]
COUNTRY_CODES = ["BY", "RU", "CN", "DE", "PL", "LT", "KZ", "UZ", "FR", "TR", "IN", "VN", "LV", "AM"]


def _institution_name(rng: object, kind: str, number: int) -> tuple[dict[str, str], dict | None]:
    city, city_en, city_of, adjective = rng.choice(CITIES)  # type: ignore[attr-defined]
    if kind == "university":
        short = f"{city[:2]}ГУ-{number}"
        return (
            {
                "ru": f"{adjective} государственный университет № {number}",
                "en": f"{city_en} State University No. {number}",
            },
            {"ru": short, "en": f"{city_en[:2]}SU-{number}"},
        )
    if kind == "school":
        return (
            {
                "ru": f"Государственное учреждение образования «Средняя школа № {number} "
                f"г. {city_of}»",
                "en": f"Secondary School No. {number}, {city_en}",
            },
            None,
        )
    if kind == "gymnasium":
        return ({"ru": f"Гимназия № {number} г. {city_of}"}, None)
    if kind == "college":
        return (
            {
                "ru": f"Учреждение образования «{adjective} государственный колледж "
                f"искусств и технологий № {number}»",
                "en": f"{city_en} State College of Arts and Technology No. {number}",
            },
            None,
        )
    return (
        {
            "ru": f"Институт развития образования и повышения квалификации № {number} "
            f"({city_en[:3].upper()}{number})",
            "en": f"Institute for the Development of Education No. {number}",
        },
        None,
    )


def clustered_network(nodes: int, *, seed: int = 7, cross_share: float = 0.08) -> nx.Graph:
    """Institutions in many clusters of very unequal size, with long names, like real data.

    About one cluster per 13 institutions (2,520 institutions make about 190), sizes falling
    like 1/rank; each cluster mostly in one home country; a few ties across clusters, more
    of them at the hubs. Universities carry a ``short_label``. Quick: 2,500 nodes in well
    under a second.
    """
    import random

    rng = random.Random(seed)
    count = max(3, nodes // 13)
    weights = [1 / (i + 1) ** 0.9 for i in range(count)]
    scale = nodes / sum(weights)
    sizes = [max(1, int(w * scale)) for w in weights]
    sizes[0] += nodes - sum(sizes)
    kinds = ["university", "school", "gymnasium", "college", "institute_of_education_development"]
    kind_weights = [2, 5, 2, 2, 1]
    g = nx.Graph()
    members: list[list[str]] = []
    number = 0
    for cluster, size in enumerate(sizes):
        home = COUNTRY_CODES[min(len(COUNTRY_CODES) - 1, int(rng.expovariate(0.45)))]
        ids = []
        for _ in range(size):
            number += 1
            kind = rng.choices(kinds, kind_weights)[0]
            labels, short = _institution_name(rng, kind, number)
            country = home if rng.random() < 0.75 else rng.choice(COUNTRY_CODES)
            iri = institution(g, f"c{number}", labels, kind=kind, country=country, cluster=cluster)
            if short:
                g.nodes[iri]["short_label"] = short
            ids.append(iri)
        members.append(ids)
        if size > 2:
            shape = nx.barabasi_albert_graph(size, min(2, size - 1), seed=rng.randrange(1 << 30))
            pairs = [(ids[u], ids[v]) for u, v in shape.edges]
        else:
            pairs = list(zip(ids, ids[1:], strict=False))
        for a, b in pairs:
            _random_tie(g, rng, a, b)
    everyone = [iri for ids in members for iri in ids]
    reach = [g.degree(n) + 1 for n in everyone]
    for _ in range(int(nodes * cross_share)):
        a, b = rng.choices(everyone, weights=reach, k=2)
        if a != b and g.nodes[a]["cluster"] != g.nodes[b]["cluster"]:
            _random_tie(g, rng, a, b)
    return finish(g)


def _random_tie(g: nx.Graph, rng: object, a: str, b: str) -> None:
    agreements = [
        agreement(
            f"{a.rsplit('/', 1)[1]}-{b.rsplit('/', 1)[1]}-{i}",
            "Соглашение о сотрудничестве",
            f"{rng.randrange(2014, 2021)}-03-01",  # type: ignore[attr-defined]
        )
        for i in range(rng.choice([1, 1, 1, 2, 3]))  # type: ignore[attr-defined]
    ]
    tie(g, a, b, agreements=agreements)
