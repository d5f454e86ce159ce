"""The checking module names the mistake behind a wrong answer, by id and in words, and never
blames a right one."""

from __future__ import annotations

import numpy as np
import pytest

from backprop import Sigmoid, Tanh
from exercise_checks import (
    CheckFailed,
    Mistake,
    activation_derivative_mistakes,
    case,
    dense_backward_mistakes,
    expect,
    expect_array,
    expect_number,
)

RNG = np.random.default_rng(7)
W = RNG.normal(size=(3, 4))


def feedback(found, expected=W, **options) -> str:
    return failure(found, expected, **options)[0]


def failure(found, expected=W, **options) -> tuple[str, str | None]:
    """The message and the mistake's id of a wrong answer."""
    with pytest.raises(CheckFailed) as failed:
        expect_array(found, expected, "dW", "finite differences give", **options)
    return str(failed.value), failed.value.mistake


def test_a_right_answer_passes():
    expect_array(W.copy(), W, "dW")


@pytest.mark.parametrize("scale", [1.0, 1e-6, 1e6])
def test_float32_round_off_of_a_right_answer_is_not_blamed(scale):
    expected = RNG.normal(size=(64, 10)) * scale
    found = (expected.astype(np.float32) @ np.eye(10, dtype=np.float32)).astype(np.float32)
    expect_array(found, expected, "dW", batch_size=64)
    expect_number(np.float32(expected[0, 0]), expected[0, 0], "a number")


def test_none_says_return_is_missing():
    message, mistake = failure(None)
    assert "is None: does your function `return` it?" in message and mistake == "none"


def test_a_missing_transpose_of_a_rectangular_answer():
    message, mistake = failure(W.T)
    assert "shape (4, 3), but it should have shape (3, 4)" in message
    assert "It is the expected dW transposed: is a .T missing or extra?" in message
    assert mistake == "transpose"


def test_a_transpose_of_a_square_answer_shows_in_its_values():
    square = RNG.normal(size=(3, 3))
    message, mistake = failure(square.T, square)
    assert "transposed" in message and mistake == "transpose"


def test_a_wrong_sign_is_asked_about_without_naming_a_cost():
    message, mistake = failure(-W)
    assert "is -1 times what it should be: is the sign wrong" in message and mistake == "sign"
    assert "ŷ" not in message, "a sign error is not always ŷ − y against y − ŷ"


@pytest.mark.parametrize(
    ("factor", "mistake", "diagnosis"),
    [
        (0.5, "half", "is 0.5 times what it should be: a factor of 2 missing"),
        (
            2.0,
            "factor-2",
            "is 2 times what it should be: a factor of 2 too many, or a division by 2 missing?",
        ),
        (32.0, "times-n", "is N = 32 (the batch size) times what it should be"),
        (1 / 32, "divided-by-n", "divided by N = 32, the batch size: is the mean taken twice?"),
    ],
)
def test_a_constant_factor_off(factor, mistake, diagnosis):
    message, found = failure(W * factor, batch_size=32)
    assert diagnosis in message and found == mistake


def test_the_message_names_the_entry_and_both_numbers():
    found = W.copy()
    found[1, 2] += 1.0
    message = feedback(found)
    assert message.startswith(f"`dW[1, 2]` is {found[1, 2]:.4g} but finite differences give")
    assert f"{W[1, 2]:.4g}" in message and "1 of its 12 entries differ" in message


def test_a_missing_sum_over_the_batch():
    db = RNG.normal(size=4)
    per_example = np.tile(db / 16, (16, 1))
    message = feedback(per_example, db)
    assert "shape (16, 4), but it should have shape (4,)" in message
    assert "one row per example (16 rows): sum over the batch (axis 0)" in message
    assert failure(per_example, db)[1] == "batch-sum"


def test_nan_and_infinity_are_named_with_where_they_are_and_which_row():
    found = W.copy()
    found[2, 1] = np.nan
    message, mistake = failure(found)
    assert "contains NaN (not a number) (1 of 12 entries, the first at dW[2, 1] (row 2))" in message
    assert mistake == "nan"
    found[2, 1] = np.inf
    assert failure(found) == (feedback(found), "infinity") and "contains infinity" in feedback(
        found
    )


def test_a_forgotten_activation_derivative_and_one_taken_at_a():
    dA, A_prev = RNG.normal(size=(5, 4)), RNG.normal(size=(5, 3))
    Z = RNG.normal(size=(5, 4))
    activation = Sigmoid()
    delta = dA * activation.derivative(Z)
    mistakes = dense_backward_mistakes(dA, A_prev, W, Z, activation)
    expected = A_prev.T @ delta
    forgot, mistake = failure(A_prev.T @ dA, expected, mistakes=mistakes["dW"])
    assert "you forget to multiply by the activation's derivative g'(Z)" in forgot
    assert mistake == "no-activation-derivative"
    at_a, mistake = failure(
        A_prev.T @ (dA * activation.derivative(activation.forward(Z))),
        expected,
        mistakes=mistakes["dW"],
    )
    assert "you evaluate the activation's derivative at A instead of Z" in at_a
    assert mistake == "derivative-at-output"
    assert "you forget" not in feedback(expected * 1.01, expected, mistakes=mistakes["dW"])


def test_a_derivative_evaluated_at_the_output():
    Z = RNG.normal(size=8)
    activation = Tanh()
    mistakes = activation_derivative_mistakes(activation, Z)
    wrong = activation.derivative(activation.forward(Z))
    message, mistake = failure(wrong, activation.derivative(Z), mistakes=mistakes)
    assert "at A = g(Z) instead of at Z" in message and mistake == "derivative-at-output"


def test_a_plain_wrong_answer_gets_numbers_but_no_false_diagnosis():
    message, mistake = failure(W + RNG.normal(size=W.shape))
    for diagnosis in ("transposed", "sign", "factor", "batch", "sum"):
        assert diagnosis not in message
    assert mistake is None


def test_numbers_and_conditions():
    with pytest.raises(CheckFailed, match=r"`the slope` is 3\.1 but it should be 3"):
        expect_number(3.1, 3.0, "the slope")
    with pytest.raises(CheckFailed, match="should be a number, got str"):
        expect_number("3", 3.0, "the slope")
    with pytest.raises(CheckFailed, match="too slow") as failed:
        expect(False, "too slow", mistake="slow")
    assert failed.value.mistake == "slow"
    expect(True, "never shown")


def test_an_array_where_one_number_belongs_is_named_not_reshaped():
    with pytest.raises(CheckFailed) as failed:
        expect_number(np.array([0.2, 0.7]), 0.5987, "neuron_output(x, w, b)")
    message = str(failed.value)
    assert "should be one number, but it is an array of shape (2,): [0.2 0.7]" in message
    assert failed.value.mistake == "not-one-number"
    expect_number(np.array([0.5987]), 0.5987, "neuron_output(x, w, b)")


def test_a_number_that_is_a_known_mistake_is_named():
    mistakes = {
        "no-activation": Mistake("you return z without the activation", 0.4),
        "no-bias": Mistake("you leave out the bias", -0.1),
    }
    with pytest.raises(CheckFailed) as failed:
        expect_number(0.4, 0.5987, "neuron(x, w, b)", "Dense gives", mistakes=mistakes)
    message = str(failed.value)
    assert message.startswith("`neuron(x, w, b)` is 0.4 but Dense gives 0.5987.")
    assert "That is what you get when you return z without the activation." in message
    assert failed.value.mistake == "no-activation"
    with pytest.raises(CheckFailed) as failed:
        expect_number(0.25, 0.5987, "neuron(x, w, b)", mistakes=mistakes)
    assert "That is what you get" not in str(failed.value)
    expect_number(np.float32(0.5987), 0.5987, "neuron(x, w, b)", mistakes=mistakes)


def test_a_case_says_which_call_failed_and_keeps_the_diagnosis():
    with pytest.raises(CheckFailed) as failed, case("For W of shape (3, 4)"):
        expect_array(-W, W, "dW", "finite differences give")
    message = str(failed.value)
    assert message.startswith("For W of shape (3, 4): `dW[")
    assert "is -1 times what it should be: is the sign wrong" in message
    assert failed.value.mistake == "sign", "a case keeps the mistake's id"
    with case("never shown"):
        expect_array(W.copy(), W, "dW")
    with pytest.raises(ValueError, match="not a check"), case("For W"):
        raise ValueError("not a check")


def test_a_wrong_number_is_not_called_a_constant_factor_unless_the_factor_is_a_known_one():
    with pytest.raises(CheckFailed) as failed:
        expect_number(0.1818, 0.4, "best_learning_rate(2, 3)")
    assert "factor" not in str(failed.value)
    with pytest.raises(CheckFailed) as failed:
        expect_number(0.2, 0.4, "best_learning_rate(2, 3)")
    assert "is 0.5 times what it should be: a factor of 2 missing" in str(failed.value)
    assert failure(W * 1.7) == (feedback(W * 1.7), "constant-factor")
    assert "a constant factor is off" in feedback(W * 1.7)


def test_a_single_number_reads_as_a_sentence():
    """Not "Your the change of w": the name is quoted, whatever it is."""
    with pytest.raises(CheckFailed) as failed:
        expect_number(-0.2, 0.2, "the change of w for w=2.0")
    assert str(failed.value).endswith(
        "w=2.0` is -0.2 but it should be 0.2. That is -1 times "
        "what it should be: is the sign wrong (a minus where a plus "
        "belongs, or the two sides of a difference swapped)?"
    )
    assert "Your the" not in str(failed.value)


def test_mistakes_must_be_given_as_ids_with_a_clause_and_an_answer():
    with pytest.raises(TypeError, match=r"mistakes= maps an id to Mistake\(clause, answer\)"):
        expect_array(W * 3, W, "dW", mistakes={"you triple it": W * 3})
