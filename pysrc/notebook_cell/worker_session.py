"""The browser's adapter around run_cell: one namespace per page, results as JSON strings.

The worker (runtime/worker/worker.js) loads this package from the site's lock like `backprop`,
calls `configure` once, then, for each Run or Check, `plan` (which of the page's cells must run
first) and `run` for each of those cells and for the cell itself. Only strings cross to
JavaScript, no proxies. Printed text does not pass through here: sys.stdout and sys.stderr
stream to the page.

Each page keeps its namespace and its history (notebook_cell.page_plan: which runs made the
value of each name), so that a Run runs only what is missing. The book's modules are watched
(module_guard): a cell that changes one is told so; every check, and every other page, gets them
back as they were loaded.
"""

from __future__ import annotations

import json
import logging
import sys
import time

from .checks import run_check
from .dataflow import imported_packages
from .figures import ImageFormat
from .module_guard import ModuleGuard
from .page_defaults import matplotlib_settings, start_page, use_book_matplotlib_backend
from .page_plan import BARRIER, History, PageCell, PagePlanner
from .run import run_cell

IMAGES = ImageFormat(kind="png", png_dpi=100)
dumps = json.dumps  # the worker's answers keep the json the worker started with (module_guard)

namespaces: dict[str, dict] = {}
histories: dict[str, History] = {}
planners: dict[str, PagePlanner] = {}
current_page: list[str] = []
settings = {"available_packages": ()}
guard = ModuleGuard()


def configure(settings_json: str, flush_output=None) -> None:
    """Settings from the boot manifest; `flush_output()` sends printed text to the page now."""
    settings["available_packages"] = tuple(json.loads(settings_json)["available_packages"])
    use_book_matplotlib_backend()
    # Pyodide's first `import matplotlib` builds a font cache and says so on stderr; the reader's
    # output should be only what their code printed.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    if flush_output is not None:
        flush_before_sleeping(flush_output)
    guard.prepare({"notebook_cell", "json"})


def flush_before_sleeping(flush_output) -> None:
    """What a cell printed reaches the page before it sleeps (no output moves during a sleep)."""
    sleep = time.sleep

    def sleep_after_flushing(seconds):
        sys.stdout.flush()
        sys.stderr.flush()
        flush_output()
        sleep(seconds)

    time.sleep = sleep_after_flushing


def plan(page: str, cells_json: str, target: int, check: str | None = None) -> str:
    """The cells to run before cell `target` of the page (`cells_json`: each cell's id, code,
    declared needs and kind), as JSON: [{"index", "id", "names"}]. With an exercise's `check`,
    what the reader's code and the check read."""
    cells = [
        PageCell(
            cell["id"],
            cell["code"],
            tuple(cell.get("needs", ())),
            bool(cell.get("exercise")),
            bool(cell.get("expectsError")),
        )
        for cell in json.loads(cells_json)
    ]
    planners[page] = planner = PagePlanner(cells)
    code = None if check is None else f"{cells[target].code}\n{check}"
    steps = planner.plan(target, histories.setdefault(page, {}), code)
    return dumps([{"index": s.index, "id": s.id, "names": list(s.names)} for s in steps])


def run(page: str, code: str, filename: str, check: str | None = None, cell: int = -1) -> str:
    """Run a cell (number `cell` of the page's last plan); with `check` (an exercise's), check
    the reader's answer after it."""
    if current_page != [page]:
        enter_page(page)
    namespace = namespaces.setdefault(page, {"__name__": "__main__"})
    guard.prepare(imported_packages(code) | (imported_packages(check) if check else set()))
    rc_before = matplotlib_settings()
    result = run_cell(code, filename, namespace, IMAGES, settings["available_packages"])
    message = result.as_message()
    notices = changed_book_modules(guard.changes()) + changed_settings(rc_before)
    if check is not None and result.error is None:
        undone = guard.restore()
        if undone:
            forget_barriers()
            notices.append(
                f"The check used the book's own {', '.join(f'`{name}`' for name in undone)}, "
                "not your change to it."
            )
        message["check"] = run_check(check, namespace, filename).as_message()
    message["notices"] = notices
    record(page, cell, code, result)
    return dumps(message)


def record(page: str, cell: int, code: str, result) -> None:
    planner = planners.get(page)
    if planner is None or not 0 <= cell < len(planner.cells):
        return
    ok = not result.interrupted and (result.error is None or planner.cells[cell].expects_error)
    planner.record(histories.setdefault(page, {}), cell, code, ok)


def enter_page(page: str) -> None:
    """Another page runs now: the book's modules and the libraries' settings as they were."""
    start_page()
    if guard.restore():
        forget_barriers()
    current_page[:] = [page]


def forget_barriers() -> None:
    """What barrier cells did (a module or a setting changed) was undone: on every page, a cell
    that needs them runs them again."""
    for history in histories.values():
        if BARRIER in history:
            history[BARRIER] = (("", "undone"),)


def changed_book_modules(changed: list[str]) -> list[str]:
    if not changed:
        return []
    names = ", ".join(f"`{name}`" for name in changed)
    return [
        f"Your code changed {names}, part of the book's own code. The change holds for this page's "
        "cells until you press Forget these variables or run a cell on another page; exercise "
        "checks always use the book's own code."
    ]


def changed_settings(before: dict) -> list[str]:
    before = before or matplotlib_settings(defaults=True)  # the cell imported matplotlib
    after = matplotlib_settings()
    changed = sorted(key for key in after if before.get(key) != after[key])
    if not changed:
        return []
    shown = ", ".join(f"`{key}`" for key in changed[:5]) + (" and more" if len(changed) > 5 else "")
    return [
        f"Your code changed matplotlib's settings ({shown}): the plots of this page's later cells "
        "use them, until you press Forget these variables or open another page."
    ]


def restore_book_code() -> None:
    """The reader reset a cell that changed the book's modules: put them back."""
    if guard.restore():
        forget_barriers()


def forget(page: str) -> None:
    """The page's variables are dropped: its next cell starts from an empty namespace, and the
    book's modules are put back."""
    namespaces.pop(page, None)
    histories.pop(page, None)
    if guard.restore():
        forget_barriers()
