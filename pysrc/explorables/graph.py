"""The graph explorer's numbers: an expression over Values, its graph, and backward() step by step.

The reader types an expression such as `(a * b + c).tanh()`; every plain name in it is a leaf
Value with the value the reader gives it. The expression is evaluated with backprop.Value's own
operations (a tiny evaluator over Python's syntax tree, so that each intermediate Value can be
labelled with the text that made it), drawn with backprop.draw, and its backward pass replayed one
node at a time in the order Value.backward() visits them: each step shows the node's upstream
gradient, the local derivative of the node with respect to each input (found by running the
node's own backward rule with an upstream gradient of 1), where that local derivative comes from
(its rule, such as 1 − out² for tanh, with the numbers it uses), and what it adds to each input's
grad, with the sum so far when an input receives gradient from more than one node.
"""

from __future__ import annotations

import ast

from backprop import Value, draw

BINARY = {ast.Add: "__add__", ast.Sub: "__sub__", ast.Mult: "__mul__", ast.Div: "__truediv__",
          ast.Pow: "__pow__"}  # fmt: skip
METHODS = ("tanh", "relu", "sigmoid", "exp", "log")
LABEL_LENGTH = 18


class ExpressionError(ValueError):
    """The expression cannot be drawn; the message says why, for the reader."""


def leaf_names(expression: str) -> list[str]:
    """The leaves an expression uses, in order of first appearance."""
    tree = parse(expression)
    called = {id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and id(node) not in called and node.id not in names:
            names.append(node.id)
    return sorted(names, key=expression.index)


def parse(expression: str) -> ast.Expression:
    try:
        return ast.parse(expression.strip(), "<expression>", mode="eval")
    except SyntaxError as error:
        where = f" at column {error.offset}" if error.offset else ""
        raise ExpressionError(f"This is not a Python expression ({error.msg}{where}).") from None


class Evaluator:
    """Evaluates the syntax tree with Value's operations, labelling each Value by its text."""

    def __init__(self, source: str, leaves: dict[str, float]) -> None:
        self.source = source
        self.leaves = {name: Value(value, label=name) for name, value in leaves.items()}

    def label(self, node, value: Value) -> Value:
        if not value.label:
            text = ast.get_source_segment(self.source, node) or ""
            value.label = text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1] + "…"
        return value

    def evaluate(self, node):
        if isinstance(node, ast.Expression):
            return self.evaluate(node.body)
        if isinstance(node, ast.Name):
            if node.id not in self.leaves:
                raise ExpressionError(f"`{node.id}` is not a leaf: give it a value.")
            return self.leaves[node.id]
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return node.value
        if isinstance(node, ast.BinOp) and type(node.op) in BINARY:
            left, right = self.evaluate(node.left), self.evaluate(node.right)
            if not isinstance(left, Value) and not isinstance(right, Value):
                return plain_arithmetic(node.op, left, right)
            if isinstance(node.op, ast.Pow) and isinstance(right, Value):
                raise ExpressionError("A power needs a plain number as its exponent, like x ** 2.")
            value = getattr(Value(left) if not isinstance(left, Value) else left,
                            BINARY[type(node.op)])(right)  # fmt: skip
            return self.label(node, value)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            operand = self.evaluate(node.operand)
            return self.label(node, -operand) if isinstance(operand, Value) else -operand
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.args:
            if node.func.attr not in METHODS:
                raise ExpressionError(f"Values have no `.{node.func.attr}()` here; use one of "
                                      f"{', '.join(f'.{m}()' for m in METHODS)}.")  # fmt: skip
            target = self.evaluate(node.func.value)
            if not isinstance(target, Value):
                raise ExpressionError(f"`.{node.func.attr}()` needs a Value, not a plain number.")
            return self.label(node, getattr(target, node.func.attr)())
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            name = node.func.id
            raise ExpressionError(f"`{name}(...)` is not a leaf or a Value's method: write "
                                  f"x.{name}() instead of {name}(x)." if name in METHODS else
                                  f"`{name}` is not a leaf: only leaves, numbers, + − × ÷ ** "
                                  "and the methods .tanh() .relu() .sigmoid() .exp() .log() "
                                  "may appear.")  # fmt: skip
        raise ExpressionError(
            f"`{ast.get_source_segment(self.source, node)}` cannot be part of the graph: use "
            "leaves, numbers, + − × ÷ **, and .tanh() .relu() .sigmoid() .exp() .log()."
        )


def plain_arithmetic(operator, left, right) -> float:
    """Arithmetic on numbers alone (2 * 3) is Python's: it makes no node."""
    return getattr(float(left), BINARY[type(operator)])(float(right))


def build(expression: str, leaves: dict[str, float]) -> Value:
    """The expression's output Value (its graph hangs from it)."""
    tree = parse(expression)
    try:
        out = Evaluator(expression.strip(), leaves).evaluate(tree)
    except ExpressionError:
        raise
    except (ValueError, ZeroDivisionError, OverflowError, TypeError) as error:
        raise ExpressionError(f"The expression cannot be computed here: {error}.") from None
    if not isinstance(out, Value):
        raise ExpressionError("The expression is a plain number, not a Value: use at least one "
                              "leaf, e.g. (a * b).tanh().")  # fmt: skip
    if not out.label:
        out.label = "out"
    return out


def local_derivatives(node: Value) -> list[tuple[Value, float]]:
    """∂node/∂input for each distinct input, from the node's own backward rule."""
    saved = {child: child.grad for child in node._children} | {node: node.grad}
    for child in node._children:
        child.grad = 0.0
    node.grad = 1.0
    node._backward()
    found = list({id(child): (child, child.grad) for child in node._children}.values())
    for value, grad in saved.items():
        value.grad = grad
    return found


def local_rule(node: Value, child: Value) -> dict:
    """Where ∂node/∂child comes from: the rule of node's operation (Value's docstrings), as text,
    and the values it uses, [name, value] pairs, for the page to print beside it."""
    op, inputs = node._op, node._children
    twice = len(inputs) == 2 and inputs[0] is inputs[1]  # a + a, a * a: both paths at once
    first = child is inputs[0]
    name = text_of(child)
    if op == "+":
        return rule("1 + 1" if twice else "1")
    if op == "-":
        return rule("1 − 1" if twice else "1" if first else "−1")
    if op == "neg":
        return rule("−1")
    if op == "*":
        if twice:
            return rule(f"2·{name}", [name, child.data])
        other = inputs[1] if first else inputs[0]
        return rule(f"{text_of(other)} (the other input)", [text_of(other), other.data])
    if op == "/" and not twice:
        top, bottom = inputs
        if first:
            return rule(f"1/{text_of(bottom)}", [text_of(bottom), bottom.data])
        return rule(f"−{text_of(top)}/{text_of(bottom)}²", [text_of(top), top.data],
                    [text_of(bottom), bottom.data])  # fmt: skip
    if op.startswith("**"):
        n = op[2:]
        return rule(f"{n}·{name}^({n} − 1)", [name, child.data])
    if op == "tanh":
        return rule("1 − out²", ["out", node.data])
    if op == "sigmoid":
        return rule("out·(1 − out)", ["out", node.data])
    if op == "exp":
        return rule("out", ["out", node.data])
    if op == "log":
        return rule(f"1/{name}", [name, child.data])
    if op == "relu":
        return rule(f"1 if {name} > 0, else 0", [name, child.data])
    return rule(f"the rule of {op}")


def rule(formula: str, *values: list) -> dict:
    return {"formula": formula, "values": [list(value) for value in values]}


def text_of(value: Value) -> str:
    return value.label or f"{value.data:g}"


def explore(settings: dict) -> dict:
    """The graph, and each step of its backward pass, for the page."""
    leaves = settings["leaves"]
    expression = settings["expression"]
    names = leaf_names(expression)
    missing = [name for name in names if name not in leaves]
    if missing:
        raise ExpressionError(f"`{missing[0]}` is not a leaf: give it a value.")
    out = build(expression, leaves)
    order = list(reversed(out.topological_order()))  # the order backward() visits the nodes
    for value in order:
        value.grad = 0.0
    out.grad = 1.0
    start = draw(out)
    steps = []
    received: dict[int, list[float]] = {}  # what each Value's grad is the sum of, so far
    for node in order:
        if not node._children:
            continue  # a leaf's backward rule does nothing
        upstream = node.grad
        derivatives = local_derivatives(node)
        node._backward()
        inputs = []
        for child, local in derivatives:
            received.setdefault(id(child), []).append(local * upstream)
            inputs.append(
                {
                    "label": text_of(child),
                    "local": local,
                    "rule": local_rule(node, child),
                    "adds": local * upstream,
                    "grad": child.grad,
                    "sum": list(received[id(child)]),
                }
            )
        steps.append(
            {
                "node": node.label,
                "operation": node._op,
                "upstream": upstream,
                "inputs": inputs,
                "svg": draw(out, highlight=node),
            }
        )
    grads = {value.label: value.grad for value in order if not value._children}
    return {
        "expression": expression,
        "title": f"Computational graph of {expression}",
        "value": out.data,
        "leaves": {name: grads[name] for name in names},
        "start_svg": start,
        "svg": draw(out),
        "steps": steps,
    }
