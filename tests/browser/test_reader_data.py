"""The reader's edits and progress: nothing lost without a word, whatever the storage does, and
an imported file counts only what it can."""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import expect

from bookbuild.markdown.book_exercises import book_exercises
from tests.browser.cells import cell, type_code

pytestmark = pytest.mark.browser
CHAPTER = book_exercises()[1]  # the first chapter after Orientation with exercises
FILL_STORAGE = """() => { let size = 1 << 20, i = 0;
  while (size >= 1) { try { localStorage.setItem('fill' + i++, 'x'.repeat(size)); }
                      catch { size = Math.floor(size / 2); } } }"""


def check(page, root):
    root.get_by_role("button", name="Check", exact=True).click()
    page.wait_for_function(
        "(root) => root.dataset.exerciseState && root.getAttribute('aria-busy') !== 'true'",
        arg=root.element_handle(),
        timeout=180_000,
    )


def test_a_solved_exercise_that_cannot_be_saved_says_so(page, site_url):
    exercise = CHAPTER.exercises[0]
    page.goto(site_url + CHAPTER.page.url_path)
    root = page.locator(f'[data-exercise="{exercise.id}"]')
    type_code(page, root.locator("[data-cell]"), exercise.solution)
    page.evaluate(FILL_STORAGE)
    check(page, root)
    assert root.get_attribute("data-exercise-state") == "solved"
    expect(root.locator("[data-exercise-feedback]")).to_contain_text("could not save it")


def test_only_settled_edits_are_saved(page, site_url):
    page.goto(site_url + "derivatives/")
    first = cell(page, 0)
    key = f"backprop-book:v1:/derivatives/:{first.get_attribute('data-cell')}"
    type_code(page, first, "x = 1")
    page.wait_for_function(f"() => localStorage.getItem({json.dumps(key)})?.includes('x = 1')")
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")  # the blank moment between select-all and typing
    page.keyboard.insert_text("y = 2")
    page.wait_for_function(f"() => localStorage.getItem({json.dumps(key)})?.includes('y = 2')")
    saved = page.evaluate(f"() => localStorage.getItem({json.dumps(key)})")
    assert '"code":""' not in saved.replace(" ", "")


def test_a_large_text_typed_in_bulk_does_not_freeze_the_editor(page, site_url):
    page.goto(site_url + "derivatives/")
    first = cell(page, 0)
    type_code(page, first, "")
    started = time.perf_counter()
    page.keyboard.insert_text("# " + "x" * 94_000 + "\nprint('long')")
    elapsed = time.perf_counter() - started
    assert elapsed < 10, f"typing 94 kB took {elapsed:.1f} s"


def test_an_edit_in_another_tab_is_noticed_and_either_can_be_kept(context, site_url):
    one, two = context.new_page(), context.new_page()
    for tab in (one, two):
        tab.goto(site_url + "derivatives/")
    type_code(one, cell(one, 0), "print('from tab one')")
    type_code(two, cell(two, 0), "print('from tab two')")
    notice = cell(one, 0).locator(".bp-cell__notice")
    expect(notice).to_contain_text("changed in another tab")
    notice.get_by_role("button", name="Use the other tab's").click()
    expect(cell(one, 0).locator(".cm-content")).to_contain_text("from tab two")


def test_an_import_counts_only_this_editions_exercises_and_ignores_strange_keys(page, site_url):
    exercise = CHAPTER.exercises[0]
    page.goto(site_url)
    progress = page.locator("[data-book-progress]")
    solved = {
        exercise.id: {"version": exercise.version, "solvedAt": "2026-01-01"},
        "__proto__": {"version": "x"},
        "constructor": {"version": "y"},
        "no-such-exercise": {"version": "z"},
        CHAPTER.exercises[1].id: {"version": "an-older-version"},
    }
    text = json.dumps({"format": "backprop-book exercise progress", "version": 1, "solved": solved})
    progress.locator("input[type=file]").set_input_files(
        {"name": "progress.json", "mimeType": "application/json", "buffer": text.encode()}
    )
    status = progress.locator(".bp-book-progress__status")
    expect(status).to_contain_text("Imported: 1 exercise more marked as solved.")
    expect(status).to_contain_text("4 entries were left out")
    expect(progress.locator("caption")).to_contain_text("1 of ")
    assert page.evaluate("Object.getPrototypeOf({}).version") is None
