"""The backprop module's own tests (tests/module), run inside Pyodide, as in the reader's browser.

Why: readers run `backprop` in Pyodide 0.27.7 (wasm32, numpy 2.0.2, the site's py-compiled wheel),
not in the CPython that runs the rest of the suite. run_module_tests.mjs boots the site's
self-hosted Pyodide under Node.js and runs the same pytest suite there; this test requires every
test that CPython collects to pass there too.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from bookbuild.paths import ROOT

SCRIPT = Path(__file__).with_name("run_module_tests.mjs")
PYODIDE = ROOT / "docs" / "assets" / "generated" / "pyodide"
TIMEOUT = 600  # seconds; a run takes about 20 s on a quiet machine


def assert_wheel_is_fresh():
    """The served wheel holds every pysrc/backprop module and was built after the last edit."""
    sources = sorted((ROOT / "pysrc" / "backprop").glob("*.py"))
    wheels = sorted(PYODIDE.glob("backprop-*.whl"))
    hint = "run `.venv/bin/python -m bookbuild.site.assets` (or `make assets`) first"
    assert len(wheels) == 1, f"expected one backprop wheel in {PYODIDE}, found {wheels}: {hint}"
    names = set(zipfile.ZipFile(wheels[0]).namelist())
    missing = [s.name for s in sources if f"backprop/{s.stem}.pyc" not in names]
    assert not missing, f"the wheel lacks {missing}: {hint}"
    newest = max(sources, key=lambda source: source.stat().st_mtime)
    assert wheels[0].stat().st_mtime >= newest.stat().st_mtime, (
        f"{newest.name} changed after {wheels[0].name} was built: {hint}"
    )


def collected_by_cpython() -> int:
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
    result = subprocess.run(
        [*command, "tests/module"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    found = re.search(r"^(\d+) tests? collected", result.stdout, re.MULTILINE)
    assert result.returncode == 0 and found, f"collecting tests/module failed:\n{result.stdout}"
    return int(found.group(1))


@pytest.mark.timeout(TIMEOUT + 60)
def test_every_module_test_passes_in_pyodide():
    node = shutil.which("node")
    assert node, "node is not installed (the Pyodide run needs Node.js 20)"
    assert_wheel_is_fresh()
    expected = collected_by_cpython()
    started = time.perf_counter()
    result = subprocess.run(
        [node, str(SCRIPT)], cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT
    )
    seconds = time.perf_counter() - started
    exit_code, output = result.returncode, result.stdout + result.stderr
    marker = re.search(r"^PYODIDE-RESULT (.*)$", result.stdout, re.MULTILINE)
    assert marker, f"the Pyodide run ended without a result (exit {exit_code}):\n{output[-8000:]}"
    summary = json.loads(marker.group(1))
    counts = summary["counts"]
    pytest_lines = re.findall(r"^=* ?(.* in [0-9.]+s)\b", result.stdout, re.MULTILINE)
    print(f"Pyodide: {pytest_lines[-1] if pytest_lines else counts}; {seconds:.1f} s in all")
    assert exit_code == 0, f"tests failed in Pyodide (exit {exit_code}):\n{result.stdout[-8000:]}"
    assert counts == {"passed": expected}, (
        f"expected all {expected} tests that CPython collects to pass in Pyodide, found {counts}"
    )
