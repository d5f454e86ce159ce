"""What the build requires of each try of an exercise, with errors worded to its author and
pointing at the fence to fix.

- The solution passes its check; if not, the error points at the `solution` fence.
- The check turns every answer into a message: it never stops with an error of its own (the
  reader would be told that the check, not their code, failed).
- Each `wrong` answer fails with exactly the mistake its `diagnosis="id"` names. The reader
  reads the sentence that goes with the id, so a copy edit of a sentence breaks no build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from notebook_cell import CheckResult
from notebook_cell.checks import CHECK_ERROR

if TYPE_CHECKING:
    from bookbuild.markdown.exercise_source import Exercise, WrongAnswer


class BrokenExerciseError(ValueError):
    """The exercise does not work as written (`where`: the file and line to fix)."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")


def prove_solution(exercise: Exercise, result: CheckResult) -> None:
    if not result.passed:
        raise BrokenExerciseError(
            exercise.part_lines["solution"],
            f"the solution of exercise {exercise.id!r} fails its own check, which would tell "
            f"the reader:\n{result.message}\nFix the solution or the check.",
        )


def prove_answered(exercise: Exercise, result: CheckResult, what: str, where: str) -> None:
    """The check judged this answer: it did not stop with an error of its own."""
    if result.mistake == CHECK_ERROR:
        raise BrokenExerciseError(
            where,
            f"the check of exercise {exercise.id!r} raised an error of its own on the {what}; a "
            "check must turn every answer into a message for the reader (exercise_checks' "
            f"expect_* functions do). The reader would read:\n{result.message}",
        )


def prove_diagnosis(exercise: Exercise, wrong: WrongAnswer, result: CheckResult) -> None:
    """The wrong answer fails, with exactly the mistake its fence names."""
    if result.passed:
        raise BrokenExerciseError(
            wrong.line, f"this wrong answer passes the check of exercise {exercise.id!r}"
        )
    if result.mistake != wrong.diagnosis:
        found = f"the mistake {result.mistake!r}" if result.mistake else "no known mistake"
        raise BrokenExerciseError(
            wrong.line,
            f"this wrong answer of exercise {exercise.id!r} should be diagnosed "
            f"{wrong.diagnosis!r}, but its check found {found} and tells the reader:\n"
            f"{result.message}",
        )
