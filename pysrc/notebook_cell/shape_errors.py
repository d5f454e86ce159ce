"""numpy's shape errors in plain words, naming the arrays' shapes and what would fit.

numpy says `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature
(n?,k),(k,m?)->(n?,m?) (size 3 is different from 4)`. A learner needs to know which product
failed, the shapes of its two sides, which sizes clash, and which products would fit:

    `W @ X` is (5, 4) @ (3, 4): the inner sizes 4 and 3 differ (the left side's columns must
    match the right side's rows). Did you mean `W @ X.T` (shape (5, 3)) or `X @ W.T` (shape
    (3, 5))?

The expression is the instruction that raised (its position in the code, Python 3.11+), read from
a cell's own source (the cell runner keeps it in linecache). Its two sides are evaluated again
only when that changes nothing: names, attributes, subscripts, arithmetic, and calls of numpy's
and backprop's own functions (not numpy.random's); never a call of the reader's own functions.
In library code, whose source the browser's compiled wheels do not have, the sentence uses only
the sizes in numpy's message, so that the build and the browser say the same. Standard library
only: an array is anything with a `shape`.
"""

from __future__ import annotations

import ast
import linecache
import re
from dataclasses import dataclass

MATMUL_SHAPES = "matmul-shapes"
BROADCAST_SHAPES = "broadcast-shapes"

SHAPE = r"\(([\d, ]*)\)"
MATMUL = re.compile(
    r"matmul: Input operand \d has a mismatch in its core dimension \d.*"
    r"\(size (\d+) is different from (\d+)\)"
)
MATMUL_SCALAR = re.compile(r"matmul: Input operand \d does not have enough dimensions")
DOT = re.compile(rf"shapes {SHAPE} and {SHAPE} not aligned")
BROADCAST = re.compile(r"operands could not be broadcast together with (?:remapped )?shapes (.*)")
OUTPUT = re.compile(
    rf"non-broadcastable output operand with shape {SHAPE} doesn't match the "
    rf"broadcast shape {SHAPE}"
)
ASSIGNED = re.compile(rf"could not broadcast input array from shape {SHAPE} into shape {SHAPE}")
# The nodes an operand may have to be evaluated again: reading values, never calling anything.
READ_ONLY = (
    ast.Name,
    ast.Attribute,
    ast.Subscript,
    ast.Constant,
    ast.Slice,
    ast.Tuple,
    ast.Load,
    ast.UnaryOp,
    ast.USub,
)


@dataclass(frozen=True)
class ShapeError:
    """What went wrong, in words, and the id of the mistake (for an exercise's feedback)."""

    mistake: str
    explanation: str


@dataclass(frozen=True)
class Operand:
    text: str  # as the reader wrote it: "W", "layer.W", "X.T"
    shape: tuple[int, ...] | None  # None: not evaluated


def explain_shape_error(error: BaseException) -> ShapeError | None:
    """The plain-words explanation of a numpy shape or broadcasting error; None for others."""
    if not isinstance(error, ValueError):
        return None
    message = str(error)
    if MATMUL.search(message) or DOT.search(message):
        return ShapeError(MATMUL_SHAPES, explain_product(message, failing_operands(error)))
    if MATMUL_SCALAR.search(message):
        return ShapeError(
            MATMUL_SHAPES,
            "`@` is the matrix product: it needs an array on both "
            "sides, and one side here is a single number. Multiply by a number "
            "with `*`.",
        )
    if broadcast_shapes(message):
        return ShapeError(BROADCAST_SHAPES, explain_broadcast(message, failing_operands(error)))
    return None


def explain_product(message: str, operands) -> str:
    dot = DOT.search(message)
    if operands and operands[0].shape is not None and operands[1].shape is not None:
        left, right, _ = operands
    elif dot and operands:  # np.dot's message has the shapes the expression could not give
        left = Operand(operands[0].text, parse_shape(dot[1]))
        right = Operand(operands[1].text, parse_shape(dot[2]))
    elif dot:
        left, right = Operand("", parse_shape(dot[1])), Operand("", parse_shape(dot[2]))
    else:
        first, second = MATMUL.search(message).groups()
        return (
            f"A matrix product `@` failed: the inner sizes {second} and {first} differ. "
            "The left side's columns must match the right side's rows: (n, k) @ (k, m) "
            "gives (n, m)."
        )
    a, b = left.shape, right.shape
    inner = f"the inner sizes {a[-1]} and {b[-2] if len(b) > 1 else b[0]} differ"
    named = f"`{left.text} @ {right.text}` is " if left.text else "The matrix product is "
    sentence = (
        f"{named}{shape_text(a)} @ {shape_text(b)}: {inner} (the left side's columns must "
        "match the right side's rows)."
    )
    if not left.text:
        return sentence
    fits = products_that_fit(left, right)
    if fits:
        return f"{sentence} Did you mean {' or '.join(fits)}?"
    return f"{sentence} Write down the shape each side needs: (n, k) @ (k, m) gives (n, m)."


def products_that_fit(left: Operand, right: Operand) -> list[str]:
    """Products of the same two arrays (transposed, or in the other order) whose sizes match."""
    a, b = left.shape, right.shape
    candidates = []
    if len(b) == 2:
        candidates.append((left, transposed(right)))
    if len(a) == 2:
        candidates.append((transposed(left), right))
    candidates.append((right, left))
    fits = []
    for first, second in candidates:
        shape = product_shape(first.shape, second.shape)
        if shape is not None:
            fits.append(f"`{first.text} @ {second.text}` (shape {shape_text(shape)})")
    if a == b:  # the same shape: most likely `*` was meant
        fits.insert(0, f"`{left.text} * {right.text}` (entry by entry)")
    return fits


def product_shape(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...] | None:
    """The shape of a @ b for 1-D and 2-D shapes, or None if the inner sizes differ."""
    if not a or not b or len(a) > 2 or len(b) > 2:
        return None
    if a[-1] != (b[0] if len(b) == 1 else b[-2]):
        return None
    return a[:-1] + b[1:] if len(b) == 2 else a[:-1]


def transposed(operand: Operand) -> Operand:
    text = operand.text
    if text.endswith(".T"):
        text = text.removesuffix(".T")
    elif re.fullmatch(r"[\w.]+(\([^()]*\))?", text):  # a name, an attribute, or a call of one
        text += ".T"
    else:
        text = f"({text}).T"
    return Operand(text, operand.shape[::-1])


def explain_broadcast(message: str, operands) -> str:
    stored = OUTPUT.search(message) or ASSIGNED.search(message)
    if stored:
        target, result = parse_shape(stored[1]), parse_shape(stored[2])
        if ASSIGNED.search(message):
            target, result = result, target
        named = (
            f"`{operands[0].text}`, of shape {shape_text(target)}"
            if operands
            else (f"an array of shape {shape_text(target)}")
        )
        return (
            f"The result has shape {shape_text(result)} and cannot be stored in {named}: an "
            "in-place operation (`+=`, `-=`, ...) or an assignment into a slice keeps the "
            "array's shape."
        )
    a, b = broadcast_shapes(message)[:2]
    clash = next(
        ((x, y) for x, y in zip(a[::-1], b[::-1], strict=False) if x != y and 1 not in (x, y)),
        None,
    )
    named = (
        f"`{operands[0].text} {operands[2]} {operands[1].text}` combines"
        if operands
        else "An operation entry by entry combines"
    )
    sentence = (
        f"{named} shapes {shape_text(a)} and {shape_text(b)} entry by entry. numpy lines the "
        "shapes up from the right, and each pair of sizes must be equal or 1"
    )
    sentence += f": here {clash[0]} and {clash[1]} clash." if clash else "."
    if len(a) == 1 and len(b) == 1:
        column = f"`{operands[0].text}[:, None]`" if operands else "`[:, None]`"
        sentence += (
            f" For every product of an entry of one with an entry of the other, make one of "
            f"them a column with {column}: the result then has shape ({a[0]}, {b[0]})."
        )
    elif len(a) == 2 and a == b[::-1]:
        sentence += " One side has the other's shape transposed: is a .T missing or extra?"
    elif len(a) == 2 and len(b) == 1 and a[0] == b[0]:
        sentence += (
            f" To use one number per row, make the 1-D side a column of shape ({b[0]}, 1) "
            "with [:, None]."
        )
    return sentence


def broadcast_shapes(message: str) -> list[tuple[int, ...]] | None:
    for pattern in (OUTPUT, ASSIGNED):
        match = pattern.search(message)
        if match:
            return [parse_shape(match[1]), parse_shape(match[2])]
    match = BROADCAST.search(message)
    if not match:
        return None
    # "(3,) (4,)" or, for remapped shapes, "[original->remapped]: (3,)->(3,newaxis) ...".
    shapes = [parse_shape(found) for found in re.findall(SHAPE, match[1].split("]:")[-1])]
    return shapes if len(shapes) >= 2 else None


def parse_shape(text: str) -> tuple[int, ...]:
    return tuple(int(size) for size in re.findall(r"\d+", text))


def shape_text(shape: tuple[int, ...]) -> str:
    return f"({shape[0]},)" if len(shape) == 1 else f"({', '.join(map(str, shape))})"


def failing_operands(error: BaseException):
    """The two sides of the expression that raised, read from a cell's source, or None.

    For `a @ b`, `a * b` and the like: (left, right, operator); for np.dot(a, b) and
    np.matmul(a, b): (first, second, "@"); for `a += b`: (a, b, "+=").
    """
    traceback = error.__traceback__
    if traceback is None:
        return None
    while traceback.tb_next is not None:
        traceback = traceback.tb_next
    frame = traceback.tb_frame
    text = failing_text(frame.f_code, traceback.tb_lasti)
    if text is None:
        return None
    try:
        statement = ast.parse(text.strip()).body[0]
    except (SyntaxError, IndexError):
        return None
    node = statement.value if isinstance(statement, ast.Expr) else statement
    if isinstance(node, ast.BinOp):
        sides, symbol = (node.left, node.right), operator_symbol(node.op)
    elif isinstance(node, ast.AugAssign):
        sides, symbol = (node.target, node.value), operator_symbol(node.op) + "="
    elif (
        isinstance(node, ast.Call)
        and len(node.args) == 2
        and not node.keywords
        and (ast.unparse(node.func).rsplit(".", 1)[-1] in {"dot", "matmul"})
    ):
        sides, symbol = tuple(node.args), "@"
    else:
        return None
    left, right = (Operand(ast.unparse(side), shape_of(side, frame)) for side in sides)
    return left, right, symbol


def failing_text(code, last_instruction: int) -> str | None:
    """The source of the instruction that raised, if it is in a cell (not library code)."""
    filename = code.co_filename
    cached = linecache.cache.get(filename)
    if not filename.startswith("<") or not cached or cached[1] is not None:
        return None  # only the cells' own sources, which the cell runner puts in linecache
    positions = list(code.co_positions())
    index = last_instruction // 2
    if index >= len(positions) or None in positions[index]:
        return None
    line, end_line, column, end_column = positions[index]
    lines = [text.encode() for text in cached[2][line - 1 : end_line]]
    if not lines:
        return None
    # Column offsets count UTF-8 bytes.
    if len(lines) == 1:
        return lines[0][column:end_column].decode(errors="replace")
    lines[0], lines[-1] = lines[0][column:], lines[-1][:end_column]
    return b"".join(lines).decode(errors="replace")


def shape_of(node: ast.expr, frame) -> tuple[int, ...] | None:
    """The shape of the operand `node` evaluated again in `frame`, if that has no side effects."""
    if not evaluable(node, frame):
        return None
    try:
        value = eval(
            compile(ast.Expression(node), "<operand>", "eval"), frame.f_globals, frame.f_locals
        )
        return tuple(int(size) for size in value.shape)
    except Exception:  # noqa: BLE001 - no shape to show: the sentence does without it
        return None


def evaluable(node: ast.expr, frame) -> bool:
    """Only reads (names, attributes, subscripts), arithmetic, and calls of numpy's and
    backprop's own functions (not numpy.random's): evaluating it again changes nothing."""
    for part in ast.walk(node):
        if isinstance(part, ast.Call):
            if not pure_function(part.func, frame):
                return False
        elif not isinstance(part, READ_ONLY + (ast.BinOp, ast.operator, ast.keyword)):
            return False
    return True


def pure_function(function: ast.expr, frame) -> bool:
    if not all(isinstance(part, READ_ONLY) for part in ast.walk(function)):
        return False
    try:
        callee = eval(
            compile(ast.Expression(function), "<operand>", "eval"), frame.f_globals, frame.f_locals
        )
    except Exception:  # noqa: BLE001 - not a function we can vouch for
        return False
    module = (
        getattr(callee, "__module__", None) or type(getattr(callee, "__self__", None)).__module__
    )
    module = module or ""
    return module.partition(".")[0] in {"numpy", "backprop"} and not module.startswith(
        "numpy.random"
    )


def operator_symbol(operator: ast.operator) -> str:
    symbols = {
        ast.MatMult: "@",
        ast.Mult: "*",
        ast.Add: "+",
        ast.Sub: "-",
        ast.Div: "/",
        ast.Pow: "**",
        ast.FloorDiv: "//",
        ast.Mod: "%",
    }
    return symbols.get(type(operator), "?")
