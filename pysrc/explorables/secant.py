"""The secant explorer's numbers: a function, the secant from x to x + h, and its tangent at x.

For f at x and a step h the page shows

    secant slope    (f(x + h) − f(x)) / h          the forward difference, as computed in floats
    central         (f(x + h) − f(x − h)) / (2h)   backprop.derivative(f, x, h)
    f'(x)           exact: backprop.Value's backward() through the same expression

and the error |secant slope − f'(x)| for every h on a log grid from 1e-16 to 1, to show where
it stops shrinking like h (truncation, about ½|f''(x)| h) and grows like ε/h instead (rounding:
f(x + h) and f(x) agree in most of their 16 digits, and the few that differ are noise, about
ε·max(|f(x)|, |x f'(x)|, 1)/h).

Each function is written once, over Values, so that f(x) and f'(x) come from one expression:
Value does its arithmetic in floats, so Value(x + h) gives the same f(x + h) as plain floats.
"""

from __future__ import annotations

import numpy as np

from backprop import Value, derivative

FUNCTIONS = {
    "square": ("x²", lambda v: v * v),
    "cubic": ("x³ − 2x", lambda v: v**3 - 2 * v),
    "tanh": ("tanh x", lambda v: v.tanh()),
    "exp": ("eˣ", lambda v: v.exp()),
}
EPSILON = float(np.finfo(float).eps)  # the spacing of floats near 1: 2.2e-16
ERROR_STEPS = np.logspace(-16, 0, 97)  # h for the error curve, 6 per decade
CURVE_POINTS = 121
HALF_WINDOW = 1.6  # the plotted window is x − HALF_WINDOW … x + HALF_WINDOW


def value(function: str, x: float) -> float:
    return FUNCTIONS[function][1](Value(x)).data


def slope(function: str, x: float) -> float:
    """f'(x), exact up to rounding: backward() through the function's own expression."""
    point = Value(x)
    FUNCTIONS[function][1](point).backward()
    return point.grad


def secant_slope(function: str, x: float, h: float) -> float:
    """The forward difference, in floats, as the chapter's first cell computes it."""
    return (value(function, x + h) - value(function, x)) / h


def explore(settings: dict) -> dict:
    """The curve, the secant and the tangent at the settings, and the error for every h."""
    function, x, h = settings["function"], settings["x"], settings["h"]
    fx, exact = value(function, x), slope(function, x)
    xs = np.linspace(x - HALF_WINDOW, x + HALF_WINDOW, CURVE_POINTS)
    secant = secant_slope(function, x, h)
    central = derivative(lambda t: value(function, t), x, h=h)
    curvature = derivative(lambda t: slope(function, t), x, h=1e-4)  # f''(x)
    errors = [abs(secant_slope(function, x, step) - exact) for step in ERROR_STEPS]
    error = abs(secant - exact)
    truncation = 0.5 * abs(curvature) * h
    # f(x) and the step x + h − x are each rounded, by about ε times their size.
    rounding = EPSILON * max(abs(fx), abs(x * exact), 1.0) / h
    return {
        "settings": settings,
        "formula": FUNCTIONS[function][0],
        "curve": [[float(t), value(function, float(t))] for t in xs],
        "fx": fx,
        "f_x_plus_h": value(function, x + h),
        "secant": secant,
        "central": central,
        "exact": exact,
        "secant_error": error,
        "central_error": abs(central - exact),
        "truncation": truncation,
        "rounding": rounding,
        "errors": [[float(step), err] for step, err in zip(ERROR_STEPS, errors, strict=True)],
        "verdict": verdict(h, error, truncation, rounding),
    }


def verdict(h: float, error: float, truncation: float, rounding: float) -> str:
    """Which error the secant's error is made of, in words."""
    if error == 0.0:
        return f"At h = {h:.1e} the secant slope happens to be exact to the last digit."
    if rounding > truncation:
        return (
            f"At h = {h:.1e} rounding error takes over: about ε/h = {rounding:.1e}, more than the "
            f"truncation error ½|f″|h = {truncation:.1e}. A smaller h makes it worse."
        )
    return (
        f"At h = {h:.1e} the error is truncation, about ½|f″|h = {truncation:.1e}: it shrinks "
        "in step with h, until rounding takes over."
    )
