"""The one way the tools build the site: `mkdocs build --strict`, as `make build` does.

`make pdf`, the tests and the benchmarks all call this. `site_url` sets the address the site is
built for (SITE_URL in mkdocs.yml): Material's instant navigation follows only links whose
origin, port included, matches its sitemap, so a site served on another port must be built for it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_site(
    target: Path, site_url: str | None = None, capture_output: bool = True
) -> subprocess.CompletedProcess:
    """Build into `target`; the caller decides what a failure (non-zero returncode) means."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        environment["SITE_URL"] = site_url
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)]
    return subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=capture_output, text=True
    )
