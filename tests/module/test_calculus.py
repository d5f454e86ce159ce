"""calculus: central differences, the reference that every analytic gradient is checked against."""

import math

import numpy as np
import pytest

from backprop import derivative, numerical_gradient

from .helpers import assert_close


@pytest.mark.parametrize(
    ("name", "f", "x", "expected"),
    [
        ("x² at 3", lambda x: x**2, 3.0, 6.0),
        ("sin at 0", math.sin, 0.0, 1.0),
        ("exp at 1", math.exp, 1.0, math.e),
        ("x³ at -2", lambda x: x**3, -2.0, 12.0),
        ("1/x at 0.5", lambda x: 1 / x, 0.5, -4.0),
    ],
)
def test_derivative_matches_known_derivatives(name, f, x, expected):
    assert_close(derivative(f, x), expected, tolerance=1e-8, what=f"derivative of {name}")


def test_derivative_returns_a_python_float():
    found = derivative(lambda x: x**2, 3.0)
    assert type(found) is float, f"expected a float, found {type(found).__name__}"


def test_derivative_is_the_central_difference_with_the_given_step():
    found = derivative(lambda x: x**3, 1.0, h=0.1)
    expected = (1.1**3 - 0.9**3) / 0.2  # = 3 + h², the central difference's O(h²) error
    assert_close(found, expected, tolerance=1e-12, what="central difference with h = 0.1")


def test_numerical_gradient_of_sum_of_squares_is_twice_x_with_the_shape_of_x():
    x = np.array([[1.0, -2.0, 0.5], [3.0, 0.0, -1.5]])
    found = numerical_gradient(lambda a: np.sum(a**2), x)
    assert_close(found, 2 * x, tolerance=1e-8, what="gradient of Σx²")


def test_numerical_gradient_leaves_its_input_unchanged():
    x = np.array([1.0, 2.0, 3.0])
    before = x.copy()
    numerical_gradient(lambda a: np.prod(a), x)
    assert np.array_equal(x, before), f"expected x to stay {before}, found {x}"


def test_numerical_gradient_of_a_linear_function_is_its_coefficients():
    coefficients = np.array([0.5, -3.0, 2.0, 7.0])
    found = numerical_gradient(lambda a: coefficients @ a, np.zeros(4))
    assert_close(found, coefficients, tolerance=1e-9, what="gradient of c·x")


def test_numerical_gradient_evaluates_f_twice_per_entry():
    """Central differences cost 2n evaluations for n entries (forward differences, n + 1)."""
    calls = []
    x = np.ones((2, 3))
    numerical_gradient(lambda a: calls.append(1) or float(np.sum(a**2)), x)
    assert len(calls) == 2 * x.size, f"expected {2 * x.size} evaluations, found {len(calls)}"
