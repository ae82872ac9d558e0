"""The network explorer and the report, generated on request from the store.

A view is its URL: ``/network/view?level=country&since=2015&until=2024&lang=en``
(and ``country=BY``, ``focus=IRI``, ``depth=2``, ``no_events=1``), so it can be
shared as a link. The pages are the ones ``edukg viz`` and ``edukg report``
write; each carries its own Content-Security-Policy for its inline scripts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import networkx as nx
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from edukg.analysis.networks import LEVELS, Window
from edukg.analysis.run import analyze
from edukg.web.config import ServerConfig
from edukg.web.errors import BadRequest
from edukg.web.pages import page_language, render
from edukg.web.work import StoreWork

COUNTRY_BASE = "https://w3id.org/edukg/country/"


@dataclass(frozen=True)
class NetworkView:
    """The network a URL asks for."""

    level: str = "institution"
    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    focus: str | None = None
    depth: int = 1
    events: bool = True
    lang: str = "ru"


def parse_day(value: str | None, *, end: bool) -> dt.date | None:
    """A year (its first or last day) or an ISO date; ``None`` for nothing.

    >>> parse_day("2015", end=True), parse_day("2020-03-01", end=False)
    (datetime.date(2015, 12, 31), datetime.date(2020, 3, 1))
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        if value.isdigit() and len(value) == 4:
            return dt.date(int(value), 12, 31) if end else dt.date(int(value), 1, 1)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"{value!r} is neither a year nor a date",
                         hint="write 2024 or 2024-01-31") from None


def read_view(request: Request) -> NetworkView:
    """The view from the URL's parameters, checked."""
    params = request.query_params
    level = params.get("level") or "institution"
    if level not in LEVELS:
        raise BadRequest(f"unknown level {level!r}", hint=f"use one of {', '.join(LEVELS)}")
    try:
        depth = int(params.get("depth") or 1)
    except ValueError:
        raise BadRequest(f"depth {params.get('depth')!r} is not a number") from None
    if not 1 <= depth <= 5:
        raise BadRequest(f"depth {depth} is out of range", hint="use 1 to 5")
    return NetworkView(
        level=level,
        since=parse_day(params.get("since"), end=False),
        until=parse_day(params.get("until"), end=True),
        country=(params.get("country") or "").strip().upper() or None,
        focus=(params.get("focus") or "").strip() or None,
        depth=depth,
        events=params.get("no_events") not in ("1", "on", "true"),
        lang=page_language(request),
    )


def _country_part(network: nx.Graph, view: NetworkView) -> tuple[nx.Graph, str | None]:
    """The part of the network a ``country`` asks for, and the node to focus on."""
    if view.country is None:
        return network, view.focus
    if view.level == "country":
        return network, view.focus or COUNTRY_BASE + view.country
    own = [node for node, data in network.nodes(data=True) if data.get("country") == view.country]
    if not own:
        raise BadRequest(f"no node of country {view.country} in the {view.level} network",
                         hint="use an alpha-2 code such as BY, or leave country empty")
    keep = set(own)
    for node in own:
        keep.update(network.neighbors(node))
    return network.subgraph(keep).copy(), view.focus


def network_job(kg: Any, view: NetworkView) -> tuple[str, str]:
    """The network page's HTML and its Content-Security-Policy."""
    from edukg.viz.network_page import build_network_page, content_security_policy

    window = Window(since=view.since, until=view.until)
    result = analyze(kg, level=view.level, window=window, events=view.events, lang=view.lang)
    network, focus = _country_part(result.network, view)
    if network.number_of_nodes() == 0:
        raise BadRequest("the network is empty: no agreements or events in this window",
                         hint="widen the years, or load data first")
    page = build_network_page(network, lang=view.lang, focus=focus, depth=view.depth)
    return page.to_html(), content_security_policy(page.script_hashes())


def report_job(kg: Any, lang: str) -> tuple[str, str]:
    """The report page's HTML and its Content-Security-Policy."""
    from edukg.viz.network_page import content_security_policy
    from edukg.viz.store_report import store_report

    result = analyze(kg, level="institution", lang=lang)
    network = result if result.network.number_of_nodes() else None
    report = store_report(kg, analysis=network, lang=lang)
    hashes = report.network_page.script_hashes() if report.network_page else []
    return report.to_html(), content_security_policy(hashes)


async def network_form(request: Request) -> Response:
    """``/network``: the form that chooses a view."""
    view = read_view(request)
    return render(request, "network.html", view.lang, view=view, levels=LEVELS)


async def network_view(request: Request) -> Response:
    """``/network/view``: the interactive page of the view the URL describes."""
    work: StoreWork = request.app.state.work
    config: ServerConfig = request.app.state.config
    html, policy = await work.run(network_job, read_view(request),
                                  time_limit=config.page_time_limit)
    return HTMLResponse(html, headers={"Content-Security-Policy": policy})


async def report(request: Request) -> Response:
    """``/report``: the report of the whole store, in ``lang``."""
    work: StoreWork = request.app.state.work
    config: ServerConfig = request.app.state.config
    html, policy = await work.run(report_job, page_language(request),
                                  time_limit=config.page_time_limit)
    return HTMLResponse(html, headers={"Content-Security-Policy": policy})
