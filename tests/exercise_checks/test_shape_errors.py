"""numpy's shape and broadcasting errors, said in plain words with the shapes involved, in a
cell's traceback and in an exercise's feedback (notebook_cell.shape_errors)."""

from __future__ import annotations

import numpy as np
import pytest

from notebook_cell import run_cell, run_check
from notebook_cell.shape_errors import explain_shape_error

SETUP = "import numpy as np\n"


def error_of(code: str) -> str:
    """The last lines of the traceback a cell shows for `code`."""
    result = run_cell(SETUP + code, "<cell 1>", {})
    assert result.error, "the cell should have raised"
    return result.error


@pytest.mark.parametrize(
    ("code", "explanation"),
    [
        (
            "W = np.ones((5, 4))\nX = np.ones((3, 4))\nW @ X",
            "`W @ X` is (5, 4) @ (3, 4): the inner sizes 4 and 3 differ (the left side's columns "
            "must match the right side's rows). Did you mean `W @ X.T` (shape (5, 3))?",
        ),
        (
            "delta = np.ones((5, 3))\nW = np.ones((4, 3))\ndelta @ W",
            "`delta @ W` is (5, 3) @ (4, 3): the inner sizes 3 and 4 differ",
        ),
        (
            "dA = np.ones((5, 4))\ng = np.ones((5, 4))\ndA @ g",
            "Did you mean `dA * g` (entry by entry) or `dA @ g.T`",
        ),
        (
            "class Layer: pass\nlayer = Layer()\nlayer.W = np.ones((2, 3))\nA = np.ones((4, 3))\n"
            "A @ layer.W",
            "Did you mean `A @ layer.W.T` (shape (4, 2))?",
        ),
        (
            "W = np.ones((5, 4))\nnp.dot(W, np.ones((5, 4)))",
            "`W @ np.ones((5, 4))` is (5, 4) @ (5, 4): the inner sizes 4 and 5",
        ),
    ],
)
def test_a_matrix_product_names_both_shapes_and_what_would_fit(code, explanation):
    assert explanation in error_of(code)


def test_a_broadcast_names_the_shapes_and_the_clash():
    error = error_of("u = np.ones(3)\nv = np.ones(4)\nu * v")
    assert error.splitlines()[-2].startswith("ValueError: operands could not be broadcast")
    assert "`u * v` combines shapes (3,) and (4,) entry by entry" in error
    assert "here 3 and 4 clash" in error
    assert "`u[:, None]`" in error and "shape (3, 4)" in error


def test_an_in_place_operation_that_would_change_the_shape():
    error = error_of("a = np.ones(3)\na += np.ones((4, 3))")
    assert "The result has shape (4, 3) and cannot be stored in `a`, of shape (3,)" in error


@pytest.mark.parametrize(
    ("make", "mistake", "words"),
    [
        (lambda: np.ones((5, 4)) @ np.ones((3, 4)), "matmul-shapes", "the inner sizes 4 and 3"),
        (lambda: np.ones((2, 3)) * np.ones((3, 2)), "broadcast-shapes", "shape transposed"),
        (lambda: np.ones(3) @ 2.0, "matmul-shapes", "Multiply by a number with `*`"),
    ],
)
def test_outside_a_cell_the_sizes_from_numpy_s_message_are_used(make, mistake, words):
    """Library code has no source in the browser: the words must not depend on it."""
    with pytest.raises(ValueError) as raised:
        make()
    explained = explain_shape_error(raised.value)
    assert explained.mistake == mistake and words in explained.explanation


def test_a_call_of_numpy_or_backprop_is_evaluated_again_to_show_its_shape():
    code = (
        "from backprop import Sigmoid\nactivation = Sigmoid()\nZ = np.ones((5, 4))\n"
        "dA = np.ones((5, 4))\ndA @ activation.derivative(Z)"
    )
    assert (
        "`dA @ activation.derivative(Z)` is (5, 4) @ (5, 4): the inner sizes 4 and 5 differ"
        in error_of(code)
    )
    assert "Did you mean `dA * activation.derivative(Z)` (entry by entry)" in error_of(code)


def test_other_errors_are_left_alone():
    assert explain_shape_error(ValueError("math domain error")) is None
    assert explain_shape_error(ZeroDivisionError("division by zero")) is None


def test_an_operand_is_read_again_but_nothing_is_called():
    code = (
        "calls = []\ndef make():\n    calls.append(1)\n    return np.ones((3, 4))\n"
        "W = np.ones((5, 4))\nW @ make()"
    )
    namespace: dict = {}
    result = run_cell(SETUP + code, "<cell 1>", namespace)
    assert namespace["calls"] == [1], "the call in the expression ran once, by the cell"
    assert "the inner sizes 4 and 3 differ" in result.error


def test_an_exercise_s_feedback_translates_the_reader_s_shape_error_and_names_its_id():
    namespace: dict = {}
    reader = "import numpy as np\ndef forward(X, W):\n    return W @ X\n"
    assert run_cell(reader, "<cell 7>", namespace).error is None
    check = "import numpy as np\nforward(np.ones((6, 3)), np.ones((3, 2)))\n"
    result = run_check(check, namespace, "<cell 7>")
    assert not result.passed and result.mistake == "matmul-shapes"
    assert "Your code raised an error when the check ran it" in result.message
    assert "`W @ X` is (3, 2) @ (6, 3): the inner sizes 2 and 6 differ" in result.message
    assert "`X @ W` (shape (6, 2))" in result.message
