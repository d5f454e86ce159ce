"""Wrong answers name their diagnosis by id, `diagnosis="transpose"`, never by a sentence.

The id is one that exercise_checks knows (its MISTAKES), one the cell core gives (an error of the
reader's code, a numpy shape error), or one of the exercise's own: a key of a dict of
Mistake(...) in its check, or a `mistake="..."` argument there. An unknown id fails the build,
with the wrong answer's file and line and the ids it could have named, before anything runs.
"""

from __future__ import annotations

import ast
import re

from bookbuild.markdown.exercise_error import ExerciseError
from exercise_checks import MISTAKES
from notebook_cell.checks import MISTAKES as CELL_MISTAKES
from notebook_cell.shape_errors import BROADCAST_SHAPES, MATMUL_SHAPES

MISTAKE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def diagnosis_id(options: dict[str, str], where: str) -> str:
    """The `diagnosis="id"` of a wrong answer's fence, checked to be an id, not a sentence."""
    diagnosis = options.get("diagnosis", "")
    if not MISTAKE_ID.match(diagnosis):
        raise ExerciseError(
            f'{where}: a wrong answer needs diagnosis="id", the id of the mistake its check must '
            'find (lowercase words with dashes: "transpose", or a key of the mistakes= in the '
            f"check), got {diagnosis!r}"
        )
    return diagnosis


def known_mistakes(check: str) -> set[str]:
    """The ids a wrong answer of this check may name: `{"id": Mistake(...)}`,
    `mistakes["id"] = Mistake(...)` and `mistake="id"` in the check, and the helpers' own."""
    known = set(MISTAKES) | set(CELL_MISTAKES) | {MATMUL_SHAPES, BROADCAST_SHAPES}
    for node in ast.walk(ast.parse(check)):
        if isinstance(node, ast.Dict):
            known |= {
                key.value
                for key, value in zip(node.keys, node.values, strict=True)
                if isinstance(key, ast.Constant)
                and isinstance(key.value, str)
                and is_mistake(value)
            }
        elif isinstance(node, ast.Assign) and is_mistake(node.value):
            known |= {
                target.slice.value
                for target in node.targets
                if isinstance(target, ast.Subscript)
                and isinstance(target.slice, ast.Constant)
                and isinstance(target.slice.value, str)
            }
        elif (
            isinstance(node, ast.keyword)
            and node.arg == "mistake"
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            known.add(node.value.value)
    return known


def is_mistake(node: ast.expr) -> bool:
    """`Mistake(...)` (or `exercise_checks.Mistake(...)`)."""
    return isinstance(node, ast.Call) and ast.unparse(node.func).endswith("Mistake")


def check_diagnosis_ids(exercise) -> None:
    """Every wrong answer of `exercise` names a mistake that exists."""
    known = known_mistakes(exercise.check)
    for wrong in exercise.wrong_answers:
        if wrong.diagnosis not in known:
            raise ExerciseError(
                f"{wrong.line}: the mistake {wrong.diagnosis!r} is unknown to exercise_checks "
                f"and to the check of {exercise.id!r}; the known ids are: "
                f"{', '.join(sorted(known))}"
            )
