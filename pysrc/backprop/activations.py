"""Activation functions g, applied elementwise: A = g(Z).

Each activation has .forward(Z) -> A and .derivative(Z) -> g'(Z), both elementwise with
the shape of Z. Backprop multiplies by g'(Z):  δ = ∂L/∂A ⊙ g'(Z).

Sigmoid and tanh have derivatives that are cheapest to compute from the output A,
so derivative(Z, A) accepts A = g(Z) if the caller already has it (a layer does).
Both keep the dtype of Z (see layers.py for the dtype rule).
"""

import numpy as np

from ._checks import as_float_array


class Activation:
    """Base class: subclass it and define forward and derivative to add your own."""

    name = "activation"

    def forward(self, Z):
        raise NotImplementedError

    def derivative(self, Z, A=None):
        """g'(Z) elementwise. A, if given, must be forward(Z)."""
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}()"


class Identity(Activation):
    """g(z) = z;  g'(z) = 1. Used on the output layer for regression and for logits."""

    name = "identity"

    def forward(self, Z):
        return as_float_array(Z)

    def derivative(self, Z, A=None):
        return np.ones_like(as_float_array(Z))


class Sigmoid(Activation):
    """g(z) = σ(z) = 1 / (1 + e⁻ᶻ);  g'(z) = σ(z)(1 − σ(z)). Squashes to (0, 1)."""

    name = "sigmoid"

    def forward(self, Z):
        Z = as_float_array(Z)
        # e^(−|z|) never overflows; pick the form of σ that uses it on each side of 0.
        E = np.exp(-np.abs(Z))
        return np.where(Z >= 0, 1 / (1 + E), E / (1 + E))

    def derivative(self, Z, A=None):
        A = self.forward(Z) if A is None else A
        return A * (1 - A)


class Tanh(Activation):
    """g(z) = tanh(z);  g'(z) = 1 − tanh²(z). Squashes to (−1, 1), zero-centred."""

    name = "tanh"

    def forward(self, Z):
        return np.tanh(as_float_array(Z))

    def derivative(self, Z, A=None):
        A = self.forward(Z) if A is None else A
        return 1 - A**2


class ReLU(Activation):
    """g(z) = max(0, z);  g'(z) = 1 if z > 0 else 0 (we take 0 at the kink z = 0)."""

    name = "relu"

    def forward(self, Z):
        return np.maximum(as_float_array(Z), 0.0)

    def derivative(self, Z, A=None):
        Z = as_float_array(Z)
        return (Z > 0).astype(Z.dtype)


ACTIVATIONS = {cls.name: cls for cls in (Identity, Sigmoid, Tanh, ReLU)}


def get_activation(name_or_object):
    """An Activation instance from a name ("relu"), a class (ReLU) or an instance (ReLU())."""
    if isinstance(name_or_object, Activation):
        return name_or_object
    if isinstance(name_or_object, type) and issubclass(name_or_object, Activation):
        return name_or_object()
    if isinstance(name_or_object, str):
        key = name_or_object.strip().lower()
        if key in ACTIVATIONS:
            return ACTIVATIONS[key]()
        raise ValueError(
            f"unknown activation {name_or_object!r}; valid names are: {', '.join(ACTIVATIONS)}"
        )
    raise TypeError(
        "activation must be a name (one of: "
        f"{', '.join(ACTIVATIONS)}) or an Activation, got {type(name_or_object).__name__}"
    )
