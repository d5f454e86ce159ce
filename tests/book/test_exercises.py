"""Every exercise in the book works: its solution passes its check, its starter fails it with a
message, and each wrong answer written beside it fails with the diagnosis it should get.

The exercises are collected from the chapters' Markdown (not from a list kept here), and each is
tried where it stands: after its chapter's cells above it have run, in CPython, through the cell
core the browser uses (notebook_cell.run_cell and run_check).
"""

from __future__ import annotations

from functools import cache

import pytest

from bookbuild.book_nav import chapters, nav_page
from bookbuild.markdown.book_exercises import book_exercises
from bookbuild.markdown.build_session import PageSession
from bookbuild.markdown.exercise_source import Exercise
from notebook_cell import run_cell, run_check
from tests.book.page_items import page_items

EXERCISES = [exercise for chapter in book_exercises() for exercise in chapter.exercises]
CHAPTER_OF = {e.id: c.page for c in book_exercises() for e in c.exercises}


@cache
def tries_on(page_markdown: str) -> dict[str, dict]:
    """For each exercise of the page, the check's result for its starter, solution and wrongs."""
    page = nav_page(page_markdown)
    session = PageSession()
    results: dict[str, dict] = {}
    for number, (kind, item) in enumerate(page_items(page), start=1):
        if kind == "cell":
            session.run(item, number)
            continue
        exercise: Exercise = item

        def attempt(code, exercise=exercise):
            namespace = dict(session.namespace)
            ran = run_cell(code, "<cell>", namespace)
            assert ran.error is None, f"{exercise.where}: this code raised:\n{ran.error}"
            return run_check(exercise.check, namespace, "<cell>")

        results[exercise.id] = {
            "starter": attempt(exercise.starter),
            "solution": attempt(exercise.solution),
            "wrong": [(wrong, attempt(wrong.code)) for wrong in exercise.wrong_answers],
        }
    return results


def tries(exercise: Exercise) -> dict:
    return tries_on(CHAPTER_OF[exercise.id].markdown)[exercise.id]


def test_the_book_has_its_exercises():
    per_chapter = {chapter.page.markdown: len(chapter.exercises) for chapter in book_exercises()}
    assert per_chapter.get("index.md", 0) >= 1, "the Orientation page has a warm-up exercise"
    for page in chapters():
        if page.markdown in {"index.md", "frameworks.md"}:
            continue
        assert per_chapter.get(page.markdown, 0) >= 3, f"{page.title}: fewer than 3 exercises"
    assert len(EXERCISES) >= 24


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_the_solution_passes_its_check(exercise):
    result = tries(exercise)["solution"]
    assert result.passed, f"{exercise.where}: {result.message}"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_the_starter_fails_its_check_with_a_message(exercise):
    result = tries(exercise)["starter"]
    assert not result.passed, f"{exercise.where}: the starter solves the exercise"
    assert len(result.message.strip()) > 20, f"{exercise.where}: {result.message!r}"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_plausible_wrong_answers_get_their_diagnoses(exercise):
    assert len(exercise.wrong_answers) >= 2, f"{exercise.where}: write two wrong answers"
    assert exercise.hints, f"{exercise.where}: an exercise needs a hint"
    for wrong, result in tries(exercise)["wrong"]:
        assert not result.passed, f"{wrong.line}: this wrong answer passes"
        assert wrong.diagnosis in result.message, f"{wrong.line}: {result.message}"


def test_every_check_says_what_it_verifies():
    for exercise in EXERCISES:
        assert len(exercise.verifies.split()) >= 5, f"{exercise.where}: {exercise.verifies!r}"
