"""Each explorable's settings: their defaults, what values they may take, and clear errors.

An author's defaults (in the Markdown) and a reader's control changes both pass through
`settings_for`, which fills in the defaults and refuses anything out of range with a message
that says what is allowed.
"""

from __future__ import annotations

import math
from numbers import Real

SURFACES = ("valley", "two-minima")
DATA_SETS = ("xor", "moons", "spiral", "circles")
ACTIVATIONS = ("tanh", "relu", "sigmoid")


class SettingsError(ValueError):
    """A setting is unknown or out of range; the message says what is allowed."""


def number(low: float, high: float, whole: bool = False):
    def check(name, value):
        if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value):
            raise SettingsError(f"{name} must be a number, got {value!r}")
        if not low <= value <= high:
            raise SettingsError(f"{name} must be between {low:g} and {high:g}, got {value!r}")
        if whole and value != int(value):
            raise SettingsError(f"{name} must be a whole number, got {value!r}")
        return int(value) if whole else float(value)

    return check


def one_of(choices):
    def check(name, value):
        if value not in choices:
            raise SettingsError(f"{name} must be one of {', '.join(choices)}; got {value!r}")
        return value

    return check


def point(name, value):
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise SettingsError(f"{name} must be a point [x, y], got {value!r}")
    return [number(-1e3, 1e3)(f"{name}[{i}]", coordinate) for i, coordinate in enumerate(value)]


def expression(name, value):
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise SettingsError(f"{name} must be an expression of at most 200 characters")
    return value


def leaves(name, value):
    if not isinstance(value, dict) or not value:
        raise SettingsError(f"{name} must map each leaf's name to its value, e.g. {{'a': 2.0}}")
    return {key: number(-1e6, 1e6)(f"the value of {key}", item) for key, item in value.items()}


SETTINGS = {
    "gradient-descent": {
        "surface": ("valley", one_of(SURFACES)),
        "start": ([-4.5, 1.8], point),
        "learning_rate": (0.05, number(1e-4, 10.0)),
        "momentum": (0.0, number(0.0, 0.99)),
        "steps": (40, number(1, 500, whole=True)),
    },
    "graph": {
        "expression": ("(a * b + c).tanh()", expression),
        "leaves": ({"a": 2.0, "b": -3.0, "c": 10.0}, leaves),
    },
    "playground": {
        "data_set": ("moons", one_of(DATA_SETS)),
        "noise": (0.15, number(0.0, 0.5)),
        "size": (300, number(40, 1000, whole=True)),
        "hidden_layers": (2, number(1, 4, whole=True)),
        "units": (8, number(1, 16, whole=True)),
        "activation": ("tanh", one_of(ACTIVATIONS)),
        "learning_rate": (0.1, number(1e-4, 10.0)),
        "batch_size": (16, number(1, 1000, whole=True)),
        "epochs": (100, number(1, 1000, whole=True)),
        "seed": (0, number(0, 10_000, whole=True)),
    },
}


def settings_for(kind: str, given: dict | None = None) -> dict:
    """The settings of an explorable of `kind`: the defaults, overridden by `given`."""
    if kind not in SETTINGS:
        raise SettingsError(f"unknown explorable {kind!r}; the explorables are "
                            f"{', '.join(SETTINGS)}")  # fmt: skip
    known = SETTINGS[kind]
    unknown = set(given or {}) - set(known)
    if unknown:
        raise SettingsError(f"unknown setting(s) {sorted(unknown)} for {kind}; its settings are "
                            f"{', '.join(known)}")  # fmt: skip
    settings = {}
    for name, (default, check) in known.items():
        value = (given or {}).get(name, default)
        settings[name] = check(name, value)
    return settings
