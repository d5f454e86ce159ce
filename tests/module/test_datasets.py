"""Datasets: shapes, dtypes and determinism; the shipped digits against their published source."""

import hashlib
from importlib.resources import files

import numpy as np
import pytest

from backprop import circles, digits, moons, spiral, train_test_split, xor, xor_cloud


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


def test_circles_without_noise_lie_on_two_circles_with_balanced_classes():
    X, y = circles(101, noise=0.0, factor=0.4)
    assert X.shape == (101, 2) and sorted(np.bincount(y)) == [50, 51]
    assert np.allclose(np.hypot(*X[y == 0].T), 1.0), "expected class 0 on the unit circle"
    assert np.allclose(np.hypot(*X[y == 1].T), 0.4), "expected class 1 on the inner circle"


def test_xor_cloud_labels_opposite_signs_as_one():
    X, y = xor_cloud(400, noise=0.0, seed=3)
    assert X.shape == (400, 2) and np.all(np.abs(X) <= 1.0)
    assert np.array_equal(y, (np.sign(X[:, 0]) != np.sign(X[:, 1])).astype(y.dtype))
    assert 150 < y.sum() < 250, f"expected roughly balanced classes, found {np.bincount(y)}"


def test_spiral_noise_is_the_angles_spread():
    X, _ = spiral(50, classes=2, seed=0, noise=0.0)
    radius = np.hypot(*X.T)
    angle = np.arctan2(X[:, 0], X[:, 1])  # the arms are x = r sin θ, y = r cos θ
    expected = np.concatenate([np.linspace(4.0 * k, 4.0 * (k + 1), 50) for k in range(2)])
    keep = radius > 1e-9
    assert np.allclose(np.angle(np.exp(1j * (angle[keep] - expected[keep]))), 0.0)
    assert not np.array_equal(spiral(50, 2, seed=0)[0], X), "the default noise is not 0"


@pytest.mark.parametrize("make", [moons, spiral, circles, xor_cloud])
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
    with pytest.raises(ValueError, match="factor"):
        circles(10, factor=1.5)


# UCI's page for "Optical Recognition of Handwritten Digits" lists the class sizes of the test
# part (optdigits.tes), the 1,797 digits that scikit-learn ships and backprop stores.
UCI_TEST_CLASS_SIZES = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
# The first image of sklearn.datasets.load_digits() (a 0), copied from scikit-learn 1.9.1.
FIRST_DIGIT = [
    [0, 0, 5, 13, 9, 1, 0, 0],
    [0, 0, 13, 15, 10, 15, 5, 0],
    [0, 3, 15, 2, 0, 11, 8, 0],
    [0, 4, 12, 0, 0, 8, 8, 0],
    [0, 5, 8, 0, 0, 9, 8, 0],
    [0, 4, 11, 0, 1, 12, 7, 0],
    [0, 2, 14, 5, 10, 12, 0, 0],
    [0, 0, 6, 13, 10, 0, 0, 0],
]


def test_digits_are_1797_images_of_64_pixels_from_0_to_16():
    X, y = digits()
    assert X.shape == (1797, 64) and y.shape == (1797,), f"found shapes {X.shape}, {y.shape}"
    assert X.dtype == np.float64 and np.issubdtype(y.dtype, np.integer)
    assert X.min() == 0 and X.max() == 16, f"found pixels from {X.min()} to {X.max()}"
    assert np.array_equal(X, np.round(X)), "expected whole-number pixel counts"


def test_digits_have_the_class_sizes_uci_publishes_for_its_test_part():
    _, y = digits()
    assert list(np.bincount(y)) == UCI_TEST_CLASS_SIZES, f"found class sizes {np.bincount(y)}"


def test_the_first_digit_is_the_zero_scikit_learn_ships():
    X, y = digits()
    assert y[0] == 0, f"expected label 0, found {y[0]}"
    assert np.array_equal(X[0].reshape(8, 8), FIRST_DIGIT), f"found {X[0].reshape(8, 8)}"


def test_the_stored_file_is_the_one_its_readme_names():
    folder = files("backprop").joinpath("data")
    digest = hashlib.sha256(folder.joinpath("digits.npz").read_bytes()).hexdigest()
    readme = folder.joinpath("README.md").read_text()
    assert digest in readme, f"data/README.md does not name the sha256 {digest}"
    assert "CC BY 4.0" in readme and "10.24432/C50P49" in readme, "licence or source missing"


def test_train_test_split_holds_out_a_disjoint_fraction_of_the_examples():
    X = np.arange(40.0).reshape(20, 2)
    y = np.arange(20)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_fraction=0.25, seed=1)
    assert len(X_test) == len(y_test) == 5 and len(X_train) == len(y_train) == 15
    assert sorted(np.concatenate([y_train, y_test])) == list(range(20)), "examples lost or doubled"
    assert np.array_equal(X_train[:, 0], 2 * y_train), "rows of X and y no longer belong together"
    again = train_test_split(X, y, test_fraction=0.25, seed=1)
    assert np.array_equal(again[3], y_test), "same seed, different split"


def test_train_test_split_rejects_bad_fractions_and_mismatched_rows():
    X, y = np.zeros((10, 2)), np.zeros(10)
    with pytest.raises(ValueError, match="test_fraction must be between 0 and 1"):
        train_test_split(X, y, test_fraction=1.0)
    with pytest.raises(ValueError, match="one row per example"):
        train_test_split(X, y[:9])
