"""Each explorable's figure at its settings, drawn at build time, with what it shows.

Readers without JavaScript, readers whose Python has not loaded yet, and the PDF see this figure
in the explorable's place. It is computed by the same functions the browser calls; only the
drawing differs (matplotlib here, the page's charts online). `FIGURES` maps each kind to its
drawing function, settings → (a matplotlib figure, or an SVG text; one sentence); the calculus
and network explorables' drawings are in static_calculus.py and static_network.py.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LinearSegmentedColormap, ListedColormap

from explorables.gradient_descent import descend, surface_grid
from explorables.graph import explore
from explorables.playground import CHUNK_EPOCHS, CLASS_COLOURS, Playground
from explorables.static_calculus import contour_figure, secant_figure
from explorables.static_network import backward_pass_figure, neuron_figure

ONLINE = {
    "gradient-descent": "Online, you can change the learning rate, the momentum and the number "
    "of steps, click or drag on the plot (or type) to move the starting point, switch to a "
    "surface with two minima, and pin a trajectory to compare it with the next.",
    "graph": "Online, you can type your own expression over Values and their leaves' values, "
    "and step through the backward pass one node at a time.",
    "playground": "Online, you can choose the data set, its noise and size, the network's "
    "layers, units and activation, the learning rate, batch size, epochs and seed, then train "
    "it and watch it learn, with each layer's gradient; or try one of the suggested experiments.",
    "backward-pass": "Online, you can step through the forward pass layer by layer, then the "
    "backward pass with BP1 to BP4 and the shapes of each product, click a weight to see its "
    "chain-rule product, update the weights and watch the cost fall, and change the network's "
    "sizes and activation.",
    "secant": "Online, you can drag h towards 0 on a log scale, move x and switch the function, "
    "and watch the secant turn into the tangent until rounding error takes over.",
    "contour-gradient": "Online, you can drag the point (or type it), turn the direction u, and "
    "switch the surface: the gradient stays perpendicular to the contour, and Dᵤf follows "
    "‖∇f‖ cos φ.",
    "neuron": "Online, you can move the weights and the bias with sliders, switch the activation, "
    "and go from one neuron to a layer of three: the output and the line z = 0 move with them.",
}


def gradient_descent_figure(settings: dict):
    """The surface's contours with the trajectory, and f − f_min per step (log scale)."""
    grid, run = surface_grid(settings["surface"]), descend(settings)
    figure, (plane, losses) = plt.subplots(1, 2, figsize=(9, 3.6), width_ratios=[1.4, 1])
    levels = np.quantile(np.array(grid["z"]), np.linspace(0.02, 0.98, 14))
    plane.contour(grid["x"], grid["y"], grid["z"], levels=np.unique(levels), cmap="Blues_r",
                  linewidths=0.8)  # fmt: skip
    points = np.array(run["points"])
    plane.plot(points[:, 0], points[:, 1], "o-", color="#c2410c", markersize=3, linewidth=1.2)
    minima = np.array(grid["minima"])
    plane.plot(minima[:, 0], minima[:, 1], "k*", markersize=9)
    plane.set_xlim(grid["x_range"])
    plane.set_ylim(grid["y_range"])
    plane.set_xlabel("x")
    plane.set_ylabel("y")
    plane.set_title(f"Gradient descent, learning rate {settings['learning_rate']:g}, "
                    f"momentum {settings['momentum']:g}")  # fmt: skip
    gaps = np.maximum(np.array(run["gaps"]), 1e-16)
    losses.semilogy(range(len(gaps)), gaps, "o-", color="#c2410c", markersize=3)
    losses.set_xlabel("step")
    losses.set_ylabel("f − f_min")
    losses.set_title("The loss per step")
    losses.grid(alpha=0.3, which="both")
    figure.tight_layout()
    return figure, run["verdict"]


def playground_figure(settings: dict):
    """The decision boundary after training with the defaults, and the loss curves."""
    playground = Playground(settings)
    while not playground.finished:
        frame = playground.train(CHUNK_EPOCHS)
    figure, (plane, curves) = plt.subplots(1, 2, figsize=(9, 3.8), width_ratios=[1, 1.2])
    x_low, x_high, y_low, y_high = frame["bounds"]
    grid = np.array(frame["boundary"])
    classes = int(max(playground.y_train.max(), playground.y_test.max())) + 1
    colours = CLASS_COLOURS[:classes]
    if classes == 2:  # P(class 1), from the one colour to the other
        regions, vmax = LinearSegmentedColormap.from_list("boundary", colours), 1
    else:  # class k + probability / 10: the class decides the colour
        regions, vmax = ListedColormap(colours), classes
    plane.imshow(np.floor(grid) if classes > 2 else grid, origin="lower", cmap=regions, vmin=0,
                 vmax=vmax if classes == 2 else classes - 1, alpha=0.35, aspect="auto",
                 extent=(x_low, x_high, y_low, y_high))  # fmt: skip
    for points, labels, marker in ((playground.X_train, playground.y_train, "o"),
                                   (playground.X_test, playground.y_test, "s")):  # fmt: skip
        plane.scatter(points[:, 0], points[:, 1], c=[colours[k] for k in labels], marker=marker,
                      s=14, edgecolors="white", linewidths=0.5)  # fmt: skip
    plane.set_title(f"Decision boundary after {frame['epoch']} epochs")
    curves.plot(range(1, len(frame["train_losses"]) + 1), frame["train_losses"], label="training")
    held_out = np.array(frame["test_losses"])
    curves.plot(held_out[:, 0], held_out[:, 1], "o-", markersize=3, label="held out")
    curves.set_xlabel("epoch")
    curves.set_ylabel("cross-entropy")
    curves.set_title(f"Loss; held-out accuracy {frame['test_accuracy']:.1%}")
    curves.legend()
    curves.grid(alpha=0.3)
    figure.tight_layout()
    summary = (f"After {frame['epoch']} epochs: training accuracy {frame['train_accuracy']:.1%}, "
               f"held-out accuracy {frame['test_accuracy']:.1%}.")  # fmt: skip
    return figure, summary


def graph_svg(settings: dict) -> tuple[str, str]:
    """The expression's graph after backward(), as backprop.draw's SVG, and its leaves' grads."""
    explored = explore(settings)
    grads = ", ".join(f"∂out/∂{name} = {grad:.4f}" for name, grad in explored["leaves"].items())
    return explored["svg"], f"After backward(): {grads}."


FIGURES = {
    "gradient-descent": gradient_descent_figure,
    "graph": graph_svg,
    "playground": playground_figure,
    "backward-pass": backward_pass_figure,
    "secant": secant_figure,
    "contour-gradient": contour_figure,
    "neuron": neuron_figure,
}
