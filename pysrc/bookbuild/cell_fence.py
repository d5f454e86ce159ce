"""The book's one cell fence: ```` ```python cell ```` blocks, executed at build time.

Authors write:

    ```python cell                 a runnable cell
    ```python cell id="tangent"    with a stable id of the author's choosing
    ```python cell error           a cell that shows an error on purpose: it must raise

Configured in mkdocs.yml as a pymdownx.superfences custom fence (name `python`, this module's
`validate` and `format_cell`), plus the `bookbuild.cell_fence` extension, which gives every page a
fresh namespace. The HTML is static first: highlighted code and build-time output that read well
without JavaScript and in print; the browser runtime takes over the element by its hooks
(`data-cell`, `data-source`, `data-static-output`).
"""

from __future__ import annotations

import hashlib
import html
import sys

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer
from pymdownx.superfences import SuperFencesException

from bookbuild.build_session import BuildCellResult, PageSession
from bookbuild.page_source import identify
from notebook_cell import start_page

CELL_OPTIONS = {"cell", "id", "error", "exercise"}
SESSION_ATTRIBUTE = "bookbuild_cells"
# The same markup as Material's own code blocks, so cells look like the rest of the book.
CODE_FORMATTER = HtmlFormatter(cssclass="language-python highlight", wrapcode=True)


class CellError(SuperFencesException):
    """A cell failed at build time (superfences lets only this exception type through)."""


def validate(language, inputs, options, attrs, md) -> bool:
    """Claim ```` ```python cell ... ```` fences; leave other python fences to the highlighter."""
    if "cell" not in inputs:
        return False
    unknown = set(inputs) - CELL_OPTIONS
    if unknown:
        raise CellError(f"unknown cell option(s) {sorted(unknown)}; valid: {sorted(CELL_OPTIONS)}")
    options["id"] = inputs.get("id", "")
    options["expects_error"] = "error" in inputs
    options["exercise"] = inputs.get("exercise", "")
    return True


def format_cell(source, language, css_class, options, md, **kwargs) -> str:
    page = page_state(md)
    if options["exercise"]:  # an exercise's cell (bookbuild.exercise_block writes these fences)
        from bookbuild.exercise_block import format_exercise_cell

        return format_exercise_cell(options["exercise"], page)
    number = len(page.ids) + 1
    cell_id = options.get("id") or f"cell-{number}"
    if cell_id in page.ids:
        raise CellError(f"two cells on one page have the id {cell_id!r}; ids must be unique")
    page.ids.add(cell_id)
    result = page.session.run(source)
    check_outcome(result, options["expects_error"], cell_id, source)
    return render_cell(cell_id, source, result, options["expects_error"])


def check_outcome(result: BuildCellResult, expects_error: bool, cell_id: str, source: str) -> None:
    if result.error and not expects_error:
        raise CellError(
            f"cell {cell_id!r} raised at build time (mark it ```python cell error``` if that is "
            f"the point):\n{indent(source)}\n{result.error}"
        )
    if expects_error and not result.error:
        raise CellError(f"cell {cell_id!r} is marked `error` but did not raise:\n{indent(source)}")


def indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def render_cell(
    cell_id: str, source: str, result: BuildCellResult, expects_error: bool, extra: str = ""
) -> str:
    code = highlight(source, PythonLexer(), CODE_FORMATTER)
    source_hash = hashlib.sha256(source.encode()).hexdigest()[:16]
    attributes = f'data-cell="{html.escape(cell_id)}" data-source-hash="{source_hash}"'
    attributes += f' data-source="{html.escape(source)}"{extra}'
    if expects_error:
        attributes += " data-expects-error"
    return (
        f'<div class="bp-cell" {attributes}>'
        f'<div class="bp-cell__code">{code}</div>'
        f"{render_static_output(result)}"
        "</div>"
    )


def render_static_output(result: BuildCellResult) -> str:
    parts = []
    if result.output:
        parts.append(f'<pre class="bp-output__text">{html.escape(result.output)}</pre>')
    if result.error:
        error = html.escape(result.error)
        parts.append(f'<pre class="bp-output__text bp-output__error">{error}</pre>')
    for image in result.images:
        parts.append(
            f'<img class="bp-output__image" src="{image.data_uri}" alt="{html.escape(image.alt)}">'
        )
    if not parts:
        return '<div class="bp-cell__static" data-static-output hidden></div>'
    label = '<p class="bp-cell__label">Output computed when the book was built</p>'
    return f'<div class="bp-cell__static" data-static-output>{label}{"".join(parts)}</div>'


class PageState:
    def __init__(self, lines: list[str] | None = None) -> None:
        self.session = PageSession()
        self.ids: set[str] = set()
        self.exercises: dict = {}  # id -> Exercise, found on this page by exercise_block
        self.lines = lines or []  # the page's Markdown, to say where a fence is
        self.source = identify(self.lines)

    def where(self, fence_body: str) -> str:
        """'docs/page.md:42' for the fence whose body is `fence_body` (its opening line)."""
        first = fence_body.strip().split("\n")[0].strip()
        for index, line in enumerate(self.lines):
            if (
                line.strip() == first
                and index > 0
                and self.lines[index - 1].lstrip().startswith(("```", "~~~"))
            ):
                return self.source.where(index - 1)
        return self.source.where(0)


def page_state(md: Markdown) -> PageState:
    state = getattr(md, SESSION_ATTRIBUTE, None)
    if state is None:
        state = PageState()
        setattr(md, SESSION_ATTRIBUTE, state)
    return state


class FreshPage(Preprocessor):
    """Start each page with a new namespace and a fresh import of `backprop`.

    Re-importing means `make serve` picks up edits to pysrc/backprop without a restart, and no
    page's cells can depend on what another page did.
    """

    def run(self, lines):
        setattr(self.md, SESSION_ATTRIBUTE, PageState(lines))
        reloaded = {"backprop", "exercise_checks", "explorables"}
        for name in [name for name in sys.modules if name.partition(".")[0] in reloaded]:
            del sys.modules[name]
        start_page()
        return lines


class CellsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before superfences' fence preprocessor (priority 25), which runs the cells.
        md.preprocessors.register(FreshPage(md), "bookbuild_fresh_page", 100)


def makeExtension(**kwargs) -> CellsExtension:  # noqa: N802 - Python-Markdown's entry point name
    return CellsExtension(**kwargs)
