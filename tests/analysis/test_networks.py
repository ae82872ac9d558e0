"""Networks built from the partnerships fixture with one SPARQL query each."""

from __future__ import annotations

import datetime as dt
import itertools

import networkx as nx
import pytest

from edukg.analysis.centrality import set_degree_attributes
from edukg.analysis.networks import (
    Window,
    _sorted_network,
    institution_event_network,
    node_label,
    partnership_network,
)
from edukg.core.errors import ConfigError
from edukg.loaders import load_files
from tests.analysis.conftest import T

COUNTRY = "https://w3id.org/edukg/country/"


def test_a_multilateral_agreement_links_every_pair_of_its_parties(partnerships_kg):
    network = partnership_network(partnerships_kg)
    for a, b in itertools.combinations(["a1", "a2", "a3"], 2):
        ids = [agreement["id"] for agreement in network.edges[T + a, T + b]["agreements"]]
        assert "ag1" in ids
    for a, b in itertools.combinations(["b1", "b2", "b3"], 2):
        assert [x["id"] for x in network.edges[T + a, T + b]["agreements"]] == ["ag3"]
    assert not network.has_edge(T + "a1", T + "b1")


def test_weights_count_agreements_and_events(partnerships_kg):
    network = partnership_network(partnerships_kg)
    assert network.edges[T + "a1", T + "a2"]["weight"] == 2  # ag1 and ag2
    bridge = network.edges[T + "a3", T + "b1"]
    assert bridge["weight"] == 3  # ag4, e1, e2
    assert bridge["years"] == [2024]
    assert [e["iri"] for e in bridge["events"]] == [T + "e1", T + "e2"]
    assert network.edges[T + "a1", T + "a2"]["years"] == [2021, 2022]
    without_events = partnership_network(partnerships_kg, events=False)
    assert without_events.edges[T + "a3", T + "b1"]["weight"] == 1
    assert not without_events.has_edge(T + "a1", T + "k1")


def test_the_network_follows_the_page_contract(partnerships_kg):
    network = partnership_network(partnerships_kg, lang="en")
    assert set(network) == {T + n for n in ("a1", "a2", "a3", "b1", "b2", "b3", "k1", "z1")}
    a1 = network.nodes[T + "a1"]
    assert a1["label"] == {"ru": "Школа А1", "be": "Школа А1", "en": "School A1"}
    assert (a1["kind"], a1["country"], a1["region"]) == ("school", "BY", "Minsk Region")
    assert a1["cluster"] is None and a1["centrality"] == 0.0
    assert (a1["degree"], a1["weighted_degree"]) == (3, 4.0)  # a2: ag1 ag2; a3: ag1; k1: e3
    assert network.nodes[T + "k1"]["region"] is None
    assert network.nodes[T + "z1"]["degree"] == 0
    agreement = next(a for a in network.edges[T + "a1", T + "a2"]["agreements"] if a["id"] == "ag1")
    assert agreement == {
        "iri": T + "ag1",
        "id": "ag1",
        "title": "Agreement of three schools",
        "signed": "2021-09-01",
        "valid_until": None,
        "type": "agreement",
        "areas": ["language_and_culture", "student_exchange"],
        "source": "partnerships.ttl",
    }
    (event,) = network.edges[T + "a1", T + "k1"]["events"]
    assert event == {
        "iri": T + "e3",
        "title": "Семинар",  # no English title: falls back to another language
        "type": "seminar",
        "start": "2025-01-15",
        "end": "2025-01-16",
        "source": "partnerships.ttl",
    }


def _links(network):
    return sorted(
        (a.rsplit("/", 1)[-1], b.rsplit("/", 1)[-1], data["weight"])
        for a, b, data in network.edges(data=True)
    )


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        pytest.param(
            Window(since=dt.date(2024, 1, 1)), [("a1", "k1", 1), ("a3", "b1", 3)], id="since"
        ),
        pytest.param(
            Window(until=dt.date(2023, 5, 1)),  # ag3 is dated 2023-05: its month meets the window
            [
                ("a1", "a2", 2),
                ("a1", "a3", 1),
                ("a2", "a3", 1),
                ("b1", "b2", 1),
                ("b1", "b3", 1),
                ("b2", "b3", 1),
            ],
            id="until-partial-month",
        ),
        pytest.param(
            Window(until=dt.date(2023, 4, 30)),
            [("a1", "a2", 2), ("a1", "a3", 1), ("a2", "a3", 1)],
            id="until-before-month",
        ),
        pytest.param(
            # ag2 ended in 2023 (gYear), ag4 runs through 2024, ag1 and ag3 have no end;
            # events on other days drop out
            Window(active_on=dt.date(2024, 6, 1)),
            [
                ("a1", "a2", 1),
                ("a1", "a3", 1),
                ("a2", "a3", 1),
                ("a3", "b1", 1),
                ("b1", "b2", 1),
                ("b1", "b3", 1),
                ("b2", "b3", 1),
            ],
            id="active-on",
        ),
        pytest.param(
            Window(active_on=dt.date(2024, 9, 20)),  # e2 is dated 2024-09: running all month
            [
                ("a1", "a2", 1),
                ("a1", "a3", 1),
                ("a2", "a3", 1),
                ("a3", "b1", 2),
                ("b1", "b2", 1),
                ("b1", "b3", 1),
                ("b2", "b3", 1),
            ],
            id="active-on-partial-event",
        ),
    ],
)
def test_time_windows(partnerships_kg, window, expected):
    assert _links(partnership_network(partnerships_kg, window=window)) == expected


def test_a_window_that_ends_before_it_starts_is_refused():
    with pytest.raises(ConfigError, match="after --until"):
        Window(since=dt.date(2024, 2, 1), until=dt.date(2024, 1, 1))


def test_country_network_counts_each_link_once_per_pair_of_countries(partnerships_kg):
    network = partnership_network(partnerships_kg, level="country", lang="en")
    assert _links(network) == [("BY", "KZ", 1), ("BY", "RU", 3)]
    by = network.nodes[COUNTRY + "BY"]
    assert by["label"]["en"] == "Belarus" and by["country"] == "BY"
    assert by["institutions"] == 3 and by["internal_weight"] == 2  # ag1, ag2
    assert network.nodes[COUNTRY + "RU"]["internal_weight"] == 1  # ag3
    assert network.nodes[COUNTRY + "TJ"]["degree"] == 0
    assert [a["id"] for a in network.edges[COUNTRY + "BY", COUNTRY + "RU"]["agreements"]] == ["ag4"]


def test_region_network_leaves_out_institutions_without_a_region(partnerships_kg):
    network = partnership_network(partnerships_kg, level="region", lang="en")
    assert set(network) == {T + "minsk", T + "pskov"}
    assert network.edges[T + "minsk", T + "pskov"]["weight"] == 3
    assert network.nodes[T + "pskov"]["region"] == "Pskov Oblast"
    assert network.nodes[T + "pskov"]["country"] == "RU"


def test_institution_event_network_is_bipartite(partnerships_kg):
    network = institution_event_network(partnerships_kg)
    events = {n for n, d in network.nodes(data=True) if d["bipartite"] == 1}
    assert events == {T + "e1", T + "e2", T + "e3"}
    assert network.edges[T + "b1", T + "e1"]["roles"] == ["organizer"]
    assert network.edges[T + "a3", T + "e1"]["roles"] == ["attendee"]
    assert network.nodes[T + "e3"]["kind"] == "seminar"
    later = institution_event_network(partnerships_kg, window=Window(since=dt.date(2024, 6, 1)))
    assert {n for n, d in later.nodes(data=True) if d["bipartite"] == 1} == {T + "e2", T + "e3"}


def test_an_unknown_level_is_refused(partnerships_kg):
    with pytest.raises(ConfigError, match="unknown level"):
        partnership_network(partnerships_kg, level="planet")


def test_network_queries_go_through_the_catalogue_parameter_checks(partnerships_kg):
    # the analysis once bound values itself and skipped these checks
    with pytest.raises(ConfigError, match="unknown language 'xx'"):
        partnership_network(partnerships_kg, lang="xx")
    with pytest.raises(ConfigError, match="unknown language"):
        institution_event_network(partnerships_kg, lang="xx")


def test_labels_in_cyrillic_survive(partnerships_kg):
    network = partnership_network(partnerships_kg, level="region")
    assert network.nodes[T + "minsk"]["label"]["ru"] == "Минская область"


def test_names_in_no_language_and_short_names_reach_the_network(kg, tmp_path):
    """Regression: CORDIS names carry no language tag and were dropped, so nodes showed IRIs."""
    register = tmp_path / "cordis-like.ttl"
    register.write_text(
        """@prefix edukg: <https://w3id.org/edukg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix country: <https://w3id.org/edukg/country/> .
<https://test.example/id/u1> a edukg:Institution ; edukg:country country:BY ;
    skos:prefLabel "BELARUSIAN STATE UNIVERSITY" ; edukg:shortName "BSU" .
<https://test.example/id/u2> a edukg:Institution ; edukg:country country:DE ;
    skos:prefLabel "Universität Leipzig"@de, "Leipzig University"@en .
<https://test.example/id/p1> a edukg:CooperationAgreement ;
    edukg:hasParty <https://test.example/id/u1>, <https://test.example/id/u2> .
""",
        encoding="utf-8",
    )
    load_files(kg, [register])
    network = partnership_network(kg)
    assert node_label(network, T + "u1", "ru") == "BELARUSIAN STATE UNIVERSITY"
    assert network.nodes[T + "u1"]["short_label"] == {"": "BSU"}
    assert node_label(network, T + "u2", "ru") == "Leipzig University"


def test_a_network_filled_in_place_is_the_one_networkx_builds(partnerships_kg):
    network = partnership_network(partnerships_kg)
    nodes = {node: dict(data) for node, data in reversed(list(network.nodes(data=True)))}
    edges = {(a, b): dict(data) for a, b, data in reversed(list(network.edges(data=True)))}
    edges[T + "zz-new", T + "a1"] = {"weight": 1}  # an end that is no node yet
    expected = nx.Graph(level="institution")
    expected.add_nodes_from(sorted(nodes.items()))
    expected.add_edges_from((a, b, data) for (a, b), data in sorted(edges.items()))
    set_degree_attributes(expected)
    built = _sorted_network({"level": "institution"}, nodes, edges)
    assert built.graph == expected.graph
    assert list(built.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(built.edges(data=True)) == list(expected.edges(data=True))
    assert {n: list(built.adj[n]) for n in built} == {n: list(expected.adj[n]) for n in expected}
    built.remove_node(T + "a1")  # networkx's own changes keep working on it
    assert not built.has_edge(T + "a2", T + "a1") and built.degree(T + "zz-new") == 0
