"""The browser worker's entry point for the explorables: one JSON request in, one JSON answer out.

    {"kind": "gradient-descent", "action": "surface" | "descend", "settings": {...}}
    {"kind": "graph", "action": "leaves" | "explore", "settings": {...}}
    {"kind": "playground", "action": "start" | "train", "key": "...", "settings": {...},
     "epochs": 4}
    {"kind": "backward-pass", "action": "trace", "settings": {...}}
    {"kind": "secant", "action": "explore", "settings": {...}}
    {"kind": "contour-gradient", "action": "surface" | "explore", "settings": {...}}
    {"kind": "neuron", "action": "explore", "settings": {...}}

A bad setting or expression is an answer too, {"error": "..."}, which the page shows in place of
the figure; so is anything else that goes wrong while computing one figure, which must not cost
the reader their Python. A playground lives here between its chunks, under the page's key for it.

Answers are strict JSON. JSON has no infinity or NaN, and a value can overflow (an expression
such as a * 1e308 * 10, a diverging descent), so each non-finite float is sent as
{"non_finite": "Infinity" | "-Infinity" | "NaN"}, which the page turns back into the number
(runtime/page/explorables/explorer.js) and prints as such.
"""

from __future__ import annotations

import json
import math

from explorables import backward_pass, contour_gradient, neuron, secant
from explorables.gradient_descent import descend, surface_grid
from explorables.graph import ExpressionError, explore, leaf_names
from explorables.playground import CHUNK_EPOCHS, Playground
from explorables.settings import SettingsError, settings_for

playgrounds: dict[str, Playground] = {}
NON_FINITE = "non_finite"


def handle(request_json: str) -> str:
    try:
        request = json.loads(request_json)
        return as_json(answer(request))
    except (SettingsError, ExpressionError, backward_pass.BackwardPassError) as error:
        return as_json({"error": str(error)})
    except Exception as error:  # one figure failed; Python, and the reader's variables, stay
        return as_json(
            {"error": f"This figure could not be computed: {type(error).__name__}: {error}"}
        )


def as_json(answer) -> str:
    """Strict JSON (allow_nan=False), with each non-finite float encoded as {NON_FINITE: ...}."""
    return json.dumps(finite(answer), allow_nan=False)


def finite(value):
    if isinstance(value, float) and not math.isfinite(value):
        return {
            NON_FINITE: "NaN" if math.isnan(value) else "Infinity" if value > 0 else "-Infinity"
        }
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [finite(item) for item in value]
    return value


def answer(request: dict) -> dict:
    kind, action = request.get("kind"), request.get("action")
    if kind == "gradient-descent":
        settings = settings_for(kind, request.get("settings"))
        return surface_grid(settings["surface"]) if action == "surface" else descend(settings)
    if kind == "graph":
        if action == "leaves":
            return {"leaves": leaf_names(request["settings"]["expression"])}
        expression = (request.get("settings") or {}).get("expression")
        if isinstance(expression, str) and not leaf_names(expression):
            # Before the settings' own check, whose words are about an empty map of leaves.
            raise ExpressionError(
                "Numbers alone make no graph: use at least one leaf (a name such as a or w), "
                "e.g. (a * b).tanh()."
            )
        return explore(settings_for(kind, request.get("settings")))
    if kind == "playground":
        key = str(request.get("key"))
        if action == "start":
            playgrounds[key] = Playground(settings_for(kind, request.get("settings")))
            return {"data": playgrounds[key].data(), **playgrounds[key].frame()}
        if key not in playgrounds:
            raise SettingsError("this playground has not started: press Train")
        return playgrounds[key].train(int(request.get("epochs", CHUNK_EPOCHS)))
    if kind == "backward-pass":
        return backward_pass.trace(settings_for(kind, request.get("settings")))
    if kind == "secant":
        return secant.explore(settings_for(kind, request.get("settings")))
    if kind == "contour-gradient":
        settings = settings_for(kind, request.get("settings"))
        if action == "surface":
            return contour_gradient.surface_grid(settings["surface"])
        return contour_gradient.explore(settings)
    if kind == "neuron":
        return neuron.explore(settings_for(kind, request.get("settings")))
    raise SettingsError(f"unknown explorable request {kind!r} {action!r}")
