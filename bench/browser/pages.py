"""One fresh browser context per measurement (a cold HTTP cache), and reading results from it."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from bookbuild.harness.browser import confine_to_origin
from bookbuild.harness.reader_actions import record_page_errors

RECORDER = (Path(__file__).parent / "recorder.js").read_text()
TIMEOUT_MS = 180_000


@contextlib.contextmanager
def fresh_page(browser, *, confined_to: str | None = None, service_worker: bool = False):
    """A new context (cold HTTP cache) and page, with the recorder installed.

    Timed runs are not routed through confine_to_origin: Playwright routing sends every request
    through this process and disables the HTTP cache, which would slow what is being timed.
    They record other-origin requests instead (there should be none). The service worker is
    blocked (a first visit's, cold, like the floor's) unless `service_worker`.
    """
    workers = "allow" if service_worker else "block"
    context = browser.new_context(viewport={"width": 1100, "height": 900}, service_workers=workers)
    context.add_init_script(RECORDER)
    foreign: list[str] = []
    if confined_to:
        confine_to_origin(context, confined_to, foreign)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.errors = record_page_errors(page)
    page.foreign = foreign
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
    # A blob: URL the page made itself (an explorable's SVG) has the page's origin after "blob:".
    def note(request):
        if not request.url.removeprefix("blob:").startswith(base_url):
            page.foreign.append(request.url)

    page.context.on("request", note)


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
