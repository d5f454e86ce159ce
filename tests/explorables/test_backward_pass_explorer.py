"""The backward-pass explorer shows Network.backward's numbers, Mazur's to the digits printed."""

from __future__ import annotations

import copy
import itertools

import numpy as np
import pytest

from backprop import MSE, SGD
from explorables.backward_pass import BackwardPassError, network_and_example, trace
from explorables.settings import SettingsError, settings_for
from tests.module.helpers import assert_matches_published

MAZUR = settings_for("backward-pass")


def test_mazurs_published_numbers_appear_at_their_steps():
    """Matt Mazur, "A Step by Step Backpropagation Example" (2015): the forward pass, the cost,
    ∂L/∂w5 and ∂L/∂w1, and the eight new weights after one update with η = 0.5."""
    shown = trace(MAZUR)
    hidden, output = shown["layers"]
    assert_matches_published(hidden["Z"][0][0], "0.3775", "net_h1")
    assert_matches_published(hidden["A"][0][0], "0.593269992", "out_h1")
    assert_matches_published(output["A"][0][0], "0.75136507", "out_o1")
    assert_matches_published(shown["cost"], "0.298371109", "E_total")
    assert_matches_published(output["dW"][0][0], "0.082167041", "∂E/∂w5")
    assert_matches_published(hidden["dW"][0][0], "0.000438568", "∂E/∂w1")
    new_weights = {
        "w1": (hidden, 0, 0, "0.149780716"),
        "w2": (hidden, 1, 0, "0.19956143"),
        "w3": (hidden, 0, 1, "0.24975114"),
        "w4": (hidden, 1, 1, "0.29950229"),
        "w5": (output, 0, 0, "0.35891648"),
        "w6": (output, 1, 0, "0.408666186"),
        "w7": (output, 0, 1, "0.511301270"),
        "w8": (output, 1, 1, "0.561370121"),
    }
    for name, (layer, k, j, published) in new_weights.items():
        assert_matches_published(layer["W_after"][k][j], published, f"new {name}")
    assert shown["names"]["weights"][1][0][0] == "w5" and shown["names"]["weights"][0][1][0] == "w2"


@pytest.mark.parametrize(
    "given",
    [
        {},
        {"weights": "random", "sizes": [4, 5, 5, 3], "activation": "tanh", "seed": 3},
        {"weights": "random", "sizes": [1, 3, 1], "activation": "relu"},
    ],
)
def test_every_delta_and_gradient_is_network_backwards(given):
    settings = settings_for("backward-pass", given)
    shown = trace(settings)
    network, x, y = network_and_example(settings)
    loss = MSE()
    network.backward(loss.gradient(network.forward(x), y))
    for layer, found in zip(network.layers, shown["layers"], strict=True):
        assert np.array_equal(found["dW"], layer.dW) and np.array_equal(found["db"], layer.db)
        assert np.array_equal(found["delta"][0], layer.db)  # one example: δ is db (BP3)
        assert np.array_equal(found["Z"], layer.Z) and np.array_equal(found["A"], layer.A)
    # BP2's incoming gradient is the layer above's δ times its Wᵀ.
    for below, above in itertools.pairwise(shown["layers"]):
        expected = np.array(above["delta"]) @ np.array(above["W"]).T
        assert np.allclose(below["dA"], expected, rtol=1e-14, atol=0)


def test_the_steps_name_bp1_to_bp4_with_their_shapes():
    steps = trace(settings_for("backward-pass", {"weights": "random", "sizes": [3, 4, 5, 2]}))[
        "steps"
    ]
    assert [step["phase"] for step in steps] == (
        ["network"] + ["forward"] * 3 + ["cost"] + ["backward", "gradients"] * 3
    )
    assert [step["rule"] for step in steps if step["phase"] == "backward"] == ["BP1", "BP2", "BP2"]
    bp2 = next(step for step in steps if step["rule"] == "BP2")
    assert bp2["layer"] == 2
    assert bp2["shapes"] == ("δ^[3] (1×2) · W^[3]ᵀ (2×5) → (1×5), ⊙ σ′(Z^[2]) (1×5) → δ^[2] (1×5)")
    gradients = [step for step in steps if step["phase"] == "gradients"]
    assert gradients[-1]["shapes"].endswith("A^[0]ᵀ (3×1) · δ^[1] (1×4) → (3×4)")


def test_an_update_is_sgds_step_and_the_cost_falls():
    once = trace(settings_for("backward-pass", {"updates": 1}))
    first = trace(MAZUR)
    assert once["costs"] == pytest.approx([first["cost"], first["cost_after"]], rel=1e-15)
    assert_matches_published(first["cost_after"], "0.280471447", "cost after one update")
    network, x, y = network_and_example(MAZUR)
    loss, optimizer = MSE(), SGD(0.5)
    for _ in range(20):
        network.backward(loss.gradient(network.forward(x), y))
        optimizer.step(network)
    twenty = trace(settings_for("backward-pass", {"updates": 20}))
    assert np.array_equal(twenty["layers"][0]["W"], network.layers[0].W)
    assert all(later < earlier for earlier, later in itertools.pairwise(twenty["costs"]))


def test_sizes_out_of_range_and_mazur_with_other_sizes_are_refused():
    with pytest.raises(SettingsError, match="with 1 to 2 hidden layers"):
        settings_for("backward-pass", {"sizes": [2, 2]})
    with pytest.raises(SettingsError, match=r"sizes\[1\] must be between 1 and 5"):
        settings_for("backward-pass", {"sizes": [2, 6, 2]})
    with pytest.raises(BackwardPassError, match="Mazur's weights are for the 2-2-2 network"):
        trace(settings_for("backward-pass", {"sizes": [2, 3, 2]}))


def test_the_trace_leaves_the_settings_alone():
    settings = settings_for("backward-pass", {"updates": 2})
    before = copy.deepcopy(settings)
    trace(settings)
    assert settings == before
