"""A fully connected (dense) layer, in the row-batch convention used throughout the book.

Shapes, for a batch of N examples, n_in inputs and n_out units:

    A_prev  (N, n_in)     the layer's input, A^[l-1] (X for the first layer)
    W       (n_in, n_out)
    b       (n_out,)
    Z       (N, n_out)    Z = A_prev W + b      (b is added to every row)
    A       (N, n_out)    A = g(Z)

Backward receives dA = ∂L/∂A and applies the chain rule:

    δ  = dA ⊙ g'(Z)           (N, n_out)    ∂L/∂Z
    dW = A_prevᵀ δ            (n_in, n_out) ∂L/∂W: a sum over the examples in the batch
    db = Σ_rows δ             (n_out,)      ∂L/∂b: b was added to every row, so those add up
    dX = δ Wᵀ                 (N, n_in)     ∂L/∂A_prev, handed to the layer below

Each shape follows from the others: dW must have W's shape, and A_prevᵀ δ is the only
product of the available arrays that does.

The dtype rule. A layer computes in one dtype: float64, or float32 if it is made with
dtype="float32" (half the memory and faster matrix products, with about 7 correct digits
instead of 16). W and b are stored in it and every input (X, dA) is converted to it on the
way in, so Z, A, δ, dW, db and dX, and the optimiser's velocities, are in it too.
Activations and losses keep the dtype of the array they are given (float32 stays float32,
anything else becomes float64) and convert targets to the prediction's dtype, so a float32
step never makes a float64 array.
"""

import numpy as np

from ._checks import float_dtype, positive_int
from .activations import ReLU, get_activation


class Dense:
    """A = g(X W + b), with W of shape (n_in, n_out) and b of shape (n_out,), both of dtype."""

    def __init__(self, n_in, n_out, activation="identity", rng=None, dtype="float64"):
        self.n_in = positive_int(n_in, "n_in")
        self.n_out = positive_int(n_out, "n_out")
        self.activation = get_activation(activation)
        self.dtype = float_dtype(dtype)
        self.position = None  # set by Network: "layer 2" reads better in error messages
        self.initialize(rng)

    def initialize(self, rng=None):
        """Fresh random W and zero b; forget gradients and cached values.

        W ~ Normal(0, gain / n_in), i.e. standard deviation sqrt(gain / n_in). With b = 0 and
        independent zero-mean weights, each unit's input has

            Var Z = n_in · Var W · E[A_prev²]

        gain 1 is LeCun's fan-in scale (identity, sigmoid, tanh): Var Z = 1 for inputs with
        E[x²] = 1. gain 2 is He's scale (ReLU): ReLU zeroes half of a symmetric Z, so
        E[A²] = Var Z / 2 and Var Z stays roughly constant from layer to layer. (Glorot's
        "Xavier" scale, Var W = 2 / (n_in + n_out), is not used here.)
        rng: None, an int seed or a np.random.Generator. The weights are drawn in float64
        for either dtype, so a float32 layer starts from the float64 one's W, rounded.
        """
        rng = np.random.default_rng(rng)
        gain = 2.0 if isinstance(self.activation, ReLU) else 1.0
        W = rng.standard_normal((self.n_in, self.n_out)) * np.sqrt(gain / self.n_in)
        self.W = W.astype(self.dtype, copy=False)
        self.b = np.zeros(self.n_out, dtype=self.dtype)
        self.dW = None
        self.db = None
        self.A_prev = self.Z = self.A = None

    @property
    def description(self):
        """'Dense 3→4', or 'layer 2 (Dense 3→4)' inside a Network."""
        kind = f"Dense {self.n_in}→{self.n_out}"
        return kind if self.position is None else f"layer {self.position} ({kind})"

    def __repr__(self):
        dtype = "" if self.dtype == np.float64 else f", dtype={self.dtype.name!r}"
        return f"Dense({self.n_in}, {self.n_out}, activation={self.activation.name!r}{dtype})"

    def astype(self, dtype):
        """A new layer with this one's activation and its W and b converted to dtype.

        As numpy's astype, a copy: this layer is not changed, and no gradients are copied.
        """
        layer = Dense(self.n_in, self.n_out, self.activation, dtype=dtype)
        layer.W[...] = self.W
        layer.b[...] = self.b
        return layer

    def forward(self, X):
        """A = g(X W + b) for X of shape (N, n_in). Caches X, Z and A for backward."""
        X = self._check_input(X)
        self.A_prev = X  # kept, not copied: backward needs it for dW
        self.Z = X @ self.W + self.b
        self.A = self.activation.forward(self.Z)
        return self.A

    def predict(self, X):
        """The same A as forward, without caching anything (nothing to backpropagate)."""
        X = self._check_input(X)
        return self.activation.forward(X @ self.W + self.b)

    def backward(self, dA, input_gradient=True):
        """Given dA = ∂L/∂A (N, n_out): fill dW and db, return dX = ∂L/∂X (N, n_in).

        With input_gradient=False, skip the product δ Wᵀ and return None: nobody needs
        ∂L/∂X for the first layer when X is data (PyTorch skips it too).
        """
        if self.A is None:
            raise RuntimeError(
                f"{self.description}: backward called before forward; "
                "run forward(X) first so the layer has the values it needs"
            )
        dA = np.asarray(dA, dtype=self.dtype)
        if dA.shape != self.A.shape:
            raise ValueError(
                f"{self.description} got a gradient dA of shape {dA.shape}, "
                f"but its output A from the last forward has shape {self.A.shape}"
            )
        delta = dA * self.activation.derivative(self.Z, self.A)
        self.dW = self.A_prev.T @ delta
        self.db = delta.sum(axis=0)
        return delta @ self.W.T if input_gradient else None

    def _check_input(self, X):
        X = np.asarray(X, dtype=self.dtype)
        if X.ndim != 2:
            raise ValueError(
                f"{self.description} expected a 2-D input of shape (N, {self.n_in}), one "
                f"example per row, got array of shape {X.shape}{_reshape_hint(X, self.n_in)}"
            )
        if X.shape[1] != self.n_in:
            raise ValueError(
                f"{self.description} expected input with {self.n_in} features, "
                f"got array of shape {X.shape}"
            )
        return X


def _reshape_hint(X, n_in):
    """A suggestion for the usual mistake: a 1-D array where a 2-D one was needed."""
    if X.ndim != 1:
        return ""
    if n_in == 1:
        return ": reshape it with x.reshape(-1, 1) to make each number one example"
    if X.size == n_in:
        return ": reshape it with x.reshape(1, -1) to make it one example"
    return f": reshape it to (N, {n_in})"
