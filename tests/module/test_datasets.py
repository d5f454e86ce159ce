"""Datasets: shapes, dtypes and determinism."""

import numpy as np
import pytest

from backprop import moons, spiral, xor


def test_xor_is_the_four_cases_with_column_targets():
    X, y = xor()
    assert X.shape == (4, 2) and y.shape == (4, 1), f"found shapes {X.shape}, {y.shape}"
    assert X.dtype == np.float64 and y.dtype == np.float64
    expected = (X[:, 0] != X[:, 1]).astype(float)
    assert np.array_equal(y[:, 0], expected), f"expected y = x1 XOR x2, found {y[:, 0]}"


def test_moons_have_n_points_and_two_balanced_integer_classes():
    X, y = moons(201, 0.1, seed=0)
    assert X.shape == (201, 2) and y.shape == (201,), f"found shapes {X.shape}, {y.shape}"
    assert np.issubdtype(y.dtype, np.integer), f"expected integer labels, found {y.dtype}"
    assert sorted(np.bincount(y)) == [100, 101], f"found class sizes {np.bincount(y)}"


def test_moons_without_noise_lie_on_two_half_circles():
    X, y = moons(50, noise=0.0)
    upper, lower = X[y == 0], X[y == 1]
    assert np.allclose(np.hypot(*upper.T), 1.0), "expected class 0 on the unit circle"
    assert np.allclose(np.hypot(lower[:, 0] - 1, lower[:, 1] - 0.5), 1.0), (
        "expected class 1 on the circle around (1, 0.5)"
    )


def test_spiral_has_n_points_per_class():
    X, y = spiral(100, classes=3, seed=0)
    assert X.shape == (300, 2) and y.shape == (300,), f"found shapes {X.shape}, {y.shape}"
    assert list(np.bincount(y)) == [100, 100, 100], f"found class sizes {np.bincount(y)}"
    assert np.all(np.hypot(*X.T) <= 1.0 + 1e-12), "expected every point within radius 1"


@pytest.mark.parametrize("make", [moons, spiral])
def test_the_same_seed_gives_the_same_data(make):
    X1, y1 = make(seed=5)
    X2, y2 = make(seed=5)
    X3, _ = make(seed=6)
    assert np.array_equal(X1, X2) and np.array_equal(y1, y2), "same seed, different data"
    assert not np.array_equal(X1, X3), "different seeds, same data"


def test_dataset_sizes_must_be_positive_integers():
    with pytest.raises(ValueError, match="n must be a positive integer"):
        moons(0)
    with pytest.raises(ValueError, match="classes must be a positive integer"):
        spiral(10, classes=0)
    with pytest.raises(ValueError, match="noise must be >= 0"):
        moons(10, noise=-1)
