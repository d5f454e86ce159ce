"""SGD: W ← W − η dW, optionally with momentum."""

import numpy as np
import pytest

from backprop import MSE, SGD, Network, l2_penalty, numerical_gradient
from backprop.gradient_check import loss_as_function_of

from .helpers import assert_close


def network_with_gradients():
    network = Network.from_sizes([2, 3, 1], seed=0)
    network.forward(np.array([[1.0, -1.0], [0.5, 2.0]]))
    network.backward(np.array([[0.3], [-0.2]]))
    return network


def test_step_moves_every_parameter_against_its_gradient():
    network = network_with_gradients()
    before = [(layer.W.copy(), layer.b.copy()) for layer in network.layers]
    SGD(0.1).step(network)
    for (W, b), layer in zip(before, network.layers, strict=True):
        assert_close(layer.W, W - 0.1 * layer.dW, tolerance=1e-15, what="W − η dW")
        assert_close(layer.b, b - 0.1 * layer.db, tolerance=1e-15, what="b − η db")


def test_step_updates_the_arrays_in_place():
    network = network_with_gradients()
    W = network.layers[0].W
    SGD(0.1).step(network)
    assert network.layers[0].W is W, "expected W to be updated in place"


def test_lr_is_another_name_for_learning_rate():
    assert SGD(lr=0.3).learning_rate == 0.3
    assert SGD(0.3).lr == 0.3


def test_momentum_keeps_a_velocity():
    network = network_with_gradients()
    layer = network.layers[0]
    W0, dW = layer.W.copy(), layer.dW.copy()
    optimizer = SGD(0.1, momentum=0.9)
    optimizer.step(network)  # v = −η dW
    optimizer.step(network)  # same gradient again: v = 0.9 (−η dW) − η dW
    expected = W0 - 0.1 * dW + (0.9 * -0.1 * dW - 0.1 * dW)
    assert_close(layer.W, expected, tolerance=1e-14, what="W after two momentum steps")


@pytest.mark.parametrize("bad", [0, -0.1, float("nan"), float("inf"), "0.1", True])
def test_learning_rate_must_be_a_positive_number(bad):
    with pytest.raises(ValueError, match="learning_rate must be a positive number"):
        SGD(bad)


def test_a_learning_rate_is_required():
    with pytest.raises(TypeError, match=r"SGD\(learning_rate=0.1\)"):
        SGD()


def test_momentum_must_be_between_zero_and_one():
    with pytest.raises(ValueError, match="0 <= momentum < 1"):
        SGD(0.1, momentum=1.0)


def test_step_before_backward_says_to_run_backward_first():
    with pytest.raises(RuntimeError, match=r"layer 1 .*no gradients yet.*network\.backward"):
        SGD(0.1).step(Network.from_sizes([2, 1]))


def test_weight_decay_steps_along_the_gradient_of_the_penalised_loss():
    """(W_before − W_after)/η equals central differences of L + (λ/2)Σ‖W‖², for every layer."""
    network = Network.from_sizes([3, 4, 2], activation="tanh", seed=1)
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
    loss, decay, rate = MSE(), 0.3, 0.01
    expected = []
    for layer in network.layers:
        for name in ("W", "b"):
            parameter = getattr(layer, name)
            penalised = loss_as_function_of(
                parameter, lambda: loss.value(network.predict(X), y) + l2_penalty(network, decay)
            )
            expected.append(numerical_gradient(penalised, parameter))
    before = [getattr(layer, name).copy() for layer in network.layers for name in ("W", "b")]
    network.backward(loss.gradient(network.forward(X), y))
    SGD(rate, weight_decay=decay).step(network)
    after = [getattr(layer, name) for layer in network.layers for name in ("W", "b")]
    for old, new, gradient in zip(before, after, expected, strict=True):
        assert_close((old - new) / rate, gradient, tolerance=1e-7, what="step / η")


def test_weight_decay_shrinks_weights_but_not_biases_when_the_loss_is_flat():
    network = network_with_gradients()
    for layer in network.layers:
        layer.dW[...] = 0.0
        layer.db[...] = 0.0
    before = [(layer.W.copy(), layer.b.copy()) for layer in network.layers]
    SGD(0.1, weight_decay=0.5).step(network)
    for (W, b), layer in zip(before, network.layers, strict=True):
        assert_close(layer.W, (1 - 0.1 * 0.5) * W, tolerance=1e-15, what="(1 − ηλ) W")
        assert_close(layer.b, b, tolerance=0, what="b")


def test_l2_penalty_is_half_lambda_times_the_sum_of_squared_weights():
    network = Network.from_sizes([2, 2, 1], seed=0)
    network.layers[0].W[...] = [[1.0, 2.0], [0.0, -1.0]]
    network.layers[1].W[...] = [[3.0], [0.5]]
    network.layers[0].b[...] = 10.0  # biases do not count
    expected = 0.5 * 0.1 * (1 + 4 + 0 + 1 + 9 + 0.25)
    assert_close(l2_penalty(network, 0.1), expected, tolerance=1e-15, what="penalty")


@pytest.mark.parametrize("bad", [-0.1, float("nan"), "0.1", True])
def test_weight_decay_must_be_a_number_not_below_zero(bad):
    with pytest.raises(ValueError, match="weight_decay must be a number >= 0"):
        SGD(0.1, weight_decay=bad)
