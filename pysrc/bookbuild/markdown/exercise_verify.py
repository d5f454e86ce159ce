"""The build's proof that an exercise works: its solution passes its check, its starter does
not, and each wrong answer fails with the diagnosis the author wrote beside it.

Each try runs as the reader's code will run in the browser: after only the page's cells it
needs (what the try and the check read, notebook_cell.page_plan), in a copy of their namespace.
"""

from __future__ import annotations

from collections.abc import Callable

from bookbuild.markdown.build_session import BuildCellResult, cell_filename, run_in
from bookbuild.markdown.exercise_source import Exercise
from notebook_cell import run_check

# The namespace the page's cells leave for a try of this code (the needed cells, run).
NamespaceFor = Callable[[str], dict]


class BrokenExerciseError(ValueError):
    """The exercise does not work as written (`where`: its file and line)."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")


def verify(
    exercise: Exercise, namespace_for: NamespaceFor, number: int, timeout: float | None
) -> BuildCellResult:
    """Check the exercise, the page's cell number `number`; return the starter's run (the build
    shows its output). Each try may run `timeout` seconds, as a cell may."""
    starter = try_code(exercise, namespace_for, exercise.starter, "starter", number, timeout)
    if starter[1].passed:
        fail(exercise, "its starter code passes its check: the starter must not solve the task")
    if not starter[1].message.strip():
        fail(exercise, "its check fails the starter without a message for the reader")
    solution = try_code(exercise, namespace_for, exercise.solution, "solution", number, timeout)
    if not solution[1].passed:
        fail(exercise, f"its solution fails its own check:\n{solution[1].message}")
    for wrong in exercise.wrong_answers:
        what = f"wrong answer at {wrong.line}"
        _, check = try_code(exercise, namespace_for, wrong.code, what, number, timeout)
        if check.passed:
            fail(exercise, f"the wrong answer at {wrong.line} passes the check")
        if wrong.diagnosis not in check.message:
            told = f"should be told {wrong.diagnosis!r}, but the feedback is:\n{check.message}"
            fail(exercise, f"the wrong answer at {wrong.line} {told}")
    return starter[0]


def try_code(exercise, namespace_for: NamespaceFor, code: str, what: str, number: int, timeout):
    namespace = dict(namespace_for(code))
    result = run_in(code, namespace, number, timeout)
    if result.timed_out:
        fail(exercise, f"its {what} ran for more than {timeout:g} s at build time and was stopped")
    if result.error:
        fail(exercise, f"its {what} raised when run:\n{result.error}")
    return result, run_check(exercise.check, namespace, cell_filename(number))


def fail(exercise: Exercise, problem: str) -> None:
    raise BrokenExerciseError(exercise.where, f"exercise {exercise.id!r}: {problem}")
