"""exercise_checks: the helpers an exercise's check calls, so a wrong answer is told its mistake.

A check (Python, written by the book's author) compares the reader's answer with a reference
(finite differences, the backprop module, a known value) and raises CheckFailed, which says what
was found, what was expected, with numbers, and, where it can tell, which common mistake gives
that answer. Each mistake has an id ("transpose", "sign", or a key of the exercise's own
`mistakes=`), which CheckFailed carries: the build proves that each `wrong` answer an author
writes fails with exactly the id of its `diagnosis="..."`. The reader reads the sentence.

    expect_array(found, expected, "dW", expected_from="finite differences give", batch_size=N,
                 mistakes={"no-derivative": Mistake("you forget g'(Z)", wrong_dW)})
    expect_number(found, expected, "the slope", expected_from="the exact derivative is")
    expect(condition, message, mistake="always-first")
    dW, db = expect_items(found, ["dW", "db"], "backward(...)")   (any sequence of two)
    with case("For W of shape (2, 3)"): ...   (says which case a failure inside is about)
    checked = obeying(function, without(MSE, instead="..."), no_loop(N, instead="..."))

    diagnoses.py   what a wrong array is: None, NaN, a transpose, a sign, a factor (2, N, 1/N),
                   a missing sum over the batch, or one of the exercise's known mistakes
    mistakes.py    Mistake(clause, answer), and the known wrong answers of gradient exercises
    compare.py     the expect_* functions and their messages
    returns.py     expect_items: several things returned, in any sequence
    rules.py       obeying: the rules a statement sets ("without X", "no loop", "use rng"),
                   enforced by watching the reader's function while it runs

It never compares printed text: only values, under a tolerance that suits their dtype.
"""

from .compare import CheckFailed, case, expect, expect_array, expect_number
from .diagnoses import MISTAKES as GENERAL_MISTAKES
from .mistakes import MISTAKES as GRADIENT_MISTAKES
from .mistakes import Mistake, activation_derivative_mistakes, dense_backward_mistakes
from .returns import MISTAKES as RETURN_MISTAKES
from .returns import expect_items
from .rules import MISTAKES as RULE_MISTAKES
from .rules import at_least, at_most, no_loop, obeying, only_random_from, without

# Every mistake the helpers name by themselves, by id (an exercise adds its own `mistakes=`).
MISTAKES = GENERAL_MISTAKES | GRADIENT_MISTAKES | RETURN_MISTAKES | RULE_MISTAKES

__all__ = [
    "MISTAKES",
    "CheckFailed",
    "Mistake",
    "activation_derivative_mistakes",
    "at_least",
    "at_most",
    "case",
    "dense_backward_mistakes",
    "expect",
    "expect_array",
    "expect_items",
    "expect_number",
    "no_loop",
    "obeying",
    "only_random_from",
    "without",
]
