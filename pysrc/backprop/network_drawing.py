"""draw_network(sizes or network): a fully connected network as an SVG picture.

The picture uses the book's notation (row batches, Z = A W + b):

    columns     one per layer, from the input A^[0] = X to the output A^[L] = ŷ
    circles     one per unit: x_k in the input, a_j in a hidden layer, ŷ_j in the output
    lines       one per weight: W^[l]_kj joins unit k of layer l−1 to unit j of layer l
    labels      above each column its symbol and shape, A^[l] (N, n_l); above each gap
                W^[l] (n_{l-1}, n_l); below each column b^[l] (n_l,) and its activation g

Like draw(), it is plain Python that returns an SVGDrawing, so a cell that ends with it
shows the picture, in the build and in the browser. Indices in the picture count from 1,
as in the formulas; numpy counts from 0, so W^[l]_kj is layer.W[k - 1, j - 1].
"""

from html import escape

from ._checks import positive_int
from .graph_drawing import HIGHLIGHT, INK, SVGDrawing, _number
from .network import Network

TEXT_FONT = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', sans-serif"
MATH_FONT = "'Latin Modern Math', 'STIX Two Math', 'Cambria Math', 'DejaVu Serif', serif"
FONT_SIZE = 14
SMALL_FONT_SIZE = 11
UNIT_RADIUS = 19
UNIT_SPACING = 60  # between the centres of two units of one layer
LAYER_SPACING = 190  # between the centres of two columns
LINE_HEIGHT = 18
MARGIN = 14
SIDE_MARGIN = 62  # room for a column's labels left of the first and right of the last
EDGE_INK = "#9ca3af"
INPUT_FILL = "#f3f4f6"
UNIT_FILL = "#e8eefb"
OUTPUT_FILL = "#fde8d7"
VALUE_POSITION = 0.28  # a weight's value sits this far along its line, from the left end


def draw_network(network, *, title=None, unit_labels=None, show_values=False, highlight=()):
    """A picture of a fully connected network, as a standalone SVG document.

    network: layer sizes [n_0, n_1, ..., n_L] (at least two), or a Network, whose
        sizes and activations are then shown.
    title: the picture's `<title>` (its text alternative); by default it names the sizes.
    unit_labels: optional names for the units, one list of strings per layer, input
        first (e.g. [["i1", "i2"], ["h1", "h2"], ["o1", "o2"]]); by default x_k, a_j, ŷ_j.
    show_values: with a Network, write each weight's value on its line and each bias
        under its unit (rounded to 2 decimals; meant for small networks).
    highlight: weights to draw in colour and label by name, as (l, k, j) triples for
        W^[l]_kj, counted from 1 like the formulas: unit k of layer l−1 to unit j of layer l.
    """
    sizes, activations, dense = _describe(network)
    if show_values and dense is None:
        raise ValueError("show_values needs a Network, whose weights it shows; got only sizes")
    labels = _unit_labels(sizes, unit_labels)
    highlighted = _highlights(sizes, highlight)
    depth = len(sizes) - 1

    top = MARGIN + 3 * LINE_HEIGHT + 12  # three lines of labels above the tallest column
    tallest = (max(sizes) - 1) * UNIT_SPACING
    column_x = [SIDE_MARGIN + layer * LAYER_SPACING for layer in range(len(sizes))]
    unit_y = [  # each column centred on the tallest one
        [
            top + UNIT_RADIUS + (tallest - (n - 1) * UNIT_SPACING) / 2 + j * UNIT_SPACING
            for j in range(n)
        ]
        for n in sizes
    ]
    bottom = top + 2 * UNIT_RADIUS + tallest + (26 if show_values else 10)  # room for biases
    below = 2 if activations else 1
    width = column_x[-1] + SIDE_MARGIN
    height = bottom + below * LINE_HEIGHT + MARGIN

    if title is None:
        title = f"A fully connected network with layer sizes {', '.join(map(str, sizes))}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.1f} {height:.1f}" style="max-width: 100%; height: auto" '
        f'role="img" font-family="{TEXT_FONT}" font-size="{FONT_SIZE}" fill="{INK}">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width:.1f}" height="{height:.1f}" fill="#ffffff"/>',
    ]

    # Weights first, so the units are drawn over the ends of their lines.
    for layer in range(1, depth + 1):
        for k, y1 in enumerate(unit_y[layer - 1], start=1):
            for j, y2 in enumerate(unit_y[layer], start=1):
                x1, x2 = column_x[layer - 1] + UNIT_RADIUS, column_x[layer] - UNIT_RADIUS
                name = f"W[{layer}]{k}{j}"
                if (layer, k, j) in highlighted:
                    stroke = f'stroke="{HIGHLIGHT}" stroke-width="2.6"'
                else:
                    stroke = f'stroke="{EDGE_INK}" stroke-width="1.2"'
                parts.append(
                    f'<line class="weight" data-weight="{name}" x1="{x1:.1f}" y1="{y1:.1f}" '
                    f'x2="{x2:.1f}" y2="{y2:.1f}" {stroke}/>'
                )
    for layer in range(1, depth + 1):
        for k, y1 in enumerate(unit_y[layer - 1], start=1):
            for j, y2 in enumerate(unit_y[layer], start=1):
                x1, x2 = column_x[layer - 1] + UNIT_RADIUS, column_x[layer] - UNIT_RADIUS
                if show_values:
                    t = VALUE_POSITION
                    value = _number(dense[layer - 1].W[k - 1, j - 1], 2)
                    parts.append(_halo_text(x1 + t * (x2 - x1), y1 + t * (y2 - y1), value))
                if (layer, k, j) in highlighted:
                    t = 0.5 if not show_values else 0.62
                    x, y = x1 + t * (x2 - x1), y1 + t * (y2 - y1) - 6
                    parts.append(
                        _math(x, y, "W", f"[{layer}]", f"{k}{j}", fill=HIGHLIGHT, halo=True)
                    )

    for layer, (x, ys) in enumerate(zip(column_x, unit_y, strict=True)):
        fill = INPUT_FILL if layer == 0 else OUTPUT_FILL if layer == depth else UNIT_FILL
        for j, y in enumerate(ys):
            parts.append(
                f'<circle class="unit" cx="{x:.1f}" cy="{y:.1f}" r="{UNIT_RADIUS}" '
                f'fill="{fill}" stroke="{INK}" stroke-width="1.3"/>'
            )
            parts.append(_unit_label(x, y, labels[layer][j]))
            if show_values and layer > 0:
                bias = _number(dense[layer - 1].b[j], 2)
                parts.append(_halo_text(x, y + UNIT_RADIUS + 13, f"b {bias}", size=SMALL_FONT_SIZE))

    parts += _column_labels(column_x, sizes)
    parts += _gap_labels(column_x, sizes)
    parts += _bias_labels(column_x, sizes, activations, bottom)
    parts.append("</svg>")
    return SVGDrawing("\n".join(parts) + "\n")


def _describe(network):
    """(sizes, activation names or None, layers or None) from a Network or a list of sizes."""
    if isinstance(network, Network):
        sizes = [network.layers[0].n_in] + [layer.n_out for layer in network.layers]
        return sizes, [layer.activation.name for layer in network.layers], network.layers
    try:
        sizes = [positive_int(n, "every layer size") for n in network]
    except TypeError:
        raise TypeError(
            f"draw_network takes a Network or a list of layer sizes, got {network!r}"
        ) from None
    if len(sizes) < 2:
        raise ValueError(f"a network needs at least an input and an output size, got {sizes}")
    return sizes, None, None


def _unit_labels(sizes, unit_labels):
    """One label per unit: a list of strings, or a (base, subscript) pair drawn as math."""
    if unit_labels is None:
        last = len(sizes) - 1
        bases = ["x"] + ["a"] * (last - 1) + ["ŷ"]
        return [[(bases[layer], str(j)) for j in range(1, n + 1)] for layer, n in enumerate(sizes)]
    unit_labels = [list(names) for names in unit_labels]
    found = [len(names) for names in unit_labels]
    if found != sizes:
        raise ValueError(f"unit_labels has {found} names per layer, but the sizes are {sizes}")
    return [[str(name) for name in names] for names in unit_labels]


def _highlights(sizes, highlight):
    chosen = set()
    for triple in highlight:
        layer, k, j = triple
        if not (1 <= layer < len(sizes) and 1 <= k <= sizes[layer - 1] and 1 <= j <= sizes[layer]):
            raise ValueError(
                f"highlight {triple!r} is not a weight W[l]kj of this network: l runs from 1 "
                f"to {len(sizes) - 1}, k over the units of layer l-1 and j over those of layer l "
                "(all counted from 1)"
            )
        chosen.add((layer, k, j))
    return chosen


def _column_labels(column_x, sizes):
    depth = len(sizes) - 1
    parts = []
    for layer, (x, n) in enumerate(zip(column_x, sizes, strict=True)):
        if layer == 0:
            name, symbol = "input", _math_markup("X = A", "[0]")
        elif layer == depth:
            name, symbol = f"layer {layer} (output)", _math_markup("ŷ = A", f"[{layer}]")
        else:
            name, symbol = f"layer {layer} (hidden)", _math_markup("A", f"[{layer}]")
        y = MARGIN + 0.75 * LINE_HEIGHT
        parts.append(f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle">{escape(name)}</text>')
        parts.append(_wrap(x, y + LINE_HEIGHT, symbol))
        parts.append(_shape_text(x, y + 2 * LINE_HEIGHT, f"(N, {n})"))
    return parts


def _gap_labels(column_x, sizes):
    parts = []
    y = MARGIN + 1.75 * LINE_HEIGHT
    for layer in range(1, len(sizes)):
        x = (column_x[layer - 1] + column_x[layer]) / 2
        parts.append(_math(x, y, "W", f"[{layer}]"))
        parts.append(_shape_text(x, y + LINE_HEIGHT, f"({sizes[layer - 1]}, {sizes[layer]})"))
    return parts


def _bias_labels(column_x, sizes, activations, bottom):
    parts = []
    for layer in range(1, len(sizes)):
        x, y = column_x[layer], bottom + 0.75 * LINE_HEIGHT
        bias = _math_markup("b", f"[{layer}]")
        parts.append(
            _wrap(x, y, f'{bias}<tspan font-family="{TEXT_FONT}"> ({sizes[layer]},)</tspan>')
        )
        if activations:
            g = _math_markup("g", f"[{layer}]")
            parts.append(
                _wrap(
                    x,
                    y + LINE_HEIGHT,
                    f'{g}<tspan font-family="{TEXT_FONT}"> = '
                    f"{escape(activations[layer - 1])}</tspan>",
                )
            )
    return parts


def _math(x, y, base, sup="", sub="", fill=None, halo=False):
    """A <text> with an italic base, a superscript (the layer, "[l]") and a subscript."""
    return _wrap(x, y, _math_markup(base, sup, sub), fill=fill, halo=halo)


def _math_markup(base, sup="", sub=""):
    """The tspans of _math, to combine with other text in one <text>.

    Sub- and superscripts are tspans shifted with dy, which every SVG renderer supports.
    """
    inner = f'<tspan font-style="italic">{escape(base)}</tspan>'
    if sup:
        inner += f'<tspan dy="-0.45em" font-size="0.72em">{escape(sup)}</tspan>'
    if sub:
        shift = "0.75em" if sup else "0.3em"
        inner += f'<tspan dy="{shift}" font-size="0.72em" font-style="italic">{escape(sub)}</tspan>'
    return inner


def _wrap(x, y, inner, fill=None, halo=False, size=None):
    attributes = f'x="{x:.1f}" y="{y:.1f}" text-anchor="middle" font-family="{MATH_FONT}"'
    if fill:
        attributes += f' fill="{fill}"'
    if size:
        attributes += f' font-size="{size}"'
    if halo:  # a white outline under the letters keeps them readable over crossing lines
        attributes += ' stroke="#ffffff" stroke-width="3.5" paint-order="stroke"'
    return f"<text {attributes}>{inner}</text>"


def _unit_label(x, y, label):
    if isinstance(label, tuple):
        base, sub = label
        return _math(x - 2, y + 5, base, sub=sub)
    return _wrap(x, y + 5, escape(label), size=FONT_SIZE - 1)


def _shape_text(x, y, text):
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" font-size="{SMALL_FONT_SIZE + 1}" '
        f'fill="#4b5563">{escape(text)}</text>'
    )


def _halo_text(x, y, text, size=SMALL_FONT_SIZE):
    return (
        f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" font-size="{size}" '
        f'stroke="#ffffff" stroke-width="3" paint-order="stroke">{escape(text)}</text>'
    )
