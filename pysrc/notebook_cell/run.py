"""run_cell: one cell, run with notebook rules, collected into one CellResult.

The images come in the order a notebook shows them: figures shown with plt.show() while the cell
ran, then the value's own picture (a last expression like `draw(L)`), then the figures the cell
left open.
"""

from __future__ import annotations

import sys

from . import figures
from .execution import NOTHING, execute
from .figures import FigureCollector, ImageFormat, self_drawn_image, take_open_figures
from .interpreter_guard import guarded_interpreter
from .result import CellResult
from .tracebacks import hint_for, trimmed_traceback


def run_cell(
    source: str,
    filename: str,
    namespace: dict,
    images: ImageFormat = ImageFormat(),  # noqa: B008 - frozen, so sharing the default is safe
    available_packages: tuple[str, ...] = (),
) -> CellResult:
    """Run `source` (shown in tracebacks as `filename`) in `namespace`; return what it showed.

    available_packages: the packages a cell may import here; a ModuleNotFoundError for any other
    gets a line saying what this Python has.
    """
    result = CellResult()
    collector = FigureCollector(images)
    figures.current.append(collector)
    try:
        with guarded_interpreter():
            try:
                value = execute(source, filename, namespace)
                if value is not NOTHING:
                    show_value(value, collector, result)
            except KeyboardInterrupt:
                result.error = "KeyboardInterrupt: the cell was stopped."
                result.interrupted = True
            except BaseException as error:  # noqa: BLE001 - show whatever the reader's code raised
                result.error = trimmed_traceback(error, filename) + hint_for(
                    error, available_packages
                )
            try:
                collector.images += take_open_figures(images)
            except Exception as error:  # noqa: BLE001 - a figure the cell made cannot be drawn
                result.error = (result.error or "") + figure_error(error, filename)
                close_figures()  # or the next cell would try to draw it again, and be blamed
    finally:
        figures.current.remove(collector)
    result.images = collector.images
    return result


def figure_error(error: Exception, filename: str) -> str:
    """A figure left open could not be drawn (a typo in a title's math, say): an ordinary error
    of the cell, with what matplotlib said."""
    return (
        f"{trimmed_traceback(error, filename)}"
        "A figure this cell made could not be drawn (the error above comes from matplotlib "
        "drawing it: look at its titles, labels and settings).\n"
    )


def close_figures() -> None:
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


def show_value(value, collector: FigureCollector, result: CellResult) -> None:
    """A value that draws itself becomes a picture; any other value is shown by its repr."""
    picture = self_drawn_image(value)
    if picture is not None:
        collector.images.append(picture)
    else:
        result.value = repr(value)
