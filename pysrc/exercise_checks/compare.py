"""The checks' comparisons: each passes quietly or raises CheckFailed with a message that says
what was found, what was expected, with numbers, and the likely mistake.

    `dW[1, 0]` is 0.12 but finite differences give 0.34. Your whole dW equals the expected one
    times 0.5: is a factor of 2 missing (the 2 from differentiating a square, say)?
"""

from __future__ import annotations

import numbers
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np

from .diagnoses import close, shape_diagnosis, tolerance_for, value_diagnosis


class CheckFailed(AssertionError):  # noqa: N818 - the name readers see: their check failed
    """The reader's answer is wrong; the message is the feedback they read."""


def expect(condition: bool, message: str) -> None:
    """A check of the author's own: fail with `message` unless `condition` holds."""
    if not condition:
        raise CheckFailed(message)


@contextmanager
def case(description: str) -> Iterator[None]:
    """Say which case failed: `with case("For W of shape (2, 3)"):` puts "For W of shape (2, 3): "
    before the message of any CheckFailed raised inside, so that names can stay short (`dW[1, 0]`).
    """
    try:
        yield
    except CheckFailed as failure:
        raise CheckFailed(f"{description}: {failure}") from None


def expect_number(found, expected: float, name: str, expected_from: str = "it should be",
                  rtol: float | None = None, mistakes: dict | None = None) -> None:  # fmt: skip
    """`found` is the number `expected` (relative tolerance rtol, by default from the dtype).

    mistakes: {clause: number}, wrong answers the exercise knows, as for expect_array.
    """
    if found is None:
        raise CheckFailed(f"`{name}` is None: does your function `return` it?")
    if isinstance(found, bool) or not isinstance(found, numbers.Real | np.ndarray):
        raise CheckFailed(f"`{name}` should be a number, got {type(found).__name__} {found!r}.")
    expect_array(np.asarray(found, dtype=float).reshape(()), np.asarray(expected, dtype=float),
                 name, expected_from, rtol=rtol, mistakes=mistakes)  # fmt: skip


def expect_array(found, expected, name: str, expected_from: str = "the reference is", *,
                 batch_size: int | None = None, mistakes: dict | None = None,
                 rtol: float | None = None) -> None:  # fmt: skip
    """`found` equals `expected` in shape and, within the tolerance, in every entry.

    expected_from completes "... but {expected_from} 0.34" ("finite differences give").
    batch_size: N, so that a missing or extra 1/N is recognised. mistakes: {clause: array},
    wrong answers the exercise knows ("you forget to multiply by g'(Z)").
    """
    if found is None:
        raise CheckFailed(f"`{name}` is None: does your function `return` it?")
    try:
        found = np.asarray(found, dtype=float) if not isinstance(found, np.ndarray) else found
        found.astype(float)
    except (TypeError, ValueError):
        raise CheckFailed(
            f"`{name}` should be an array of numbers, got {type(found).__name__}."
        ) from None
    expected = np.asarray(expected)
    rtol = tolerance_for(found, expected) if rtol is None else rtol
    check_finite(found, name)
    if found.shape != expected.shape:
        message = f"`{name}` has shape {found.shape}, but it should have shape {expected.shape}."
        diagnosis = shape_diagnosis(found, expected, name, rtol)
        raise CheckFailed(message + (f" {diagnosis}" if diagnosis else ""))
    if close(found, expected, rtol):
        return
    index = tuple(
        int(i) for i in np.unravel_index(np.argmax(np.abs(found - expected)), found.shape)
    )
    where = f"`{name}{list(index)}`" if found.ndim else f"`{name}`"
    shown, wanted = numbers_that_differ(found[index], expected[index])
    message = f"{where} is {shown} but {expected_from} {wanted}."
    diagnosis = value_diagnosis(found, expected, name, rtol, batch_size, mistakes or {})
    if diagnosis is None and found.size > 1:
        wrong = int(np.sum(~np.isclose(found, expected, rtol=rtol, atol=0)))
        diagnosis = f"{wrong} of its {found.size} entries differ; that one differs the most."
    raise CheckFailed(message + (f" {diagnosis}" if diagnosis else ""))


def check_finite(found: np.ndarray, name: str) -> None:
    for test, what in ((np.isnan, "NaN (not a number)"), (np.isinf, "infinity")):
        bad = test(found)
        if np.any(bad):
            cause = "a division by zero, the log of 0, or an overflow (exp of a large number)?"
            if found.size == 1:
                raise CheckFailed(f"`{name}` is {what}: {cause}")
            first = [int(i) for i in np.unravel_index(np.argmax(bad), bad.shape)]
            at = f", the first at {name}{first}" if found.ndim else ""
            raise CheckFailed(
                f"`{name}` contains {what} ({int(bad.sum())} of {bad.size} entries{at}): {cause}"
            )


def numbers_that_differ(found, expected) -> tuple[str, str]:
    """Both numbers with 4 significant digits, or more until they read differently."""
    for digits in range(4, 13):
        shown, wanted = f"{float(found):.{digits}g}", f"{float(expected):.{digits}g}"
        if shown != wanted:
            break
    return shown, wanted
