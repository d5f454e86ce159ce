"""`python -m bookbuild.site.assets [STEP ...]`: assemble docs/assets/generated/ (see __init__.py).

With no step, every step runs, in order. The Makefile names the steps so that each one runs only
when its inputs change: editing the PDF code rebuilds nothing here, and editing pysrc/backprop
rebuilds only the backprop wheel and the lock.
"""

from __future__ import annotations

import subprocess
import sys
import time

from bookbuild.site.assets import GENERATED, PYODIDE_TARGET, ROOT
from bookbuild.site.assets.boot_manifest import write_boot_manifest
from bookbuild.site.assets.local_wheels import LOCAL_PACKAGES, build_pure_wheel, lock_local_wheels
from bookbuild.site.assets.pyodide_release import AssetError, assemble_release
from bookbuild.site.assets.runtime_bundle import bundle_runtime
from bookbuild.site.assets.stylesheet import bundle_stylesheet
from bookbuild.site.assets.web_app import write_web_app


def lock_and_manifest() -> str:
    compiled = lock_local_wheels(PYODIDE_TARGET)
    manifest = write_boot_manifest(PYODIDE_TARGET)
    boot_bytes = sum(entry["bytes"] for entry in manifest["files"])
    return f"lock: {', '.join(compiled)}; boot downloads {boot_bytes / 1e6:.1f} MB"


STEPS = {
    "styles": bundle_stylesheet,
    "pyodide": lambda: assemble_release(PYODIDE_TARGET),
    **{
        f"wheel:{name}": (lambda name=name: f"wheel: {build_pure_wheel(name)}")
        for name in LOCAL_PACKAGES
    },  # fmt: skip
    "lock": lock_and_manifest,
    "runtime": bundle_runtime,
    "web-app": write_web_app,
}


def main(argv: list[str]) -> int:
    names = argv or list(STEPS)
    unknown = [name for name in names if name not in STEPS]
    if unknown:
        print(f"unknown step(s) {unknown}; the steps are: {' '.join(STEPS)}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        for name in names:
            print(STEPS[name]())
    except (AssetError, RuntimeError, subprocess.CalledProcessError) as error:
        print(f"error: could not assemble the site's assets ({name}): {error}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(f"assets ({' '.join(names)}) in {GENERATED.relative_to(ROOT)} in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
