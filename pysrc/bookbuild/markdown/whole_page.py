"""Run a function once on a page's finished HTML, from a Markdown extension.

Python-Markdown runs the postprocessors on the whole page at the end of a conversion, but the
toc extension runs them before that on each heading's text too. A treeprocessor registered
after every other marks the moment the page's tree is done, so a function given to
`on_whole_page` sees the whole page, once. markdown-exec's conversions of a block's output
(which point back at their page) are left out.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown import Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from bookbuild.markdown.source_location import page_markdown

TREE_DONE = "bookbuild_tree_done"


class MarkTreeDone(Treeprocessor):
    def run(self, root):
        setattr(self.md, TREE_DONE, True)


class WholePage(Postprocessor):
    def __init__(self, md: Markdown, function: Callable[[Markdown, str], None]) -> None:
        super().__init__(md)
        self.function = function

    def run(self, text: str) -> str:
        if getattr(self.md, TREE_DONE, False) and page_markdown(self.md) is self.md:
            self.function(self.md, text)
        return text


class ForgetTreeDone(Postprocessor):
    """After every other postprocessor: the next conversion starts afresh."""

    def run(self, text: str) -> str:
        setattr(self.md, TREE_DONE, False)
        return text


def on_whole_page(md: Markdown, name: str, function: Callable[[Markdown, str], None]) -> None:
    """Call `function(md, html)` once per page, after the raw HTML (cells, figures) is back in."""
    if TREE_DONE not in md.treeprocessors:
        md.treeprocessors.register(MarkTreeDone(md), TREE_DONE, -100)
        md.postprocessors.register(ForgetTreeDone(md), "bookbuild_forget_tree_done", -100)
    # After RawHtmlPostprocessor (30) and AndSubstitute (20).
    md.postprocessors.register(WholePage(md, function), name, 2)
