"""What a function returned, when it should return several things: a pair (w, b), the three
gradients (dW, db, dA_prev), two lists. Any sequence of the right length will do, a tuple, a list
or an array: the task is the values, not the container.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .compare import CheckFailed

MISTAKES = {
    "not-a-sequence": "one value where several belong",
    "wrong-count": "another number of values than the task asks for",
}


def expect_items(found, names: Sequence[str], call: str) -> tuple:
    """`found` holds len(names) items, in order; they are returned as a tuple.

    names: what each item is ("dW", "db", "dA_prev"); call: what returned `found`, for the
    message ("linear_backward(delta, A_prev, W)").
    """
    wanted = f"({', '.join(names)})"
    is_sequence = isinstance(found, Sequence) and not isinstance(found, str | bytes)
    if isinstance(found, np.ndarray) and found.ndim >= 1:
        is_sequence = True
    if not is_sequence:
        returned = (
            "None: is its `return` missing?"
            if found is None
            else (f"{type(found).__name__} {short(found)}")
        )
        raise CheckFailed(
            f"`{call}` should return {len(names)} things, {wanted}, but it returned {returned}",
            "not-a-sequence",
        )
    if len(found) != len(names):
        raise CheckFailed(
            f"`{call}` should return {len(names)} things, {wanted}, but it returned "
            f"{len(found)}: {short(found)}.",
            "wrong-count",
        )
    return tuple(found)


def short(value) -> str:
    """The repr of `value`, cut to a length a message can show."""
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."
