"""exercise_checks: the helpers an exercise's check calls, so a wrong answer is told its mistake.

A check (Python, written by the book's author) compares the reader's answer with a reference
(finite differences, the backprop module, a known value) and raises CheckFailed, which says what
was found, what was expected, with numbers, and, where it can tell, which common mistake gives
that answer:

    expect_array(found, expected, "dW", expected_from="finite differences give", batch_size=N,
                 mistakes=dense_backward_mistakes(...))
    expect_number(found, expected, "the slope", expected_from="the exact derivative is")
    expect(condition, message)
    with case("For W of shape (2, 3)"): ...   (says which case a failure inside is about)

    diagnoses.py   what a wrong array is: None, NaN, a transpose, a sign, a factor (2, N, 1/N),
                   a missing sum over the batch, or one of the exercise's known mistakes
    mistakes.py    known wrong answers of gradient exercises, computed from the right inputs
    compare.py     the expect_* functions and their messages

It never compares printed text: only values, under a tolerance that suits their dtype.
"""

from .compare import CheckFailed, case, expect, expect_array, expect_number
from .mistakes import activation_derivative_mistakes, dense_backward_mistakes

__all__ = [
    "CheckFailed",
    "activation_derivative_mistakes",
    "case",
    "dense_backward_mistakes",
    "expect",
    "expect_array",
    "expect_number",
]
