"""Time one training step of the backprop module, and of PyTorch if it is installed.

One step = forward + loss + backward + SGD update (backprop.train_step), in float32 and in
float64, on:

    small: 2-32-32-2 tanh, batch 64, MSE
    large: 784-128-10 relu, batch 128, CrossEntropy

Each time is the median of many runs after a warm-up, measured with time.perf_counter.
Run from the repository root with `python -m bench.module_step`; another interpreter
works too, e.g. `PYTHONPATH=pysrc python3.11 -m bench.module_step` next to a torch install.
"""

import os
import platform
import statistics
import time

import numpy as np

from backprop import MSE, SGD, CrossEntropy, Network, train_step

WARMUP = 20
REPEATS = 200
LEARNING_RATE = 0.01
DTYPES = ["float32", "float64"]


class Case:
    def __init__(self, name, sizes, activation, batch_size, loss):
        self.name = name
        self.sizes = sizes
        self.activation = activation
        self.batch_size = batch_size
        self.loss = loss  # "mse" or "cross_entropy"

    def numpy_problem(self, dtype="float64"):
        """A seeded network and batch, shared by the numpy and the PyTorch timing."""
        network = Network.from_sizes(self.sizes, activation=self.activation, seed=0, dtype=dtype)
        rng = np.random.default_rng(1)
        X = rng.standard_normal((self.batch_size, self.sizes[0]))
        if self.loss == "mse":
            y = rng.standard_normal((self.batch_size, self.sizes[-1]))
        else:
            y = rng.integers(0, self.sizes[-1], size=self.batch_size)
        return network, X, y


CASES = [
    Case("2-32-32-2 tanh, batch 64, MSE", [2, 32, 32, 2], "tanh", 64, "mse"),
    Case("784-128-10 relu, batch 128, CrossEntropy", [784, 128, 10], "relu", 128, "cross_entropy"),
]


def median_seconds(step):
    """Median wall time of step() over REPEATS calls, after WARMUP calls."""
    for _ in range(WARMUP):
        step()
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def numpy_step(case, dtype):
    network, X, y = case.numpy_problem(dtype)
    # The data in the network's dtype once, outside the step, as fit does (and torch.tensor).
    X = X.astype(dtype)
    y = y.astype(dtype) if case.loss == "mse" else y
    loss = MSE() if case.loss == "mse" else CrossEntropy()
    optimizer = SGD(LEARNING_RATE)
    return lambda: train_step(network, loss, X, y, optimizer)


def torch_step(case, torch, dtype):
    """The identical step in PyTorch: same weights, data, loss and plain SGD."""
    network, X, y = case.numpy_problem()
    modules = []
    for layer in network.layers:
        linear = torch.nn.Linear(layer.n_in, layer.n_out, dtype=dtype)
        with torch.no_grad():
            linear.weight.copy_(torch.tensor(layer.W.T, dtype=dtype))  # torch keeps Wᵀ
            linear.bias.copy_(torch.tensor(layer.b, dtype=dtype))
        modules.append(linear)
        if layer.activation.name == "tanh":
            modules.append(torch.nn.Tanh())
        elif layer.activation.name == "relu":
            modules.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*modules)
    X_t = torch.tensor(X, dtype=dtype)
    if case.loss == "mse":
        y_t = torch.tensor(y, dtype=dtype)
        loss_function = torch.nn.MSELoss()
    else:
        y_t = torch.tensor(y, dtype=torch.long)
        loss_function = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)

    def step():
        optimizer.zero_grad()
        loss = loss_function(model(X_t), y_t)
        loss.backward()
        optimizer.step()
        return loss.item()  # train_step returns a float too

    return step


def import_torch():
    try:
        import torch
    except ImportError:
        return None
    return torch


def main():
    torch = import_torch()
    print(
        f"One training step (forward + loss + backward + SGD update), median of {REPEATS} "
        f"runs after {WARMUP} warm-up runs"
    )
    versions = f"Python {platform.python_version()}, numpy {np.__version__}"
    if torch is not None:
        versions += f", torch {torch.__version__} ({torch.get_num_threads()} threads)"
    print(versions)
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "unset (OpenBLAS uses every core)")
    print(f"OPENBLAS_NUM_THREADS={threads}")
    print()
    for case in CASES:
        print(f"{case.name}")
        torch_times = {}
        if torch is not None:
            for dtype in DTYPES:
                torch_times[dtype] = median_seconds(torch_step(case, torch, getattr(torch, dtype)))
                print(f"  PyTorch {dtype}   {torch_times[dtype] * 1e6:9.1f} µs")
        for dtype in DTYPES:
            numpy_time = median_seconds(numpy_step(case, dtype))
            ratios = "".join(
                f"   ÷ PyTorch {name} {numpy_time / seconds:.2f}"
                for name, seconds in torch_times.items()
            )
            print(f"  backprop {dtype}  {numpy_time * 1e6:9.1f} µs{ratios}")
    if torch is None:
        print()
        print("PyTorch not installed: ratio not measured")


if __name__ == "__main__":
    main()
