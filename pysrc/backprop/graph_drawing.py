"""draw(value): a picture of the computational graph behind a Value, as SVG.

Each Value is a box showing its label, data and grad; each operation is a small circle
with its symbol; arrows run from inputs to outputs, left to right, or top to bottom when a
graph is too deep to be read left to right in the width a page gives it. The layout is plain
Python (no Graphviz), so it runs anywhere the module does, the browser included:

1. Layers by depth: an operation sits one layer after its deepest input, and the Value it
   makes one layer further; a leaf sits just before its first use.
2. Places within a layer: a few sweeps move every node toward the mean place of its
   neighbours, then push apart nodes that would overlap.

The drawing also carries a layout for a narrow column (`SVGDrawing.narrow`, e.g. a phone's):
there, text must not shrink below what can be read.
"""

from html import escape

FONT_FAMILY = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace"
FONT_SIZE = 14  # every text of the picture: box lines and operation symbols alike
CHAR_WIDTH = 0.6  # a monospace glyph is about 0.6 em wide
LINE_HEIGHT = 18
PADDING = 6
OP_RADIUS = 16
LAYER_GAP = 34  # between two layers, room for the arrows
NODE_GAP = 10  # between two nodes of one layer
MARGIN = 10
INK = "#1f2937"
GRAD_INK = "#a3271b"
EDGE_INK = "#6b7280"
OP_FILL = "#e8eefb"
BOX_FILL = "#ffffff"
HIGHLIGHT = "#c2410c"  # the highlighted node: 5.2:1 on white, and not the grad's red
SYMBOLS = {"+": "+", "-": "−", "*": "×", "/": "÷", "neg": "−", "sigmoid": "σ"}
# How wide a picture may be and still show its 14 px text at a readable size when it is
# scaled down to fit a column: 11 px in a desktop page's column of about 660 px, 9 px in a
# phone's of about 325 px. The background is transparent: the page's colour shows through.
WIDEST = 840
WIDEST_NARROW = 500
LEFT_TO_RIGHT, TOP_TO_BOTTOM = "left to right", "top to bottom"


class SVGDrawing(str):
    """A complete SVG document in a str; notebooks and the book show it as a picture.

    narrow: the same picture laid out for a narrow column, or None when this one fits.
    """

    narrow = None

    def _repr_svg_(self):
        return self


class _Node:
    """A box (for a Value) or a circle (for an operation) with its place in the picture."""

    def __init__(self, kind, width, height):
        self.kind, self.width, self.height = kind, width, height
        self.layer = 0
        self.x = self.y = 0.0  # centre, set by the layout
        self.inputs, self.outputs = [], []


def draw(value, highlight=None):
    """The computational graph that produced `value`, as a standalone SVG document.

    highlight: one Value of the graph to pick out (its box, its operation and the arrows into
    it), e.g. the node whose backward rule runs in a step-by-step walk of backward().

    The arrows run left to right when the picture then fits a desktop page's column, else top
    to bottom if that is narrower; `.narrow` holds the layout for a phone's column when it
    differs.
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
    if highlight is not None and highlight not in boxes:
        raise ValueError("highlight must be a Value of the graph being drawn")
    _assign_layers(values, boxes, circles)
    layers = _group_by_layer([*boxes.values(), *circles.values()])
    widths = {
        direction: _layout(layers, direction)[0] for direction in (TOP_TO_BOTTOM, LEFT_TO_RIGHT)
    }

    def drawing(widest):
        fits = widths[LEFT_TO_RIGHT] <= widest or widths[LEFT_TO_RIGHT] <= widths[TOP_TO_BOTTOM]
        direction = LEFT_TO_RIGHT if fits else TOP_TO_BOTTOM
        size = _layout(layers, direction)
        svg = _render(values, boxes, circles, value.label, highlight, direction, size)
        return direction, SVGDrawing(svg)

    direction, picture = drawing(WIDEST)
    narrow_direction, narrow = drawing(WIDEST_NARROW)
    if narrow_direction != direction:
        picture.narrow = narrow
    return picture


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
    radius = max(OP_RADIUS, len(_symbol(op)) * CHAR_WIDTH * FONT_SIZE / 2 + 6)
    return 2 * radius, 2 * radius


def _assign_layers(values, boxes, circles):
    """Even layers hold Values, odd layers operations; depth counts operations."""
    depth = {}
    for v in values:  # inputs first, so their depth is known
        depth[v] = 1 + max(depth[c] for c in v._children) if v._children else 0
    first_use = {}
    for v in values:
        for child in v._children:
            first_use[child] = min(first_use.get(child, depth[v]), depth[v])
    for v in values:  # a leaf moves on, next to its first use
        if not v._children and v in first_use:
            depth[v] = first_use[v] - 1
    for v in values:
        boxes[v].layer = 2 * depth[v]
        if v in circles:
            circles[v].layer = 2 * depth[v] - 1


def _group_by_layer(nodes):
    layers = [[] for _ in range(1 + max(node.layer for node in nodes))]
    for node in nodes:
        layers[node.layer].append(node)
    return layers


def _layout(layers, direction):
    """Place every node for `direction`; return the picture's (width, height).

    Along a layer nodes are placed by their extent across the arrows (height left to right,
    width top to bottom); layers follow each other by their extent along the arrows."""
    across, along = ("height", "width") if direction == LEFT_TO_RIGHT else ("width", "height")
    layers = [list(layer) for layer in layers]  # each layout starts from the same order
    place = {}
    for layer in layers:  # start stacked in topological order
        _place(layer, [0.0] * len(layer), across, place)
    for _ in range(3):  # backwards (leaves follow their uses), then forwards
        for layer in reversed(layers):
            _place(
                layer, [_mean(node.outputs, place, place[node]) for node in layer], across, place
            )
        for layer in layers:
            _place(layer, [_mean(node.inputs, place, place[node]) for node in layer], across, place)
    first = min(place[node] - getattr(node, across) / 2 for layer in layers for node in layer)
    extent_across = 0.0
    for layer in layers:
        for node in layer:
            place[node] += MARGIN - first
            extent_across = max(extent_across, place[node] + getattr(node, across) / 2)
    start = MARGIN
    for layer in layers:
        thickness = max((getattr(node, along) for node in layer), default=0.0)
        for node in layer:
            centre = start + thickness / 2
            node.x, node.y = (
                (centre, place[node]) if direction == LEFT_TO_RIGHT else (place[node], centre)
            )
        start += thickness + LAYER_GAP
    extent_along = start - LAYER_GAP + MARGIN
    extent_across += MARGIN
    if direction == LEFT_TO_RIGHT:
        return extent_along, extent_across
    return extent_across, extent_along


def _mean(neighbours, place, default):
    return sum(place[n] for n in neighbours) / len(neighbours) if neighbours else default


def _place(layer, wanted, across, place):
    """Put each node as near its wanted place as possible without overlaps."""
    order = sorted(range(len(layer)), key=lambda i: wanted[i])  # stable: ties keep order
    layer[:] = [layer[i] for i in order]
    wanted = [wanted[i] for i in order]
    for i, node in enumerate(layer):
        place[node] = wanted[i]
        if i > 0:
            before = layer[i - 1]
            gap = (getattr(before, across) + getattr(node, across)) / 2 + NODE_GAP
            place[node] = max(place[node], place[before] + gap)
    shift = sum(wanted) / len(layer) - sum(place[node] for node in layer) / len(layer)
    for node in layer:
        place[node] += shift


def _render(values, boxes, circles, title, highlight, direction, size):
    width, height = size
    heading = f"Computational graph of {title}" if title else "Computational graph"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.1f} {height:.1f}" style="max-width: 100%; height: auto" '
        f'role="img" font-family="{FONT_FAMILY}" font-size="{FONT_SIZE}" fill="{INK}">',
        f"<title>{escape(heading)}</title>",
    ]
    picked = {boxes[highlight], circles.get(highlight)} if highlight is not None else set()
    for node in [*boxes.values(), *circles.values()]:
        for target in node.outputs:
            parts.append(_arrow(node, target, direction, target in picked))
    for v, op in circles.items():
        parts.append(_circle(op, _symbol(v._op), op in picked))
    for v in values:
        parts.append(_box(boxes[v], v, v is highlight))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _arrow(source, target, direction, picked=False):
    """A curve from the source's far side to the target's near side, with an arrowhead."""
    ink, width = (HIGHLIGHT, 2.6) if picked else (EDGE_INK, 1.3)
    if direction == LEFT_TO_RIGHT:
        x1, y1 = source.x + source.width / 2, source.y
        x2, y2 = target.x - target.width / 2, target.y
        bend = (x2 - x1) / 2
        curve = f"C{x1 + bend:.1f},{y1:.1f} {x2 - bend:.1f},{y2:.1f} {x2 - 6:.1f},{y2:.1f}"
        head = f"M{x2:.1f},{y2:.1f} l-7,-4 v8 z"
    else:
        x1, y1 = source.x, source.y + source.height / 2
        x2, y2 = target.x, target.y - target.height / 2
        bend = (y2 - y1) / 2
        curve = f"C{x1:.1f},{y1 + bend:.1f} {x2:.1f},{y2 - bend:.1f} {x2:.1f},{y2 - 6:.1f}"
        head = f"M{x2:.1f},{y2:.1f} l-4,-7 h8 z"
    return (
        f'<path d="M{x1:.1f},{y1:.1f} {curve}" fill="none" stroke="{ink}" '
        f'stroke-width="{width}"/><path d="{head}" fill="{ink}"/>'
    )


def _circle(node, symbol, picked=False):
    stroke = f'stroke="{HIGHLIGHT}" stroke-width="3"' if picked else f'stroke="{INK}"'
    return (
        f'<circle cx="{node.x:.1f}" cy="{node.y:.1f}" r="{node.width / 2:.1f}" '
        f'fill="{OP_FILL}" {stroke}/>'
        f'<text x="{node.x:.1f}" y="{node.y + 0.35 * FONT_SIZE:.1f}" '
        f'text-anchor="middle">{escape(symbol)}</text>'
    )


def _box(node, v, picked=False):
    x, top = node.x - node.width / 2, node.y - node.height / 2
    stroke = f'stroke="{HIGHLIGHT}" stroke-width="3"' if picked else f'stroke="{INK}"'
    parts = [
        f'<rect x="{x:.1f}" y="{top:.1f}" width="{node.width:.1f}" height="{node.height:.1f}" '
        f'rx="4" fill="{BOX_FILL}" {stroke}/>'
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
