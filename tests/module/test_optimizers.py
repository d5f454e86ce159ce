"""SGD: W ← W − η dW, optionally with momentum."""

import numpy as np
import pytest

from backprop import SGD, Network

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
