"""An exercise's check, run against the reader's namespace after their code.

The check is Python written by the book's author. It reads the reader's definitions from a copy of
the page's namespace (so nothing it defines leaks into the page), and says "wrong" by raising
AssertionError with a message for the reader (exercise_checks raises CheckFailed, a subclass,
with the diagnosis and its id, `mistake`). Anything else it raises comes either from the reader's
code, which the check called (their cell is on the traceback): then the feedback is the reader's
traceback, trimmed to their own cell; or from the check itself, and then the reader is not blamed.
"""

from __future__ import annotations

import ast
import traceback
from dataclasses import dataclass

from .interpreter_guard import guarded_interpreter
from .shape_errors import explain_shape_error
from .tracebacks import trimmed_traceback

CHECK_FILENAME = "<check>"
# The ids of the failures this module finds itself (exercise_checks names the others).
UNDEFINED = "undefined"  # the reader's code does not define a name the check uses
READER_ERROR = "reader-error"  # the reader's code raised when the check called it
CHECK_ERROR = "check-error"  # the check itself raised: a gap in the check, never the reader's
MISTAKES = {
    UNDEFINED: "the reader's code does not define a name the exercise asks for",
    READER_ERROR: "the reader's code raised an error when the check called it",
    CHECK_ERROR: "the check raised an error of its own",
}


@dataclass
class CheckResult:
    passed: bool
    message: str  # what the reader reads: why it failed, or what a pass means
    mistake: str | None = None  # the id of the mistake found ("transpose"), if the check knows it

    def as_message(self) -> dict:
        return {"passed": self.passed, "message": self.message, "mistake": self.mistake}


def run_check(check_source: str, namespace: dict, cell_filename: str) -> CheckResult:
    """Run `check_source` against a copy of `namespace`, where `cell_filename`'s code just ran."""
    scope = dict(namespace)
    try:
        with guarded_interpreter():
            exec(compile(check_source, CHECK_FILENAME, "exec"), scope)
    except AssertionError as failure:
        message = str(failure) or "The check failed (it gave no reason)."
        return CheckResult(False, message, getattr(failure, "mistake", None))
    except NameError as error:
        if error.name and error.name not in namespace:
            return CheckResult(
                False,
                f"Your code does not define `{error.name}`, which this exercise asks for.",
                UNDEFINED,
            )
        return error_result(error, cell_filename)
    except KeyboardInterrupt:
        return CheckResult(False, "The check was stopped before it finished.")
    except BaseException as error:  # noqa: BLE001 - the reader's code or the check raised
        return error_result(error, cell_filename)
    return CheckResult(True, passed_message(check_source))


def error_result(error: BaseException, cell_filename: str) -> CheckResult:
    """The reader's traceback if their code raised; otherwise the check's own error, said so."""
    frames = traceback.extract_tb(error.__traceback__)
    if any(frame.filename == cell_filename for frame in frames):
        shape_error = explain_shape_error(error)
        return CheckResult(
            False,
            f"Your code raised an error when the check ran it:\n"
            f"{trimmed_traceback(error, cell_filename)}",
            shape_error.mistake if shape_error else READER_ERROR,
        )
    in_check = [frame.lineno for frame in frames if frame.filename == CHECK_FILENAME]
    where = f" (line {in_check[-1]} of the check)" if in_check else ""
    raised = "".join(traceback.format_exception_only(type(error), error)).strip()
    return CheckResult(
        False,
        f"The check could not examine your answer: it stopped with an error of its own{where}, "
        f"`{raised}`. Your code ran without an error. Compare what it returns (its type, its "
        "shape, its length) with what the exercise asks for.",
        CHECK_ERROR,
    )


def passed_message(check_source: str) -> str:
    """ "Solved.", and what the check verified (its docstring), so a pass says what it means."""
    verifies = " ".join((ast.get_docstring(ast.parse(check_source)) or "").split())
    return f"Solved. The check verified: {verifies}" if verifies else "Solved."
