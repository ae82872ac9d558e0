"""Trends on the partnerships fixture: new partners, reciprocal visits, idle agreements, shares."""

from __future__ import annotations

import pytest

from edukg.analysis.networks import partnership_network
from edukg.analysis.trends import (
    agreements_without_events,
    country_shares,
    new_partners_by_node,
    new_partners_per_year,
    visit_reciprocity,
)
from edukg.core.errors import ConfigError
from tests.analysis.conftest import T


def test_new_partners_per_year(partnerships_kg):
    network = partnership_network(partnerships_kg)
    # 2021: a1-a2 a1-a3 a2-a3 (ag1); 2023: the three Pskov pairs; 2024: a3-b1; 2025: a1-k1
    assert new_partners_per_year(network) == {2021: 3, 2023: 3, 2024: 1, 2025: 1}
    assert new_partners_by_node(network)[T + "a3"] == {2021: 2, 2024: 1}


def test_delegation_visits_in_both_directions_are_reciprocal(partnerships_kg):
    reciprocity = visit_reciprocity(partnerships_kg)
    assert reciprocity.reciprocated == [(T + "a3", T + "b1")]
    assert (reciprocity.visited_pairs, reciprocity.ratio) == (1, 1.0)
    assert reciprocity.one_way == []


def test_a_window_can_cut_the_return_visit(partnerships_kg):
    import datetime as dt

    from edukg.analysis.networks import Window

    reciprocity = visit_reciprocity(partnerships_kg, window=Window(until=dt.date(2024, 6, 30)))
    assert reciprocity.ratio == 0.0
    assert reciprocity.one_way == [(T + "a3", T + "b1")]  # a3 visited b1, not yet back


def test_agreements_without_an_implementing_event(partnerships_kg):
    rows = agreements_without_events(partnerships_kg, lang="ru")
    assert [(r["id"], r["parties"]) for r in rows] == [("ag1", 3), ("ag2", 2), ("ag3", 3)]
    assert rows[2]["title"] == "Программа Пскова"


def test_partner_countries_share_of_a_regions_cooperation(partnerships_kg):
    network = partnership_network(partnerships_kg)
    shares = country_shares(network, region="Минская область")
    assert [(s.country, s.weight) for s in shares] == [("RU", 3), ("KZ", 1)]
    assert [s.share for s in shares] == pytest.approx([0.75, 0.25])
    assert country_shares(network, region=T + "minsk") == shares
    assert country_shares(network, region="minsk region") == shares


def test_an_unknown_region_lists_the_known_ones(partnerships_kg):
    network = partnership_network(partnerships_kg)
    with pytest.raises(ConfigError) as caught:
        country_shares(network, region="Atlantis")
    assert "Минская область" in str(caught.value)
