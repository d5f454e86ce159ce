"""Time `make pdf`'s two halves: the strict site build and the print to PDF.

Runs `python -m bookbuild.site.pdf --site-dir TMP` (the command behind `make pdf`, into a temporary
directory rather than site/) once, and reports the wall-clock time of the build, of the print
and of the whole, plus the PDF's page count and size. The target is under 90 s in all on a
2-core machine. Run from the repository root with `python -m bench.pdf_print`.
"""

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bookbuild.paths import ROOT

TARGET_SECONDS = 90


def main():
    with tempfile.TemporaryDirectory() as directory:
        site = Path(directory) / "site"
        command = [sys.executable, "-m", "bookbuild.site.pdf", "--site-dir", str(site)]
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        started = time.perf_counter()
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=environment)
        total = time.perf_counter() - started
        if result.returncode != 0:
            sys.exit(f"make pdf failed:\n{result.stdout}\n{result.stderr}")
        built = float(re.search(r"Built the site in (\d+) s", result.stdout).group(1))
        printed = re.search(r"Printed (\d+) pages \(([\d.]+) MB\) in (\d+) s", result.stdout)
    pages, megabytes, print_seconds = (float(value) for value in printed.groups())
    print(f"make pdf on {os.cpu_count()} CPUs: {total:.1f} s in all (target < {TARGET_SECONDS} s)")
    print(f"  mkdocs build --strict  {built:5.0f} s")
    print(f"  print to PDF           {print_seconds:5.0f} s  ({pages:.0f} pages, {megabytes} MB)")


if __name__ == "__main__":
    main()
