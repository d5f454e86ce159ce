"""notebook_cell: run one cell of the book like a notebook does, and collect what a reader sees.

    run_cell(source, filename, namespace, images=ImageFormat(...)) -> CellResult

A CellResult holds the displayed value (its repr), the images (figures shown with plt.show() or
left open, and values that draw themselves with `_repr_svg_`), and the error (a traceback trimmed
to the reader's code, with a hint where one helps). Printed text is not in it: it travels however
the caller routes sys.stdout, into a string at build time, as a stream to the page in the browser.

The build (bookbuild.markdown.build_session, CPython) and the browser worker (worker_session,
Pyodide)
are the two thin adapters around `run_cell`. Standard library only: numpy and matplotlib are used
only if a cell already imported them.

    execution.py          the cell's code, with the last-expression rule of notebooks
    tracebacks.py         tracebacks trimmed to the reader's code, and hints for common surprises
    shape_errors.py       numpy's shape and broadcasting errors in plain words, with the shapes
    figures.py            open matplotlib figures as image bytes, with alt text
    matplotlib_backend.py the backend that makes plt.show() show the open figures
    interpreter_guard.py  what a cell may break for the next one: streams, builtins, sys.path
    page_defaults.py      numpy's and matplotlib's settings put back when a page starts
    run.py                run_cell: the above, in order, into one CellResult
    checks.py             run_check: an exercise's check against the reader's namespace
    worker_session.py     the browser's adapter: one namespace per page, results as JSON
"""

from .checks import CheckResult, run_check
from .figures import ImageFormat
from .page_defaults import start_page
from .result import CellResult, Image
from .run import run_cell

__all__ = [
    "CellResult",
    "CheckResult",
    "Image",
    "ImageFormat",
    "run_cell",
    "run_check",
    "start_page",
]
