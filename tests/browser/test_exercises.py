"""Exercises as a learner uses them: type an answer, press Check, read the feedback; progress
that survives a reload and moves to another browser through a file."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from bookbuild.markdown.book_exercises import book_exercises
from tests.browser.cells import type_code

pytestmark = pytest.mark.browser
CHAPTERS = book_exercises()


def check(page, exercise_root, code: str, timeout=120_000) -> str:
    """Type `code` into the exercise's cell, press Check, return the feedback once it is judged."""
    type_code(page, exercise_root.locator("[data-cell]"), code)
    button = exercise_root.get_by_role("button", name="Check", exact=True)
    button.click()
    page.wait_for_function(
        "(root) => root.getAttribute('aria-busy') !== 'true' && root.dataset.exerciseState",
        arg=exercise_root.element_handle(),
        timeout=timeout,
    )
    return exercise_root.locator("[data-exercise-feedback]").inner_text()


def progress_line(page):
    return page.locator("[data-exercise-progress]")


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda chapter: chapter.page.markdown)
def test_a_solution_is_marked_solved_counted_and_remembered(page, site_url, chapter):
    exercise = chapter.exercises[0]
    page.goto(site_url + chapter.page.url_path)
    total = len(chapter.exercises)
    expect(progress_line(page)).to_have_text(f"0 of {total} exercise{'s' * (total > 1)} solved")
    root = page.locator(f'[data-exercise="{exercise.id}"]')
    feedback = check(page, root, exercise.solution)
    assert root.get_attribute("data-exercise-state") == "solved", feedback
    assert feedback.startswith("Solved.")
    expect(progress_line(page)).to_have_text(f"1 of {total} exercise{'s' * (total > 1)} solved")
    page.reload()
    root = page.locator(f'[data-exercise="{exercise.id}"]')
    assert root.get_attribute("data-exercise-state") == "solved"
    expect(progress_line(page)).to_have_text(f"1 of {total} exercise{'s' * (total > 1)} solved")


def test_a_wrong_answer_is_told_its_mistake(page, site_url):
    chapter = CHAPTERS[1]  # the first chapter after the Orientation
    exercise = chapter.exercises[0]
    page.goto(site_url + chapter.page.url_path)
    root = page.locator(f'[data-exercise="{exercise.id}"]')
    for wrong in exercise.wrong_answers:
        feedback = check(page, root, wrong.code)
        assert root.get_attribute("data-exercise-state") == "failed"
        assert wrong.diagnosis in feedback, feedback
    assert root.locator("[aria-live]").count() >= 1


def test_a_check_that_never_ends_can_be_stopped_and_the_next_check_works(page, site_url):
    chapter = CHAPTERS[1]
    exercise = chapter.exercises[0]
    page.goto(site_url + chapter.page.url_path)
    root = page.locator(f'[data-exercise="{exercise.id}"]')
    cell = root.locator("[data-cell]")
    endless = exercise.starter + "\n\nwhile True:\n    pass\n"
    type_code(page, cell, endless)
    root.get_by_role("button", name="Check", exact=True).click()
    page.wait_for_function("(root) => root.getAttribute('aria-busy') === 'true'",
                           arg=root.element_handle())  # fmt: skip
    expect(root.locator(".bp-cell__status")).to_have_text("Running…", timeout=90_000)
    page.wait_for_timeout(500)
    cell.get_by_role("button", name="Stop").click()
    page.wait_for_function("(root) => root.dataset.exerciseState === 'failed'",
                           arg=root.element_handle(), timeout=10_000)  # fmt: skip
    assert "did not finish" in root.locator("[data-exercise-feedback]").inner_text()
    assert check(page, root, exercise.solution).startswith("Solved.")


def test_progress_moves_to_another_browser_by_export_and_import(chromium, site_url, tmp_path):
    chapter = CHAPTERS[1]
    exercise = chapter.exercises[0]
    first = chromium.new_context(service_workers="block")
    page = first.new_page()
    page.goto(site_url + chapter.page.url_path)
    check(page, page.locator(f'[data-exercise="{exercise.id}"]'), exercise.solution)
    page.goto(site_url)
    progress = page.locator("[data-book-progress]")
    expect(progress).to_contain_text("1 of")
    with page.expect_download() as download:
        progress.get_by_role("button", name="Export progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    assert exercise.id in json.loads(exported.read_text())["solved"]
    first.close()

    second = chromium.new_context(service_workers="block")
    page = second.new_page()
    page.goto(site_url)
    progress = page.locator("[data-book-progress]")
    expect(progress.locator("caption")).to_contain_text("0 of")
    progress.locator("input[type=file]").set_input_files(str(exported))
    expect(progress.get_by_role("status")).to_contain_text("Imported: 1 exercise")
    expect(progress.locator("caption")).to_contain_text("1 of")
    page.goto(site_url + chapter.page.url_path)
    assert (
        page.locator(f'[data-exercise="{exercise.id}"]').get_attribute("data-exercise-state")
        == "solved"
    )
    page.goto(site_url)
    page.locator("[data-book-progress]").get_by_role("button", name="Reset progress").click()
    page.get_by_role("button", name="Yes, reset it").click()
    expect(page.locator("[data-book-progress] caption")).to_contain_text("0 of")
    second.close()


def test_hints_open_one_at_a_time(page, site_url):
    chapter = next(c for c in CHAPTERS if any(len(e.hints) > 1 for e in c.exercises))
    exercise = next(e for e in chapter.exercises if len(e.hints) > 1)
    page.goto(site_url + chapter.page.url_path)
    hints = page.locator(f'[data-exercise="{exercise.id}"] .bp-exercise__hint')
    expect(hints.nth(0)).to_be_visible()
    expect(hints.nth(1)).to_be_hidden()
    hints.nth(0).locator("summary").click()
    expect(hints.nth(1)).to_be_visible()
