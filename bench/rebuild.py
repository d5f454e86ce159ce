"""Time `make serve`'s rebuilds: from saving a file to the rebuilt result being served.

In a copy of the project (bookbuild.harness.preview_session; the author's tree is never edited), it
starts `make serve` on a free port, then measures, each as the median of several saves:

    prose edit    a sentence added to a chapter -> the chapter's page, served, contains it
                  (target < 2 s: no cell runs, and the preview leaves out the search index and
                  the print page)
    module edit   a line added to pysrc/backprop -> the site's lock, served, names the new wheel
                  (the wheel and the lock are rebuilt, and every page's cells run again, since
                  they import the module; the new wheel is served when that build is done)

Run with `python -m bench.rebuild` (part of `make bench`); BENCH_REBUILD_REPEATS sets the number
of prose edits (default 5; module edits: at most 3).
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from bookbuild.harness.preview_session import copy_project, preview

CHAPTER = "docs/derivatives.md"
CHAPTER_PATH = "derivatives/"
MODULE_FILE = "pysrc/backprop/calculus.py"
LOCK = "assets/generated/pyodide/pyodide-lock.json"
PROSE_TARGET_SECONDS = 2.0
REPEATS = int(os.environ.get("BENCH_REBUILD_REPEATS", "5"))
SETTLE_SECONDS = 1.5  # between saves, so each save is a rebuild of its own


def prose_edits(session, repeats: int) -> list[float]:
    file = session.project / CHAPTER
    original = file.read_text()
    seconds = []
    for number in range(repeats):
        time.sleep(SETTLE_SECONDS)
        marker = f"bench-prose-edit-{number}-{time.time_ns()}"
        file.write_text(original.replace("\n\n", f"\n\n{marker} words.\n\n", 1))
        seconds.append(
            session.wait_for(lambda m=marker: m in session.text(CHAPTER_PATH), 120, "prose edit")
        )
    return seconds


def module_edits(session, repeats: int) -> list[float]:
    file = session.project / MODULE_FILE
    original = file.read_text()
    seconds = []
    for number in range(repeats):
        time.sleep(SETTLE_SECONDS)
        before = served_wheel(session)
        file.write_text(original + f"\n_BENCH_EDIT = {number}  # {time.time_ns()}\n")
        seconds.append(
            session.wait_for(
                lambda b=before: served_wheel(session) not in (b, None), 900, "module edit"
            )
        )
    return seconds


def served_wheel(session) -> str | None:
    status, body = session.get(LOCK)
    return json.loads(body)["packages"]["backprop"]["sha256"] if status == 200 else None


def main():
    with tempfile.TemporaryDirectory(prefix="bench-rebuild-") as directory:
        project = copy_project(Path(directory))
        started = time.perf_counter()
        with preview(project) as session:
            first = time.perf_counter() - started
            prose = prose_edits(session, REPEATS)
            module = module_edits(session, min(REPEATS, 3))
    median = statistics.median(prose)
    met = "met" if median < PROSE_TARGET_SECONDS else "missed"
    print(f"make serve rebuilds on {os.cpu_count()} CPUs (medians; first build {first:.1f} s)")
    print(
        f"  prose edit -> page served    {median:6.2f} s  of {len(prose)}: "
        f"{', '.join(f'{s:.2f}' for s in prose)} (target < {PROSE_TARGET_SECONDS:g} s, {met})"
    )
    print(f"  module edit -> wheel served  {statistics.median(module):6.2f} s  of {len(module)}: "
          f"{', '.join(f'{s:.1f}' for s in module)}")  # fmt: skip


if __name__ == "__main__":
    main()
