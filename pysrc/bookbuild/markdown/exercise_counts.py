"""Every chapter ends with enough exercises: at least three, and at least one on the first page
(the Orientation) and the last chapter. Checked on the whole book's exercises, in nav order; a
chapter with too few fails the build at its `## Exercises` heading (or its first line)."""

from __future__ import annotations

import re

from bookbuild.book_nav import chapters
from bookbuild.markdown.exercise_error import ExerciseError

AT_LEAST = 3
AT_LEAST_FIRST_AND_LAST = 1


def check_exercise_counts(book) -> None:
    """book: the ChapterExercises of every chapter that has exercises, in nav order."""
    counts = {chapter.page.markdown: len(chapter.exercises) for chapter in book}
    pages = chapters()
    for page in pages:
        least = AT_LEAST_FIRST_AND_LAST if page in (pages[0], pages[-1]) else AT_LEAST
        found = counts.get(page.markdown, 0)
        if found < least:
            raise ExerciseError(
                f"{exercises_heading(page)}: the chapter {page.title!r} has {found} "
                f"exercise{'s' * (found != 1)}; every chapter needs at least {AT_LEAST}, the "
                f"first page and the last chapter at least {AT_LEAST_FIRST_AND_LAST}"
            )


def exercises_heading(page) -> str:
    """docs/NAME.md:LINE of the page's `## Exercises` heading, or of its first line."""
    lines = page.source.read_text(encoding="utf-8").splitlines()
    line = next(
        (n for n, text in enumerate(lines, start=1) if re.match(r"##\s+Exercises", text)), 1
    )
    return f"docs/{page.markdown}:{line}"
