"""The secant and contour explorers' numbers are backprop's: f'(x) from Value.backward, the
secant slope in floats, ∇f by numerical_gradient, the slope along u by derivative."""

from __future__ import annotations

import math

import numpy as np
import pytest

from backprop import derivative, numerical_gradient
from explorables import contour_gradient, secant
from explorables.settings import settings_for


@pytest.mark.parametrize(
    ("function", "x", "exact"),
    [
        ("square", 3.0, 6.0),
        ("cubic", 1.0, 1.0),
        ("tanh", 0.5, 1 - math.tanh(0.5) ** 2),
        ("exp", 1.0, math.e),
    ],
)
def test_the_tangents_slope_is_exact_and_the_secants_is_the_forward_difference(function, x, exact):
    shown = secant.explore(settings_for("secant", {"function": function, "x": x, "h": 0.1}))
    assert shown["exact"] == pytest.approx(exact, rel=1e-15)
    f = secant.FUNCTIONS[function][1]
    plain = {
        "square": lambda t: t * t,
        "cubic": lambda t: t**3 - 2 * t,
        "tanh": math.tanh,
        "exp": math.exp,
    }[function]
    assert shown["secant"] == (plain(x + 0.1) - plain(x)) / 0.1
    assert shown["central"] == derivative(plain, x, h=0.1)
    assert shown["fx"] == plain(x) and f is not None


def test_the_secants_of_x_squared_at_3_are_the_chapters():
    """Derivatives: "With h = 0.1 ... slope 6.1. With h = 0.01 the slope is 6.01"."""
    for h, slope in [(1.0, 7.0), (0.1, 6.1), (0.01, 6.01)]:
        shown = secant.explore(settings_for("secant", {"h": h}))
        assert shown["secant"] == pytest.approx(slope, abs=1e-9)


def test_rounding_takes_over_for_tiny_h_and_truncation_for_large():
    large = secant.explore(settings_for("secant", {"h": 0.5}))
    tiny = secant.explore(settings_for("secant", {"h": 1e-13}))
    assert "truncation" in large["verdict"] and large["truncation"] > large["rounding"]
    assert "rounding error takes over" in tiny["verdict"] and tiny["secant_error"] > 1e-5
    errors = np.array(large["errors"])
    best = errors[np.argmin(errors[:, 1]), 0]
    assert 1e-10 < best < 1e-6, "the forward difference is best near sqrt(eps)"


def test_the_gradient_is_numerical_gradient_and_the_slope_along_u_is_its_projection():
    settings = settings_for("contour-gradient", {"point": [0.3, -0.7], "direction": 200})
    shown = contour_gradient.explore(settings)
    surface = contour_gradient.HillAndPit()
    gradient = numerical_gradient(surface.value, np.array([0.3, -0.7]))
    assert shown["gradient"] == gradient.tolist()
    u = np.array([math.cos(math.radians(200)), math.sin(math.radians(200))])
    assert shown["directional"] == pytest.approx(gradient @ u, rel=1e-12)
    assert shown["directional"] == pytest.approx(shown["length"] * shown["cos_phi"], rel=1e-9)
    assert shown["measured"] == pytest.approx(shown["directional"], rel=1e-6)
    assert 0 <= shown["phi"] <= 180


def test_the_chapters_point_and_a_direction_along_the_contour():
    """Partial derivatives: at p = (0, −1.2) the negative gradient points downhill, towards the
    pit; a direction perpendicular to ∇f is level (Dᵤf = 0)."""
    shown = contour_gradient.explore(settings_for("contour-gradient"))
    along = (shown["gradient_angle"] + 90) % 360
    level = contour_gradient.explore(settings_for("contour-gradient", {"direction": along}))
    assert level["directional"] == pytest.approx(0, abs=1e-12)
    assert level["phi"] == pytest.approx(90)
    assert np.hypot(*shown["gradient"]) == pytest.approx(shown["length"])


@pytest.mark.parametrize("name", ["hill-and-pit", "valley"])
def test_each_surface_grid_holds_its_values_and_scales_its_arrows(name):
    grid = contour_gradient.surface_grid(name)
    surface = contour_gradient.SURFACES[name]()
    i, j = 20, 61
    assert grid["z"][i][j] == pytest.approx(surface.value((grid["x"][j], grid["y"][i])), abs=1e-6)
    assert 0 < grid["arrow_scale"] < 10
