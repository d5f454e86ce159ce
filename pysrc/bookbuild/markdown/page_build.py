"""The page being converted, as the fences and blocks that draw it see it: its model, its run,
and which of its cells are drawn already."""

from __future__ import annotations

from bookbuild.markdown.page_model import CellBlock, PageModel
from bookbuild.markdown.page_run import PageRun


class PageBuild:
    """The page being converted: its model, its run, and which of its cells are drawn."""

    def __init__(self, model: PageModel, run: PageRun) -> None:
        self.model = model
        self.run = run
        self.cells = [i for i, item in enumerate(model.items) if isinstance(item, CellBlock)]
        self.drawn = 0

    def next_cell(self, source: str) -> int | None:
        """The index of the cell superfences draws now: cells are drawn in page order, the cells
        of a markdown-exec block's Markdown included."""
        for position in range(self.drawn, len(self.cells)):
            if self.model.items[self.cells[position]].source == source:
                self.drawn = position + 1
                return self.cells[position]
        return None
