"""The gradient descent explorer's numbers are backprop's, and it says when a run diverges."""

from __future__ import annotations

import numpy as np
import pytest

from backprop import TwoMinima, Valley, gradient_descent, numerical_gradient
from explorables.gradient_descent import descend, surface_grid
from explorables.settings import SettingsError, settings_for


@pytest.mark.parametrize(("name", "surface"), [("valley", Valley()), ("two-minima", TwoMinima())])
def test_the_grid_is_the_surfaces_values(name, surface):
    grid = surface_grid(name)
    i, j = 17, 63
    point = np.array([grid["x"][j], grid["y"][i]])
    assert grid["z"][i][j] == pytest.approx(surface.value(point), abs=1e-6)
    assert np.allclose(grid["minima"], surface.minima, atol=1e-6)
    # The surfaces' exact gradients, which the descent follows, against central differences.
    assert np.allclose(surface.gradient(point), numerical_gradient(surface.value, point), atol=1e-6)


@pytest.mark.parametrize("momentum", [0.0, 0.5, 0.9])
def test_the_trajectory_is_backprops_gradient_descent(momentum):
    settings = settings_for("gradient-descent", {"momentum": momentum, "learning_rate": 0.03})
    run = descend(settings)
    expected = gradient_descent(Valley(), settings["start"], 0.03, settings["steps"], momentum)
    assert np.allclose(run["points"], expected.points)
    assert np.allclose(run["gaps"], expected.losses)  # the valley's minimum is 0
    assert not run["diverged"] and run["verdict"].startswith("After 40 steps")


@pytest.mark.parametrize("learning_rate", [0.21, 0.25, 0.5, 5.0])
def test_a_learning_rate_above_two_over_the_largest_curvature_diverges_and_says_so(learning_rate):
    """On the valley x²/2 + 5y² the largest curvature is 10: plain descent is stable only for
    a learning rate below 2/10."""
    run = descend(settings_for("gradient-descent", {"learning_rate": learning_rate}))
    assert run["diverged"]
    assert run["verdict"].startswith(f"Diverged after {run['diverged_after']} steps")
    assert all(np.isfinite(run["gaps"])) and all(np.isfinite(np.ravel(run["points"])))


@pytest.mark.parametrize("learning_rate", [0.01, 0.1, 0.19])
def test_a_learning_rate_below_the_limit_converges(learning_rate):
    run = descend(settings_for("gradient-descent", {"learning_rate": learning_rate, "steps": 200}))
    assert not run["diverged"] and run["gaps"][-1] < run["gaps"][0]


def test_where_it_starts_decides_which_minimum_it_finds():
    surface = TwoMinima()
    ends = []
    for x in (-0.2, 0.2):
        run = descend(settings_for("gradient-descent", {"surface": "two-minima",
                                   "start": [x, 0.5], "steps": 300}))  # fmt: skip
        ends.append(run["points"][-1])
    assert np.allclose(sorted(end[0] for end in ends), sorted(surface.minima[:, 0]), atol=1e-3)


def test_settings_out_of_range_are_refused_with_what_is_allowed():
    with pytest.raises(SettingsError, match="learning_rate must be between 0.0001 and 10"):
        settings_for("gradient-descent", {"learning_rate": 50})
    with pytest.raises(SettingsError, match="surface must be one of valley, two-minima"):
        settings_for("gradient-descent", {"surface": "bowl"})
    with pytest.raises(SettingsError, match=r"unknown setting\(s\) \['speed'\]"):
        settings_for("gradient-descent", {"speed": 1})
    with pytest.raises(SettingsError, match="steps must be a whole number"):
        settings_for("gradient-descent", {"steps": 2.5})
