"""Each explorable's settings: their defaults, what values they may take, and clear errors.

An author's defaults (in the Markdown) and a reader's control changes both pass through
`settings_for`, which fills in the defaults and refuses anything out of range with a message
that says what is allowed. The page's controls take their ranges from `for_the_page()`, which
the runtime's bundle is generated from: each range is written once, here.
"""

from __future__ import annotations

from explorables.setting_kinds import (
    Expression,
    LayerSizes,
    Leaves,
    Number,
    Numbers,
    OneOf,
    Point,
    SettingsError,
)

SURFACES = ("valley", "two-minima")
DATA_SETS = ("xor", "moons", "spiral", "circles")
ACTIVATIONS = ("tanh", "relu", "sigmoid")
SECANT_FUNCTIONS = ("square", "cubic", "tanh", "exp")
CONTOUR_SURFACES = ("hill-and-pit", "valley")
# Where the point goes when the reader switches to a surface: inside its plotted window.
STARTS = {
    "gradient-descent": {"valley": [-4.5, 1.8], "two-minima": [0.1, 1.2]},
    "contour-gradient": {"hill-and-pit": [0.0, -1.2], "valley": [-3.0, 1.0]},
}

SETTINGS = {
    "gradient-descent": {
        "surface": ("valley", OneOf(SURFACES)),
        "start": (STARTS["gradient-descent"]["valley"], Point(-1e3, 1e3)),
        "learning_rate": (0.05, Number(1e-4, 10.0, log=True)),
        "momentum": (0.0, Number(0.0, 0.99)),
        "steps": (40, Number(1, 500, whole=True)),
    },
    "graph": {
        "expression": ("(a * b + c).tanh()", Expression()),
        "leaves": ({"a": 2.0, "b": -0.5, "c": 1.5}, Leaves(-1e6, 1e6)),
    },
    "playground": {
        "data_set": ("moons", OneOf(DATA_SETS)),
        "noise": (0.15, Number(0.0, 0.5)),
        "size": (300, Number(40, 1000, whole=True)),
        "hidden_layers": (2, Number(1, 4, whole=True)),
        "units": (8, Number(1, 16, whole=True)),
        "activation": ("tanh", OneOf(ACTIVATIONS)),
        "learning_rate": (0.1, Number(1e-4, 10.0, log=True)),
        "batch_size": (16, Number(1, 1000, whole=True)),
        "epochs": (100, Number(1, 1000, whole=True)),
        "seed": (0, Number(0, 10_000, whole=True)),
    },
    "backward-pass": {
        "sizes": ([2, 2, 2], LayerSizes(hidden=(1, 2), input=(1, 4), units=(1, 5), output=(1, 3))),
        "weights": ("mazur", OneOf(("mazur", "random"))),
        "activation": ("sigmoid", OneOf(ACTIVATIONS)),
        "learning_rate": (0.5, Number(1e-3, 10.0, log=True)),
        "updates": (0, Number(0, 200, whole=True)),
        "seed": (0, Number(0, 10_000, whole=True)),
    },
    "secant": {
        "function": ("square", OneOf(SECANT_FUNCTIONS)),
        "x": (3.0, Number(-3.0, 3.0)),
        "h": (0.5, Number(1e-15, 1.0, log=True)),
    },
    "contour-gradient": {
        "surface": ("hill-and-pit", OneOf(CONTOUR_SURFACES)),
        "point": (STARTS["contour-gradient"]["hill-and-pit"], Point(-5.0, 5.0)),
        "direction": (90.0, Number(0.0, 360.0)),
    },
    "neuron": {
        "activation": ("sigmoid", OneOf(ACTIVATIONS)),
        "units": (1, Number(1, 3, whole=True)),
        # Column j holds unit j's two weights, as in Dense: W has shape (2, 3); the first
        # `units` columns are used. Unit 1 is the chapter's neuron, w = (0.4, −0.3), b = 0.5.
        "weights": ([[0.4, -1.0, 1.2], [-0.3, 0.8, 1.0]], Numbers(3, -5.0, 5.0, rows=2)),
        "biases": ([0.5, 0.5, -1.0], Numbers(3, -5.0, 5.0)),
        "x": ([2.0, 3.0], Point(-4.0, 4.0)),
    },
}

# One click each in the playground: the settings it changes, and the question it asks.
EXPERIMENTS = [
    {
        "label": "4 sigmoid layers: why does it not learn?",
        "settings": {
            "data_set": "moons",
            "hidden_layers": 4,
            "units": 8,
            "activation": "sigmoid",
            "learning_rate": 0.1,
            "epochs": 100,
        },
    },
    {
        "label": "The same 4 layers with ReLU",
        "settings": {
            "data_set": "moons",
            "hidden_layers": 4,
            "units": 8,
            "activation": "relu",
            "learning_rate": 0.1,
            "epochs": 100,
        },
    },
    {
        "label": "Learning rate 10: what happens?",
        "settings": {
            "data_set": "moons",
            "hidden_layers": 2,
            "units": 8,
            "activation": "tanh",
            "learning_rate": 10.0,
            "epochs": 100,
        },
    },
    {
        "label": "A spiral with 2 hidden units",
        "settings": {
            "data_set": "spiral",
            "hidden_layers": 1,
            "units": 2,
            "activation": "tanh",
            "learning_rate": 0.1,
            "epochs": 200,
        },
    },
]


def settings_for(kind: str, given: dict | None = None) -> dict:
    """The settings of an explorable of `kind`: the defaults, overridden by `given`."""
    if kind not in SETTINGS:
        raise SettingsError(
            f"unknown explorable {kind!r}; the explorables are {', '.join(SETTINGS)}"
        )
    known = SETTINGS[kind]
    unknown = set(given or {}) - set(known)
    if unknown:
        error = SettingsError(
            f"unknown setting(s) {sorted(unknown)} for {kind}; its settings are {', '.join(known)}"
        )
        error.setting = sorted(unknown)[0]
        raise error
    settings = {}
    for name, (default, check) in known.items():
        value = (given or {}).get(name, default)
        try:
            settings[name] = check(name, value)
        except SettingsError as error:
            error.setting = name
            raise
    return settings


def for_the_page() -> dict:
    """Every explorable's settings as plain data: each one's default and what it may take.

    The runtime's bundle imports this (written as JSON at the `runtime` asset step), so the
    page's controls and Python's checks share their ranges.
    """
    return {
        "kinds": {
            kind: {
                name: {"default": default, **check.describe()}
                for name, (default, check) in known.items()
            }
            for kind, known in SETTINGS.items()
        },
        "starts": STARTS,
        "experiments": [
            {
                "label": experiment["label"],
                "settings": settings_for("playground", experiment["settings"]),
            }
            for experiment in EXPERIMENTS
        ],
    }
