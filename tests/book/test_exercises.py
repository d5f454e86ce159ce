"""Every exercise in the book works: its solution passes its check, its starter fails it with a
message, and each wrong answer written beside it fails with exactly the mistake (the id) it
names; hints never give a solution's line away; every chapter has enough exercises.

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
    pages = chapters()
    for page in pages:
        least = 1 if page in (pages[0], pages[-1]) else 3
        assert per_chapter.get(page.markdown, 0) >= least, f"{page.title}: too few exercises"
    assert len(EXERCISES) >= 33


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
    assert len(exercise.wrong_answers) >= 3, f"{exercise.where}: write three wrong answers"
    assert len(exercise.hints) >= 2, f"{exercise.where}: hints build up, in two steps or more"
    for wrong, result in tries(exercise)["wrong"]:
        assert not result.passed, f"{wrong.line}: this wrong answer passes"
        assert result.mistake == wrong.diagnosis, (
            f"{wrong.line}: {result.mistake}: {result.message}"
        )


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_no_check_stops_with_an_error_of_its_own(exercise):
    results = tries(exercise)
    for result in [results["starter"], *(result for _, result in results["wrong"])]:
        assert result.mistake != "check-error", f"{exercise.where}: {result.message}"


def test_every_solution_says_why_it_works():
    for exercise in EXERCISES:
        words = len(exercise.explanation.split())
        assert 15 <= words <= 120, f"{exercise.where}: an explanation of {words} words"


def test_every_check_says_what_it_verifies():
    for exercise in EXERCISES:
        assert len(exercise.verifies.split()) >= 5, f"{exercise.where}: {exercise.verifies!r}"
