"""A cell's static HTML: the highlighted code, the original source and the build-time output.

It reads well without JavaScript and in print; the browser runtime (runtime/page/) takes the
element over by its hooks: `data-cell` (the id), `data-source`, `data-source-hash`,
`data-static-output`, `data-expects-error`, `data-exercise-cell`, `data-needs` (the ids of the
cells it needs on a fresh page, as the build proved), `data-declared-needs` (what its author
declared), and the classes `bp-cell` and `bp-cell__code`. Each cell is an anchor (`id`
"cell-ID"), which a message about a cell links to. A hidden cell (`hide`) has its code inside a
closed <details>; the runtime opens the editor there.
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
import struct

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

from bookbuild.markdown.build_session import BuildCellResult
from notebook_cell import Image
from notebook_cell.figures import (
    PHONE_LAYOUT,
    PHONE_MEDIA,
    PX_PER_POINT,
    WIDTH,
    figure_metadata,
    split_phone_variant,
)

# The same markup as Material's own code blocks, so cells look like the rest of the book.
CODE_FORMATTER = HtmlFormatter(cssclass="language-python highlight", wrapcode=True)
HIDDEN_CODE_SUMMARY = "Show the code"
# The toolbar's place, kept as tall as the runtime's toolbar (styles/cells.css), so that nothing
# below it moves when the runtime fills it with Run, Stop and Reset.
TOOLBAR_PLACE = '<div class="bp-cell__toolbar" data-cell-toolbar></div>'


def render_cell(
    cell_id: str,
    source: str,
    result: BuildCellResult,
    expects_error: bool,
    hide_code: bool,
    *,
    exercise: bool = False,
    needs: tuple[str, ...] = (),
    declared_needs: tuple[str, ...] = (),
) -> str:
    """`exercise`: the cell of an exercise (bookbuild.markdown.exercise_block),
    `data-exercise-cell`."""
    source_hash = hashlib.sha256(source.encode()).hexdigest()[:16]
    attributes = f'id="{anchor(cell_id)}" data-cell="{html.escape(cell_id)}"'
    attributes += f' data-source-hash="{source_hash}" data-needs="{html.escape(" ".join(needs))}"'
    if declared_needs:
        attributes += f' data-declared-needs="{html.escape(" ".join(declared_needs))}"'
    attributes += f' data-source="{html.escape(source)}"'
    if expects_error:
        attributes += " data-expects-error"
    if exercise:
        attributes += " data-exercise-cell"
    # Its number of lines: styles/rendering.css keeps the place of code out of view at its exact
    # height (content-visibility), so that a page does not lay out every cell while it loads.
    lines = f'style="--bp-lines: {line_count(source)}"'
    code = f'<div class="bp-cell__code" {lines}>{highlighted(source)}</div>'
    if hide_code:
        code = (
            '<details class="bp-cell__hidden-code">'
            f"<summary>{HIDDEN_CODE_SUMMARY}</summary>{code}</details>"
        )
    static_output = render_static_output(result)
    return f'<div class="bp-cell" {attributes}>{code}{TOOLBAR_PLACE}{static_output}</div>'


def anchor(cell_id: str) -> str:
    """The cell's anchor in the page: "cell-3" stays "cell-3"; "tangent" becomes "cell-tangent"
    (and an exercise's cell "cell-exercise-ID": its section is "exercise-ID")."""
    return html.escape(cell_id if cell_id.startswith("cell-") else f"cell-{cell_id}")


def line_count(source: str) -> int:
    """The lines Pygments shows: it drops blank lines at the start and the end (stripnl)."""
    return len(source.strip("\n").splitlines()) or 1


@functools.lru_cache(maxsize=4096)
def highlighted(source: str) -> str:
    """Pygments' HTML for a cell's code; remembered, as `make serve` rebuilds the same cells."""
    return highlight(source, PythonLexer(), CODE_FORMATTER)


def render_static_output(result: BuildCellResult) -> str:
    parts = []
    if result.output:
        parts.append(f"<pre{output_attributes(result.output)}>{html.escape(result.output)}</pre>")
    if result.error:
        error = html.escape(result.error)
        parts.append(f'<pre class="bp-output__text bp-output__error">{error}</pre>')
    parts += figures_markup(result.images)
    if not parts:
        return '<div class="bp-cell__static" data-static-output hidden></div>'
    label = '<p class="bp-cell__label">Output computed when the book was built</p>'
    return f'<div class="bp-cell__static" data-static-output>{label}{"".join(parts)}</div>'


# A line longer than this may not fit a phone's column (300 px of 15 px monospace): its output
# then scrolls sideways, so it can take focus from the start, before any script has measured
# it (runtime/page/page-accessibility.js names it, or lets it go where it fits).
LONGEST_LINE_ON_A_PHONE = 32


def output_attributes(output: str) -> str:
    attributes = ' class="bp-output__text"'
    if max(map(len, output.splitlines()), default=0) > LONGEST_LINE_ON_A_PHONE:
        attributes += ' tabindex="0" data-scrolls-sideways'
    return attributes


def figures_markup(images: list[Image]) -> list[str]:
    """Each image as an <img> with its size in CSS px (so the page keeps its place while it
    loads). An image drawn for a phone (notebook_cell.figures) joins the figure before it in a
    <picture>, whose narrow screens show it instead; print and wide screens show the <img>."""
    parts: list[str] = []
    for given in images:
        image, phone = split_phone_variant(given)
        if PHONE_LAYOUT in figure_metadata(image) and parts and parts[-1].startswith("<img"):
            source = f'<source media="{PHONE_MEDIA}" srcset="{image.data_uri}"{size(image)}>'
            parts[-1] = f'<picture class="bp-output__picture">{source}{parts[-1]}</picture>'
            continue
        alt = html.escape(image.alt)
        img = f'<img class="bp-output__image" src="{image.data_uri}"{size(image)} alt="{alt}">'
        if phone is not None:
            source = f'<source media="{PHONE_MEDIA}" srcset="{phone.data_uri}"{size(phone)}>'
            img = f'<picture class="bp-output__picture">{source}{img}</picture>'
        parts.append(img)
    return parts


SVG_SIZE = re.compile(rb'<svg\b[^>]*?\swidth="([\d.]+)(pt|px)?"[^>]*?\sheight="([\d.]+)(pt|px)?"')


def size(image: Image) -> str:
    """` width="W" height="H"`: the image's size in CSS px, or nothing if it cannot be read.

    A matplotlib figure records its width in points (a PNG's pixels depend on its dpi); an SVG
    states its size; a PNG without a record is taken at one pixel per CSS px.
    """
    if image.mime == "image/png" and image.data[:8] == b"\x89PNG\r\n\x1a\n":
        pixels = struct.unpack(">II", image.data[16:24])
    else:
        found = SVG_SIZE.search(image.data[:3000])
        if not found:
            return ""
        unit = PX_PER_POINT if found.group(2) == b"pt" else 1.0
        pixels = float(found.group(1)) * unit, float(found.group(3)) * unit
    recorded = figure_metadata(image).get(WIDTH) if image.mime == "image/png" else None
    width = float(recorded) * PX_PER_POINT if recorded else pixels[0]
    height = width * pixels[1] / pixels[0]
    return f' width="{width:.0f}" height="{height:.0f}"'
