"""What a wrong array is, in words: the mistakes a gradient exercise typically makes.

Each diagnosis compares the reader's array with the expected one (and with the exercise's own
known wrong answers) under `close`, a tolerance that accepts float32 round-off, and returns a
Diagnosis: the id of the mistake (what an author writes in `diagnosis="..."`) and one sentence for
the reader. None means that no known mistake explains the difference.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class Diagnosis(NamedTuple):
    mistake: str  # its id: "transpose", "sign", or a key of the exercise's own `mistakes=`
    sentence: str  # what the reader reads


# The mistakes the checks recognise by themselves, by id. An exercise adds its own (`mistakes=`).
MISTAKES = {
    "none": "the answer is None: a `return` is missing",
    "not-numbers": "the answer is not numbers",
    "not-one-number": "an array where one number belongs",
    "nan": "the answer contains NaN",
    "infinity": "the answer contains infinity",
    "shape": "the answer has another shape, for no known reason",
    "transpose": "the expected array transposed",
    "batch-sum": "one row per example: the sum over the batch is missing",
    "batch-mean": "one row per example: the mean over the batch is missing",
    "per-example": "one row per example, reduced neither by a sum nor by a mean",
    "times-n": "N times the expected: the mean over the batch is missing",
    "divided-by-n": "the expected divided by N: the mean is taken twice",
    "factor-2": "twice the expected",
    "half": "half the expected",
    "sign": "the expected times −1",
    "constant-factor": "the expected times another constant",
}

FACTORS = {
    2.0: ("factor-2", "a factor of 2 too many, or a division by 2 missing?"),
    0.5: (
        "half",
        "a factor of 2 missing (the 2 from differentiating a square, say), or a "
        "division by 2 too many?",
    ),
    -1.0: (
        "sign",
        "is the sign wrong (a minus where a plus belongs, or the two sides of a "
        "difference swapped)?",
    ),
}


def tolerance_for(found: np.ndarray, expected: np.ndarray) -> float:
    """Relative tolerance: float32 keeps about 7 digits, float64 about 16."""
    dtypes = {found.dtype, expected.dtype}
    return 1e-4 if np.dtype(np.float32) in dtypes or np.dtype(np.float16) in dtypes else 1e-6


def close(found, expected, rtol: float) -> bool:
    """Equal within rtol of the larger magnitude (entrywise, scaled by the array's size)."""
    found, expected = np.asarray(found, dtype=float), np.asarray(expected, dtype=float)
    if found.shape != expected.shape:
        return False
    scale = max(float(np.max(np.abs(expected), initial=0.0)), 1e-12)
    return bool(np.all(np.abs(found - expected) <= rtol * (np.abs(expected) + scale)))


def shape_diagnosis(found, expected, name: str, rtol: float) -> Diagnosis | None:
    """The answer has the wrong shape: transposed, or not summed over the batch."""
    if found.ndim == 2 and found.shape == expected.shape[::-1]:
        if close(found.T, expected, rtol):
            return Diagnosis(
                "transpose",
                f"It is the expected {name} transposed: is a .T "
                "missing or extra? Check that each factor of your product has the "
                "shape its place needs.",
            )
        return Diagnosis(
            "transpose",
            f"It has the shape of {name} transposed: is a .T missing or extra somewhere?",
        )
    if found.ndim == expected.ndim + 1 and found.shape[1:] == expected.shape:
        rows = f"It has one row per example ({found.shape[0]} rows)"
        if close(found.sum(axis=0), expected, rtol):
            return Diagnosis("batch-sum", f"{rows}: sum over the batch (axis 0) to get {name}.")
        if close(found.mean(axis=0), expected, rtol):
            return Diagnosis(
                "batch-mean", f"{rows}: take their mean over the batch (axis 0) to get {name}."
            )
        return Diagnosis("per-example", f"{rows}: is a sum over the batch missing?")
    return None


def value_diagnosis(
    found, expected, name: str, rtol: float, batch_size: int | None, mistakes: dict
) -> Diagnosis | None:
    """The answer has the right shape but wrong values: which known mistake gives them?

    mistakes: {id: Mistake(clause, answer)}, the exercise's own known wrong answers.
    """
    for mistake, (clause, wrong) in mistakes.items():
        if close(found, wrong, rtol):
            return Diagnosis(mistake, f"That is what you get when {clause}.")
    if found.ndim == 2 and found.shape[0] == found.shape[1] and close(found.T, expected, rtol):
        return Diagnosis(
            "transpose", f"It is the expected {name} transposed: is a .T missing or extra?"
        )
    factor = constant_factor(found, expected, rtol)
    if factor is None:
        return None
    whole = f"The whole of `{name}`" if found.size > 1 else "That"
    if batch_size and batch_size > 1:
        if np.isclose(factor, batch_size, rtol=rtol):
            return Diagnosis(
                "times-n",
                f"{whole} is N = {batch_size} (the batch size) times what "
                "it should be: is the division by N (the mean over the batch) "
                "missing?",
            )
        if np.isclose(factor, 1 / batch_size, rtol=rtol):
            return Diagnosis(
                "divided-by-n",
                f"{whole} is what it should be divided by N = "
                f"{batch_size}, the batch size: is the mean taken twice?",
            )
    for known, (mistake, question) in FACTORS.items():
        if np.isclose(factor, known, rtol=rtol):
            return Diagnosis(mistake, f"{whole} is {known:g} times what it should be: {question}")
    if found.size == 1:  # any wrong number is some multiple of the right one: that says nothing
        return None
    return Diagnosis(
        "constant-factor",
        f"{whole} is {factor:.4g} times what it should be: a constant factor is off.",
    )


def constant_factor(found, expected, rtol: float) -> float | None:
    """c if found == c · expected everywhere (expected not all zero), else None."""
    found, expected = np.asarray(found, dtype=float), np.asarray(expected, dtype=float)
    big = np.abs(expected) > 1e-3 * np.max(np.abs(expected), initial=0.0)
    if not np.any(big):
        return None
    factor = float(np.median(found[big] / expected[big]))
    if factor == 0 or np.isclose(factor, 1.0, rtol=10 * rtol):
        return None
    return factor if close(found, factor * expected, rtol) else None
