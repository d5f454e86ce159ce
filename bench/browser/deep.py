"""A Run or a Check deep in a chapter, on a cold profile, against the floor in the same run.

For every chapter with cells, in a fresh browser context (a cold HTTP cache, no service worker):
the page opens, at DOMContentLoaded the pointer enters the target (Python starts), and Run (on the
chapter's last cell) or Check (on its last exercise, with its starter code) is clicked 500 ms
later; the time is navigation start -> the result, as the floor's is navigation start -> 1+1.
It says which cells ran before the target, and whether one of them, or the target, imports
matplotlib (about 10 MB more to load).

Alone, on a site built elsewhere (to compare with an earlier edition, built for the address it is
served at, with the floor's files copied in):

    python -m bench.browser.deep --site DIR --url http://127.0.0.1:PORT/
"""

from __future__ import annotations

import argparse
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median

from bench.browser.measure import HOVER_TO_CLICK_MS, REPEATS, measure_floor
from bench.browser.pages import TIMEOUT_MS, check_clean, fresh_page, kept_result, note_other_origins
from bookbuild.book_nav import nav_pages

CELL = re.compile(r'<div class="bp-cell"[^>]*?data-cell="([^"]+)"[^>]*?data-source="([^"]*)"', re.S)
EXERCISE = re.compile(r'data-exercise="([^"]+)"')


@dataclass
class Deep:
    chapter: str
    run: list[float] = field(default_factory=list)
    run_ran: list[str] = field(default_factory=list)
    run_matplotlib: bool = False
    check: list[float] = field(default_factory=list)
    check_ran: list[str] = field(default_factory=list)
    check_matplotlib: bool = False


def cells_of(page_html: str) -> list[tuple[str, str]]:
    """(id, source) of every cell of a built page, exercises' included, in page order."""
    return [(cell_id, html.unescape(source)) for cell_id, source in CELL.findall(page_html)]


def imports_matplotlib(sources: list[str]) -> bool:
    return any(re.search(r"^\s*(import|from)\s+matplotlib", s, re.M) for s in sources)


def timed(browser, base_url: str, query: str, what: str) -> dict:
    with fresh_page(browser) as page:
        note_other_origins(page, base_url)
        page.goto(f"{base_url}{query}&bench-hover={HOVER_TO_CLICK_MS}", wait_until="commit")
        page.wait_for_function("window.__bench?.kept", polling=100, timeout=TIMEOUT_MS)
        result = kept_result(page, what)
        check_clean(page, base_url, what)
    return result


def measure_chapter(browser, base_url: str, site: Path, path: str) -> Deep:
    cells = cells_of((site / path / "index.html").read_text())
    sources = dict(cells)
    deep = Deep(path)
    book_cells = [
        index for index, (cell_id, _) in enumerate(cells) if not cell_id.startswith("exercise-")
    ]
    last = book_cells[-1]
    for _ in range(REPEATS):
        result = timed(
            browser, base_url, f"{path}?bench-autorun={last}", f"the last cell of /{path}"
        )
        deep.run.append(result["idle"])
        deep.run_ran = [cell for cell in result["ran"] if cell != cells[last][0]]
    deep.run_matplotlib = imports_matplotlib([sources[c] for c in [*deep.run_ran, cells[last][0]]])
    exercises = EXERCISE.findall((site / path / "index.html").read_text())
    if exercises:
        target = f"exercise-{exercises[-1]}"
        for _ in range(REPEATS):
            query = f"{path}?bench-autocheck={exercises[-1]}"
            result = timed(browser, base_url, query, f"the last exercise of /{path}")
            deep.check.append(result["judged"])
            deep.check_ran = [cell for cell in result["ran"] if cell != target]
        deep.check_matplotlib = imports_matplotlib([sources[c] for c in [*deep.check_ran, target]])
    return deep


def measure_deep(browser, base_url: str, site: Path) -> tuple[list[float], list[Deep]]:
    floors = [measure_floor(browser, base_url) for _ in range(REPEATS)]
    chapters = [
        page.url_path for page in nav_pages() if (site / page.url_path / "index.html").exists()
    ]
    deeps = []
    for path in chapters:
        if cells_of((site / path / "index.html").read_text()):
            deeps.append(measure_chapter(browser, base_url, site, path))
            print(f"  measured /{path}", flush=True)
    return floors, deeps


def deep_rows(floors: list[float], deeps: list[Deep]) -> list[tuple[str, ...]]:
    floor = median(floors)

    def ratio(times: list[float]) -> str:
        if not times:
            return "–"
        return f"{median(times) / floor:.2f}× (worst {max(times) / floor:.2f}×)"

    def ran(cells: list[str], matplotlib: bool) -> str:
        return f"{len(cells)} cells{', matplotlib' if matplotlib else ''}"

    rows = [
        ("Floor: bare page, Pyodide + numpy, 1+1 (navigation → result)", f"{floor:.0f} ms", "", "")
    ]
    for deep in deeps:
        run = f"Run last cell: {ratio(deep.run)}, ran {ran(deep.run_ran, deep.run_matplotlib)}"
        check = "no exercise"
        if deep.check:
            check = f"Check last exercise: {ratio(deep.check)}, ran "
            check += ran(deep.check_ran, deep.check_matplotlib)
        rows.append((f"/{deep.chapter}", run, check, ""))
    return rows


def main() -> None:
    from playwright.sync_api import sync_playwright

    from bench.browser.report import print_markdown
    from bookbuild.harness.browser import launch_chromium

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--url", required=True)
    arguments = parser.parse_args()
    with sync_playwright() as playwright, launch_chromium(playwright) as browser:
        floors, deeps = measure_deep(browser, arguments.url, arguments.site)
    print(f"Deep cells: headless Chromium, cold profile, medians of {REPEATS} runs")
    print_markdown(deep_rows(floors, deeps))


if __name__ == "__main__":
    main()
