"""Small data sets: synthetic ones generated with numpy, and one small real one shipped inside.

xor, moons and spiral are synthetic (deterministic given the seed). digits is real: 1,797
scanned handwritten digits, stored in the package as data/digits.npz, so nothing is
downloaded. train_test_split holds out part of a data set to measure generalisation.
"""

from importlib.resources import files

import numpy as np

from ._checks import positive_int


def xor():
    """The four XOR examples: X (4, 2) float, y (4, 1) float; y = 1 when exactly one input is 1.

    No straight line separates the 1s from the 0s, so a network needs a hidden layer.
    """
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    return X, y


def moons(n=200, noise=0.1, seed=0):
    """Two interleaving half circles: X (n, 2), y (n,) int labels 0 (upper) and 1 (lower).

    As scikit-learn's make_moons: n // 2 points on the upper arc centred at (0, 0),
    the rest on the lower arc centred at (1, 0.5), Gaussian noise of standard deviation
    `noise` added to both coordinates, then the examples shuffled.
    """
    n = positive_int(n, "n")
    _check_noise(noise)
    rng = np.random.default_rng(seed)
    n_upper = n // 2
    n_lower = n - n_upper
    angle_upper = np.linspace(0, np.pi, n_upper)
    angle_lower = np.linspace(0, np.pi, n_lower)
    X = np.concatenate(
        [
            np.column_stack([np.cos(angle_upper), np.sin(angle_upper)]),
            np.column_stack([1 - np.cos(angle_lower), 0.5 - np.sin(angle_lower)]),
        ]
    )
    y = np.concatenate([np.zeros(n_upper, dtype=np.intp), np.ones(n_lower, dtype=np.intp)])
    X += noise * rng.standard_normal(X.shape)
    order = rng.permutation(n)
    return X[order], y[order]


def spiral(n=100, classes=3, seed=0, noise=0.2):
    """Interleaved spiral arms, one per class: X (n·classes, 2), y (n·classes,) int labels.

    As in the CS231n case study: arm k has n points at radius r from 0 to 1 and angle
    4k + 4r plus Gaussian noise (standard deviation `noise`, 0.2 as in the case study). Not
    linearly separable. Examples are ordered by class.
    """
    n = positive_int(n, "n")
    classes = positive_int(classes, "classes")
    _check_noise(noise)
    rng = np.random.default_rng(seed)
    X = np.zeros((n * classes, 2))
    y = np.zeros(n * classes, dtype=np.intp)
    for k in range(classes):
        rows = slice(n * k, n * (k + 1))
        radius = np.linspace(0.0, 1.0, n)
        angle = np.linspace(4.0 * k, 4.0 * (k + 1), n) + noise * rng.standard_normal(n)
        X[rows] = np.column_stack([radius * np.sin(angle), radius * np.cos(angle)])
        y[rows] = k
    return X, y


def circles(n=200, noise=0.05, factor=0.5, seed=0):
    """Two concentric circles: X (n, 2), y (n,) int labels 0 (outer, radius 1) and 1 (inner).

    As scikit-learn's make_circles: n // 2 points evenly spaced on the outer circle, the rest
    on the inner one of radius `factor`, Gaussian noise of standard deviation `noise` added to
    both coordinates, then the examples shuffled. No straight line separates them.
    """
    n = positive_int(n, "n")
    _check_noise(noise)
    if not 0 < factor < 1:
        raise ValueError(
            f"factor (the inner circle's radius) must be between 0 and 1, got {factor!r}"
        )
    rng = np.random.default_rng(seed)
    n_outer = n // 2
    outer = np.linspace(0, 2 * np.pi, n_outer, endpoint=False)
    inner = np.linspace(0, 2 * np.pi, n - n_outer, endpoint=False)
    X = np.concatenate([np.column_stack([np.cos(outer), np.sin(outer)]),
                        factor * np.column_stack([np.cos(inner), np.sin(inner)])])  # fmt: skip
    y = np.concatenate([np.zeros(n_outer, dtype=np.intp), np.ones(n - n_outer, dtype=np.intp)])
    X += noise * rng.standard_normal(X.shape)
    order = rng.permutation(n)
    return X[order], y[order]


def xor_cloud(n=200, noise=0.1, seed=0):
    """The XOR pattern as a cloud of points: X (n, 2) in [-1, 1]², y (n,) int labels.

    A point's label is 1 when its two coordinates have opposite signs (quadrants II and IV),
    0 otherwise, computed before Gaussian noise of standard deviation `noise` moves it. Like
    xor() it needs a hidden layer; unlike xor()'s four rows it can be split and held out.
    """
    n = positive_int(n, "n")
    _check_noise(noise)
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, size=(n, 2))
    y = (X[:, 0] * X[:, 1] < 0).astype(np.intp)
    return X + noise * rng.standard_normal(X.shape), y


def _check_noise(noise):
    if not noise >= 0:
        raise ValueError(f"noise must be >= 0, got {noise!r}")


def digits():
    """The 8×8 handwritten digits: X (1797, 64) float pixels 0–16, y (1797,) int labels 0–9.

    Real data: the test part of the UCI "Optical Recognition of Handwritten Digits" set
    (E. Alpaydin and C. Kaynak, 1998, https://doi.org/10.24432/C50P49, licence CC BY 4.0),
    as scikit-learn ships it in load_digits. Each digit was written by hand on a form,
    scanned as a 32×32 black-and-white bitmap and reduced to 8×8 by counting the black
    pixels in each 4×4 block, so a pixel is a whole number from 0 (white) to 16 (black).
    Row i of X is image i read row by row: X[i].reshape(8, 8) is the picture.
    Read from data/digits.npz inside the package (uint8), no download.
    """
    stored = files(__package__).joinpath("data", "digits.npz")
    with stored.open("rb") as file, np.load(file) as arrays:
        images, labels = arrays["images"], arrays["labels"]
    return images.reshape(len(images), 64).astype(np.float64), labels.astype(np.intp)


def train_test_split(X, y, test_fraction=0.25, seed=0):
    """Shuffle the examples and hold out a fraction: X_train, X_test, y_train, y_test.

    A network is trained on (X_train, y_train) only; its score on (X_test, y_test), examples
    it never saw, estimates how well it does on new data. The held-out part has
    round(test_fraction · N) examples (at least 1), chosen by a permutation from seed.
    """
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y):
        raise ValueError(
            f"X and y must have one row per example, got {len(X)} rows in X and {len(y)} in y"
        )
    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must be between 0 and 1, got {test_fraction!r}")
    n_test = max(1, round(test_fraction * len(X)))
    if n_test >= len(X):
        raise ValueError(f"holding out {n_test} of {len(X)} examples leaves none to train on")
    order = np.random.default_rng(seed).permutation(len(X))
    test, train = order[:n_test], order[n_test:]
    return X[train], X[test], y[train], y[test]
