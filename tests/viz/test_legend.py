"""Legend rows, cluster names, short names and the story, checked without a browser."""

from __future__ import annotations

import pytest

from edukg.viz.legend import MAX_LEGEND_ROWS, cluster_name, colour_rows, story
from edukg.viz.page_data import network_page_data
from edukg.viz.short_labels import SHORT_LABEL_CHARS, short_label, shorten
from edukg.viz.styling import KIND_SHAPES, OTHER_COLOUR, TEXT_FREE_SHAPES
from tests.viz.networks import BASE, clustered_network, cooperation_network


def member(key: str, country: str | None, centrality: float, short: str = "") -> dict:
    return {
        "id": key,
        "label": {"ru": f"Учреждение {key}"},
        "short": {"ru": short or key},
        "country": country,
        "centrality": centrality,
        "cluster": 0,
    }


def test_a_cluster_is_named_by_its_most_central_member_and_its_countries() -> None:
    members = [member("bsu", "BY", 0.9, "БГУ")]
    members += [member(f"m{i}", c, 0.1) for i, c in enumerate(["BY"] * 5 + ["DE"] * 4 + ["PL"] * 3)]
    assert cluster_name(members)["ru"] == "БГУ + 12 (BY, DE, PL)"


def test_a_cluster_of_many_countries_counts_the_rest() -> None:
    members = [member(f"m{i}", c, 0.1 * i) for i, c in enumerate(["BY", "DE", "PL", "LT", "LV"])]
    assert cluster_name(members)["ru"] == "m4 + 4 (BY, DE, LT +2)"


def test_188_clusters_fold_into_a_legend_of_at_most_15_rows() -> None:
    data = network_page_data(clustered_network(2520))
    legend = data["legend"]
    clusters = {n["cluster"] for n in data["nodes"]}
    assert len(clusters) > 150
    for mapping, rows in legend["colour"].items():
        assert len(rows) + len(legend["shapes"]) <= MAX_LEGEND_ROWS, mapping
        *named, other = rows
        assert other["other"] and other["color"] == OTHER_COLOUR
        assert sum(row["count"] for row in rows) == len(data["nodes"])
        counts = [row["count"] for row in named]
        assert counts == sorted(counts, reverse=True)
    assert legend["colour"]["cluster"][-1]["groups"] == len(clusters) - (
        len(legend["colour"]["cluster"]) - 1
    )


def test_node_colours_follow_the_legend_rows() -> None:
    data = network_page_data(clustered_network(500))
    rows = {row["key"]: row["color"] for row in data["legend"]["colour"]["cluster"] if "key" in row}
    for node in data["nodes"]:
        assert node["colors"]["cluster"] == rows.get(node["cluster"], OTHER_COLOUR)
        assert node["color"] == node["colors"]["cluster"]
    ranks = sorted(node["rank"] for node in data["nodes"])
    assert ranks == list(range(500))


def test_folded_rows_name_the_nodes_outside_any_group() -> None:
    nodes = [member("a", "BY", 1.0), {**member("b", None, 0.5), "cluster": None}]
    rows = colour_rows(nodes, "country", named=5)
    assert rows[-1] == {"other": True, "groups": 0, "color": OTHER_COLOUR, "count": 1}


def test_every_kind_is_drawn_with_a_shape_that_holds_no_text() -> None:
    assert set(KIND_SHAPES.values()) <= TEXT_FREE_SHAPES
    shapes = {n["shape"] for n in network_page_data(cooperation_network())["nodes"]}
    assert shapes <= TEXT_FREE_SHAPES


@pytest.mark.parametrize(
    ("labels", "attrs", "expected"),
    [
        pytest.param(
            {"en": "Belarusian State University"},
            {"short_label": {"en": "BSU"}},
            {"en": "BSU"},
            id="short-label-attribute",
        ),
        pytest.param(
            {"en": "STIFTELSEN SINTEF"}, {"shortName": "SINTEF"}, {"en": "SINTEF"}, id="shortName"
        ),
        pytest.param(
            {"ru": "Смоленский государственный университет"},
            {"altLabel": ["СмолГУ", "Смоленский госуниверситет"]},
            {"ru": "СмолГУ"},
            id="shortest-altLabel",
        ),
        pytest.param(
            {"ru": "Белорусский государственный университет (БГУ)"},
            {},
            {"ru": "БГУ"},
            id="acronym-in-the-name",
        ),
        pytest.param(
            {"ru": "ГУО «Гимназия № 1 г. Минска»"},
            {},
            {"ru": "Гимназия № 1 г. Минска"},
            id="quoted-name",
        ),
        pytest.param(
            {"ru": "Лицей (иллюстративный пример, Алматинская обл.)"},
            {},
            {"ru": "Лицей"},
            id="remark-dropped",
        ),
    ],
)
def test_short_names(labels: dict, attrs: dict, expected: dict) -> None:
    assert short_label(labels, attrs) == expected


def test_long_names_are_cut_at_a_word() -> None:
    cut = shorten("Institute of Applied Physics of the Academy of Sciences of Moldova")
    assert cut == "Institute of Applied Physics…" and len(cut) <= SHORT_LABEL_CHARS + 1


def test_story_lists_brokers_and_cross_border_clusters() -> None:
    data = network_page_data(cooperation_network())
    assert data["legend"]["story"]["brokers"][0] == BASE + "bsu"
    assert BASE + "lone" not in data["legend"]["story"]["brokers"]  # no partners, no broker
    assert data["legend"]["story"]["cross_border_clusters"] == []  # each cluster in one country
    nodes = [
        {**member("a", "BY", 0.9), "cluster": 0, "degree": 2},
        {**member("b", "RU", 0.1), "cluster": 0, "degree": 1},
        {**member("c", "BY", 0.1), "cluster": 0, "degree": 1},
        {**member("d", "BY", 0.5), "cluster": 1, "degree": 1},
        {**member("e", "BY", 0.1), "cluster": 1, "degree": 1},
        {**member("f", "DE", 0.2), "cluster": 2, "degree": 1},
        {**member("g", "PL", 0.1), "cluster": 2, "degree": 1},
    ]
    edges = [{"from": "a", "to": "b"}, {"from": "a", "to": "c"}, {"from": "d", "to": "e"}]
    edges.append({"from": "f", "to": "g"})
    told = story(nodes, edges)
    assert told["brokers"][:3] == ["a", "d", "f"]
    crossing = told["cross_border_clusters"]
    assert [(c["cluster"], c["size"], c["cross_border_ties"]) for c in crossing] == [
        (0, 3, 1),
        (2, 2, 1),
    ]
    assert crossing[0]["countries"] == ["BY", "RU"] and crossing[0]["lead"] == "a"


def test_meta_tells_the_header_line() -> None:
    meta = network_page_data(cooperation_network())["meta"]
    assert (meta["shown_nodes"], meta["shown_edges"], meta["countries"]) == (7, 5, 3)
    assert (meta["year_min"], meta["year_max"]) == (2019, 2024)


def test_a_node_without_a_name_is_called_by_the_end_of_its_iri() -> None:
    """Nodes without a ru/be/en name were labelled with their whole IRI on the overview."""
    graph = cooperation_network()
    graph.nodes[BASE + "lone"]["label"] = {}
    nodes = {n["id"]: n for n in network_page_data(graph)["nodes"]}
    assert nodes[BASE + "lone"]["label"] == {"": "lone"}
    assert nodes[BASE + "lone"]["short"] == {"": "lone"}
