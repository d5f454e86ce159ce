"""Shared fixtures: the project root and one strict build of the whole book per test session;
`--chapter docs/NAME.md` (make test-chapter) keeps only that page's page-by-page tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from bookbuild.harness.static_server import free_port
from bookbuild.paths import ROOT
from bookbuild.site.site_build import build_site


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
    """`mkdocs build --strict` into a temporary directory, as `make build` does; if it fails,
    the test session stops with the build's message (shown once, not once per test).

    BOOK_SITE_DIR=site reuses a site you built yourself (quicker while writing tests); the strict
    build test then has no log to check and says so.
    """
    reused = os.environ.get("BOOK_SITE_DIR")
    if reused:
        return BuiltSite(Path(reused).resolve(), log="(reused BOOK_SITE_DIR)", seconds=0.0)
    target = tmp_path_factory.mktemp("site")
    started = time.perf_counter()
    # Built for the port it will be served on, so that instant navigation works in the tests.
    result = build_site(target, site_url=f"http://127.0.0.1:{free_port()}/")
    seconds = time.perf_counter() - started
    log = result.stdout + result.stderr
    if result.returncode != 0:
        # Every later test needs the book: stop here, with the build's own message, once.
        problems = "\n".join(line for line in log.splitlines() if not line.startswith("INFO"))
        pytest.exit(f"the book did not build (mkdocs build --strict):\n{problems[-6000:]}", 1)
    return BuiltSite(target, log, seconds)


@pytest.fixture(scope="session")
def printed_pdf(built_site, tmp_path_factory) -> Path:
    """The session's site printed to PDF as `make pdf` prints it, once: the PDF tests read it,
    and the offline tests serve it inside a copy of the site."""
    output = tmp_path_factory.mktemp("pdf") / "backprop-book.pdf"
    command = [sys.executable, "-m", "bookbuild.site.pdf", "--no-build"]
    command += ["--site-dir", str(built_site.directory), "--output", str(output)]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"printing the book failed:\n{result.stdout}\n{result.stderr}")
    assert result.stdout.strip().splitlines()[-1].endswith("backprop-book.pdf"), result.stdout
    print(f"printing the book took {time.perf_counter() - started:.1f} s")
    return output


def pytest_addoption(parser):
    parser.addoption(
        "--chapter",
        metavar="docs/NAME.md",
        help="run the tests about this page (and the book-wide ones), not those about other pages",
    )


def pytest_collection_modifyitems(config, items):
    """The tests that need the book's build run first (in their own order): the build fills the
    cell cache, so that `make serve` in a copy of the project (tests/authoring/test_preview.py)
    starts from it instead of running every cell of the book again. With --chapter: drop the
    tests parametrized for another page of the nav."""
    items.sort(key=lambda item: "built_site" not in getattr(item, "fixturenames", ()))
    chapter = config.getoption("--chapter")
    if not chapter:
        return
    from bookbuild.book_nav import nav_page, nav_pages  # reads mkdocs.yml; only when asked

    try:
        chosen = nav_page(chapter).identifiers
    except LookupError as error:
        raise pytest.UsageError(str(error)) from None
    every_page = set().union(*(page.identifiers for page in nav_pages()))
    kept, dropped = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        pages = {value for value in params.values() if isinstance(value, str)} & every_page
        (kept if not pages or pages & chosen else dropped).append(item)
    config.hook.pytest_deselected(items=dropped)
    items[:] = kept


def pytest_collection_finish(session):
    """A full run must collect every test folder (pytest skips folders named like `build`)."""
    if session.config.args_source != pytest.Config.ArgsSource.TESTPATHS:
        return  # a chosen subset: nothing to check
    collected = {Path(str(item.path)).parent for item in session.items}
    missed = sorted(
        str(path.relative_to(ROOT))
        for path in {test.parent for test in (ROOT / "tests").rglob("test_*.py")}
        if path not in collected
    )
    if missed:
        raise pytest.UsageError(f"test folders collected no tests: {missed}")
