"""Losses: values and gradients (PyTorch's conventions are in test_worked_examples.py)."""

import warnings

import numpy as np
import pytest

from backprop import MSE, BinaryCrossEntropy, CrossEntropy, numerical_gradient, softmax

from .helpers import assert_close, assert_matches_published

rng = np.random.default_rng(0)
LOGITS = rng.normal(size=(5, 4)) * 2
LABELS = np.array([0, 3, 1, 1, 2])
ONE_HOT = np.eye(4)[LABELS]
PRED = rng.normal(size=(5, 3))
TARGET = rng.normal(size=(5, 3))


def test_mse_gradient_matches_finite_differences():
    expected = numerical_gradient(lambda P: MSE().value(P, TARGET), PRED)
    assert_close(MSE().gradient(PRED, TARGET), expected, tolerance=1e-9, what="∂MSE/∂ŷ")


def test_mse_gradient_is_two_times_the_error_over_the_number_of_elements():
    expected = 2 * (PRED - TARGET) / PRED.size
    assert_close(MSE().gradient(PRED, TARGET), expected, tolerance=1e-15, what="2(ŷ − y)/ŷ.size")


def test_mse_value_is_a_python_float():
    assert type(MSE().value(PRED, TARGET)) is float


@pytest.mark.parametrize("target", [LABELS, ONE_HOT], ids=["labels", "one-hot"])
def test_cross_entropy_gradient_matches_finite_differences(target):
    expected = numerical_gradient(lambda Z: CrossEntropy().value(Z, target), LOGITS)
    found = CrossEntropy().gradient(LOGITS, target)
    assert_close(found, expected, tolerance=1e-9, what="∂CE/∂Z")


def test_cross_entropy_is_the_mean_negative_log_probability_of_the_true_class():
    P = np.exp(LOGITS) / np.exp(LOGITS).sum(axis=1, keepdims=True)
    expected = -np.mean(np.log(P[np.arange(5), LABELS]))
    assert_close(CrossEntropy().value(LOGITS, LABELS), expected, tolerance=1e-14, what="CE")


def test_cross_entropy_gradient_is_softmax_minus_one_hot_over_n():
    expected = (softmax(LOGITS) - ONE_HOT) / 5
    assert_close(CrossEntropy().gradient(LOGITS, LABELS), expected, tolerance=1e-15, what="∂CE/∂Z")


def test_cross_entropy_gives_the_same_for_labels_and_one_hot_targets():
    assert CrossEntropy().value(LOGITS, LABELS) == pytest.approx(
        CrossEntropy().value(LOGITS, ONE_HOT), abs=1e-15
    )


def test_cross_entropy_is_finite_and_exact_for_huge_logits():
    logits = np.array([[1000.0, 0.0, -1000.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no overflow, no log(0)
        value = CrossEntropy().value(logits, np.array([0]))
        gradient = CrossEntropy().gradient(logits, np.array([0]))
        wrong = CrossEntropy().value(logits, np.array([2]))
    assert value == 0.0, f"expected loss 0.0 for a confident right answer, found {value}"
    assert np.all(np.isfinite(gradient)), f"expected a finite gradient, found {gradient}"
    assert wrong == 2000.0, f"expected loss 2000.0 for a confident wrong answer, found {wrong}"


def test_softmax_rows_are_probabilities_even_for_huge_logits():
    P = softmax(np.array([[1000.0, 1000.0], [-1000.0, 0.0], [1.0, 2.0]]))
    assert np.all(np.isfinite(P)), f"expected finite values, found {P}"
    assert_close(P.sum(axis=1), np.ones(3), tolerance=1e-15, what="row sums")
    assert_close(P[0], [0.5, 0.5], tolerance=1e-15, what="softmax of equal logits")


def test_mse_refuses_different_shapes_naming_both_and_suggesting_a_reshape():
    with pytest.raises(ValueError, match=r"pred \(4, 1\) and target \(4,\).*y\.reshape\(-1, 1\)"):
        MSE().value(np.zeros((4, 1)), np.zeros(4))
    with pytest.raises(ValueError, match=r"pred \(2, 3\) and target \(3, 2\)"):
        MSE().gradient(np.zeros((2, 3)), np.zeros((3, 2)))


def test_cross_entropy_refuses_targets_of_the_wrong_shape_naming_both():
    with pytest.raises(ValueError, match=r"pred of shape \(5, 4\) and target of shape \(5, 1\)"):
        CrossEntropy().value(LOGITS, LABELS.reshape(-1, 1))


def test_cross_entropy_refuses_labels_out_of_range():
    with pytest.raises(ValueError, match="whole numbers from 0 to 3"):
        CrossEntropy().value(LOGITS, np.array([0, 1, 2, 3, 4]))
    with pytest.raises(ValueError, match="whole numbers from 0 to 3"):
        CrossEntropy().value(LOGITS, np.array([0, 1, 2, 0.5, 1]))


def test_cross_entropy_needs_two_dimensional_logits():
    with pytest.raises(ValueError, match=r"logits of shape \(N, C\), got pred of shape \(4,\)"):
        CrossEntropy().value(np.zeros(4), np.array([0]))


BINARY_LOGITS = rng.normal(size=(6, 2)) * 3
BINARY_TARGETS = (rng.random(size=(6, 2)) < 0.5).astype(float)


@pytest.mark.parametrize("shape", [(6, 1), (6, 2)], ids=["one-output", "two-outputs"])
def test_binary_cross_entropy_gradient_matches_finite_differences(shape):
    Z, Y = BINARY_LOGITS[:, : shape[1]], BINARY_TARGETS[:, : shape[1]]
    expected = numerical_gradient(lambda Z_: BinaryCrossEntropy().value(Z_, Y), Z)
    found = BinaryCrossEntropy().gradient(Z, Y)
    assert_close(found, expected, tolerance=1e-9, what="∂BCE/∂z")


def test_binary_cross_entropy_is_minus_the_mean_log_probability_of_each_target():
    P = 1 / (1 + np.exp(-BINARY_LOGITS))
    Y = BINARY_TARGETS
    expected = -np.mean(Y * np.log(P) + (1 - Y) * np.log(1 - P))
    found = BinaryCrossEntropy().value(BINARY_LOGITS, Y)
    assert_close(found, expected, tolerance=1e-14, what="BCE")


def test_binary_cross_entropy_gradient_is_sigmoid_minus_target_over_the_size():
    expected = (1 / (1 + np.exp(-BINARY_LOGITS)) - BINARY_TARGETS) / BINARY_LOGITS.size
    found = BinaryCrossEntropy().gradient(BINARY_LOGITS, BINARY_TARGETS)
    assert_close(found, expected, tolerance=1e-15, what="(σ(z) − y)/z.size")


def test_binary_cross_entropy_of_a_zero_logit_is_log_two_whatever_the_target():
    """By hand: σ(0) = 1/2, and −log(1/2) = log 2 for y = 0 and for y = 1."""
    for target in (0.0, 1.0):
        found = BinaryCrossEntropy().value(np.zeros((1, 1)), np.array([[target]]))
        assert found == pytest.approx(np.log(2), abs=1e-15), f"y = {target}: found {found}"


def test_binary_cross_entropy_matches_the_published_keras_example():
    """TensorFlow's documentation of tf.keras.losses.BinaryCrossentropy(from_logits=True)
    (version 2.6), "Example 1" and "Example 2": logits [-18.6, 0.51, 2.94, -12.8] with targets
    [0, 1, 0, 0] give 0.865, both as one row of four and as two rows of two (a mean over every
    element, as here and in PyTorch's BCEWithLogitsLoss).
    https://www.tensorflow.org/versions/r2.6/api_docs/python/tf/keras/losses/BinaryCrossentropy
    """
    logits = np.array([[-18.6, 0.51, 2.94, -12.8]])
    targets = np.array([[0.0, 1.0, 0.0, 0.0]])
    loss = BinaryCrossEntropy()
    assert_matches_published(loss.value(logits, targets), "0.865", "BCE of one row of four")
    two_rows = loss.value(logits.reshape(2, 2), targets.reshape(2, 2))
    assert_matches_published(two_rows, "0.865", "BCE of two rows of two")


def test_binary_cross_entropy_is_finite_and_exact_for_huge_logits():
    logits = np.array([[1000.0], [-1000.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no overflow, no log(0)
        right = BinaryCrossEntropy().value(logits, np.array([[1.0], [0.0]]))
        wrong = BinaryCrossEntropy().value(logits, np.array([[0.0], [1.0]]))
        gradient = BinaryCrossEntropy().gradient(logits, np.array([[0.0], [1.0]]))
    assert right == 0.0, f"expected loss 0.0 for confident right answers, found {right}"
    assert wrong == 1000.0, f"expected loss 1000.0 for confident wrong answers, found {wrong}"
    assert_close(gradient, [[0.5], [-0.5]], tolerance=1e-15, what="(σ(z) − y)/2 at z = ±1000")


def test_binary_cross_entropy_refuses_targets_outside_zero_to_one():
    with pytest.raises(ValueError, match="must be 0 or 1.*from -1 to 2"):
        BinaryCrossEntropy().value(np.zeros((3, 1)), np.array([[-1.0], [0.0], [2.0]]))


def test_binary_cross_entropy_refuses_different_shapes_suggesting_a_reshape():
    with pytest.raises(ValueError, match=r"pred \(4, 1\) and target \(4,\).*y\.reshape\(-1, 1\)"):
        BinaryCrossEntropy().gradient(np.zeros((4, 1)), np.zeros(4))
