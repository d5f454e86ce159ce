"""An exercise's check says the same in the browser's Pyodide as at build time: the same
message and the same mistake id, for the rules that watch the reader's code while it runs
(sys.setprofile and sys.settrace), numpy's shape errors in plain words, a known mistake, and the
check's own error."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from notebook_cell import run_cell, run_check
from tests.conftest import ROOT

SCRIPT = ROOT / "tests" / "pyodide" / "run_checks.mjs"
TRIES = {
    "forbidden call": (
        "from backprop import MSE\ndef mse_gradient(y_hat, y):\n"
        "    return MSE().gradient(y_hat, y)",
        "import numpy as np\nfrom backprop import MSE\n"
        "from exercise_checks import obeying, without\n"
        "obeying(mse_gradient, without(MSE, instead='use the formula'))(np.ones((2, 2)), "
        "np.zeros((2, 2)))",
    ),
    "loop": (
        "import numpy as np\ndef forward(X, W):\n    return np.array([x @ W for x in X])",
        "import numpy as np\nfrom exercise_checks import no_loop, obeying\n"
        "obeying(forward, no_loop(5, instead='One product.'))(np.ones((5, 3)), np.ones((3, 2)))",
    ),
    "shape error": (
        "def forward(X, W):\n    return W @ X",
        "import numpy as np\nforward(np.ones((6, 3)), np.ones((3, 2)))",
    ),
    "known mistake": (
        "def double(x):\n    return x * x",
        "from exercise_checks import Mistake, expect_number\nexpect_number(double(3.0), 6.0, "
        "'double(3.0)', mistakes={'squared': Mistake('you square x', 9.0)})",
    ),
    "check error": (
        "import numpy as np\ndef f():\n    return np.ones(2)",
        "import numpy as np\nnp.asarray(f()).reshape(())",
    ),
}


@pytest.fixture(scope="module")
def in_the_worker(tmp_path_factory) -> dict:
    node = shutil.which("node")
    assert node, "node is not installed (the Pyodide run needs Node.js)"
    tries = tmp_path_factory.mktemp("checks") / "tries.json"
    tries.write_text(json.dumps([{"code": code, "check": check} for code, check in TRIES.values()]))
    result = subprocess.run(
        [node, str(SCRIPT), str(tries)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    marker = re.search(r"^CHECKS-RESULT (.*)$", result.stdout, re.MULTILINE)
    assert marker, f"the Pyodide run gave no result:\n{result.stdout}\n{result.stderr}"
    return dict(zip(TRIES, json.loads(marker.group(1)), strict=True))


def at_build_time(name: str) -> dict:
    code, check = TRIES[name]
    namespace: dict = {"__name__": "__main__"}
    assert run_cell(code, "<cell 1>", namespace).error is None
    return run_check(check, namespace, "<cell 1>").as_message()


@pytest.mark.parametrize("name", list(TRIES))
def test_a_check_says_the_same_in_pyodide_and_at_build_time(in_the_worker, name):
    assert in_the_worker[name] == at_build_time(name)


def test_the_ids_are_the_ones_expected(in_the_worker):
    mistakes = {name: result["mistake"] for name, result in in_the_worker.items()}
    assert mistakes == {
        "forbidden call": "forbidden-call",
        "loop": "loop",
        "shape error": "matmul-shapes",
        "known mistake": "squared",
        "check error": "check-error",
    }
    assert "`W @ X` is (3, 2) @ (6, 3)" in in_the_worker["shape error"]["message"]
