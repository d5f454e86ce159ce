"""The browser worker's entry point for the explorables: one JSON request in, one JSON answer out.

    {"kind": "gradient-descent", "action": "surface" | "descend", "settings": {...}}
    {"kind": "graph", "action": "leaves" | "explore", "settings": {...}}
    {"kind": "playground", "action": "start" | "train", "key": "...", "settings": {...},
     "epochs": 4}

A bad setting or expression is an answer too, {"error": "..."}, which the page shows in place of
the figure. A playground lives here between its chunks, under the page's key for it.
"""

from __future__ import annotations

import json

from explorables.gradient_descent import descend, surface_grid
from explorables.graph import ExpressionError, explore, leaf_names
from explorables.playground import CHUNK_EPOCHS, Playground
from explorables.settings import SettingsError, settings_for

playgrounds: dict[str, Playground] = {}


def handle(request_json: str) -> str:
    request = json.loads(request_json)
    try:
        return json.dumps(answer(request))
    except (SettingsError, ExpressionError) as error:
        return json.dumps({"error": str(error)})


def answer(request: dict) -> dict:
    kind, action = request.get("kind"), request.get("action")
    if kind == "gradient-descent":
        settings = settings_for(kind, request.get("settings"))
        return surface_grid(settings["surface"]) if action == "surface" else descend(settings)
    if kind == "graph":
        if action == "leaves":
            return {"leaves": leaf_names(request["settings"]["expression"])}
        return explore(settings_for(kind, request.get("settings")))
    if kind == "playground":
        key = str(request.get("key"))
        if action == "start":
            playgrounds[key] = Playground(settings_for(kind, request.get("settings")))
            return {"data": playgrounds[key].data(), **playgrounds[key].frame()}
        if key not in playgrounds:
            raise SettingsError("this playground has not started: press Train")
        return playgrounds[key].train(int(request.get("epochs", CHUNK_EPOCHS)))
    raise SettingsError(f"unknown explorable request {kind!r} {action!r}")
