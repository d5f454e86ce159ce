"""Training: repeat forward, loss, backward, update until the loss is small.

One training step on a batch (X, y):

    ŷ = network.forward(X)                 forward pass, caching Z and A in every layer
    L = loss.value(ŷ, y)
    network.backward(loss.gradient(ŷ, y))  fills every dW, db
    optimizer.step(network)                W ← W − η dW, b ← b − η db

One epoch runs a step on every batch of the (shuffled) data once.
"""

import math

import numpy as np

from ._checks import positive_int
from .optimizers import SGD


class History(list):
    """The mean training loss of each epoch, in order; .epochs holds 1, 2, ... for plotting."""

    @property
    def epochs(self):
        return list(range(1, len(self) + 1))


class TrainingDiverged(RuntimeError):  # noqa: N818 (the book's name for it)
    """The loss became inf or nan. .history holds the losses of the epochs completed before."""

    def __init__(self, message, history):
        super().__init__(message)
        self.history = history


def train_step(network, loss, X, y, optimizer):
    """One forward + loss + backward + update on the batch (X, y); returns the loss before it."""
    prediction = network.forward(X)
    value = loss.value(prediction, y)
    # ∂L/∂X is not needed: X is data, not something we update.
    network.backward(loss.gradient(prediction, y), input_gradient=False)
    optimizer.step(network)
    return value


def fit(
    network,
    loss,
    X,
    y,
    *,
    optimizer=None,
    epochs=100,
    batch_size=None,
    shuffle=True,
    seed=0,
    report_every=None,
    report=print,
):
    """Train network on (X, y) for some epochs; return the History of mean epoch losses.

    batch_size=None uses the whole data set as one batch (full-batch gradient descent).
    With smaller batches the examples are shuffled each epoch (rng from seed). Every
    report_every epochs (default: about 10 reports in all) it calls report with a line
    like "epoch   100  loss 0.0123"; report=None keeps quiet.

    If the loss becomes inf or nan (usually: the learning rate is too large), it raises
    TrainingDiverged, whose .history holds the losses of the epochs before.
    """
    optimizer = SGD(0.1) if optimizer is None else optimizer
    # Converted once here rather than in every step: X and float targets to the network's
    # dtype; integer labels stay as they are.
    X = np.asarray(X, dtype=network.dtype)
    y = np.asarray(y)
    if np.issubdtype(y.dtype, np.floating):
        y = y.astype(network.dtype, copy=False)
    if X.ndim != 2:
        raise ValueError(
            f"X must be a 2-D array of shape (N, features), one example per row, got shape "
            f"{X.shape}; for a single feature use X.reshape(-1, 1)"
        )
    if len(y) != len(X):
        raise ValueError(
            f"X and y must have one row per example, got X of shape {X.shape} "
            f"and y of shape {y.shape}"
        )
    epochs = positive_int(epochs, "epochs")
    N = len(X)
    batch_size = N if batch_size is None else positive_int(batch_size, "batch_size")
    if report_every is None:
        report_every = max(1, round(epochs / 10))  # about 10 reports
    report_every = positive_int(report_every, "report_every")
    rng = np.random.default_rng(seed)

    history = History()
    for epoch in range(1, epochs + 1):
        if shuffle and batch_size < N:
            order = rng.permutation(N)
            X_epoch, y_epoch = X[order], y[order]
        else:
            X_epoch, y_epoch = X, y
        total = 0.0
        for start in range(0, N, batch_size):
            X_batch = X_epoch[start : start + batch_size]
            y_batch = y_epoch[start : start + batch_size]
            # Overflow on the way to a non-finite loss is reported by the check below.
            with np.errstate(over="ignore", invalid="ignore"):
                batch_loss = train_step(network, loss, X_batch, y_batch, optimizer)
            if not math.isfinite(batch_loss):
                raise TrainingDiverged(_diverged_message(epoch, batch_loss, optimizer), history)
            total += batch_loss * len(X_batch)
        history.append(total / N)
        if report is not None and (epoch % report_every == 0 or epoch == epochs):
            report(f"epoch {epoch:>5}  loss {history[-1]:.4f}")
    return history


def accuracy(network, X, y, threshold=0.5):
    """Fraction of examples classified correctly.

    The predicted class is the argmax over the output columns, or, for a single output
    column, 1 if the output is at least `threshold` else 0: 0.5 for a probability (a sigmoid
    output), 0 for a logit (the identity output that BinaryCrossEntropy takes, where σ(z) ≥ 0.5
    exactly when z ≥ 0). y: labels (N,) or (N, 1), or one-hot (N, C).
    """
    output = network.predict(X)
    y = np.asarray(y)
    if output.shape[1] == 1:
        predicted = (output[:, 0] >= threshold).astype(np.intp)
    else:
        predicted = output.argmax(axis=1)
    labels = y.argmax(axis=1) if y.ndim == 2 and y.shape[1] > 1 else y.reshape(-1)
    if labels.shape != predicted.shape:
        raise ValueError(f"accuracy got {len(predicted)} predictions but y of shape {y.shape}")
    return float(np.mean(predicted == labels))


def _diverged_message(epoch, value, optimizer):
    learning_rate = getattr(optimizer, "learning_rate", None)
    advice = (
        f"try a lower learning rate than {learning_rate:g}, e.g. {learning_rate / 10:g}"
        if learning_rate is not None
        else "try a lower learning rate"
    )
    return (
        f"training diverged at epoch {epoch}: the loss became {value}. "
        f"The steps overshoot; {advice}."
    )
