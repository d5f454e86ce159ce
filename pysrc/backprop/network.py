"""A network is a list of layers applied one after the other.

    A^[0] = X,   A^[l] = layer_l.forward(A^[l-1]),   ŷ = A^[L]

Backward runs the layers in reverse. Each layer turns ∂L/∂A^[l] into ∂L/∂A^[l-1]
(filling its own dW and db on the way), so the gradient of the loss flows from the
output back to the input: this loop is backpropagation.
"""

from itertools import pairwise

import numpy as np

from .layers import Dense


class Network:
    """A stack of Dense layers. Network(layers, seed=None); seed re-initialises all weights.

    The network's dtype is its layers' dtype, which they must share (see layers.py).
    """

    def __init__(self, layers, seed=None):
        self.layers = list(layers)
        if not self.layers:
            raise ValueError("a Network needs at least one layer")
        for number, layer in enumerate(self.layers, start=1):
            if not isinstance(layer, Dense):
                raise TypeError(f"layer {number} must be a Dense layer, got {layer!r}")
            layer.position = number
        for below, above in pairwise(self.layers):
            if below.n_out != above.n_in:
                raise ValueError(
                    f"{below.description} outputs {below.n_out} features, "
                    f"but {above.description} expects {above.n_in}"
                )
            if below.dtype != above.dtype:
                raise ValueError(
                    f"{below.description} is {below.dtype} but {above.description} is "
                    f"{above.dtype}: every layer of a network computes in the same dtype"
                )
        if seed is not None:
            rng = np.random.default_rng(seed)  # one stream for all layers, in order
            for layer in self.layers:
                layer.initialize(rng)

    @classmethod
    def from_sizes(
        cls, sizes, activation="tanh", output_activation="identity", seed=0, dtype="float64"
    ):
        """Network.from_sizes([2, 32, 32, 2]): Dense 2→32, 32→32 (activation), 32→2 (output)."""
        sizes = list(sizes)
        if len(sizes) < 2:
            raise ValueError(f"sizes needs at least an input and an output size, got {sizes}")
        last = len(sizes) - 2
        layers = [
            Dense(n_in, n_out, output_activation if index == last else activation, dtype=dtype)
            for index, (n_in, n_out) in enumerate(pairwise(sizes))
        ]
        return cls(layers, seed=seed)

    def __repr__(self):
        inner = ", ".join(f"Dense {x.n_in}→{x.n_out} {x.activation.name}" for x in self.layers)
        dtype = "" if self.dtype == np.float64 else f", {self.dtype}"
        return f"Network({inner}{dtype})"

    @property
    def dtype(self):
        """The dtype every layer computes in: float64, or float32 if the layers were made so."""
        return self.layers[0].dtype

    def astype(self, dtype):
        """A copy of this network with every layer's W and b converted to dtype (Dense.astype)."""
        return Network([layer.astype(dtype) for layer in self.layers])

    @property
    def parameter_count(self):
        """Number of weights and biases: Σ over layers of n_in·n_out + n_out."""
        return sum(layer.W.size + layer.b.size for layer in self.layers)

    def forward(self, X):
        """ŷ = A^[L] for X of shape (N, n_in); every layer caches what backward needs."""
        A = X
        for layer in self.layers:
            A = layer.forward(A)
        return A

    __call__ = forward

    def predict(self, X):
        """ŷ without caching anything: for using the network, not for training it."""
        A = X
        for layer in self.layers:
            A = layer.predict(A)
        return A

    def backward(self, grad_output, input_gradient=True):
        """Backpropagate ∂L/∂ŷ (shape of ŷ) through every layer; return ∂L/∂X.

        Fills each layer's dW and db with exactly ∂L/∂W and ∂L/∂b: this is the pure
        chain rule, any averaging over the batch is already inside grad_output (the loss
        does it). input_gradient=False skips the unused ∂L/∂X (returns None), as training does.
        """
        gradient = grad_output
        for layer in reversed(self.layers[1:]):  # the first layer last, see input_gradient
            gradient = layer.backward(gradient)
        return self.layers[0].backward(gradient, input_gradient=input_gradient)
