"""backprop: a small, readable numpy implementation of backpropagation.

Read the files in this order, each one concept:

    calculus.py        numerical derivatives, the reference everything is checked against
    value.py           Value: scalar automatic differentiation (micrograd-style)
    graph_drawing.py   draw(value): the computational graph as an SVG picture
    activations.py     Identity, Sigmoid, Tanh, ReLU and their derivatives
    layers.py          Dense: A = g(X W + b) and its backward pass
    network.py         Network: layers in a row, backpropagation as one loop
    network_drawing.py draw_network(network): units, weights and biases as an SVG picture
    losses.py          MSE, CrossEntropy (with softmax), BinaryCrossEntropy (with sigmoid)
    optimizers.py      SGD (with optional momentum and weight decay)
    regularization.py  l2_penalty: weight decay, one more term in BP4
    surfaces.py        Valley, TwoMinima: functions of (x, y) with exact gradients
    descent.py         gradient_descent on a surface (with momentum), as SGD does it
    training.py        train_step, fit, History, accuracy
    gradient_check.py  compare backprop with numerical derivatives
    datasets.py        xor, xor_cloud, moons, spiral, circles (synthetic); digits (real);
                       train_test_split

Conventions (as in the book): one example per row, X (N, n_in), W (n_in, n_out),
b (n_out,), Z = A_prev W + b, A = g(Z); float64 unless a network is made with
dtype="float32", and then float32 throughout (the dtype rule is in layers.py).
"""

from .activations import Activation, Identity, ReLU, Sigmoid, Tanh, get_activation
from .calculus import derivative, numerical_gradient
from .datasets import circles, digits, moons, spiral, train_test_split, xor, xor_cloud
from .descent import Trajectory, gradient_descent
from .gradient_check import gradient_check
from .graph_drawing import SVGDrawing, draw
from .layers import Dense
from .losses import MSE, BinaryCrossEntropy, CrossEntropy, softmax
from .network import Network
from .network_drawing import draw_network
from .optimizers import SGD
from .regularization import l2_penalty
from .surfaces import TwoMinima, Valley
from .training import History, TrainingDiverged, accuracy, fit, train_step
from .value import Value

__all__ = [
    "MSE",
    "SGD",
    "Activation",
    "BinaryCrossEntropy",
    "CrossEntropy",
    "Dense",
    "History",
    "Identity",
    "Network",
    "ReLU",
    "SVGDrawing",
    "Sigmoid",
    "Tanh",
    "Trajectory",
    "TrainingDiverged",
    "TwoMinima",
    "Valley",
    "Value",
    "accuracy",
    "circles",
    "derivative",
    "digits",
    "draw",
    "draw_network",
    "fit",
    "get_activation",
    "gradient_check",
    "gradient_descent",
    "l2_penalty",
    "moons",
    "numerical_gradient",
    "softmax",
    "spiral",
    "train_step",
    "train_test_split",
    "xor",
    "xor_cloud",
]
