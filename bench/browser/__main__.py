"""Time the book in headless Chromium: `python -m bench.browser` (part of `make bench`).

It builds the site into a temporary directory, serves it on 127.0.0.1 without compression, and
measures, each in a fresh browser context (a cold HTTP cache):

    floor          a bare page whose Web Worker loads the site's own Pyodide and numpy and
                   runs 1+1: what any page needs at least (navigation start -> result)
    first result   the book: Run clicked on a chapter's first cell the moment its button exists
                   (at DOMContentLoaded), navigation start -> the cell is idle with its output;
                   the ratio to the floor compares the same span
    second result  a trivial cell (1+1) once Python is ready: click -> output
    next chapter   the footer's Next link (instant navigation), then Run on that chapter's first
                   cell: click on Next -> output, with no second worker
    check          an exercise's Check, warm worker: click -> feedback (the reader's code, then
                   the check, in the same Python)
    explorables    each explorable's control change → redrawn figure, warm, with the longest
                   main-thread task; the playground's default training run (explorables.py)
    deep cells     every chapter: Run on its last cell and Check on its last exercise, cold
                   profile, against the floor, with what ran before each (deep.py)
    stop           Stop on a cell that never ends, then Run on another: Stop click -> output,
                   with and without cross-origin isolation (stop.py)
    long tasks     main-thread tasks over 50 ms: page load, boot, a cell that computes for 2 s,
                   and as a control 2 s with nothing running (long tasks there are not Python's)
    page weight    bytes of every response of a page before any interaction

BENCH_REPEATS sets how many times each timing is repeated (default 5); medians are reported.

    site.py       the site built for the address it is served at, the floor page
    pages.py      fresh browser contexts, results kept in the page
    measure.py    the measurements
    report.py     the table
    recorder.js, floor.html, floor-worker.js   what runs in the browser
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.browser.deep import deep_rows, measure_deep
from bench.browser.explorables import explorable_rows, measure_explorables
from bench.browser.measure import REPEATS, measure_all, measure_checks
from bench.browser.report import (
    check_rows,
    long_task_rows,
    print_markdown,
    print_weight_breakdown,
    timing_rows,
    weight_rows,
)
from bench.browser.site import build_bench_site, choose_chapters
from bench.browser.stop import measure_stop, stop_rows
from bookbuild.book_nav import nav_pages
from bookbuild.harness.browser import launch_chromium
from bookbuild.harness.static_server import serve_directory
from bookbuild.markdown.book_exercises import book_exercises


def main():
    with tempfile.TemporaryDirectory(prefix="bench-site-") as directory:
        site = Path(directory)
        # Served before it is built, so that the build knows its address (see build_site).
        with serve_directory(site) as base_url:
            started = time.perf_counter()
            build_bench_site(site, base_url)
            chapter, following = choose_chapters(site)
            print(
                f"Site built in {time.perf_counter() - started:.0f} s; "
                f"first result on /{chapter}, next chapter /{following}",
                flush=True,
            )
            exercise_page, exercise_id = first_exercise()
            listing = json.loads((site / "save-list.json").read_text())
            site_size = sum(entry["bytes"] for entry in listing["files"])
            with sync_playwright() as playwright, launch_chromium(playwright) as browser:
                pages = [page.url_path for page in nav_pages()]
                floors, runs, weights = measure_all(browser, base_url, chapter, following, pages)
                checks = measure_checks(browser, base_url, exercise_page, exercise_id)
                explorables = measure_explorables(browser, base_url)
                deep_floors, deeps = measure_deep(browser, base_url, site)
                stops = measure_stop(browser, base_url)
    print()
    for weight in weights[:2]:
        print_weight_breakdown(weight)
    print()
    print(f"Browser timings: headless Chromium, 127.0.0.1, cold cache, medians of {REPEATS} runs")
    print()
    print_markdown(
        timing_rows(floors, runs, chapter, following)
        + check_rows(checks, exercise_page, exercise_id)
        + explorable_rows(explorables)
        + long_task_rows(runs)
        + weight_rows(weights)
        + stop_rows(stops)
        + [save_for_offline_row(site_size)]
    )
    print()
    print("Deep cells: Run on a chapter's last cell, Check on its last exercise (cold profile)")
    print()
    print_markdown(deep_rows(deep_floors, deeps))


def save_for_offline_row(size: int) -> tuple[str, str, str, str]:
    return ("Save for offline: everything but the PDF (save-list.json)", f"{size / 1e6:.1f} MB",
            "", "")  # fmt: skip


def first_exercise() -> tuple[str, str]:
    """The first exercise after the Orientation page: (its page's path, its id)."""
    chapter = next(c for c in book_exercises() if c.page.markdown != "index.md")
    return chapter.page.url_path, chapter.exercises[0].id


if __name__ == "__main__":
    main()
