"""Training: train_step, fit (reports, History, divergence) and accuracy."""

import re
import warnings

import numpy as np
import pytest

from backprop import (
    MSE,
    SGD,
    CrossEntropy,
    Dense,
    History,
    Network,
    TrainingDiverged,
    accuracy,
    fit,
    moons,
    train_step,
    xor,
)


def test_xor_is_learned_to_full_accuracy():
    # How fast training is, is measured by bench/module_step.py, not asserted here.
    X, y = xor()
    network = Network.from_sizes([2, 8, 1], activation="tanh", seed=0)
    history = fit(network, MSE(), X, y, optimizer=SGD(0.2), epochs=500, report=None)
    found = accuracy(network, X, y)
    assert found == 1.0, f"expected accuracy 1.0 on XOR, found {found} (final loss {history[-1]})"


def test_moons_are_separated_to_at_least_95_percent():
    X, y = moons(200, 0.1, seed=0)
    network = Network.from_sizes([2, 16, 16, 2], activation="tanh", seed=0)
    fit(network, CrossEntropy(), X, y, optimizer=SGD(0.5), epochs=300, report=None)
    found = accuracy(network, X, y)
    assert found >= 0.95, f"expected accuracy >= 0.95 on moons, found {found}"


def test_fit_with_mini_batches_also_learns_moons():
    X, y = moons(200, 0.1, seed=0)
    network = Network.from_sizes([2, 16, 16, 2], activation="tanh", seed=0)
    fit(network, CrossEntropy(), X, y, optimizer=SGD(0.1), epochs=100, batch_size=20, report=None)
    found = accuracy(network, X, y)
    assert found >= 0.95, f"expected accuracy >= 0.95 with batches of 20, found {found}"


def test_history_has_one_mean_loss_per_epoch():
    X, y = xor()
    history = fit(Network.from_sizes([2, 4, 1], seed=0), MSE(), X, y, epochs=37, report=None)
    assert isinstance(history, History) and isinstance(history, list)
    assert len(history) == 37, f"expected 37 losses, found {len(history)}"
    assert all(type(loss) is float for loss in history), "expected every loss to be a float"
    assert history.epochs == list(range(1, 38)), f"found epochs {history.epochs}"


def test_epoch_loss_is_the_mean_over_the_batches_weighted_by_their_size():
    X, y = moons(10, 0.1, seed=1)
    network = Network.from_sizes([2, 3, 2], seed=0)
    copy = Network.from_sizes([2, 3, 2], seed=0)
    history = fit(network, CrossEntropy(), X, y, epochs=1, batch_size=4, shuffle=False, report=None)
    optimizer = SGD(0.1)
    losses = [
        train_step(copy, CrossEntropy(), X[s : s + 4], y[s : s + 4], optimizer) for s in (0, 4, 8)
    ]
    expected = (4 * losses[0] + 4 * losses[1] + 2 * losses[2]) / 10
    assert history[0] == pytest.approx(expected, rel=1e-12), (
        f"expected {expected}, found {history[0]}"
    )


def test_fit_reports_about_ten_times_by_default():
    X, y = xor()
    lines = []
    fit(Network.from_sizes([2, 4, 1], seed=0), MSE(), X, y, epochs=100, report=lines.append)
    assert len(lines) == 10, f"expected 10 reports, found {len(lines)}: {lines}"
    assert lines[0].startswith("epoch    10  loss "), f"found first report {lines[0]!r}"
    assert lines[-1].startswith("epoch   100  loss "), f"found last report {lines[-1]!r}"


def test_fit_reports_every_given_number_of_epochs_and_the_last():
    X, y = xor()
    lines = []
    history = fit(
        Network.from_sizes([2, 4, 1], seed=0),
        MSE(),
        X,
        y,
        epochs=7,
        report_every=3,
        report=lines.append,
    )
    expected = [f"epoch {e:>5}  loss {history[e - 1]:.4f}" for e in (3, 6, 7)]
    assert lines == expected, f"expected {expected}, found {lines}"


def test_fit_is_reproducible_with_the_same_seed():
    X, y = moons(40, 0.2, seed=3)
    runs = []
    for _ in range(2):
        network = Network.from_sizes([2, 5, 2], seed=0)
        runs.append(fit(network, CrossEntropy(), X, y, epochs=5, batch_size=8, seed=4, report=None))
    assert runs[0] == runs[1], f"the same seeds gave different histories: {runs}"


def test_fit_uses_sgd_with_learning_rate_0_1_by_default():
    X, y = xor()
    by_default = Network.from_sizes([2, 4, 1], seed=0)
    explicit = Network.from_sizes([2, 4, 1], seed=0)
    fit(by_default, MSE(), X, y, epochs=3, report=None)
    fit(explicit, MSE(), X, y, optimizer=SGD(0.1), epochs=3, report=None)
    assert np.array_equal(by_default.layers[0].W, explicit.layers[0].W)


def test_divergence_raises_training_diverged_with_the_history_so_far():
    X, y = xor()
    network = Network.from_sizes([2, 8, 1], activation="tanh", seed=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no overflow warnings on the way
        with pytest.raises(TrainingDiverged) as error:
            fit(network, MSE(), X, y, optimizer=SGD(10.0), epochs=200, report=None)
    message = str(error.value)
    assert isinstance(error.value, RuntimeError)
    match = re.search(r"at epoch (\d+)", message)
    assert match, f"expected the epoch in the message, found {message!r}"
    assert "lower learning rate than 10" in message, f"expected advice, found {message!r}"
    history = error.value.history
    assert isinstance(history, History)
    epoch = int(match.group(1))
    assert len(history) == epoch - 1, f"expected {epoch - 1} losses, found {len(history)}"
    assert all(np.isfinite(history)), "expected only the finite losses before divergence"


def test_train_step_returns_the_loss_and_reduces_it():
    X, y = xor()
    network = Network.from_sizes([2, 8, 1], seed=0)
    optimizer = SGD(0.1)
    first = train_step(network, MSE(), X, y, optimizer)
    assert first == pytest.approx(MSE().value(Network.from_sizes([2, 8, 1], seed=0)(X), y))
    second = train_step(network, MSE(), X, y, optimizer)
    assert second < first, f"expected the loss to fall, found {first} then {second}"


def test_accuracy_thresholds_a_single_output_at_one_half():
    network = Network([Dense(1, 1)])
    network.layers[0].W[...] = 1.0
    X = np.array([[0.2], [0.5], [0.9], [0.1]])
    found = accuracy(network, X, np.array([0, 1, 1, 1]))
    assert found == 0.75, f"expected 0.75, found {found}"


def test_accuracy_thresholds_a_logit_at_zero_when_told():
    """A network trained with BinaryCrossEntropy outputs logits: class 1 where z ≥ 0."""
    network = Network([Dense(1, 1)])
    network.layers[0].W[...] = 1.0
    X = np.array([[-0.3], [0.2], [0.4], [-2.0]])
    labels = np.array([0, 1, 1, 0])
    assert accuracy(network, X, labels, threshold=0.0) == 1.0
    assert accuracy(network, X, labels) == 0.5, "at 0.5, the logits 0.2 and 0.4 read as class 0"


def test_accuracy_takes_the_argmax_for_several_outputs_and_accepts_one_hot_labels():
    network = Network([Dense(2, 2)])
    network.layers[0].W[...] = np.eye(2)
    X = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 3.0]])
    assert accuracy(network, X, np.array([0, 1, 0])) == pytest.approx(2 / 3)
    assert accuracy(network, X, np.eye(2)[[0, 1, 1]]) == 1.0


def test_fit_refuses_a_one_dimensional_x_suggesting_reshape():
    with pytest.raises(ValueError, match=r"2-D.*X\.reshape\(-1, 1\)"):
        fit(Network.from_sizes([1, 1]), MSE(), np.zeros(5), np.zeros((5, 1)), report=None)


def test_fit_refuses_x_and_y_of_different_lengths_naming_both_shapes():
    with pytest.raises(ValueError, match=r"X of shape \(5, 2\) and y of shape \(4, 1\)"):
        fit(Network.from_sizes([2, 1]), MSE(), np.zeros((5, 2)), np.zeros((4, 1)), report=None)


@pytest.mark.parametrize("argument", ["epochs", "batch_size", "report_every"])
def test_fit_refuses_counts_that_are_not_positive_integers(argument):
    X, y = xor()
    with pytest.raises(ValueError, match=f"{argument} must be a positive integer"):
        fit(Network.from_sizes([2, 1]), MSE(), X, y, report=None, **{argument: 0})
