"""Activations: forward values and derivatives, checked against finite differences."""

import warnings

import numpy as np
import pytest

from backprop import Identity, ReLU, Sigmoid, Tanh, get_activation

from .helpers import assert_close, numerical_derivative_elementwise

# Away from ReLU's kink at 0, where the finite difference would straddle the corner.
Z = np.array([[-3.0, -1.2, -0.3, 0.25], [0.7, 1.5, 4.0, -0.05]])
ALL = [Identity(), Sigmoid(), Tanh(), ReLU()]

EXPECTED_FORWARD = {
    "identity": lambda z: z,
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "tanh": np.tanh,
    "relu": lambda z: np.where(z > 0, z, 0.0),
}


@pytest.mark.parametrize("activation", ALL, ids=lambda a: a.name)
def test_forward_computes_the_activation(activation):
    expected = EXPECTED_FORWARD[activation.name](Z)
    assert_close(activation.forward(Z), expected, tolerance=1e-15, what=f"{activation.name}(Z)")


@pytest.mark.parametrize("activation", ALL, ids=lambda a: a.name)
def test_derivative_matches_finite_differences(activation):
    expected = numerical_derivative_elementwise(activation.forward, Z)
    assert_close(activation.derivative(Z), expected, tolerance=1e-9, what=f"{activation.name}'")


@pytest.mark.parametrize("activation", ALL, ids=lambda a: a.name)
def test_derivative_from_the_cached_output_equals_derivative_from_z(activation):
    A = activation.forward(Z)
    assert_close(
        activation.derivative(Z, A),
        activation.derivative(Z),
        tolerance=1e-15,
        what=f"{activation.name}'(Z) given A",
    )


@pytest.mark.parametrize("activation", ALL, ids=lambda a: a.name)
def test_forward_and_derivative_keep_the_shape(activation):
    assert activation.forward(Z).shape == Z.shape
    assert activation.derivative(Z).shape == Z.shape


def test_relu_derivative_at_zero_is_zero_as_in_pytorch():
    found = ReLU().derivative(np.array([0.0]))
    assert found[0] == 0.0, f"expected 0.0, found {found[0]}"


def test_sigmoid_is_stable_for_huge_inputs():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow warning would fail the test
        found = Sigmoid().forward(np.array([-1000.0, 0.0, 1000.0]))
    assert_close(found, [0.0, 0.5, 1.0], tolerance=0, what="σ([-1000, 0, 1000])")


@pytest.mark.parametrize("name", ["identity", "sigmoid", "tanh", "relu", "ReLU", " Tanh "])
def test_get_activation_accepts_names_in_any_case(name):
    activation = get_activation(name)
    assert activation.name == name.strip().lower()


def test_get_activation_accepts_instances_and_classes():
    relu = ReLU()
    assert get_activation(relu) is relu, "an instance should be returned as it is"
    assert isinstance(get_activation(Tanh), Tanh), "a class should be instantiated"


def test_unknown_activation_names_list_the_valid_ones():
    with pytest.raises(ValueError, match="unknown activation 'softplus'") as error:
        get_activation("softplus")
    for name in ["identity", "sigmoid", "tanh", "relu"]:
        assert name in str(error.value), f"expected {name!r} in the message {error.value}"


def test_get_activation_refuses_other_types_with_a_clear_error():
    with pytest.raises(TypeError, match="activation must be a name"):
        get_activation(42)


def test_tanh_is_a_stretched_sigmoid_whose_slope_fades_at_half_the_input():
    """Training's claim: tanh saturates at half the |z| of the sigmoid (tanh z = 2σ(2z) − 1).

    So tanh'(z) = 4σ'(2z): relative to its peak, tanh's slope at z is the sigmoid's at 2z.
    """
    z = np.linspace(0.0, 6.0, 61)
    assert_close(Tanh().forward(z), 2 * Sigmoid().forward(2 * z) - 1, 1e-14, "tanh z")
    tanh_relative = Tanh().derivative(z) / Tanh().derivative(np.array(0.0))
    sigmoid_relative = Sigmoid().derivative(2 * z) / Sigmoid().derivative(np.array(0.0))
    assert_close(tanh_relative, sigmoid_relative, 1e-12, "tanh'(z)/tanh'(0) against σ'(2z)/σ'(0)")
    assert Tanh().derivative(np.array(0.0)) == 4 * Sigmoid().derivative(np.array(0.0)) == 1.0
