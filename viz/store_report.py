"""The report of a whole store: catalogue queries and one analysis run, assembled into a page.

>>> from edukg.graph.store import KnowledgeGraph
>>> report = store_report(KnowledgeGraph.in_memory(), analysis=None, lang="en")
>>> report.headline[0]
('Institutions', 0)
"""

from __future__ import annotations

from typing import Any

from edukg import queries
from edukg.graph.stats import store_stats
from edukg.viz.report import Report, Table, build_report

HEADLINE = {
    "ru": ("Учреждения", "Соглашения", "Мероприятия", "Страны-партнёры"),
    "be": ("Установы", "Пагадненні", "Мерапрыемствы", "Краіны-партнёры"),
    "en": ("Institutions", "Agreements", "Events", "Partner countries"),
}
COLUMNS = {
    "ru": {"title": "Название", "valid_until": "Действует до", "days_left": "Осталось дней",
           "parties": "Стороны", "signed": "Подписано", "cluster": "Кластер", "size": "Размер",
           "members": "Участники", "countries": "Страны", "label": "Учреждение",
           "country": "Страна", "betweenness": "Посредничество"},
    "be": {"title": "Назва", "valid_until": "Дзейнічае да", "days_left": "Засталося дзён",
           "parties": "Бакі", "signed": "Падпісана", "cluster": "Кластар", "size": "Памер",
           "members": "Удзельнікі", "countries": "Краіны", "label": "Установа",
           "country": "Краіна", "betweenness": "Пасярэдніцтва"},
    "en": {"title": "Title", "valid_until": "Valid until", "days_left": "Days left",
           "parties": "Parties", "signed": "Signed", "cluster": "Cluster", "size": "Size",
           "members": "Members", "countries": "Countries", "label": "Institution",
           "country": "Country", "betweenness": "Betweenness"},
}


MORE_ROWS = {
    "ru": "Показаны первые {shown} строк. Все строки: edukg query {query} --limit 0",
    "be": "Паказаны першыя {shown} радкоў. Усе радкі: edukg query {query} --limit 0",
    "en": "The first {shown} rows. Every row: edukg query {query} --limit 0",
}


def _table(rows: list[dict[str, Any]], columns: list[str], lang: str, note: str = "") -> Table:
    names = COLUMNS[lang]
    return Table(
        [names.get(c, c) for c in columns], [[row.get(c) for c in columns] for row in rows], note
    )


def _listing(kg: Any, query: str, columns: list[str], lang: str) -> Table:
    """The first page of a listing query, saying so when more rows follow."""
    result = queries.run(kg, query, lang=lang)
    note = MORE_ROWS[lang].format(shown=len(result.rows), query=query) if result.more else ""
    return _table(result.records(), columns, lang, note)


def store_report(
    kg: Any,
    *,
    analysis: Any | None,
    lang: str = "ru",
    title: str | None = None,
    home_country: str | None = None,
    network_options: dict[str, Any] | None = None,
) -> Report:
    """Assemble the report: headline figures, partner countries, years, clusters, brokers,
    expiring and dormant agreements, and the analysed network (when ``analysis`` is given).

    Partner countries are those of ``home_country``'s parties (ISO code or name), never the
    home country itself; without one, every country with an international agreement is listed.
    ``network_options`` go to the embedded network page (e.g. ``node_cap``).

    Clusters and brokers are read back with the ``clusters`` and ``brokers`` catalogue
    queries, so run and store an analysis first (``edukg analyze``) to fill them.
    """
    counts = store_stats(kg).per_class
    home = {"country": home_country} if home_country else {}
    countries = queries.rows(kg, "partner-countries", lang=lang, **home)
    by_year = queries.rows(kg, "cooperation-by-year", lang=lang)
    labels = HEADLINE[lang]
    headline = {
        labels[0]: counts.get("institutions", 0),
        labels[1]: counts.get("agreements", 0),
        labels[2]: counts.get("events", 0),
        labels[3]: len(countries),
    }
    clusters = queries.rows(kg, "clusters", lang=lang)
    brokers = queries.rows(kg, "brokers", lang=lang)
    return build_report(
        title=title,
        lang=lang,
        headline=headline,
        by_country=[(row["label"] or row["country"], row["agreements"]) for row in countries],
        by_year=[(row["year"], row["agreements"]) for row in by_year if row["year"] is not None],
        clusters=_table(clusters, ["cluster", "size", "members", "countries"], lang),
        brokers=_table(brokers[:20], ["label", "country", "betweenness", "cluster"], lang),
        expiring=_listing(
            kg, "expiring-agreements", ["title", "valid_until", "days_left", "parties"], lang
        ),
        dormant=_listing(
            kg, "dormant-agreements", ["title", "signed", "valid_until", "parties"], lang
        ),
        network=analysis.network if analysis is not None else None,
        network_options=network_options,
    )
