"""draw: the computational graph of a Value as a standalone SVG picture."""

import xml.etree.ElementTree as ET

import pytest

from backprop import SVGDrawing, Value, draw, graph_drawing

SVG = "{http://www.w3.org/2000/svg}"


def neuron():
    """The micrograd neuron o = tanh(x1·w1 + x2·w2 + b), after backward."""
    x1, x2 = Value(2.0, "x1"), Value(0.0, "x2")
    w1, w2 = Value(-3.0, "w1"), Value(1.0, "w2")
    b = Value(6.8813735870195432, "b")
    n = x1 * w1 + x2 * w2 + b
    n.label = "n"
    o = n.tanh()
    o.label = "o"
    o.backward()
    return o


def test_draw_returns_a_complete_svg_document_in_a_str():
    picture = draw(neuron())
    assert isinstance(picture, SVGDrawing) and isinstance(picture, str)
    root = ET.fromstring(picture)  # well-formed XML, or this raises
    assert root.tag == SVG + "svg", f"expected an <svg> root element, found {root.tag}"
    assert root.get("viewBox"), "expected a viewBox so the picture scales"


def test_repr_svg_returns_the_drawing_itself_so_notebooks_show_the_picture():
    picture = draw(neuron())
    assert picture._repr_svg_() == picture


def test_one_box_per_value_and_one_circle_per_operation():
    o = neuron()
    root = ET.fromstring(draw(o))
    values = o.topological_order()
    operations = [v for v in values if v._children]
    boxes = root.findall(f"{SVG}rect")  # no background: the page's colour shows through
    circles = root.findall(f"{SVG}circle")
    assert len(boxes) == len(values), f"expected {len(values)} boxes, found {len(boxes)}"
    assert len(circles) == len(operations), (
        f"expected {len(operations)} circles, found {len(circles)}"
    )


def test_boxes_show_label_data_and_grad():
    texts = [t.text for t in ET.fromstring(draw(neuron())).iter(f"{SVG}text")]
    for expected in ["x1", "w1", "n", "o", "data 0.7071", "grad 0.5000", "grad -1.5000", "tanh"]:
        assert expected in texts, f"expected a text {expected!r}, found {texts}"


def test_operation_symbols_are_readable():
    a, b = Value(2.0), Value(3.0)
    texts = [t.text for t in ET.fromstring(draw((a * b) / (a - b))).iter(f"{SVG}text")]
    for symbol in ["×", "÷", "−"]:
        assert symbol in texts, f"expected the symbol {symbol}, found {texts}"


def edges(picture):
    """Each arrow's curve as (start, end) points."""
    root = ET.fromstring(picture)
    found = []
    for path in root.findall(f"{SVG}path"):
        d = path.get("d")
        if d.startswith("M") and " C" in d:
            start = [float(n) for n in d[1:].split()[0].split(",")]
            end = [float(n) for n in d.split()[-1].split(",")]
            found.append((start, end))
    return found


def width_of(picture):
    return float(ET.fromstring(picture).get("width"))


def test_arrows_run_left_to_right_when_the_picture_fits_a_page():
    small = Value(2.0, "a") * Value(3.0, "b")
    picture = draw(small)
    assert width_of(picture) <= graph_drawing.WIDEST and picture.narrow is None
    assert all(start[0] < end[0] for start, end in edges(picture)), edges(picture)


def test_a_deep_graph_runs_top_to_bottom_and_fits_a_page():
    picture = draw(neuron())  # left to right it is over 1,000 px wide
    assert width_of(picture) <= graph_drawing.WIDEST
    assert all(start[1] < end[1] for start, end in edges(picture)), edges(picture)


def test_a_graph_too_wide_for_a_phone_carries_a_narrow_layout():
    x, w = Value(2.0, "x"), Value(-3.0, "w")
    out = (x * w).tanh()
    out.label = "out"
    picture = draw(out)
    assert width_of(picture) > graph_drawing.WIDEST_NARROW, "expected left to right on a page"
    assert isinstance(picture.narrow, SVGDrawing)
    assert width_of(picture.narrow) <= graph_drawing.WIDEST_NARROW
    assert all(start[1] < end[1] for start, end in edges(picture.narrow))


def test_drawing_is_deterministic():
    assert draw(neuron()) == draw(neuron()), "two drawings of the same graph differ"


def test_labels_are_escaped():
    picture = draw(Value(1.0, label="<x & y>") * 2)
    texts = [t.text for t in ET.fromstring(picture).iter(f"{SVG}text")]
    assert "<x & y>" in texts, f"expected the label shown literally, found {texts}"


def test_a_single_value_can_be_drawn():
    root = ET.fromstring(draw(Value(5.0, "x")))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts == ["x", "data 5.0000", "grad 0.0000"], f"found {texts}"


def test_a_highlighted_node_is_drawn_in_the_highlight_colour_with_its_incoming_arrows():
    a, b = Value(2.0, label="a"), Value(3.0, label="b")
    product = a * b
    product.label = "product"
    out = product + 1.0
    plain, picked = draw(out), draw(out, highlight=product)
    assert "#c2410c" not in plain
    # The product's box and its × circle, and the arrows a → ×, b → × and × → product (a
    # line and an arrowhead each).
    assert picked.count('stroke="#c2410c"') == 2 + 3
    assert picked.count('fill="#c2410c"') == 3


def test_highlighting_a_value_outside_the_graph_is_refused():
    with pytest.raises(ValueError, match="highlight must be a Value of the graph"):
        draw(Value(1.0) * 2, highlight=Value(5.0))
