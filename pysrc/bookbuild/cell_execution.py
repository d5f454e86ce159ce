"""Run a page's cells at build time, in order, in one namespace, like a notebook.

Each run captures what a reader would see: printed text (stdout and stderr, in order), the
displayed value, images (figures left open, values with `_repr_svg_`), and a traceback trimmed to
the cell's own code. The rules themselves live in `cell_runner`, which the browser runs too.
"""

from __future__ import annotations

import base64
import contextlib
import io
import os
from dataclasses import dataclass, field

from bookbuild.cell_runner import run_cell, svg_of, take_figures, trimmed_traceback

os.environ.setdefault("MPLBACKEND", "Agg")

# Above this an SVG figure is embedded as a PNG instead, to keep pages light (dense contour plots).
SVG_SIZE_LIMIT = 200_000
PNG_DPI = 150


@dataclass
class Image:
    mime: str
    data: bytes
    alt: str

    @property
    def data_uri(self) -> str:
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"


@dataclass
class CellResult:
    output: str = ""
    images: list[Image] = field(default_factory=list)
    error: str | None = None


class PageSession:
    """One page's interpreter state: the shared namespace and a cell counter."""

    def __init__(self) -> None:
        self.namespace: dict = {"__name__": "__main__"}
        self.cells_run = 0

    def run(self, source: str) -> CellResult:
        self.cells_run += 1
        filename = f"<cell {self.cells_run}>"
        result = CellResult()
        stream = io.StringIO()
        value = None
        with contextlib.redirect_stdout(stream), contextlib.redirect_stderr(stream):
            try:
                value = run_cell(source, filename, self.namespace)
            except BaseException as error:  # noqa: BLE001 - a cell may raise anything, even SystemExit
                result.error = trimmed_traceback(error, filename)
        result.output = stream.getvalue()
        svg = svg_of(value)
        if svg is not None:
            result.images.append(Image("image/svg+xml", svg.encode(), "Computational graph"))
        elif value is not None:
            result.output += repr(value) + "\n"
        result.images.extend(figures())
        return result


def figures() -> list[Image]:
    return [
        Image(mime, data, alt)
        for mime, data, alt in take_figures("svg", dpi=PNG_DPI, svg_size_limit=SVG_SIZE_LIMIT)
    ]
