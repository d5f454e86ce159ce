"""Small argument checks shared by several modules, so every error reads the same."""

from numbers import Integral, Real


def positive_int(value, name):
    """value as an int if it is a whole number > 0, else a ValueError naming the argument."""
    if isinstance(value, bool) or not isinstance(value, Integral) or value <= 0:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)


def is_real(value):
    """True for ints, floats and numpy scalars, but not for True/False."""
    return isinstance(value, Real) and not isinstance(value, bool)
