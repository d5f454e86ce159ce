"""The browser runtime (runtime/), bundled by esbuild into docs/assets/generated/runtime/.

Two entry points: the page's cells (runtime/page/cells.js) and the Python worker
(runtime/worker/worker.js). CodeMirror becomes its own chunk, loaded on a cell's first focus.
The module `book-contract` is bookbuild/contract.py's values, written here as JSON.

The explorables' controls take their ranges from explorables.settings: this step writes them as
JSON (.cache/explorable-settings.json) and esbuild resolves the import `explorable-settings` to
that file, so each range is written once, in Python.
"""

from __future__ import annotations

import json
import shutil
import subprocess

from bookbuild import contract
from bookbuild.site.assets import CACHE, GENERATED, NODE_MODULES, ROOT
from explorables.settings import for_the_page

SOURCES = ROOT / "runtime"
ENTRY_POINTS = {"cells": SOURCES / "page" / "cells.js", "worker": SOURCES / "worker" / "worker.js"}
EXPLORABLE_SETTINGS = CACHE / "explorable-settings.json"
CONTRACT_JSON = CACHE / "runtime" / "book-contract.json"


def write_explorable_settings() -> None:
    EXPLORABLE_SETTINGS.parent.mkdir(parents=True, exist_ok=True)
    EXPLORABLE_SETTINGS.write_text(json.dumps(for_the_page(), indent=1, sort_keys=True) + "\n")


def bundle_runtime() -> str:
    target = GENERATED / "runtime"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    CONTRACT_JSON.parent.mkdir(parents=True, exist_ok=True)
    CONTRACT_JSON.write_text(json.dumps(contract.as_json(), indent=1))
    write_explorable_settings()
    command = [str(NODE_MODULES / ".bin" / "esbuild")]
    command += [f"--alias:book-contract={CONTRACT_JSON}"]
    command += [f"{name}={path}" for name, path in ENTRY_POINTS.items()]
    command += ["--bundle", "--format=esm", "--minify", "--sourcemap", "--target=es2020"]
    command += [f"--outdir={target}", "--log-level=warning"]
    command += ["--splitting", "--chunk-names=chunks/[name]-[hash]"]
    command += [f"--alias:explorable-settings={EXPLORABLE_SETTINGS}"]
    subprocess.run(command, check=True)
    return f"runtime: {', '.join(f'{name}.js' for name in ENTRY_POINTS)} bundled"
