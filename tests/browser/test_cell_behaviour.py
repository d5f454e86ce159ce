"""What a reader does with one cell: run, stop, flood, crash, break, and inject."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.cells import cell, live_text, run, type_code, wait_until_idle

pytestmark = pytest.mark.browser
CHAPTER = "derivatives/"


def answers(page) -> bool:
    """The main thread runs a tiny script: Python, in its worker, does not block it. (How long
    the main thread is ever blocked is measured by bench/browser, not asserted here.)"""
    return page.evaluate("1 + 1") == 2


def test_the_page_is_static_first_and_fetches_no_wasm_before_interaction(page, site_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + CHAPTER)
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-static-output]").count() >= 2
    assert not [url for url in requested if url.endswith(".wasm") or "pyodide" in url]
    assert page.evaluate("window.__backpropRuntime.workersCreated") == 0


def test_cells_expose_stable_hooks(page, site_url):
    page.goto(site_url + CHAPTER)
    first = cell(page, 0)
    for name in ("Run", "Stop", "Reset"):
        assert first.get_by_role("button", name=name).count() == 1
    assert first.get_by_role("textbox").count() == 1
    assert first.locator(".bp-cell__live").get_attribute("aria-live") == "polite"
    assert first.get_attribute("data-cell")


def test_an_exception_shows_a_traceback_trimmed_to_the_readers_code(derivatives_tab):
    page = derivatives_tab
    first = cell(page, 0)
    type_code(page, first, "def divide(a, b):\n    return a / b\n\ndivide(1, 0)")
    run(page, first)
    traceback = live_text(first)
    assert traceback.startswith("Traceback (most recent call last):")
    assert 'File "<cell 1>", line 4' in traceback and "return a / b" in traceback
    assert "ZeroDivisionError: division by zero" in traceback
    assert "notebook_cell" not in traceback and "worker_session" not in traceback


def test_printed_html_is_shown_as_text(derivatives_tab):
    page = derivatives_tab
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    first = cell(page, 0)
    type_code(page, first, 'print("<img src=x onerror=alert(1)>")')
    run(page, first)
    assert live_text(first).strip() == "<img src=x onerror=alert(1)>"
    assert first.locator(".bp-cell__live img").count() == 0
    assert not dialogs


def test_a_plotting_cell_shows_an_image(derivatives_tab):
    page = derivatives_tab
    first = cell(page, 0)
    type_code(
        page, first, "import matplotlib.pyplot as plt\nplt.plot([0, 1], [1, 0])\nplt.title('x')"
    )
    run(page, first)
    image = first.locator(".bp-cell__live img")
    assert image.count() == 1
    # The image element is in place when the run ends; its pixels are decoded a little later.
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 100", arg=image.element_handle()
    )


def test_stop_ends_an_infinite_loop_and_python_recovers(page, site_url):
    page.goto(site_url + CHAPTER)
    first, second = cell(page, 0), cell(page, 1)
    type_code(page, first, "print('looping', flush=True)\nx = 0\nwhile True:\n    x += 1")
    first.get_by_role("button", name="Run").click()
    expect(first.locator(".bp-cell__live pre").first).to_contain_text("looping")
    assert answers(page), "the page froze while Python ran"
    first.get_by_role("button", name="Stop").click()
    wait_until_idle(page, first)
    stopped = first.locator(".bp-cell__live").inner_text()
    assert "Stopped. To stop it, Python was restarted:" in stopped
    assert "The next Run runs again only the cells it needs." in stopped
    type_code(page, second, "print('alive')")
    run(page, second)
    assert live_text(second).strip().endswith("alive")


def test_a_flood_of_a_million_lines_is_truncated_and_the_page_keeps_answering(page, site_url):
    page.goto(site_url + CHAPTER)
    first = cell(page, 0)
    type_code(page, first, "for i in range(10**6):\n    print(i)")
    first.get_by_role("button", name="Run").click()
    expect(first.locator(".bp-cell__live pre").first).not_to_be_empty()
    assert answers(page), "the page froze while the lines arrived"
    wait_until_idle(page, first)
    assert "Output truncated" in first.locator(".bp-cell__live").inner_text()
    assert len(live_text(first)) <= 100_000


def test_running_out_of_memory_is_reported_and_python_recovers(page, site_url):
    page.goto(site_url + CHAPTER)
    first, second = cell(page, 0), cell(page, 1)
    type_code(page, first, "import numpy as np\nblocks = [np.ones(10**8) for _ in range(100)]")
    run(page, first)
    reported = first.locator(".bp-cell__live").inner_text()
    assert "MemoryError" in reported or "crashed" in reported, reported
    type_code(page, second, "print(6 * 7)")
    run(page, second)
    assert live_text(second).strip().endswith("42")
