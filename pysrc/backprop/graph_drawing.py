"""draw(value): a picture of the computational graph behind a Value, as SVG.

Each Value is a box showing its label, data and grad; each operation is a small circle
with its symbol; arrows run left to right, from inputs to outputs. The layout is plain
Python (no Graphviz), so it runs anywhere the module does, the browser included:

1. Columns by depth: an operation sits one column right of its deepest input, and the
   Value it makes one column further; a leaf sits just left of its first use.
2. Rows: a few sweeps move every node toward the mean height of its neighbours,
   then push apart nodes that would overlap.
"""

from html import escape

FONT_FAMILY = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace"
FONT_SIZE = 14
SMALL_FONT_SIZE = 12
CHAR_WIDTH = 0.6  # a monospace glyph is about 0.6 em wide
LINE_HEIGHT = 18
PADDING = 8
OP_RADIUS = 16
COLUMN_GAP = 34
ROW_GAP = 16
MARGIN = 10
INK = "#1f2937"
GRAD_INK = "#a3271b"
OP_FILL = "#e8eefb"
HIGHLIGHT = "#c2410c"  # the highlighted node: 5.2:1 on white, and not the grad's red
SYMBOLS = {"+": "+", "-": "−", "*": "×", "/": "÷", "neg": "−", "sigmoid": "σ"}


class SVGDrawing(str):
    """A complete SVG document in a str; notebooks and the book show it as a picture."""

    def _repr_svg_(self):
        return self


class _Node:
    """A box (for a Value) or a circle (for an operation) with its place in the picture."""

    def __init__(self, kind, width, height):
        self.kind, self.width, self.height = kind, width, height
        self.column = 0
        self.x = self.y = 0.0  # centre, set by the layout
        self.inputs, self.outputs = [], []


def draw(value, highlight=None):
    """The computational graph that produced `value`, as a standalone SVG document.

    highlight: one Value of the graph to pick out (its box, its operation and the arrows into
    it), e.g. the node whose backward rule runs in a step-by-step walk of backward().
    """
    values = value.topological_order()  # every input before the Values computed from it
    boxes = {v: _Node("value", *_box_size(v)) for v in values}
    circles = {}
    for v in values:
        if v._children:
            op = circles[v] = _Node("op", *_circle_size(v._op))
            op.inputs = list({id(c): boxes[c] for c in v._children}.values())  # a*a: one edge
            op.outputs = [boxes[v]]
            boxes[v].inputs = [op]
            for box in op.inputs:
                box.outputs.append(op)
    _assign_columns(values, boxes, circles)
    columns = _group_by_column([*boxes.values(), *circles.values()])
    _assign_rows(columns)
    if highlight is not None and highlight not in boxes:
        raise ValueError("highlight must be a Value of the graph being drawn")
    return SVGDrawing(_render(values, boxes, circles, columns, value.label, highlight))


def _box_size(v):
    width = max(len(line) for line in _box_lines(v)) * CHAR_WIDTH * FONT_SIZE + 2 * PADDING
    return width, len(_box_lines(v)) * LINE_HEIGHT + PADDING


def _box_lines(v):
    numbers = [f"data {_number(v.data)}", f"grad {_number(v.grad)}"]
    return [v.label, *numbers] if v.label else numbers


def _number(x, digits=4):
    """x with `digits` decimals, and never a minus sign on a printed zero."""
    text = f"{x:.{digits}f}"
    return text.removeprefix("-") if float(text) == 0 else text


def _symbol(op):
    return SYMBOLS.get(op, op)


def _circle_size(op):
    symbol = _symbol(op)
    size = FONT_SIZE if len(symbol) == 1 else SMALL_FONT_SIZE
    radius = max(OP_RADIUS, len(symbol) * CHAR_WIDTH * size / 2 + 6)
    return 2 * radius, 2 * radius


def _assign_columns(values, boxes, circles):
    """Even columns hold Values, odd columns operations; depth counts operations."""
    depth = {}
    for v in values:  # inputs first, so their depth is known
        depth[v] = 1 + max(depth[c] for c in v._children) if v._children else 0
    first_use = {}
    for v in values:
        for child in v._children:
            first_use[child] = min(first_use.get(child, depth[v]), depth[v])
    for v in values:  # a leaf moves right, next to its first use
        if not v._children and v in first_use:
            depth[v] = first_use[v] - 1
    for v in values:
        boxes[v].column = 2 * depth[v]
        if v in circles:
            circles[v].column = 2 * depth[v] - 1


def _group_by_column(nodes):
    columns = [[] for _ in range(1 + max(node.column for node in nodes))]
    for node in nodes:
        columns[node.column].append(node)
    return columns


def _assign_rows(columns):
    for column in columns:  # start stacked in topological order
        _place(column, [0.0] * len(column))
    for _ in range(3):  # right to left (leaves follow their uses), then left to right
        for column in reversed(columns):
            _place(column, [_mean_y(node.outputs, node.y) for node in column])
        for column in columns:
            _place(column, [_mean_y(node.inputs, node.y) for node in column])
    top = min(node.y - node.height / 2 for column in columns for node in column)
    for column in columns:
        for node in column:
            node.y += MARGIN - top


def _mean_y(neighbours, default):
    return sum(n.y for n in neighbours) / len(neighbours) if neighbours else default


def _place(column, wanted):
    """Put each node as near its wanted height as possible without overlaps."""
    order = sorted(range(len(column)), key=lambda i: wanted[i])  # stable: ties keep order
    column[:] = [column[i] for i in order]
    wanted = [wanted[i] for i in order]
    for i, node in enumerate(column):
        node.y = wanted[i]
        if i > 0:
            above = column[i - 1]
            node.y = max(node.y, above.y + (above.height + node.height) / 2 + ROW_GAP)
    shift = sum(wanted) / len(column) - sum(node.y for node in column) / len(column)
    for node in column:
        node.y += shift


def _render(values, boxes, circles, columns, title, highlight=None):
    left = MARGIN
    x_centre = []
    for column in columns:
        width = max((node.width for node in column), default=0.0)
        x_centre.append(left + width / 2)
        left += width + COLUMN_GAP
    for column, x in zip(columns, x_centre, strict=True):
        for node in column:
            node.x = x
    width = left - COLUMN_GAP + MARGIN
    height = max(node.y + node.height / 2 for column in columns for node in column) + MARGIN

    heading = f"Computational graph of {title}" if title else "Computational graph"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.1f} {height:.1f}" style="max-width: 100%; height: auto" '
        f'role="img" font-family="{FONT_FAMILY}" font-size="{FONT_SIZE}" fill="{INK}">',
        f"<title>{escape(heading)}</title>",
        f'<rect width="{width:.1f}" height="{height:.1f}" fill="#ffffff"/>',
    ]
    picked = {boxes[highlight], circles.get(highlight)} if highlight is not None else set()
    for node in [*boxes.values(), *circles.values()]:
        for target in node.outputs:
            parts.append(_arrow(node, target, target in picked))
    for v, op in circles.items():
        parts.append(_circle(op, _symbol(v._op), op in picked))
    for v in values:
        parts.append(_box(boxes[v], v, v is highlight))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _arrow(source, target, picked=False):
    x1, y1 = source.x + source.width / 2, source.y
    x2, y2 = target.x - target.width / 2, target.y
    bend = (x2 - x1) / 2
    ink, width = (HIGHLIGHT, 2.6) if picked else ("#6b7280", 1.3)
    return (
        f'<path d="M{x1:.1f},{y1:.1f} C{x1 + bend:.1f},{y1:.1f} {x2 - bend:.1f},{y2:.1f} '
        f'{x2 - 6:.1f},{y2:.1f}" fill="none" stroke="{ink}" stroke-width="{width}"/>'
        f'<path d="M{x2:.1f},{y2:.1f} l-7,-4 v8 z" fill="{ink}"/>'
    )


def _circle(node, symbol, picked=False):
    size = FONT_SIZE if len(symbol) == 1 else SMALL_FONT_SIZE
    stroke = f'stroke="{HIGHLIGHT}" stroke-width="3"' if picked else f'stroke="{INK}"'
    return (
        f'<circle cx="{node.x:.1f}" cy="{node.y:.1f}" r="{node.width / 2:.1f}" '
        f'fill="{OP_FILL}" {stroke}/>'
        f'<text x="{node.x:.1f}" y="{node.y + 0.35 * size:.1f}" font-size="{size}" '
        f'text-anchor="middle">{escape(symbol)}</text>'
    )


def _box(node, v, picked=False):
    x, top = node.x - node.width / 2, node.y - node.height / 2
    stroke = f'stroke="{HIGHLIGHT}" stroke-width="3"' if picked else f'stroke="{INK}"'
    parts = [
        f'<rect x="{x:.1f}" y="{top:.1f}" width="{node.width:.1f}" height="{node.height:.1f}" '
        f'rx="4" fill="#ffffff" {stroke}/>'
    ]
    baseline = top + PADDING / 2 + LINE_HEIGHT / 2 + 0.35 * FONT_SIZE
    for line in _box_lines(v):
        if line is v.label:
            parts.append(
                f'<text x="{node.x:.1f}" y="{baseline:.1f}" text-anchor="middle" '
                f'font-weight="bold">{escape(line)}</text>'
            )
        else:
            ink = GRAD_INK if line.startswith("grad") else INK
            parts.append(
                f'<text x="{x + PADDING:.1f}" y="{baseline:.1f}" fill="{ink}">{escape(line)}</text>'
            )
        baseline += LINE_HEIGHT
    return "".join(parts)
