"""axe-core finds no serious or critical accessibility violation on any page, cells included."""

from __future__ import annotations

import pytest

from bookbuild.paths import ROOT
from tests.browser.cells import cell, run, type_code

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def add_axe(page) -> None:
    """axe-core in the page, once the page's blocks are all laid out (runtime/page/
    deferred-layout.js, a batch per frame from the reader's first input) and the observers that
    make a scrolling box reachable (page-accessibility.js) have seen them: two frames after the
    last block."""
    page.keyboard.press("Shift")  # the reader's first input
    page.wait_for_function(
        "() => !document.querySelector('.md-content__inner > :not(.bp-laid-out)')"
    )
    page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
    page.add_script_tag(path=str(AXE))


def test_no_serious_or_critical_violations_on_any_page(page, site_url, built_site):
    problems = []
    for html_page in built_site.pages():
        relative = html_page.relative_to(built_site.directory).as_posix()
        if relative.startswith("assets/") or relative == "print_page/index.html":
            continue
        page.goto(site_url + relative.removesuffix("index.html"))
        page.wait_for_load_state("networkidle")
        add_axe(page)
        violations = page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. `
                           + `${v.nodes[0].target}: ${v.nodes[0].failureSummary}`)"""
        )
        problems += [f"{relative}: {violation}" for violation in violations]
    assert not problems, "\n".join(problems)


def serious_violations(page) -> list[str]:
    add_axe(page)
    return page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
             .filter(v => v.impact === 'serious' || v.impact === 'critical')
             .map(v => `${v.id}: ${v.nodes.map(n => n.target).join(', ')}`)"""
    )


def test_a_cell_in_use_passes_in_the_dark_scheme_too(chromium, site_url):
    """Buttons, the "modified" badge, output and the editor, in both colour schemes."""
    for scheme in ("light", "dark"):
        context = chromium.new_context(color_scheme=scheme, service_workers="block")
        page = context.new_page()
        page.goto(site_url + "derivatives/")
        first = cell(page, 0)
        type_code(page, first, "print('edited')")
        run(page, first)
        assert first.locator(".bp-cell__badge").is_visible()
        problems = serious_violations(page)
        context.close()
        assert not problems, f"{scheme} scheme: {problems}"


def test_wrapped_editor_lines_keep_their_indentation(chromium, site_url):
    context = chromium.new_context(viewport={"width": 380, "height": 800}, service_workers="block")
    page = context.new_page()
    page.goto(site_url + "derivatives/")
    first = cell(page, 0)
    type_code(page, first, "def f(x):\n        return " + " + ".join(["x"] * 40))
    line = first.locator(".cm-line").nth(1)
    left_of_text = line.evaluate(
        "line => { const range = document.createRange(); range.selectNodeContents(line);"
        " const rects = [...range.getClientRects()];"
        " return [rects[0].left, rects[rects.length - 1].left, rects.length]; }"
    )
    context.close()
    first_row, last_row, rows = left_of_text
    assert rows > 1, "the line should wrap at this width"
    assert last_row > first_row + 20, "a wrapped row should start indented, not at column 0"


def test_a_formula_wider_than_the_column_can_be_reached_with_the_keyboard(chromium, site_url):
    """Each display formula that scrolls sideways on a phone is a named, focusable region, the
    last one on the page too (found by a ResizeObserver, not a scan at attach)."""
    context = chromium.new_context(viewport={"width": 412, "height": 823}, service_workers="block")
    page = context.new_page()
    page.goto(site_url + "backpropagation/")
    page.wait_for_load_state("networkidle")
    formulas = page.locator(".md-content__inner > div.arithmatex")
    last = formulas.nth(formulas.count() - 1)
    last.scroll_into_view_if_needed()
    wide_formulas = (
        "[...document.querySelectorAll('.md-content__inner > div.arithmatex')]"
        ".filter(f => f.scrollWidth > f.clientWidth)"
    )
    # Until the ResizeObserver has seen them all: every wide formula has its tabindex.
    page.wait_for_function(f"() => {wide_formulas}.every(f => f.hasAttribute('tabindex'))")
    wide = page.evaluate(
        f"() => {wide_formulas}"
        ".map(f => [f.getAttribute('tabindex'), f.getAttribute('role'), f.ariaLabel])"
    )
    context.close()
    assert wide, "no formula on the page scrolls sideways at 412 px"
    assert all(formula == ["0", "region", "Formula (scrolls sideways)"] for formula in wide), wide
