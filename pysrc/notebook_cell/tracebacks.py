"""Tracebacks trimmed to the reader's code, and a plain-words hint for the usual surprises.

The traceback starts at the first frame of the reader's cell; a numpy shape or broadcasting
error ends with what it means in plain words, with the shapes (shape_errors.py). Frames in
library code show the module's path relative to `sys.path` (`backprop/layers.py`) and no source
line: the browser's wheels are compiled, so they have none, and a traceback should read the same
at build time and in the browser. Frames of this package (the cell runner itself) are left out:
they are not the reader's concern.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import PurePath

from .shape_errors import explain_shape_error

PACKAGE = __name__.partition(".")[0]


class InputNotAvailableError(RuntimeError):
    """input() in a cell: there is no keyboard to read from."""

    __module__ = "builtins"  # shown as `InputNotAvailableError: ...`, like Python's own errors

    def __init__(self) -> None:
        super().__init__(
            "cells cannot read input: input() has no keyboard to read from here. "
            'Assign the value in the code instead, e.g. name = "Ada" or n = 5.'
        )


def trimmed_traceback(error: BaseException, filename: str) -> str:
    """The traceback from the first frame of the reader's cell onwards."""
    frames = traceback.extract_tb(error.__traceback__)
    first = next((i for i, frame in enumerate(frames) if frame.filename == filename), len(frames))
    shown = traceback.StackSummary.from_list(
        [
            frame
            if frame.filename == filename
            else (relative_module_path(frame.filename), frame.lineno, frame.name, "")
            for frame in frames[first:]
            if not is_own_frame(frame.filename)
        ]
    )
    lines = ["Traceback (most recent call last):\n"] if shown else []
    lines += shown.format()
    lines += traceback.format_exception_only(type(error), error)
    shape_error = explain_shape_error(error)
    if shape_error is not None:
        lines.append(shape_error.explanation + "\n")
    return "".join(lines)


def is_own_frame(path: str) -> bool:
    """A frame of this package (compiled wheels keep only a relative path in their frames)."""
    return PurePath(path).parent.name == PACKAGE


def relative_module_path(path: str) -> str:
    roots = sorted((entry for entry in sys.path if entry and path.startswith(entry)), key=len)
    return path[len(roots[-1]) :].lstrip("/") if roots else path


def hint_for(error: BaseException, available_packages: tuple[str, ...]) -> str:
    """One more line for errors whose cause is the book's setting, not the reader's code."""
    if isinstance(error, ModuleNotFoundError) and available_packages:
        top_level = (error.name or "").partition(".")[0]
        if top_level and top_level not in available_packages:
            return (
                f"This book's Python has {', '.join(available_packages)} and the standard "
                "library; other packages cannot be installed here.\n"
            )
    if is_async_at_top_level(error):
        return ASYNC_HINT
    return ""


# A cell runs its code to the end before the page hears from it: it cannot wait for an event
# loop. In Pyodide, asyncio.run fails with "Cannot stack switch"; at build time, with "cannot
# be called from a running event loop" or not at all.
ASYNC_HINT = (
    "Cells run from top to bottom without waiting: `await` outside a function and "
    "`asyncio.run(...)` are not available here. Call the synchronous version of the code, "
    "or schedule the coroutine with `asyncio.ensure_future(...)`: it runs after the cell "
    "finishes, and what it prints appears under the cell.\n"
)


def is_async_at_top_level(error: BaseException) -> bool:
    text = str(error)
    return (isinstance(error, SyntaxError) and "outside function" in text and "await" in text) or (
        isinstance(error, RuntimeError) and "stack switch" in text
    )
