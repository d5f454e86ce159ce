"""The `backprop` wheel the browser installs, and the site's pyodide-lock.json that names it.

1. `pip wheel` builds a pure-Python `py3-none-any` wheel from pysrc/ (offline).
2. `pyodide lockfile add-wheels` adds it to the official lock, with numpy as its dependency.
3. `pyodide py-compile` on that folder turns the wheel into a `cp312` wheel of .pyc files (it
   imports faster in the browser) and rewrites the lock entry's file name and sha256 itself.
   (add-wheels rejects the `cp312-none-any` tag, so compiling comes after locking.)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PYODIDE_CLI = str(Path(sys.executable).with_name("pyodide"))


def run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:3])} failed:\n{result.stdout}{result.stderr}")


def add_backprop_wheel(project_root: Path, official_lock: Path, target: Path) -> str:
    """Place the compiled wheel and the site lock in `target`; return the wheel's file name."""
    # setuptools builds in ./build; a stale copy there could ship a file deleted from pysrc/.
    shutil.rmtree(project_root / "build", ignore_errors=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
             "-w", str(folder), str(project_root)])  # fmt: skip
        (pure_wheel,) = folder.glob("backprop-*-py3-none-any.whl")
        lock = folder / "pyodide-lock.json"
        run([PYODIDE_CLI, "lockfile", "add-wheels", "--input", str(official_lock),
             "--output", str(lock), "--base-path", str(folder), str(pure_wheel)])  # fmt: skip
        run([PYODIDE_CLI, "py-compile", "--silent", "--no-keep", str(folder)])
        (compiled,) = folder.glob("backprop-*-cp312-*.whl")
        shutil.copyfile(compiled, target / compiled.name)
        write_site_lock(lock, official_lock, target)
        return compiled.name


def write_site_lock(lock_path: Path, official_lock: Path, target: Path) -> None:
    """Write the lock to `target` listing only files the site has, so no request can 404.

    pyodide-lock drops `info.version` when it rewrites a lock; Pyodide compares it with its own
    version, so the official `info` is restored.
    """
    lock = json.loads(lock_path.read_text())
    lock["info"] = json.loads(official_lock.read_text())["info"]
    shipped = {path.name for path in target.iterdir()}
    lock["packages"] = {
        name: entry for name, entry in lock["packages"].items() if entry["file_name"] in shipped
    }
    (target / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True))
