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
