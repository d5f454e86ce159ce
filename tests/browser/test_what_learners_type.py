"""Whatever a learner types, the page keeps working and says what happened in plain words.

Each test is one thing reproduced in Chromium against the site as GitHub Pages serves it (not
cross-origin isolated), except where it says otherwise.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bookbuild.harness.browser import confine_to_origin
from bookbuild.harness.reader_actions import record_page_errors
from bookbuild.harness.static_server import CrossOriginIsolatedHandler, serve_directory
from tests.browser.cells import (
    STATE_TIMEOUT_MS,
    cell,
    live_text,
    next_chapter,
    previous_chapter,
    run,
    type_code,
    wait_until_idle,
)

pytestmark = pytest.mark.browser
CHAPTER = "derivatives/"
RESTARTED = "Python was restarted: "


def live(cell_locator) -> str:
    """Everything the reader's run shows: output, errors and notices."""
    return cell_locator.locator(".bp-cell__live").inner_text()


def run_code(page, cell_locator, code: str) -> str:
    type_code(page, cell_locator, code)
    run(page, cell_locator)
    return live(cell_locator)


def start_running(page, cell_locator, code: str) -> None:
    """Type and press Run, and return while the cell itself runs (after what it needs)."""
    type_code(page, cell_locator, code)
    cell_locator.get_by_role("button", name="Run").click()
    expect(cell_locator).to_have_attribute("data-running", "")


def workers(page) -> int:
    return page.evaluate("window.__backpropRuntime.workersCreated")


def test_os_exit_restarts_python_and_says_so(page, site_url):
    page.goto(site_url + CHAPTER)
    first, second = cell(page, 0), cell(page, 1)
    shown = run_code(page, first, "import os\nos._exit(1)")
    assert "Your code ended Python (exit code 1)" in shown and RESTARTED in shown
    assert "Program terminated" not in shown
    assert run_code(page, second, "print(6 * 7)").splitlines()[2] == "42"
    assert workers(page) == 2


def test_a_cell_that_closes_its_worker_is_found_out_and_python_restarts(page, site_url):
    page.goto(site_url + CHAPTER)
    first, second = cell(page, 0), cell(page, 1)
    shown = run_code(page, first, "import js\njs.close()\nprint('closed it')")
    assert "closed it" in shown and "Python stopped answering after this cell" in shown
    assert RESTARTED in shown
    assert "alive" in run_code(page, second, "print('alive')")
    # Removing the worker's message handler does not deafen it.
    run_code(page, first, "import js\njs.self.onmessage = None")
    assert "still alive" in run_code(page, second, "print('still alive')")


def test_printed_text_shows_while_the_cell_runs_and_survives_stop(page, site_url):
    page.goto(site_url + CHAPTER)
    first = cell(page, 0)
    # A loop that never ends: what it printed first must show while it runs.
    start_running(page, first, "print('start', flush=True)\nwhile True:\n    pass\nprint('end')")
    expect(first.locator(".bp-cell__live pre").first).to_contain_text("start")
    assert first.get_attribute("aria-busy") == "true", "'start' must show while the loop runs"
    first.get_by_role("button", name="Stop").click()
    wait_until_idle(page, first)
    # Two prints in a row, then a sleep (no Python bytecode runs during it), then Stop.
    start_running(page, first, "import time\nprint('before')\nprint('and this')\ntime.sleep(600)")
    expect(first.locator(".bp-cell__live pre").first).to_contain_text("and this")
    first.get_by_role("button", name="Stop").click()
    wait_until_idle(page, first)
    assert live_text(first).split() == ["before", "and", "this"]
    assert RESTARTED in live(first)


def test_the_stop_notice_belongs_to_the_run_it_describes(page, site_url):
    page.goto(site_url + CHAPTER)
    first = cell(page, 0)
    start_running(page, first, "while True:\n    pass")
    first.get_by_role("button", name="Stop").click()
    wait_until_idle(page, first)
    assert RESTARTED in live(first)
    shown = run_code(page, first, "print('fine now')")
    assert "fine now" in shown and "Stopped" not in shown and RESTARTED not in shown


@pytest.fixture
def isolated_page(built_site, chromium):
    """A page of the site served cross-origin isolated (COOP and COEP), so Stop can interrupt."""
    with serve_directory(built_site.directory, handler=CrossOriginIsolatedHandler) as url:
        context = chromium.new_context(service_workers="block")
        blocked: list[str] = []
        confine_to_origin(context, url, blocked)
        page = context.new_page()
        page.set_default_timeout(STATE_TIMEOUT_MS)
        page.errors = record_page_errors(page)
        page.goto(url + CHAPTER)
        yield page
        context.close()
        assert not blocked and not page.errors


def test_a_stopped_loop_is_not_run_again_after_python_restarts(isolated_page):
    """Cross-origin isolated: Stop raises KeyboardInterrupt in the loop; a later restart (a
    sleep cannot be interrupted) must not make a lower cell run the loop again."""
    page = isolated_page
    assert page.evaluate("self.crossOriginIsolated")
    loop, sleeper, later = cell(page, 1), cell(page, 2), cell(page, 3)
    start_running(page, loop, "print('looping', flush=True)\ni = 0\nwhile True:\n    i += 1")
    expect(loop.locator(".bp-cell__live pre").first).to_contain_text("looping")
    loop.get_by_role("button", name="Stop").click()
    wait_until_idle(page, loop)
    assert "KeyboardInterrupt" in live(loop) and "kept this page's variables" in live(loop)
    start_running(page, sleeper, "import time\nprint('sleeping', flush=True)\ntime.sleep(600)")
    expect(sleeper.locator(".bp-cell__live pre").first).to_contain_text("sleeping")
    sleeper.get_by_role("button", name="Stop").click()
    wait_until_idle(page, sleeper)
    assert RESTARTED in live(sleeper)
    # This cell uses the loop's i, so it needs the stopped cell: held, not run again.
    shown = run_code(page, later, "print('ran without the loop')\nprint(i)")
    assert "ran without the loop" in shown
    assert "Not run first: cell 2, which you stopped" in shown


def test_a_huge_value_is_cut_with_one_notice(derivatives_tab):
    page = derivatives_tab
    first = cell(page, 0)
    run_code(page, first, "print('x' * 60_000)\n'y' * 5_000_000")
    assert 100_000 <= len(live_text(first)) <= 100_002
    notices = first.locator(".bp-output__truncated")
    assert notices.count() == 1 and "100,000 characters" in notices.inner_text()


def test_long_output_scrolls_in_a_box_of_limited_height(derivatives_tab):
    page = derivatives_tab
    first = cell(page, 0)
    run_code(page, first, "for i in range(200000):\n    print(i)")
    assert first.bounding_box()["height"] < 1_000
    output = first.locator(".bp-cell__live pre").first
    assert output.evaluate("box => box.scrollHeight > 10 * box.clientHeight")
    assert output.get_attribute("tabindex") == "0", "a keyboard user must be able to scroll it"
    assert output.evaluate("box => box.scrollTop > 0"), "it should show the end, as a terminal"


def test_input_says_cells_cannot_read_input(derivatives_tab):
    page = derivatives_tab
    shown = run_code(page, cell(page, 0), "name = input('Your name? ')")
    assert "cells cannot read input" in shown and "Assign the value" in shown
    assert "Errno 29" not in shown and "notebook_cell" not in shown


def test_a_package_the_book_does_not_have_is_named_with_what_it_has(derivatives_tab):
    page = derivatives_tab
    shown = run_code(page, cell(page, 0), "import pandas")
    assert "ModuleNotFoundError: No module named 'pandas'" in shown
    assert "This book's Python has numpy, matplotlib, backprop and the standard library" in shown


def test_plt_show_shows_the_figures_without_a_warning(derivatives_tab):
    page = derivatives_tab
    first = cell(page, 0)
    code = "import matplotlib.pyplot as plt\nfor k in (1, 2):\n    plt.plot([0, k])\n"
    code += "    plt.title(f'line {k}')\n    plt.show()"
    shown = run_code(page, first, code)
    assert "non-interactive" not in shown and "Warning" not in shown
    images = first.locator(".bp-cell__live img")
    assert [images.nth(i).get_attribute("alt") for i in range(images.count())] == [
        "Figure: line 1",
        "Figure: line 2",
    ]


def test_colours_and_carriage_returns_print_as_in_a_terminal(derivatives_tab):
    page = derivatives_tab
    first = cell(page, 0)
    code = "print('\\x1b[31mred\\x1b[0m and \\x1b[1;32mbold green\\x1b[0m')\n"
    code += "for percent in range(0, 101, 25):\n    print(f'\\rprogress {percent}%', end='')\n"
    code += "print()\nprint('done')"
    run_code(page, first, code)
    assert live_text(first).splitlines() == ["red and bold green", "progress 100%", "done"]
    spans = first.locator(".bp-cell__live pre span[class]")
    styled = spans.evaluate_all("spans => spans.map(s => [s.className, s.textContent])")
    assert ["bp-ansi-red", "red"] in styled
    assert ["bp-ansi-green bp-ansi-bold", "bold green"] in styled


def test_a_cell_that_breaks_print_or_builtins_does_not_break_the_next(page, site_url):
    page.goto(site_url + CHAPTER)
    first, second = cell(page, 0), cell(page, 1)
    run_code(page, first, "import sys, builtins\nsys.stdout = None\ndel builtins.len")
    assert run_code(page, second, "print(len('four'))").splitlines()[2] == "4"
    assert workers(page) == 1


def test_coming_back_to_a_page_says_python_kept_its_variables(page, site_url):
    page.goto(site_url + CHAPTER)
    state = page.locator("[data-python-state]")
    assert state.is_hidden()
    run_code(page, cell(page, 0), "remembered = 41")
    next_chapter(page)
    previous_chapter(page)
    assert page.url == site_url + CHAPTER
    expect(state).to_be_visible()
    assert "Python has this page's variables from your runs of cell 1" in state.inner_text()
    assert run_code(page, cell(page, 1), "print(remembered + 1)").splitlines()[2] == "42"
    run_code(page, cell(page, 2), "defined_late = 1")
    state.get_by_role("button", name="Forget these variables").click()
    expect(state).to_be_hidden()
    # Running cell 2 runs cell 1 again, but nothing defined by cell 3 exists any more.
    shown = run_code(page, cell(page, 1), "print(remembered, defined_late)")
    assert "NameError: name 'defined_late' is not defined" in shown
    assert workers(page) == 1


def test_stop_has_a_shortcut_and_gives_focus_back_to_the_cell(page, site_url):
    page.goto(site_url + CHAPTER)
    first = cell(page, 0)
    assert first.get_by_role("button", name="Run").get_attribute("aria-keyshortcuts")
    assert first.get_by_role("button", name="Stop").get_attribute("aria-keyshortcuts") == (
        "Control+. Meta+."
    )
    start_running(page, first, "while True:\n    pass")
    first.locator(".cm-content").click()
    page.keyboard.press("Control+.")
    wait_until_idle(page, first)
    assert RESTARTED in live(first)
    start_running(page, first, "while True:\n    pass")
    first.get_by_role("button", name="Stop").click()
    wait_until_idle(page, first)
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Run" and first.locator(":focus").count() == 1
