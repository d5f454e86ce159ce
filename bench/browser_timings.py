"""Time the book in headless Chromium: Python's boot, cell runs, navigation, long tasks, weight.

Run with `python -m bench.browser_timings` (or `make bench`). It builds the site into a temporary
directory, serves it on 127.0.0.1 without compression, and measures, each in a fresh browser
context (a cold HTTP cache):

    floor          a bare page whose Web Worker loads the site's own Pyodide and numpy and
                   runs 1+1: what any page needs at least (navigation start -> result)
    first result   the book: Run clicked on a chapter's first cell the moment its button exists
                   (at DOMContentLoaded), navigation start -> the cell is idle with its output;
                   the ratio to the floor compares the same span
    second result  a trivial cell (1+1) once Python is ready: click -> output
    next chapter   the footer's Next link (instant navigation), then Run on that chapter's first
                   cell: click on Next -> output, with no second worker
    long tasks     main-thread tasks over 50 ms: page load, boot, a cell that computes for 2 s,
                   and as a control 2 s with nothing running (long tasks there are not Python's)
    page weight    bytes of every response of a page before any interaction

The site is served before it is built, and built for that address: Material's instant
navigation only follows links listed in sitemap.xml, port included.

Times come from performance.now() inside the page (milliseconds since navigation start), so
Playwright's own latency is not counted. Clicks are issued in the page (element.click()).
BENCH_REPEATS sets how many times each timing is repeated (default 5); medians are reported.
"""

from __future__ import annotations

import ast
import contextlib
import gzip
import os
import re
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

from playwright.sync_api import sync_playwright

from bookbuild import site_build
from bookbuild.browser import confine_to_origin, launch_chromium
from bookbuild.static_server import serve_directory

ROOT = Path(__file__).resolve().parents[1]
REPEATS = int(os.environ.get("BENCH_REPEATS", "5"))
TIMEOUT_MS = 180_000
SETTLE_MS = 500  # after typing into an editor, before a timed click, as a reader would pause
BUSY_SECONDS = 2
BUSY_CELL = f"import time\nt = time.time()\nwhile time.time() - t < {BUSY_SECONDS}:\n    pass"
FIRST_CELL_IMPORTS = {"numpy", "backprop"}  # a fair comparison with the floor: no matplotlib
TARGETS = {
    "first_ratio": 1.15,
    "second_ms": 100,
    "next_ms": 150,
    "page_bytes": 1_000_000,
}

FLOOR_PAGE = """<!doctype html>
<meta charset="utf-8">
<title>Pyodide floor</title>
<script>
  const worker = new Worker("bench-floor-worker.js", { type: "module" });
  worker.onmessage = ({ data }) => { window.__floor = { ...data, at: performance.now() }; };
</script>
"""

FLOOR_WORKER = """// Pyodide and numpy, as the book's worker loads them, and nothing else.
try {
  const indexURL = new URL("assets/generated/pyodide/", self.location.href).href;
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL, lockFileURL: `${indexURL}pyodide-lock.json` });
  await pyodide.loadPackage("numpy", { messageCallback: () => {} });
  self.postMessage({ result: String(pyodide.runPython("1+1")) });
} catch (error) {
  self.postMessage({ error: String(error) });
}
"""

# Added to every page before its own scripts: records long tasks and offers timed clicks.
# With ?bench-autorun=N in the URL it clicks Run on cell N as soon as that button exists.
RECORDER = """(() => {
  if (window.__bench) return;
  const bench = (window.__bench = { longTasks: [], first: null });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: "longtask", buffered: true });
  } catch (error) {
    bench.longTaskError = String(error);
  }

  // Resolves with check()'s first truthy result, checked again after every DOM change.
  bench.waitFor = (check, target = document, options = { childList: true, subtree: true }) =>
    new Promise((resolve) => {
      const found = check();
      if (found) return resolve(found);
      const observer = new MutationObserver(() => {
        const found = check();
        if (found) {
          observer.disconnect();
          resolve(found);
        }
      });
      observer.observe(target, options);
    });

  bench.cell = (index) => document.querySelectorAll("[data-cell]")[index] || null;
  const runButton = (cell) => cell?.querySelector(".bp-button--run") || null;
  const liveText = (cell) => cell.querySelector(".bp-cell__live")?.innerText || "";

  // Click Run (the cell turns busy synchronously); resolve when it is idle with its output.
  bench.run = async (cell) => {
    const click = performance.now();
    runButton(cell).click();
    const idle = await bench.waitFor(
      () => !cell.hasAttribute("aria-busy") && performance.now(),
      cell,
      { attributes: true, attributeFilter: ["aria-busy"] },
    );
    return { click, idle, output: liveText(cell) };
  };

  // Footer's Next link (instant navigation), then Run on cell `index` of the new page.
  bench.nextAndRun = async (index) => {
    const old = bench.cell(index);
    const start = performance.now();
    document.querySelector("a.md-footer__link--next").click();
    const cell = await bench.waitFor(() => {
      const candidate = bench.cell(index);
      return candidate !== old && runButton(candidate) ? candidate : null;
    });
    return { start, path: location.pathname, ...(await bench.run(cell)) };
  };

  // Keep a promise's outcome for Python to poll (page.evaluate would wait without a timeout).
  bench.keep = (promise) => {
    bench.kept = { pending: true };
    promise.then(
      (value) => (bench.kept = { value }),
      (error) => (bench.kept = { error: String(error) }),
    );
  };

  const autorun = new URLSearchParams(location.search).get("bench-autorun");
  if (autorun !== null) {
    const cell = () => bench.cell(Number(autorun));
    bench.keep(bench.waitFor(() => runButton(cell())).then(() => bench.run(cell())));
  }
})();
"""


# ---------------------------------------------------------------- the site


def build_site(target: Path, base_url: str) -> None:
    """`mkdocs build --strict` into target, for base_url, plus the floor page.

    SITE_URL must be the address the site is served at: Material's instant navigation only
    intercepts links found in sitemap.xml, and it matches their port too.
    """
    result = site_build.build_site(target, site_url=base_url)
    if result.returncode != 0:
        sys.exit(f"mkdocs build --strict failed:\n{(result.stdout + result.stderr)[-4000:]}")
    (target / "bench-floor.html").write_text(FLOOR_PAGE)
    (target / "bench-floor-worker.js").write_text(FLOOR_WORKER)


def first_cell_imports(page_html: str) -> set[str] | None:
    """Top-level modules imported by the page's first cell; None if the page has no cell."""
    source = re.search(r'data-source="([^"]*)"', page_html)
    if not source:
        return None
    tree = ast.parse(unescape(source.group(1)))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def next_page(site: Path, page: str) -> str | None:
    """The page the footer's Next link of `page` ("" for the index, "name/") leads to."""
    html = (site / page / "index.html").read_text()
    link = re.search(r'<a href="([^"]+)"[^>]*class="md-footer__link md-footer__link--next"', html)
    if not link:
        return None
    following = os.path.normpath(os.path.join(page, link.group(1))).strip("/") + "/"
    return following if (site / following / "index.html").exists() else None


def choose_chapters(site: Path) -> tuple[str, str]:
    """In reading order, the first chapter whose first cell, like the next chapter's, imports
    only numpy and backprop (so the first run loads what the floor loads)."""
    page = ""
    while (following := next_page(site, page)) is not None:
        here = first_cell_imports((site / page / "index.html").read_text())
        there = first_cell_imports((site / following / "index.html").read_text())
        if here is not None and there is not None and (here | there) <= FIRST_CELL_IMPORTS:
            return page, following
        page = following
    sys.exit("no chapter whose first cell (and the next chapter's) imports only numpy/backprop")


# ---------------------------------------------------------------- one browser context each


@contextlib.contextmanager
def fresh_page(browser, *, confined_to: str | None = None):
    """A new context (cold HTTP cache) and page, with the recorder installed.

    Timed runs are not routed through confine_to_origin: Playwright routing sends every request
    through this process and disables the HTTP cache, which would slow what is being timed.
    They record other-origin requests instead (there should be none).
    """
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    context.add_init_script(RECORDER)
    foreign: list[str] = []
    if confined_to:
        confine_to_origin(context, confined_to, foreign)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.errors = []
    page.foreign = foreign
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    try:
        yield page
    finally:
        context.close()


def check_clean(page, base_url: str, what: str) -> None:
    problems = list(page.errors)
    problems += [url for url in page.foreign if not url.startswith(base_url)]
    if problems:
        print(f"  warning ({what}): {problems[:5]}")


def note_other_origins(page, base_url: str) -> None:
    page.context.on(
        "request", lambda r: None if r.url.startswith(base_url) else page.foreign.append(r.url)
    )


# ---------------------------------------------------------------- the measurements


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
    next_chapter: float = 0.0
    next_rerun: float = 0.0
    workers_created: int = 0
    load_long_tasks: list[float] = field(default_factory=list)
    boot_long_tasks: list[float] = field(default_factory=list)
    busy_long_tasks: list[float] = field(default_factory=list)
    idle_long_tasks: list[float] = field(default_factory=list)  # the same span, no cell running
    busy_seconds: float = 0.0


def kept_result(page, what: str):
    """The outcome of the promise the page passed to __bench.keep, waiting at most TIMEOUT_MS.

    A page that reloads loses its __bench.kept: that ends the wait at once, as an error.
    """
    # Polled every 100 ms, not every frame: the times themselves are taken inside the page.
    page.wait_for_function("!window.__bench?.kept?.pending", polling=100, timeout=TIMEOUT_MS)
    kept = page.evaluate("window.__bench.kept")
    if kept is None or "error" in kept:
        sys.exit(f"{what}: {kept['error'] if kept else 'the page reloaded'}")
    return kept["value"]


def await_in_page(page, what: str, expression: str, arg=None):
    page.evaluate(f"(arg) => window.__bench.keep({expression})", arg)
    return kept_result(page, what)


def long_tasks_between(page, start: float, end: float) -> list[float]:
    tasks = page.evaluate("window.__bench.longTasks")
    return [task["duration"] for task in tasks if start <= task["start"] < end]


def measure_first_result(page, base_url: str, chapter: str, run: BookRun) -> None:
    """Run on the chapter's first cell at DOMContentLoaded; navigation start -> output."""
    page.goto(f"{base_url}{chapter}?bench-autorun=0", wait_until="commit")
    page.wait_for_function("window.__bench?.kept", polling=100, timeout=TIMEOUT_MS)
    first = kept_result(page, f"the first cell of /{chapter}")
    run.first_from_navigation = first["idle"]
    run.first_from_click = first["idle"] - first["click"]
    run.to_click = first["click"]
    run.load_long_tasks = long_tasks_between(page, 0, first["click"])
    run.boot_long_tasks = long_tasks_between(page, first["click"], first["idle"])
    if not first["output"].strip():
        sys.exit(f"the first cell of {chapter} gave no output")


def type_code(page, cell_index: int, code: str) -> None:
    """Replace a cell's code as a reader would: focus its editor, select all, type."""
    cell = page.locator("[data-cell]").nth(cell_index)
    cell.get_by_role("textbox").click()  # the first focus loads the editor in its place
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code)
    page.wait_for_timeout(SETTLE_MS)


def run_cell(page, cell_index: int) -> dict:
    expression = "window.__bench.run(window.__bench.cell(arg))"
    return await_in_page(page, f"cell {cell_index + 1}", expression, cell_index)


def measure_second_result(page, run: BookRun) -> None:
    """A trivial cell (1+1) once Python is ready: click -> output, several times."""
    type_code(page, 1, "1+1")
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
    again = run_cell(page, 0)  # the same cell with everything loaded: its own cost
    run.next_rerun = again["idle"] - again["click"]
    run.workers_created = page.evaluate("window.__backpropRuntime.workersCreated")


def measure_busy_cell(page, run: BookRun) -> None:
    """Long tasks on the main thread while a cell computes for BUSY_SECONDS, and, as a control,
    over as long a span with nothing running (long tasks there are not Python's)."""
    type_code(page, 0, BUSY_CELL)
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


# ---------------------------------------------------------------- the report


def median(values) -> float:
    return statistics.median(values) if values else 0.0


def kilobytes(count: int) -> str:
    return f"{count / 1000:,.0f} kB"


def describe_long_tasks(per_run: list[list[float]]) -> str:
    counts = [len(tasks) for tasks in per_run]
    durations = sorted(duration for tasks in per_run for duration in tasks)
    if not durations:
        return f"none ({len(per_run)} run{'s' if len(per_run) > 1 else ''})"
    return f"per run {counts}; {median(durations):.0f} ms median, {durations[-1]:.0f} ms longest"


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def timing_rows(floors, runs, chapter, following) -> list[tuple[str, str, str, str]]:
    floor = median(floors)
    ratio = median([run.first_from_navigation for run in runs]) / floor
    second = median([duration for run in runs for duration in run.second])
    following_ms = median([run.next_chapter for run in runs])
    one_worker = all(run.workers_created == 1 for run in runs)
    first_ms = median([run.first_from_navigation for run in runs])
    return [
        ("Floor: bare page, Pyodide + numpy, 1+1 (navigation → result)", f"{floor:.0f} ms", "", ""),
        (f"First result: /{chapter} cell 1 (navigation → output)", f"{first_ms:.0f} ms", "", ""),
        (
            "First result ÷ floor (both navigation → output)",
            f"{ratio:.2f}",
            f"≤ {TARGETS['first_ratio']}",
            verdict(ratio <= TARGETS["first_ratio"]),
        ),
        (
            "of which navigation → Run click (DOMContentLoaded, cells attached)",
            f"{median([run.to_click for run in runs]):.0f} ms",
            "",
            "",
        ),
        (
            "of which Run click → output (boot + the cell)",
            f"{median([run.first_from_click for run in runs]):.0f} ms",
            "",
            "",
        ),
        (
            "Second result: 1+1 (click → output)",
            f"{second:.1f} ms",
            f"< {TARGETS['second_ms']} ms",
            verdict(second < TARGETS["second_ms"]),
        ),
        (
            f"Next chapter: Next click → /{following} cell 1 output",
            f"{following_ms:.0f} ms",
            f"< {TARGETS['next_ms']} ms, 1 worker",
            verdict(following_ms < TARGETS["next_ms"] and one_worker),
        ),
        (
            "of which that cell's own run (run again: click → output)",
            f"{median([run.next_rerun for run in runs]):.0f} ms",
            "",
            "",
        ),
    ]


def long_task_rows(runs) -> list[tuple[str, str, str, str]]:
    busy = [run.busy_long_tasks for run in runs]
    idle = [run.idle_long_tasks for run in runs]
    busy_count, idle_count = sum(map(len, busy)), sum(map(len, idle))
    return [
        (
            "Long tasks > 50 ms: page load, before the Run click",
            describe_long_tasks([run.load_long_tasks for run in runs]),
            "",
            "",
        ),
        (
            "Long tasks > 50 ms: Run click → first output (boot)",
            describe_long_tasks([run.boot_long_tasks for run in runs]),
            "0 from Python",
            "",
        ),
        (
            f"Long tasks > 50 ms: during a {BUSY_SECONDS} s cell",
            describe_long_tasks(busy),
            "0 from Python",
            verdict(busy_count == 0 or busy_count <= idle_count),
        ),
        (
            f"Long tasks > 50 ms: control, {BUSY_SECONDS} s with nothing running",
            describe_long_tasks(idle),
            "",
            "",
        ),
    ]


def weight_rows(weights) -> list[tuple[str, str, str, str]]:
    rows = []
    for weight in weights:
        fits = weight.raw_total < TARGETS["page_bytes"] and not weight.wasm_requests
        wasm = f", {len(weight.wasm_requests)} .wasm" if weight.wasm_requests else ", no .wasm"
        rows.append(
            (
                f"Page weight {weight.path} before interaction (raw; gzip estimate)",
                f"{kilobytes(weight.raw_total)}; {kilobytes(weight.gzip_total)}{wasm}",
                "< 1 MB, no .wasm",
                verdict(fits),
            )
        )
        rows.append(
            (
                f"Long tasks > 50 ms: loading {weight.path} alone",
                describe_long_tasks([weight.long_tasks]),
                "",
                "",
            )
        )
    return rows


def print_weight_breakdown(weight: PageWeight, largest: int = 8) -> None:
    print(f"{weight.path}: {kilobytes(weight.raw_total)} raw, {kilobytes(weight.gzip_total)} gzip")
    for kind, (raw, gzipped) in sorted(weight.by_kind().items(), key=lambda item: -item[1][0]):
        print(f"    {kind:<12} {kilobytes(raw):>9} raw {kilobytes(gzipped):>9} gzip")
    print("  largest:")
    for r in sorted(weight.resources, key=lambda r: -r.raw)[:largest]:
        print(f"    {kilobytes(r.raw):>9} raw {kilobytes(r.gzipped):>9} gzip  /{r.url}")
    if weight.wasm_requests:
        print(f"    .wasm requested before any interaction: {weight.wasm_requests}")


def print_markdown(rows) -> None:
    print("| Measure | Median | Target | |")
    print("|---|---|---|---|")
    for measure, value, target, status in rows:
        print(f"| {measure.strip()} | {value} | {target} | {status} |")


def measure_all(browser, base_url: str, chapter: str, following: str):
    floors, runs = [], []
    for repeat in range(REPEATS):  # interleaved, so load on the machine hits both alike
        floors.append(measure_floor(browser, base_url))
        runs.append(measure_book(browser, base_url, chapter, following))
        print(
            f"run {repeat + 1}: floor {floors[-1]:.0f} ms, first result "
            f"{runs[-1].first_from_navigation:.0f} ms "
            f"(click → output {runs[-1].first_from_click:.0f} ms), second "
            f"{median(runs[-1].second):.1f} ms, next chapter {runs[-1].next_chapter:.0f} ms, "
            f"{BUSY_SECONDS} s cell took {runs[-1].busy_seconds:.2f} s",
            flush=True,
        )
    weights = [measure_page_weight(browser, base_url, path) for path in ["", chapter]]
    return floors, runs, weights


def main():
    with tempfile.TemporaryDirectory(prefix="bench-site-") as directory:
        site = Path(directory)
        # Served before it is built, so that the build knows its address (see build_site).
        with serve_directory(site) as base_url:
            started = time.perf_counter()
            build_site(site, base_url)
            chapter, following = choose_chapters(site)
            print(
                f"Site built in {time.perf_counter() - started:.0f} s; "
                f"first result on /{chapter}, next chapter /{following}",
                flush=True,
            )
            with sync_playwright() as playwright, launch_chromium(playwright) as browser:
                floors, runs, weights = measure_all(browser, base_url, chapter, following)
    print()
    for weight in weights:
        print_weight_breakdown(weight)
    print()
    print(f"Browser timings: headless Chromium, 127.0.0.1, cold cache, medians of {REPEATS} runs")
    print()
    print_markdown(
        timing_rows(floors, runs, chapter, following) + long_task_rows(runs) + weight_rows(weights)
    )


if __name__ == "__main__":
    main()
