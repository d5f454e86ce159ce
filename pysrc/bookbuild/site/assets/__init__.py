"""Everything the built site serves that is not in git, in docs/assets/generated/ (gitignored).

`python -m bookbuild.site.assets [STEP ...]` runs the steps (all of them by default); the Makefile
runs each step only when its inputs changed:

    styles     the book's one stylesheet, and the math font (stylesheet.py,
    bookbuild.site.math_font)
    pyodide    Pyodide's core and its verified wheels, the version package.json pins
               (pyodide_release.py)
    wheel:NAME a pure-Python wheel of pysrc/NAME, e.g. wheel:backprop (local_wheels.py)
    lock       the local wheels compiled into the site's pyodide-lock.json, and the boot
               manifest that the worker and its download progress read (boot_manifest.py)
    runtime    the browser runtime (runtime/), bundled by esbuild (runtime_bundle.py)
    web-app    the web app manifest and its icons (web_app.py)
"""

from bookbuild.paths import CACHE, GENERATED, NODE_MODULES, ROOT

PYODIDE_TARGET = GENERATED / "pyodide"

__all__ = ["CACHE", "GENERATED", "NODE_MODULES", "PYODIDE_TARGET", "ROOT"]
