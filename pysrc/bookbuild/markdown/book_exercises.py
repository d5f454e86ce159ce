"""The whole book's exercises, chapter by chapter in the nav's order: for the book's progress
(the Orientation page) and the solutions appendix, and for the tests."""

from __future__ import annotations

from dataclasses import dataclass

from bookbuild.book_nav import NavPage, nav_pages
from bookbuild.markdown.exercise_source import Exercise, ExerciseError, find_exercises
from bookbuild.markdown.source_location import docs_file_source


@dataclass(frozen=True)
class ChapterExercises:
    page: NavPage
    exercises: tuple[Exercise, ...]


def book_exercises() -> list[ChapterExercises]:
    """Every chapter's exercises, in the nav's order (for the book's progress and solutions)."""
    chapters = []
    for page in nav_pages():
        lines = page.source.read_text(encoding="utf-8").split("\n")
        found = find_exercises(lines, docs_file_source(page.markdown, lines))
        if found:
            chapters.append(ChapterExercises(page, tuple(found)))
    seen: dict[str, str] = {}
    for chapter in chapters:
        for exercise in chapter.exercises:
            if exercise.id in seen:
                raise ExerciseError(
                    f"{exercise.where}: the id {exercise.id!r} is also used at "
                    f"{seen[exercise.id]}; ids must be unique in the book"
                )
            seen[exercise.id] = exercise.where
    return chapters
