"""Known wrong answers of gradient exercises, computed from the right inputs.

A check passes these to expect_array as `mistakes`: when the reader's answer equals one of them,
the feedback names that mistake instead of only saying the numbers differ. Each dict maps a
clause ("you forget ...") to the array that mistake produces.
"""

from __future__ import annotations

import numpy as np


def activation_derivative_mistakes(activation, Z) -> dict[str, np.ndarray]:
    """Wrong answers for g'(Z): evaluated at A = g(Z) instead of Z, or g itself.

    activation: a backprop Activation (Sigmoid(), Tanh(), ...); Z: where g' is wanted.
    """
    Z = np.asarray(Z, dtype=float)
    A = activation.forward(Z)
    return {
        "you evaluate the derivative at A = g(Z) instead of at Z (the formula in terms of g "
        "already contains g(Z))": activation.derivative(A),
        "you return g(Z) itself, not its derivative": A,
    }


def dense_backward_mistakes(dA, A_prev, W, Z, activation) -> dict[str, dict[str, np.ndarray]]:
    """Wrong answers of a dense layer's backward pass, per output ("dW", "db", "dA_prev").

    Shapes as in the book: dA (N, n_out), A_prev (N, n_in), W (n_in, n_out), Z (N, n_out).
    """
    dA, A_prev, W, Z = (np.asarray(x, dtype=float) for x in (dA, A_prev, W, Z))
    A = activation.forward(Z)
    without_derivative = dA
    at_A = dA * activation.derivative(A)
    mistakes: dict[str, dict[str, np.ndarray]] = {"dW": {}, "db": {}, "dA_prev": {}}
    for clause, delta in [
        ("you forget to multiply by the activation's derivative g'(Z)", without_derivative),
        ("you evaluate the activation's derivative at A instead of Z", at_A),
    ]:
        mistakes["dW"][clause] = A_prev.T @ delta
        mistakes["db"][clause] = delta.sum(axis=0)
        mistakes["dA_prev"][clause] = delta @ W.T
    return mistakes
