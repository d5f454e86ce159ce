"""Matplotlib figures as image bytes with alt text, in the order a reader showed them.

A figure is shown when the cell calls plt.show() (see matplotlib_backend) or when the cell ends
with it still open; either way it is then closed, so the next cell starts with none. Values that
draw themselves (`_repr_svg_`, like backprop.draw) become an SVG image whose alt text is the
SVG's own <title>.
"""

from __future__ import annotations

import html
import io
import re
import sys
from dataclasses import dataclass

from .result import Image

SVG_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


@dataclass(frozen=True)
class ImageFormat:
    """How figures become bytes: "svg" (the build: sharp in print) or "png" (the browser).

    An SVG larger than `svg_size_limit` bytes (a dense contour plot) is saved as a PNG instead.
    """

    kind: str = "png"
    png_dpi: int = 100
    svg_size_limit: int | None = None


class FigureCollector:
    """The images of the cell that is running; plt.show() adds to it through `show_open`."""

    def __init__(self, image_format: ImageFormat) -> None:
        self.image_format = image_format
        self.images: list[Image] = []

    def show_open(self) -> None:
        self.images += take_open_figures(self.image_format)


current: list[FigureCollector] = []  # the running cell's collector, if any


def take_open_figures(image_format: ImageFormat) -> list[Image]:
    """Every open figure as an Image, in order; then close them all."""
    if "matplotlib.pyplot" not in sys.modules:
        return []
    plt = sys.modules["matplotlib.pyplot"]
    plt.rcParams["svg.hashsalt"] = "backprop-book"  # stable ids, so rebuilds give the same bytes
    images = [figure_image(plt.figure(number), image_format) for number in plt.get_fignums()]
    plt.close("all")
    return images


def figure_image(figure, image_format: ImageFormat) -> Image:
    alt = figure_description(figure)
    if image_format.kind == "svg":
        data = save_figure(figure, "svg", image_format.png_dpi)
        limit = image_format.svg_size_limit
        if limit is None or len(data) <= limit:
            return Image("image/svg+xml", data, alt)
    return Image("image/png", save_figure(figure, "png", image_format.png_dpi), alt)


def save_figure(figure, kind: str, dpi: int) -> bytes:
    buffer = io.BytesIO()
    metadata = {"Date": None} if kind == "svg" else {}
    figure.savefig(buffer, format=kind, dpi=dpi, bbox_inches="tight", metadata=metadata)
    return buffer.getvalue()


def figure_description(figure) -> str:
    """Alt text from the figure's titles, so a screen reader says what the plot shows."""
    titles = [axes.get_title() for axes in figure.axes if axes.get_title()]
    if figure._suptitle is not None and figure._suptitle.get_text():
        titles.insert(0, figure._suptitle.get_text())
    return "Figure: " + "; ".join(titles) if titles else "Figure"


def self_drawn_image(value) -> Image | None:
    """The SVG a value offers through `_repr_svg_`, with its <title> as alt text; else None."""
    method = getattr(value, "_repr_svg_", None)
    if not callable(method):
        return None
    svg = method()
    if svg is None:
        return None
    title = SVG_TITLE.search(svg)
    alt = html.unescape(title.group(1)).strip() if title else "Figure"
    return Image("image/svg+xml", svg.encode(), alt or "Figure")
