"""Published worked examples, reproduced to the precision they were published with."""

import math
import warnings

import numpy as np

from backprop import MSE, SGD, CrossEntropy, Dense, Network, Value

from .helpers import assert_close, assert_matches_published


def mazur_network():
    """Mazur's 2-2-2 sigmoid network in our convention Z = X W + b, W of shape (n_in, n_out).

    He writes net_h1 = w1·i1 + w2·i2 + b1 and net_h2 = w3·i1 + w4·i2 + b1: the weights
    into hidden unit j form column j of our W, so W1 = [[w1, w3], [w2, w4]]. Likewise
    net_o1 = w5·out_h1 + w6·out_h2 + b2 gives W2 = [[w5, w7], [w6, w8]].
    """
    hidden, output = Dense(2, 2, "sigmoid"), Dense(2, 2, "sigmoid")
    hidden.W[...] = [[0.15, 0.25], [0.20, 0.30]]  # [[w1, w3], [w2, w4]]
    hidden.b[...] = 0.35  # b1, shared by both hidden units
    output.W[...] = [[0.40, 0.50], [0.45, 0.55]]  # [[w5, w7], [w6, w8]]
    output.b[...] = 0.60  # b2
    return Network([hidden, output])


MAZUR_X = np.array([[0.05, 0.10]])  # i1, i2
MAZUR_Y = np.array([[0.01, 0.99]])  # targets for o1, o2


def test_mazur_forward_pass():
    """Matt Mazur, "A Step by Step Backpropagation Example" (2015), the forward pass.

    https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/
    His E_total = Σ ½(target − out)² over the two outputs equals our MSE (the mean of
    the two squared errors) for a single example.
    """
    network = mazur_network()
    prediction = network.forward(MAZUR_X)
    hidden = network.layers[0]
    assert_matches_published(hidden.Z[0, 0], "0.3775", "net_h1")
    assert_matches_published(hidden.A[0, 0], "0.593269992", "out_h1")
    assert_matches_published(hidden.A[0, 1], "0.596884378", "out_h2")
    assert_matches_published(network.layers[1].Z[0, 0], "1.105905967", "net_o1")
    assert_matches_published(prediction[0, 0], "0.75136507", "out_o1")
    assert_matches_published(prediction[0, 1], "0.772928465", "out_o2")
    assert_matches_published(MSE().value(prediction, MAZUR_Y), "0.298371109", "E_total")


def test_mazur_backward_pass_and_update():
    """Matt Mazur, "A Step by Step Backpropagation Example" (2015), backward pass, η = 0.5.

    https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/
    """
    network = mazur_network()
    prediction = network.forward(MAZUR_X)
    network.backward(MSE().gradient(prediction, MAZUR_Y))
    hidden, output = network.layers
    assert_matches_published(output.dW[0, 0], "0.082167041", "∂E_total/∂w5")
    assert_matches_published(hidden.dW[0, 0], "0.000438568", "∂E_total/∂w1")

    SGD(learning_rate=0.5).step(network)
    published = {
        "w1": (hidden.W[0, 0], "0.149780716"),
        "w2": (hidden.W[1, 0], "0.19956143"),
        "w3": (hidden.W[0, 1], "0.24975114"),
        "w4": (hidden.W[1, 1], "0.29950229"),
        "w5": (output.W[0, 0], "0.35891648"),
        "w6": (output.W[1, 0], "0.408666186"),
        "w7": (output.W[0, 1], "0.511301270"),
        "w8": (output.W[1, 1], "0.561370121"),
    }
    for name, (found, expected) in published.items():
        assert_matches_published(found, expected, f"new {name}")


def test_cs231n_circuit_x_plus_y_times_z():
    """CS231n "Backpropagation, Intuitions": f(x, y, z) = (x + y)·z at x = −2, y = 5, z = −4.

    https://cs231n.github.io/optimization-2/
    """
    x, y, z = Value(-2.0), Value(5.0), Value(-4.0)
    f = (x + y) * z
    f.backward()
    assert f.data == -12.0, f"expected f = -12.0, found {f.data}"
    found = (x.grad, y.grad, z.grad)
    assert found == (-4.0, -4.0, 3.0), (
        f"expected (df/dx, df/dy, df/dz) = (-4, -4, 3), found {found}"
    )


def test_cs231n_sigmoid_neuron_with_values():
    """CS231n "Backpropagation, Intuitions": the neuron f = σ(w0·x0 + w1·x1 + w2)
    with w = [2, −3, −3] and x = [−1, −2].

    https://cs231n.github.io/optimization-2/  (dx = [0.3932, −0.5898], dw = [−0.1966, −0.3932])
    """
    w = [Value(2.0), Value(-3.0), Value(-3.0)]
    x = [Value(-1.0), Value(-2.0)]
    f = (w[0] * x[0] + w[1] * x[1] + w[2]).sigmoid()
    f.backward()
    assert_matches_published(f.data, "0.73", "f")
    assert_matches_published(x[0].grad, "0.3932", "df/dx0")
    assert_matches_published(x[1].grad, "-0.5898", "df/dx1")
    assert_matches_published(w[0].grad, "-0.1966", "df/dw0")
    assert_matches_published(w[1].grad, "-0.3932", "df/dw1")


def test_cs231n_sigmoid_neuron_as_a_dense_layer():
    """The same CS231n neuron as Dense(2, 1, "sigmoid") with W = [[2], [−3]], b = [−3].

    https://cs231n.github.io/optimization-2/
    """
    layer = Dense(2, 1, "sigmoid")
    layer.W[...] = [[2.0], [-3.0]]
    layer.b[...] = [-3.0]
    layer.forward(np.array([[-1.0, -2.0]]))
    dX = layer.backward(np.array([[1.0]]))  # ∂f/∂f = 1
    for found, published, name in [
        (dX[0, 0], "0.3932", "dx0"),
        (dX[0, 1], "-0.5898", "dx1"),
        (layer.dW[0, 0], "-0.1966", "dw0"),
        (layer.dW[1, 0], "-0.3932", "dw1"),
    ]:
        assert_matches_published(found, published, name)


def test_micrograd_readme_example():
    """The example in the micrograd README: g = 24.7041, dg/da = 138.8338, dg/db = 645.5773.

    https://github.com/karpathy/micrograd
    """
    a = Value(-4.0)
    b = Value(2.0)
    c = a + b
    d = a * b + b**3
    c += c + 1
    c += 1 + c + (-a)
    d += d * 2 + (b + a).relu()
    d += 3 * d + (b - a).relu()
    e = c - d
    f = e**2
    g = f / 2.0
    g += 10.0 / f
    g.backward()
    assert_matches_published(g.data, "24.7041", "g")
    assert_matches_published(a.grad, "138.8338", "dg/da")
    assert_matches_published(b.grad, "645.5773", "dg/db")


def test_pytorch_mse_loss_averages_over_all_elements():
    """PyTorch MSELoss (reduction="mean"): the mean over every element, not just the batch.

    https://pytorch.org/docs/stable/generated/torch.nn.MSELoss.html
    """
    pred = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    target = np.zeros((2, 3))
    expected = (1 + 4 + 9 + 16 + 25 + 36) / 6
    assert_close(MSE().value(pred, target), expected, tolerance=1e-15, what="MSE")
    assert_close(MSE().gradient(pred, target), 2 * pred / 6, tolerance=1e-15, what="∂MSE/∂ŷ")


def test_pytorch_cross_entropy_conventions():
    """PyTorch CrossEntropyLoss on logits: [[1000, 0, −1000]] with label 0 gives 0 (finite),
    [[0, 0, 0]] gives log 3.

    https://pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        confident = CrossEntropy().value(np.array([[1000.0, 0.0, -1000.0]]), np.array([0]))
    assert confident == 0.0, f"expected 0.0, found {confident}"
    uniform = CrossEntropy().value(np.array([[0.0, 0.0, 0.0]]), np.array([0]))
    assert_close(uniform, math.log(3), tolerance=1e-15, what="CE of equal logits")
