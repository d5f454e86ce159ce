"""The training playground trains backprop's network in chunks, adding nothing of its own."""

from __future__ import annotations

import json

import numpy as np
import pytest

from backprop import SGD, CrossEntropy, Network, accuracy, fit, moons, train_test_split
from explorables.playground import CHUNK_EPOCHS, Playground
from explorables.settings import EXPERIMENTS, settings_for
from explorables.worker_adapter import handle


def trained(settings: dict) -> tuple[Playground, dict]:
    playground = Playground(settings)
    frame = playground.frame()
    while not playground.finished:
        frame = playground.train(CHUNK_EPOCHS)
    return playground, frame


def test_the_defaults_learn_the_moons_to_95_percent_on_held_out_points():
    playground, frame = trained(settings_for("playground"))
    assert frame["epoch"] == 100 and frame["finished"]
    assert frame["test_accuracy"] >= 0.95, frame["test_accuracy"]
    assert len(frame["train_losses"]) == 100 and len(frame["test_losses"]) == 100 // CHUNK_EPOCHS
    assert frame["train_losses"][-1] < frame["train_losses"][0]


def test_chunks_are_fit_called_chunk_by_chunk():
    settings = settings_for("playground", {"epochs": 20})
    playground, frame = trained(settings)
    X, y = moons(settings["size"], noise=settings["noise"], seed=settings["seed"])
    X_train, X_test, y_train, y_test = train_test_split(X, y, seed=settings["seed"])
    network = Network.from_sizes([2, 8, 8, 2], activation="tanh", seed=settings["seed"])
    optimizer = SGD(settings["learning_rate"])
    losses = []
    for start in range(0, 20, CHUNK_EPOCHS):
        losses += fit(network, CrossEntropy(), X_train, y_train, optimizer=optimizer,
                      epochs=CHUNK_EPOCHS, batch_size=16, seed=settings["seed"] + start,
                      report=None)  # fmt: skip
    assert np.allclose(frame["train_losses"], losses)
    assert frame["test_accuracy"] == accuracy(network, X_test, y_test)
    for W, layer in zip(frame["weights"], network.layers, strict=True):
        assert np.allclose(W, layer.W, atol=1e-4)


@pytest.mark.parametrize("data_set", ["xor", "moons", "spiral", "circles"])
def test_every_data_set_gives_points_a_boundary_and_weights(data_set):
    playground = Playground(settings_for("playground", {"data_set": data_set, "epochs": 5}))
    frame = playground.train(5)
    data = playground.data()
    classes = 3 if data_set == "spiral" else 2
    assert data["classes"] == classes and len(data["colours"]) >= classes
    assert np.array(frame["boundary"]).shape == (41, 41)
    assert data["sizes"] == [2, 8, 8, classes]
    assert [np.array(W).shape for W in frame["weights"]] == [(2, 8), (8, 8), (8, classes)]


def test_a_diverging_run_stops_and_says_at_which_epoch():
    playground = Playground(settings_for("playground", {"activation": "relu"}))
    playground.train(5)
    playground.optimizer.learning_rate = 1e300  # far past anything the controls allow
    frame = playground.train(5)
    assert frame["finished"] and frame["diverged"].startswith("Training diverged at epoch 6")


def test_the_worker_adapter_answers_json_and_errors_as_answers():
    started = json.loads(handle(json.dumps({"kind": "playground", "action": "start", "key": "k",
                                            "settings": {"epochs": 10}})))  # fmt: skip
    assert started["epoch"] == 0 and "data" in started
    chunk = json.loads(handle(json.dumps({"kind": "playground", "action": "train", "key": "k"})))
    assert chunk["epoch"] == CHUNK_EPOCHS
    refused = json.loads(handle(json.dumps({"kind": "playground", "action": "start", "key": "k",
                                            "settings": {"units": 99}})))  # fmt: skip
    assert refused == {"error": "units must be between 1 and 16, got 99"}
    unknown = json.loads(handle(json.dumps({"kind": "playground", "action": "train", "key": "x"})))
    assert "has not started" in unknown["error"]


def test_each_layers_gradient_size_is_network_backwards_over_the_training_set():
    playground = Playground(settings_for("playground", {"epochs": 10}))
    frame = playground.train(CHUNK_EPOCHS)
    epoch, sizes = frame["gradient_sizes"][-1]
    network = playground.network
    network.backward(playground.loss.gradient(network.forward(playground.X_train),
                                              playground.y_train))  # fmt: skip
    assert epoch == CHUNK_EPOCHS
    assert sizes == [pytest.approx(np.linalg.norm(layer.dW)) for layer in network.layers]
    assert frame["gradient_sizes"][0][0] == 0, "the sizes before training come first"


def test_four_sigmoid_layers_stay_at_chance_with_vanishing_gradients_and_relu_learns():
    """Issue 21's experiment: the first layer's gradient is a small fraction of the last's."""
    sigmoid = dict(EXPERIMENTS[0]["settings"])
    playground, frame = trained(settings_for("playground", sigmoid))
    first, *_, last = frame["gradient_sizes"][0][1]
    assert first / last < 0.1
    assert frame["test_accuracy"] < 0.65
    assert frame["what_happened"]["section"] == "vanishing-gradients"
    _, relu = trained(settings_for("playground", EXPERIMENTS[1]["settings"]))
    assert relu["test_accuracy"] > 0.9 and relu["what_happened"]["text"].startswith("It learned")


def test_a_learning_rate_of_10_says_the_steps_overshoot():
    _, frame = trained(settings_for("playground", EXPERIMENTS[2]["settings"]))
    assert frame["what_happened"]["section"] == "learning-rate-too-large"
