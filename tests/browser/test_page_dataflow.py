"""A Run or a Check runs only what its cell needs: not an unrelated cell above it, not a broken
one it does not need, and when a cell it needs fails, it says which and links to it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bookbuild.book_nav import nav_page
from bookbuild.markdown.book_exercises import book_exercises
from tests.browser.cells import live_text, run, type_code

pytestmark = pytest.mark.browser
CHAPTER = nav_page("docs/gradient-descent.md")


def book_cells(page):
    return page.locator("[data-cell]:not([data-exercise-cell])")


def ran(cell_locator) -> bool:
    return "bp-cell--ran" in (cell_locator.get_attribute("class") or "")


def test_run_on_a_late_cell_runs_only_the_cells_it_needs(page, site_url):
    page.goto(site_url + CHAPTER.url_path)
    cells = book_cells(page)
    last = cells.nth(cells.count() - 1)
    needed = set(last.get_attribute("data-needs").split())
    unrelated = next(
        cells.nth(i)
        for i in range(cells.count() - 1)
        if cells.nth(i).get_attribute("data-cell") not in needed
    )
    type_code(page, unrelated, "print('MARKER: this cell ran')")
    last.scroll_into_view_if_needed()
    run(page, last, timeout=180_000)
    ran_ids = {
        cells.nth(i).get_attribute("data-cell") for i in range(cells.count()) if ran(cells.nth(i))
    }
    assert ran_ids == needed | {last.get_attribute("data-cell")}, ran_ids
    assert not ran(unrelated) and "MARKER" not in unrelated.locator(".bp-cell__live").inner_text()
    assert last.locator(".bp-cell__live img").count() >= 1, "the plot of the last cell is drawn"


def test_a_check_succeeds_while_an_unrelated_cell_above_is_broken(page, site_url):
    chapter = next(c for c in book_exercises() if c.page == CHAPTER)
    exercise = chapter.exercises[0]
    page.goto(site_url + CHAPTER.url_path)
    root = page.locator(f'[data-exercise="{exercise.id}"]')
    needed = set(root.locator("[data-cell]").get_attribute("data-needs").split())
    cells = book_cells(page)
    broken = next(
        cells.nth(i)
        for i in range(cells.count())
        if cells.nth(i).get_attribute("data-cell") not in needed
    )
    type_code(page, broken, "raise KeyError(0.85)")
    run(page, broken, timeout=180_000)
    assert "KeyError: 0.85" in live_text(broken)
    type_code(page, root.locator("[data-cell]"), exercise.solution)
    root.get_by_role("button", name="Check", exact=True).click()
    page.wait_for_function(
        "(root) => root.dataset.exerciseState", arg=root.element_handle(), timeout=180_000
    )
    assert root.get_attribute("data-exercise-state") == "solved", root.inner_text()


def test_a_needed_cell_that_fails_is_named_and_linked(page, site_url):
    page.goto(site_url + CHAPTER.url_path)
    cells = book_cells(page)
    first, last = cells.nth(0), cells.nth(cells.count() - 1)
    assert first.get_attribute("data-cell") in last.get_attribute("data-needs").split()
    type_code(page, first, "import numpy as np\nraise KeyError(0.85)")
    last.scroll_into_view_if_needed()
    run(page, last, timeout=180_000)
    message = last.locator("[data-needed-failure]")
    expect(message).to_contain_text("Cell 1 above")
    expect(message).to_contain_text("raised KeyError: 0.85, so this cell did not run")
    assert message.locator("a").get_attribute("href") == f"#{first.get_attribute('id')}"
    message.locator("a").click()
    assert page.evaluate("location.hash") == f"#{first.get_attribute('id')}"


def test_a_check_whose_needed_cell_fails_says_which_and_links_to_it(page, site_url):
    chapter = next(c for c in book_exercises() if c.page == CHAPTER)
    page.goto(site_url + CHAPTER.url_path)
    first = book_cells(page).nth(0)

    def needs_first(exercise) -> bool:
        cell = page.locator(f'[data-exercise="{exercise.id}"] [data-cell]')
        return first.get_attribute("data-cell") in cell.get_attribute("data-needs").split()

    exercise = next(e for e in chapter.exercises if needs_first(e))
    root = page.locator(f'[data-exercise="{exercise.id}"]')
    type_code(page, first, first.get_attribute("data-source") + "\nraise KeyError(0.85)")
    type_code(page, root.locator("[data-cell]"), exercise.solution)
    root.get_by_role("button", name="Check", exact=True).click()
    page.wait_for_function(
        "(root) => root.dataset.exerciseState", arg=root.element_handle(), timeout=180_000
    )
    feedback = root.locator("[data-exercise-feedback]")
    expect(feedback).to_contain_text("Cell 1 above")
    expect(feedback).to_contain_text("so your code was not checked")
    assert feedback.locator("a").get_attribute("href") == f"#{first.get_attribute('id')}"
