"""gradient_descent: the SGD update on a point, stopping cleanly when the iterates overflow."""

import math

import numpy as np
import pytest

from backprop import SGD, TwoMinima, Valley, gradient_descent

from .helpers import assert_close


class PointAsLayer:
    """A point θ dressed as a one-layer network, so that SGD.step can update it."""

    description = "a point"

    def __init__(self, point):
        self.W = np.array(point, dtype=np.float64)
        self.b = np.zeros(0)
        self.dW, self.db = None, np.zeros(0)


def descend_with_sgd(surface, start, learning_rate, steps, momentum):
    point = PointAsLayer(start)
    network = type("OneLayer", (), {"layers": [point]})()
    optimizer = SGD(learning_rate, momentum=momentum)
    points = [point.W.copy()]
    for _ in range(steps):
        point.dW = surface.gradient(point.W)
        optimizer.step(network)
        points.append(point.W.copy())
    return np.array(points)


@pytest.mark.parametrize("momentum", [0.0, 0.5, 0.9])
@pytest.mark.parametrize("surface", [Valley(), TwoMinima()], ids=repr)
def test_it_takes_the_same_steps_as_sgd(surface, momentum):
    found = gradient_descent(surface, (-1.5, 1.2), 0.05, 30, momentum=momentum).points
    expected = descend_with_sgd(surface, (-1.5, 1.2), 0.05, 30, momentum)
    assert_close(found, expected, tolerance=1e-13, what=f"points with momentum {momentum}")


def test_plain_descent_on_the_valley_multiplies_x_and_y_by_their_factors():
    """On f = x²/2 + 5y², x ← (1 − η) x and y ← (1 − 10η) y, exactly (a hand computation)."""
    trajectory = gradient_descent(Valley(), (-4.5, 1.8), 0.12, 10)
    k = np.arange(11)
    expected = np.column_stack([-4.5 * 0.88**k, 1.8 * (-0.2) ** k])
    assert_close(trajectory.points, expected, tolerance=1e-13, what="points")
    assert_close(trajectory.losses, 0.5 * expected[:, 0] ** 2 + 5 * expected[:, 1] ** 2,
                 tolerance=1e-13, what="losses")  # fmt: skip


def test_k_steps_give_k_plus_one_points_and_losses():
    trajectory = gradient_descent(TwoMinima(), (0.5, 1.0), 0.1, 25)
    assert trajectory.points.shape == (26, 2) and trajectory.losses.shape == (26,)
    assert trajectory.steps == 25 and not trajectory.diverged
    assert trajectory.message == f"25 steps, final loss {trajectory.losses[-1]:.6g}"


def test_the_start_decides_which_minimum_is_reached():
    surface = TwoMinima()
    left = gradient_descent(surface, (-0.2, 1.0), 0.05, 300).points[-1]
    right = gradient_descent(surface, (0.3, 1.0), 0.05, 300).points[-1]
    assert_close(left, surface.minima[0], tolerance=1e-6, what="end from x = -0.2")
    assert_close(right, surface.minima[1], tolerance=1e-6, what="end from x = 0.3")


def test_an_overflowing_run_stops_at_its_last_finite_point_and_says_so():
    with np.errstate(over="raise", invalid="raise"):  # no overflow warning may escape
        trajectory = gradient_descent(Valley(), (-4.5, 1.8), 0.25, 5000)
    assert trajectory.diverged
    assert np.all(np.isfinite(trajectory.points)) and np.all(np.isfinite(trajectory.losses))
    assert 0 < trajectory.steps < 5000
    assert trajectory.message.startswith(f"diverged after {trajectory.steps} steps")
    assert math.isfinite(trajectory.losses[-1]) and trajectory.losses[-1] > 1e300


def test_a_growing_run_that_does_not_overflow_is_not_called_diverged():
    trajectory = gradient_descent(Valley(), (-4.5, 1.8), 0.21, 40)
    assert not trajectory.diverged and trajectory.losses[-1] > trajectory.losses[0]


def test_zero_steps_give_the_start_only():
    trajectory = gradient_descent(Valley(), (1.0, 1.0), 0.1, 0)
    assert_close(trajectory.points, [[1.0, 1.0]], tolerance=0, what="points")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"learning_rate": 0}, "learning_rate must be a positive number"),
        ({"momentum": 1.0}, "momentum must be a number with 0 <= momentum < 1"),
        ({"steps": -1}, "steps must be a whole number"),
        ({"steps": 2.5}, "steps must be a whole number"),
        ({"start": (np.nan, 0.0)}, "start must be a point of finite numbers"),
    ],
)
def test_bad_arguments_are_refused_with_a_message(arguments, message):
    call = {"start": (1.0, 1.0), "learning_rate": 0.1, "steps": 3} | arguments
    with pytest.raises(ValueError, match=message):
        gradient_descent(Valley(), **call)
