"""The checks' comparisons: each passes quietly or raises CheckFailed with a message that says
what was found, what was expected, with numbers, and the likely mistake, and with that mistake's
id (for the build, which proves that each known wrong answer gets its diagnosis):

    `dW[1, 0]` is 0.12 but finite differences give 0.34. The whole of `dW` is 0.5 times what it
    should be: a factor of 2 missing (the 2 from differentiating a square, say), or a division
    by 2 too many?                                                          (mistake "half")
"""

from __future__ import annotations

import numbers
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np

from .diagnoses import Diagnosis, close, shape_diagnosis, tolerance_for, value_diagnosis
from .mistakes import Mistake


class CheckFailed(AssertionError):  # noqa: N818 - the name readers see: their check failed
    """The reader's answer is wrong; the message is the feedback they read. `mistake` is the id
    of the mistake found ("transpose", or a key of the exercise's `mistakes=`), or None."""

    def __init__(self, message: str, mistake: str | None = None) -> None:
        super().__init__(message)
        self.mistake = mistake


def expect(condition: bool, message: str, mistake: str | None = None) -> None:
    """A check of the author's own: fail with `message` (and the id `mistake`) unless
    `condition` holds."""
    if not condition:
        raise CheckFailed(message, mistake)


def fail(problem: str, diagnosis: Diagnosis | None = None) -> None:
    """Raise CheckFailed: the problem, then the diagnosis's sentence, with its id."""
    if diagnosis is None:
        raise CheckFailed(problem)
    sentence = f" {diagnosis.sentence}" if diagnosis.sentence else ""
    raise CheckFailed(problem + sentence, diagnosis.mistake)


@contextmanager
def case(description: str) -> Iterator[None]:
    """Say which case failed: `with case("For W of shape (2, 3)"):` puts "For W of shape (2, 3): "
    before the message of any CheckFailed raised inside, so that names can stay short (`dW[1, 0]`).
    """
    try:
        yield
    except CheckFailed as failure:
        raise CheckFailed(f"{description}: {failure}", failure.mistake) from None


def expect_number(
    found,
    expected: float,
    name: str,
    expected_from: str = "it should be",
    rtol: float | None = None,
    mistakes: dict | None = None,
) -> None:
    """`found` is the number `expected` (relative tolerance rtol, by default from the dtype).

    mistakes: {id: Mistake(clause, number)}, wrong answers the exercise knows, as for
    expect_array. An array of one entry counts as a number; a longer one is named as such.
    """
    if found is None:
        fail(f"`{name}` is None:", Diagnosis("none", "does your function `return` it?"))
    if isinstance(found, bool) or not isinstance(found, numbers.Real | np.ndarray):
        fail(
            f"`{name}` should be a number, got {type(found).__name__} {found!r}.",
            Diagnosis("not-numbers", ""),
        )
    if isinstance(found, np.ndarray) and found.size != 1:
        shown = np.array2string(found, precision=4, threshold=10)
        fail(
            f"`{name}` should be one number, but it is an array of shape {found.shape}: {shown}.",
            Diagnosis(
                "not-one-number",
                "Is a sum over its entries missing? (A dot product, @, adds up the products.)",
            ),
        )
    expect_array(
        np.asarray(found, dtype=float).reshape(()),
        np.asarray(expected, dtype=float),
        name,
        expected_from,
        rtol=rtol,
        mistakes=mistakes,
    )


def expect_array(
    found,
    expected,
    name: str,
    expected_from: str = "the reference is",
    *,
    batch_size: int | None = None,
    mistakes: dict | None = None,
    rtol: float | None = None,
) -> None:
    """`found` equals `expected` in shape and, within the tolerance, in every entry.

    expected_from completes "... but {expected_from} 0.34" ("finite differences give").
    batch_size: N, so that a missing or extra 1/N is recognised. mistakes: {id: Mistake(clause,
    array)}, wrong answers the exercise knows (Mistake("you forget to multiply by g'(Z)", ...)).
    """
    mistakes = known_mistakes(mistakes)
    if found is None:
        fail(f"`{name}` is None:", Diagnosis("none", "does your function `return` it?"))
    try:
        found = np.asarray(found, dtype=float) if not isinstance(found, np.ndarray) else found
        found.astype(float)
    except (TypeError, ValueError):
        fail(
            f"`{name}` should be an array of numbers, got {type(found).__name__}.",
            Diagnosis("not-numbers", ""),
        )
    expected = np.asarray(expected)
    rtol = tolerance_for(found, expected) if rtol is None else rtol
    check_finite(found, name)
    if found.shape != expected.shape:
        message = f"`{name}` has shape {found.shape}, but it should have shape {expected.shape}."
        fail(message, shape_diagnosis(found, expected, name, rtol) or Diagnosis("shape", ""))
    if close(found, expected, rtol):
        return
    index = tuple(
        int(i) for i in np.unravel_index(np.argmax(np.abs(found - expected)), found.shape)
    )
    where = f"`{name}{list(index)}`" if found.ndim else f"`{name}`"
    shown, wanted = numbers_that_differ(found[index], expected[index])
    message = f"{where} is {shown} but {expected_from} {wanted}."
    diagnosis = value_diagnosis(found, expected, name, rtol, batch_size, mistakes)
    if diagnosis is None and found.size > 1:
        wrong = int(np.sum(~np.isclose(found, expected, rtol=rtol, atol=0)))
        message += f" {wrong} of its {found.size} entries differ; that one differs the most."
    fail(message, diagnosis)


def known_mistakes(mistakes: dict | None) -> dict[str, Mistake]:
    """The exercise's `mistakes=`, checked: each an id mapped to a Mistake(clause, answer)."""
    for mistake, known in (mistakes or {}).items():
        if not isinstance(known, tuple) or len(known) != 2 or not isinstance(known[0], str):
            raise TypeError(
                f"mistakes= maps an id to Mistake(clause, answer), but {mistake!r} maps to "
                f"{type(known).__name__}: write {{{mistake!r}: Mistake('you ...', answer)}}"
            )
    return {mistake: Mistake(*known) for mistake, known in (mistakes or {}).items()}


def check_finite(found: np.ndarray, name: str) -> None:
    """No NaN and no infinity; otherwise say how many, and where the first is (which row)."""
    for test, what, mistake in (
        (np.isnan, "NaN (not a number)", "nan"),
        (np.isinf, "infinity", "infinity"),
    ):
        bad = test(found)
        if np.any(bad):
            cause = "a division by zero, the log of 0, or an overflow (exp of a large number)?"
            if found.size == 1:
                fail(f"`{name}` is {what}:", Diagnosis(mistake, cause))
            first = [int(i) for i in np.unravel_index(np.argmax(bad), bad.shape)]
            rows = f" (row {first[0]})" if found.ndim == 2 else ""
            fail(
                f"`{name}` contains {what} ({int(bad.sum())} of {bad.size} entries, the first "
                f"at {name}{first}{rows}):",
                Diagnosis(mistake, cause),
            )


def numbers_that_differ(found, expected) -> tuple[str, str]:
    """Both numbers with 4 significant digits, or more until they read differently."""
    for digits in range(4, 13):
        shown, wanted = f"{float(found):.{digits}g}", f"{float(expected):.{digits}g}"
        if shown != wanted:
            break
    return shown, wanted
