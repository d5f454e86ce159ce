"""The build's adapter around notebook_cell.run_cell: a page's cells, in order, in one namespace.

Printed text (stdout and stderr, in order) goes into a string buffer; figures become SVG (a PNG
when the SVG would be heavy), which prints sharply in the PDF. The browser's adapter is
notebook_cell.worker_session; the rules are notebook_cell's, so both show the same thing.
"""

from __future__ import annotations

import contextlib
import io
import sys
from dataclasses import dataclass, field

from bookbuild.markdown.cell_time_limit import CellTimeout, time_limit
from notebook_cell import Image, ImageFormat, run_cell, start_page
from notebook_cell.page_defaults import use_book_matplotlib_backend

# Above SVG_SIZE_LIMIT bytes a figure is embedded as a PNG instead, to keep pages light.
IMAGES = ImageFormat(kind="svg", png_dpi=150, svg_size_limit=200_000)

use_book_matplotlib_backend()


@dataclass
class BuildCellResult:
    output: str = ""  # printed text, then the displayed value's repr
    images: list[Image] = field(default_factory=list)
    error: str | None = None
    timed_out: bool = False


# The book's own packages that cells and exercise checks import.
BOOK_PACKAGES = {"backprop", "exercise_checks"}


def forget_backprop() -> None:
    """The next `import backprop` (or exercise_checks) reads pysrc/ again.

    Done when a page that runs Python starts (bookbuild.markdown.page_run), never in the middle of
    one: `make serve` then picks up edits to pysrc/backprop without a restart, and no page depends
    on what another page did to the module; but the objects of one page all come from one import.
    """
    for name in [name for name in sys.modules if name.partition(".")[0] in BOOK_PACKAGES]:
        del sys.modules[name]


def cell_filename(number: int) -> str:
    """The name tracebacks give the page's cell number `number`: "<cell 3>", as in the browser."""
    return f"<cell {number}>"


class PageSession:
    """One interpreter state for a page's cells: a fresh namespace, with numpy's and
    matplotlib's settings put back (no page's cells depend on what another page did)."""

    def __init__(self) -> None:
        self.namespace: dict = {"__name__": "__main__"}
        start_page()

    def run(self, source: str, number: int, timeout: float | None = None) -> BuildCellResult:
        """Run the page's cell number `number` in this namespace."""
        return run_in(source, self.namespace, number, timeout)


def run_in(source: str, namespace: dict, number: int, timeout: float | None) -> BuildCellResult:
    """Run `source` as the page's cell number `number`, in `namespace`; past `timeout` seconds
    it is stopped (`timed_out`)."""
    printed = io.StringIO()
    result = None
    try:
        with (
            time_limit(timeout) as limit,
            contextlib.redirect_stdout(printed),
            contextlib.redirect_stderr(printed),
        ):
            result = run_cell(source, cell_filename(number), namespace, IMAGES)
    except CellTimeout:  # it fired just as the cell ended
        return BuildCellResult(printed.getvalue(), timed_out=True)
    if limit.fired or result is None:
        return BuildCellResult(printed.getvalue(), timed_out=True)
    output = printed.getvalue()
    if result.value is not None:
        output += result.value + "\n"
    return BuildCellResult(output, result.images, result.error)
