"""The build-time limit on one cell: a cell that runs longer is stopped, and the build fails.

SIGALRM interrupts the cell's Python code, a sleep included, with CellTimeout. It is a
BaseException, so a cell's own `except Exception` does not swallow it, and it is raised again
every second until the cell gives up. Signals reach only the main thread, which is where MkDocs
builds, both in `mkdocs build` and in `mkdocs serve`'s rebuilds; in any other thread (or without
SIGALRM) cells run without a limit. A long call inside numpy's C code is stopped when it returns.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass

REPEAT_SECONDS = 1.0


class CellTimeout(BaseException):
    """Raised into a cell that ran past its limit."""


@dataclass
class TimeLimit:
    seconds: float | None
    fired: bool = False


def can_limit() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[TimeLimit]:
    """Run the block with a limit of `seconds` (None: no limit); `.fired` says if it was hit.

    A CellTimeout that escapes the cell (it fired as the cell was ending) is absorbed here.
    """
    limit = TimeLimit(seconds)
    if not seconds or not can_limit():
        yield limit
        return

    def interrupt(signum, frame):
        limit.fired = True
        raise CellTimeout(f"the cell ran for more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
    try:
        yield limit
    except CellTimeout:
        limit.fired = True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
