"""draw_network: a fully connected network as a standalone SVG picture in the book's notation."""

import xml.etree.ElementTree as ET

import numpy as np
import pytest

from backprop import Dense, Network, SVGDrawing, draw_network, graph_drawing

SVG = "{http://www.w3.org/2000/svg}"


def texts(picture):
    """The text of every <text> element, its tspans joined: "W[1]" for W with a superscript [1]."""
    return ["".join(element.itertext()) for element in ET.fromstring(picture).iter(f"{SVG}text")]


def test_draw_network_returns_a_complete_svg_document_with_a_title():
    picture = draw_network([3, 4, 2])
    assert isinstance(picture, SVGDrawing) and picture._repr_svg_() == picture
    root = ET.fromstring(picture)  # well-formed XML, or this raises
    assert root.tag == SVG + "svg", f"expected an <svg> root element, found {root.tag}"
    assert root.get("viewBox"), "expected a viewBox so the picture scales"
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == (
        "A fully connected network with layer sizes 3, 4, 2"
    ), f"found title {None if title is None else title.text!r}"


def test_a_given_title_becomes_the_text_alternative():
    root = ET.fromstring(draw_network([2, 1], title="One neuron & two inputs"))
    assert root.find(f"{SVG}title").text == "One neuron & two inputs"


@pytest.mark.parametrize("sizes", [[2, 1], [3, 4, 2], [2, 3, 3, 1], [1, 5, 5, 5, 1]])
def test_one_circle_per_unit_and_one_line_per_weight(sizes):
    root = ET.fromstring(draw_network(sizes))
    circles = root.findall(f"{SVG}circle")
    lines = root.findall(f"{SVG}line")
    weights = sum(n_in * n_out for n_in, n_out in zip(sizes, sizes[1:], strict=False))
    assert len(circles) == sum(sizes), f"expected {sum(sizes)} circles, found {len(circles)}"
    assert len(lines) == weights, f"expected {weights} lines (one per weight), found {len(lines)}"


def test_each_line_joins_unit_k_of_the_layer_below_to_unit_j_of_the_layer_above():
    root = ET.fromstring(draw_network([3, 4, 2]))
    names = {line.get("data-weight") for line in root.findall(f"{SVG}line")}
    expected = {f"W[1]{k}{j}" for k in range(1, 4) for j in range(1, 5)}
    expected |= {f"W[2]{k}{j}" for k in range(1, 5) for j in range(1, 3)}
    assert names == expected, f"expected weights {sorted(expected)}, found {sorted(names)}"
    for line in root.findall(f"{SVG}line"):
        assert float(line.get("x1")) < float(line.get("x2")), "a weight runs left to right"


def test_layers_weights_and_biases_are_labelled_with_their_shapes():
    found = texts(draw_network([3, 4, 2]))
    expected = [
        "input", "layer 1 (hidden)", "layer 2 (output)",
        "X = A[0]", "A[1]", "ŷ = A[2]", "(N, 3)", "(N, 4)", "(N, 2)",
        "W[1]", "(3, 4)", "W[2]", "(4, 2)", "b[1] (4,)", "b[2] (2,)",
        "x1", "x3", "a1", "a4", "ŷ1", "ŷ2",
    ]  # fmt: skip
    missing = [label for label in expected if label not in found]
    assert not missing, f"labels {missing} missing; found {found}"


def test_a_network_is_drawn_with_its_sizes_and_activations():
    network = Network([Dense(2, 3, "tanh"), Dense(3, 1, "sigmoid")], seed=0)
    picture = draw_network(network)
    assert picture == draw_network(network), "two drawings of the same network differ"
    found = texts(picture)
    for label in ["g[1] = tanh", "g[2] = sigmoid", "W[1]", "(2, 3)", "b[2] (1,)"]:
        assert label in found, f"expected {label!r}, found {found}"
    assert len(ET.fromstring(picture).findall(f"{SVG}circle")) == 6


def test_show_values_writes_every_weight_and_bias_rounded():
    network = Network([Dense(2, 2, "sigmoid"), Dense(2, 2, "sigmoid")])
    first, second = network.layers
    first.W = np.array([[0.15, 0.25], [0.20, 0.30]])
    first.b = np.array([0.35, 0.35])
    second.W = np.array([[0.40, 0.50], [0.45, 0.55]])
    second.b = np.array([0.60, -0.001])
    found = texts(draw_network(network, show_values=True))
    for value in ["0.15", "0.25", "0.20", "0.30", "0.40", "0.50", "0.45", "0.55"]:
        assert found.count(value) == 1, f"expected the weight {value} once, found {found}"
    for bias in ["b 0.35", "b 0.60", "b 0.00"]:  # -0.001 rounds to 0.00, not -0.00
        assert bias in found, f"expected the bias label {bias!r}, found {found}"


def test_show_values_needs_a_network():
    with pytest.raises(ValueError, match="needs a Network"):
        draw_network([2, 2], show_values=True)


def test_highlighted_weights_are_coloured_and_named():
    root = ET.fromstring(draw_network([2, 3, 1], highlight=[(2, 3, 1)]))
    coloured = [
        line.get("data-weight")
        for line in root.findall(f"{SVG}line")
        if line.get("stroke-width") != "1.2"
    ]
    assert coloured == ["W[2]31"], f"expected only W[2]31 highlighted, found {coloured}"
    assert "W[2]31" in texts(ET.tostring(root, encoding="unicode"))


def test_unit_labels_replace_the_default_names():
    labels = [["i1", "i2"], ["h1", "h2"], ["o1", "o2"]]
    found = texts(draw_network([2, 2, 2], unit_labels=labels))
    for name in ["i1", "i2", "h1", "h2", "o1", "o2"]:
        assert name in found, f"expected the unit label {name}, found {found}"
    assert "x1" not in found


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (([3],), "at least an input and an output"),
        (([3, 0],), "positive integer"),
        (([2, 2],), None),
        ((3,), "a Network or a list of layer sizes"),
    ],
)
def test_bad_sizes_are_refused_with_a_clear_message(arguments, message):
    if message is None:
        draw_network(*arguments)
        return
    with pytest.raises((ValueError, TypeError), match=message):
        draw_network(*arguments)


def test_bad_highlights_and_unit_labels_are_refused():
    with pytest.raises(ValueError, match="not a weight"):
        draw_network([2, 2], highlight=[(2, 1, 1)])
    with pytest.raises(ValueError, match="names per layer"):
        draw_network([2, 2], unit_labels=[["a", "b"], ["c"]])


def test_labels_are_escaped():
    found = texts(draw_network([1, 1], unit_labels=[["<in>"], ["a & b"]]))
    assert "<in>" in found and "a & b" in found, f"found {found}"


def test_a_network_too_wide_for_a_phone_carries_a_narrow_layout_with_the_same_labels():
    network = Network([Dense(3, 4, "tanh"), Dense(4, 5, "tanh"), Dense(5, 2, "sigmoid")], seed=0)
    picture = draw_network(network, highlight=[(3, 2, 1)])
    narrow = picture.narrow
    assert isinstance(narrow, SVGDrawing)
    width = float(ET.fromstring(narrow).get("width"))
    assert width <= graph_drawing.WIDEST_NARROW < float(ET.fromstring(picture).get("width"))
    assert sorted(texts(narrow)) == sorted(texts(picture)), "the same labels, placed otherwise"
    root = ET.fromstring(narrow)
    assert len(root.findall(f"{SVG}circle")) == 3 + 4 + 5 + 2
    for line in root.findall(f"{SVG}line"):
        assert float(line.get("y1")) < float(line.get("y2")), "a weight runs top to bottom"


def test_a_small_network_fits_a_phone_as_it_is():
    assert draw_network([2, 1]).narrow is None
