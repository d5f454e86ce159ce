"""Dense: A = g(X W + b); backward gives dX, dW, db, checked against finite differences."""

import numpy as np
import pytest

from backprop import Dense, Network, numerical_gradient
from backprop.gradient_check import loss_as_function_of

from .helpers import assert_close


def layer_and_batch(activation, seed=0):
    """A Dense 4→3 layer with nonzero b, a batch X (5, 4), and weights R for L = Σ A ⊙ R."""
    rng = np.random.default_rng(seed)
    layer = Dense(4, 3, activation, rng=seed)
    layer.b[...] = rng.normal(size=3)
    X = rng.normal(size=(5, 4))
    R = rng.normal(size=(5, 3))  # L = Σ A ⊙ R makes dA = R, different for every entry
    return layer, X, R


@pytest.mark.parametrize("activation", ["identity", "sigmoid", "tanh", "relu"])
def test_backward_gives_dX_dW_db_that_match_finite_differences(activation):
    layer, X, R = layer_and_batch(activation)
    Z = X @ layer.W + layer.b
    assert np.abs(Z).min() > 1e-3, "test data too close to ReLU's kink"
    layer.forward(X)
    dX = layer.backward(R)

    expected_dX = numerical_gradient(lambda X_: np.sum(layer.predict(X_) * R), X)

    def loss():
        return np.sum(layer.predict(X) * R)

    expected_dW = numerical_gradient(loss_as_function_of(layer.W, loss), layer.W)
    expected_db = numerical_gradient(loss_as_function_of(layer.b, loss), layer.b)
    assert_close(dX, expected_dX, tolerance=1e-8, what=f"dX ({activation})")
    assert_close(layer.dW, expected_dW, tolerance=1e-8, what=f"dW ({activation})")
    assert_close(layer.db, expected_db, tolerance=1e-8, what=f"db ({activation})")


def test_forward_computes_g_of_X_W_plus_b_with_b_added_to_every_row():
    layer = Dense(2, 3, "identity", rng=0)
    layer.W[...] = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    layer.b[...] = [0.5, -0.5, 1.0]
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    expected = [[1.5, 1.5, 4.0], [4.5, 4.5, 7.0], [5.5, 6.5, 10.0]]
    assert_close(layer.forward(X), expected, tolerance=0, what="X W + b")


def test_shapes_follow_the_row_batch_convention():
    layer = Dense(4, 3, "tanh", rng=0)
    assert layer.W.shape == (4, 3), f"expected W of shape (4, 3), found {layer.W.shape}"
    assert layer.b.shape == (3,), f"expected b of shape (3,), found {layer.b.shape}"
    A = layer.forward(np.ones((7, 4)))
    dX = layer.backward(np.ones((7, 3)))
    assert A.shape == (7, 3), f"expected A of shape (7, 3), found {A.shape}"
    assert dX.shape == (7, 4), f"expected dX of shape (7, 4), found {dX.shape}"
    assert layer.dW.shape == layer.W.shape, f"expected dW shaped like W, found {layer.dW.shape}"
    assert layer.db.shape == layer.b.shape, f"expected db shaped like b, found {layer.db.shape}"


def test_gradients_are_none_until_backward():
    layer = Dense(2, 2)
    assert layer.dW is None and layer.db is None


def test_backward_without_input_gradient_skips_dX_but_fills_dW_and_db():
    layer, X, R = layer_and_batch("tanh")
    layer.forward(X)
    assert layer.backward(R, input_gradient=False) is None
    assert layer.dW is not None and layer.db is not None


def test_biases_start_at_zero():
    assert np.all(Dense(3, 5, rng=0).b == 0.0)


@pytest.mark.parametrize(
    ("activation", "expected_std"),
    [("tanh", np.sqrt(1 / 400)), ("sigmoid", np.sqrt(1 / 400)), ("relu", np.sqrt(2 / 400))],
)
def test_weights_are_scaled_by_fan_in_xavier_style_or_he_for_relu(activation, expected_std):
    W = Dense(400, 300, activation, rng=0).W
    assert abs(W.std() / expected_std - 1) < 0.02, f"expected std {expected_std}, found {W.std()}"


def test_the_same_seed_gives_the_same_weights():
    assert np.array_equal(Dense(3, 2, rng=7).W, Dense(3, 2, rng=7).W)
    generator = np.random.default_rng(7)
    assert np.array_equal(Dense(3, 2, rng=generator).W, Dense(3, 2, rng=7).W)


@pytest.mark.parametrize("bad", [0, -1, 2.5, True, "3"])
def test_sizes_must_be_positive_integers(bad):
    with pytest.raises(ValueError, match="n_in must be a positive integer"):
        Dense(bad, 2)
    with pytest.raises(ValueError, match="n_out must be a positive integer"):
        Dense(2, bad)


def test_unknown_activation_name_lists_the_valid_ones():
    with pytest.raises(ValueError, match="valid names are: identity, sigmoid, tanh, relu"):
        Dense(2, 2, "swish")


def test_wrong_number_of_features_names_the_layer_and_both_shapes():
    network = Network([Dense(2, 3), Dense(3, 4)])
    expected = "layer 2 (Dense 3→4) expected input with 3 features, got array of shape (5, 2)"
    with pytest.raises(ValueError) as error:
        network.layers[1].forward(np.ones((5, 2)))
    assert str(error.value) == expected, f"expected {expected!r}, found {str(error.value)!r}"


def test_a_one_dimensional_input_suggests_the_right_reshape():
    with pytest.raises(ValueError, match=r"x\.reshape\(-1, 1\)"):
        Dense(1, 3).forward(np.array([1.0, 2.0, 3.0]))
    with pytest.raises(ValueError, match=r"x\.reshape\(1, -1\)"):
        Dense(3, 2).forward(np.array([1.0, 2.0, 3.0]))


def test_backward_before_forward_says_forward_must_run_first():
    with pytest.raises(RuntimeError, match=r"Dense 2→3: backward called before forward"):
        Dense(2, 3).backward(np.ones((1, 3)))


def test_a_gradient_of_the_wrong_shape_names_both_shapes():
    layer = Dense(2, 3)
    layer.forward(np.ones((4, 2)))
    with pytest.raises(ValueError, match=r"shape \(4, 2\).*shape \(4, 3\)"):
        layer.backward(np.ones((4, 2)))
