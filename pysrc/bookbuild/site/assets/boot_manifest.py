"""The boot manifest: what the worker loads when Python starts, and how many bytes that is.

Written next to the site lock as pyodide/boot-manifest.json. The worker reads it to know which
packages to load at boot: the cell runner, notebook_cell, and what nearly every first cell
imports, numpy and backprop (`first_cell_packages`); everything else loads when a cell that
runs imports it (matplotlib with the first plot), exercise_checks with the first Check,
explorables with the first explorable. Its download progress reads the sizes of
a typical first cell's boot, Pyodide with numpy and backprop ("4.2 MB of 17.1 MB": a
compressed response's Content-Length is not the size of the bytes counted). `reader_packages`
are what a cell may import besides the standard library; the worker names them when a cell
imports something else. `kept_files` are the wheels the page asks the service worker to keep
once Python has been used (matplotlib's among them), so that the book's cells work offline.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bookbuild.site.assets.pyodide_release import CORE_FILES, RELEASE_PACKAGES, dependency_closure


def lock_name(package: str) -> str:
    """The name a lock file (and loadPackage) knows a package by: PEP 503's normal form."""
    return re.sub(r"[-_.]+", "-", package).lower()


BOOT_PACKAGES = (lock_name("notebook_cell"),)
TYPICAL_FIRST_CELL = tuple(lock_name(name) for name in ("numpy", "backprop"))
READER_PACKAGES = (*RELEASE_PACKAGES, "backprop")
# What the page keeps offline once Python has been used (its cache holds the boot files already):
# every package a cell, a check or an explorable may load.
KEPT_PACKAGES = (*READER_PACKAGES, "exercise-checks", "explorables")
MANIFEST_NAME = "boot-manifest.json"


def write_boot_manifest(target: Path) -> dict:
    lock = json.loads((target / "pyodide-lock.json").read_text())
    files = [{"name": name, "package": None} for name in CORE_FILES]
    files += [
        {"name": lock["packages"][name]["file_name"], "package": name}
        for name in (*BOOT_PACKAGES, *TYPICAL_FIRST_CELL)
    ]
    for entry in files:
        entry["bytes"] = (target / entry["name"]).stat().st_size
    manifest = {
        "pyodide_version": lock["info"]["version"],
        "boot_packages": list(BOOT_PACKAGES),
        "first_cell_packages": list(TYPICAL_FIRST_CELL),
        "reader_packages": list(READER_PACKAGES),
        "files": files,
        "kept_files": sorted(
            lock["packages"][name]["file_name"] for name in dependency_closure(lock, KEPT_PACKAGES)
        ),
    }
    (target / MANIFEST_NAME).write_text(json.dumps(manifest, indent=1))
    return manifest
