"""Notebook semantics for one cell, shared by the build (CPython) and the browser (Pyodide).

The build imports this module; the browser worker loads the same file into Pyodide, so a cell
behaves the same in both places. Standard library only (matplotlib is imported only if a cell
already did).

- `run_cell` executes the cell; if its last statement is an expression, that value is shown,
  unless the line ends with `;` (as in IPython) or the value is a matplotlib artist.
- `trimmed_traceback` keeps only the frames from the reader's own cell onwards.
- `take_figures` returns every open matplotlib figure as image bytes and closes them.
- `start_page` puts numpy's printing and matplotlib's settings back to their defaults, so one
  page's cells cannot change how another page prints.
"""

from __future__ import annotations

import ast
import io
import linecache
import sys
import traceback


def run_cell(source: str, filename: str, namespace: dict):
    """Execute `source` in `namespace`; return the value to display, or None."""
    # Tracebacks can then quote the reader's own lines.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    tree = ast.parse(source, filename)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, filename, "exec"), namespace)
    if last is None:
        return None
    value = eval(compile(ast.Expression(last.value), filename, "eval"), namespace)
    if ends_with_semicolon(source, last) or type(value).__module__.startswith("matplotlib"):
        return None
    return value


def ends_with_semicolon(source: str, last: ast.Expr) -> bool:
    line = source.splitlines()[last.end_lineno - 1]
    return line[last.end_col_offset :].lstrip().startswith(";")


def trimmed_traceback(error: BaseException, filename: str) -> str:
    """The traceback from the first frame of the reader's cell onwards.

    Frames outside the cell show the module path relative to `sys.path` (`backprop/layers.py`)
    and no source line: the browser's wheel is compiled, so it has none, and a traceback should
    read the same at build time and in the browser.
    """
    frames = traceback.extract_tb(error.__traceback__)
    first = next((i for i, frame in enumerate(frames) if frame.filename == filename), len(frames))
    shown = traceback.StackSummary.from_list(
        [
            frame
            if frame.filename == filename
            else (relative_module_path(frame.filename), frame.lineno, frame.name, "")
            for frame in frames[first:]
        ]
    )
    lines = ["Traceback (most recent call last):\n"]
    lines += shown.format()
    lines += traceback.format_exception_only(type(error), error)
    return "".join(lines)


def relative_module_path(path: str) -> str:
    roots = sorted((entry for entry in sys.path if entry and path.startswith(entry)), key=len)
    return path[len(roots[-1]) :].lstrip("/") if roots else path


def svg_of(value) -> str | None:
    """The SVG a value offers through `_repr_svg_` (e.g. backprop.draw), if any."""
    method = getattr(value, "_repr_svg_", None)
    return method() if callable(method) else None


def take_figures(image_format="png", dpi=100, svg_size_limit=None) -> list[tuple[str, bytes, str]]:
    """Every open matplotlib figure as (mime type, bytes, alt text), in order; then close them.

    With `image_format="svg"`, a figure whose SVG exceeds `svg_size_limit` bytes (a dense contour
    plot, say) comes as a PNG instead, to keep pages light.
    """
    if "matplotlib.pyplot" not in sys.modules:
        return []
    plt = sys.modules["matplotlib.pyplot"]
    plt.rcParams["svg.hashsalt"] = "backprop-book"  # stable ids, so rebuilds give the same bytes
    images = []
    for number in plt.get_fignums():
        figure = plt.figure(number)
        data = save_figure(figure, image_format, dpi)
        mime = "image/svg+xml" if image_format == "svg" else "image/png"
        if svg_size_limit is not None and mime == "image/svg+xml" and len(data) > svg_size_limit:
            data, mime = save_figure(figure, "png", dpi), "image/png"
        images.append((mime, data, figure_description(figure)))
    plt.close("all")
    return images


def save_figure(figure, image_format: str, dpi: int) -> bytes:
    buffer = io.BytesIO()
    metadata = {"Date": None} if image_format == "svg" else {}
    figure.savefig(buffer, format=image_format, dpi=dpi, bbox_inches="tight", metadata=metadata)
    return buffer.getvalue()


def figure_description(figure) -> str:
    """Alt text from the figure's titles, so a screen reader says what the plot shows."""
    titles = [axes.get_title() for axes in figure.axes if axes.get_title()]
    if figure._suptitle is not None and figure._suptitle.get_text():
        titles.insert(0, figure._suptitle.get_text())
    return "Figure: " + "; ".join(titles) if titles else "Figure"


NUMPY_PRINT_DEFAULTS: dict = {}


def start_page() -> None:
    """Reset what cells commonly change globally: numpy print options and matplotlib state."""
    import numpy

    NUMPY_PRINT_DEFAULTS.setdefault("options", numpy.get_printoptions())  # before any cell ran
    numpy.set_printoptions(**NUMPY_PRINT_DEFAULTS["options"])
    if "matplotlib.pyplot" in sys.modules:
        plt = sys.modules["matplotlib.pyplot"]
        plt.close("all")
        plt.rcdefaults()
