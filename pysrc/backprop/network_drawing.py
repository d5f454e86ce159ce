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

For a narrow column (a phone's) the drawing carries a second layout, `.narrow`, with the same
labels: the layers are rows, from the input at the top to the output at the bottom, each with
its labels above and below it (network_layout.py places both).
"""

from html import escape

from ._checks import positive_int
from .graph_drawing import HIGHLIGHT, INK, WIDEST_NARROW, SVGDrawing, _number
from .network import Network
from .network_layout import (
    FONT_SIZE,
    SMALL_FONT_SIZE,
    UNIT_RADIUS,
    Label,
    Layout,
    narrow_layout,
    wide_layout,
)

TEXT_FONT = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', sans-serif"
MATH_FONT = "'Latin Modern Math', 'STIX Two Math', 'Cambria Math', 'DejaVu Serif', serif"
SCRIPT_SIZE = "0.8em"  # sub- and superscripts: 11.2 px, still legible when a page shrinks it
EDGE_INK = "#9ca3af"
SHAPE_INK = "#4b5563"
INPUT_FILL = "#f3f4f6"
UNIT_FILL = "#e8eefb"
OUTPUT_FILL = "#fde8d7"
VALUE_POSITION = 0.28  # a weight's value sits this far along its line, from its input's end
# A white outline under the letters keeps them readable over crossing lines.
HALO = 'stroke="#ffffff" stroke-width="3.5" paint-order="stroke"'


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
    if title is None:
        title = f"A fully connected network with layer sizes {', '.join(map(str, sizes))}"
    texts = _layer_texts(sizes, activations)

    def render(layout):
        return SVGDrawing(_render(layout, title, labels, dense, show_values, highlighted))

    picture = render(wide_layout(sizes, texts, show_values))
    if picture_width(picture) > WIDEST_NARROW:
        picture.narrow = render(narrow_layout(sizes, texts, show_values))
    return picture


def picture_width(svg):
    return float(svg.split('width="', 1)[1].split('"', 1)[0])


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


def _layer_texts(sizes, activations):
    """The labels of each layer and gap, for a layout to place: per layer its name, symbol and
    shape, and its bias and activation; per gap (before layer l) W^[l] and its shape."""
    depth = len(sizes) - 1
    layers = []
    for layer, n in enumerate(sizes):
        if layer == 0:
            name, symbol = "input", _math_label("X = A", "[0]")
        elif layer == depth:
            name, symbol = f"layer {layer} (output)", _math_label("ŷ = A", f"[{layer}]")
        else:
            name, symbol = f"layer {layer} (hidden)", _math_label("A", f"[{layer}]")
        below = []
        if layer > 0:
            below.append(_math_label("b", f"[{layer}]", f" ({n},)"))
            if activations:
                below.append(_math_label("g", f"[{layer}]", f" = {activations[layer - 1]}"))
        layers.append(
            {
                "name": Label(escape(name), len(name), font="text"),
                "symbol": symbol,
                "shape": _shape_label(f"(N, {n})"),
                "below": below,
            }
        )
    gaps = [
        {
            "symbol": _math_label("W", f"[{layer}]"),
            "shape": _shape_label(f"({sizes[layer - 1]}, {sizes[layer]})"),
        }
        for layer in range(1, len(sizes))
    ]
    return {"layers": layers, "gaps": gaps}


def _math_label(base, sup, text=""):
    """Math with a superscript, then plain text: "b^[1] (4,)"."""
    markup = _math_markup(base, sup)
    if text:
        markup += f'<tspan font-family="{TEXT_FONT}">{escape(text)}</tspan>'
    return Label(markup, round(len(base) + 0.8 * len(sup) + len(text)))


def _shape_label(text):
    return Label(escape(text), len(text), font="text", shape=True)


def _render(layout: Layout, title, labels, dense, show_values, highlighted):
    width, height = layout.width, layout.height
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.1f} {height:.1f}" style="max-width: 100%; height: auto" '
        f'role="img" font-family="{TEXT_FONT}" font-size="{FONT_SIZE}" fill="{INK}">',
        f"<title>{escape(title)}</title>",
    ]
    depth = len(layout.units) - 1
    weights = [
        (layer, k, j, layout.edge(layer, k - 1, j - 1))
        for layer in range(1, depth + 1)
        for k in range(1, len(layout.units[layer - 1]) + 1)
        for j in range(1, len(layout.units[layer]) + 1)
    ]
    # Weights first, so the units are drawn over the ends of their lines.
    for layer, k, j, (x1, y1, x2, y2) in weights:
        if (layer, k, j) in highlighted:
            stroke = f'stroke="{HIGHLIGHT}" stroke-width="2.6"'
        else:
            stroke = f'stroke="{EDGE_INK}" stroke-width="1.2"'
        parts.append(
            f'<line class="weight" data-weight="W[{layer}]{k}{j}" x1="{x1:.1f}" y1="{y1:.1f}" '
            f'x2="{x2:.1f}" y2="{y2:.1f}" {stroke}/>'
        )
    for layer, k, j, (x1, y1, x2, y2) in weights:
        if show_values:
            t = _value_position(layout, layer, k, j)
            value = _number(dense[layer - 1].W[k - 1, j - 1], 2)
            parts.append(_halo_text(x1 + t * (x2 - x1), y1 + t * (y2 - y1), value))
        if (layer, k, j) in highlighted:
            t = 0.5 if not show_values else 0.62
            if layout.direction == "top to bottom":  # lines to neighbouring units run close:
                t += 0.12 if j % 2 else -0.12  # their names at different heights
            x, y = x1 + t * (x2 - x1), y1 + t * (y2 - y1) - 6
            parts.append(_math(x, y, "W", f"[{layer}]", f"{k}{j}", fill=HIGHLIGHT, halo=True))

    for layer, row in enumerate(layout.units):
        fill = INPUT_FILL if layer == 0 else OUTPUT_FILL if layer == depth else UNIT_FILL
        for j, (x, y) in enumerate(row):
            parts.append(
                f'<circle class="unit" cx="{x:.1f}" cy="{y:.1f}" r="{UNIT_RADIUS}" '
                f'fill="{fill}" stroke="{INK}" stroke-width="1.3"/>'
            )
            parts.append(_unit_label(x, y, labels[layer][j]))
            if show_values and layer > 0:
                bias = _number(dense[layer - 1].b[j], 2)
                parts.append(_halo_text(x, y + UNIT_RADIUS + 13, f"b {bias}", size=SMALL_FONT_SIZE))

    halo = layout.direction == "top to bottom"  # its labels cross the weights' lines
    for label, x, y, anchor in layout.labels:
        parts.append(_label(label, x, y, anchor, halo))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _value_position(layout, layer, k, j):
    """How far along its line a weight's value is written. Left to right, lines leave a unit
    one above the other, so one place fits all; top to bottom they leave side by side, so
    each line of a gap gets its own height."""
    if layout.direction == "left to right":
        return VALUE_POSITION
    n_in, n_out = len(layout.units[layer - 1]), len(layout.units[layer])
    order = (k - 1) * n_out + (j - 1)
    return 0.3 + 0.4 * order / max(1, n_in * n_out - 1)


def _label(label: Label, x, y, anchor, halo=False):
    if label.font == "math":
        return _wrap(x, y, label.markup, anchor=anchor, halo=halo)
    attributes = f'x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"'
    if label.shape:
        attributes += f' font-size="{SMALL_FONT_SIZE + 1}" fill="{SHAPE_INK}"'
    if halo:
        attributes += f" {HALO}"
    return f"<text {attributes}>{label.markup}</text>"


def _math(x, y, base, sup="", sub="", fill=None, halo=False):
    """A <text> with an italic base, a superscript (the layer, "[l]") and a subscript."""
    return _wrap(x, y, _math_markup(base, sup, sub), fill=fill, halo=halo)


def _math_markup(base, sup="", sub=""):
    """The tspans of _math, to combine with other text in one <text>.

    Sub- and superscripts are tspans shifted with dy, which every SVG renderer supports.
    """
    inner = f'<tspan font-style="italic">{escape(base)}</tspan>'
    if sup:
        inner += f'<tspan dy="-0.45em" font-size="{SCRIPT_SIZE}">{escape(sup)}</tspan>'
    if sub:
        shift = "0.75em" if sup else "0.3em"
        script = f'dy="{shift}" font-size="{SCRIPT_SIZE}" font-style="italic"'
        inner += f"<tspan {script}>{escape(sub)}</tspan>"
    return inner


def _wrap(x, y, inner, fill=None, halo=False, size=None, anchor="middle"):
    attributes = f'x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-family="{MATH_FONT}"'
    if fill:
        attributes += f' fill="{fill}"'
    if size:
        attributes += f' font-size="{size}"'
    if halo:
        attributes += f" {HALO}"
    return f"<text {attributes}>{inner}</text>"


def _unit_label(x, y, label):
    if isinstance(label, tuple):
        base, sub = label
        return _math(x - 2, y + 5, base, sub=sub)
    return _wrap(x, y + 5, escape(label), size=FONT_SIZE - 1)


def _halo_text(x, y, text, size=SMALL_FONT_SIZE):
    return (
        f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" font-size="{size}" '
        f'stroke="#ffffff" stroke-width="3" paint-order="stroke">{escape(text)}</text>'
    )
