"""The build's figures for the network explorables (matplotlib): one neuron or layer over the
plane (Forward propagation), and a network after its backward pass, each weight's line coloured
by the sign of ∂L/∂w and as thick as its size (Backpropagation). Each comes with one sentence
saying what it shows. Readers without JavaScript and the PDF see these.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.colors import LinearSegmentedColormap

from explorables import backward_pass, neuron

POSITIVE = "#c2410c"  # ∂L/∂w > 0: the update lowers w
NEGATIVE = "#1d4ed8"
UNIT_COLOURS = ("#c2410c", "#1d4ed8", "#15803d")


def neuron_figure(settings: dict):
    """Unit 1's output a over the plane, each unit's line z = 0, and the reader's point x."""
    shown = neuron.explore(settings)
    low, high = shown["window"]
    figure, plane = plt.subplots(figsize=(5.2, 4.4))
    shades = LinearSegmentedColormap.from_list("output", ["#ffffff", UNIT_COLOURS[0]])
    image = plane.imshow(
        shown["outputs"][0],
        origin="lower",
        extent=(low, high, low, high),
        cmap=shades,
        vmin=shown["range"][0],
        vmax=shown["range"][1],
    )
    figure.colorbar(image, label=f"a = {settings['activation']}(z) of unit 1", shrink=0.85)
    for j, line in enumerate(shown["lines"]):
        if line:
            (x1, y1), (x2, y2) = line
            plane.plot(
                [x1, x2], [y1, y2], color=UNIT_COLOURS[j], linewidth=2, label=f"unit {j + 1}: z = 0"
            )
    plane.plot(*settings["x"], "ko")
    plane.set_xlim(low, high)
    plane.set_ylim(low, high)
    plane.set_xlabel("x₁")
    plane.set_ylabel("x₂")
    plane.legend(fontsize=8, loc="lower left")
    plane.set_title("One neuron over the plane" if settings["units"] == 1 else "One layer")
    figure.tight_layout()
    z = ", ".join(f"{value:.4f}" for value in shown["z"])
    a = ", ".join(f"{value:.4f}" for value in shown["a"])
    x = settings["x"]
    return figure, f"At x = ({x[0]:g}, {x[1]:g}): z = {z}, a = {settings['activation']}(z) = {a}."


LAYER_GAP = 3.0  # between the columns of units
UNIT_GAP = 1.7  # between the units of one column
RADIUS = 0.3
MOST_LABELS = 12  # a larger network's lines are too many to label legibly


def unit_positions(sizes: list[int]) -> list[list[tuple[float, float]]]:
    """Each unit's centre: layers left to right, units top to bottom, each column centred."""
    return [
        [(LAYER_GAP * layer, UNIT_GAP * ((size - 1) / 2 - unit)) for unit in range(size)]
        for layer, size in enumerate(sizes)
    ]


def backward_pass_figure(settings: dict):
    """The network after one forward and one backward pass: a and δ at each unit, ∂L/∂w on
    each weight's line (colour for its sign, width for its size)."""
    shown = backward_pass.trace(settings)
    sizes, names = shown["sizes"], shown["names"]
    positions = unit_positions(sizes)
    figure, axes = plt.subplots(figsize=(2.6 * len(sizes), 1.0 + 1.0 * max(sizes)))
    largest = max(abs(g) for layer in shown["layers"] for row in layer["dW"] for g in row) or 1
    labelled = sum(a * b for a, b in zip(sizes, sizes[1:], strict=False)) <= MOST_LABELS
    for number, layer in enumerate(shown["layers"], start=1):
        for k, row in enumerate(layer["dW"]):
            for j, gradient in enumerate(row):
                (x1, y1), (x2, y2) = positions[number - 1][k], positions[number][j]
                axes.plot(
                    [x1, x2],
                    [y1, y2],
                    color=POSITIVE if gradient > 0 else NEGATIVE,
                    linewidth=0.6 + 5 * abs(gradient) / largest,
                    zorder=1,
                )
                if not labelled:
                    continue
                # Labels sit near the line's source, staggered by target, so none overlap.
                t = 0.2 + 0.45 * j / max(len(row) - 1, 1)
                label = names["weights"][number - 1][k][j] + " " if names["weights"] else ""
                axes.text(
                    x1 + t * (x2 - x1),
                    y1 + t * (y2 - y1),
                    f"{label}{gradient:.3g}",
                    fontsize=8,
                    ha="center",
                    va="center",
                    zorder=3,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"},
                )
    for number, layer_positions in enumerate(positions):
        for j, (x, y) in enumerate(layer_positions):
            axes.add_patch(plt.Circle((x, y), RADIUS, fc="#f3f4f6", ec="#1f2937", zorder=2))
            axes.text(
                x, y, names["units"][number][j], ha="center", va="center", fontsize=10, zorder=3
            )
            if number == 0:
                value = f"x = {shown['x'][0][j]:.4g}"
            else:
                layer = shown["layers"][number - 1]
                value = f"a = {layer['A'][0][j]:.4f}\nδ = {layer['delta'][0][j]:.4g}"
            axes.text(x, y - RADIUS - 0.08, value, ha="center", va="top", fontsize=8, zorder=3)
    top = UNIT_GAP * (max(sizes) - 1) / 2
    axes.set_xlim(-0.8, LAYER_GAP * (len(sizes) - 1) + 0.8)
    axes.set_ylim(-top - 1.1, top + 0.5)
    axes.set_aspect("equal")
    axes.axis("off")
    axes.set_title(
        "∂L/∂w on each weight: orange positive, blue negative, width its size", fontsize=10
    )
    figure.tight_layout()
    sentence = (
        f"After one forward and one backward pass: L = {shown['cost']:.9f}; one update with "
        f"learning rate {settings['learning_rate']:g} lowers it to {shown['cost_after']:.9f}."
    )
    return figure, sentence
