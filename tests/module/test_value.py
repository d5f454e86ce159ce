"""Value: scalar automatic differentiation, each local rule checked against finite differences."""

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from backprop import Value, derivative

from .helpers import PROPERTY_SETTINGS, assert_close

# name -> (function of Values a and b, a, b, the value as plain floats)
# Points stay away from kinks (relu at 0) and from where a function is undefined.
OPERATIONS = {
    "a + b": (lambda a, b: a + b, 1.3, -0.7, lambda a, b: a + b),
    "a - b": (lambda a, b: a - b, 1.3, -0.7, lambda a, b: a - b),
    "a * b": (lambda a, b: a * b, 1.3, -0.7, lambda a, b: a * b),
    "a / b": (lambda a, b: a / b, 1.3, -0.7, lambda a, b: a / b),
    "a + 2.5": (lambda a, b: a + 2.5, -0.4, 0.0, lambda a, b: a + 2.5),
    "2.5 + a (radd)": (lambda a, b: 2.5 + a, -0.4, 0.0, lambda a, b: 2.5 + a),
    "a - 2.5": (lambda a, b: a - 2.5, -0.4, 0.0, lambda a, b: a - 2.5),
    "2.5 - a (rsub)": (lambda a, b: 2.5 - a, -0.4, 0.0, lambda a, b: 2.5 - a),
    "a * 2.5": (lambda a, b: a * 2.5, -0.4, 0.0, lambda a, b: a * 2.5),
    "2.5 * a (rmul)": (lambda a, b: 2.5 * a, -0.4, 0.0, lambda a, b: 2.5 * a),
    "a / 2.5": (lambda a, b: a / 2.5, -0.4, 0.0, lambda a, b: a / 2.5),
    "2.5 / a (rtruediv)": (lambda a, b: 2.5 / a, -0.4, 0.0, lambda a, b: 2.5 / a),
    "-a (neg)": (lambda a, b: -a, 0.8, 0.0, lambda a, b: -a),
    "a ** 2": (lambda a, b: a**2, -1.7, 0.0, lambda a, b: a**2),
    "a ** 3": (lambda a, b: a**3, -1.7, 0.0, lambda a, b: a**3),
    "a ** -1": (lambda a, b: a**-1, -1.7, 0.0, lambda a, b: a**-1),
    "a ** 0.5": (lambda a, b: a**0.5, 2.2, 0.0, lambda a, b: a**0.5),
    "relu(a), a > 0": (lambda a, b: a.relu(), 0.9, 0.0, lambda a, b: max(a, 0.0)),
    "relu(a), a < 0": (lambda a, b: a.relu(), -0.9, 0.0, lambda a, b: max(a, 0.0)),
    "tanh(a)": (lambda a, b: a.tanh(), 0.6, 0.0, lambda a, b: math.tanh(a)),
    "sigmoid(a)": (lambda a, b: a.sigmoid(), -1.1, 0.0, lambda a, b: 1 / (1 + math.exp(-a))),
    "exp(a)": (lambda a, b: a.exp(), 0.7, 0.0, lambda a, b: math.exp(a)),
    "log(a)": (lambda a, b: a.log(), 0.7, 0.0, lambda a, b: math.log(a)),
}


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_each_operation_computes_its_value(name):
    operation, a, b, plain = OPERATIONS[name]
    found = operation(Value(a), Value(b)).data
    assert_close(found, plain(a, b), tolerance=1e-15, what=f"value of {name}")


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_each_operation_backpropagates_its_finite_difference_derivative(name):
    operation, a, b, _ = OPERATIONS[name]
    A, B = Value(a), Value(b)
    operation(A, B).backward()
    expected_a = derivative(lambda t: operation(Value(t), Value(b)).data, a)
    expected_b = derivative(lambda t: operation(Value(a), Value(t)).data, b)
    assert_close(A.grad, expected_a, tolerance=1e-8, what=f"∂({name})/∂a")
    assert_close(B.grad, expected_b, tolerance=1e-8, what=f"∂({name})/∂b")


def test_backward_sets_the_output_gradient_to_one():
    out = Value(2.0) * Value(3.0)
    out.backward()
    assert out.grad == 1.0, f"expected out.grad 1.0, found {out.grad}"


def test_grad_starts_at_zero_and_data_is_a_float():
    v = Value(3)
    assert v.grad == 0.0, f"expected grad 0.0, found {v.grad}"
    assert type(v.data) is float, f"expected data to be a float, found {type(v.data).__name__}"


def test_backward_accumulates_when_a_value_is_reused():
    a = Value(3.0)
    (a + a).backward()
    assert a.grad == 2.0, f"d(a + a)/da: expected 2.0, found {a.grad}"

    a = Value(3.0)
    (a * a).backward()
    assert a.grad == 6.0, f"d(a·a)/da at a = 3: expected 6.0, found {a.grad}"


def test_backward_sums_the_gradient_over_every_path_through_the_graph():
    def f(x):
        y = x * 3.0
        return y * x + y.tanh() - x / y.exp()  # x reaches the output along four paths

    x = Value(0.4)
    f(x).backward()
    expected = derivative(lambda t: f(Value(t)).data, 0.4)
    assert_close(x.grad, expected, tolerance=1e-8, what="df/dx with x reused")


def test_a_second_backward_adds_to_every_node_intermediate_ones_included():
    """The chain rule chapter's claim: with x = 3, y = x·x, f = y + 1 a second backward gives 18.

    Not 12 (twice 6): y kept the 1 of the first call, so the second call sends 2 back to x.
    """
    x = Value(3.0)
    y = x * x
    f = y + 1
    f.backward()
    assert (x.grad, y.grad) == (6.0, 1.0), f"one call: expected (6.0, 1.0), found {x.grad, y.grad}"
    f.backward()
    assert y.grad == 2.0, f"two calls: expected y.grad 2.0, found {y.grad}"
    assert x.grad == 18.0, f"two calls: expected x.grad 18.0, found {x.grad}"


def test_clearing_only_the_leaf_is_not_enough_but_clearing_every_node_is():
    x = Value(3.0)
    y = x * x
    f = y + 1
    f.backward()
    f.backward()
    x.grad = 0.0
    f.backward()
    assert x.grad == 18.0, f"x cleared, y not: expected x.grad 18.0, found {x.grad}"
    for node in f.topological_order():
        node.grad = 0.0
    f.backward()
    assert x.grad == 6.0, f"every node cleared: expected x.grad 6.0, found {x.grad}"


def test_backward_must_run_in_reverse_topological_order():
    """Applying the same local rules with a node before one of its consumers loses a share."""
    x = Value(2.0)
    q = 3 * x
    r = q * q
    f = r + q  # df/dx = 3 (2q + 1) = 39

    def apply_rules(order):
        for node in f.topological_order():
            node.grad = 0.0
        f.grad = 1.0
        for node in order:
            node._backward()
        return x.grad

    assert apply_rules(list(reversed(f.topological_order()))) == 39.0
    assert apply_rules([f, q, r]) == 3.0, "q before its consumer r should pass on only f's share"


def test_backward_handles_long_chains_without_recursion_errors():
    x = Value(1.0)
    total = x
    for _ in range(5000):
        total = total + x
    total.backward()
    assert x.grad == 5001.0, f"expected x.grad 5001.0, found {x.grad}"


def test_topological_order_puts_every_value_after_its_inputs():
    a, b = Value(1.0, "a"), Value(2.0, "b")
    c = a * b
    d = c + a
    order = d.topological_order()
    position = {id(v): i for i, v in enumerate(order)}
    for v in order:
        for child in v._children:
            assert position[id(child)] < position[id(v)], f"{child} came after {v}"
    assert order[-1] is d, "expected the output last"
    assert len(order) == 4, f"expected 4 distinct Values, found {len(order)}"


def test_repr_shows_data_and_grad_to_four_decimals():
    v = Value(0.880797077977882)
    v.grad = 0.105
    assert repr(v) == "Value(data=0.8808, grad=0.1050)", f"found {v!r}"


def test_label_is_kept():
    assert Value(1.0, label="x").label == "x"
    assert Value(1.0).label == "", "expected an empty label by default"


def test_sigmoid_of_a_large_negative_value_does_not_overflow():
    s = Value(-1000.0).sigmoid()
    assert s.data == 0.0, f"expected 0.0, found {s.data}"


@PROPERTY_SETTINGS
@given(
    x=st.floats(0.1, 3.0),
    y=st.floats(0.1, 3.0),
    z=st.floats(-2.0, 2.0),
)
def test_gradients_of_an_expression_using_every_operation_match_finite_differences(x, y, z):
    assume(abs(x - y) > 1e-3)  # relu(x − y) has a kink at x = y

    def f(x, y, z):
        return (
            (x * y + z).tanh()
            - x / y
            + (y**2).log() * z.sigmoid()
            + (-z).exp()
            + (x - y).relu()
            + 2.0 / (1 + x)
            - 3.0 * y**0.5
        )

    X, Y, Z = Value(x), Value(y), Value(z)
    f(X, Y, Z).backward()
    h = 1e-6
    for found, expected, name in [
        (X.grad, derivative(lambda t: f(Value(t), Value(y), Value(z)).data, x, h), "∂f/∂x"),
        (Y.grad, derivative(lambda t: f(Value(x), Value(t), Value(z)).data, y, h), "∂f/∂y"),
        (Z.grad, derivative(lambda t: f(Value(x), Value(y), Value(t)).data, z, h), "∂f/∂z"),
    ]:
        assert_close(found, expected, tolerance=1e-6, what=name)


def test_log_of_a_non_positive_value_raises_a_clear_error():
    with pytest.raises(ValueError, match="positive"):
        Value(0.0).log()


def test_a_value_as_exponent_is_refused_with_a_clear_error():
    with pytest.raises(TypeError, match="exponent"):
        Value(2.0) ** Value(3.0)


def test_combining_a_value_with_a_non_number_raises_a_clear_error():
    with pytest.raises(TypeError, match="cannot combine a Value with str"):
        Value(1.0) + "2"
