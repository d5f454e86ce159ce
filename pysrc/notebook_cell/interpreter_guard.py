"""What one cell may break for the cells after it, put back when it ends.

A cell can do anything to its own interpreter. Most of it is the reader's business (their
variables, their modules), but a few things would silently break every later cell, or the cell
runner itself: replacing sys.stdout or sys.stderr, deleting or replacing a builtin, emptying
sys.path, removing modules from sys.modules (numpy cannot be imported twice in one process).
Those are restored after every cell. Reading input() has no keyboard behind it, so it
raises an error that says so instead of waiting (at build time) or failing obscurely (browser).
"""

from __future__ import annotations

import builtins
import contextlib
import gc
import sys
import types
from collections.abc import Iterator

from .tracebacks import InputNotAvailableError

PRISTINE_BUILTINS = dict(vars(builtins))  # as they were when the book's Python started
MISSING = object()


class NoKeyboard:
    """sys.stdin while a cell runs: input() reads a line from it, which cannot be done here."""

    def readline(self, *args) -> str:
        raise InputNotAvailableError()

    read = readlines = readline

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError("cells have no standard input")


@contextlib.contextmanager
def guarded_interpreter() -> Iterator[None]:
    """Run a cell; afterwards restore the streams, the builtins and sys.path as they were."""
    streams = sys.stdout, sys.stderr, sys.stdin
    path = list(sys.path)
    modules = dict(sys.modules)
    sys.stdin = NoKeyboard()
    try:
        yield
    finally:
        with contextlib.suppress(Exception):  # a stream the cell replaced may fail to flush
            sys.stdout.flush()
            sys.stderr.flush()
        sys.stdout, sys.stderr, sys.stdin = streams
        if not sys.path:
            sys.path[:] = path
        if any(name not in sys.modules for name in modules):
            restore_modules(modules)
        restore_builtins()


def restore_modules(before: dict) -> None:
    """Put back the modules a cell removed from sys.modules: those loaded before it, and those it
    loaded itself (found among the live objects: removed, they are still in use)."""
    for name, module in before.items():
        sys.modules.setdefault(name, module)
    for module in gc.get_objects():
        if isinstance(module, types.ModuleType) and isinstance(
            getattr(module, "__name__", None), str
        ):
            sys.modules.setdefault(module.__name__, module)


def restore_builtins() -> None:
    current = vars(builtins)
    for name, value in PRISTINE_BUILTINS.items():
        if current.get(name, MISSING) is not value:
            current[name] = value
