"""Where the project's files are: the one place every part of the build, the tests and the
benchmarks take these paths from."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the project: pysrc/bookbuild/paths.py
DOCS = ROOT / "docs"
PYSRC = ROOT / "pysrc"
GENERATED = DOCS / "assets" / "generated"  # what `make assets` writes (gitignored)
NODE_MODULES = ROOT / "node_modules"
CACHE = ROOT / ".cache"
