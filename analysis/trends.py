"""How cooperation changes: new partners per year, reciprocal visits, idle agreements, shares.

The first and last read a partnership network; the middle two run one catalogue
query each (``network-delegation-visits``, ``network-agreements-without-events``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from edukg.analysis.derived import collector_paused
from edukg.analysis.networks import Window
from edukg.core.errors import ConfigError
from edukg.queries import run
from edukg.queries.binding import parse_parameters


def new_partners_per_year(graph: nx.Graph) -> dict[int, int]:
    """Pairs of partners whose first link (agreement or event) falls in each year.

    A pair counts once, in the year of its earliest dated link; pairs with no
    dated link are left out.

    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", years=[2022, 2024])
    >>> g.add_edge("a", "c", years=[2024])
    >>> g.add_edge("b", "c", years=[])
    >>> new_partners_per_year(g)
    {2022: 1, 2024: 1}
    """
    firsts = Counter(
        min(data["years"]) for _, _, data in graph.edges(data=True) if data.get("years")
    )
    return dict(sorted(firsts.items()))


def new_partners_by_node(graph: nx.Graph) -> dict[Hashable, dict[int, int]]:
    """For each node, how many new partners it gained in each year."""
    gained: dict[Hashable, Counter[int]] = defaultdict(Counter)
    for a, b, data in graph.edges(data=True):
        if data.get("years"):
            first = min(data["years"])
            gained[a][first] += 1
            gained[b][first] += 1
    return {
        node: dict(sorted(years.items()))
        for node, years in sorted(gained.items(), key=lambda i: str(i[0]))
    }


@dataclass(frozen=True)
class Reciprocity:
    """Delegation visits between pairs of institutions."""

    visited_pairs: int  # unordered pairs with a visit in at least one direction
    reciprocated_pairs: int  # pairs with visits in both directions
    reciprocated: list[tuple[str, str]]  # those pairs, each sorted
    one_way: list[tuple[str, str]]  # (visitor, host) with no return visit

    @property
    def ratio(self) -> float:
        """Share of visited pairs whose visit was returned (0 when none)."""
        return self.reciprocated_pairs / self.visited_pairs if self.visited_pairs else 0.0


def visit_reciprocity(kg: Any, *, window: Window | None = None) -> Reciprocity:
    """Reciprocity of delegation visits: A visited B and B visited A.

    A visit goes from each attendee (visitor) to the organizer (host) of an
    event of kind ``delegation_visit``.
    """
    window = window or Window()
    rows: list[dict[str, Any]] = run(
        kg, "network-delegation-visits", since=window.since, until=window.until
    ).bindings()
    directed = {(row["visitor"].value, row["host"].value) for row in rows}
    return reciprocity_of(directed)


def reciprocity_of(directed: set[tuple[str, str]]) -> Reciprocity:
    """Reciprocity of a set of (visitor, host) pairs.

    >>> r = reciprocity_of({("a", "b"), ("b", "a"), ("a", "c")})
    >>> r.visited_pairs, r.reciprocated_pairs, r.ratio
    (2, 1, 0.5)
    >>> r.one_way
    [('a', 'c')]
    """
    pairs = {(min(pair), max(pair)) for pair in directed}
    both = sorted(p for p in pairs if (p[0], p[1]) in directed and (p[1], p[0]) in directed)
    one_way = sorted(pair for pair in directed if (pair[1], pair[0]) not in directed)
    return Reciprocity(len(pairs), len(both), both, one_way)


def agreements_without_events(kg: Any, *, lang: str = "ru") -> list[dict[str, Any]]:
    """Agreements that no event implements, with id, title, signing date and parties' count.

    The rows of ``network-agreements-without-events``; an embedded store works them out
    from its statements (:mod:`edukg.analysis.statement_extracts`: the same rows, and
    linear in the data where the query is not).
    """
    parse_parameters("network-agreements-without-events", {"lang": lang})  # as the query would
    if hasattr(kg, "sorted_statements") and hasattr(kg, "oxigraph"):
        from edukg.analysis.statement_extracts import agreements_without_events as from_statements
        from edukg.analysis.statement_extracts import derived_graphs

        with collector_paused():  # a dict a row, no cycles
            found = from_statements(kg, lang=lang, skip=derived_graphs(kg))
            if found is not None:
                return found.records()
    return run(kg, "network-agreements-without-events", lang=lang).records()


@dataclass(frozen=True)
class CountryShare:
    """One partner country's share of a region's cooperation."""

    country: str
    weight: int
    share: float


def country_shares(graph: nx.Graph, *, region: str) -> list[CountryShare]:
    """Partner countries' shares of the cooperation of a region's institutions.

    Reads an institution network: every link of an institution in ``region``
    (an IRI, or a label in any language) to an institution outside it counts
    for the partner's country; an agreement or event is counted once per
    country. Largest share first.
    """
    members = [
        node
        for node, data in graph.nodes(data=True)
        if data.get("region_iri") == region
        or (data.get("region") is not None and _matches_region(graph, data, region))
    ]
    if not members:
        known = sorted({d["region"] for _, d in graph.nodes(data=True) if d.get("region")})
        raise ConfigError(
            f"no institution in region {region!r}",
            hint=f"regions in the network: {', '.join(known) or 'none'}",
        )
    inside = set(members)
    links: dict[str, set[str]] = defaultdict(set)
    for node in members:
        for partner, data in graph[node].items():
            if partner in inside:
                continue
            country = graph.nodes[partner].get("country") or "unknown"
            links[country].update(item["iri"] for item in data["agreements"] + data["events"])
    total = sum(len(items) for items in links.values())
    shares = [
        CountryShare(country, len(items), len(items) / total if total else 0.0)
        for country, items in links.items()
    ]
    return sorted(shares, key=lambda s: (-s.weight, s.country))


def _matches_region(graph: nx.Graph, data: dict[str, Any], region: str) -> bool:
    labels = graph.graph.get("labels", {}).get(data.get("region_iri"), {})
    wanted = region.casefold()
    return data["region"].casefold() == wanted or any(
        v.casefold() == wanted for v in labels.values()
    )
