"""The one way the tools build the site: `mkdocs build --strict`, then the steps for offline use.

`make build`, `make pdf`, the tests and the benchmarks all call `build_site`. After the strict
build, bookbuild.site.math_font subsets the math font to what the formulas show, and
bookbuild.site.offline moves the figures into files and writes the service worker (a preview with
`mkdocs serve` skips both). `site_url` sets the address the site is built for
(SITE_URL in mkdocs.yml): Material's instant navigation follows only links whose origin, port
included, matches its sitemap, so a site served on another port must be built for it.

    python -m bookbuild.site.site_build [SITE_DIR]     what `make build` runs (default: site/)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bookbuild.paths import ROOT


def build_site(
    target: Path, site_url: str | None = None, capture_output: bool = True
) -> subprocess.CompletedProcess:
    """Build into `target`; the caller decides what a failure (non-zero returncode) means."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        environment["SITE_URL"] = site_url
    steps = [
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        [sys.executable, "-m", "bookbuild.site.math_font", str(target)],
        [sys.executable, "-m", "bookbuild.site.offline", str(target)],
    ]
    stdout, stderr = "", ""
    for command in steps:
        result = subprocess.run(
            command, cwd=ROOT, env=environment, capture_output=capture_output, text=True
        )
        stdout += result.stdout or ""
        stderr += result.stderr or ""
        if result.returncode != 0:
            break
    return subprocess.CompletedProcess(steps[0], result.returncode, stdout, stderr)


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site")
    sys.exit(build_site(site, capture_output=False).returncode)
