"""The query page, downloads, the network explorer and the report, over HTTP."""

from __future__ import annotations

import io
import json
import urllib.parse

import pytest
from openpyxl import load_workbook

from tests.web.conftest import Server, fetch

HTML = {"Accept": "text/html"}


@pytest.mark.parametrize(
    ("lang", "title"),
    [("ru", "Страны-партнёры"), ("be", "Краіны-партнёры"), ("en", "Partner countries")],
)
def test_the_catalogue_in_three_languages(server: Server, lang: str, title: str) -> None:
    status, headers, body = fetch(server.url + f"?lang={lang}", headers=HTML)
    page = body.decode()
    assert status == 200 and f'<html lang="{lang}">' in page
    assert title in page
    assert 'name="p_country"' in page  # the parameters as form fields
    assert "PREFIX edukg: <https://w3id.org/edukg/ontology#>" in page.replace("&lt;", "<").replace(
        "&gt;", ">"
    )  # the editor's preloaded prefixes
    assert headers["content-security-policy"].startswith("default-src 'none'")


def test_a_query_page_with_paging(server: Server) -> None:
    status, _, body = fetch(server.url + "?query=agreements&lang=en", headers=HTML)
    page = body.decode()
    assert status == 200 and page.count("<tr>") >= 4
    assert "/download?query=agreements&amp;lang=en&amp;format=xlsx" in page


def test_downloads(server: Server) -> None:
    query = "download?query=partner-countries&lang=ru&format="
    status, headers, body = fetch(server.url + query + "csv")
    assert status == 200 and headers["content-disposition"].endswith('"partner-countries.csv"')
    lines = body.decode("utf-8").splitlines()
    assert lines[0] == "country,label,agreements" and any("Беларусь" in line for line in lines)
    status, _, body = fetch(server.url + query + "json")
    records = json.loads(body)
    assert len(records) == len(lines) - 1 and isinstance(records[0]["agreements"], int)
    status, headers, body = fetch(server.url + query + "xlsx")
    sheet = load_workbook(io.BytesIO(body)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("country", "label", "agreements") and len(rows) == len(lines)
    assert isinstance(rows[1][2], int)


def test_the_editor_escapes_what_it_shows(server: Server) -> None:
    text = "SELECT ?x WHERE { BIND('<script>alert(1)</script>' AS ?x) }"
    status, _, body = fetch(server.url + "?sparql=" + urllib.parse.quote(text), headers=HTML)
    page = body.decode()
    assert status == 200
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    status, _, body = fetch(server.url + "?sparql=" + urllib.parse.quote("ASK { ?s ?p ?o }"),
                            headers=HTML)
    assert "<strong>да</strong>" in body.decode()


def test_a_runaway_page_query_is_an_error_page(server: Server) -> None:
    status, _, body = fetch(server.url + "?query=no-such-query", headers=HTML)
    assert status == 400 and 'class="error-message"' in body.decode()


def test_network_view_from_url_parameters(server: Server) -> None:
    status, _, body = fetch(server.url + "network?lang=en", headers=HTML)
    assert status == 200 and 'action="/network/view"' in body.decode()
    status, headers, body = fetch(
        server.url + "network/view?level=country&since=2020&until=2025&lang=en", headers=HTML
    )
    assert status == 200, body[:500]
    assert "'sha256-" in headers["content-security-policy"]
    assert "Belarus" in body.decode()
    status, _, body = fetch(server.url + "network/view?level=planet", headers=HTML)
    assert status == 400


def test_report(server: Server) -> None:
    status, headers, body = fetch(server.url + "report?lang=be", headers=HTML)
    assert status == 200, body[:300]
    assert '<html lang="be">' in body.decode()
    assert "default-src 'none'" in headers["content-security-policy"]


def test_results_come_a_page_at_a_time(server: Server) -> None:
    text = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 120"
    first = "?lang=en&sparql=" + urllib.parse.quote(text)
    status, _, body = fetch(server.url + first, headers=HTML)
    page = body.decode()
    assert status == 200 and page.count("<tr><td>") == 50 and "Rows 1–50" in page
    assert 'rel="prev"' not in page
    next_link = page.split('rel="next"')[0].rsplit('href="', 1)[1].split('"')[0]
    assert "offset=50" in next_link and next_link.endswith("#results")
    status, _, body = fetch(server.url + next_link.replace("&amp;", "&").split("#")[0],
                            headers=HTML)
    page = body.decode()
    assert "Rows 51–100" in page and 'rel="prev"' in page and page.count("<tr><td>") == 50
