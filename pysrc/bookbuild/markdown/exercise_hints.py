"""Hints build up to the answer without giving it: no hint contains a line of the solution's code.

Hints go from the idea, to a partial step, to a nudge at the code; the code itself is only in
the folded solution. A hint is refused if it contains a non-trivial line of the solution, or the
expression such a line assigns or returns (`np.outer(u, v)` for `return np.outer(u, v)`),
compared without spaces. Trivial lines are the ones a hint may well quote: imports, `def` and
`class` lines, `return`, `pass`, lines the starter already has, and lines of fewer than eight
characters (without spaces and comments).
"""

from __future__ import annotations

import re

from bookbuild.markdown.exercise_error import ExerciseError

SHORTEST = 8  # characters, spaces left out: `y=x+1` is not a giveaway, `W-=rate*dW` is
TRIVIAL = re.compile(r"^(?:import |from |def |class |@|return$|pass$|else:|try:|finally:)")
ASSIGNED = re.compile(r"^(?:return\s+|[\w.\[\], ]+?\s*(?:[-+*/@]?=)\s*)(?P<expression>.+)$")


def check_hints_hide_the_solution(exercise) -> None:
    """Fail, at the hint's line, if a hint of `exercise` gives away a line of its solution."""
    starter = {code for line in (exercise.starter or "").splitlines() for code in codes_of(line)}
    giveaways = [
        (line.strip(), code)
        for line in exercise.solution.splitlines()
        for code in codes_of(line)
        if code not in starter
    ]
    for number, (hint, where) in enumerate(
        zip(exercise.hints, exercise.hint_lines, strict=True), start=1
    ):
        text = squeezed(hint)
        for line, code in giveaways:
            if code in text:
                raise ExerciseError(
                    f"{where}: hint {number} of exercise {exercise.id!r} contains the solution's "
                    f"code `{line}`. Hints go from the idea, to a partial step, to a nudge at "
                    "the code; the code itself belongs only in the folded solution."
                )


def codes_of(line: str) -> list[str]:
    """The squeezed line and the expression it assigns or returns, if they are not trivial."""
    code = line.split("#", 1)[0].strip()
    if not code or TRIVIAL.match(code):
        return []
    candidates = [code]
    assigned = ASSIGNED.match(code)
    if assigned:
        candidates.append(assigned["expression"])
    return [squeezed(text) for text in candidates if len(squeezed(text)) >= SHORTEST]


def squeezed(text: str) -> str:
    """Text without whitespace or backticks, so that layout does not hide a copy."""
    return re.sub(r"[\s`]", "", text)
