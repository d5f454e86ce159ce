"""The backward-pass explorer's numbers: one forward pass, one backward pass and one SGD update
of a small network on one example, every intermediate kept, in the order the page steps through.

The network is Mazur's 2-2-2 sigmoid example by default (the Backpropagation chapter's worked
example), or a network of the reader's sizes with random weights. Everything is backprop's:
`Network.forward` fills each layer's Z and A, `Network.backward` fills each layer's dW and db,
`SGD.step` updates them, `MSE` is the cost. What this module adds is the bookkeeping of the
equations in between, for one example (N = 1), layer l = 1 … L:

    forward   Z^[l] = A^[l-1] W^[l] + b^[l]            (1, n_l)
              A^[l] = g(Z^[l])                         (1, n_l)
    BP1       δ^[L] = ∂L/∂A^[L] ⊙ g'(Z^[L])            (1, n_L)
    BP2       δ^[l] = (δ^[l+1] W^[l+1]ᵀ) ⊙ g'(Z^[l])   (1, n_{l+1}) · (n_{l+1}, n_l) → (1, n_l)
    BP3       ∂L/∂b^[l] = Σ_rows δ^[l]                  (n_l,)
    BP4       ∂L/∂W^[l] = A^[l-1]ᵀ δ^[l]                (n_{l-1}, 1) · (1, n_l) → (n_{l-1}, n_l)
    update    W^[l] ← W^[l] − η ∂L/∂W^[l],  b^[l] ← b^[l] − η ∂L/∂b^[l]

δ^[l] and the BP2 product are computed here from those equations and checked against what
`Network.backward` stored (with one example, δ^[l] is exactly db^[l]); the gradients shown are
`Network.backward`'s own. `settings["updates"]` SGD updates are made first, so the page's "Update"
asks for one more and shows the cost falling (`costs`: the cost before each update, then now).
"""

from __future__ import annotations

import numpy as np

from backprop import MSE, SGD, Dense, Network

# Matt Mazur, "A Step by Step Backpropagation Example" (2015): W^[l] has the weights into unit j
# in column j, so W1 = [[w1, w3], [w2, w4]] and W2 = [[w5, w7], [w6, w8]].
MAZUR = {
    "W": [[[0.15, 0.25], [0.20, 0.30]], [[0.40, 0.50], [0.45, 0.55]]],
    "b": [[0.35, 0.35], [0.60, 0.60]],
    "x": [0.05, 0.10],
    "y": [0.01, 0.99],
    "weight_names": [[["w1", "w3"], ["w2", "w4"]], [["w5", "w7"], ["w6", "w8"]]],
    "unit_names": [["i1", "i2"], ["h1", "h2"], ["o1", "o2"]],
}
DECIMALS = 2  # random weights, inputs and targets are rounded, so a reader can follow them


class BackwardPassError(ValueError):
    """The settings do not describe a network this explorer can show; the message says why."""


def network_and_example(settings: dict) -> tuple[Network, np.ndarray, np.ndarray]:
    """The network, its one input row x (1, n_0) and its target row y (1, n_L)."""
    sizes, activation = settings["sizes"], settings["activation"]
    if settings["weights"] == "mazur":
        if sizes != [2, 2, 2]:
            raise BackwardPassError(
                "Mazur's weights are for the 2-2-2 network: choose random weights for other sizes."
            )
        layers = [Dense(2, 2, activation), Dense(2, 2, activation)]
        for layer, W, b in zip(layers, MAZUR["W"], MAZUR["b"], strict=True):
            layer.W[...], layer.b[...] = W, b
        return Network(layers), np.array([MAZUR["x"]]), np.array([MAZUR["y"]])
    rng = np.random.default_rng(settings["seed"])
    network = Network.from_sizes(
        sizes, activation=activation, output_activation=activation, seed=settings["seed"]
    )
    for layer in network.layers:
        layer.W[...] = layer.W.round(DECIMALS)
        layer.b[...] = rng.uniform(-0.5, 0.5, layer.n_out).round(DECIMALS)
    x = rng.uniform(-1, 1, (1, sizes[0])).round(DECIMALS)
    y = rng.uniform(0.05, 0.95, (1, sizes[-1])).round(DECIMALS)
    return network, x, y


def names(settings: dict) -> dict:
    """Names for the units and the weights: Mazur's (i1, h1, o1; w1 … w8) for his network,
    else x_k for the inputs, h_j (and k_j for a second hidden layer) and o_j."""
    if settings["weights"] == "mazur":
        return {"units": MAZUR["unit_names"], "weights": MAZUR["weight_names"]}
    sizes = settings["sizes"]
    letters = ["x", *"hk"[: len(sizes) - 2], "o"]
    units = [
        [f"{letter}{j}" for j in range(1, n + 1)] for letter, n in zip(letters, sizes, strict=True)
    ]
    return {"units": units, "weights": None}


def shape(array) -> list[int]:
    return list(np.shape(array))


def trace(settings: dict) -> dict:
    """The network after `updates` SGD steps, then its forward pass, backward pass and update.

    Arrays are lists of rows (1-row arrays for one example); `layers[l - 1]` is layer l.
    """
    network, x, y = network_and_example(settings)
    loss, optimizer = MSE(), SGD(settings["learning_rate"])
    costs = []
    for _ in range(settings["updates"]):
        costs.append(loss.value(network.forward(x), y))
        network.backward(loss.gradient(network.layers[-1].A, y))
        optimizer.step(network)
    layers = network.layers
    before = [(layer.W.copy(), layer.b.copy()) for layer in layers]
    y_hat = network.forward(x)
    cost = loss.value(y_hat, y)
    costs.append(cost)
    output_gradient = loss.gradient(y_hat, y)
    network.backward(output_gradient)
    recorded = backward_by_the_equations(network, output_gradient)
    optimizer.step(network)
    cost_after = loss.value(network.predict(x), y)
    return {
        "settings": settings,
        "names": names(settings),
        "sizes": [layers[0].n_in, *[layer.n_out for layer in layers]],
        "x": x.tolist(),
        "y": y.tolist(),
        "cost": cost,
        "cost_after": cost_after,
        "costs": costs,
        "output_gradient": output_gradient.tolist(),
        "layers": [
            {
                "activation": layer.activation.name,
                "W": W.tolist(),
                "b": b.tolist(),
                "Z": layer.Z.tolist(),
                "A": layer.A.tolist(),
                "dA": step["dA"].tolist(),
                "slope": step["slope"].tolist(),
                "delta": step["delta"].tolist(),
                "dW": layer.dW.tolist(),
                "db": layer.db.tolist(),
                "W_after": layer.W.tolist(),
                "b_after": layer.b.tolist(),
            }
            for layer, (W, b), step in zip(layers, before, recorded, strict=True)
        ],
        "steps": steps(settings, [shape(layer.W) for layer in layers]),
    }


def backward_by_the_equations(network: Network, output_gradient: np.ndarray) -> list[dict]:
    """dA^[l] = ∂L/∂A^[l], g'(Z^[l]) and δ^[l] for each layer, by BP1 and BP2, checked against
    the dW and db that Network.backward stored (BP3, BP4)."""
    recorded: list[dict] = []
    dA = output_gradient
    for layer in reversed(network.layers):
        slope = layer.activation.derivative(layer.Z, layer.A)
        delta = dA * slope
        same_db = np.allclose(delta.sum(axis=0), layer.db, rtol=1e-12, atol=0)
        same_dW = np.allclose(layer.A_prev.T @ delta, layer.dW, rtol=1e-12, atol=0)
        if not (same_db and same_dW):
            raise AssertionError(f"{layer.description}: BP1/BP2 disagree with Network.backward")
        recorded.insert(0, {"dA": dA, "slope": slope, "delta": delta})
        dA = delta @ layer.W.T
    return recorded


def step(phase: str, layer: int, rule: str, shapes: str) -> dict:
    return {"phase": phase, "layer": layer, "rule": rule, "shapes": shapes}


def steps(settings: dict, weight_shapes: list[list[int]]) -> list[dict]:
    """The steps the page walks through, each with the equation it applies and its shapes: the
    network, the forward pass layer by layer, the cost, then BP1 (or BP2) and BP3, BP4 for each
    layer from the last to the first (k is a layer's number, 1 … L). The update is the next
    trace's first step."""
    depth = len(weight_shapes)
    g = {"sigmoid": "σ", "tanh": "tanh", "relu": "relu"}[settings["activation"]]
    inputs, outputs = weight_shapes[0][0], weight_shapes[-1][1]
    found = [step("network", 0, "the network", f"x (1×{inputs}), target y (1×{outputs})")]
    for k, (n_in, n_out) in enumerate(weight_shapes, start=1):
        forward = (
            f"A^[{k - 1}] (1×{n_in}) · W^[{k}] ({n_in}×{n_out}) + b^[{k}] ({n_out}) "
            f"→ Z^[{k}] (1×{n_out}); A^[{k}] = {g}(Z^[{k}]) (1×{n_out})"
        )
        found.append(step("forward", k, "forward", forward))
    cost = (
        f"L = mean((A^[{depth}] − y)²); "
        f"∂L/∂A^[{depth}] = 2(A^[{depth}] − y)/{outputs} (1×{outputs})"
    )
    found.append(step("cost", depth, "cost", cost))
    for k in range(depth, 0, -1):
        n_in, n_out = weight_shapes[k - 1]
        if k == depth:
            error = f"∂L/∂A^[{k}] (1×{n_out}) ⊙ {g}′(Z^[{k}]) (1×{n_out}) → δ^[{k}] (1×{n_out})"
            found.append(step("backward", k, "BP1", error))
        else:
            above = weight_shapes[k][1]
            error = (
                f"δ^[{k + 1}] (1×{above}) · W^[{k + 1}]ᵀ ({above}×{n_out}) → (1×{n_out}), "
                f"⊙ {g}′(Z^[{k}]) (1×{n_out}) → δ^[{k}] (1×{n_out})"
            )
            found.append(step("backward", k, "BP2", error))
        gradients = (
            f"∂L/∂b^[{k}] = Σ_rows δ^[{k}] ({n_out}); "
            f"∂L/∂W^[{k}] = A^[{k - 1}]ᵀ ({n_in}×1) · δ^[{k}] (1×{n_out}) → ({n_in}×{n_out})"
        )
        found.append(step("gradients", k, "BP3, BP4", gradients))
    return found
