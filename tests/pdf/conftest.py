"""The book printed once per session (tests/conftest.py's printed_pdf), as `make pdf` prints it,
from the session's strict build.

A few pages are also rendered to PNG in test-artifacts/pdf/ for a person to look at.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from bookbuild.paths import ROOT
from tests.pdf.pdf_reading import BookPdf, chapter_page_ranges

ARTIFACTS = ROOT / "test-artifacts" / "pdf"


def run_pdf_command(*arguments, env: dict | None = None) -> subprocess.CompletedProcess:
    """`python -m bookbuild.site.pdf ARGUMENTS`, the command behind `make pdf`."""
    command = [sys.executable, "-m", "bookbuild.site.pdf", *map(str, arguments)]
    environment = {**os.environ, **(env or {})}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=environment)


@pytest.fixture(scope="session")
def printed_book(printed_pdf) -> BookPdf:
    """The session's PDF (tests/conftest.py prints it once), read, a few pages as PNG."""
    book = BookPdf(printed_pdf)
    render_for_people(book)
    return book


@pytest.fixture(scope="session")
def chapter_pages(printed_book) -> dict[str, tuple[int, int]]:
    return chapter_page_ranges(printed_book)


@pytest.fixture(scope="session")
def online_url(built_site) -> str:
    """The site_url the site was built with (the online edition), from its canonical link."""
    index = (built_site.directory / "index.html").read_text()
    return re.search(r'<link rel="canonical" href="([^"]+)"', index).group(1)


def render_for_people(book: BookPdf) -> None:
    """The cover, the contents, a chapter opening and a page with a figure and math, as PNG."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()
    chapters = chapter_page_ranges(book)
    opening = chapters["Backpropagation"][0]
    figure_pages = {page for page, _ in book.figure_pages()}
    # The first figure page that also has math (set in the math font, STIX Two Math).
    most_math = max(sorted(figure_pages), key=lambda number: fonts_of(book, number).count("STIX"))
    pages = {"cover": 1, "contents": 2, "chapter-opening": opening, "figure-and-math": most_math}
    for name, number in pages.items():
        prefix = ARTIFACTS / f"page-{number:03d}-{name}"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-singlefile", "-f", str(number), "-l", str(number),
             str(book.path), str(prefix)],
            check=True,
        )  # fmt: skip


def fonts_of(book: BookPdf, number: int) -> str:
    fonts = book.reader.pages[number - 1]["/Resources"].get("/Font") or {}
    return " ".join(str(font.get_object().get("/BaseFont")) for font in fonts.get_object().values())
