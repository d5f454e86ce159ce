"""How variance travels forward and the error δ backward through deep networks of Dense layers.

These pin facts the book states with numbers (Forward propagation, Training): a tanh layer at
Var Z = 1 keeps about 0.39 of the variance, and more as the variance shrinks; and a level forward
pass does not promise healthy gradients (sigmoid), the two factors agreeing only for ReLU.
"""

import numpy as np

from backprop import CrossEntropy, Network, Tanh, moons

# Gauss–Hermite nodes and weights for the expectation over a standard normal Z.
NODES, WEIGHTS = np.polynomial.hermite_e.hermegauss(80)
WEIGHTS = WEIGHTS / WEIGHTS.sum()


def fraction_kept_by_tanh(variance):
    """E[tanh² Z] / Var Z for Z ~ Normal(0, variance)."""
    return float(np.sum(WEIGHTS * Tanh().forward(np.sqrt(variance) * NODES) ** 2)) / variance


def test_a_tanh_layer_at_unit_variance_keeps_about_39_percent_of_it():
    kept = fraction_kept_by_tanh(1.0)
    assert abs(kept - 0.3943) < 5e-4, f"expected E[tanh² Z] ≈ 0.394 at Var Z = 1, found {kept:.4f}"


def test_the_fraction_a_tanh_layer_keeps_grows_as_the_variance_shrinks():
    """So Var Z falls fast at first and then slowly through LeCun-scaled tanh layers."""
    variances = [1.0, 0.3, 0.1, 0.03, 0.01]
    kept = [fraction_kept_by_tanh(v) for v in variances]
    assert all(a < b for a, b in zip(kept, kept[1:], strict=False)), (
        f"expected a rising fraction, found {kept}"
    )
    assert kept[-1] > 0.95, f"expected tanh nearly linear at Var Z = 0.01, found {kept[-1]:.3f}"


def forward_variances_and_delta_sizes(activation):
    """Var Z and |δ| of each of the 20 hidden layers of a 2-64×20-2 network on the moons data."""
    X, labels = moons(n=200, noise=0.1, seed=0)
    network = Network.from_sizes([2] + [64] * 20 + [2], activation=activation, seed=0)
    gradient = CrossEntropy().gradient(network.forward(X), labels)
    sizes = []
    for layer in reversed(network.layers):
        delta = gradient * layer.activation.derivative(layer.Z, layer.A)
        sizes.insert(0, np.linalg.norm(delta))
        gradient = delta @ layer.W.T
    variances = [layer.Z.var() for layer in network.layers[:20]]
    return variances, sizes[:20]


def test_a_sigmoid_network_keeps_its_forward_variance_while_delta_vanishes():
    variances, sizes = forward_variances_and_delta_sizes("sigmoid")
    forward_ratio = variances[-1] / variances[0]
    factor_per_step = (sizes[0] / sizes[-1]) ** (1 / 19)
    assert 0.25 < forward_ratio < 4, (
        f"expected a roughly level Var Z, found a ratio {forward_ratio:.3g}"
    )
    assert abs(factor_per_step - 0.23) < 0.02, (
        f"expected δ to shrink about 0.23 per layer, found {factor_per_step:.3f}"
    )


def test_with_relu_and_he_scale_both_passes_stay_level():
    variances, sizes = forward_variances_and_delta_sizes("relu")
    factor_per_step = (sizes[0] / sizes[-1]) ** (1 / 19)
    assert 0.5 < variances[-1] / variances[0] < 4, f"Var Z ratio {variances[-1] / variances[0]:.3g}"
    assert abs(factor_per_step - 1.0) < 0.05, (
        f"expected δ level, found {factor_per_step:.3f} per step"
    )
