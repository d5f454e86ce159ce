"""A hidden cell (`python cell hide`): it runs, its code is collapsed, the reader can open it,
edit it and run it. On the authors' page, whose example is the book's only hidden cell."""

from __future__ import annotations

import pytest

from bookbuild.book_nav import nav_page
from tests.browser.cells import live_text, on_page, run, type_code

pytestmark = pytest.mark.browser
PAGE = nav_page("docs/reference/writing.md").url_path


@pytest.fixture
def authors_tab(reader, site_url):
    """The module's one reader tab on the authors' page: the tests below go on where the one
    before left the hidden cell (shown, run, then opened and edited), with one Python."""
    return on_page(reader, site_url + PAGE)


def hidden_cell(page):
    return page.locator("[data-cell]:has(details.bp-cell__hidden-code)").first


def test_a_hidden_cell_shows_its_output_and_controls_but_not_its_code(authors_tab):
    page = authors_tab
    cell = hidden_cell(page)
    cell.scroll_into_view_if_needed()
    assert not cell.locator(".bp-cell__code").is_visible(), "the code should start collapsed"
    assert cell.get_by_text("Show the code").is_visible()
    assert cell.locator("[data-static-output] img").is_visible(), "its build-time figure shows"
    assert cell.get_by_role("button", name="Run").is_visible(), "it runs without being opened"


def test_a_hidden_cell_runs_in_the_browser_without_being_opened(authors_tab):
    page = authors_tab
    cell = hidden_cell(page)
    cell.scroll_into_view_if_needed()
    run(page, cell)
    assert cell.locator(".bp-cell__live img").count() == 1, live_text(cell)
    assert not cell.locator(".bp-cell__code").is_visible()


def test_opening_a_hidden_cell_shows_its_code_which_the_reader_can_edit_and_run(authors_tab):
    page = authors_tab
    cell = hidden_cell(page)
    cell.scroll_into_view_if_needed()
    cell.get_by_text("Show the code").click()
    code = cell.locator(".bp-cell__code")
    assert code.is_visible() and "plt.plot" in code.inner_text()
    type_code(page, cell, "print('edited', 6 * 7)")
    editor = cell.locator("details .cm-editor")
    assert editor.is_visible(), "the editor opens in the code's place, inside the open details"
    run(page, cell)
    assert live_text(cell) == "edited 42\n"
    assert cell.get_by_text("modified").is_visible()
