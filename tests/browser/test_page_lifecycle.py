"""Across reloads, navigation and failures: persistence, one interpreter, Retry, storage."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.cells import cell, live_text, next_chapter, run, type_code

pytestmark = pytest.mark.browser
CHAPTER = "derivatives/"


def editor_text(cell_locator) -> str:
    """The code the reader sees: the editor's, or the static code before it is opened."""
    if cell_locator.locator(".cm-content").count():
        return "\n".join(cell_locator.locator(".cm-content .cm-line").all_text_contents())
    return cell_locator.locator(".bp-cell__code code").inner_text().rstrip("\n")


def test_edits_survive_a_reload_and_reset_restores_the_original(page, site_url):
    page.goto(site_url + CHAPTER)
    first = cell(page, 0)
    original = first.get_attribute("data-source")
    type_code(page, first, "print('my edit')")
    page.wait_for_timeout(300)
    page.reload()
    first = cell(page, 0)
    first.locator(".cm-content").wait_for()  # a restored edit opens the editor (loaded lazily)
    assert editor_text(first) == "print('my edit')"
    assert first.locator(".bp-cell__badge").is_visible()
    first.get_by_role("button", name="Reset").click()
    assert editor_text(first) == original.rstrip("\n")
    assert not first.locator(".bp-cell__badge").is_visible()
    page.reload()
    assert editor_text(cell(page, 0)) == original.rstrip("\n")


def test_an_edit_of_an_older_version_of_a_cell_is_flagged_not_shown(page, site_url):
    page.goto(site_url + CHAPTER)
    first = cell(page, 0)
    key = f"backprop-book:v1:/{CHAPTER}:{first.get_attribute('data-cell')}"
    stale = '{"code": "print(\\"old\\")", "originalHash": "0000000000000000"}'
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, stale])
    page.reload()
    first = cell(page, 0)
    assert "changed in the book" in first.locator(".bp-cell__notice").inner_text()
    assert editor_text(first) == first.get_attribute("data-source").rstrip("\n")
    first.get_by_role("button", name="Use my old edit").click()
    first.locator(".cm-content").wait_for()
    assert editor_text(first) == 'print("old")'


def test_a_full_localstorage_is_reported_and_nothing_breaks(page, site_url):
    page.goto(site_url + CHAPTER)
    # Fill the real quota: halve the block size each time it no longer fits, down to one byte.
    page.evaluate(
        """() => { let size = 1 << 20, i = 0;
                   while (size >= 1) {
                     try { localStorage.setItem('fill' + i++, 'x'.repeat(size)); }
                     catch { size = Math.floor(size / 2); } } }"""
    )
    first = cell(page, 0)
    type_code(page, first, "print('unsaved but running')")
    expect(first.locator(".bp-cell__notice")).to_contain_text("cannot be saved")
    run(page, first)
    assert live_text(first).strip() == "unsaved but running"


def test_instant_navigation_reuses_the_one_interpreter(page, site_url):
    workers = []
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto(site_url + CHAPTER)
    first = cell(page, 0)
    type_code(page, first, "print('first page')")
    run(page, first)
    next_chapter(page)
    # The path, not the whole URL: Material's tracking may add the hash of a heading it passed.
    assert page.url.split("#")[0].endswith("/partial-derivatives/"), page.url
    first = cell(page, 0)
    type_code(page, first, "print('next page')")
    run(page, first)
    assert live_text(first).strip() == "next page"
    assert page.evaluate("window.__backpropRuntime.workersCreated") == 1
    assert len([url for url in workers if "runtime/worker.js" in url]) == 1, workers


def test_a_failing_asset_gives_a_message_and_retry_works(page, context, site_url):
    context.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(site_url + CHAPTER)
    first = cell(page, 0)
    first.get_by_role("button", name="Run").click()
    notice = first.locator(".bp-cell__notice")
    notice.get_by_role("button", name="Retry").wait_for(timeout=60_000)
    assert "could not start" in notice.inner_text() and "404" in notice.inner_text()
    assert first.locator("[data-static-output]").is_visible(), "the book's output must stay"
    assert first.get_attribute("aria-busy") is None
    context.unroute("**/pyodide.asm.wasm")
    notice.get_by_role("button", name="Retry").click()
    first.locator(".bp-cell__live pre").wait_for(timeout=90_000)
    page.wait_for_function(
        "(el) => !el.hasAttribute('aria-busy')", arg=first.element_handle(), timeout=90_000
    )
    assert (
        live_text(first).strip() == first.locator("[data-static-output] pre").inner_text().strip()
    )


def test_the_print_page_stays_static(page, site_url):
    """All chapters on one page share cell ids; there the cells stay code plus book output."""
    page.goto(site_url + "print_page/")
    assert page.locator("[data-cell]").count() > 20
    assert page.locator(".bp-cell--attached, .cm-editor").count() == 0
