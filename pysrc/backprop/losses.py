"""Loss functions: one number L that says how wrong the predictions ŷ are for targets y.

Each loss has .value(pred, target) -> float L and .gradient(pred, target) -> ∂L/∂ŷ, an
array with the shape of pred. The batch average lives here, in the loss, so the
gradient already carries the 1/N and backprop itself never averages anything.
All three follow PyTorch's defaults (MSELoss, CrossEntropyLoss, BCEWithLogitsLoss, each
with reduction="mean"). Both work in the dtype of pred; targets are converted to it
(see layers.py for the dtype rule).
"""

import numpy as np

from ._checks import as_float_array
from .activations import Sigmoid


class MSE:
    """Mean squared error over all elements:  L = mean((ŷ − y)²),  ∂L/∂ŷ = 2(ŷ − y) / ŷ.size."""

    def value(self, pred, target):
        pred, target = _same_shape(pred, target, "MSE")
        return float(np.mean((pred - target) ** 2))

    def gradient(self, pred, target):
        pred, target = _same_shape(pred, target, "MSE")
        return (pred - target) * (2 / pred.size)

    def __repr__(self):
        return "MSE()"


def softmax(Z):
    """Row-wise softmax: p_ij = exp(z_ij) / Σ_k exp(z_ik). Each row is a probability vector.

    Subtracting each row's maximum first changes nothing mathematically (it cancels
    in the fraction) but keeps exp from overflowing: the largest exponent is 0.
    """
    Z = as_float_array(Z)
    E = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return E / E.sum(axis=-1, keepdims=True)


def log_softmax(Z):
    """log softmax(Z) row-wise, via log-sum-exp: z_ij − max_i − log Σ_k exp(z_ik − max_i)."""
    Z = as_float_array(Z)
    shifted = Z - Z.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


class CrossEntropy:
    """Softmax cross-entropy on logits Z of shape (N, C), averaged over the batch.

        L = −(1/N) Σ_i log softmax(Z_i)[y_i]        ∂L/∂Z = (softmax(Z) − onehot(y)) / N

    target: integer class labels of shape (N,), or one-hot (or any probability) rows
    of shape (N, C). Stable for huge logits: it works with log-softmax, never log(0).
    """

    def value(self, pred, target):
        Z, T = self._logits_and_targets(pred, target)
        return float(-np.sum(T * log_softmax(Z)) / len(Z))

    def gradient(self, pred, target):
        Z, T = self._logits_and_targets(pred, target)
        return (softmax(Z) - T) / len(Z)

    def __repr__(self):
        return "CrossEntropy()"

    @staticmethod
    def _logits_and_targets(pred, target):
        """Check shapes; return logits (N, C) and target probabilities (N, C)."""
        Z = as_float_array(pred)
        target = np.asarray(target)
        if Z.ndim != 2:
            raise ValueError(
                f"CrossEntropy expects logits of shape (N, C), got pred of shape {Z.shape}"
            )
        N, C = Z.shape
        if target.shape == Z.shape:
            return Z, target.astype(Z.dtype, copy=False)
        if target.shape != (N,):
            raise ValueError(
                f"CrossEntropy got pred of shape {Z.shape} and target of shape "
                f"{target.shape}: target must be labels of shape ({N},) or one-hot ({N}, {C})"
            )
        labels = target.astype(np.intp)
        if not np.array_equal(labels, target) or labels.min() < 0 or labels.max() >= C:
            raise ValueError(
                f"CrossEntropy labels must be whole numbers from 0 to {C - 1} "
                f"(one per class), got values from {target.min()} to {target.max()}"
            )
        T = np.zeros_like(Z)
        T[np.arange(N), labels] = 1.0
        return Z, T


class BinaryCrossEntropy:
    """Sigmoid cross-entropy on logits z, averaged over every element (yes/no outputs).

    Each output is an independent yes/no question with probability p = σ(z) of "yes".
    For targets y in {0, 1} (any probability in [0, 1] works too), per element

        ℓ = −[y log σ(z) + (1 − y) log(1 − σ(z))] = softplus(z) − y z

    where softplus(z) = log(1 + eᶻ) = max(z, 0) + log(1 + e^(−|z|)), which never
    overflows and never takes log(0). Over all elements of z (shape (N, 1), or (N, k)
    for k independent outputs):

        L = mean(ℓ)        ∂L/∂z = (σ(z) − y) / z.size

    As PyTorch's BCEWithLogitsLoss: pred is the logit z, not the probability σ(z).
    """

    def value(self, pred, target):
        Z, Y = self._logits_and_targets(pred, target)
        softplus = np.maximum(Z, 0) + np.log1p(np.exp(-np.abs(Z)))
        return float(np.mean(softplus - Y * Z))

    def gradient(self, pred, target):
        Z, Y = self._logits_and_targets(pred, target)
        return (Sigmoid().forward(Z) - Y) / Z.size

    def __repr__(self):
        return "BinaryCrossEntropy()"

    @staticmethod
    def _logits_and_targets(pred, target):
        Z, Y = _same_shape(pred, target, "BinaryCrossEntropy")
        if Y.size and not (Y.min() >= 0 and Y.max() <= 1):
            raise ValueError(
                "BinaryCrossEntropy targets must be 0 or 1 (or probabilities between), "
                f"got values from {Y.min():g} to {Y.max():g}"
            )
        return Z, Y


def _same_shape(pred, target, loss_name):
    pred = as_float_array(pred)
    target = np.asarray(target, dtype=pred.dtype)
    if pred.shape != target.shape:
        hint = ""
        if target.ndim == 1 and pred.shape == (target.size, 1):
            hint = ": reshape the target with y.reshape(-1, 1)"
        raise ValueError(
            f"{loss_name} needs pred and target of the same shape, "
            f"got pred {pred.shape} and target {target.shape}{hint}"
        )
    return pred, target
