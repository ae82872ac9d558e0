"""A one-file HTML report: headline figures, charts, tables and the network embedded.

Built from plain data, so it does not depend on how the figures were computed: the caller
(the CLI, once queries and analysis are merged) passes numbers, rows and a network.
Everything is rendered on the server side with autoescaping; the report has no script of
its own. The network page is embedded as an ``iframe srcdoc`` and keeps working offline.

>>> report = build_report(
...     title="Отчёт",
...     headline={"Учреждений": 12, "Соглашений": 30},
...     by_country=[("Китай", 7), ("<Россия>", 5)],
...     by_year=[(2022, 4), (2023, 9)],
... )
>>> html = report.to_html()
>>> "Отчёт" in html and "&lt;Россия&gt;" in html and "<Россия>" not in html
True
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from markupsafe import Markup, escape

from edukg.core.errors import ConfigError
from edukg.viz.network_page import (
    NetworkPage,
    build_network_page,
    content_security_policy,
    page_templates,
    write_text_atomically,
)

HEADINGS = {
    "ru": {
        "title": "Международное сотрудничество в образовании",
        "headline": "Главное",
        "by_country": "Соглашения по странам-партнёрам",
        "by_year": "Соглашения по годам",
        "clusters": "Кластеры",
        "brokers": "Посредники",
        "expiring": "Истекающие соглашения",
        "dormant": "Неактивные соглашения",
        "network": "Сеть партнёрств",
        "empty": "Нет данных.",
        "open_network": "Сеть открыта ниже; она работает без интернета.",
    },
    "be": {
        "title": "Міжнароднае супрацоўніцтва ў адукацыі",
        "headline": "Галоўнае",
        "by_country": "Пагадненні па краінах-партнёрах",
        "by_year": "Пагадненні па гадах",
        "clusters": "Кластары",
        "brokers": "Пасрэднікі",
        "expiring": "Пагадненні, што заканчваюцца",
        "dormant": "Неактыўныя пагадненні",
        "network": "Сетка партнёрстваў",
        "empty": "Няма даных.",
        "open_network": "Сетка адкрыта ніжэй; яна працуе без інтэрнэту.",
    },
    "en": {
        "title": "International cooperation in education",
        "headline": "Headline figures",
        "by_country": "Agreements by partner country",
        "by_year": "Agreements by year",
        "clusters": "Clusters",
        "brokers": "Brokers",
        "expiring": "Expiring agreements",
        "dormant": "Dormant agreements",
        "network": "Partnership network",
        "empty": "No data.",
        "open_network": "The network is below; it works offline.",
    },
}


@dataclass(frozen=True)
class Table:
    """A table of plain values: column headings and rows of the same length."""

    columns: Sequence[str]
    rows: Sequence[Sequence[Any]] = ()
    note: str = ""
    """Shown under the table, e.g. that it holds only the first rows."""

    def __post_init__(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ConfigError(
                    f"report table row {number} has {len(row)} values for "
                    f"{len(self.columns)} columns",
                    hint="give one value per column",
                )


@dataclass
class Report:
    """A report ready to render; see :func:`build_report`."""

    title: str
    lang: str
    headline: list[tuple[str, Any]]
    by_country: list[tuple[str, int]]
    by_year: list[tuple[int, int]]
    tables: dict[str, Table | None]
    network_page: NetworkPage | None = field(default=None, repr=False)

    def to_html(self) -> str:
        """The report as one self-contained HTML string."""
        headings = HEADINGS[self.lang]
        hashes = self.network_page.script_hashes() if self.network_page else []
        network_html = self.network_page.to_html() if self.network_page else None
        return (
            page_templates()
            .get_template("report.html")
            .render(
                lang=self.lang,
                title=self.title,
                h=headings,
                headline=self.headline,
                country_chart=Markup(horizontal_bars(self.by_country)) if self.by_country else None,
                year_chart=Markup(vertical_bars(self.by_year)) if self.by_year else None,
                tables=[(headings[key], table) for key, table in self.tables.items()],
                network_html=network_html,
                content_security_policy=content_security_policy(hashes),
            )
        )


def build_report(
    *,
    title: str | None = None,
    lang: str = "ru",
    headline: Mapping[str, Any] | None = None,
    by_country: Sequence[tuple[str, int]] = (),
    by_year: Sequence[tuple[int, int]] = (),
    clusters: Table | None = None,
    brokers: Table | None = None,
    expiring: Table | None = None,
    dormant: Table | None = None,
    network: nx.Graph | None = None,
    network_options: Mapping[str, Any] | None = None,
) -> Report:
    """Assemble a report from figures already computed.

    Args:
        title: report title; a default in ``lang`` when ``None``.
        lang: ``ru``, ``be`` or ``en`` (headings; the network page starts in it too).
        headline: label -> figure, shown as cards in this order.
        by_country: (partner country, agreements), drawn as horizontal bars (top 25).
        by_year: (year, agreements), drawn as columns in year order.
        clusters, brokers, expiring, dormant: tables, each shown under its heading.
        network: the partnership network to embed, or ``None``.
        network_options: keyword options for :func:`build_network_page`.
    """
    if lang not in HEADINGS:
        raise ConfigError(f"unknown report language {lang!r}", hint="use one of: ru, be, en")
    page = None
    if network is not None:
        page = build_network_page(network, lang=lang, **dict(network_options or {}))
    return Report(
        title=HEADINGS[lang]["title"] if title is None else title,
        lang=lang,
        headline=list((headline or {}).items()),
        by_country=[(str(name), int(count)) for name, count in by_country],
        by_year=sorted((int(year), int(count)) for year, count in by_year),
        tables={"clusters": clusters, "brokers": brokers, "expiring": expiring, "dormant": dormant},
        network_page=page,
    )


def write_report_page(report: Report, path: str | os.PathLike[str]) -> Path:
    """Write a report as one UTF-8 HTML file (atomically); returns the path."""
    return write_text_atomically(report.to_html(), path)


def horizontal_bars(items: Sequence[tuple[str, int]], *, limit: int = 25, width: int = 640) -> str:
    """An SVG bar chart, one labelled bar per item, largest first (top ``limit``).

    >>> svg = horizontal_bars([("Китай", 3), ("Польша", 1)])
    >>> svg.count("<rect"), "Китай" in svg
    (2, True)
    """
    rows = sorted(items, key=lambda kv: (-kv[1], kv[0]))[:limit]
    top = max((count for _, count in rows), default=1) or 1
    label_width, bar_height, gap = 200, 18, 6
    height = len(rows) * (bar_height + gap) + gap
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" role="img">'
    ]
    for index, (label, count) in enumerate(rows):
        y = gap + index * (bar_height + gap)
        length = (width - label_width - 50) * count / top
        short = label if len(label) <= 28 else label[:27] + "…"
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">{escape(short)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" '
            f'fill="#1f77b4"><title>{escape(label)}: {count}</title></rect>'
            f'<text x="{label_width + length + 4:.1f}" y="{y + 13}">{count}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def vertical_bars(items: Sequence[tuple[int, int]], *, height: int = 220) -> str:
    """An SVG column chart of counts by year, in year order.

    >>> vertical_bars([(2023, 2), (2024, 5)]).count("<rect")
    2
    """
    rows = sorted(items)
    top = max((count for _, count in rows), default=1) or 1
    column, gap, base = 28, 8, height - 24
    width = len(rows) * (column + gap) + gap
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" role="img">'
    ]
    for index, (year, count) in enumerate(rows):
        x = gap + index * (column + gap)
        length = (base - 20) * count / top
        parts.append(
            f'<rect x="{x}" y="{base - length:.1f}" width="{column}" height="{length:.1f}" '
            f'fill="#ff7f0e"><title>{year}: {count}</title></rect>'
            f'<text x="{x + column / 2}" y="{base - length - 4:.1f}" text-anchor="middle">'
            f"{count}</text>"
            f'<text x="{x + column / 2}" y="{height - 8}" text-anchor="middle">{year}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
