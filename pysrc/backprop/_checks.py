"""Small argument checks shared by several modules, so every error reads the same."""

from numbers import Integral, Real

import numpy as np

FLOAT_DTYPES = (np.dtype(np.float32), np.dtype(np.float64))


def positive_int(value, name):
    """value as an int if it is a whole number > 0, else a ValueError naming the argument."""
    if isinstance(value, bool) or not isinstance(value, Integral) or value <= 0:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)


def is_real(value):
    """True for ints, floats and numpy scalars, but not for True/False."""
    return isinstance(value, Real) and not isinstance(value, bool)


def float_dtype(dtype):
    """np.dtype('float32') or np.dtype('float64') from any spelling of them, else a ValueError."""
    try:
        found = np.dtype(dtype)
    except TypeError:
        found = np.dtype(object)  # not a dtype at all ("nonsense"): refused below
    if found not in FLOAT_DTYPES:
        raise ValueError(f"dtype must be float32 or float64, got {dtype!r}")
    return found


def as_float_array(values):
    """values as a float array: float32 stays float32, anything else becomes float64."""
    array = np.asarray(values)
    return array if array.dtype == np.float32 else array.astype(np.float64, copy=False)
