"""The neuron explorer's numbers: one neuron, or one layer of up to three, over the plane.

A Dense(2, n) layer with the reader's weights, bias and activation computes, for every point
(x₁, x₂) of a grid over the plane and for the reader's point x,

    z = x W + b      x (1, 2) · W (2, n) + b (n,) → z (1, n)
    a = g(z)         (1, n)

The page paints unit j's output a_j over the plane and draws each unit's line z_j = 0, where
w₁ⱼ x₁ + w₂ⱼ x₂ + b_j changes sign: the decision line, where σ crosses ½ and tanh crosses 0, and
the line along which ReLU bends. On one side of it z_j grows in the direction (w₁ⱼ, w₂ⱼ).
"""

from __future__ import annotations

import numpy as np

from backprop import Dense

WINDOW = (-4.0, 4.0)  # the plane shown, in x₁ and in x₂
GRID_POINTS = 41
RANGES = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0), "relu": (0.0, None)}


def layer_for(settings: dict) -> Dense:
    """The Dense(2, units) layer with the settings' first `units` columns of weights."""
    units = settings["units"]
    layer = Dense(2, units, activation=settings["activation"])
    layer.W[...] = np.array(settings["weights"])[:, :units]
    layer.b[...] = np.array(settings["biases"])[:units]
    return layer


def zero_line(w: np.ndarray, b: float) -> list[list[float]] | None:
    """The two ends of the line w₁x₁ + w₂x₂ + b = 0 inside the window, or None if it misses it
    (or w = 0, when z is the same everywhere)."""
    low, high = WINDOW
    ends = []
    if abs(w[1]) > 1e-12:  # crossings of the left and right edges
        ends += [[x1, -(w[0] * x1 + b) / w[1]] for x1 in (low, high)]
    if abs(w[0]) > 1e-12:  # crossings of the bottom and top edges
        ends += [[-(w[1] * x2 + b) / w[0], x2] for x2 in (low, high)]
    inside = [end for end in ends if all(low - 1e-9 <= c <= high + 1e-9 for c in end)]
    unique = []
    for end in inside:
        if all(np.hypot(end[0] - u[0], end[1] - u[1]) > 1e-9 for u in unique):
            unique.append(end)
    return [[float(c) for c in end] for end in unique[:2]] if len(unique) >= 2 else None


def explore(settings: dict) -> dict:
    """Each unit's output over the plane, its zero line, and z and a at the reader's point."""
    layer = layer_for(settings)
    xs = np.linspace(*WINDOW, GRID_POINTS)
    X1, X2 = np.meshgrid(xs, xs)
    grid = layer.predict(np.column_stack([X1.ravel(), X2.ravel()]))  # (points, units)
    a = layer.forward(np.array([settings["x"]]))  # caches z in layer.Z
    low, high = RANGES[settings["activation"]]
    return {
        "settings": settings,
        "window": list(WINDOW),
        "range": [low, high if high is not None else max(float(grid.max()), 1.0)],
        "outputs": [grid[:, j].reshape(X1.shape).round(4).tolist() for j in range(layer.n_out)],
        "lines": [zero_line(layer.W[:, j], layer.b[j]) for j in range(layer.n_out)],
        "W": layer.W.tolist(),
        "b": layer.b.tolist(),
        "z": layer.Z[0].tolist(),
        "a": a[0].tolist(),
        "shapes": f"x (1×2) · W (2×{layer.n_out}) + b ({layer.n_out}) → z (1×{layer.n_out}); "
        f"a = {settings['activation']}(z) (1×{layer.n_out})",
    }
