"""The build and the browser's worker run cells with one core (notebook_cell) and show the same.

The same cells run through the build's adapter (bookbuild.markdown.build_session, CPython) and
through the
worker's (notebook_cell.worker_session, in the site's Pyodide under Node.js). They must agree on
the text, the value, the images (the build saves figures as SVG and the worker as PNG; alt text
and self-drawn SVG are identical) and the error.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess

import pytest

from bookbuild.markdown.build_session import PageSession
from bookbuild.paths import ROOT
from notebook_cell.figures import is_phone_variant

SCRIPT = ROOT / "tests" / "pyodide" / "run_cells.mjs"
CELLS = {
    "text": "import sys\nprint('hello')\nprint('to stderr', file=sys.stderr)",
    "value": "6 * 7",
    "figure": "import matplotlib.pyplot as plt\nplt.plot([0, 1], [1, 0])\nplt.title('A line')",
    "graph": "from backprop import Value, draw\na = Value(2.0, label='a')\nL = a * a\n"
    "L.label = 'L'\nL.backward()\ndraw(L)",
    "error": "def f():\n    return 1 / 0\n\nf()",
}


@pytest.fixture(scope="module")
def in_the_worker(tmp_path_factory) -> dict:
    node = shutil.which("node")
    assert node, "node is not installed (the Pyodide run needs Node.js)"
    cells = tmp_path_factory.mktemp("cells") / "cells.json"
    cells.write_text(json.dumps(list(CELLS.values())))
    result = subprocess.run(
        [node, str(SCRIPT), str(cells)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    marker = re.search(r"^CELLS-RESULT (.*)$", result.stdout, re.MULTILINE)
    assert marker, f"the Pyodide run gave no result:\n{result.stdout}\n{result.stderr}"
    return dict(zip(CELLS, json.loads(marker.group(1)), strict=True))


@pytest.fixture(scope="module")
def at_build_time() -> dict:
    session = PageSession()
    return {
        name: session.run(code, number)
        for number, (name, code) in enumerate(CELLS.items(), start=1)
    }


@pytest.mark.parametrize("name", list(CELLS))
def test_the_text_and_the_error_are_the_same(in_the_worker, at_build_time, name):
    worker, build = in_the_worker[name], at_build_time[name]
    shown = worker["printed"] + (worker["value"] + "\n" if worker["value"] is not None else "")
    assert shown == build.output
    assert worker["error"] == build.error
    assert worker["interrupted"] is False


def test_each_kind_of_cell_shows_what_it_should(at_build_time):
    assert at_build_time["text"].output == "hello\nto stderr\n"
    assert at_build_time["value"].output == "42\n"
    assert at_build_time["error"].error.endswith("ZeroDivisionError: division by zero\n")
    assert 'File "<cell 5>", line 2, in f' in at_build_time["error"].error


@pytest.mark.parametrize("name", list(CELLS))
def test_the_images_have_the_same_alt_text_and_kind(in_the_worker, at_build_time, name):
    worker = in_the_worker[name]["images"]
    # The build adds a variant drawn for a phone's column after a figure that needs one.
    build = [image for image in at_build_time[name].images if not is_phone_variant(image)]
    assert [image["alt"] for image in worker] == [image.alt for image in build]
    if name == "figure":
        assert [i.mime for i in build] == ["image/svg+xml"]  # sharp in the PDF
        assert [i["mime"] for i in worker] == ["image/png"]
        assert build[0].alt == "Figure: A line"
    if name == "graph":  # the value draws itself: the same SVG, titled by itself
        assert base64.b64decode(worker[0]["data"]) == build[0].data
        assert build[0].alt == "Computational graph of L"
