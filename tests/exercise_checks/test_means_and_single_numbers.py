"""Diagnoses for a cost (one number for a batch) and for single numbers in general."""

from __future__ import annotations

import numpy as np
import pytest

from exercise_checks import CheckFailed, expect_array

RNG = np.random.default_rng(11)


def feedback(found, expected, name="the cost", **options) -> str:
    with pytest.raises(CheckFailed) as failed:
        expect_array(found, expected, name, "CrossEntropy().value gives", **options)
    return str(failed.value)


def test_per_example_costs_whose_mean_is_the_cost_are_told_to_take_the_mean():
    per_example = RNG.uniform(0.1, 3.0, size=8)
    message = feedback(per_example, np.asarray(per_example.mean()))
    assert "shape (8,), but it should have shape ()" in message
    assert "one row per example (8 rows): take their mean over the batch (axis 0)" in message
    assert "sum over" not in message


def test_rows_whose_mean_is_the_answer_are_not_told_to_sum():
    expected = RNG.normal(size=3)
    rows = expected + RNG.normal(size=(5, 3))
    rows -= rows.mean(axis=0) - expected  # rows that average to the expected array
    message = feedback(rows, expected, "db")
    assert "take their mean over the batch (axis 0) to get db" in message
    assert "sum" not in message


def test_a_sum_over_the_batch_instead_of_the_mean_is_named_for_a_single_number():
    message = feedback(np.asarray(4 * 0.75), np.asarray(0.75), batch_size=4)
    assert "is N = 4 (the batch size) times what it should be: is the division by N" in message


def test_a_single_wrong_number_gets_no_made_up_constant_factor():
    message = feedback(np.asarray(0.8123), np.asarray(0.75))
    assert message == "`the cost` is 0.8123 but CrossEntropy().value gives 0.75."


@pytest.mark.parametrize(
    ("found", "diagnosis"),
    [
        (1.5, "is 2 times what it should be: a factor of 2 too many"),
        (-0.75, "is -1 times what it should be: is the sign wrong"),
    ],
)
def test_a_single_number_off_by_a_known_factor_is_still_named(found, diagnosis):
    assert diagnosis in feedback(np.asarray(found), np.asarray(0.75))


def test_a_right_single_number_passes():
    expect_array(np.asarray(np.float32(0.75)), np.asarray(0.75), "the cost", batch_size=4)


@pytest.mark.parametrize(("value", "what"), [(np.nan, "NaN (not a number)"), (np.inf, "infinity")])
def test_a_single_number_that_is_not_finite_is_named_without_counting_entries(value, what):
    message = feedback(np.asarray(value), np.asarray(0.75))
    assert message.startswith(f"`the cost` is {what}: a division by zero, the log of 0")
    assert "entries" not in message
