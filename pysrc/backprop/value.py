"""A scalar that remembers how it was computed, so it can compute its own gradient.

Every arithmetic operation on Values builds a node of a computational graph. Each
operation defines, right next to its forward computation, its local backward rule: how
the gradient of the final result with respect to its output (out.grad) flows back to
its inputs. By the chain rule

    ∂L/∂input += ∂L/∂out · ∂out/∂input

with += because an input used twice receives gradient along both paths.

`backward()` orders the graph so that every node comes after its inputs, then walks
that order in reverse, calling each node's backward rule once. (After micrograd by
Andrej Karpathy.)
"""

import math
from numbers import Real


class Value:
    """A scalar with .data (its value), .grad (∂L/∂self, 0.0 until backward) and a .label."""

    def __init__(self, data, label="", _children=(), _op=""):
        if isinstance(data, Value):
            raise TypeError("Value(data) takes a number, not another Value")
        self.data = float(data)
        self.grad = 0.0
        self.label = label
        # The graph: which Values this one was computed from, and by which operation.
        self._children = tuple(_children)
        self._op = _op
        self._backward = lambda: None  # leaves have no inputs to pass gradient to

    def __repr__(self):
        return f"Value(data={self.data:.4f}, grad={self.grad:.4f})"

    # Binary operations. A plain number on either side is wrapped into a Value.

    def __add__(self, other):
        """out = a + b;  ∂out/∂a = 1, ∂out/∂b = 1: addition routes the gradient unchanged."""
        other = _as_value(other)
        out = Value(self.data + other.data, _children=(self, other), _op="+")

        def _backward():
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out

    def __sub__(self, other):
        """out = a − b;  ∂out/∂a = 1, ∂out/∂b = −1."""
        other = _as_value(other)
        out = Value(self.data - other.data, _children=(self, other), _op="-")

        def _backward():
            self.grad += out.grad
            other.grad -= out.grad

        out._backward = _backward
        return out

    def __mul__(self, other):
        """out = a · b;  ∂out/∂a = b, ∂out/∂b = a: each input gets the other's value."""
        other = _as_value(other)
        out = Value(self.data * other.data, _children=(self, other), _op="*")

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def __truediv__(self, other):
        """out = a / b;  ∂out/∂a = 1/b, ∂out/∂b = −a/b²."""
        other = _as_value(other)
        out = Value(self.data / other.data, _children=(self, other), _op="/")

        def _backward():
            self.grad += out.grad / other.data
            other.grad -= out.grad * self.data / other.data**2

        out._backward = _backward
        return out

    def __pow__(self, exponent):
        """out = aⁿ for a fixed number n;  ∂out/∂a = n·aⁿ⁻¹."""
        if not isinstance(exponent, Real):
            raise TypeError(
                f"Value ** exponent needs a plain number as exponent, got {type(exponent).__name__}"
            )
        result = self.data**exponent
        if isinstance(result, complex):
            raise ValueError(f"{self.data} ** {exponent} is not a real number")
        out = Value(result, _children=(self,), _op=f"**{exponent:g}")

        def _backward():
            self.grad += exponent * self.data ** (exponent - 1) * out.grad

        out._backward = _backward
        return out

    def __neg__(self):
        """out = −a;  ∂out/∂a = −1."""
        out = Value(-self.data, _children=(self,), _op="neg")

        def _backward():
            self.grad -= out.grad

        out._backward = _backward
        return out

    # A number on the left (2 + v, 2 - v, ...): wrap it and use the rules above.

    def __radd__(self, other):
        return _as_value(other) + self

    def __rsub__(self, other):
        return _as_value(other) - self

    def __rmul__(self, other):
        return _as_value(other) * self

    def __rtruediv__(self, other):
        return _as_value(other) / self

    # Functions of one Value.

    def relu(self):
        """out = max(0, a);  ∂out/∂a = 1 if a > 0 else 0."""
        out = Value(max(0.0, self.data), _children=(self,), _op="relu")

        def _backward():
            self.grad += (1.0 if self.data > 0 else 0.0) * out.grad

        out._backward = _backward
        return out

    def tanh(self):
        """out = tanh(a);  ∂out/∂a = 1 − out²."""
        out = Value(math.tanh(self.data), _children=(self,), _op="tanh")

        def _backward():
            self.grad += (1 - out.data**2) * out.grad

        out._backward = _backward
        return out

    def sigmoid(self):
        """out = σ(a) = 1 / (1 + e⁻ᵃ);  ∂out/∂a = out·(1 − out)."""
        if self.data >= 0:
            s = 1 / (1 + math.exp(-self.data))
        else:  # same value, written so that exp cannot overflow
            s = math.exp(self.data) / (1 + math.exp(self.data))
        out = Value(s, _children=(self,), _op="sigmoid")

        def _backward():
            self.grad += out.data * (1 - out.data) * out.grad

        out._backward = _backward
        return out

    def exp(self):
        """out = eᵃ;  ∂out/∂a = eᵃ = out."""
        out = Value(math.exp(self.data), _children=(self,), _op="exp")

        def _backward():
            self.grad += out.data * out.grad

        out._backward = _backward
        return out

    def log(self):
        """out = ln a (natural log, a > 0);  ∂out/∂a = 1/a."""
        if self.data <= 0:
            raise ValueError(f"log is only defined for positive numbers, got {self.data}")
        out = Value(math.log(self.data), _children=(self,), _op="log")

        def _backward():
            self.grad += out.grad / self.data

        out._backward = _backward
        return out

    # Backpropagation.

    def backward(self):
        """Fill .grad of every Value this one depends on with ∂self/∂that Value.

        Sets self.grad = 1 (∂self/∂self) and then applies each node's backward rule
        in reverse topological order, so a node passes on its gradient only after
        every use of it has contributed. Call it once per graph: .grad values add up,
        so before another backward through the same graph set every .grad back to 0.0.
        """
        self.grad = 1.0
        for node in reversed(self.topological_order()):
            node._backward()

    def topological_order(self):
        """Every Value this one depends on (itself included), each after all its inputs."""
        order, visited = [], set()
        # Depth-first search with an explicit stack (long chains would overflow recursion).
        # An entry (node, True) means "all of node's inputs are already in order".
        stack = [(self, False)]
        while stack:
            node, inputs_done = stack.pop()
            if inputs_done:
                order.append(node)
            elif node not in visited:
                visited.add(node)
                stack.append((node, True))
                stack.extend((child, False) for child in reversed(node._children))
        return order


def _as_value(x):
    """x itself if it is a Value, else a new constant Value holding the number x."""
    if isinstance(x, Value):
        return x
    if isinstance(x, Real):  # int, float, numpy scalars
        return Value(x)
    raise TypeError(f"cannot combine a Value with {type(x).__name__} {x!r}")
