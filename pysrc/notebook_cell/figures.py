"""Matplotlib figures as image bytes with alt text, in the order a reader showed them.

A figure is shown when the cell calls plt.show() (see matplotlib_backend) or when the cell ends
with it still open; either way it is then closed, so the next cell starts with none. Values that
draw themselves (`_repr_svg_`, like backprop.draw) become an SVG image whose alt text is the
SVG's own <title>.

Figures are drawn for the column they are shown in (`Column`): a figure much wider than the
column is drawn narrower, and text that would show smaller than the column's smallest size is
made larger, so that no label, tick or legend is shrunk past reading. The build also draws a
variant for a phone's column (`ImageFormat.phone_variant`), with side-by-side panels stacked,
which the page offers to narrow screens (bookbuild/markdown/cell_html.py). Backgrounds are
transparent: the page's colour shows through, and the dark scheme inverts the ink
(styles/figures.css). Each image records the size of its smallest text and its own width, in
points, so that a test can tell how large its text shows at any width (`figure_metadata`).
"""

from __future__ import annotations

import base64
import html
import io
import math
import re
import struct
import sys
import warnings
import zlib
from dataclasses import dataclass

from .result import Image

SVG_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
POINTS_PER_INCH = 72
PX_PER_POINT = 4 / 3  # CSS: 96 px per inch
# matplotlib's mathtext draws sub- and superscripts at 0.7 of the text's size.
SCRIPT_SHRINK = 0.7
MATH_SCRIPT = re.compile(r"\$[^$]*[_^][^$]*\$")
# What an image records about itself: an attribute of the SVG's root, a text chunk of a PNG.
SMALLEST_TEXT = "data-smallest-text-pt"
WIDTH = "data-width-pt"
PHONE_LAYOUT = "data-drawn-for-phone"
PHONE_VARIANT = "data-phone-variant"  # a drawing's own layout for phones, base64, in the build


@dataclass(frozen=True)
class Column:
    """A column figures are drawn for: its width and the smallest text it may show, in CSS px.

    oversize: how much wider than the column a figure may be drawn (it is then shown shrunk by
    that much); a little room keeps a phone's figure from being cramped.
    """

    width_px: float
    smallest_text_px: float
    oversize: float = 1.0


# The book's column (Material's layout, measured in Chromium): 656 px for a cell's output on a
# desktop (the narrowest, at 960 px and 1,280 px wide windows); on a 360 px wide phone, 326 px,
# where figures take the whole width of their cell (styles/figures.css).
DESKTOP = Column(width_px=656, smallest_text_px=11)
PHONE = Column(width_px=326, smallest_text_px=9, oversize=1.15)
# A column narrower than any desktop page's is a phone's.
DESKTOP_SMALLEST_COLUMN = 540
# Below this width a page shows the phone variants (the desktop column of a 600 px window is
# 540 px, where a figure drawn for DESKTOP still shows 9 px text).
PHONE_MEDIA = "(max-width: 37.49em)"
# Side-by-side panels of one row are stacked for a phone, up to this many.
MOST_STACKED_PANELS = 4


@dataclass(frozen=True)
class ImageFormat:
    """How figures become bytes: "svg" (the build: sharp in print) or "png" (the browser).

    An SVG larger than `svg_size_limit` bytes (a dense contour plot) is saved as a PNG instead.
    column: draw each figure for this column (None: as the cell drew it).
    phone_variant: after each figure whose text would show too small on a phone, add a variant
    drawn for PHONE (marked PHONE_LAYOUT), which the page shows on narrow screens.
    """

    kind: str = "png"
    png_dpi: int = 100
    svg_size_limit: int | None = None
    column: Column | None = None
    phone_variant: bool = False


class FigureCollector:
    """The images of the cell that is running; plt.show() adds to it through `show_open`."""

    def __init__(self, image_format: ImageFormat) -> None:
        self.image_format = image_format
        self.images: list[Image] = []

    def show_open(self) -> None:
        self.images += take_open_figures(self.image_format)


current: list[FigureCollector] = []  # the running cell's collector, if any


def take_open_figures(image_format: ImageFormat) -> list[Image]:
    """Every open figure as images (a phone variant after its figure), in order; then close them."""
    if "matplotlib.pyplot" not in sys.modules:
        return []
    plt = sys.modules["matplotlib.pyplot"]
    plt.rcParams["svg.hashsalt"] = "backprop-book"  # stable ids, so rebuilds give the same bytes
    images = []
    for number in plt.get_fignums():
        images += figure_images(plt.figure(number), image_format)
    plt.close("all")
    return images


def figure_images(figure, image_format: ImageFormat) -> list[Image]:
    """The figure drawn for the format's column, then, if asked and needed, for a phone's."""
    image = figure_image(figure, image_format)
    if not image_format.phone_variant:
        return [image]
    marks = figure_metadata(image)
    width_px = float(marks[WIDTH]) * PX_PER_POINT
    shown_px = float(marks[SMALLEST_TEXT]) * PX_PER_POINT * min(1.0, PHONE.width_px / width_px)
    if shown_px >= PHONE.smallest_text_px:
        return [image]
    stack_panels(figure)
    # The same drawing, as heavy: a figure saved as a PNG is not tried as an SVG again.
    kind = "png" if image.mime == "image/png" else image_format.kind
    phone = ImageFormat(kind, image_format.png_dpi, image_format.svg_size_limit, column=PHONE)
    return [image, figure_image(figure, phone, marks={PHONE_LAYOUT: "1"})]


def figure_image(figure, image_format: ImageFormat, marks: dict | None = None) -> Image:
    if image_format.column is not None:
        draw_for(figure, image_format.column)
    alt = figure_description(figure)
    marks = {**(marks or {}), SMALLEST_TEXT: f"{smallest_text_pt(figure):.2f}"}
    if image_format.kind == "svg":
        data = save_figure(figure, "svg", image_format.png_dpi, marks)
        limit = image_format.svg_size_limit
        if limit is None or len(data) <= limit:
            return Image("image/svg+xml", data, alt)
    return Image("image/png", save_figure(figure, "png", image_format.png_dpi, marks), alt)


def save_figure(figure, kind: str, dpi: int, marks: dict | None = None) -> bytes:
    """The figure's bytes, on a transparent background, with `marks` recorded in them, and
    its width (WIDTH, in points) read from what was saved."""
    marks = {name: str(value) for name, value in (marks or {}).items()}
    data = figure_bytes(figure, kind, dpi, marks)
    if kind == "png":
        pixels = struct.unpack(">I", data[16:20])[0]
        return with_png_text(data, WIDTH, f"{pixels * POINTS_PER_INCH / dpi:.1f}")
    marks[WIDTH] = f"{figure_width_from(data):.1f}"
    attributes = "".join(f' {name}="{html.escape(value)}"' for name, value in marks.items())
    return re.sub(rb"<svg\b", b"<svg" + attributes.encode(), data, count=1)


def with_png_text(data: bytes, key: str, value: str) -> bytes:
    """The PNG with one more text chunk, before its end."""
    body = b"tEXt" + key.encode("latin-1") + b"\0" + value.encode("latin-1")
    chunk = struct.pack(">I", len(body) - 4) + body + struct.pack(">I", zlib.crc32(body))
    end = data.rindex(b"IEND") - 4
    return data[:end] + chunk + data[end:]


def figure_bytes(figure, kind: str, dpi: int, metadata: dict) -> bytes:
    buffer = io.BytesIO()
    metadata = {"Date": None} if kind == "svg" else metadata
    figure.savefig(
        buffer, format=kind, dpi=dpi, bbox_inches="tight", metadata=metadata, transparent=True
    )
    return buffer.getvalue()


def figure_width_from(svg: bytes) -> float:
    """The width of matplotlib's SVG, in points (it writes width="460.8pt")."""
    found = re.search(rb'<svg\b[^>]*?\swidth="([\d.]+)pt"', svg[:2000])
    return float(found.group(1)) if found else 0.0


# ---- Drawing a figure for a column ----


def text_artists(figure) -> list:
    """The figure's visible, non-empty texts: titles, labels, tick labels, legends, notes."""
    from matplotlib.text import Text

    return [
        text
        for text in figure.findobj(Text)
        if text.get_visible() and text.get_text().strip() and text.get_alpha() != 0
    ]


def shown_size(text) -> float:
    """A text's smallest glyphs, in points: its sub- and superscripts if it has any."""
    size = text.get_fontsize()
    return size * SCRIPT_SHRINK if MATH_SCRIPT.search(text.get_text()) else size


def smallest_text_pt(figure) -> float:
    sizes = [shown_size(text) for text in text_artists(figure)]
    return min(sizes, default=0.0)


def drawn_width_pt(figure) -> float:
    """The saved image's width (bbox_inches="tight": the drawing, not the figure's frame)."""
    import matplotlib

    pad = matplotlib.rcParams["savefig.pad_inches"]
    pad = 0.1 if pad == "layout" else float(pad)
    return (figure.get_tightbbox(figure.canvas.get_renderer()).width + 2 * pad) * POINTS_PER_INCH


def draw_for(figure, column: Column) -> None:
    """Draw the figure for `column`: no wider than the column allows, and its small text made
    larger until it shows at least `column.smallest_text_px` there.

    Each measure draws the whole figure, so there are few. Parts of a fixed size (a legend
    outside the axes, the labels) do not shrink with the figure, and larger text widens it:
    each is measured again once."""
    widest_pt = column.width_px * column.oversize / PX_PER_POINT
    width_pt = drawn_width_pt(figure)
    for _ in range(2):
        if width_pt <= widest_pt * 1.02:
            break
        old_width = figure.get_figwidth()
        new_width = max(0.4 * old_width, old_width - (width_pt - widest_pt) / POINTS_PER_INCH)
        # Narrower, and a little lower (its panels would be squashed at the same ratio).
        ratio = new_width / old_width
        figure.set_size_inches(new_width, figure.get_figheight() * math.sqrt(ratio))
        relayout(figure)
        width_pt = drawn_width_pt(figure)
    for _ in range(2):
        scale = min(1.0, column.width_px / (width_pt * PX_PER_POINT))
        floor_pt = 1.03 * column.smallest_text_px / (PX_PER_POINT * scale)
        small = [text for text in text_artists(figure) if shown_size(text) < floor_pt]
        if not small:
            return
        for text in small:
            text.set_fontsize(text.get_fontsize() * floor_pt / shown_size(text))
        relayout(figure)  # larger labels need their room (a title under a panel's axis label)
        width_pt = drawn_width_pt(figure)


def relayout(figure) -> None:
    """Lay the figure out again for its new size (tight layout, unless it has its own)."""
    if figure.get_layout_engine() is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "not compatible with tight_layout": left as it is
            figure.tight_layout()


def stack_panels(figure) -> None:
    """Panels side by side in one row (plt.subplots(1, n)) are stacked in one column, each
    panel keeping its size; any other arrangement is left as it is."""
    from matplotlib.gridspec import GridSpec

    panels = [axes for axes in figure.axes if axes.get_subplotspec() is not None]
    grids = {id(axes.get_subplotspec().get_gridspec()) for axes in panels}
    if len(grids) != 1 or len(panels) != len(figure.axes):
        return  # colorbars, insets or nested grids: not ours to move
    grid = panels[0].get_subplotspec().get_gridspec()
    columns = grid.ncols
    if grid.nrows != 1 or not 2 <= columns <= MOST_STACKED_PANELS:
        return
    order = sorted(panels, key=lambda axes: axes.get_subplotspec().colspan.start)
    stacked = GridSpec(columns, 1, figure=figure)
    for row, axes in enumerate(order):
        axes.set_subplotspec(stacked[row])
        axes.tick_params(labelleft=True, labelbottom=True)  # shared axes hid the inner ones
    width, height = figure.get_size_inches()
    figure.set_size_inches(width / columns, height * columns)
    relayout(figure)


def figure_metadata(image: Image) -> dict[str, str]:
    """The marks an image of this module records (SVG root attributes, PNG text chunks)."""
    if image.mime == "image/svg+xml":
        root = re.search(rb"<svg\b[^>]*>", image.data)
        pairs = re.findall(rb'\s(data-[\w-]+)="([^"]*)"', root.group(0) if root else b"")
        return {name.decode(): html.unescape(value.decode()) for name, value in pairs}
    return png_text_chunks(image.data)


def png_text_chunks(data: bytes) -> dict[str, str]:
    chunks, position = {}, 8
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        if kind == b"tEXt":
            key, _, value = data[position + 8 : position + 8 + length].partition(b"\0")
            chunks[key.decode("latin-1")] = value.decode("latin-1")
        if kind == b"IEND":
            break
        position += 12 + length
    return chunks


def is_phone_variant(image: Image) -> bool:
    return PHONE_LAYOUT in figure_metadata(image)


def figure_description(figure) -> str:
    """Alt text from the figure's titles, so a screen reader says what the plot shows."""
    titles = [axes.get_title() for axes in figure.axes if axes.get_title()]
    if figure._suptitle is not None and figure._suptitle.get_text():
        titles.insert(0, figure._suptitle.get_text())
    return "Figure: " + "; ".join(titles) if titles else "Figure"


def self_drawn_image(value) -> Image | None:
    """The SVG a value offers through `_repr_svg_`, with its <title> as alt text; else None.

    A drawing may carry a layout for a narrow column (`.narrow`, as backprop's drawings do):
    a phone's column (the running cell's format) gets it instead, and the build keeps it in
    the image (PHONE_VARIANT, see `split_phone_variant`) for the page to offer to phones.
    """
    method = getattr(value, "_repr_svg_", None)
    if not callable(method):
        return None
    svg = method()
    if svg is None:
        return None
    image_format = current[-1].image_format if current else ImageFormat()
    narrow = getattr(svg, "narrow", None)
    column = image_format.column
    if narrow is not None and column is not None and column.width_px < DESKTOP_SMALLEST_COLUMN:
        svg, narrow = narrow, None
    title = SVG_TITLE.search(svg)
    alt = html.unescape(title.group(1)).strip() if title else "Figure"
    data = svg.encode()
    if narrow is not None and image_format.phone_variant:
        variant = base64.b64encode(str(narrow).encode()).decode("ascii")
        data = re.sub(rb"<svg\b", f'<svg {PHONE_VARIANT}="{variant}"'.encode(), data, count=1)
    return Image("image/svg+xml", data, alt or "Figure")


def split_phone_variant(image: Image) -> tuple[Image, Image | None]:
    """A drawing's image without the phone layout it carries, and that layout (or None)."""
    if image.mime != "image/svg+xml":
        return image, None
    found = re.search(rb"\s" + PHONE_VARIANT.encode() + rb'="([^"]*)"', image.data[:200_000])
    if not found:
        return image, None
    phone = Image(image.mime, base64.b64decode(found.group(1)), image.alt)
    rest = image.data[: found.start()] + image.data[found.end() :]
    return Image(image.mime, rest, image.alt), phone
