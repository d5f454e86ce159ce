"""The gradient descent explorer's numbers: a cost surface as a grid, and a descent on it.

The surfaces and the descent are backprop's (backprop.Valley, backprop.TwoMinima,
backprop.gradient_descent). This module only turns them into plain data for the page and adds
one judgement the figure states in words: whether the run diverged. It has when the numbers
overflow, when the point runs away (it leaves a box RUNAWAY times the size of the plotted
window: the run is cut there), or when descent climbs: f ends higher than where it started and
stays above it from some step on (the step count is that step). Losses are given as
f - f_min, the gap to the lowest minimum, which a log axis can show.
"""

from __future__ import annotations

import numpy as np

from backprop import TwoMinima, Valley, gradient_descent

SURFACES = {"valley": Valley, "two-minima": TwoMinima}
GRID_POINTS = 81
RUNAWAY = 1_000


def surface_grid(name: str) -> dict:
    """f on a GRID_POINTS × GRID_POINTS grid over the surface's window, rows along y."""
    surface = SURFACES[name]()
    xs = np.linspace(*surface.x_range, GRID_POINTS)
    ys = np.linspace(*surface.y_range, GRID_POINTS)
    X, Y = np.meshgrid(xs, ys)
    return {
        "surface": name,
        "x": xs.round(6).tolist(),
        "y": ys.round(6).tolist(),
        "z": surface.value((X, Y)).round(6).tolist(),
        "minima": surface.minima.round(6).tolist(),
        "lowest": float(surface.value(surface.minima[0])),
        "x_range": list(surface.x_range),
        "y_range": list(surface.y_range),
        "description": repr(surface),
    }


def descend(settings: dict) -> dict:
    """The trajectory and losses of gradient descent with the explorer's settings."""
    surface = SURFACES[settings["surface"]]()
    run = gradient_descent(surface, settings["start"], settings["learning_rate"],
                           settings["steps"], momentum=settings["momentum"])  # fmt: skip
    points, losses = run.points, run.losses
    lowest = float(surface.value(surface.minima[0]))
    window = max(abs(v) for v in (*surface.x_range, *surface.y_range))
    away = np.flatnonzero(np.max(np.abs(points), axis=1) > RUNAWAY * window)
    gaps = np.maximum(losses - lowest, 0.0)
    if away.size or run.diverged:
        diverged_at = int(away[0]) if away.size else run.steps
        points, gaps = points[: diverged_at + 1], gaps[: diverged_at + 1]
        verdict = f"Diverged after {diverged_at} steps: the point ran away from the minimum."
    elif gaps[-1] > gaps[0]:
        below = np.flatnonzero(gaps <= gaps[0])
        diverged_at = int(below[-1]) + 1
        verdict = (f"Diverged after {diverged_at} steps: f is higher than where it started and "
                   "keeps growing. The learning rate is too large for this surface.")  # fmt: skip
    else:
        diverged_at = None
        verdict = (
            f"After {run.steps} steps, f − f_min = {gaps[-1]:.3g} (it started at {gaps[0]:.3g})."
        )
    return {
        "points": points.tolist(),
        "gaps": gaps.tolist(),
        "diverged": diverged_at is not None,
        "diverged_after": diverged_at,
        "verdict": verdict,
        "settings": settings,
    }
