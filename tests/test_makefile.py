"""The Makefile rebuilds an asset only when its own inputs change.

`make -n -W FILE assets` prints what make would run if FILE had just been edited; compared with
`make -n assets` (what it would run anyway), that is what an edit of FILE costs.
"""

from __future__ import annotations

import subprocess

import pytest

from bookbuild.harness.static_server import free_port
from bookbuild.paths import ROOT


def asset_steps(*what_if: str) -> set[str]:
    options = [f"--what-if={path}" for path in what_if]
    result = subprocess.run(
        ["make", "--dry-run", *options, "assets"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return {
        line.split("bookbuild.site.assets", 1)[1].strip()
        for line in result.stdout.splitlines()
        if "-m bookbuild.site.assets" in line
    }


def steps_caused_by(path: str) -> set[str]:
    pending = asset_steps()
    assert not pending, f"the assets are stale (make would run {pending}): run `make assets` first"
    return asset_steps(path)


@pytest.mark.parametrize(
    "path",
    [
        "pysrc/bookbuild/site/pdf/print_book.py",
        "pysrc/bookbuild/markdown/cell_fence.py",
        "docs/derivatives.md",
    ],
)
def test_editing_what_no_asset_is_made_from_rebuilds_nothing(path):
    assert steps_caused_by(path) == set()


def test_editing_the_module_rebuilds_its_wheel_and_the_lock_only():
    assert steps_caused_by("pysrc/backprop/layers.py") == {"wheel:backprop", "lock"}


def test_editing_the_cell_core_rebuilds_its_wheel_and_the_lock_only():
    caused = steps_caused_by("pysrc/notebook_cell/run.py")
    assert caused == {"wheel:notebook_cell", "lock"}


def test_editing_the_runtime_rebundles_it_only():
    assert steps_caused_by("runtime/page/cell-view.js") == {"runtime"}


@pytest.mark.parametrize("target", ["build", "serve", "test", "pdf", "test-chapter"])
def test_targets_that_need_chromium_install_it_themselves(target):
    """The build draws diagrams with Chromium, so `make build` and `make serve` install it too."""
    port = free_port()
    result = subprocess.run(
        ["make", "--dry-run", "--what-if=.venv/.installed", target, f"PORT={port}"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "playwright install chromium" in result.stdout, f"make {target} does not install it"


def test_test_chapter_says_which_argument_it_needs():
    result = subprocess.run(
        ["make", "--no-print-directory", "test-chapter", "--assume-old=.cache/browser.ok"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode != 0 and "CHAPTER=docs/" in result.stdout + result.stderr
