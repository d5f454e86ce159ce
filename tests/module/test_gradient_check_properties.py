"""Property-based tests: backprop agrees with finite differences for random networks and data.

Hypothesis draws layer sizes, depths 1 to 4, activations, batch sizes and both losses;
gradient_check must stay below 1e-6 in float64. ReLU has a kink at 0 where the central
difference is meaningless, so examples whose ReLU inputs come within 1e-3 of 0 are skipped.
"""

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from backprop import (
    MSE,
    CrossEntropy,
    Network,
    ReLU,
    Tanh,
    gradient_check,
    numerical_gradient,
)

from .helpers import PROPERTY_SETTINGS, assert_close

ACTIVATIONS = ["identity", "sigmoid", "tanh", "relu"]


@st.composite
def problems(draw, loss):
    """A random network, a batch X and targets y suitable for the loss."""
    depth = draw(st.integers(1, 4))
    sizes = draw(st.lists(st.integers(1, 6), min_size=depth + 1, max_size=depth + 1))
    if isinstance(loss, CrossEntropy):
        sizes[-1] = draw(st.integers(2, 5))  # at least two classes
    activation = draw(st.sampled_from(ACTIVATIONS))
    output_activation = draw(st.sampled_from(ACTIVATIONS))
    batch_size = draw(st.integers(1, 8))
    seed = draw(st.integers(0, 2**32 - 1))

    network = Network.from_sizes(sizes, activation, output_activation, seed=seed)
    rng = np.random.default_rng(seed)
    for layer in network.layers:
        layer.b[...] = rng.normal(scale=0.5, size=layer.b.shape)  # b = 0 would hide bugs in db
    X = rng.uniform(-2, 2, size=(batch_size, sizes[0]))
    if isinstance(loss, CrossEntropy):
        y = rng.integers(0, sizes[-1], size=batch_size)
    else:
        y = rng.normal(size=(batch_size, sizes[-1]))
    return network, X, y


def away_from_relu_kinks(network, X, margin=1e-3):
    network.forward(X)
    return all(
        np.abs(layer.Z).min() > margin
        for layer in network.layers
        if isinstance(layer.activation, ReLU)
    )


@pytest.mark.parametrize("loss", [MSE(), CrossEntropy()], ids=["mse", "cross_entropy"])
@PROPERTY_SETTINGS
@given(data=st.data())
def test_gradient_check_passes_for_random_networks(loss, data):
    network, X, y = data.draw(problems(loss))
    assume(away_from_relu_kinks(network, X))
    error = gradient_check(network, loss, X, y)
    assert error < 1e-6, f"expected a relative error below 1e-6, found {error:.2e}"


@PROPERTY_SETTINGS
@given(problem=problems(MSE()))
def test_backward_returns_the_gradient_with_respect_to_the_input(problem):
    network, X, y = problem
    assume(away_from_relu_kinks(network, X))
    prediction = network.forward(X)
    dX = network.backward(MSE().gradient(prediction, y))
    expected = numerical_gradient(lambda X_: MSE().value(network.predict(X_), y), X)
    assert_close(dX, expected, tolerance=1e-7, what="∂L/∂X")


@PROPERTY_SETTINGS
@given(
    rows=st.integers(1, 6),
    columns=st.integers(2, 6),
    scale=st.floats(0.1, 30.0),
    seed=st.integers(0, 2**32 - 1),
    one_hot=st.booleans(),
)
def test_cross_entropy_gradient_matches_finite_differences_for_any_logits(
    rows, columns, scale, seed, one_hot
):
    rng = np.random.default_rng(seed)
    Z = rng.normal(scale=scale, size=(rows, columns))
    labels = rng.integers(0, columns, size=rows)
    target = np.eye(columns)[labels] if one_hot else labels
    expected = numerical_gradient(lambda Z_: CrossEntropy().value(Z_, target), Z)
    assert_close(CrossEntropy().gradient(Z, target), expected, tolerance=1e-7, what="∂CE/∂Z")


@PROPERTY_SETTINGS
@given(
    shape=st.tuples(st.integers(1, 6), st.integers(1, 6)),
    seed=st.integers(0, 2**32 - 1),
)
def test_mse_gradient_matches_finite_differences_for_any_shape(shape, seed):
    rng = np.random.default_rng(seed)
    pred, target = rng.normal(size=shape), rng.normal(size=shape)
    expected = numerical_gradient(lambda P: MSE().value(P, target), pred)
    assert_close(MSE().gradient(pred, target), expected, tolerance=1e-8, what="∂MSE/∂ŷ")


class TanhWithAWrongDerivative(Tanh):
    """A typical slip: 1 − A instead of 1 − A²."""

    def derivative(self, Z, A=None):
        A = self.forward(Z) if A is None else A
        return 1 - A


def test_gradient_check_detects_a_wrong_derivative():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(8, 3)), rng.normal(size=(8, 2))
    correct = Network.from_sizes([3, 4, 2], activation="tanh", seed=0)
    broken = Network.from_sizes([3, 4, 2], activation="tanh", seed=0)
    broken.layers[0].activation = TanhWithAWrongDerivative()
    assert gradient_check(correct, MSE(), X, y) < 1e-7
    error = gradient_check(broken, MSE(), X, y)
    assert error > 1e-2, f"expected a large error for a wrong derivative, found {error:.2e}"
