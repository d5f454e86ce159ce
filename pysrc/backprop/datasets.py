"""Small toy data sets, generated with numpy (deterministic given the seed, no downloads)."""

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
    if not noise >= 0:
        raise ValueError(f"noise must be >= 0, got {noise!r}")
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


def spiral(n=100, classes=3, seed=0):
    """Interleaved spiral arms, one per class: X (n·classes, 2), y (n·classes,) int labels.

    As in the CS231n case study: arm k has n points at radius r from 0 to 1 and angle
    4k + 4r plus Gaussian noise (standard deviation 0.2). Not linearly separable.
    Examples are ordered by class.
    """
    n = positive_int(n, "n")
    classes = positive_int(classes, "classes")
    rng = np.random.default_rng(seed)
    X = np.zeros((n * classes, 2))
    y = np.zeros(n * classes, dtype=np.intp)
    for k in range(classes):
        rows = slice(n * k, n * (k + 1))
        radius = np.linspace(0.0, 1.0, n)
        angle = np.linspace(4.0 * k, 4.0 * (k + 1), n) + 0.2 * rng.standard_normal(n)
        X[rows] = np.column_stack([radius * np.sin(angle), radius * np.cos(angle)])
        y[rows] = k
    return X, y
