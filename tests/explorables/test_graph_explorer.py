"""The graph explorer walks backward() in its own order, with backprop's own numbers."""

from __future__ import annotations

import math

import pytest

from backprop import Value, derivative
from explorables.graph import ExpressionError, build, explore, leaf_names
from explorables.settings import settings_for

EXPRESSIONS = [
    ("(a * b + c).tanh()", {"a": 2.0, "b": -3.0, "c": 10.0}),
    ("a * a + a / b - (b ** 2).exp()", {"a": 1.5, "b": 0.7}),
    ("(x.sigmoid() * y).relu() + (x * 3 - 2 * y).log()", {"x": 2.0, "y": 0.5}),
]


@pytest.mark.parametrize(("expression", "leaves"), EXPRESSIONS)
def test_the_steps_are_backwards_order_and_end_with_backwards_grads(expression, leaves):
    explored = explore({"expression": expression, "leaves": leaves})
    out = build(expression, leaves)
    order = [node for node in reversed(out.topological_order()) if node._children]
    assert [step["node"] for step in explored["steps"]] == [node.label for node in order]
    out.backward()
    by_label = {value.label: value for value in out.topological_order()}
    for name in leaves:
        assert explored["leaves"][name] == pytest.approx(by_label[name].grad, rel=1e-12)
    # After the last step each input's grad shown is backward()'s.
    for step in explored["steps"]:
        for shown in step["inputs"]:
            if shown["label"] in leaves and step is explored["steps"][-1]:
                assert shown["grad"] == pytest.approx(by_label[shown["label"]].grad)


@pytest.mark.parametrize(("expression", "leaves"), EXPRESSIONS)
def test_each_local_derivative_is_the_nodes_own_slope(expression, leaves):
    """local × upstream is what a step adds; local is checked against a central difference of
    the node's value as a function of that input (every other input held fixed)."""
    explored = explore({"expression": expression, "leaves": leaves})
    for step in explored["steps"]:
        for shown in step["inputs"]:
            assert shown["adds"] == pytest.approx(shown["local"] * step["upstream"])
    first = explored["steps"][-1]  # the last rule run is on a node made from leaves directly
    leaf_inputs = [shown for shown in first["inputs"] if shown["label"] in leaves]
    for shown in leaf_inputs:

        def node_value(value, name=shown["label"]):
            return (
                build(first["node"], {**leaves, name: value}).data if first["node"] != "out" else 0
            )

        slope = derivative(node_value, leaves[shown["label"]])
        assert shown["local"] == pytest.approx(slope, rel=1e-6, abs=1e-9)


def test_leaves_are_the_plain_names_in_order():
    assert leaf_names("(w * x + b).tanh() * w") == ["w", "x", "b"]
    assert leaf_names("a.exp() + exp(b)") == ["a", "b"]


@pytest.mark.parametrize(
    ("expression", "leaves", "message"),
    [
        ("(a * b +", {"a": 1, "b": 2}, "This is not a Python expression"),
        ("a * q", {"a": 1}, "`q` is not a leaf: give it a value."),
        ("exp(a)", {"a": 1}, "write x.exp() instead of exp(x)"),
        ("sqrt(a)", {"a": 1}, "`sqrt` is not a leaf"),
        ("2 * 3", {"a": 1}, "a plain number, not a Value"),
        ("(a, a)", {"a": 1}, "cannot be part of the graph"),
        ("a.mean()", {"a": 1}, "Values have no `.mean()` here"),
        ("(a - a).log()", {"a": 1}, "log is only defined for positive numbers"),
        ("a ** a", {"a": 2}, "A power needs a plain number as its exponent"),
    ],
)
def test_bad_input_gets_a_clear_message(expression, leaves, message):
    with pytest.raises(ExpressionError, match=message.replace("(", r"\(").replace(")", r"\)")):
        explore({"expression": expression, "leaves": leaves})


def test_a_value_used_twice_gets_both_paths():
    explored = explore({"expression": "a * a", "leaves": {"a": 3.0}})
    assert explored["leaves"]["a"] == pytest.approx(6.0)
    assert explored["value"] == pytest.approx(9.0)
    assert math.isclose(Value(3.0).data * 3.0, explored["value"])


def test_each_local_derivative_says_where_it_comes_from():
    """Issue 21: show where each local derivative comes from (e.g. 1 − out²)."""
    explored = explore(
        {"expression": "(a * b + c).tanh()", "leaves": {"a": 2.0, "b": -0.5, "c": 1.5}}
    )
    tanh, plus, times = explored["steps"]
    (into_sum,) = tanh["inputs"]
    assert into_sum["rule"]["formula"] == "1 − out²"
    assert into_sum["local"] == pytest.approx(1 - math.tanh(0.5) ** 2)
    assert [shown["rule"]["formula"] for shown in plus["inputs"]] == ["1", "1"]
    into_a, into_b = times["inputs"]
    assert into_a["rule"] == {"formula": "b (the other input)", "values": [["b", -0.5]]}
    assert into_b["rule"]["values"] == [["a", 2.0]]


def test_the_default_is_unsaturated():
    """Issue 21: tanh(2·(−3) + 10) was saturated (every number about 0.0013)."""
    explored = explore(settings_for("graph"))
    assert 0.2 < abs(explored["value"]) < 0.8
    assert all(abs(grad) > 0.1 for grad in explored["leaves"].values())


def test_a_reused_value_shows_the_sum_of_what_it_received():
    """Issue 21: show the accumulation sum ("1 + (−3)")."""
    explored = explore({"expression": "w * x + w", "leaves": {"w": 2.0, "x": -3.0}})
    last_w = [
        shown for step in explored["steps"] for shown in step["inputs"] if shown["label"] == "w"
    ]
    assert last_w[-1]["sum"] == [1.0, -3.0]
    assert last_w[-1]["grad"] == -2.0
