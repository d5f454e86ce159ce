"""Network: layers in a row; backward is the chain rule through all of them."""

import numpy as np
import pytest

from backprop import Dense, Network, numerical_gradient
from backprop.gradient_check import loss_as_function_of

from .helpers import assert_close


def small_network():
    return Network.from_sizes([3, 5, 4, 2], activation="tanh", output_activation="sigmoid", seed=1)


def test_from_sizes_builds_dense_layers_with_the_given_activations():
    network = small_network()
    shapes = [layer.W.shape for layer in network.layers]
    names = [layer.activation.name for layer in network.layers]
    assert shapes == [(3, 5), (5, 4), (4, 2)], f"found W shapes {shapes}"
    assert names == ["tanh", "tanh", "sigmoid"], f"found activations {names}"


def test_parameter_count_counts_every_weight_and_bias():
    network = Network.from_sizes([2, 32, 32, 2])
    expected = (2 * 32 + 32) + (32 * 32 + 32) + (32 * 2 + 2)
    assert network.parameter_count == expected, (
        f"expected {expected}, found {network.parameter_count}"
    )


def test_a_seed_makes_initialisation_reproducible():
    first, second = small_network(), small_network()
    for a, b in zip(first.layers, second.layers, strict=True):
        assert np.array_equal(a.W, b.W), "the same seed gave different weights"
    other = Network.from_sizes([3, 5, 4, 2], seed=2)
    assert not np.array_equal(first.layers[0].W, other.layers[0].W), "different seeds, same W"


def test_a_seed_reinitialises_given_layers_and_no_seed_keeps_them():
    layers = [Dense(2, 3, rng=5), Dense(3, 1, rng=6)]
    kept = layers[0].W.copy()
    Network(layers)
    assert np.array_equal(layers[0].W, kept), "Network without seed changed the weights"
    a = Network([Dense(2, 3), Dense(3, 1)], seed=0)
    b = Network([Dense(2, 3), Dense(3, 1)], seed=0)
    assert np.array_equal(a.layers[1].W, b.layers[1].W), "seed did not make weights reproducible"


def test_forward_call_and_predict_agree():
    network = small_network()
    X = np.random.default_rng(0).normal(size=(6, 3))
    expected = network.forward(X)
    assert_close(network(X), expected, tolerance=0, what="network(X)")
    assert_close(network.predict(X), expected, tolerance=0, what="network.predict(X)")


def test_predict_leaves_the_cache_of_the_last_forward_alone():
    network = small_network()
    rng = np.random.default_rng(0)
    X, R = rng.normal(size=(6, 3)), rng.normal(size=(6, 2))
    network.forward(X)
    network.predict(rng.normal(size=(9, 3)))  # a different batch in between
    network.backward(R)
    W = network.layers[0].W
    expected = numerical_gradient(loss_as_function_of(W, lambda: np.sum(network.predict(X) * R)), W)
    assert_close(network.layers[0].dW, expected, tolerance=1e-8, what="dW after a predict")


def test_backward_returns_dX_and_fills_exact_dW_with_no_averaging():
    network = small_network()
    rng = np.random.default_rng(3)
    X, R = rng.normal(size=(6, 3)), rng.normal(size=(6, 2))  # L = Σ ŷ ⊙ R, so ∂L/∂ŷ = R
    network.forward(X)
    dX = network.backward(R)
    expected_dX = numerical_gradient(lambda X_: np.sum(network.predict(X_) * R), X)
    assert_close(dX, expected_dX, tolerance=1e-8, what="∂L/∂X")
    for index, layer in enumerate(network.layers):
        loss_of_W = loss_as_function_of(layer.W, lambda: np.sum(network.predict(X) * R))
        expected_dW = numerical_gradient(loss_of_W, layer.W)
        assert_close(layer.dW, expected_dW, tolerance=1e-8, what=f"dW of layer {index + 1}")


def test_backward_without_input_gradient_returns_none():
    network = small_network()
    network.forward(np.ones((2, 3)))
    assert network.backward(np.ones((2, 2)), input_gradient=False) is None


def test_layers_that_do_not_fit_together_are_refused_naming_both():
    expected = "layer 1 (Dense 2→3) outputs 3 features, but layer 2 (Dense 4→1) expects 4"
    with pytest.raises(ValueError) as error:
        Network([Dense(2, 3), Dense(4, 1)])
    assert str(error.value) == expected, f"expected {expected!r}, found {str(error.value)!r}"


def test_a_network_needs_dense_layers():
    with pytest.raises(ValueError, match="at least one layer"):
        Network([])
    with pytest.raises(TypeError, match="layer 1 must be a Dense layer"):
        Network(["relu"])


def test_input_with_the_wrong_number_of_features_names_the_layer_and_shape():
    with pytest.raises(ValueError, match=r"layer 1 \(Dense 3→5\) expected input with 3 features, "):
        small_network().forward(np.ones((5, 2)))


def test_backward_before_forward_raises_a_runtime_error_saying_so():
    with pytest.raises(
        RuntimeError, match=r"layer 3 \(Dense 4→2\): backward called before forward"
    ):
        small_network().backward(np.ones((1, 2)))


def test_a_gradient_that_does_not_match_the_output_names_both_shapes():
    network = small_network()
    network.forward(np.ones((4, 3)))
    with pytest.raises(ValueError, match=r"layer 3 .*shape \(4, 3\).*shape \(4, 2\)"):
        network.backward(np.ones((4, 3)))


def test_repr_lists_the_layers():
    assert repr(small_network()) == "Network(Dense 3→5 tanh, Dense 5→4 tanh, Dense 4→2 sigmoid)"
