"""Stochastic gradient descent: step every parameter a little way downhill.

    W ← W − η ∂L/∂W,    b ← b − η ∂L/∂b         (η = learning_rate)

With momentum μ each parameter keeps a velocity v, a running sum of past steps,
so a direction that the gradient keeps pointing in speeds up:

    v ← μ v − η ∂L/∂W,    W ← W + v

With weight_decay λ (L2 regularisation, see regularization.py) every weight gradient
gains the term λW, the gradient of the penalty (λ/2)‖W‖²; biases are left alone:

    ∂L/∂W  →  ∂L/∂W + λ W,   so without momentum   W ← (1 − ηλ) W − η ∂L/∂W

(PyTorch's SGD(weight_decay=λ) adds λ·p to every parameter p it is given, biases too,
unless they are put in a parameter group of their own without it.)
"""

import math

import numpy as np

from ._checks import is_real


class SGD:
    """SGD(learning_rate, momentum=0.0, weight_decay=0.0); lr= is another name for learning_rate."""

    def __init__(self, learning_rate=None, momentum=0.0, weight_decay=0.0, *, lr=None):
        if learning_rate is None and lr is None:
            raise TypeError("SGD needs a learning rate, e.g. SGD(learning_rate=0.1)")
        if learning_rate is not None and lr is not None and learning_rate != lr:
            raise TypeError(f"SGD got two learning rates: learning_rate={learning_rate}, lr={lr}")
        learning_rate = lr if learning_rate is None else learning_rate
        if not is_real(learning_rate) or not (math.isfinite(learning_rate) and learning_rate > 0):
            raise ValueError(f"learning_rate must be a positive number, got {learning_rate!r}")
        if not is_real(momentum) or not 0 <= momentum < 1:
            raise ValueError(f"momentum must be a number with 0 <= momentum < 1, got {momentum!r}")
        if not is_real(weight_decay) or not (math.isfinite(weight_decay) and weight_decay >= 0):
            raise ValueError(f"weight_decay must be a number >= 0, got {weight_decay!r}")
        self.learning_rate = float(learning_rate)
        self.momentum = float(momentum)
        self.weight_decay = float(weight_decay)
        self.velocities = {}  # layer -> (vW, vb), created on a layer's first step

    @property
    def lr(self):
        return self.learning_rate

    def __repr__(self):
        decay = f", weight_decay={self.weight_decay:g}" if self.weight_decay else ""
        return f"SGD(learning_rate={self.learning_rate:g}, momentum={self.momentum:g}{decay})"

    def step(self, network):
        """Update W and b of every layer in place from the dW and db left by backward."""
        for layer in network.layers:
            if layer.dW is None:
                raise RuntimeError(
                    f"{layer.description} has no gradients yet: run network.backward(...) "
                    "before optimizer.step(network)"
                )
            dW = layer.dW + self.weight_decay * layer.W if self.weight_decay else layer.dW
            if self.momentum == 0:
                layer.W -= self.learning_rate * dW
                layer.b -= self.learning_rate * layer.db
            else:
                if layer not in self.velocities:
                    self.velocities[layer] = (np.zeros_like(layer.W), np.zeros_like(layer.b))
                vW, vb = self.velocities[layer]
                vW *= self.momentum
                vW -= self.learning_rate * dW
                vb *= self.momentum
                vb -= self.learning_rate * layer.db
                layer.W += vW
                layer.b += vb
