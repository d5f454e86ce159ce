"""The contour explorer's numbers: a function of (x, y) as a grid, and at one point p its gradient
and its slope in a direction u the reader turns.

    ∇f(p)       backprop.numerical_gradient(f, p): central differences, one entry at a time
    u           (cos θ, sin θ) for the direction θ in degrees
    D_u f(p)    ∇f(p) · u = ‖∇f(p)‖ cos φ, φ the angle between ∇f(p) and u (0° … 180°)
    measured    backprop.derivative(t ↦ f(p + t u), 0): the slope along u, without the formula

The page draws the contours, the one through p (f = f(p)), ∇f(p) as an arrow (perpendicular to
that contour), u, and the projection of ∇f(p) on u, whose signed length is D_u f(p).
"""

from __future__ import annotations

import math

import numpy as np

from backprop import Valley, derivative, numerical_gradient

GRID_POINTS = 81


class HillAndPit:
    """The Partial derivatives chapter's landscape: a hill near (1, 0.5), a pit near (−1, −0.5).

    f(x, y) = exp(−(x − 1)² − (y − 0.5)²) − exp(−(x + 1)² − (y + 0.5)²)
    """

    x_range = (-2.5, 2.5)
    y_range = (-2.5, 2.5)
    levels = [-0.9, -0.7, -0.5, -0.3, -0.1, 0.1, 0.3, 0.5, 0.7, 0.9]

    def value(self, point):
        x, y = point
        return np.exp(-((x - 1) ** 2) - (y - 0.5) ** 2) - np.exp(-((x + 1) ** 2) - (y + 0.5) ** 2)


class ContourValley(Valley):
    """The Gradient descent chapter's valley f = x²/2 + 5y², with contour levels for the page."""

    levels = [0.25, 1, 2.5, 5, 8, 12, 17, 23]


SURFACES = {"hill-and-pit": HillAndPit, "valley": ContourValley}
FORMULAS = {
    "hill-and-pit": "exp(−(x−1)² − (y−½)²) − exp(−(x+1)² − (y+½)²)",
    "valley": "x²/2 + 5y²",
}


def surface_grid(name: str) -> dict:
    """f on a GRID_POINTS × GRID_POINTS grid over the surface's window, rows along y."""
    surface = SURFACES[name]()
    xs = np.linspace(*surface.x_range, GRID_POINTS)
    ys = np.linspace(*surface.y_range, GRID_POINTS)
    X, Y = np.meshgrid(xs, ys)
    values = surface.value((X, Y))
    steepest = max_gradient_length(surface, xs, ys)
    return {
        "surface": name,
        "formula": FORMULAS[name],
        "x": xs.round(6).tolist(),
        "y": ys.round(6).tolist(),
        "z": values.round(6).tolist(),
        "levels": surface.levels,
        "x_range": list(surface.x_range),
        "y_range": list(surface.y_range),
        # The longest gradient arrow is a quarter of the window's width.
        "arrow_scale": 0.25 * (surface.x_range[1] - surface.x_range[0]) / steepest,
    }


def max_gradient_length(surface, xs, ys) -> float:
    """The largest ‖∇f‖ on the grid, from numpy's differences (only to scale the arrows)."""
    X, Y = np.meshgrid(xs, ys)
    d_dy, d_dx = np.gradient(surface.value((X, Y)), ys, xs)
    return float(np.hypot(d_dx, d_dy).max())


def explore(settings: dict) -> dict:
    """The gradient at the point and the slope along the chosen direction."""
    surface = SURFACES[settings["surface"]]()
    p = np.array(settings["point"], dtype=float)
    theta = math.radians(settings["direction"])
    u = np.array([math.cos(theta), math.sin(theta)])
    gradient = numerical_gradient(surface.value, p)
    length = float(np.linalg.norm(gradient))
    along_u = float(gradient @ u)
    measured = derivative(lambda t: surface.value(p + t * u), 0.0)
    gradient_angle = math.degrees(math.atan2(gradient[1], gradient[0])) % 360
    # φ: the angle between ∇f and u, 0° … 180° (None where ∇f is zero and has no direction).
    phi = abs((settings["direction"] - gradient_angle + 180) % 360 - 180) if length > 0 else None
    return {
        "settings": settings,
        "value": float(surface.value(p)),
        "gradient": gradient.tolist(),
        "length": length,
        "gradient_angle": gradient_angle,
        "u": u.tolist(),
        "phi": phi,
        "cos_phi": math.cos(math.radians(phi)) if phi is not None else None,
        "directional": along_u,
        "measured": measured,
    }
