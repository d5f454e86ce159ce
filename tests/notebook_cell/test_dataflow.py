"""What a cell takes from its page's namespace and leaves there, read from its code."""

from __future__ import annotations

import pytest

from notebook_cell.dataflow import FUNCTION, IMPORTED, MODULE, Binding, cell_effects

NUMPY = {"np": Binding(MODULE, "numpy")}


def test_a_cell_defines_what_it_binds_and_reads_what_it_did_not_bind_first():
    effects = cell_effects("x = y + 1\nprint(x)\ndef f(a):\n    return a\nclass C: pass")
    assert set(effects.defines) == {"x", "f", "C"}
    assert effects.reads == {"y", "print"}


def test_a_name_read_before_the_cell_binds_it_is_needed():
    assert "x" in cell_effects("print(x)\nx = 1").reads
    assert "x" in cell_effects("x = x + 1").reads


def test_imports_are_definitions_and_say_what_they_bind():
    effects = cell_effects(
        "import numpy as np\nfrom backprop import Dense\nimport matplotlib.pyplot"
    )
    assert effects.defines["np"] == Binding(MODULE, "numpy")
    assert effects.defines["Dense"] == Binding(IMPORTED, "backprop.Dense")
    assert effects.defines["matplotlib"] == Binding(MODULE, "matplotlib")


def test_a_function_reads_its_free_names_but_not_its_parameters_or_locals():
    effects = cell_effects("def f(a, b=scale):\n    c = a * W\n    return c + b")
    assert effects.reads == {"scale", "W"}


def test_comprehensions_and_lambdas_keep_their_variables_to_themselves():
    assert cell_effects("squares = [x * x for x in xs]").reads == {"xs"}
    assert cell_effects("g = lambda t: t * k").reads == {"k"}


@pytest.mark.parametrize(
    "code",
    ["net.W = 0", "A[0] = 1", "A += 1", "net.train()", "del A[0]", "np.random.shuffle(A)",
     "np.add(A, 1, out=A)", "layers[0].W[:] = 0"],
)  # fmt: skip
def test_changing_an_object_in_place_is_a_mutation_of_its_name(code):
    roots = {"net", "A", "layers"}
    effects = cell_effects(code, NUMPY)
    assert effects.mutates & roots, code
    assert effects.mutates & roots <= effects.reads, "a change starts from the value"


@pytest.mark.parametrize("code", ["print(A)", "np.mean(A)", "A.sum()", "A.copy()", "len(A)"])
def test_reading_an_object_does_not_change_it(code):
    assert not cell_effects(code, NUMPY).mutates


def test_a_value_passed_to_an_unknown_function_may_be_changed_but_a_function_may_not():
    context = {"train": Binding(IMPORTED, "somewhere.train"), "f": Binding(FUNCTION)}
    assert cell_effects("train(net, f)", context).mutates == {"net"}


def test_a_function_defined_on_the_page_changes_only_the_parameters_it_changes():
    effects = cell_effects(
        "def fill(target, source):\n    target[:] = source\n\nfill(a, b)\nfill(source=c, target=d)"
    )
    assert effects.defines["fill"].changes == {"target"}
    assert effects.mutates == {"a", "d"}


def test_the_books_training_functions_change_the_network_they_train():
    context = {
        "fit": Binding(IMPORTED, "backprop.fit"),
        "accuracy": Binding(IMPORTED, "backprop.accuracy"),
    }
    assert cell_effects("fit(net, loss, X, y, optimizer=opt)", context).mutates == {"net", "opt"}
    assert cell_effects("print(accuracy(net, X, y))", context).mutates == {"net"}


def test_numpys_hidden_random_state_is_a_name_of_its_own():
    seeding = cell_effects("np.random.seed(0)", NUMPY)
    drawing = cell_effects("a = np.random.normal(size=3)", NUMPY)
    independent = cell_effects("rng = np.random.default_rng(0)", NUMPY)
    assert "<numpy.random>" in seeding.defines and not seeding.barrier
    assert "<numpy.random>" in drawing.reads and "<numpy.random>" in drawing.mutates
    assert "<numpy.random>" not in independent.reads


@pytest.mark.parametrize(
    ("code", "why"),
    [("global x", "global"), ("def f():\n    global n\n    n += 1\nf()", "global"),
     ("exec('x = 1')", "exec"), ("from math import *", "*"),
     ("import backprop\nbackprop.Dense.forward = None", "belongs to a library"),
     ("np.set_printoptions(precision=3)", "settings"),
     ("import matplotlib.pyplot as plt\nplt.rcParams['font.size'] = 8", "library"),
     ("globals()['x'] = 1", "globals")],
)  # fmt: skip
def test_where_the_analysis_cannot_follow_the_cell_it_says_why(code, why):
    assert why in cell_effects(code, NUMPY).barrier


def test_code_that_does_not_parse_has_no_effects():
    effects = cell_effects("def f(:\n")
    assert not effects.defines and not effects.reads and not effects.barrier


def test_calling_a_function_of_the_page_reads_and_changes_what_its_body_does():
    defining = cell_effects("def scaled(x):\n    log.append(x)\n    return scale * x")
    context = dict(defining.defines)
    calling = cell_effects("print(scaled(2))", context)
    assert {"scale", "log"} <= calling.reads
    assert calling.mutates == {"log"}
