"""An exercise's check, run against the reader's namespace after their code.

The check is Python written by the book's author. It reads the reader's definitions from a copy of
the page's namespace (so nothing it defines leaks into the page), and says "wrong" by raising
AssertionError with a message for the reader (exercise_checks raises CheckFailed, a subclass,
with the diagnosis). Anything else it raises comes from the reader's code, which the check called:
then the feedback is the reader's traceback, trimmed to their own cell.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from .interpreter_guard import guarded_interpreter
from .tracebacks import trimmed_traceback

CHECK_FILENAME = "<check>"


@dataclass
class CheckResult:
    passed: bool
    message: str  # what the reader reads: why it failed, or what a pass means

    def as_message(self) -> dict:
        return {"passed": self.passed, "message": self.message}


def run_check(check_source: str, namespace: dict, cell_filename: str) -> CheckResult:
    """Run `check_source` against a copy of `namespace`, where `cell_filename`'s code just ran."""
    scope = dict(namespace)
    try:
        with guarded_interpreter():
            exec(compile(check_source, CHECK_FILENAME, "exec"), scope)
    except AssertionError as failure:
        return CheckResult(False, str(failure) or "The check failed (it gave no reason).")
    except NameError as error:
        if error.name and error.name not in namespace:
            return CheckResult(
                False, f"Your code does not define `{error.name}`, which this exercise asks for."
            )
        return reader_error(error, cell_filename)
    except KeyboardInterrupt:
        return CheckResult(False, "The check was stopped before it finished.")
    except BaseException as error:  # noqa: BLE001 - the reader's code, called by the check, raised
        return reader_error(error, cell_filename)
    return CheckResult(True, passed_message(check_source))


def reader_error(error: BaseException, cell_filename: str) -> CheckResult:
    traceback = trimmed_traceback(error, cell_filename)
    return CheckResult(False, f"Your code raised an error when the check ran it:\n{traceback}")


def passed_message(check_source: str) -> str:
    """ "Solved.", and what the check verified (its docstring), so a pass says what it means."""
    verifies = " ".join((ast.get_docstring(ast.parse(check_source)) or "").split())
    return f"Solved. The check verified: {verifies}" if verifies else "Solved."
