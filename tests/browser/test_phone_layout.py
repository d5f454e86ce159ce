"""At home on a phone: no page wider than the screen, formulas that scroll say so, figure text
that can be read (on a phone and on a desktop), punctuation that stays with its formula, code
that the copy button does not cover."""

from __future__ import annotations

import pytest

from bookbuild.book_nav import chapters, nav_pages
from tests.browser.figure_text import shown_figure_text

pytestmark = pytest.mark.browser
PHONES = {"360x740": {"width": 360, "height": 740}, "390x844": {"width": 390, "height": 844}}
DESKTOP = {"width": 1280, "height": 900}
SMALLEST_TEXT_PX = {"phone": 9, "desktop": 11}
FIGURES = "img.bp-output__image"
# Display formulas with glyphs cut off: wider than their box by more than their own padding.
WIDE_FORMULAS = """() => [...document.querySelectorAll('.md-typeset div.arithmatex')]
  .filter(f => f.scrollWidth - f.clientWidth
               > parseFloat(getComputedStyle(f.firstElementChild).paddingRight) + 1)"""


@pytest.fixture(scope="module")
def phone_pages(chromium, site_url):
    """One browser context per phone size, reused by the page-by-page tests."""
    contexts = {
        name: chromium.new_context(viewport=size, service_workers="block")
        for name, size in PHONES.items()
    }
    yield {name: context.new_page() for name, context in contexts.items()}
    for context in contexts.values():
        context.close()


# Blocks out of view are laid out on the reader's first input (runtime/page/deferred-layout.js);
# what is measured here is the page once they all have been.
SETTLED = """() => !document.querySelector(
  '.md-content__inner > :not(.bp-laid-out, h1, h2, h3, h4, h5, h6)')"""


def open_page(page, url):
    page.goto(url)
    page.wait_for_load_state("load")
    page.keyboard.press("Shift")  # the reader's first input
    page.wait_for_function(SETTLED)
    return page


CHAPTER_PATHS = [page.url_path for page in chapters()]


@pytest.fixture(scope="module")
def shown(phone_pages, site_url):
    """`shown(phone, path)`: what the tests below check of a page at a phone size, measured on
    one load of it (a load of a long chapter costs more than every check made on it)."""
    measured: dict[tuple[str, str], dict] = {}

    def measure(phone: str, path: str) -> dict:
        if (phone, path) not in measured:
            page = open_page(phone_pages[phone], site_url + path)
            found = {"width": page_width(page)}
            if path in CHAPTER_PATHS:
                found["figures"] = shown_figure_text(page, FIGURES)
                found["apart"] = punctuation_apart(page)
                found["formulas"] = formulas_without_a_cue(page)  # last: it hides the glyphs
            measured[(phone, path)] = found
        return measured[(phone, path)]

    return measure


def page_width(page) -> tuple[int, int, list[str]]:
    """The document's width, the window's, and up to 3 elements that stick out of the window."""
    width, viewport = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]"
    )
    wide = page.evaluate(
        """() => [...document.querySelectorAll('.md-content *')]
          .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
          .filter(e => !e.parentElement.closest('div.arithmatex, pre, .md-typeset__scrollwrap'))
          .slice(0, 3).map(e => `${e.tagName}: ${e.textContent.slice(0, 60)}`)"""
    )
    return width, viewport, wide


def formulas_without_a_cue(page) -> list[str]:
    """Each display formula that scrolls has a shadow at the edge where it is cut (at its start,
    at the right edge only) and can be reached with the keyboard: the formulas that do not."""
    count = page.evaluate(f"() => ({WIDE_FORMULAS})().length")
    problems = []
    # The glyphs hidden, so that only the box's own paint is compared at its two edges.
    page.add_style_tag(content=".md-typeset div.arithmatex math { visibility: hidden }")
    for index in range(count):
        formula = page.evaluate_handle(f"() => ({WIDE_FORMULAS})()[{index}]")
        formula.scroll_into_view_if_needed()
        page.wait_for_timeout(50)  # the ResizeObserver that makes it focusable
        label = formula.evaluate("f => f.querySelector('annotation')?.textContent.slice(0, 40)")
        if formula.get_attribute("tabindex") != "0":
            problems.append(f"{label}: not reachable with the keyboard")
        left, right = edge_contrast(formula)
        if right < 1.15 or left > 1.02:
            problems.append(f"{label}: no scroll cue (left edge {left:.2f}, right {right:.2f})")
    return problems


def punctuation_apart(page) -> list[str]:
    """The formulas whose punctuation mark wrapped onto another line than the formula's end."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.bp-math-punctuated')].filter(span => {
          const formula = span.querySelector('math').getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(span.lastChild);
          const mark = range.getBoundingClientRect();
          if (!formula.width) return false;  // not shown (a closed hint or solution)
          return mark.top > formula.bottom - 1 || mark.left < formula.left;
        }).map(span => span.textContent.slice(-30))"""
    )


def edge_contrast(element) -> tuple[float, float]:
    """How far the darkest or lightest pixel of the box's leftmost and rightmost 6 px columns
    stands out from the middle of the box (contrast ratio, 1 = not at all)."""
    from io import BytesIO

    from PIL import Image

    shot = Image.open(BytesIO(element.screenshot())).convert("L")
    width, height = shot.size
    middle = shot.getpixel((width // 2, height // 2))

    def strongest(x0, x1):
        pixels = [shot.getpixel((x, y)) for x in range(x0, x1) for y in range(height)]
        return max(contrast(pixel, middle) for pixel in pixels)

    return strongest(0, 6), strongest(width - 6, width)


def contrast(grey_a: int, grey_b: int) -> float:
    def luminance(grey):
        c = grey / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    light, dark = sorted((luminance(grey_a), luminance(grey_b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("phone", PHONES)
@pytest.mark.parametrize("path", [page.url_path for page in nav_pages()])
def test_no_page_is_wider_than_a_phone(shown, phone, path):
    width, viewport, wide = shown(phone, path)["width"]
    assert width <= viewport, f"{path} at {phone}: {width} px wide; too wide: {wide}"


@pytest.mark.parametrize("phone", PHONES)
@pytest.mark.parametrize("chapter", CHAPTER_PATHS)
def test_a_formula_wider_than_the_screen_shows_that_it_scrolls(shown, phone, chapter):
    problems = shown(phone, chapter)["formulas"]
    assert not problems, f"{chapter} at {phone}:\n" + "\n".join(problems)


@pytest.mark.parametrize("phone", PHONES)
@pytest.mark.parametrize("chapter", CHAPTER_PATHS)
def test_figure_text_is_legible_on_a_phone(shown, phone, chapter):
    figures = shown(phone, chapter)["figures"]
    small = [str(figure) for figure in figures if figure.smallest_px < SMALLEST_TEXT_PX["phone"]]
    assert not small, f"{chapter} at {phone}: text below 9 px in\n" + "\n".join(small)


@pytest.mark.parametrize("chapter", [page.url_path for page in chapters()])
def test_figure_text_is_legible_on_a_desktop(chromium, site_url, chapter):
    context = chromium.new_context(viewport=DESKTOP, service_workers="block")
    page = open_page(context.new_page(), site_url + chapter)
    figures = shown_figure_text(page, FIGURES)
    context.close()
    small = [str(figure) for figure in figures if figure.smallest_px < SMALLEST_TEXT_PX["desktop"]]
    assert not small, f"{chapter}: text below 11 px in\n" + "\n".join(small)


@pytest.mark.parametrize("chapter", CHAPTER_PATHS)
def test_punctuation_stays_on_the_line_of_its_formula(shown, chapter):
    apart = shown("360x740", chapter)["apart"]
    assert not apart, f"{chapter}: punctuation on another line than its formula: {apart}"


def test_the_copy_button_never_covers_code(phone_pages, site_url):
    page = open_page(phone_pages["360x740"], site_url + "backpropagation/")
    covered = []
    for block in page.locator(".md-typeset pre > code").all()[:40]:
        if not block.is_visible():  # in a folded hint or solution
            continue
        block.scroll_into_view_if_needed()
        # Material adds a code block's copy button as it mounts the block, after the page loads.
        block.locator("xpath=../*[contains(@class, 'md-code__nav')]").wait_for(state="attached")
        covered += block.evaluate(
            """code => {
              const nav = code.parentElement.querySelector('.md-code__nav');
              if (!nav) return [];
              const button = nav.getBoundingClientRect();
              const range = document.createRange();
              range.selectNodeContents(code);
              return [...range.getClientRects()]
                .filter(r => r.width > 0 && r.right > button.left && r.left < button.right
                          && r.bottom > button.top && r.top < button.bottom)
                .map(() => code.textContent.split('\\n')[0].slice(0, 50));
            }"""
        )
    assert not covered, f"the copy button covers code: {sorted(set(covered))}"


def test_printed_tables_keep_their_columns(phone_pages, site_url):
    """An output line is never wrapped: the output scrolls sideways instead."""
    page = open_page(phone_pages["390x844"], site_url + "training/")
    output = page.locator("[data-static-output] pre", has_text="steps per epoch").first
    lines, height, line_height, scrolls = output.evaluate(
        """pre => [pre.textContent.trimEnd().split('\\n').length, pre.scrollHeight,
                   parseFloat(getComputedStyle(pre).lineHeight),
                   pre.scrollWidth > pre.clientWidth]"""
    )
    assert scrolls, "the table is wider than a phone: it should scroll"
    assert height < (lines + 1) * line_height, f"{lines} lines take {height / line_height:.1f}"
