"""The build's adapter around notebook_cell.run_cell: a page's cells, in order, in one namespace.

Printed text (stdout and stderr, in order) goes into a string buffer; figures become SVG (a PNG
when the SVG would be heavy), which prints sharply in the PDF. The browser's adapter is
notebook_cell.worker_session; the rules are notebook_cell's, so both show the same thing.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass, field

from notebook_cell import Image, ImageFormat, run_cell
from notebook_cell.page_defaults import use_book_matplotlib_backend

# Above SVG_SIZE_LIMIT bytes a figure is embedded as a PNG instead, to keep pages light.
IMAGES = ImageFormat(kind="svg", png_dpi=150, svg_size_limit=200_000)

use_book_matplotlib_backend()


@dataclass
class BuildCellResult:
    output: str = ""  # printed text, then the displayed value's repr
    images: list[Image] = field(default_factory=list)
    error: str | None = None


class PageSession:
    """One page's interpreter state: the shared namespace and a cell counter."""

    def __init__(self) -> None:
        self.namespace: dict = {"__name__": "__main__"}
        self.cells_run = 0

    def run(self, source: str) -> BuildCellResult:
        self.cells_run += 1
        return self.run_in(source, self.namespace)

    @property
    def filename(self) -> str:
        """The name tracebacks give the cell that ran last: "<cell 3>", as in the browser."""
        return f"<cell {self.cells_run}>"

    def run_in(self, source: str, namespace: dict) -> BuildCellResult:
        """Run `source` as the current cell, in `namespace` (a copy, for an exercise's tries)."""
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            result = run_cell(source, self.filename, namespace, IMAGES)
        output = printed.getvalue()
        if result.value is not None:
            output += result.value + "\n"
        return BuildCellResult(output, result.images, result.error)
