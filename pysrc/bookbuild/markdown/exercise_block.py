"""The exercises' Markdown extension: each ````exercise block becomes a static-first exercise.

A preprocessor (before superfences runs the cells) replaces each exercise block
(bookbuild.markdown.exercise_source) with its markup: the title, the statement (Markdown), the
starter as
the exercise's cell (a ```` ```python cell exercise="id" ```` fence, so it runs in order with the
page's cells), an empty feedback region, the hints as <details>, and the solution, collapsed.
The runtime adds the Check button and the progress (runtime/page/exercise*.js). When superfences
reaches the exercise's cell, `format_exercise_cell` proves the exercise works (exercise_verify)
and renders the starter as a cell.

Two more blocks read the whole book's exercises: ```` ```exercise-progress ```` (the book's
progress, on the Orientation page) and ```` ```exercise-solutions ```` (the appendix).
"""

from __future__ import annotations

import html
import json
import posixpath

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from pygments import highlight
from pygments.lexers import PythonLexer

from bookbuild.book_nav import nav_pages
from bookbuild.markdown.book_error import BookError
from bookbuild.markdown.cell_fence import page_cells
from bookbuild.markdown.cell_html import CODE_FORMATTER, render_cell
from bookbuild.markdown.cell_page import PageCells
from bookbuild.markdown.exercise_source import Exercise, book_exercises, find_exercises
from bookbuild.markdown.exercise_verify import BrokenExerciseError, verify
from bookbuild.markdown.source_location import PageSource, page_source

SOLUTIONS_PAGE = "reference/solutions.md"
PROGRESS_BLOCK = "```exercise-progress"
SOLUTIONS_BLOCK = "```exercise-solutions"


class ExercisePreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        page = page_source(self.md)
        # These lines, as the page has them (or a markdown-exec block's, converted on its own).
        source = PageSource(lines, page.file)
        exercises = find_exercises(lines, source)
        page_cells(self.md).exercises.update({exercise.id: exercise for exercise in exercises})
        chapter = chapter_number(source)
        for number, exercise in reversed(list(enumerate(exercises, start=1))):
            markup = exercise_markup(exercise, f"{chapter}.{number}" if chapter else str(number),
                                     source)  # fmt: skip
            if number == 1:
                markup.insert(0, '<p class="bp-exercise-progress" data-exercise-progress hidden>'
                                 "</p>\n")  # fmt: skip
            lines[exercise.start : exercise.end] = markup
        return expand_book_blocks(lines, source)


def chapter_number(source: PageSource) -> str:
    return next((page.number for page in nav_pages() if page.markdown == source.docs_path), "")


def link(source: PageSource, target: str) -> str:
    """A Markdown link target to another page of docs/ from the page being converted."""
    if source.docs_path is None:
        return target
    return posixpath.relpath(target, posixpath.dirname(source.docs_path) or ".")


def exercise_markup(exercise: Exercise, number: str, source: PageSource) -> list[str]:
    attributes = (
        f'class="bp-exercise" id="exercise-{exercise.id}" data-exercise="{exercise.id}" '
        f'data-exercise-version="{exercise.version}" data-check="{html.escape(exercise.check)}"'
    )
    solution = highlight(exercise.solution, PythonLexer(), CODE_FORMATTER)
    lines = [
        f'<section {attributes} markdown="block">',
        f'<h3 class="bp-exercise__title">Exercise {number}: {html.escape(exercise.title)}</h3>',
        '<div class="bp-exercise__statement" markdown="block">',
        "",
        exercise.statement,
        "",
        "</div>",
        "",
        f'```python cell exercise="{exercise.id}"',
        exercise.starter,
        "```",
        "",
        '<div class="bp-exercise__feedback" data-exercise-feedback aria-live="polite"></div>',
        "",
    ]
    for index, hint in enumerate(exercise.hints, start=1):
        lines += [
            '<details class="bp-exercise__hint" markdown="block">',
            f"<summary>Hint {index} of {len(exercise.hints)}</summary>",
            "",
            hint,
            "",
            "</details>",
            "",
        ]
    lines += [
        '<details class="bp-exercise__solution">',
        "<summary>Solution</summary>",
        "<p>Looking is fine: reading a solution after trying is one of the best ways to learn. "
        "Try it in the cell above, then press Check.</p>",
        f"<div data-solution>{solution}</div>",
        "</details>",
        "",
        '<p class="bp-exercise__in-print" markdown="span">The solution, and what the check '
        f"verifies, are in [Solutions to the exercises]({link(source, SOLUTIONS_PAGE)}"
        f"#solution-{exercise.id}).</p>",
        "</section>",
        "",
    ]
    return "\n".join(lines).split("\n")


def format_exercise_cell(exercise_id: str, page: PageCells) -> str:
    """The exercise's cell: proved at this point of the page (or in an earlier build, the cache),
    then shown with the starter."""
    exercise = page.exercises.get(exercise_id)
    if exercise is None:
        raise BookError(page.source.path, f"no exercise {exercise_id!r} on this page: write it "
                        "as an ````exercise block, not as a cell")  # fmt: skip
    cell_id = f"exercise-{exercise_id}"
    page.ids.add(cell_id)
    try:
        starter = page.exercise_result(exercise, verify)
    except BrokenExerciseError as error:
        raise BookError(error.where, error.problem) from None
    return render_cell(cell_id, exercise.starter, starter, False, False, exercise=True)


def expand_book_blocks(lines: list[str], source: PageSource) -> list[str]:
    """The ```exercise-progress and ```exercise-solutions blocks, from the whole book."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        if line in (PROGRESS_BLOCK, SOLUTIONS_BLOCK):
            end = next(i for i in range(index + 1, len(lines)) if lines[i].strip() == "```")
            chapters = book_exercises()
            if line == PROGRESS_BLOCK:
                out += progress_markup(chapters, source)
            else:
                out += solutions_markup(chapters, source)
            index = end + 1
        else:
            out.append(lines[index])
            index += 1
    return out


def progress_markup(chapters, source: PageSource) -> list[str]:
    """The book's progress: the exercises per chapter; the runtime counts the solved ones."""
    book = [
        {
            "title": chapter.page.title,
            "number": chapter.page.number,
            "exercises": [{"id": e.id, "version": e.version} for e in chapter.exercises],
        }
        for chapter in chapters
    ]
    total = sum(len(chapter.exercises) for chapter in chapters)
    items = [
        f"- [{chapter.page.number} {chapter.page.title}]({link(source, chapter.page.markdown)}"
        f"#exercises): {len(chapter.exercises)} exercise{'s' * (len(chapter.exercises) > 1)}"
        for chapter in chapters
    ]
    return [
        f'<div class="bp-book-progress" data-book-progress="{html.escape(json.dumps(book))}" '
        'markdown="block">',
        "",
        f"The book has {total} exercises, at the end of the chapters:",
        "",
        *items,
        "",
        "</div>",
    ]


def solutions_markup(chapters, source: PageSource) -> list[str]:
    """The appendix: each exercise's solution and what its check verifies, by chapter."""
    out: list[str] = []
    for chapter in chapters:
        out += ["", f"## {chapter.page.title}", ""]
        for number, exercise in enumerate(chapter.exercises, start=1):
            back = f"{link(source, chapter.page.markdown)}#exercise-{exercise.id}"
            out += [
                f"### Exercise {chapter.page.number}.{number}: {exercise.title} "
                f"{{#solution-{exercise.id}}}",
                "",
                f"The check verifies: {exercise.verifies} ([The exercise]({back}))",
                "",
                "```python",
                exercise.solution,
                "```",
                "",
            ]
    return out


class ExercisesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After bookbuild.markdown.cell_fence's fresh page (100), before superfences (25) runs
        # the cells.
        md.preprocessors.register(ExercisePreprocessor(md), "bookbuild_exercises", 50)


def makeExtension(**kwargs) -> ExercisesExtension:  # noqa: N802 - Python-Markdown's entry point
    return ExercisesExtension(**kwargs)
