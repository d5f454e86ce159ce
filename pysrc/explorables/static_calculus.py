"""The build's figures for the calculus explorables (matplotlib): the secant becoming the tangent
(Derivatives) and the gradient on a contour map (Partial derivatives), each at its settings, with
one sentence saying what it shows. Readers without JavaScript and the PDF see these.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from explorables import contour_gradient, secant

CURVE = "#1f2937"
SECANT = "#c2410c"
TANGENT = "#1d4ed8"


def secant_figure(settings: dict):
    """The curve with its secant and tangent at x, and the secant's error for every h."""
    shown = secant.explore(settings)
    x, h = settings["x"], settings["h"]
    figure, (plane, errors) = plt.subplots(1, 2, figsize=(9, 3.6))
    curve = np.array(shown["curve"])
    plane.plot(
        curve[:, 0], curve[:, 1], color=CURVE, linewidth=2, label=f"f(x) = {shown['formula']}"
    )
    plane.plot(
        curve[:, 0],
        shown["fx"] + shown["secant"] * (curve[:, 0] - x),
        color=SECANT,
        label=f"secant, h = {h:.2g}: slope {shown['secant']:.6g}",
    )
    plane.plot(
        curve[:, 0],
        shown["fx"] + shown["exact"] * (curve[:, 0] - x),
        "--",
        color=TANGENT,
        label=f"tangent: slope f′(x) = {shown['exact']:.6g}",
    )
    plane.plot([x, x + h], [shown["fx"], shown["f_x_plus_h"]], "o", color=SECANT)
    low, high = curve[:, 1].min(), curve[:, 1].max()
    plane.set_ylim(low - 0.15 * (high - low), high + 0.15 * (high - low))
    plane.set_xlabel("x")
    plane.set_title(f"The secant of {shown['formula']} at x = {x:g}")
    plane.legend(fontsize=8, loc="upper left")
    plane.grid(alpha=0.3)
    steps = np.array(shown["errors"])
    errors.loglog(steps[:, 0], np.maximum(steps[:, 1], 1e-17), ".-", color=SECANT, markersize=3)
    errors.loglog([h], [max(shown["secant_error"], 1e-17)], "o", color=SECANT, markersize=8)
    errors.set_xlabel("step h")
    errors.set_ylabel("|secant slope − f′(x)|")
    errors.set_title("Its error for every h")
    errors.grid(alpha=0.3, which="both")
    figure.tight_layout()
    return figure, shown["verdict"]


def contour_figure(settings: dict):
    """The contours, the one through the point, ∇f there, the direction u and D_u f."""
    grid = contour_gradient.surface_grid(settings["surface"])
    shown = contour_gradient.explore(settings)
    figure, plane = plt.subplots(figsize=(6, 5))
    plane.contour(
        grid["x"], grid["y"], grid["z"], levels=grid["levels"], cmap="coolwarm", linewidths=0.8
    )
    plane.contour(
        grid["x"],
        grid["y"],
        grid["z"],
        levels=[shown["value"]],
        colors="black",
        linewidths=1.6,
        linestyles="solid",
    )
    p, scale = settings["point"], grid["arrow_scale"]
    gradient, u = np.array(shown["gradient"]), np.array(shown["u"])
    length = 0.18 * (grid["x_range"][1] - grid["x_range"][0])
    plane.annotate(
        "",
        xy=p + scale * gradient,
        xytext=p,
        arrowprops={"arrowstyle": "-|>", "color": SECANT, "lw": 2},
    )
    plane.annotate(
        "",
        xy=p + length * u,
        xytext=p,
        arrowprops={"arrowstyle": "-|>", "color": TANGENT, "lw": 1.5},
    )
    plane.plot(*p, "ko")
    plane.set_aspect("equal")
    plane.set_xlim(grid["x_range"])
    plane.set_ylim(grid["y_range"])
    plane.set_xlabel("x")
    plane.set_ylabel("y")
    plane.set_title(
        f"∇f (orange) is perpendicular to the contour f = {shown['value']:.3f}\n"
        f"(black); u (blue) turned {settings['direction']:g}°",
        fontsize=10,
    )
    figure.tight_layout()
    sentence = (
        f"At ({p[0]:g}, {p[1]:g}), ∇f = ({gradient[0]:.4f}, {gradient[1]:.4f}), ‖∇f‖ = "
        f"{shown['length']:.4f}; along u at {settings['direction']:g}°, φ = {shown['phi']:.1f}° "
        f"and Dᵤf = ‖∇f‖ cos φ = {shown['directional']:.4f}."
    )
    return figure, sentence
