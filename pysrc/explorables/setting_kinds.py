"""The kinds of value an explorable's setting can take, each checked the same way everywhere.

A kind is called as `kind(name, value)`: it returns the value, normalised (a whole number as an
int, a point as a list of floats), or raises SettingsError with a message that says what is
allowed. `kind.describe()` gives the same range as plain data, for the page's controls: the
bundle is generated from it (bookbuild.site.assets.runtime_bundle), so a slider's ends and
Python's limits are one fact, written once, here and in settings.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Real


class SettingsError(ValueError):
    """A setting is unknown or out of range; the message says what is allowed.

    `setting` names the setting at fault, where it is known (so that the build can point at
    its line in the Markdown); None otherwise.
    """

    setting: str | None = None


@dataclass(frozen=True)
class Number:
    """A finite number in [low, high]; with `whole`, an integer; with `log`, shown on a log
    scale (a slider that moves the exponent, for rates that span decades)."""

    low: float
    high: float
    whole: bool = False
    log: bool = False

    def __call__(self, name, value):
        if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value):
            raise SettingsError(f"{name} must be a number, got {value!r}")
        if not self.low <= value <= self.high:
            raise SettingsError(
                f"{name} must be between {self.low:g} and {self.high:g}, got {value!r}"
            )
        if self.whole and value != int(value):
            raise SettingsError(f"{name} must be a whole number, got {value!r}")
        return int(value) if self.whole else float(value)

    def describe(self) -> dict:
        return {
            "type": "number",
            "min": self.low,
            "max": self.high,
            "whole": self.whole,
            "log": self.log,
        }


@dataclass(frozen=True)
class OneOf:
    """One of a fixed list of names."""

    choices: tuple[str, ...]

    def __call__(self, name, value):
        if value not in self.choices:
            raise SettingsError(f"{name} must be one of {', '.join(self.choices)}; got {value!r}")
        return value

    def describe(self) -> dict:
        return {"type": "choice", "choices": list(self.choices)}


@dataclass(frozen=True)
class Point:
    """A point [x, y], each coordinate a Number(low, high)."""

    low: float
    high: float

    def __call__(self, name, value):
        if not isinstance(value, list | tuple) or len(value) != 2:
            raise SettingsError(f"{name} must be a point [x, y], got {value!r}")
        coordinate = Number(self.low, self.high)
        return [coordinate(f"{name}[{i}]", item) for i, item in enumerate(value)]

    def describe(self) -> dict:
        return {"type": "point", "min": self.low, "max": self.high}


@dataclass(frozen=True)
class Numbers:
    """A list of `length` numbers (or a `rows` × `length` table of them), each in [low, high]."""

    length: int
    low: float
    high: float
    rows: int = 0

    def __call__(self, name, value):
        if self.rows:
            if not isinstance(value, list | tuple) or len(value) != self.rows:
                raise SettingsError(f"{name} must be {self.rows} rows of {self.length} numbers")
            return [self.row(f"{name}[{i}]", row) for i, row in enumerate(value)]
        return self.row(name, value)

    def row(self, name, value):
        if not isinstance(value, list | tuple) or len(value) != self.length:
            raise SettingsError(f"{name} must be a list of {self.length} numbers, got {value!r}")
        entry = Number(self.low, self.high)
        return [entry(f"{name}[{i}]", item) for i, item in enumerate(value)]

    def describe(self) -> dict:
        return {
            "type": "numbers",
            "min": self.low,
            "max": self.high,
            "length": self.length,
            "rows": self.rows,
        }


@dataclass(frozen=True)
class LayerSizes:
    """A network's layer sizes [n_0, n_1, ..., n_L]: `hidden` (low, high) hidden layers, and
    each size within its range: the input's, a hidden layer's, the output's."""

    hidden: tuple[int, int]
    input: tuple[int, int]
    units: tuple[int, int]
    output: tuple[int, int]

    def __call__(self, name, value):
        low, high = self.hidden
        if not isinstance(value, list | tuple) or not low + 2 <= len(value) <= high + 2:
            raise SettingsError(
                f"{name} must list the layer sizes, input first, with {low} to "
                f"{high} hidden layers, e.g. [2, 2, 2]; got {value!r}"
            )
        ranges = [self.input, *[self.units] * (len(value) - 2), self.output]
        return [
            Number(*limits, whole=True)(f"{name}[{i}]", size)
            for i, (size, limits) in enumerate(zip(value, ranges, strict=True))
        ]

    def describe(self) -> dict:
        return {
            "type": "layer-sizes",
            "hidden": list(self.hidden),
            "input": list(self.input),
            "units": list(self.units),
            "output": list(self.output),
        }


@dataclass(frozen=True)
class Expression:
    """A Python expression over Values, as text."""

    longest: int = 200

    def __call__(self, name, value):
        if not isinstance(value, str) or not value.strip() or len(value) > self.longest:
            raise SettingsError(
                f"{name} must be an expression of at most {self.longest} characters"
            )
        return value

    def describe(self) -> dict:
        return {"type": "text", "longest": self.longest}


@dataclass(frozen=True)
class Leaves:
    """The leaves of an expression: each name mapped to a Number(low, high)."""

    low: float
    high: float

    def __call__(self, name, value):
        if not isinstance(value, dict) or not value:
            raise SettingsError(f"{name} must map each leaf's name to its value, e.g. {{'a': 2.0}}")
        entry = Number(self.low, self.high)
        return {key: entry(f"the value of {key}", item) for key, item in value.items()}

    def describe(self) -> dict:
        return {"type": "leaves", "min": self.low, "max": self.high}
