"""The book's own packages as wheels the browser installs, and the site lock that names them.

The book's own packages are the folders of pysrc/ that have a pyproject.toml (backprop,
notebook_cell, exercise_checks and explorables; the build side, bookbuild, has none and is never
shipped).

1. `build_pure_wheel(name)`: `pip wheel` of a copy of pysrc/NAME gives a pure-Python
   `py3-none-any` wheel (offline), in .cache/wheels/NAME/. SOURCE_DATE_EPOCH is fixed, so the
   same sources give the same bytes (and the same sha256 in the lock).
2. `lock_local_wheels(target)`: `pyodide lockfile add-wheels` adds every local wheel to the
   official lock, with its dependencies; `pyodide py-compile` on that folder turns each into a
   `cp312` wheel of .pyc files (it imports faster in the browser) and rewrites the lock entries'
   file names and sha256 itself. (add-wheels rejects the `cp312-none-any` tag, so compiling
   comes after locking.)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bookbuild.site.assets import CACHE, ROOT
from bookbuild.site.assets.pyodide_release import NPM_PYODIDE

LOCAL_PACKAGES = tuple(
    sorted(path.parent.name for path in (ROOT / "pysrc").glob("*/pyproject.toml"))
)
PYODIDE_CLI = str(Path(sys.executable).with_name("pyodide"))
WHEEL_CACHE = CACHE / "wheels"
SOURCE_DATE_EPOCH = "315532800"  # 1980-01-01, the earliest date a zip file can hold
NOT_SHIPPED = shutil.ignore_patterns("__pycache__", "*.pyc", "build", "*.egg-info")


def run(command: list[str], **kwargs) -> None:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:3])} failed:\n{result.stdout}{result.stderr}")


def build_pure_wheel(name: str) -> str:
    """Build pysrc/NAME into .cache/wheels/NAME/; return the wheel's file name."""
    if name not in LOCAL_PACKAGES:
        raise RuntimeError(f"{name!r} is not one of the book's packages {LOCAL_PACKAGES}")
    output = WHEEL_CACHE / name
    shutil.rmtree(output, ignore_errors=True)
    output.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / name  # setuptools writes build/ and *.egg-info beside it
        shutil.copytree(ROOT / "pysrc" / name, source, ignore=NOT_SHIPPED)
        environment = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
        run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
             "-w", str(output), str(source)], env=environment)  # fmt: skip
    (wheel,) = output.glob(f"{name}-*-py3-none-any.whl")
    return wheel.name


def pure_wheels() -> list[Path]:
    wheels = []
    for name in LOCAL_PACKAGES:
        found = sorted((WHEEL_CACHE / name).glob(f"{name}-*-py3-none-any.whl"))
        if not found:
            raise RuntimeError(f"no wheel of {name} in {WHEEL_CACHE}: run the step wheel:{name}")
        wheels.append(found[-1])
    return wheels


def lock_local_wheels(target: Path) -> list[str]:
    """Compile the local wheels into `target` and write its pyodide-lock.json; return names."""
    official_lock = NPM_PYODIDE / "pyodide-lock.json"
    for stale in target.glob("*-cp312-none-any.whl"):  # an older build of a local package
        if stale.name.split("-")[0] in LOCAL_PACKAGES:
            stale.unlink()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        wheels = [Path(shutil.copy(wheel, folder)) for wheel in pure_wheels()]
        lock = folder / "pyodide-lock.json"
        run([PYODIDE_CLI, "lockfile", "add-wheels", "--input", str(official_lock),
             "--output", str(lock), "--base-path", str(folder), *map(str, wheels)])  # fmt: skip
        run([PYODIDE_CLI, "py-compile", "--silent", "--no-keep", str(folder)])
        compiled = sorted(folder.glob("*-cp312-*.whl"))
        for wheel in compiled:
            shutil.copyfile(wheel, target / wheel.name)
        write_site_lock(lock, official_lock, target)
        return [wheel.name for wheel in compiled]


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
