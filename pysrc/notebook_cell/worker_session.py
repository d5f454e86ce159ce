"""The browser's adapter around run_cell: one namespace per page, results as JSON strings.

The worker (runtime/worker/worker.js) loads this package from the site's lock like `backprop`,
calls `configure` once, then `run` for each cell. Only strings cross to JavaScript, no proxies.
Printed text does not pass through here: sys.stdout and sys.stderr stream to the page.
"""

from __future__ import annotations

import json
import logging
import sys
import time

from .checks import run_check
from .figures import ImageFormat
from .page_defaults import start_page, use_book_matplotlib_backend
from .run import run_cell

IMAGES = ImageFormat(kind="png", png_dpi=100)

namespaces: dict[str, dict] = {}
current_page: list[str] = []
settings = {"available_packages": ()}


def configure(settings_json: str, flush_output=None) -> None:
    """Settings from the boot manifest; `flush_output()` sends printed text to the page now."""
    settings["available_packages"] = tuple(json.loads(settings_json)["available_packages"])
    use_book_matplotlib_backend()
    # Pyodide's first `import matplotlib` builds a font cache and says so on stderr; the reader's
    # output should be only what their code printed.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    if flush_output is not None:
        flush_before_sleeping(flush_output)


def flush_before_sleeping(flush_output) -> None:
    """What a cell printed reaches the page before it sleeps (no output moves during a sleep)."""
    sleep = time.sleep

    def sleep_after_flushing(seconds):
        sys.stdout.flush()
        sys.stderr.flush()
        flush_output()
        sleep(seconds)

    time.sleep = sleep_after_flushing


def run(page: str, code: str, filename: str, check: str | None = None) -> str:
    """Run a cell; with `check` (an exercise's), check the reader's answer after it."""
    if current_page != [page]:
        start_page()
        current_page[:] = [page]
    namespace = namespaces.setdefault(page, {"__name__": "__main__"})
    result = run_cell(code, filename, namespace, IMAGES, settings["available_packages"])
    message = result.as_message()
    if check is not None and result.error is None:
        message["check"] = run_check(check, namespace, filename).as_message()
    return json.dumps(message)


def forget(page: str) -> None:
    """The page's variables are dropped: its next cell starts from an empty namespace."""
    namespaces.pop(page, None)
