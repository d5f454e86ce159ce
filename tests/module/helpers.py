"""Shared test helpers: comparisons whose failure messages say what was expected and found."""

import numpy as np
from hypothesis import HealthCheck, settings

# Deterministic, quick property tests: the whole module suite should stay well under a minute.
PROPERTY_SETTINGS = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)


def assert_close(found, expected, tolerance=1e-7, what="value"):
    """|found − expected| <= tolerance · max(1, |expected|), elementwise."""
    found = np.asarray(found, dtype=np.float64)
    expected = np.asarray(expected, dtype=np.float64)
    assert found.shape == expected.shape, (
        f"{what}: expected shape {expected.shape}, found shape {found.shape}"
    )
    if found.size == 0:
        return
    error = float(np.max(np.abs(found - expected) / np.maximum(1.0, np.abs(expected))))
    assert error <= tolerance, (
        f"{what}: expected {expected!r}, found {found!r} "
        f"(largest error {error:.2e}, allowed {tolerance:g})"
    )


def assert_matches_published(found, published, what):
    """found agrees with a number printed in a publication to all of its shown decimals."""
    decimals = len(published.split(".")[1])
    allowed = 0.5 * 10.0**-decimals + 1e-12  # within rounding of the last shown digit
    assert abs(found - float(published)) <= allowed, (
        f"{what}: expected {published} (as published), found {found:.{decimals + 3}f}"
    )


def numerical_derivative_elementwise(g, Z, h=1e-5):
    """(g(Z + h) − g(Z − h)) / 2h for an elementwise function g: its derivative at each Z."""
    return (g(Z + h) - g(Z - h)) / (2 * h)
