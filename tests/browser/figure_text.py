"""How large a figure's smallest text shows on screen, from the image the page chose.

A figure is the image the browser picked (a <picture>'s source for the window, or the <img>),
fetched from the site. Its text sizes come from the image itself:
- a matplotlib figure (its text drawn as outlines) records its smallest text and its width in
  points (notebook_cell.figures, an attribute of the SVG's root or a PNG text chunk);
- a drawing with real <text> (backprop's draw and draw_network) states its font sizes, which
  are resolved here as a browser would (an `em` is its parent's size).
Its size on screen is that, times the width it is shown at over the width it was drawn at.
"""

from __future__ import annotations

import re
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from notebook_cell.figures import png_text_chunks

SVG = "{http://www.w3.org/2000/svg}"
PX_PER_POINT = 4 / 3

# Each figure of the page: the address of the image shown (a <picture> picks a source by its
# media query), its width on screen, and its alt text.
SHOWN_FIGURES = """(selector) => [...document.querySelectorAll(selector)].map(img => {
  const picture = img.parentElement.matches('picture') ? img.parentElement : null;
  const sources = picture ? [...picture.querySelectorAll('source')] : [];
  const chosen = sources.find(source => matchMedia(source.media).matches);
  const src = chosen ? chosen.getAttribute('srcset') : img.getAttribute('src');
  const shown = img.getBoundingClientRect().width;
  return {url: new URL(src, location.href).href, shown, alt: img.alt};
})"""


@dataclass
class FigureText:
    alt: str
    url: str
    smallest_px: float  # on screen

    def __str__(self) -> str:
        name = self.url.rsplit("/", 1)[-1][:40]
        return f"{self.alt[:60]!r} ({name}): {self.smallest_px:.1f} px"


def shown_figure_text(page, selector: str) -> list[FigureText]:
    found = []
    for figure in page.evaluate(SHOWN_FIGURES, selector):
        data = read(figure["url"])
        smallest, width = smallest_text_and_width(data)
        if smallest is None:
            continue  # a figure without text
        found.append(FigureText(figure["alt"], figure["url"], smallest * figure["shown"] / width))
    return found


def read(url: str) -> bytes:
    if url.startswith("data:"):
        import base64

        return base64.b64decode(url.split(",", 1)[1])
    with urllib.request.urlopen(url) as response:  # the test's own server
        return response.read()


def smallest_text_and_width(data: bytes) -> tuple[float | None, float]:
    """(smallest text, width) in one unit, the image's own (points or px)."""
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        chunks = png_text_chunks(data)
        return float(chunks["data-smallest-text-pt"]), float(chunks["data-width-pt"])
    root = ET.fromstring(data)
    if root.get("data-smallest-text-pt"):
        return float(root.get("data-smallest-text-pt")), float(root.get("data-width-pt"))
    width = float(re.match(r"[\d.]+", root.get("width")).group())
    sizes = list(text_sizes(root, size_of(root.get("font-size"), 16.0)))
    return (min(sizes) if sizes else None), width


def text_sizes(element, inherited: float):
    """The font size of every piece of text under `element`."""
    size = size_of(element.get("font-size"), inherited)
    if element.tag in (f"{SVG}text", f"{SVG}tspan") and (element.text or "").strip():
        yield size
    for child in element:
        yield from text_sizes(child, size)


def size_of(value: str | None, inherited: float) -> float:
    if value is None:
        return inherited
    if value.endswith("em"):
        return float(value[:-2]) * inherited
    return float(value.removesuffix("px"))
