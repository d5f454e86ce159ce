"""The book's cell fence: each ```` ```python cell ```` block becomes a cell of its page.

The book's extension (extension.py) registers this fence with pymdownx.superfences: it claims
the ```python fences that say `cell` and leaves every other one to the fences of mkdocs.yml
(markdown-exec's with `exec="on"`, else plain highlighting). The cell's options were read, and
its code was run and proved, when the page's conversion started (page_model.py, page_run.py);
here the cell is only drawn, as cell_html.py's static-first markup.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown import Markdown

from bookbuild.markdown.book_error import BookError
from bookbuild.markdown.cell_html import render_cell
from bookbuild.markdown.page_build import PageBuild


class CellFence:
    def __init__(self, page_build: Callable[[Markdown], PageBuild]) -> None:
        self.page_build = page_build  # the page being converted, for the Markdown converting it

    def validate(self, language, inputs, options, attrs, md) -> bool:
        """Claim ```` ```python cell ... ````; its options are checked by the page model, which
        knows the fence's line."""
        return "cell" in inputs

    def format(self, src="", language="", options=None, md=None, **kwargs) -> str:
        page = self.page_build(md)
        index = page.next_cell(src)
        if index is None:
            raise BookError(page.model.source.path, "a ```python cell fence that the page's model "
                            f"did not find (is it inside another block?):\n{src}")  # fmt: skip
        cell = page.model.items[index]
        return render_cell(
            cell.id,
            cell.source,
            page.run.result(index),
            cell.expects_error,
            cell.hide,
            needs=tuple(page.run.needs(index)),
            declared_needs=cell.needs,
        )
