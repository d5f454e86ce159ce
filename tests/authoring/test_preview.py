"""`make serve`, run for real in a copy of the project: what a save does to the preview."""

from __future__ import annotations

import hashlib
import json
import socket
import subprocess
import time

import pytest

from bookbuild.harness.preview_session import copy_project, preview
from bookbuild.paths import ROOT

CHAPTER = "docs/derivatives.md"
LOCK = "assets/generated/pyodide/pyodide-lock.json"


@pytest.fixture(scope="module")
def serving(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("project"))
    with preview(project) as session:
        yield session


def edit(session, path: str, change) -> str:
    """Apply `change` to the copy's file; return its old text."""
    file = session.project / path
    old = file.read_text()
    file.write_text(change(old))
    return old


def log_since(session, mark: int) -> str:
    return session.log.read_text(errors="replace")[mark:]


def test_a_prose_edit_shows_without_running_any_cell(serving):
    mark = len(serving.log.read_text())
    marker = f"prose-edit-{time.time_ns()}"
    edit(serving, CHAPTER, lambda text: text.replace("\n\n", f"\n\n{marker} words.\n\n", 1))
    seconds = serving.wait_for(lambda: marker in serving.text("derivatives/"), 60, "the edit")
    assert " ran " not in log_since(serving, mark), "a prose edit ran cells"
    print(f"prose edit served after {seconds:.2f} s")


def test_a_broken_page_shows_its_error_in_the_browser_and_no_request_hangs(serving):
    mark = len(serving.log.read_text())
    broken_cell = "\n\n```python cell\nraise ValueError('shown in the browser')\n```\n"
    old = edit(serving, CHAPTER, lambda text: text + broken_cell)
    serving.wait_for(
        lambda: "The book did not build" in serving.text("derivatives/"), 60, "the error page"
    )
    page = serving.text("derivatives/")
    assert "docs/derivatives.md:" in page and "ValueError: shown in the browser" in page
    assert "livereload" in page, "the error page reloads itself when the book builds again"
    status, other = serving.get("cost-functions/")  # another page answers too, at once
    assert status == 200 and b"The book did not build" in other
    assert log_since(serving, mark).count("ValueError: shown in the browser") == 1, "printed once"

    (serving.project / CHAPTER).write_text(old)
    serving.wait_for(
        lambda: "The book did not build" not in serving.text("derivatives/"), 60, "the fixed page"
    )


def test_a_warning_is_listed_above_the_page_until_it_is_fixed(serving):
    mark = len(serving.log.read_text())
    old = edit(serving, CHAPTER, lambda text: text + "\n\nIt prints [123.456]{.printed}.\n")
    line = len((serving.project / CHAPTER).read_text().splitlines())
    serving.wait_for(
        lambda: "data-preview-warnings" in serving.text("derivatives/"), 60, "the warnings"
    )
    page = serving.text("derivatives/")
    assert f"docs/derivatives.md:{line}: the prose says 123.456 is printed" in page
    assert "data-cell=" in page, "the page itself is still shown"
    assert log_since(serving, mark).count("123.456 is printed") == 1, "printed once"
    (serving.project / CHAPTER).write_text(old)
    serving.wait_for(
        lambda: "data-preview-warnings" not in serving.text("derivatives/"), 60, "no warnings"
    )


def test_a_link_to_a_missing_heading_is_shown_in_the_browser_with_its_line(serving):
    old = edit(serving, CHAPTER, lambda text: text + "\n\nSee [the slope](#the-slop).\n")
    line = len((serving.project / CHAPTER).read_text().splitlines())
    serving.wait_for(
        lambda: "The book did not build" in serving.text("derivatives/"), 60, "the error page"
    )
    page = serving.text("derivatives/")
    assert f"docs/derivatives.md:{line}: the link &#x27;#the-slop&#x27; goes to #the-slop" in page
    assert "the nearest is #the-slope" in page
    (serving.project / CHAPTER).write_text(old)
    serving.wait_for(
        lambda: "The book did not build" not in serving.text("derivatives/"), 60, "the fixed page"
    )


def test_the_preview_leaves_out_the_pdf_and_the_service_worker_quietly(serving):
    page = serving.text("derivatives/")
    assert "bp-download-pdf" not in page, "the preview has no PDF to link to"
    status, worker = serving.get("sw.js")
    assert status == 200 and b"unregister" in worker, "the runtime's sw.js is a stand-in"
    assert "`make pdf` prints the book to site/pdf/" in serving.log_text()
    assert " code 404" not in serving.log_text()


def test_a_module_edit_rebuilds_the_wheel_the_browser_loads(serving):
    def backprop_lock_entry():
        status, body = serving.get(LOCK)
        return json.loads(body)["packages"]["backprop"] if status == 200 else None

    before = backprop_lock_entry()
    stamp = time.time_ns()
    edit(serving, "pysrc/backprop/calculus.py", lambda text: text + f"\n_EDITED = {stamp}\n")
    serving.wait_for(
        lambda: (
            (entry := backprop_lock_entry()) is not None and entry["sha256"] != before["sha256"]
        ),
        600,
        "the rebuilt wheel in the site's lock",
    )
    entry = backprop_lock_entry()
    status, wheel = serving.get(f"assets/generated/pyodide/{entry['file_name']}")
    assert status == 200 and hashlib.sha256(wheel).hexdigest() == entry["sha256"]


def test_a_port_in_use_stops_make_serve_with_one_line_before_any_build_work():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            ["make", "--no-print-directory", "serve", f"PORT={port}"],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    output = (result.stdout + result.stderr).strip()
    assert result.returncode != 0
    assert output.count("\n") == 0, f"more than one line:\n{output}"
    assert f"port {port} on 127.0.0.1 is in use" in output and "PORT=" in output
