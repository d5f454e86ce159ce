"""Every cell of the book runs in Pyodide and prints what the build printed.

One reader's tab goes through the whole book: Material's instant navigation keeps its one
Python from page to page, as it does for a reader, so Python starts once for the book, not once
per page (each page keeps its own variables).
"""

from __future__ import annotations

import pytest

from bookbuild.book_nav import nav_pages
from bookbuild.harness.browser import confine_to_origin
from bookbuild.harness.reader_actions import BOOT_TIMEOUT_MS, record_page_errors
from tests.browser.cells import live_text, run, same_output, static_text

PAGES_WITH_CELLS = [page.url_path for page in nav_pages() if page.has_cells]


@pytest.fixture(scope="module")
def reader(chromium, site_url):
    context = chromium.new_context(viewport={"width": 1100, "height": 900}, service_workers="block")
    blocked: list[str] = []
    confine_to_origin(context, site_url, blocked)
    page = context.new_page()
    page.errors = record_page_errors(page)
    page.set_default_timeout(BOOT_TIMEOUT_MS)
    yield page
    context.close()
    assert not blocked, f"requests to other origins: {blocked}"


def open_page(page, url: str) -> None:
    """The first page by its address, every later one through the nav's link to it (Material's
    instant navigation), until the page left behind is gone and the new page's cells are
    attached (the address changes before Material swaps the content in)."""
    if not page.url.startswith("http"):
        page.goto(url)
        left_behind = None
    else:
        left_behind = page.evaluate_handle("() => document.querySelector('[data-cell]')")
        page.evaluate(
            "(url) => [...document.querySelectorAll('a.md-nav__link')]"
            ".find((link) => link.href === url).click()",
            url,
        )
    page.wait_for_function(
        """([url, old]) => {
             const cells = [...document.querySelectorAll('[data-cell]')];
             return location.href === url && !(old && old.isConnected) && cells.length > 0
               && cells.every((cell) => cell.matches('.bp-cell--attached')); }""",
        arg=[url, left_behind],
    )


@pytest.mark.browser
@pytest.mark.parametrize("page_path", PAGES_WITH_CELLS)
def test_every_cell_matches_its_build_time_output(reader, site_url, page_path):
    page = reader
    open_page(page, site_url + page_path)
    cells = page.locator("[data-cell]")
    count = cells.count()
    assert count >= 2
    mismatches = []
    for index in range(count):
        cell = cells.nth(index)
        cell.scroll_into_view_if_needed()
        run(page, cell, timeout=120_000)
        expected, found = static_text(cell), live_text(cell)
        if not same_output(expected, found):
            mismatches.append(f"cell {index + 1}:\n--- build\n{expected}\n--- browser\n{found}")
        static_images = cell.locator("[data-static-output] img").count()
        live_images = cell.locator(".bp-cell__live img").count()
        if static_images != live_images:
            mismatches.append(
                f"cell {index + 1}: {static_images} figures at build, {live_images} now"
            )
    assert not mismatches, "\n\n".join(mismatches)
    assert page.evaluate("window.__backpropRuntime.workersCreated") <= 1, "one Python for all"
    assert not page.errors, f"uncaught errors in the page: {page.errors}"
