"""`make serve` in a copy of the project, for the tests and the benchmarks that edit files.

The copy has the project's own files (tracked, or new and not ignored), its generated assets and
caches, and links to its .venv and node_modules; timestamps are kept, so `make` sees everything
as up to date. Edits then never touch the author's tree. PYTHONPATH points at the copy's pysrc/,
so the build, the hooks and `make assets` use the copy's code.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from bookbuild.harness.static_server import free_port
from bookbuild.paths import ROOT

GENERATED = ["docs/assets/generated", ".cache/wheels", ".cache/cells", ".cache/diagrams"]
LINKED = [".venv", "node_modules"]
STAMPS = [".cache/browser.ok"]


def copy_project(target: Path) -> Path:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    for relative in filter(None, listed.split("\0")):
        if (ROOT / relative).is_file():
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / relative, target / relative)
    for relative in GENERATED:
        if (ROOT / relative).is_dir():
            shutil.copytree(ROOT / relative, target / relative, dirs_exist_ok=True)
    for relative in STAMPS:
        if (ROOT / relative).exists():
            shutil.copy2(ROOT / relative, target / relative)
    for relative in LINKED:
        (target / relative).symlink_to(ROOT / relative)
    return target


class RunningPreview:
    """A running `make serve PORT=...` in `project`; `get` fetches from it."""

    def __init__(self, project: Path, process: subprocess.Popen, url: str, log: Path) -> None:
        self.project = project
        self.process = process
        self.url = url
        self.log = log

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=120) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except OSError:
            return 0, b""

    def text(self, path: str) -> str:
        return self.get(path)[1].decode("utf-8", "replace")

    def wait_for(self, condition: Callable[[], bool], timeout: float, what: str) -> float:
        """Seconds until `condition()` holds, polled every 20 ms; fails after `timeout`."""
        started = time.perf_counter()
        while not condition():
            if time.perf_counter() - started > timeout:
                raise TimeoutError(f"{what}: not after {timeout:.0f} s; log:\n{self.log_text()}")
            if self.process.poll() is not None:
                raise RuntimeError(f"make serve stopped; log:\n{self.log_text()}")
            time.sleep(0.02)
        return time.perf_counter() - started

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")[-6000:]


@contextlib.contextmanager
def preview(project: Path, timeout: float = 600) -> Iterator[RunningPreview]:
    """`make serve` on a free port in `project` (a copy); stopped, with its children, at the end."""
    port = free_port()
    log = project / "serve.log"
    environment = {**os.environ, "PYTHONPATH": str(project / "pysrc")}
    environment.pop("MAKEFLAGS", None)
    with log.open("w") as output:
        process = subprocess.Popen(
            ["make", "--no-print-directory", "serve", f"PORT={port}"],
            cwd=project, env=environment, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so stopping it stops mkdocs too
        )  # fmt: skip
    session = RunningPreview(project, process, f"http://127.0.0.1:{port}/", log)
    try:
        session.wait_for(lambda: session.get("")[0] == 200, timeout, "the first build")
        yield session
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
