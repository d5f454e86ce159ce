"""A chapter's cells and exercises in the order its Markdown has them, found as the build finds
them (bookbuild.markdown.page_model)."""

from __future__ import annotations

from bookbuild.markdown.page_model import CellBlock, PageModel
from bookbuild.markdown.source_location import docs_file_source


def page_items(page):
    """The page's cells and exercises in document order: ("cell", code) or ("exercise", e)."""
    lines = page.source.read_text().split("\n")
    for item in PageModel.parse(docs_file_source(page.markdown, lines)).items:
        yield ("cell", item.source) if isinstance(item, CellBlock) else ("exercise", item)
