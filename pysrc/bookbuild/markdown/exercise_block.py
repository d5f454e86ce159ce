"""The exercises' Markdown: each ````exercise block becomes a static-first exercise.

A preprocessor of the book's extension (extension.py) replaces each exercise block of the page's
model with its markup: the title, the statement (Markdown), the exercise's cell (the starter,
with the output of its run at build time, where page_run.py proved the exercise), an empty
feedback region, the hints as <details>, and the solution, collapsed. The runtime adds the Check
button and the progress (runtime/page/exercise*.js).

Two more blocks read the whole book's exercises: ```` ```exercise-progress ```` (the book's
progress, on the Orientation page) and ```` ```exercise-solutions ```` (the appendix).
"""

from __future__ import annotations

import html
import json
import posixpath
from collections.abc import Callable

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from pygments import highlight
from pygments.lexers import PythonLexer

from bookbuild.book_nav import nav_pages
from bookbuild.markdown.book_exercises import book_exercises
from bookbuild.markdown.cell_html import CODE_FORMATTER, render_cell
from bookbuild.markdown.exercise_source import Exercise
from bookbuild.markdown.page_build import PageBuild
from bookbuild.markdown.page_model import item_id
from bookbuild.markdown.source_location import PageSource, page_markdown

SOLUTIONS_PAGE = "reference/solutions.md"
PROGRESS_BLOCK = "```exercise-progress"
SOLUTIONS_BLOCK = "```exercise-solutions"


class ExercisePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, page_build: Callable[[Markdown], PageBuild]) -> None:
        super().__init__(md)
        self.page_build = page_build

    def run(self, lines: list[str]) -> list[str]:
        if page_markdown(self.md) is not self.md:  # markdown-exec's output has no exercises
            return lines
        page = self.page_build(self.md)
        source = page.model.source
        chapter = chapter_number(source)
        exercises = [
            (index, item)
            for index, item in enumerate(page.model.items)
            if isinstance(item, Exercise)
        ]
        for number, (index, exercise) in reversed(list(enumerate(exercises, start=1))):
            cell = render_cell(
                item_id(exercise),
                exercise.starter,
                page.run.result(index),
                False,
                False,
                exercise=True,
                needs=tuple(page.run.needs(index)),
            )
            numbering = f"{chapter}.{number}" if chapter else str(number)
            markup = exercise_markup(exercise, numbering, source, self.md.htmlStash.store(cell))
            if number == 1:
                markup.insert(
                    0, '<p class="bp-exercise-progress" data-exercise-progress hidden></p>\n'
                )
            lines[exercise.start : exercise.end] = markup
        return expand_book_blocks(lines, source)


def chapter_number(source: PageSource) -> str:
    return next((page.number for page in nav_pages() if page.markdown == source.docs_path), "")


def link(source: PageSource, target: str) -> str:
    """A Markdown link target to another page of docs/ from the page being converted."""
    if source.docs_path is None:
        return target
    return posixpath.relpath(target, posixpath.dirname(source.docs_path) or ".")


def exercise_markup(exercise: Exercise, number: str, source: PageSource, cell: str) -> list[str]:
    """The exercise's markup, as Markdown lines; `cell` is its cell's HTML, stashed."""
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
        cell,
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
