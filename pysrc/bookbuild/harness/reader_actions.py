"""Driving the book's cells as a reader does, in Playwright: type, run, wait, read.

Shared by the browser tests (tests/browser) and the benchmarks (bench/browser), so both do
exactly what a reader does: focus the cell (the first focus loads the editor in place of the
static code), select all, type, press Run, and wait until the cell is no longer busy.
"""

from __future__ import annotations

from bookbuild.contract import LIMITS

# A test waits longer than the page does before it says Python did not start, so that what the
# test sees is the page's own message.
BOOT_TIMEOUT_MS = LIMITS["BOOT_TIMEOUT_MS"] + 30_000


def cell(page, index: int):
    return page.locator("[data-cell]").nth(index)


def wait_until_idle(page, cell_locator, timeout=None):
    """Until the cell is no longer busy; `timeout` (ms), else the page's default timeout."""
    handle = cell_locator.element_handle()
    page.wait_for_function("(el) => !el.hasAttribute('aria-busy')", arg=handle, timeout=timeout)


def run(page, cell_locator, timeout=None):
    # The click handler marks the cell busy synchronously, so waiting for idle cannot race it.
    cell_locator.get_by_role("button", name="Run").click()
    wait_until_idle(page, cell_locator, timeout)


def type_code(page, cell_locator, code: str):
    """Replace the cell's code as a reader would: focus the editor, select all, type."""
    cell_locator.get_by_role("textbox").click()
    editor = cell_locator.locator(".cm-content")
    editor.wait_for()
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code)


def next_chapter(page) -> None:
    """The footer's Next link (Material's instant navigation), until the next page's cells are
    attached: the URL changes before Material swaps the content in."""
    follow_footer_link(page, "next")


def previous_chapter(page) -> None:
    """The footer's Previous link, as next_chapter."""
    follow_footer_link(page, "prev")


def follow_footer_link(page, which: str) -> None:
    source = cell(page, 0).get_attribute("data-source")
    page.locator(f"a.md-footer__link--{which}").click()
    page.wait_for_function(
        "(old) => { const c = document.querySelector('[data-cell]');"
        " return c && c.dataset.source !== old && c.matches('.bp-cell--attached'); }",
        arg=source,
    )


def live_text(cell_locator) -> str:
    """The printed text and value of the reader's last run (tracebacks included)."""
    return "".join(cell_locator.locator(".bp-cell__live pre").all_inner_texts())


def static_text(cell_locator) -> str:
    """The text output computed when the book was built."""
    return "".join(cell_locator.locator("[data-static-output] pre").all_inner_texts())


def record_page_errors(page) -> list[str]:
    """Uncaught errors of the page, collected as they happen."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors
