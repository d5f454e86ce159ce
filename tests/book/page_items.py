"""A chapter's cells and exercises in the order its Markdown has them, found as the build finds
them (bookbuild.markdown.cell_page, bookbuild.markdown.exercise_source)."""

from __future__ import annotations

from bookbuild.markdown.cell_page import cell_fences
from bookbuild.markdown.exercise_source import find_exercises
from bookbuild.markdown.source_location import docs_file_source


def page_items(page):
    """The page's cells and exercises in document order: ("cell", code) or ("exercise", e)."""
    lines = page.source.read_text().split("\n")
    cells = [(start, ("cell", source)) for start, source in cell_fences(lines)]
    exercises = [
        (exercise.start, ("exercise", exercise))
        for exercise in find_exercises(lines, docs_file_source(page.markdown, lines))
    ]
    for _, item in sorted(cells + exercises, key=lambda pair: pair[0]):
        yield item
