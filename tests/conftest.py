"""Shared fixtures: the project root and one strict build of the whole book per test session."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


@dataclass
class BuiltSite:
    directory: Path
    log: str
    seconds: float

    def pages(self) -> list[Path]:
        """Every HTML page of the book (not the 404 page or search index)."""
        return sorted(path for path in self.directory.rglob("*.html") if path.name != "404.html")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """`mkdocs build --strict` into a temporary directory, as `make build` does."""
    target = tmp_path_factory.mktemp("site")
    started = time.perf_counter()
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=environment)
    seconds = time.perf_counter() - started
    log = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed after {seconds:.0f} s:\n{log[-6000:]}")
    return BuiltSite(target, log, seconds)
