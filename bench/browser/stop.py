"""Stop to a working Python: a cell that never ends is stopped, and at once another cell runs.

Without cross-origin isolation (a first visit, service workers off) Stop replaces the worker;
on a page the book's service worker served, it interrupts Python (KeyboardInterrupt) and the
variables stay. The time is the Stop click -> the next cell's output. Targets: under 2 s, and
under 1 s isolated.
"""

from __future__ import annotations

from statistics import median

from bench.browser.measure import REPEATS
from bench.browser.pages import (
    TIMEOUT_MS,
    await_in_page,
    check_clean,
    fresh_page,
    note_other_origins,
)
from bookbuild.harness.reader_actions import cell, type_code

LOOP = "import time\nwhile True:\n    time.sleep(0.001)"
CHAPTER = "derivatives/"


def stop_once(browser, base_url: str, isolated: bool) -> dict:
    with fresh_page(browser, service_worker=isolated) as page:
        note_other_origins(page, base_url)
        page.goto(base_url + CHAPTER)
        if isolated:
            page.wait_for_function("navigator.serviceWorker.controller", timeout=TIMEOUT_MS)
            page.reload()
            page.wait_for_function("self.crossOriginIsolated", timeout=TIMEOUT_MS)
        type_code(page, cell(page, 0), LOOP)
        type_code(page, cell(page, 1), "1+1")
        expression = "window.__bench.stopThenRun(window.__bench.cell(0), window.__bench.cell(1))"
        result = await_in_page(page, "Stop, then Run", expression)
        check_clean(page, base_url, "stop")
    if result["isolated"] != isolated:
        raise SystemExit(f"the page was {'not ' * isolated}cross-origin isolated")
    return result


def measure_stop(browser, base_url: str) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"isolated": [], "not isolated": []}
    for _ in range(REPEATS):
        for isolated in (False, True):
            result = stop_once(browser, base_url, isolated)
            times["isolated" if isolated else "not isolated"].append(
                result["idle"] - result["stop"]
            )
    return times


def stop_rows(times: dict[str, list[float]]) -> list[tuple[str, str, str, str]]:
    rows = []
    for kind, target in (("not isolated", 2000), ("isolated", 1000)):
        value = median(times[kind])
        status = "met" if value < target else "missed"
        rows.append(
            (f"Stop -> a working Python, {kind}", f"{value:.0f} ms", f"< {target} ms", status)
        )
    return rows
