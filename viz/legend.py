"""A legend that fits: the largest clusters by name, the rest folded, and the page's story.

Colours go by size: the largest clusters (or countries) get the distinct colours, in order,
and everything else shares one grey that the legend calls "other clusters (N)". A cluster is
named after its most central institution and its countries, e.g. "БГУ + 12 (BY, DE, PL)".
The legend never holds more than :data:`MAX_LEGEND_ROWS` rows: colour rows first, then one
row per node shape in use.

Nodes here are the page's node dicts (see :mod:`edukg.viz.page_data`): ``id``, ``label``,
``short``, ``cluster``, ``country``, ``kind``, ``shape``, ``centrality``, ``degree``,
``weighted_degree``.

>>> nodes = [
...     {"id": "a", "short": {"ru": "БГУ"}, "cluster": 0, "country": "BY", "centrality": 0.9},
...     {"id": "b", "short": {"ru": "Школа"}, "cluster": 0, "country": "PL", "centrality": 0.1},
...     {"id": "c", "short": {"ru": "МГУ"}, "cluster": 1, "country": "RU", "centrality": 0.5},
... ]
>>> rows = colour_rows(nodes, "cluster", named=1)
>>> rows[0]["name"]["ru"], rows[0]["count"], rows[1]["other"], rows[1]["groups"]
('БГУ + 1 (BY, PL)', 2, True, 1)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

from edukg.viz.styling import OTHER_COLOUR, palette_colour
from edukg.viz.vocabulary_labels import LANGUAGES

#: Most rows the legend shows (colour rows + shape rows).
MAX_LEGEND_ROWS = 15
#: Most colour rows with a name; the rest fold into one "other" row.
MAX_NAMED_COLOURS = 10
#: Countries listed in a cluster's name; more are counted ("+2").
COUNTRIES_IN_NAME = 3
#: Entries behind each story button.
STORY_ENTRIES = 10


def legend_budget(shape_rows: int) -> int:
    """How many colour groups get a name, given the shape rows the legend also holds.

    One row is kept for "other".

    >>> legend_budget(7), legend_budget(1), legend_budget(20)
    (7, 10, 1)
    """
    return max(1, min(MAX_NAMED_COLOURS, MAX_LEGEND_ROWS - shape_rows - 1))


def colour_rows(
    nodes: Sequence[Mapping[str, Any]], mapping: str, *, named: int
) -> list[dict[str, Any]]:
    """The legend rows of a colour mapping (``cluster`` or ``country``), largest first.

    The first ``named`` groups (by node count, then key) each get a palette colour and a
    name; the rest, with the nodes outside any group, fold into one last ``other`` row.

    Returns:
        Rows ``{"key", "color", "count", "name": {lang: text}, "lead"}`` (``lead``: the
        most central member's id) and, when anything is
        folded, ``{"other": True, "groups": N, "color", "count"}``.
    """
    members: dict[Hashable, list[Mapping[str, Any]]] = defaultdict(list)
    outside = 0
    for node in nodes:
        key = node.get(mapping)
        if key is None:
            outside += 1
        else:
            members[key].append(node)
    ranked = sorted(members.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))
    rows: list[dict[str, Any]] = []
    for index, (key, group) in enumerate(ranked[:named]):
        rows.append(
            {
                "key": key,
                "color": palette_colour(index),
                "count": len(group),
                "name": cluster_name(group) if mapping == "cluster" else {},
                "lead": min(group, key=importance)["id"],
            }
        )
    folded = ranked[named:]
    if folded or outside:
        rows.append(
            {
                "other": True,
                "groups": len(folded),
                "color": OTHER_COLOUR,
                "count": sum(len(group) for _, group in folded) + outside,
            }
        )
    return rows


def colour_of(rows: Sequence[Mapping[str, Any]]) -> dict[Hashable, str]:
    """Group key -> colour for the named rows (every other key is ``OTHER_COLOUR``)."""
    return {row["key"]: row["color"] for row in rows if not row.get("other")}


def cluster_name(members: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """A cluster's name in each language: its most central member, the others, its countries.

    >>> cluster_name([{"id": "x", "short": {"en": "BSU"}, "country": "BY", "centrality": 1}])
    {'ru': 'BSU (BY)', 'be': 'BSU (BY)', 'en': 'BSU (BY)'}
    """
    lead = min(members, key=importance)
    countries = Counter(str(m["country"]) for m in members if m.get("country"))
    codes = [c for c, _ in sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))]
    where = ", ".join(codes[:COUNTRIES_IN_NAME])
    if len(codes) > COUNTRIES_IN_NAME:
        where += f" +{len(codes) - COUNTRIES_IN_NAME}"
    others = f" + {len(members) - 1}" if len(members) > 1 else ""
    suffix = f" ({where})" if where else ""
    short = lead.get("short") or lead.get("label") or {}
    return {lang: pick(short, lang, str(lead["id"])) + others + suffix for lang in LANGUAGES}


def importance(node: Mapping[str, Any]) -> tuple[float, float, float, str]:
    """Sort key: most central first, then weighted degree, degree, id."""
    return (
        -float(node.get("centrality") or 0),
        -float(node.get("weighted_degree") or 0),
        -float(node.get("degree") or 0),
        str(node["id"]),
    )


def pick(labels: Mapping[str, str], lang: str, fallback: str = "") -> str:
    """The text in ``lang``, else en, ru, be, a text of unknown language, any, ``fallback``.

    >>> pick({"en": "BSU", "ru": "БГУ"}, "be")
    'BSU'
    """
    for key in (lang, "en", "ru", "be", ""):
        if labels.get(key):
            return labels[key]
    return next(iter(labels.values()), fallback)


def shape_rows(nodes: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One legend row per node shape in use: the kinds drawn with it and their node count.

    >>> rows = shape_rows([{"kind": "school", "shape": "square"}, {"kind": None, "shape": "dot"}])
    >>> [(row["shape"], row["kinds"], row["count"]) for row in rows]
    [('dot', [None], 1), ('square', ['school'], 1)]
    """
    kinds: dict[str, Counter[str | None]] = defaultdict(Counter)
    for node in nodes:
        kinds[node["shape"]][node.get("kind")] += 1
    rows = [
        {
            "shape": shape,
            "kinds": sorted(counts, key=lambda k: (k is None, -counts[k], k or "")),
            "count": sum(counts.values()),
        }
        for shape, counts in kinds.items()
    ]
    return sorted(rows, key=lambda row: (-row["count"], row["shape"]))


def story(nodes: Sequence[Mapping[str, Any]], edges: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """What the page tells first: the top brokers and the biggest cross-border clusters.

    Brokers are the most central nodes that have partners. A cross-border cluster has
    members in two or more countries; the biggest come first, then those with more
    countries, then those with more ties across a border inside them.
    """
    brokers = [n["id"] for n in sorted(nodes, key=importance) if n.get("degree")][:STORY_ENTRIES]
    country = {n["id"]: n.get("country") for n in nodes}
    cluster = {n["id"]: n.get("cluster") for n in nodes}
    members: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
    for node in nodes:
        if node.get("cluster") is not None:
            members[node["cluster"]].append(node)
    crossing: Counter[int] = Counter()
    for edge in edges:
        a, b = edge["from"], edge["to"]
        shared = cluster[a]
        if shared is not None and shared == cluster[b] and country[a] != country[b]:
            crossing[int(shared)] += 1
    clusters = []
    for key, group in members.items():
        countries = Counter(m.get("country") for m in group if m.get("country"))
        if len(countries) < 2:
            continue
        clusters.append(
            {
                "cluster": key,
                "name": cluster_name(group),
                "size": len(group),
                "countries": [
                    c for c, _ in sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))
                ],
                "cross_border_ties": crossing[key],
                "lead": min(group, key=importance)["id"],
            }
        )
    clusters.sort(
        key=lambda c: (-c["size"], -len(c["countries"]), -c["cross_border_ties"], c["cluster"])
    )
    return {"brokers": brokers, "cross_border_clusters": clusters[:STORY_ENTRIES]}
