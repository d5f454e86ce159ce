"""Gradient descent on a surface, with optional momentum: the SGD update, applied to one point.

From a start θ₀, with learning rate η and momentum μ (μ = 0 for plain gradient descent),
each step is

    v ← μ v − η ∇f(θ),    θ ← θ + v            (the velocity v starts at 0)

With μ = 0 this is θ ← θ − η ∇f(θ). It is the rule backprop.SGD applies to every W and b;
here θ is a point (x, y) on a surface from surfaces.py (anything with value and gradient).
"""

import math
from dataclasses import dataclass

import numpy as np

from ._checks import is_real


@dataclass
class Trajectory:
    """Where gradient descent went: k steps give k + 1 points.

    points        (k + 1, 2)  θ₀ (the start), θ₁, ..., θ_k
    losses        (k + 1,)    f at each of those points
    diverged      True if a step overflowed (inf or nan) and the run stopped there
    message       one line saying how it ended
    """

    points: np.ndarray
    losses: np.ndarray
    diverged: bool
    message: str

    @property
    def steps(self):
        """The number of steps taken (one fewer than the points)."""
        return len(self.points) - 1


def gradient_descent(surface, start, learning_rate, steps, momentum=0.0):
    """Run `steps` steps of gradient descent (with momentum μ if given) on surface from start.

    Returns a Trajectory. If a step would give an inf or nan (the learning rate is too large
    and the iterates overflowed), the run stops after the last finite point, with
    diverged=True and a message that says after how many steps; it never returns inf or nan.
    A loss that grows without overflowing is returned as it is: look at .losses.
    """
    if not is_real(learning_rate) or not (math.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(f"learning_rate must be a positive number, got {learning_rate!r}")
    if not is_real(momentum) or not 0 <= momentum < 1:
        raise ValueError(f"momentum must be a number with 0 <= momentum < 1, got {momentum!r}")
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 0:
        raise ValueError(f"steps must be a whole number >= 0, got {steps!r}")
    theta = np.array(start, dtype=np.float64)
    if theta.ndim != 1 or not np.all(np.isfinite(theta)):
        raise ValueError(f"start must be a point of finite numbers such as (x, y), got {start!r}")

    velocity = np.zeros_like(theta)
    points, losses = [theta.copy()], [surface.value(theta)]
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(1, steps + 1):
            velocity = momentum * velocity - learning_rate * surface.gradient(theta)
            candidate = theta + velocity
            loss = surface.value(candidate)
            if not (np.all(np.isfinite(candidate)) and math.isfinite(loss)):
                message = (
                    f"diverged after {step - 1} steps: step {step} overflowed; "
                    f"try a learning rate below {learning_rate:g}"
                )
                return Trajectory(np.array(points), np.array(losses), True, message)
            theta = candidate
            points.append(theta.copy())
            losses.append(loss)
        message = f"{steps} steps, final loss {losses[-1]:.6g}"
    return Trajectory(np.array(points), np.array(losses), False, message)
