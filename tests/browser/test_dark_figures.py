"""In the dark scheme figures follow the page: no bright card, and their text keeps WCAG AA
contrast against what is behind it. Checked on the pixels Chromium paints, on a chapter with a
computational graph (draw) and one with a plot (matplotlib)."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image

pytestmark = pytest.mark.browser
AA = 4.5
FIGURES = {
    "chain-rule/": "Computational graph",  # draw(loss): boxes, circles, arrows
    "derivatives/": "Figure:",  # a matplotlib plot with a legend
}


def luminance(rgb) -> float:
    def linear(channel):
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: float, b: float) -> float:
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("chapter", FIGURES)
def test_figures_follow_the_dark_scheme_with_legible_text(chromium, site_url, chapter):
    context = chromium.new_context(
        viewport={"width": 390, "height": 844},
        color_scheme="dark",
        device_scale_factor=2,  # glyph strokes several pixels wide, so their ink is reached
        service_workers="block",
    )
    page = context.new_page()
    page.goto(site_url + chapter)
    figure = page.locator(f"img.bp-output__image[alt^='{FIGURES[chapter]}']").first
    figure.scroll_into_view_if_needed()
    figure.evaluate("img => img.decode()")
    page_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    shot = Image.open(BytesIO(figure.screenshot())).convert("RGB")
    context.close()

    colours = shot.getcolors(maxcolors=1_000_000)
    count, background = max(colours)  # the colour most of the figure is
    assert luminance(background) < 0.05, (
        f"{chapter}: the figure is a bright card ({background}) on the dark page "
        f"({page_background})"
    )
    # Text is the ink that stands out most from the background; there must be enough of it to
    # be letters, not a speck, and it must reach AA.
    inked = sum(
        n for n, colour in colours if contrast(luminance(colour), luminance(background)) >= AA
    )
    share = inked / (shot.width * shot.height)
    assert share > 0.005, (
        f"{chapter}: only {share:.2%} of the figure contrasts {AA}:1 with its background "
        f"{background}: its text is not legible on the dark page"
    )
