"""The browser measurements: Python's boot, cell runs, navigation, long tasks and page weight.

Times come from performance.now() inside the page (milliseconds since navigation start), so
Playwright's own latency is not counted. Clicks are issued in the page (element.click()).
"""

from __future__ import annotations

import gzip
import os
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from statistics import median

from bench.browser.pages import (
    TIMEOUT_MS,
    await_in_page,
    check_clean,
    fresh_page,
    kept_result,
    long_tasks_between,
    note_other_origins,
)
from bookbuild.harness.reader_actions import cell, type_code

REPEATS = int(os.environ.get("BENCH_REPEATS", "5"))
SETTLE_MS = 500  # after typing into an editor, before a timed click, as a reader would pause
BUSY_SECONDS = 2
BUSY_CELL = f"import time\nt = time.time()\nwhile time.time() - t < {BUSY_SECONDS}:\n    pass"
# From the pointer entering the first cell (Python starts) to the click on Run: the time a
# reader's hand takes from the code to the button.
HOVER_TO_CLICK_MS = 500


def measure_floor(browser, base_url: str) -> float:
    """Navigation start -> 1+1 from Pyodide + numpy in a bare page's worker, in ms."""
    with fresh_page(browser) as page:
        note_other_origins(page, base_url)
        page.goto(base_url + "bench-floor.html")
        page.wait_for_function("window.__floor", polling=100, timeout=TIMEOUT_MS)
        floor = page.evaluate("window.__floor")
        check_clean(page, base_url, "floor")
    if floor.get("result") != "2":
        sys.exit(f"the floor page failed: {floor}")
    return floor["at"]


@dataclass
class BookRun:
    first_from_navigation: float = 0.0
    first_from_click: float = 0.0
    to_click: float = 0.0  # navigation start -> the Run click (the page loaded, cells attached)
    second: list[float] = field(default_factory=list)
    next_chapter: float = 0.0  # Next click -> the next chapter's first cell's output
    next_run: float = 0.0  # that cell's Run click -> its output
    next_rerun: float = 0.0
    workers_created: int = 0
    load_long_tasks: list[float] = field(default_factory=list)
    boot_long_tasks: list[float] = field(default_factory=list)
    busy_long_tasks: list[float] = field(default_factory=list)
    idle_long_tasks: list[float] = field(default_factory=list)  # the same span, no cell running
    busy_seconds: float = 0.0
    warm: float = 0.0  # a second visit in a new tab, service worker active: Run click -> output


def measure_first_result(page, base_url: str, chapter: str, run: BookRun) -> None:
    """At DOMContentLoaded the pointer enters the first cell, and Run is clicked
    HOVER_TO_CLICK_MS later: navigation start -> output, and Run click -> output."""
    page.goto(f"{base_url}{chapter}?bench-autorun=0&bench-hover={HOVER_TO_CLICK_MS}",
              wait_until="commit")  # fmt: skip
    page.wait_for_function("window.__bench?.kept", polling=100, timeout=TIMEOUT_MS)
    first = kept_result(page, f"the first cell of /{chapter}")
    run.first_from_navigation = first["idle"]
    run.first_from_click = first["idle"] - first["click"]
    run.to_click = first["click"]
    run.load_long_tasks = long_tasks_between(page, 0, first["click"])
    run.boot_long_tasks = long_tasks_between(page, first["click"], first["idle"])
    if not first["output"].strip():
        sys.exit(f"the first cell of {chapter} gave no output")


def type_into_cell(page, cell_index: int, code: str) -> None:
    """Type a cell's code as a reader would, then pause as a reader would before clicking."""
    type_code(page, cell(page, cell_index), code)
    page.wait_for_timeout(SETTLE_MS)


def run_cell(page, cell_index: int) -> dict:
    expression = "window.__bench.run(window.__bench.cell(arg))"
    return await_in_page(page, f"cell {cell_index + 1}", expression, cell_index)


def measure_second_result(page, run: BookRun) -> None:
    """A trivial cell (1+1) once Python is ready: click -> output, several times."""
    type_into_cell(page, 1, "1+1")
    for _ in range(REPEATS):
        times = run_cell(page, 1)
        if times["output"].strip().splitlines()[-1] != "2":
            sys.exit(f"1+1 gave {times['output']!r}")
        run.second.append(times["idle"] - times["click"])


def measure_next_chapter(page, following: str, run: BookRun) -> None:
    """Next (instant navigation), then Run on the next chapter's first cell: click -> output."""
    times = await_in_page(page, "Next, then Run", "window.__bench.nextAndRun(0)")
    if times["path"].strip("/") != following.strip("/"):
        sys.exit(f"Next led to {times['path']}, not /{following}")
    run.next_chapter = times["idle"] - times["start"]
    run.next_run = times["idle"] - times["click"]
    again = run_cell(page, 0)  # the same cell with everything loaded: its own cost
    run.next_rerun = again["idle"] - again["click"]
    run.workers_created = page.evaluate("window.__backpropRuntime.workersCreated")


def measure_busy_cell(page, run: BookRun) -> None:
    """Long tasks on the main thread while a cell computes for BUSY_SECONDS, and, as a control,
    over as long a span with nothing running (long tasks there are not Python's)."""
    type_into_cell(page, 0, BUSY_CELL)
    times = run_cell(page, 0)
    run.busy_seconds = (times["idle"] - times["click"]) / 1000
    run.busy_long_tasks = long_tasks_between(page, times["click"], times["idle"])
    start = page.evaluate("performance.now()")
    page.wait_for_timeout(BUSY_SECONDS * 1000)
    run.idle_long_tasks = long_tasks_between(page, start, page.evaluate("performance.now()"))


def measure_book(browser, base_url: str, chapter: str, following: str) -> BookRun:
    run = BookRun()
    with fresh_page(browser) as page:
        note_other_origins(page, base_url)
        measure_first_result(page, base_url, chapter, run)
        measure_second_result(page, run)
        measure_next_chapter(page, following, run)
        measure_busy_cell(page, run)
        check_clean(page, base_url, "book")
    if run.workers_created != 1:
        sys.exit(f"instant navigation booted Python again: {run.workers_created} workers")
    return run


def measure_warm_first_result(browser, base_url: str, chapter: str) -> float:
    """A second visit: after one visit that ran a cell and let the service worker keep Python,
    a new tab opens the chapter; Run click -> output (with the same hover before the click)."""
    with fresh_page(browser, service_worker=True) as page:
        note_other_origins(page, base_url)
        page.goto(base_url + chapter)
        run_cell(page, 0)
        page.wait_for_function(
            """async () => { if (!navigator.serviceWorker.controller) return false;
                 const name = (await caches.keys()).find((key) => key.startsWith('pyodide-'));
                 return !!name && (await (await caches.open(name)).keys())
                   .some((request) => request.url.endsWith('.wasm')); }""",
            polling=500,
            timeout=TIMEOUT_MS,
        )
        second = page.context.new_page()
        second.set_default_timeout(TIMEOUT_MS)
        second.goto(f"{base_url}{chapter}?bench-autorun=0&bench-hover={HOVER_TO_CLICK_MS}",
                    wait_until="commit")  # fmt: skip
        second.wait_for_function("window.__bench?.kept", polling=100, timeout=TIMEOUT_MS)
        first = kept_result(second, f"the first cell of /{chapter}, warm")
        check_clean(page, base_url, "warm first result")
    return first["idle"] - first["click"]


def measure_checks(browser, base_url: str, chapter: str, exercise_id: str) -> list[float]:
    """Check on an exercise, warm worker (after a first check): click -> feedback, in ms."""
    with fresh_page(browser) as page:
        note_other_origins(page, base_url)
        page.goto(base_url + chapter)
        expression = (
            f"window.__bench.check(document.querySelector('[data-exercise=\"{exercise_id}\"]'))"
        )
        await_in_page(page, "the first check", expression)  # boots Python
        times = []
        for _ in range(REPEATS):
            judged = await_in_page(page, "a check", expression)
            times.append(judged["judged"] - judged["click"])
        check_clean(page, base_url, "checks")
    return times


@dataclass
class Resource:
    url: str
    kind: str  # Playwright's resource type: document, script, stylesheet, font, xhr...
    raw: int
    gzipped: int


@dataclass
class PageWeight:
    path: str
    resources: list[Resource]
    long_tasks: list[float]

    @property
    def raw_total(self) -> int:
        return sum(resource.raw for resource in self.resources)

    @property
    def gzip_total(self) -> int:
        return sum(resource.gzipped for resource in self.resources)

    @property
    def wasm_requests(self) -> list[str]:
        return [r.url for r in self.resources if r.url.split("?")[0].endswith(".wasm")]

    def by_kind(self) -> dict[str, tuple[int, int]]:
        totals = defaultdict(lambda: (0, 0))
        for r in self.resources:
            raw, gzipped = totals[r.kind]
            totals[r.kind] = (raw + r.raw, gzipped + r.gzipped)
        return dict(totals)


def measure_page_weight(browser, base_url: str, path: str) -> PageWeight:
    """Every response of a page loaded untouched (cold cache, served uncompressed)."""
    with fresh_page(browser, confined_to=base_url) as page:
        responses = []
        page.context.on("response", lambda response: responses.append(response))
        page.goto(base_url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1000)  # let late work (the search worker's index) land
        resources = []
        for response in responses:
            body = response.body()
            kind = response.request.resource_type
            url = response.url.removeprefix(base_url)
            resources.append(Resource(url, kind, len(body), len(gzip.compress(body))))
        long_tasks = long_tasks_between(page, 0, float("inf"))
        check_clean(page, base_url, f"weight of /{path}")
    return PageWeight("/" + path, resources, long_tasks)


def measure_all(browser, base_url: str, chapter: str, following: str, pages: list[str]):
    floors, runs = [], []
    for repeat in range(REPEATS):  # interleaved, so load on the machine hits both alike
        floors.append(measure_floor(browser, base_url))
        runs.append(measure_book(browser, base_url, chapter, following))
        runs[-1].warm = measure_warm_first_result(browser, base_url, chapter)
        print(
            f"run {repeat + 1}: floor {floors[-1]:.0f} ms, first result "
            f"{runs[-1].first_from_navigation:.0f} ms "
            f"(click → output {runs[-1].first_from_click:.0f} ms), second "
            f"{median(runs[-1].second):.1f} ms, next chapter {runs[-1].next_chapter:.0f} ms, "
            f"{BUSY_SECONDS} s cell took {runs[-1].busy_seconds:.2f} s",
            flush=True,
        )
    weights = [measure_page_weight(browser, base_url, path) for path in pages]
    return floors, runs, weights
