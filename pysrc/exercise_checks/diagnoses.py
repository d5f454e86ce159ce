"""What a wrong array is, in words: the mistakes a gradient exercise typically makes.

Each diagnosis compares the reader's array with the expected one (and with the exercise's own
known wrong answers) under `close`, a tolerance that accepts float32 round-off, and returns one
sentence for the reader, or None when no known mistake explains the difference.
"""

from __future__ import annotations

import numpy as np

FACTOR_QUESTIONS = {
    2.0: "is there an extra factor of 2?",
    0.5: "is a factor of 2 missing (the 2 from differentiating a square, say)?",
    -1.0: "is the sign wrong (a minus swapped for a plus, or ŷ − y for y − ŷ)?",
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


def shape_diagnosis(found, expected, name: str, rtol: float) -> str | None:
    """The answer has the wrong shape: transposed, or not summed over the batch."""
    if found.ndim == 2 and found.shape == expected.shape[::-1]:
        if close(found.T, expected, rtol):
            return (
                f"It is the expected {name} transposed: is a .T missing or extra? "
                "Check that each factor of your product has the shape its place needs."
            )
        return f"It has the shape of {name} transposed: is a .T missing or extra somewhere?"
    if found.ndim == expected.ndim + 1 and found.shape[1:] == expected.shape:
        rows = found.shape[0]
        if close(found.sum(axis=0), expected, rtol):
            return (
                f"It has one row per example ({rows} rows): sum over the batch (axis 0) to get "
                f"{name}."
            )
        if close(found.mean(axis=0), expected, rtol):
            return (
                f"It has one row per example ({rows} rows): take their mean over the batch "
                f"(axis 0) to get {name}."
            )
        return f"It has one row per example ({rows} rows): is a sum over the batch missing?"
    return None


def value_diagnosis(
    found, expected, name: str, rtol: float, batch_size: int | None, mistakes: dict
) -> str | None:
    """The answer has the right shape but wrong values: which known mistake gives them?"""
    for description, wrong in mistakes.items():
        if close(found, wrong, rtol):
            return f"That is what you get when {description}."
    if found.ndim == 2 and found.shape[0] == found.shape[1] and close(found.T, expected, rtol):
        return f"It is the expected {name} transposed: is a .T missing or extra?"
    factor = constant_factor(found, expected, rtol)
    if factor is None:
        return None
    whole = "Your whole" if found.size > 1 else "Your"
    if batch_size and batch_size > 1:
        if np.isclose(factor, batch_size, rtol=rtol):
            return (
                f"{whole} {name} equals the expected one times N = {batch_size}, the batch "
                "size: is the division by N (the mean over the batch) missing?"
            )
        if np.isclose(factor, 1 / batch_size, rtol=rtol):
            return (
                f"{whole} {name} equals the expected one divided by N = {batch_size}, the "
                "batch size: is the mean taken twice?"
            )
    for known, question in FACTOR_QUESTIONS.items():
        if np.isclose(factor, known, rtol=rtol):
            return f"{whole} {name} equals the expected one times {known:g}: {question}"
    if found.size == 1:  # any wrong number is some multiple of the right one: that says nothing
        return None
    return (
        f"Your whole {name} equals the expected one times {factor:.4g}: a constant factor is off."
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
