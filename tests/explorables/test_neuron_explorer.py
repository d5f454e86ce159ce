"""The neuron explorer is backprop's Dense over the plane, with the Forward propagation chapter's
neuron as its default."""

from __future__ import annotations

import numpy as np
import pytest

from backprop import Dense
from explorables.neuron import explore, zero_line
from explorables.settings import SettingsError, settings_for


def test_the_default_is_the_chapters_neuron():
    """Forward propagation: x = (2, 3), w = (0.4, −0.3), b = 0.5 give z = 0.4, σ(0.4) ≈ 0.5987."""
    shown = explore(settings_for("neuron"))
    assert shown["z"] == [pytest.approx(0.4)]
    assert round(shown["a"][0], 4) == 0.5987


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_a_layer_of_three_is_dense_forward_everywhere(activation):
    settings = settings_for("neuron", {"units": 3, "activation": activation, "x": [-1.0, 0.5]})
    shown = explore(settings)
    layer = Dense(2, 3, activation=activation)
    layer.W[...], layer.b[...] = settings["weights"], settings["biases"]
    assert np.allclose(shown["a"], layer.forward(np.array([[-1.0, 0.5]]))[0], rtol=1e-15)
    grid = np.linspace(-4, 4, 41)
    point = np.array([[grid[7], grid[30]]])  # row 30 is x₂, column 7 is x₁
    for j in range(3):
        assert shown["outputs"][j][30][7] == pytest.approx(layer.forward(point)[0, j], abs=1e-4)


def test_the_zero_line_is_where_z_changes_sign():
    w, b = np.array([0.4, -0.3]), 0.5
    (x1, y1), (x2, y2) = zero_line(w, b)
    for x, y in [(x1, y1), (x2, y2), ((x1 + x2) / 2, (y1 + y2) / 2)]:
        assert w @ [x, y] + b == pytest.approx(0, abs=1e-12)
    assert zero_line(np.array([0.0, 0.0]), 1.0) is None
    assert zero_line(np.array([1.0, 0.0]), -100.0) is None  # x₁ = 100: outside the window


def test_weights_must_be_two_rows_of_three():
    with pytest.raises(SettingsError, match="weights must be 2 rows of 3 numbers"):
        settings_for("neuron", {"weights": [[1, 2, 3]]})
