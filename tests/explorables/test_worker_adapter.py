"""The worker's answers are strict JSON, a figure's failure is an answer, and every kind answers."""

from __future__ import annotations

import json

import pytest

from explorables.settings import SETTINGS
from explorables.worker_adapter import handle

REQUESTS = {
    "gradient-descent": ["surface", "descend"],
    "graph": ["explore"],
    "backward-pass": ["trace"],
    "secant": ["explore"],
    "contour-gradient": ["surface", "explore"],
    "neuron": ["explore"],
}


def strict(text: str):
    """json.loads that refuses Infinity and NaN, as JSON.parse does."""

    def refuse(constant):
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize(
    ("kind", "action"), [(k, a) for k, actions in REQUESTS.items() for a in actions]
)
def test_every_kind_answers_its_defaults_without_an_error(kind, action):
    answer = strict(handle(json.dumps({"kind": kind, "action": action, "settings": {}})))
    assert "error" not in answer and "lost" not in answer, "the page reads these keys as failures"


def test_every_kind_with_settings_has_a_request():
    assert set(REQUESTS) | {"playground"} == set(SETTINGS)


def test_an_overflowing_expression_is_strict_json_with_infinity_encoded():
    """Issue 23 §2: `a * 1e308 * 10` made Python answer "value": Infinity, which is not JSON."""
    request = {
        "kind": "graph",
        "action": "explore",
        "settings": {"expression": "a * 1e308 * 10", "leaves": {"a": 1.0}},
    }
    answer = strict(handle(json.dumps(request)))
    assert answer["value"] == {"non_finite": "Infinity"}
    nan = {
        "kind": "graph",
        "action": "explore",
        "settings": {"expression": "a * 1e308 * 10 - a * 1e308 * 10", "leaves": {"a": 1.0}},
    }
    assert strict(handle(json.dumps(nan)))["value"] == {"non_finite": "NaN"}


def test_an_expression_without_a_leaf_is_told_to_use_one():
    """Issue 23 §7: `2*3` was answered with the settings' words about a map of leaves."""
    request = {"kind": "graph", "settings": {"expression": "2*3", "leaves": {}}}
    answer = json.loads(handle(json.dumps(request)))
    assert "use at least one leaf" in answer["error"]


def test_a_failure_inside_a_figure_is_an_answer_not_a_crash():
    bad = strict(
        handle(
            json.dumps(
                {"kind": "backward-pass", "action": "trace", "settings": {"sizes": [2, 3, 2]}}
            )
        )
    )
    assert bad == {
        "error": "Mazur's weights are for the 2-2-2 network: choose random weights for other sizes."
    }
    garbage = strict(handle("{not json"))
    assert garbage["error"].startswith("This figure could not be computed: JSONDecodeError")
