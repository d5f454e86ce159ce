"""dtype="float32": a float32 network computes every step in float32, and float64 stays the default.

FLOAT32_TOLERANCE, 1e-3, is the gradient_check score a float32 network must stay below. float32
keeps 24 bits (machine epsilon 1.2e-7), and gradient_check compares a float32 backprop with a
float64 reference, so the score is float32's own rounding error: about 1e-6 for most random
networks, and at most 1.7e-4 over about 9,000 of them (where an entry is a small difference of
larger terms, as in a deep net through a one-unit layer). 1e-3 is above that, and still well
below the 1e-2 or more that a wrong formula scores (see the wrong-derivative test below).
"""

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from backprop import (
    MSE,
    SGD,
    BinaryCrossEntropy,
    CrossEntropy,
    Dense,
    Network,
    fit,
    get_activation,
    gradient_check,
    moons,
    softmax,
    train_step,
)
from backprop.losses import log_softmax

from .helpers import PROPERTY_SETTINGS, assert_close
from .test_gradient_check_properties import (
    TanhWithAWrongDerivative,
    away_from_relu_kinks,
    problems,
)

ACTIVATIONS = ["identity", "sigmoid", "tanh", "relu"]
FLOAT32_TOLERANCE = 1e-3


LOSS_CASES = {
    # name: (loss, targets for N examples and C outputs), the targets as a learner would give them
    "mse, float64 targets": (MSE(), lambda rng, N, C: rng.normal(size=(N, C))),
    "cross-entropy, integer labels": (CrossEntropy(), lambda rng, N, C: rng.integers(0, C, N)),
    "cross-entropy, float64 one-hot": (
        CrossEntropy(),
        lambda rng, N, C: np.eye(C)[rng.integers(0, C, N)],
    ),
    "binary cross-entropy, float64 targets": (
        BinaryCrossEntropy(),
        lambda rng, N, C: rng.integers(0, 2, (N, C)).astype(np.float64),
    ),
}


def arrays_reachable_from(**roots):
    """(path, array) for every numpy array or scalar reachable through attributes and containers."""
    found, seen = [], set()
    to_visit = list(roots.items())
    while to_visit:
        path, value = to_visit.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, np.ndarray | np.generic):
            found.append((path, value))
        elif isinstance(value, dict):
            for number, (key, item) in enumerate(value.items()):
                to_visit += [(f"{path} key {number}", key), (f"{path}[{key!r}]", item)]
        elif isinstance(value, list | tuple):
            to_visit += [(f"{path}[{index}]", item) for index, item in enumerate(value)]
        elif hasattr(value, "__dict__") and not isinstance(value, type):
            to_visit += [(f"{path}.{name}", item) for name, item in vars(value).items()]
    return found


def assert_all_float32(found):
    wrong = [f"{path}: {array.dtype}" for path, array in found if array.dtype != np.float32]
    assert not wrong, f"expected only float32 arrays, found {', '.join(wrong)}"


def float32_problem(activation, loss_case, seed=0):
    """A float32 network using activation on every layer, float64 X and the case's targets."""
    loss, make_targets = LOSS_CASES[loss_case]
    network = Network.from_sizes([3, 5, 4, 2], activation, activation, seed=seed, dtype="float32")
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(6, 3))  # float64, as data usually is
    return network, loss, X, make_targets(rng, 6, 2)


@pytest.mark.parametrize("loss_case", LOSS_CASES)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_a_float32_training_step_creates_no_float64_array(activation, loss_case):
    network, loss, X, y = float32_problem(activation, loss_case)
    optimizer = SGD(0.1, momentum=0.9, weight_decay=1e-3)  # velocities and decay: every path
    values = [train_step(network, loss, X, y, optimizer) for _ in range(2)]
    assert all(type(value) is float for value in values), f"loss values {values!r}"

    prediction = network.forward(X)
    gradient = loss.gradient(prediction, y)
    dX = network.backward(gradient)
    returned = {"prediction": prediction, "gradient": gradient, "dX": dX}
    found = arrays_reachable_from(
        network=network, optimizer=optimizer, predict=network.predict(X), **returned
    )
    assert_all_float32(found)

    # The search above must have seen every cache, gradient and velocity, or it proves nothing.
    names = ["W", "b", "dW", "db", "A_prev", "Z", "A"]
    expected = {id(getattr(layer, name)) for layer in network.layers for name in names}
    expected |= {id(v) for pair in optimizer.velocities.values() for v in pair}
    assert len(optimizer.velocities) == len(network.layers), "momentum left no velocities"
    missing = expected - {id(array) for _, array in found}
    assert not missing, f"the search missed {len(missing)} of the arrays it had to check"


class Traced(np.ndarray):
    """An ndarray that records the dtype of every array numpy derives from it, temporaries too."""

    dtypes_seen = []

    def __array_finalize__(self, source):
        Traced.dtypes_seen.append(self.dtype)


@pytest.mark.parametrize("momentum", [0.0, 0.9])
def test_sgd_makes_no_float64_temporary_that_an_in_place_update_would_hide(momentum):
    # W -= η (dW + λW) would quietly round a float64 right-hand side back into a float32 W.
    network, loss, X, y = float32_problem("tanh", "mse, float64 targets")
    optimizer = SGD(0.1, momentum=momentum, weight_decay=1e-3)
    network.backward(loss.gradient(network.forward(X), y))
    for layer in network.layers:
        for name in ["W", "b", "dW", "db"]:
            setattr(layer, name, getattr(layer, name).view(Traced))
    Traced.dtypes_seen = []
    optimizer.step(network)
    optimizer.step(network)
    seen = set(Traced.dtypes_seen)
    assert Traced.dtypes_seen and seen == {np.dtype(np.float32)}, f"SGD made arrays of {seen}"


@pytest.mark.parametrize("loss_case", LOSS_CASES)
def test_fit_keeps_a_float32_network_in_float32(loss_case):
    network, loss, X, y = float32_problem("tanh", loss_case)
    history = fit(network, loss, X, y, optimizer=SGD(0.1, momentum=0.5), epochs=3, report=None)
    assert all(type(value) is float for value in history), f"history {history!r}"
    assert_all_float32(arrays_reachable_from(network=network))


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_activations_keep_float32_and_make_anything_else_float64(name):
    activation = get_activation(name)
    Z = np.linspace(-3, 3, 7, dtype=np.float32)
    A = activation.forward(Z)
    found = {
        "forward(float32)": A.dtype,
        "derivative(float32)": activation.derivative(Z).dtype,
        "derivative(float32, A)": activation.derivative(Z, A).dtype,
    }
    assert set(found.values()) == {np.dtype(np.float32)}, f"found {found}"
    as_list = activation.forward([-1, 0, 2]).dtype
    assert as_list == np.float64, f"expected float64 from a list of ints, found {as_list}"


@pytest.mark.parametrize("loss_case", LOSS_CASES)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_a_loss_gradient_has_the_dtype_of_the_prediction(loss_case, dtype):
    loss, make_targets = LOSS_CASES[loss_case]
    rng = np.random.default_rng(0)
    prediction = rng.normal(size=(4, 3)).astype(dtype)
    target = make_targets(rng, 4, 3)
    if target.dtype == np.float64:
        target = target.astype(np.float32 if dtype == np.float64 else np.float64)  # the other
    found = loss.gradient(prediction, target).dtype
    assert found == dtype, f"expected a {np.dtype(dtype)} gradient, found {found}"


@pytest.mark.parametrize("function", [softmax, log_softmax])
def test_softmax_and_log_softmax_keep_float32(function):
    found = function(np.array([[1.0, 2.0, 3.0]], dtype=np.float32)).dtype
    assert found == np.float32, f"expected float32 from {function.__name__}, found {found}"


@pytest.mark.parametrize("loss", [MSE(), CrossEntropy()], ids=["mse", "cross_entropy"])
@PROPERTY_SETTINGS
@given(data=st.data())
def test_float32_gradients_pass_gradient_check_at_a_float32_tolerance(loss, data):
    network, X, y = data.draw(problems(loss))
    network = network.astype("float32")
    X = X.astype(np.float32)
    assume(away_from_relu_kinks(network, X))
    error = gradient_check(network, loss, X, y)
    assert error < FLOAT32_TOLERANCE, (
        f"expected a relative error below {FLOAT32_TOLERANCE:g} in float32, found {error:.2e}"
    )


def test_gradient_check_detects_a_wrong_derivative_in_float32():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(8, 3)), rng.normal(size=(8, 2))
    correct = Network.from_sizes([3, 4, 2], activation="tanh", seed=0, dtype="float32")
    broken = Network.from_sizes([3, 4, 2], activation="tanh", seed=0, dtype="float32")
    broken.layers[0].activation = TanhWithAWrongDerivative()
    assert gradient_check(correct, MSE(), X, y) < FLOAT32_TOLERANCE
    error = gradient_check(broken, MSE(), X, y)
    assert error > 1e-2, f"expected a large error for a wrong derivative, found {error:.2e}"


def test_float32_training_follows_float64_training_to_float32_precision():
    X, y = moons(200, noise=0.1, seed=0)
    histories = {}
    for dtype in ["float64", "float32"]:
        network = Network.from_sizes([2, 16, 2], activation="tanh", seed=0, dtype=dtype)
        histories[dtype] = fit(network, CrossEntropy(), X, y, epochs=50, batch_size=50, report=None)
    assert_close(histories["float32"], histories["float64"], tolerance=1e-4, what="epoch losses")


def test_float64_is_the_default():
    network = Network.from_sizes([2, 3, 1])
    found = {network.dtype, Dense(2, 3).W.dtype, Dense(2, 3).b.dtype}
    assert found == {np.dtype(np.float64)}, f"expected float64 by default, found {found}"


def test_a_float32_network_starts_from_the_float64_weights_rounded():
    float64 = Network.from_sizes([3, 5, 2], seed=4)
    float32 = Network.from_sizes([3, 5, 2], seed=4, dtype=np.float32)
    for wide, narrow in zip(float64.layers, float32.layers, strict=True):
        assert narrow.W.dtype == np.float32 and narrow.b.dtype == np.float32
        assert np.array_equal(narrow.W, wide.W.astype(np.float32)), "W is not float64's, rounded"


def test_astype_returns_a_converted_copy_and_leaves_the_original_alone():
    network = Network.from_sizes([3, 5, 2], activation="relu", seed=1)
    W_before = network.layers[0].W.copy()
    copy = network.astype("float32")
    copy.layers[0].W += 1
    assert copy.dtype == np.float32 and network.dtype == np.float64
    assert np.array_equal(network.layers[0].W, W_before), "astype changed the original's W"
    names = [layer.activation.name for layer in copy.layers]
    assert names == ["relu", "identity"], f"expected the original's activations, found {names}"
    assert copy.layers[1].description == "layer 2 (Dense 5→2)"


@pytest.mark.parametrize("bad", ["float16", "int32", np.int64, "complex128", "nonsense"])
def test_dtype_must_be_float32_or_float64(bad):
    with pytest.raises(ValueError, match="dtype must be float32 or float64"):
        Dense(2, 3, dtype=bad)


def test_a_network_refuses_layers_of_two_dtypes():
    expected = (
        "layer 1 (Dense 2→3) is float32 but layer 2 (Dense 3→1) is float64: "
        "every layer of a network computes in the same dtype"
    )
    with pytest.raises(ValueError) as error:
        Network([Dense(2, 3, dtype="float32"), Dense(3, 1)])
    assert str(error.value) == expected, f"expected {expected!r}, found {str(error.value)!r}"


def test_the_dtype_shows_in_repr_only_when_it_is_not_the_default():
    assert repr(Dense(2, 3)) == "Dense(2, 3, activation='identity')"
    expected = "Dense(2, 3, activation='identity', dtype='float32')"
    assert repr(Dense(2, 3, dtype="float32")) == expected
    found = repr(Network.from_sizes([2, 3], dtype="float32"))
    assert found == "Network(Dense 2→3 identity, float32)", f"found {found!r}"
