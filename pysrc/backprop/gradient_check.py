"""Gradient checking: compare backprop's dW, db with numerical derivatives of the loss.

Backprop is fast but easy to get subtly wrong; a central difference is slow but
obviously right. For every single weight and bias θ we compare

    analytic  = its entry of dW or db, from backward
    numerical = (L(θ + h) − L(θ − h)) / 2h,  every other parameter held fixed

by their relative error  |analytic − numerical| / max(|analytic|, |numerical|, floor).
The floor, 1% of the largest gradient entry in the network, keeps entries that are
almost exactly 0 from dividing the central difference's round-off noise (about 1e-10)
by almost nothing. In float64 a correct backprop scores below about 1e-7; a bug
scores 1e-3 or (much) more.

A float32 network's gradients are compared with the central differences of a float64
copy of it. In float32 itself the difference quotient would be mostly noise: the loss
carries round-off of about 1e-7 · L, which divided by 2h = 2e-5 is about 5e-3 · L. Against
the float64 reference a correct float32 backprop scores the rounding error of its own
arithmetic: usually about 1e-6, up to about 2e-4 where a gradient entry is a small
difference of larger terms. So a float32 check passes below 1e-3, which still catches a
wrong derivative (1e-2 or more); a subtler bug, scoring less than that, shows only in float64.
"""

import numpy as np

from .calculus import numerical_gradient


def gradient_check(network, loss, X, y, h=1e-5):
    """The largest relative error between backprop and central differences, over all W and b."""
    X = np.asarray(X, dtype=network.dtype)  # the reference sees exactly the network's inputs
    prediction = network.forward(X)
    network.backward(loss.gradient(prediction, y))
    reference = network if network.dtype == np.float64 else network.astype(np.float64)

    analytic, numerical = [], []
    for layer, reference_layer in zip(network.layers, reference.layers, strict=True):
        for name in ("W", "b"):
            analytic.append(getattr(layer, "d" + name).astype(np.float64).ravel())
            parameter = getattr(reference_layer, name)
            loss_of_parameter = loss_as_function_of(
                parameter, lambda: loss.value(reference.predict(X), y)
            )
            estimate = numerical_gradient(loss_of_parameter, parameter, h)
            numerical.append(estimate.ravel())
    analytic = np.concatenate(analytic)
    numerical = np.concatenate(numerical)

    size = np.maximum(np.abs(analytic), np.abs(numerical))
    floor = max(1e-2 * size.max(), 1e-8)
    return float(np.max(np.abs(analytic - numerical) / np.maximum(size, floor)))


def loss_as_function_of(parameter, loss):
    """The loss as a function of the values of one parameter array, for numerical_gradient.

    parameter: an array the model uses (layer.W, say); loss(): the loss computed with the
    model's current parameters. The returned function puts the values it is given into
    `parameter` in place (the model keeps using the same array), computes the loss, and puts
    the original values back.
    """
    saved = parameter.copy()

    def loss_at(values):
        parameter[...] = values
        try:
            return loss()
        finally:
            parameter[...] = saved

    return loss_at
