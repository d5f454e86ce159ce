"""The rules a statement sets ("without MSE", "no loop", "draw from rng", "one forward pass") are
enforced the same way everywhere, by watching the reader's function while it runs, whatever name
or alias it reaches the forbidden thing by; a function that keeps the rules is never blamed."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from backprop import MSE, Dense, Sigmoid, Value, numerical_gradient
from exercise_checks import (
    CheckFailed,
    at_least,
    at_most,
    expect_items,
    no_loop,
    obeying,
    only_random_from,
    without,
)
from notebook_cell import run_cell


def cell_function(code: str, name: str):
    """A function defined by a cell, as the reader's is (its lines belong to that cell)."""
    namespace: dict = {}
    result = run_cell(
        "import numpy as np\nfrom backprop import MSE, Sigmoid\n" + code, "<cell 3>", namespace
    )
    assert result.error is None, result.error
    return namespace[name]


def broken(function, *rules, args=()) -> CheckFailed:
    with pytest.raises(CheckFailed) as failed:
        obeying(function, *rules)(*args)
    return failed.value


Y_HAT, Y = np.ones((4, 3)), np.zeros((4, 3))
NOT_MSE = without(MSE, instead="work the gradient out from the formula")


@pytest.mark.parametrize(
    "code",
    [
        "def mse_gradient(y_hat, y):\n    return MSE().gradient(y_hat, y)",
        "loss = MSE()\ndef mse_gradient(y_hat, y):\n    return loss.gradient(y_hat, y)",
        "import backprop.losses as L\ndef mse_gradient(y_hat, y):\n"
        "    return L.MSE().gradient(y_hat, y)",
        "def mse_gradient(y_hat, y):\n    helper = MSE.gradient\n"
        "    return helper(MSE(), y_hat, y)",
    ],
)
def test_a_forbidden_class_is_caught_by_any_name(code):
    failure = broken(cell_function(code, "mse_gradient"), NOT_MSE, args=(Y_HAT, Y))
    assert failure.mistake == "forbidden-call"
    assert str(failure) == (
        "`mse_gradient` calls `MSE.gradient`, which this exercise asks you not to use: "
        "work the gradient out from the formula."
    )


def test_a_function_that_keeps_the_rule_returns_its_answer():
    own = cell_function(
        "def mse_gradient(y_hat, y):\n    return 2 * (y_hat - y) / y_hat.size", "mse_gradient"
    )
    assert np.allclose(obeying(own, NOT_MSE)(Y_HAT, Y), MSE().gradient(Y_HAT, Y))


def test_a_forbidden_method_leaves_the_rest_of_its_class_allowed():
    code = (
        "def sigmoid_prime(z):\n    a = Sigmoid().forward(z)\n    return a * (1 - a)\n"
        "def cheat(z):\n    return Sigmoid().derivative(z)"
    )
    rule = without(Sigmoid.derivative, numerical_gradient, instead="write it from a = σ(z)")
    obeying(cell_function(code, "sigmoid_prime"), rule)(np.zeros(3))
    failure = broken(cell_function(code, "cheat"), rule, args=(np.zeros(3),))
    assert "calls `Sigmoid.derivative`" in str(failure)


def test_the_broken_rule_is_told_even_if_an_error_follows():
    code = "def f(y_hat, y):\n    MSE().gradient(y_hat, y)\n    return 1 / 0"
    assert broken(cell_function(code, "f"), NOT_MSE, args=(Y_HAT, Y)).mistake == "forbidden-call"


@pytest.mark.parametrize(
    "body",
    [
        "    return np.array([np.tanh(x @ W) for x in X])",
        "    out = []\n    for x in X:\n        out.append(np.tanh(x @ W))\n"
        "    return np.array(out)",
        "    return np.apply_along_axis(lambda x: np.tanh(x @ W), 1, X)",
    ],
)
def test_a_loop_over_the_examples_is_caught_however_it_is_written(body):
    function = cell_function(f"def forward(X, W):\n{body}", "forward")
    rule = no_loop(7, instead="One matrix product handles the whole batch.")
    failure = broken(function, rule, args=(np.ones((7, 3)), np.ones((3, 2))))
    assert failure.mistake == "loop"
    assert "times in one call of `forward`, once per example of a batch of 7" in str(failure)


def test_a_helper_called_twice_is_not_a_loop():
    code = "def g(Z):\n    return np.tanh(Z)\ndef forward(X, W):\n    return g(g(X @ W))"
    obeying(cell_function(code, "forward"), no_loop(7, instead="."))(np.ones((7, 3)), np.eye(3))


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("return np.random.normal(size=(n, m))", "from numpy's global generator"),
        ("return np.random.default_rng(0).normal(size=(n, m))", "does not draw anything from"),
    ],
)
def test_random_numbers_must_come_from_the_given_generator(body, said):
    function = cell_function(f"def weights(n, m, rng):\n    {body}", "weights")
    rng = np.random.default_rng(1)
    failure = broken(function, only_random_from(rng), args=(3, 2, rng))
    assert failure.mistake == "other-generator" and said in str(failure)
    fair = cell_function("def weights(n, m, rng):\n    return rng.normal(size=(n, m))", "weights")
    assert obeying(fair, only_random_from(rng))(3, 2, rng).shape == (3, 2)


def test_at_most_counts_calls_of_all_its_things_together():
    layers = [Dense(2, 2, rng=0), Dense(2, 1, rng=0)]
    X = np.ones((4, 2))

    def once(X):
        for layer in layers:
            X = layer.forward(X)
        return X

    def twice(X):
        once(X)
        return [layer.predict(X if k == 0 else np.ones((4, 2))) for k, layer in enumerate(layers)]

    rule = at_most((Dense.forward, Dense.predict), 2, why="one forward pass is enough")
    obeying(once, rule)(X)
    failure = broken(twice, rule, args=(X,))
    assert failure.mistake == "too-many-calls" and "more than 2 times" in str(failure)


def test_the_tracing_in_place_before_is_put_back():
    before = sys.gettrace(), sys.getprofile()
    obeying(lambda: 1, NOT_MSE, no_loop(3, instead="."))()
    assert (sys.gettrace(), sys.getprofile()) == before


def test_a_rule_refuses_what_it_cannot_watch():
    with pytest.raises(TypeError, match="watch Python functions, methods and classes"):
        without(np.exp, instead="...")


@pytest.mark.parametrize("found", [(1, 2), [1, 2], np.array([1.0, 2.0])])
def test_several_things_may_come_in_any_sequence(found):
    assert expect_items(found, ["w", "b"], "gradient_step(...)") == (found[0], found[1])


@pytest.mark.parametrize(
    ("found", "mistake", "said"),
    [
        (None, "not-a-sequence", "returned None: is its `return` missing?"),
        (3.0, "not-a-sequence", "returned float 3.0"),
        ("wb", "not-a-sequence", "returned str 'wb'"),
        ((1, 2, 3), "wrong-count", "but it returned 3: (1, 2, 3)"),
    ],
)
def test_the_wrong_number_of_things_is_named(found, mistake, said):
    with pytest.raises(CheckFailed) as failed:
        expect_items(found, ["w", "b"], "gradient_step(...)")
    assert failed.value.mistake == mistake and said in str(failed.value)
    assert "should return 2 things, (w, b)" in str(failed.value)


def test_at_least_requires_the_call_the_task_is_about():
    def by_backward(x):
        v = Value(x)
        (v * v).backward()
        return v.grad

    def by_formula(x):
        return 2 * x

    rule = at_least(Value.backward, 1, why="the gradient must come from backward()")
    assert obeying(by_backward, rule)(3.0) == 6.0
    failure = broken(by_formula, rule, args=(3.0,))
    assert failure.mistake == "missing-call"
    assert str(failure) == (
        "`by_formula` never calls `Value.backward`: the gradient must come from backward()."
    )
