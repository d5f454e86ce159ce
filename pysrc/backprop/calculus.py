"""Numerical derivatives: the slow, obviously correct reference that backprop is checked against.

The central difference

    f'(x) ≈ (f(x + h) − f(x − h)) / (2h)

has error of order h² (the first-order terms cancel), so h = 1e-5 gives about ten
correct digits in float64: small enough that h² is tiny, large enough that rounding
error (about 1e-16 / h) stays small too.
"""

import numpy as np


def derivative(f, x, h=1e-5):
    """Central-difference estimate of f'(x) for a function of one number.

    >>> round(derivative(lambda x: x**2, 3.0), 6)
    6.0
    """
    x = float(x)
    return float((f(x + h) - f(x - h)) / (2 * h))


def numerical_gradient(f, x, h=1e-5):
    """Central-difference estimate of ∂f/∂x for every element of the array x.

    f takes an array shaped like x and returns a number. Element by element we nudge
    x[i] by ±h, keeping every other element fixed:

        gradient[i] = (f(x + h·e_i) − f(x − h·e_i)) / (2h)

    Returns a float64 array with the shape of x. The caller's x is never modified.
    """
    x = np.array(x, dtype=np.float64)  # a private copy that we can nudge
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + h
        f_plus = f(x)
        x[index] = original - h
        f_minus = f(x)
        x[index] = original
        gradient[index] = (f_plus - f_minus) / (2 * h)
    return gradient
