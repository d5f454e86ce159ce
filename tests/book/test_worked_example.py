"""The hand-worked example in the backpropagation chapter prints what `backprop` computes.

Every nine-decimal number in the section's prose (outside code cells) must be one of the values
computed here with the module, so a wrong number typed into the text fails this test.
"""

from __future__ import annotations

import re

import numpy as np

from backprop import MSE, SGD, Dense, Network
from bookbuild.paths import DOCS

SECTION = re.compile(r"^## A worked example.*?(?=^## )", re.M | re.S)
CODE_CELL = re.compile(r"^```.*?^```", re.M | re.S)
NINE_DECIMALS = re.compile(r"-?\d+\.\d{9}\b")


def mazur_network() -> Network:
    hidden, output = Dense(2, 2, activation="sigmoid"), Dense(2, 2, activation="sigmoid")
    hidden.W[:] = [[0.15, 0.25], [0.20, 0.30]]
    hidden.b[:] = [0.35, 0.35]
    output.W[:] = [[0.40, 0.50], [0.45, 0.55]]
    output.b[:] = [0.60, 0.60]
    return Network([hidden, output])


def computed_values() -> set[str]:
    """Every intermediate of one forward, backward and SGD step, to nine decimals."""
    X, y = np.array([[0.05, 0.10]]), np.array([[0.01, 0.99]])
    network, loss = mazur_network(), MSE()
    hidden, output = network.layers
    Z1 = X @ hidden.W + hidden.b
    A1 = 1 / (1 + np.exp(-Z1))
    Z2 = A1 @ output.W + output.b
    y_hat = network.forward(X)
    values = [Z1, A1, Z2, y_hat, loss.value(y_hat, y), 0.5 * (y_hat - y) ** 2]
    gradient = loss.gradient(y_hat, y)
    network.backward(gradient)
    routed_back = output.db @ output.W.T
    values += [gradient, y_hat * (1 - y_hat), output.db, output.dW, routed_back]
    values += [A1 * (1 - A1), hidden.db, hidden.dW]
    SGD(0.5).step(network)
    values += [layer.W for layer in network.layers] + [layer.b for layer in network.layers]
    values.append(loss.value(network.forward(X), y))
    fixed_biases = mazur_network()
    for layer, updated in zip(fixed_biases.layers, network.layers, strict=True):
        layer.W[:] = updated.W
    values.append(loss.value(fixed_biases.forward(X), y))
    values.append(loss_with_updated_output_weights_in_bp2(X, y))
    return {f"{value:.9f}" for array in values for value in np.ravel(array)}


def loss_with_updated_output_weights_in_bp2(X, y) -> float:
    """Mazur's published 0.291027924: the order of his script before its commit 4b6faac.

    The output weights are updated first and δ[2] is sent back through the updated ones;
    the biases stay fixed, as in his post.
    """
    network, loss = mazur_network(), MSE()
    hidden, output = network.layers
    output.backward(loss.gradient(network.forward(X), y))
    delta2 = output.db.reshape(1, -1)
    output.W -= 0.5 * output.dW
    hidden.backward(delta2 @ output.W.T)
    hidden.W -= 0.5 * hidden.dW
    return loss.value(network.forward(X), y)


def section_prose() -> str:
    chapter = (DOCS / "backpropagation.md").read_text()
    section = SECTION.search(chapter)
    assert section, "backpropagation.md has no '## A worked example' section"
    return CODE_CELL.sub("", section.group(0))


def test_every_number_in_the_worked_example_is_what_backprop_computes():
    written = NINE_DECIMALS.findall(section_prose())
    assert len(written) >= 40, f"only {len(written)} nine-decimal numbers in the worked example"
    expected = computed_values()
    wrong = sorted({number for number in written if number not in expected})
    assert not wrong, f"numbers in the prose that backprop does not compute: {wrong}"


def test_mazurs_published_total_error_is_the_order_of_his_first_script():
    """His post prints 0.291027924 after one step; with the old weights in BP2 it is 0.291027774."""
    X, y = np.array([[0.05, 0.10]]), np.array([[0.01, 0.99]])
    assert f"{loss_with_updated_output_weights_in_bp2(X, y):.9f}" == "0.291027924"


def test_the_key_results_appear_in_the_prose():
    prose = section_prose()
    for key in ("0.593269992", "0.751365070", "0.298371109", "0.082167041", "0.358916480",
                "0.149780716", "0.291027774", "0.291027924"):  # fmt: skip
        assert key in prose, f"{key} is missing from the worked example"
