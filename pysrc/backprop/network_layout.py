"""Where draw_network puts things: two layouts of one network picture.

wide_layout      the layers are columns, from the input on the left to the output on the
                 right; each column's labels above it, its bias and activation below it, each
                 weight matrix's name above its gap. Up to about 660 px wide: a desktop page
                 shows it at full size.
narrow_layout    the layers are rows, from the input at the top to the output at the bottom,
                 each row's labels on the line above it and its bias and activation on the
                 line below; for a phone's column, about 300 px. Weight lines cross those
                 lines, so the labels have a halo.

Both give a Layout: each unit's centre, each label's place and the picture's size.
"""

from dataclasses import dataclass, field

FONT_SIZE = 14
SMALL_FONT_SIZE = 11
CHAR_WIDTH = 0.55  # an average glyph of the text and math fonts, in em
UNIT_RADIUS = 19
UNIT_SPACING = 60  # between the centres of two units of one layer (left to right)
NARROW_UNIT_SPACING = 52  # (top to bottom)
LAYER_SPACING = 190  # between the centres of two columns, at most
LEAST_LAYER_SPACING = 130  # and at least: the widest column label, "layer 2 (hidden)"
WIDE_WIDTH = 660
LINE_HEIGHT = 18
MARGIN = 14
SIDE_MARGIN = 62  # room for a column's labels left of the first and right of the last
LABEL_GAP = 10  # between two labels on one line
ROW_GAP = 84  # between the line under one row and the line over the next: weights and W's label
VALUE_GAP = 22  # with weights' values written on their lines: this much per line of a gap


@dataclass
class Label:
    """A label's SVG markup (text and tspans) and about how many glyphs wide it is."""

    markup: str
    chars: int
    font: str = "math"  # "math" or "text"
    shape: bool = False  # a shape, "(N, 4)": small and grey

    @property
    def width(self):
        return self.chars * CHAR_WIDTH * (SMALL_FONT_SIZE + 1 if self.shape else FONT_SIZE)


@dataclass
class Layout:
    direction: str  # "left to right" or "top to bottom"
    units: list  # per layer, each unit's centre (x, y)
    labels: list = field(default_factory=list)  # (Label, x, y, text-anchor)
    width: float = 0.0
    height: float = 0.0

    def edge(self, layer, k, j):
        """The line of W^[layer]_kj (from 0): from unit k of the layer before to unit j."""
        (x1, y1), (x2, y2) = self.units[layer - 1][k], self.units[layer][j]
        if self.direction == "left to right":
            return x1 + UNIT_RADIUS, y1, x2 - UNIT_RADIUS, y2
        return x1, y1 + UNIT_RADIUS, x2, y2 - UNIT_RADIUS


def wide_layout(sizes, texts, show_values):
    depth = len(sizes) - 1
    spacing = (WIDE_WIDTH - 2 * SIDE_MARGIN) / depth
    spacing = max(LEAST_LAYER_SPACING, min(LAYER_SPACING, spacing))
    top = MARGIN + 3 * LINE_HEIGHT + 12  # three lines of labels above the tallest column
    tallest = (max(sizes) - 1) * UNIT_SPACING
    column_x = [SIDE_MARGIN + layer * spacing for layer in range(len(sizes))]
    units = [  # each column centred on the tallest one
        [
            (x, top + UNIT_RADIUS + (tallest - (n - 1) * UNIT_SPACING) / 2 + j * UNIT_SPACING)
            for j in range(n)
        ]
        for x, n in zip(column_x, sizes, strict=True)
    ]
    layout = Layout("left to right", units)
    y = MARGIN + 0.75 * LINE_HEIGHT
    for x, labels in zip(column_x, texts["layers"], strict=True):
        for line, name in enumerate(("name", "symbol", "shape")):
            layout.labels.append((labels[name], x, y + line * LINE_HEIGHT, "middle"))
    for layer, gap in enumerate(texts["gaps"], start=1):
        x = (column_x[layer - 1] + column_x[layer]) / 2
        layout.labels.append((gap["symbol"], x, y + LINE_HEIGHT, "middle"))
        layout.labels.append((gap["shape"], x, y + 2 * LINE_HEIGHT, "middle"))
    bottom = top + 2 * UNIT_RADIUS + tallest + (26 if show_values else 10)  # room for biases
    below = max(len(labels["below"]) for labels in texts["layers"])
    for x, labels in zip(column_x, texts["layers"], strict=True):
        for line, label in enumerate(labels["below"]):
            layout.labels.append((label, x, bottom + (0.75 + line) * LINE_HEIGHT, "middle"))
    layout.width = column_x[-1] + SIDE_MARGIN
    layout.height = bottom + below * LINE_HEIGHT + MARGIN
    return layout


def narrow_layout(sizes, texts, show_values):
    def line_width(*labels):
        return sum(label.width for label in labels) + LABEL_GAP * (len(labels) - 1)

    layers = texts["layers"]
    lines = [line_width(labels["name"], labels["symbol"], labels["shape"]) for labels in layers]
    lines += [line_width(*labels["below"]) for labels in layers if labels["below"]]
    lines += [line_width(gap["symbol"], gap["shape"]) for gap in texts["gaps"]]
    lines += [max(sizes) * NARROW_UNIT_SPACING]
    width = max(lines) + 2 * MARGIN
    layout = Layout("top to bottom", [])
    left, right, y = MARGIN, width - MARGIN, MARGIN
    for layer, (n, labels) in enumerate(zip(sizes, layers, strict=True)):
        if layer > 0:  # the gap from the layer before, with its W at its middle, on the left
            gap = texts["gaps"][layer - 1]
            row_gap = max(ROW_GAP, VALUE_GAP * sizes[layer - 1] * n) if show_values else ROW_GAP
            middle = y + row_gap / 2 + 0.35 * FONT_SIZE
            layout.labels.append((gap["symbol"], left, middle, "start"))
            layout.labels.append(
                (gap["shape"], left + gap["symbol"].width + LABEL_GAP, middle, "start")
            )
            y += row_gap
        baseline = y + 0.75 * LINE_HEIGHT
        layout.labels.append((labels["name"], left, baseline, "start"))
        layout.labels.append((labels["shape"], right, baseline, "end"))
        layout.labels.append(
            (labels["symbol"], right - labels["shape"].width - LABEL_GAP, baseline, "end")
        )
        y += LINE_HEIGHT + 6
        centre = y + UNIT_RADIUS
        layout.units.append(
            [(width / 2 + (j - (n - 1) / 2) * NARROW_UNIT_SPACING, centre) for j in range(n)]
        )
        y += 2 * UNIT_RADIUS + (20 if show_values and layer > 0 else 6)  # room for biases
        if labels["below"]:
            baseline = y + 0.75 * LINE_HEIGHT
            first, *rest = labels["below"]
            layout.labels.append((first, left, baseline, "start"))
            if rest:
                layout.labels.append((rest[0], right, baseline, "end"))
            y += LINE_HEIGHT
    layout.width, layout.height = width, y + MARGIN
    return layout
