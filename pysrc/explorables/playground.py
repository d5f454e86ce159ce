"""The training playground's numbers: a network trained on a toy data set, a chunk at a time.

Everything is backprop's: the data sets (synthetic, from backprop.datasets), the held-out split,
Network, CrossEntropy, SGD and fit. A Playground trains a few epochs per call of `train`, so the
worker can hand control back to the page between chunks (for Stop and for redrawing); after each
chunk it reports the epoch, the training and held-out losses and accuracies, the decision
boundary over the plane, the weights, the size of each layer's gradient, and one sentence saying
what happened, as plain numbers and words.

The gradient's size per layer is ‖∂L/∂W^[l]‖ (the square root of the sum of its squared
entries), from one Network.backward over the whole training set after each chunk: where it
shrinks from the last layer to the first, the first layers hardly learn (vanishing gradients).
"""

from __future__ import annotations

import numpy as np

from backprop import (
    SGD,
    CrossEntropy,
    Network,
    TrainingDiverged,
    accuracy,
    circles,
    fit,
    moons,
    softmax,
    spiral,
    train_test_split,
    xor_cloud,
)

BOUNDARY_POINTS = 41  # the decision boundary is sampled on a 41 × 41 grid
CHUNK_EPOCHS = 5  # epochs per call of train: the page redraws (and Stop gets through) between
# One colour per class, for the points and the regions, in the build's figure and online.
CLASS_COLOURS = ("#d97706", "#2563eb", "#16a34a")
TEST_FRACTION = 0.25
MARGIN = 0.25  # around the data, so the boundary shows a little beyond the points
# A first layer's gradient under a tenth of the last's, from the start: vanishing gradients.
VANISHING = 0.1


def make_data(settings: dict) -> tuple[np.ndarray, np.ndarray]:
    size, noise, seed = settings["size"], settings["noise"], settings["seed"]
    name = settings["data_set"]
    if name == "xor":
        return xor_cloud(size, noise=noise, seed=seed)
    if name == "moons":
        return moons(size, noise=noise, seed=seed)
    if name == "circles":
        return circles(size, noise=noise, seed=seed)
    return spiral(max(size // 3, 1), classes=3, seed=seed, noise=noise)


class Playground:
    """One training run with the playground's settings (see settings.SETTINGS["playground"])."""

    def __init__(self, settings: dict) -> None:
        self.settings = settings
        X, y = make_data(settings)
        self.X_train, self.X_test, self.y_train, self.y_test = train_test_split(
            X, y, test_fraction=TEST_FRACTION, seed=settings["seed"]
        )
        classes = int(y.max()) + 1
        sizes = [2, *[settings["units"]] * settings["hidden_layers"], classes]
        self.network = Network.from_sizes(sizes, activation=settings["activation"],
                                          seed=settings["seed"])  # fmt: skip
        self.loss = CrossEntropy()
        self.optimizer = SGD(settings["learning_rate"])
        self.epoch = 0
        self.train_losses: list[float] = []
        self.test_losses: list[list[float]] = []  # [epoch, loss] after each chunk
        self.diverged: str | None = None
        self.gradient_sizes: list[list] = [[0, self.gradient_size()]]  # [epoch, per layer]
        low = np.minimum(X.min(axis=0), -1.0) - MARGIN
        high = np.maximum(X.max(axis=0), 1.0) + MARGIN
        self.bounds = [float(low[0]), float(high[0]), float(low[1]), float(high[1])]

    @property
    def finished(self) -> bool:
        return self.diverged is not None or self.epoch >= self.settings["epochs"]

    def train(self, epochs: int) -> dict:
        """Train up to `epochs` more epochs (not past the settings' total); return a frame."""
        epochs = min(epochs, self.settings["epochs"] - self.epoch)
        if epochs > 0 and self.diverged is None:
            try:
                history = fit(self.network, self.loss, self.X_train, self.y_train,
                              optimizer=self.optimizer, epochs=epochs,
                              batch_size=self.settings["batch_size"],
                              seed=self.settings["seed"] + self.epoch, report=None)  # fmt: skip
            except TrainingDiverged as error:
                history = error.history
                self.diverged = (
                    f"Training diverged at epoch {self.epoch + len(history) + 1}: the loss "
                    "became infinite. The steps overshoot: try a smaller learning rate."
                )
            self.epoch += len(history)
            self.train_losses += [float(loss) for loss in history]
            if self.diverged is None:
                self.test_losses.append([self.epoch, self.test_loss()])
                self.gradient_sizes.append([self.epoch, self.gradient_size()])
        return self.frame()

    def gradient_size(self) -> list[float]:
        """‖∂L/∂W^[l]‖ for each layer l, over the whole training set (Network.backward)."""
        prediction = self.network.forward(self.X_train)
        self.network.backward(self.loss.gradient(prediction, self.y_train), input_gradient=False)
        return [float(np.linalg.norm(layer.dW)) for layer in self.network.layers]

    def test_loss(self) -> float:
        return self.loss.value(self.network.predict(self.X_test), self.y_test)

    def boundary(self) -> list[list[float]]:
        """P(class 1) for two classes, else the most likely class plus its probability / 10
        (class k with probability p becomes k + p/10), on the grid, rows along y."""
        x_low, x_high, y_low, y_high = self.bounds
        xs = np.linspace(x_low, x_high, BOUNDARY_POINTS)
        ys = np.linspace(y_low, y_high, BOUNDARY_POINTS)
        X, Y = np.meshgrid(xs, ys)
        logits = self.network.predict(np.column_stack([X.ravel(), Y.ravel()]))
        probabilities = softmax(logits)
        if probabilities.shape[1] == 2:
            grid = probabilities[:, 1]
        else:
            grid = probabilities.argmax(axis=1) + probabilities.max(axis=1) / 10
        return grid.reshape(X.shape).round(4).tolist()

    def frame(self) -> dict:
        return {
            "epoch": self.epoch,
            "epochs": self.settings["epochs"],
            "finished": self.finished,
            "diverged": self.diverged,
            "train_losses": self.train_losses,
            "test_losses": self.test_losses,
            "train_accuracy": accuracy(self.network, self.X_train, self.y_train),
            "test_accuracy": accuracy(self.network, self.X_test, self.y_test),
            "boundary": self.boundary(),
            "bounds": self.bounds,
            "weights": [layer.W.round(4).tolist() for layer in self.network.layers],
            "biases": [layer.b.round(4).tolist() for layer in self.network.layers],
            "gradient_sizes": self.gradient_sizes,
            "what_happened": what_happened(self),
        }

    def data(self) -> dict:
        """The points, for the page to draw once: training and held-out, with labels."""
        return {
            "train": np.column_stack([self.X_train, self.y_train]).round(4).tolist(),
            "test": np.column_stack([self.X_test, self.y_test]).round(4).tolist(),
            "classes": int(max(self.y_train.max(), self.y_test.max())) + 1,
            "colours": list(CLASS_COLOURS),
            "sizes": [2, *[layer.n_out for layer in self.network.layers]],
        }


def what_happened(playground: Playground) -> dict | None:
    """One sentence on the run so far, and the section of the Training chapter it belongs to
    (an anchor under "What goes wrong"), or None before training."""
    if playground.diverged:
        text = "The loss became infinite: each step overshot further than the last."
        return said(text, "learning-rate-too-large")
    if playground.epoch == 0:
        return None
    losses = playground.train_losses
    if losses[-1] > losses[0]:
        return said(
            f"The loss rose from {losses[0]:.3g} to {losses[-1]:.3g}: the steps overshoot, so "
            "the learning rate is too large.",
            "learning-rate-too-large",
        )
    sizes = playground.gradient_sizes[-1][1]
    if max(sizes) < 1e-8:
        return said(
            "Every gradient is zero: the units are saturated (or, for ReLU, dead), so no step "
            "can change anything.",
            "saturation",
        )
    classes = int(max(playground.y_train.max(), playground.y_test.max())) + 1
    test = accuracy(playground.network, playground.X_test, playground.y_test)
    train = accuracy(playground.network, playground.X_train, playground.y_train)
    ratio = sizes[0] / sizes[-1]
    first = playground.gradient_sizes[0][1]
    last = len(sizes)
    if test < 1 / classes + 0.15:
        if first[0] / first[-1] < VANISHING:
            return said(
                f"Held-out accuracy is near chance ({test:.0%}): the gradient reaching layer 1 "
                f"is {ratio:.1g} times layer {last}'s, so the first layers hardly move.",
                "vanishing-gradients",
            )
        return said(
            f"Held-out accuracy is near chance ({test:.0%}): the network has not found the "
            "pattern yet.",
            "what-goes-wrong",
        )
    if train - test > 0.1:
        return said(
            f"Training accuracy {train:.0%} but held-out {test:.0%}: the network learns the "
            "training points better than the pattern.",
            "overfitting",
        )
    if test < 0.85:
        return said(
            f"Held-out accuracy {test:.0%}: part of the pattern. More units, layers or epochs "
            "may find the rest.",
            "what-goes-wrong",
        )
    return said(
        f"It learned: held-out accuracy {test:.0%}. The gradient reaching layer 1 is "
        f"{ratio:.2g} times layer {last}'s.",
        "vanishing-gradients",
    )


def said(text: str, section: str) -> dict:
    return {"text": text, "section": section}
