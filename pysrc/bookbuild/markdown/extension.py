"""The book's Markdown extension: one model of each page, and the fences and blocks that draw it.

    markdown_extensions:
      - pymdownx.superfences: ...            (listed before this extension)
      - bookbuild.markdown.extension:
          cell_timeout: 30                   seconds a cell may run at build time (0: no limit)
          cache_dir: .cache/cells            results kept between builds ("": none)

For each page it converts, in this order:
1. the page's lines and file are kept (source_location.RememberPageSource, priority 200);
2. the page's model is parsed, and its cells and exercises are run and proved, or taken from the
   cache (page_model.py, page_run.py; priority 100); a page with markdown-exec blocks, which run
   Python too, imports `backprop` afresh as well;
3. the exercise blocks become their markup (exercise_block.py; priority 28: after Python-Markdown
   removes stray placeholder characters from the text (30), so that the exercise's cell, stashed
   as HTML, keeps its placeholder, and before superfences (25));
4. pymdownx.superfences draws each ```` ```python cell ```` fence (cell_fence.py, registered
   here, so that it is tried before the ```python fences of mkdocs.yml).

It is a Python-Markdown extension, not an MkDocs hook or plugin: it needs nothing of MkDocs
beyond the page's file, which MkDocs' own link treeprocessor knows (source_location.py).
"""

from __future__ import annotations

import logging

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from pymdownx.superfences import SuperFencesCodeExtension

from bookbuild.markdown.build_session import forget_backprop
from bookbuild.markdown.cell_cache import CellCache
from bookbuild.markdown.cell_fence import CellFence
from bookbuild.markdown.exec_fence import has_blocks
from bookbuild.markdown.exercise_block import ExercisePreprocessor
from bookbuild.markdown.page_build import PageBuild
from bookbuild.markdown.page_model import PageModel
from bookbuild.markdown.page_run import PageRun
from bookbuild.markdown.source_location import page_markdown, page_source, remember_page_source
from bookbuild.paths import ROOT

LOG = logging.getLogger("mkdocs.bookbuild")  # shown in MkDocs' own log


class StartPage(Preprocessor):
    def __init__(self, md: Markdown, extension: BookExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if page_markdown(self.md) is self.md:  # not markdown-exec's conversion of a block
            self.extension.start_page(self.md, lines)
        return lines


class BookExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {
            "cell_timeout": [30.0, "seconds a cell may run at build time (0: no limit)"],
            "cache_dir": ["", "where cell results are kept between builds, under the project"],
        }
        super().__init__(**kwargs)
        self.page: PageBuild | None = None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        superfences = next(
            (
                extension
                for extension in md.registeredExtensions
                if isinstance(extension, SuperFencesCodeExtension)
            ),
            None,
        )
        if superfences is None:
            raise ValueError(
                "bookbuild.markdown.extension needs pymdownx.superfences listed "
                "before it in markdown_extensions"
            )
        md.registerExtension(self)  # a markdown-exec block's Markdown finds its page through it
        cells = CellFence(self.page_build)
        superfences.extend_super_fences("python", cells.format, cells.validate, lambda md: None)
        remember_page_source(md)
        md.preprocessors.register(StartPage(md, self), "bookbuild_start_page", 100)
        md.preprocessors.register(
            ExercisePreprocessor(md, self.page_build), "bookbuild_exercises", 28
        )

    def start_page(self, md: Markdown, lines: list[str]) -> None:
        settings = self.getConfigs()
        cache = CellCache(ROOT / settings["cache_dir"]) if settings["cache_dir"] else None
        # float(): a value from the environment (mkdocs.yml's !ENV) is a string.
        timeout = float(settings["cell_timeout"]) or None
        model = PageModel.parse(page_source(md))
        run = PageRun(model, cache, timeout)
        if not run.executed and has_blocks("\n".join(lines)):
            forget_backprop()  # markdown-exec's blocks import the module as it is now
        if run.executed:
            proof = (
                f" (and {run.proof_cells} again to prove what each needs)"
                if run.proof_cells
                else ""
            )
            LOG.info(f"{model.source.path}: ran {len(model.items)} cells{proof}")
        self.page = PageBuild(model, run)

    def page_build(self, md: Markdown) -> PageBuild:
        """The page `md` converts: a markdown-exec block's Markdown belongs to its page."""
        page_md = page_markdown(md)
        extensions = [e for e in page_md.registeredExtensions if isinstance(e, BookExtension)]
        extension = self if page_md is md or not extensions else extensions[0]
        if extension.page is None:  # the fence without StartPage: a bare conversion
            extension.start_page(page_md, [])
        return extension.page


def makeExtension(**kwargs) -> BookExtension:  # noqa: N802 - Python-Markdown's entry point
    return BookExtension(**kwargs)
