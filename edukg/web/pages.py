"""The query page at ``/``: catalogue queries as forms, a SPARQL editor, result tables, downloads.

Everything is rendered on the server with autoescaping templates, so the page
works without any script; the small script of our own only adds keyboard help.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from edukg.core.errors import EdukgError
from edukg.graph.terms import python_value
from edukg.queries.binding import prefix_declarations
from edukg.queries.catalogue import CatalogueQuery, get_query, user_catalogue
from edukg.queries.output import format_rows
from edukg.queries.runner import QueryResult, run_query, run_sparql
from edukg.web.config import ServerConfig
from edukg.web.errors import BadRequest
from edukg.web.i18n import LANGUAGES, chosen_language, text
from edukg.web.sparql_run import check_row_cap, graph_bytes, refuse_service
from edukg.web.work import StoreWork

DOWNLOADS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@cache
def templates() -> Environment:
    """The Jinja environment over ``edukg/web/templates`` (autoescaping always on)."""
    return Environment(
        loader=PackageLoader("edukg.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


def render(request: Request, name: str, lang: str, status: int = 200,
           headers: dict[str, str] | None = None, **context: Any) -> HTMLResponse:
    """A page from template ``name`` in ``lang``."""
    html = templates().get_template(name).render(
        lang=lang, t=text(lang), languages=LANGUAGES, request=request,
        language_links=_language_links(request), **context
    )
    return HTMLResponse(html, status_code=status, headers=headers)


def page_language(request: Request) -> str:
    """The page language: ``?lang=``, else the browser's first of ru/be/en, else Russian."""
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        return asked
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return chosen_language(None)


def _language_links(request: Request) -> list[tuple[str, str]]:
    params = [(key, value) for key, value in request.query_params.multi_items() if key != "lang"]
    return [(lang, "?" + urlencode([*params, ("lang", lang)])) for lang in LANGUAGES]


def error_page(request: Request, error: EdukgError, status: int,
               headers: dict[str, str]) -> Response:
    """An error as a page, in the language the request asked for."""
    lang = page_language(request)
    return render(request, "error.html", lang, status=status, headers=headers,
                  message=error.message, hint=error.hint, status_code=status)


# ---------------------------------------------------------------- cells


@dataclass(frozen=True)
class Cell:
    """One table cell: its text, and a link when it is an IRI."""

    text: str
    href: str | None = None


def entity_href(iri: str, config: ServerConfig, lang: str | None = None) -> str:
    """Where this server shows ``iri``: its own path under the base, else ``/resource``.

    >>> config = ServerConfig("https://x.example/id/")
    >>> entity_href("https://w3id.org/edukg/country/BY", config, "en")
    '/resource?iri=https%3A%2F%2Fw3id.org%2Fedukg%2Fcountry%2FBY&lang=en'
    """
    language = [("lang", lang)] if lang else []
    local = config.local_path(iri)
    if local is not None:
        return local + ("?" + urlencode(language) if language else "")
    return "/resource?" + urlencode([("iri", iri), *language])


def cell(term: Any, config: ServerConfig, lang: str | None = None) -> Cell:
    """A result term as a table cell."""
    if term is None:
        return Cell("")
    if isinstance(term, ox.NamedNode):
        return Cell(term.value, entity_href(term.value, config, lang))
    return Cell(str(python_value(term)))


# ---------------------------------------------------------------- jobs (run in a worker child)


def catalogue_job(kg: Any, name: str, params: dict[str, str], lang: str, limit: int,
                  offset: int, row_cap: int) -> QueryResult:
    """Run a catalogue query for the page (``limit=0``: every row, for downloads)."""
    result = run_query(kg, name, params, lang=lang, limit=limit, offset=offset)
    check_row_cap(result, row_cap)
    return result


def sparql_job(kg: Any, query_text: str, row_cap: int) -> QueryResult:
    """Run a query from the editor (edukg's prefixes declared)."""
    # the server's SERVICE policy (refuse_service) was applied by the caller
    result = run_sparql(kg, query_text, allow_service=True)
    check_row_cap(result, row_cap)
    return result


# ---------------------------------------------------------------- request reading


@dataclass(frozen=True)
class PageRequest:
    """What the query page was asked to run."""

    lang: str
    query: CatalogueQuery | None
    params: dict[str, str]
    sparql: str | None
    offset: int


def read_page_request(request: Request) -> PageRequest:
    """The catalogue query and its ``p_``-prefixed parameters, or the editor's text."""
    params = request.query_params
    lang = page_language(request)
    name = params.get("query") or None
    query = get_query(name) if name else None
    values = {key[2:]: value for key, value in params.items()
              if key.startswith("p_") and value.strip()}
    sparql = params.get("sparql") or None
    try:
        offset = max(0, int(params.get("offset", "0")))
    except ValueError:
        raise BadRequest(f"offset {params.get('offset')!r} is not a number") from None
    return PageRequest(lang, query, values, sparql, offset)


async def _run(request: Request, asked: PageRequest, *, limit: int, offset: int) -> QueryResult:
    config: ServerConfig = request.app.state.config
    work: StoreWork = request.app.state.work
    if asked.query is not None:
        return await work.run(catalogue_job, asked.query.name, asked.params, asked.lang, limit,
                              offset, config.row_cap)
    assert asked.sparql is not None
    if not config.allow_service:
        refuse_service(asked.sparql)
    result = await work.run(sparql_job, asked.sparql, config.row_cap)
    if result.kind == "select" and limit:
        result.more = len(result.rows) > offset + limit
        result.rows = result.rows[offset:offset + limit]
    return result


# ---------------------------------------------------------------- routes


async def query_page(request: Request) -> Response:
    """``/``: the catalogue, the editor and, when asked, one page of results."""
    config: ServerConfig = request.app.state.config
    asked = read_page_request(request)
    result = None
    if asked.query is not None or asked.sparql is not None:
        result = await _run(request, asked, limit=config.page_size, offset=asked.offset)
    base_params = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"]
    pages = {}
    if result is not None and result.kind == "select":
        if result.more:
            following = asked.offset + config.page_size
            pages["next"] = "?" + urlencode([*base_params, ("offset", following)]) + "#results"
        if asked.offset:
            previous = max(0, asked.offset - config.page_size)
            pages["previous"] = "?" + urlencode([*base_params, ("offset", previous)]) + "#results"
    downloads = {
        name: "/download?" + urlencode([*base_params, ("format", name)]) for name in DOWNLOADS
    }
    return render(
        request, "query.html", asked.lang,
        catalogue=list(user_catalogue().values()),
        asked=asked,
        editor_text=asked.sparql or _EDITOR_START,
        prefixes=prefix_declarations(),
        result=result,
        columns=result.columns if result is not None else (),
        rows=[[cell(term, config, asked.lang) for term in row] for row in result.rows]
        if result else [],
        first_row=asked.offset + 1,
        turtle=_turtle_preview(result),
        pages=pages,
        downloads=downloads,
    )


GRAPH_PREVIEW = 500
"""Triples of a CONSTRUCT or DESCRIBE answer the page shows (as Turtle)."""


def _turtle_preview(result: QueryResult | None) -> str | None:
    if result is None or result.kind != "graph":
        return None
    return graph_bytes(result.triples[:GRAPH_PREVIEW], "text/turtle").decode("utf-8")


_EDITOR_START = (
    "SELECT ?institution ?label WHERE {\n"
    "  ?institution a edukg:Institution ; skos:prefLabel ?label .\n"
    "}\nLIMIT 20\n"
)


async def download(request: Request) -> Response:
    """``/download``: every row of the asked query as CSV, JSON or XLSX."""
    asked = read_page_request(request)
    format_name = request.query_params.get("format", "csv")
    if format_name not in DOWNLOADS:
        raise BadRequest(f"cannot download as {format_name!r}", hint="use csv, json or xlsx")
    if asked.query is None and asked.sparql is None:
        raise BadRequest("name a catalogue query (query=NAME) or give SPARQL (sparql=TEXT)")
    result = await _run(request, asked, limit=0, offset=0)
    if result.kind != "select":
        raise BadRequest("only SELECT results can be downloaded as a table",
                         hint="run CONSTRUCT and DESCRIBE on /sparql")
    stem = asked.query.name if asked.query is not None else "query"
    if format_name == "xlsx":
        body = xlsx_bytes(result)
    else:
        body = format_rows(result, format_name).encode("utf-8")
    return Response(
        body,
        media_type=DOWNLOADS[format_name],
        headers={"Content-Disposition": f'attachment; filename="{stem}.{format_name}"'},
    )


def xlsx_bytes(result: QueryResult) -> bytes:
    """Rows as an Excel workbook: one sheet, a header row, values as numbers where they are."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("results")
    sheet.append(list(result.columns))
    for record in result.records():
        sheet.append([_spreadsheet_value(record[column]) for column in result.columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _spreadsheet_value(value: Any) -> Any:
    """Numbers stay numbers; text that a spreadsheet would run as a formula gets a quote."""
    if value is None or isinstance(value, int | float):
        return value
    text_value = str(value)
    return "'" + text_value if text_value.startswith(("=", "+", "-", "@")) else text_value
