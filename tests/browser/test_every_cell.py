"""Every cell of the book runs in Pyodide and prints what the build printed.

One reader's tab (the `reader` fixture) goes through the whole book: Material's instant
navigation keeps its one Python from page to page, as it does for a reader, so Python starts
once for the book, not once per page (each page keeps its own variables).
"""

from __future__ import annotations

import pytest

from bookbuild.book_nav import nav_pages
from tests.browser.cells import live_text, open_through_nav, run, same_output, static_text

PAGES_WITH_CELLS = [page.url_path for page in nav_pages() if page.has_cells]


@pytest.mark.browser
@pytest.mark.parametrize("page_path", PAGES_WITH_CELLS)
def test_every_cell_matches_its_build_time_output(reader, site_url, page_path):
    page = reader
    open_through_nav(page, site_url + page_path)
    cells = page.locator("[data-cell]")
    count = cells.count()
    assert count >= 2
    mismatches = []
    for index in range(count):
        cell = cells.nth(index)
        cell.scroll_into_view_if_needed()
        run(page, cell)
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
