"""Known wrong answers of an exercise, each with an id and the clause that names it.

A check passes them to expect_array or expect_number as `mistakes`, a dict from an id to a
Mistake: when the reader's answer equals the mistake's answer, the feedback says "That is what
you get when {clause}." and carries the id, which the author's `diagnosis="id"` names:

    mistakes={"no-one-hot": Mistake("you leave out the one-hot target", P / N)}

The helpers below compute the known wrong answers of gradient exercises from the right inputs.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class Mistake(NamedTuple):
    clause: str  # completes "That is what you get when ...": "you leave out the bias"
    answer: object  # what that mistake gives: a number or an array


MISTAKES = {
    "no-activation-derivative": "the activation's derivative g'(Z) left out",
    "derivative-at-output": "the activation's derivative taken at A = g(Z) instead of at Z",
    "activation-itself": "g(Z) returned instead of its derivative",
}


def activation_derivative_mistakes(activation, Z) -> dict[str, Mistake]:
    """Wrong answers for g'(Z): evaluated at A = g(Z) instead of Z, or g itself.

    activation: a backprop Activation (Sigmoid(), Tanh(), ...); Z: where g' is wanted.
    """
    Z = np.asarray(Z, dtype=float)
    A = activation.forward(Z)
    return {
        "derivative-at-output": Mistake(
            "you evaluate the derivative at A = g(Z) instead of at Z (the formula in terms of "
            "g already contains g(Z))",
            activation.derivative(A),
        ),
        "activation-itself": Mistake("you return g(Z) itself, not its derivative", A),
    }


def dense_backward_mistakes(dA, A_prev, W, Z, activation) -> dict[str, dict[str, Mistake]]:
    """Wrong answers of a dense layer's backward pass, per output ("dW", "db", "dA_prev").

    Shapes as in the book: dA (N, n_out), A_prev (N, n_in), W (n_in, n_out), Z (N, n_out).
    """
    dA, A_prev, W, Z = (np.asarray(x, dtype=float) for x in (dA, A_prev, W, Z))
    A = activation.forward(Z)
    deltas = {
        "no-activation-derivative": (
            "you forget to multiply by the activation's derivative g'(Z)",
            dA,
        ),
        "derivative-at-output": (
            "you evaluate the activation's derivative at A instead of Z",
            dA * activation.derivative(A),
        ),
    }
    return {
        name: {
            mistake: Mistake(clause, gradient(delta)) for mistake, (clause, delta) in deltas.items()
        }
        for name, gradient in [
            ("dW", lambda delta: A_prev.T @ delta),
            ("db", lambda delta: delta.sum(axis=0)),
            ("dA_prev", lambda delta: delta @ W.T),
        ]
    }
