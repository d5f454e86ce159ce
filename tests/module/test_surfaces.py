"""Surfaces: exact gradients against finite differences, and minima where the gradient is 0."""

import numpy as np
import pytest

from backprop import TwoMinima, Valley, numerical_gradient

from .helpers import assert_close

SURFACES = [Valley(), Valley(2.0, 30.0), TwoMinima(), TwoMinima(-0.5)]
POINTS = np.random.default_rng(0).uniform(-2, 2, size=(20, 2))


@pytest.mark.parametrize("surface", SURFACES, ids=repr)
def test_gradient_matches_finite_differences(surface):
    for point in POINTS:
        expected = numerical_gradient(surface.value, point)
        assert_close(surface.gradient(point), expected, tolerance=1e-8, what=f"∇f at {point}")


@pytest.mark.parametrize("surface", SURFACES, ids=repr)
def test_the_gradient_is_zero_at_each_minimum_and_f_rises_around_it(surface):
    for minimum in surface.minima:
        assert_close(surface.gradient(minimum), [0.0, 0.0], tolerance=1e-12, what="∇f at minimum")
        for direction in ([1, 0], [0, 1], [-1, 0], [0, -1], [0.6, 0.8]):
            nearby = minimum + 1e-3 * np.array(direction)
            assert surface.value(nearby) > surface.value(minimum), f"f falls from {minimum}"


def test_the_valley_is_the_chapter_function():
    x, y = -4.5, 1.8
    assert Valley().value((x, y)) == pytest.approx(0.5 * x**2 + 5 * y**2, abs=1e-14)
    assert_close(Valley().gradient((x, y)), [x, 10 * y], tolerance=1e-15, what="(x, 10y)")


def test_two_minima_has_a_deeper_left_minimum_for_a_positive_tilt():
    minima = TwoMinima(0.3).minima
    assert minima.shape == (2, 2), f"expected two minima, found {minima}"
    assert minima[0, 0] < 0 < minima[1, 0], f"expected the lower minimum on the left: {minima}"
    assert_close(minima[:, 1], [0.0, 0.0], tolerance=0, what="y of the minima")


def test_a_grid_is_evaluated_at_once():
    X, Y = np.meshgrid(np.linspace(-1, 1, 4), np.linspace(-1, 1, 3))
    surface = TwoMinima()
    values = surface.value((X, Y))
    assert values.shape == (3, 4), f"expected values of shape (3, 4), found {values.shape}"
    assert surface.gradient((X, Y)).shape == (2, 3, 4)
    assert values[1, 2] == pytest.approx(surface.value(np.array([X[1, 2], Y[1, 2]])))


def test_a_single_point_gives_a_python_float():
    assert type(Valley().value(np.array([1.0, 2.0]))) is float


@pytest.mark.parametrize("bad", [0, -1.0, float("nan"), "1"])
def test_curvatures_must_be_positive_numbers(bad):
    with pytest.raises(ValueError, match="curvature_y must be a positive number"):
        Valley(1.0, bad)


def test_a_point_has_two_coordinates():
    with pytest.raises(ValueError, match=r"\(x, y\), got 3 coordinates"):
        Valley().value(np.zeros(3))
