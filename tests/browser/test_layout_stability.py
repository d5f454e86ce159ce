"""Nothing moves when the runtime attaches: the static HTML already has each cell toolbar's place
(Lighthouse counts such moves as layout shift), and formulas are laid out in the math font
from the start."""

from __future__ import annotations

import pytest

from bookbuild.book_nav import chapters

pytestmark = pytest.mark.browser
PHONE = {"width": 412, "height": 823}  # Lighthouse's mobile viewport
MAX_LAYOUT_SHIFT = 0.01  # "good" is 0.1; the target is a tenth of that


LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});  // every shift since the page began
  setTimeout(() => resolve(total), 100);
})"""


@pytest.mark.parametrize("chapter", [page.url_path for page in chapters() if page.has_cells])
def test_a_chapter_does_not_move_while_it_loads_and_its_cells_attach(chromium, site_url, chapter):
    context = chromium.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.goto(site_url + chapter)
    page.wait_for_load_state("networkidle")
    # Until every cell is attached and the fonts are in: what could still move the page.
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-cell]')]"
        ".every((c) => c.matches('.bp-cell--attached')) && document.fonts.status === 'loaded'"
    )
    shift = page.evaluate(LAYOUT_SHIFT)
    context.close()
    assert shift <= MAX_LAYOUT_SHIFT, f"{chapter}: layout shift {shift:.3f}"


def test_the_static_toolbar_place_is_as_tall_as_the_toolbar(chromium, site_url):
    context = chromium.new_context(
        viewport=PHONE, service_workers="block", java_script_enabled=False
    )
    page = context.new_page()
    page.goto(site_url + "derivatives/")
    # Without JavaScript the empty place is not shown (a <noscript> style in the page's head).
    assert page.locator("[data-cell-toolbar]").first.is_hidden()
    context.close()

    context = chromium.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.route("**/assets/generated/runtime/**", lambda route: route.abort())  # no runtime
    page.goto(site_url + "derivatives/")
    place = page.locator("[data-cell-toolbar]").first.bounding_box()["height"]
    context.close()

    context = chromium.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.goto(site_url + "derivatives/")
    page.wait_for_selector(".bp-cell--attached")
    toolbar = page.locator(".bp-cell--attached .bp-cell__toolbar").first
    assert toolbar.get_by_role("button", name="Run").is_visible()
    filled = toolbar.bounding_box()["height"]
    context.close()
    assert place > 20 and abs(place - filled) < 0.5, (place, filled)


DESKTOP = {"width": 1280, "height": 800}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_cells_code_keeps_its_place_until_it_is_laid_out(chromium, site_url, viewport):
    """Code out of view is not laid out while the page loads (styles/rendering.css); its place
    is its number of lines times its line height, so nothing below it moves when it comes into
    view, and what a scrollbar or a link to a section sees is the page's real length."""
    context = chromium.new_context(viewport=viewport, service_workers="block")
    page = context.new_page()
    page.goto(site_url + "backpropagation/")
    page.wait_for_load_state("networkidle")
    codes = page.locator(".bp-cell__code code")
    # Skipped: the code's box is shown, its tokens are not laid out.
    skipped = codes.evaluate_all(
        "codes => codes.map(code => code.checkVisibility() && !code.firstElementChild"
        ".checkVisibility({contentVisibilityAuto: true}))"
    )
    assert sum(skipped) >= 10, "the code of cells out of view is laid out while the page loads"
    places = codes.evaluate_all("codes => codes.map(code => code.getBoundingClientRect().height)")
    moved = []
    for index, code in enumerate(codes.all()):
        if not skipped[index]:
            continue
        kept = places[index]
        code.scroll_into_view_if_needed()
        laid_out = code.evaluate(
            """code => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(
                 () => resolve([
                   code.firstElementChild.checkVisibility({contentVisibilityAuto: true}),
                   code.getBoundingClientRect().height,
                 ]))))"""
        )
        assert laid_out[0], f"cell code {index} is not laid out in view"
        if abs(laid_out[1] - kept) >= 1:
            moved.append((index, round(kept, 1), round(laid_out[1], 1)))
    context.close()
    assert not moved, f"code whose place was not its height (index, place, height): {moved}"
