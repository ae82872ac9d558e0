"""The query page in a real headless Chromium: run a catalogue query, download, follow a link."""

from __future__ import annotations

from pathlib import Path

from tests.web.conftest import Server


def test_catalogue_query_rows_csv_and_entity_link(browser: object, server: Server) -> None:
    context = browser.new_context(accept_downloads=True)  # type: ignore[attr-defined]
    page = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(server.url) else outside.append(r.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url + "?lang=en")
    form = page.locator("form[data-query=agreements]")
    page.locator("details", has=form).locator("summary").click()
    form.get_by_role("button", name="Run").click()
    page.wait_for_url("**query=agreements**")
    rows = page.locator("#results tbody tr")
    assert rows.count() >= 3
    assert "Agreement" in page.locator("#results thead").inner_text() or rows.first.is_visible()

    with page.expect_download() as download_info:
        page.locator("a.download[data-format=csv]").click()
    download = download_info.value
    text = Path(download.path()).read_text(encoding="utf-8")
    assert download.suggested_filename == "agreements.csv"
    assert text.splitlines()[0] == "agreement,title,type,signed,valid_until,parties"
    assert len(text.splitlines()) == rows.count() + 1

    link = page.locator("#results tbody a[href^='/id/agreement/']").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{href}**")
    heading = page.locator("h1").inner_text()
    assert heading and not heading.startswith("http")  # the agreement's title, not its IRI
    assert page.locator("table.sources").is_visible()
    assert outside == [] and errors == []
    context.close()
