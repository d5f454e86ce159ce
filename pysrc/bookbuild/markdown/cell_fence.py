"""The book's one cell fence: ```` ```python cell ```` blocks, executed at build time.

Authors write:

    ```python cell                 a runnable cell
    ```python cell id="tangent"    with a stable id of the author's choosing
    ```python cell error           a cell that shows an error on purpose: it must raise
    ```python cell hide            a cell whose code is shown collapsed (setup, plotting)

(```` ```python cell exercise="id" ```` is an exercise's cell, written by
bookbuild.markdown.exercise_block
in place of an ````exercise block; authors write the block.)

Configured in mkdocs.yml as a pymdownx.superfences custom fence (name `python`, this
module's `validate` and `format_cell`), plus the `bookbuild.markdown.cell_fence` extension, which
gives every page a fresh namespace, the build-time limit per cell (`cell_timeout`, in seconds)
and the cache of results (`cache_dir`, relative to the project; empty: no cache).
```` ```python ```` without
`cell` is left to the other fences: markdown-exec's when it has `exec="on"`, else highlighting.
A mistake in a cell fails the build with a BookError that names the Markdown file and line.
"""

from __future__ import annotations

import logging
import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from bookbuild.markdown.book_error import BookError
from bookbuild.markdown.build_session import BuildCellResult, forget_backprop
from bookbuild.markdown.cell_cache import ROOT, CellCache
from bookbuild.markdown.cell_html import render_cell
from bookbuild.markdown.cell_page import PageCells
from bookbuild.markdown.exec_fence import has_blocks
from bookbuild.markdown.source_location import page_markdown, page_source, remember_page_source

LOG = logging.getLogger("mkdocs.bookbuild")  # shown in MkDocs' own log
CELL_OPTIONS = {"cell", "id", "error", "hide", "exercise"}
PAGE_ATTRIBUTE = "bookbuild_cells"
SETTINGS_ATTRIBUTE = "bookbuild_cell_settings"
# The innermost line of the cell in a traceback, and the error's name on its last line.
CELL_FRAME = re.compile(r'File "<cell \d+>", line (\d+)')
ERROR_NAME = re.compile(r"^(\w+)(?::|$)", re.M)
SYNTAX_ERRORS = {"SyntaxError", "IndentationError", "TabError"}


def validate(language, inputs, options, attrs, md) -> bool:
    """Claim ```` ```python cell ... ```` fences; leave other python fences to other fences.

    A mistake in the options is reported by format_cell, which knows the cell's line.
    """
    if "cell" not in inputs:
        return False
    unknown = set(inputs) - CELL_OPTIONS
    if "exec" in unknown:
        options["mistake"] = (
            "a block is either a cell (`cell`, run at build time and in the browser) or a "
            'build-time block (`exec="on"`, markdown-exec), not both'
        )
    elif unknown:
        options["mistake"] = (
            f"unknown cell option(s) {sorted(unknown)}; valid: {sorted(CELL_OPTIONS)}"
        )
    options["id"] = inputs.get("id", "")
    options["expects_error"] = "error" in inputs
    options["hide"] = "hide" in inputs
    options["exercise"] = inputs.get("exercise", "")
    return True


def format_cell(source, language, css_class, options, md, **kwargs) -> str:
    page = page_cells(md)
    if options["exercise"]:
        from bookbuild.markdown.exercise_block import format_exercise_cell  # it imports this module

        return format_exercise_cell(options["exercise"], page)
    line = page.source.find_block(source)
    where = page.source.where(line)
    if options.get("mistake"):
        raise BookError(where, options["mistake"])
    cell_id = options.get("id") or f"cell-{len(page.ids) + 1}"
    if cell_id in page.ids:
        raise BookError(where, f"two cells on one page have the id {cell_id!r}; ids must be unique")
    page.ids.add(cell_id)
    result = page.result_of(source)
    check_outcome(result, options["expects_error"], cell_id, source, page, line)
    return render_cell(cell_id, source, result, options["expects_error"], options["hide"])


def check_outcome(
    result: BuildCellResult,
    expects_error: bool,
    cell_id: str,
    source: str,
    page: PageCells,
    line: int | None,
) -> None:
    where = page.source.where(line)
    if result.timed_out:
        raise BookError(
            where,
            f"cell {cell_id!r} ran for more than {page.timeout:g} s at build time and was "
            "stopped (the limit is `cell_timeout` of bookbuild.markdown.cell_fence in "
            "mkdocs.yml):\n"
            f"{indent(source)}",
        )
    if result.error and not expects_error:
        frames = CELL_FRAME.findall(result.error)
        if frames and line is not None:
            where = page.source.where(line, int(frames[-1]))  # the failing line itself
        names = ERROR_NAME.findall(result.error)
        if names and names[-1] in SYNTAX_ERRORS:
            raise BookError(where, f"cell {cell_id!r} is not valid Python:\n{result.error}")
        raise BookError(
            where,
            f"cell {cell_id!r} raised at build time:\n{indent(source)}\n{result.error}"
            "If showing this error is the point of the cell, mark it ```python cell error```.",
        )
    if expects_error and not result.error:
        raise BookError(
            where, f"cell {cell_id!r} is marked `error` but did not raise:\n{indent(source)}"
        )


def indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def page_cells(md: Markdown) -> PageCells:
    page = page_markdown(md)
    cells = getattr(page, PAGE_ATTRIBUTE, None)
    if cells is None:  # the fence without the extension (a page not seen by StartPage)
        cells = start_page_cells(page)
    return cells


def start_page_cells(md: Markdown) -> PageCells:
    settings = getattr(md, SETTINGS_ATTRIBUTE, {"cell_timeout": 0, "cache_dir": ""})
    cache = CellCache(ROOT / settings["cache_dir"]) if settings["cache_dir"] else None
    # float(): a value from the environment (mkdocs.yml's !ENV) is a string.
    cells = PageCells(page_source(md), cache, float(settings["cell_timeout"]) or None)
    setattr(md, PAGE_ATTRIBUTE, cells)
    return cells


class StartPage(Preprocessor):
    """Each page starts with no cells met; its cells' results come from the cache or a run.

    A page that will run Python (cells not in the cache, or markdown-exec blocks) imports
    `backprop` afresh first: pysrc/backprop may have been edited (`make serve`), and another
    page may have changed the module.
    """

    def run(self, lines):
        if page_markdown(self.md) is self.md:  # not markdown-exec's conversion of a block
            cells = start_page_cells(self.md)
            if cells.will_run or has_blocks("\n".join(lines)):
                forget_backprop()
        return lines


class FinishPage(Postprocessor):
    """Keep the page's results; say which pages ran cells (a prose edit should run none).

    It runs once per page: the toc extension also runs the postprocessors on each heading.
    """

    def run(self, text):
        cells = getattr(self.md, PAGE_ATTRIBUTE, None)
        if cells is not None and page_markdown(self.md) is self.md and not cells.finished:
            cells.finish()
            if cells.executed:
                LOG.info(f"{cells.source.path}: ran {len(cells.seen)} cells")
        return text


class CellsExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {
            "cell_timeout": [30.0, "seconds a cell may run at build time (0: no limit)"],
            "cache_dir": ["", "where cell results are kept between builds, under the project"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        setattr(md, SETTINGS_ATTRIBUTE, self.getConfigs())
        remember_page_source(md)
        # Before superfences' fence preprocessor (priority 25), which runs the cells.
        md.preprocessors.register(StartPage(md), "bookbuild_start_page", 100)
        md.postprocessors.register(FinishPage(md), "bookbuild_finish_page", 1)


def makeExtension(**kwargs) -> CellsExtension:  # noqa: N802 - Python-Markdown's entry point name
    return CellsExtension(**kwargs)
