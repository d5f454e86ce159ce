"""Print a built site's combined print page (mkdocs-print-site-plugin) to one PDF with Chromium.

The site is served on 127.0.0.1 and Chromium may fetch nothing from any other origin. The page
is printed as the static HTML from the build: the cells' browser runtime is not loaded, so no
editor, button or progress bar can reach the paper. The PDF is A4 with the margins, running
heads and page numbers of styles/print.css, tagged (searchable, with the structure
of the HTML) and with an outline of chapters and sections.

The PDF is written to a temporary file beside `output` and renamed into place, so a failed
print never leaves a partial file at `output`.
"""

from __future__ import annotations

import io
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright
from pypdf import PdfReader

from bookbuild.harness.browser import confine_to_origin, launch_chromium
from bookbuild.harness.static_server import serve_directory
from bookbuild.site.pdf.contents_pages import (
    FILL_PAGE_NUMBERS,
    contents_page_numbers,
    moved_entries,
)

PRINT_PAGE = "print_page/"
DEFAULT_TIMEOUT = 180.0  # seconds for the whole print; about 15 s is usual
PREPARE_PRINT_PAGE = Path(__file__).with_name("prepare_print_page.js").read_text()
# The runtime would turn the static cells into editors; paper shows the build's output instead.
RUNTIME_BUNDLE = "**/assets/generated/runtime/**"
# outline=True gives bookmarks only together with tagged=True. The page size and margins come
# from print.css's @page rule (A4); `format` is the fallback for a page without one.
PDF_OPTIONS = {
    "format": "A4",
    "prefer_css_page_size": True,
    "print_background": True,
    "outline": True,
    "tagged": True,
}


class PrintError(RuntimeError):
    """The book could not be printed; the message says why."""


@dataclass
class PrintedBook:
    path: Path
    pages: int
    seconds: float
    blocked: list[str] = field(default_factory=list)  # requests to other origins, refused


class Deadline:
    """One time limit for the whole print, handed to each Playwright step as its timeout.

    Playwright's page.pdf() takes no timeout, so the limit is checked before and after each
    print (each takes a few seconds) rather than during it.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def milliseconds_left(self, step: str) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise PrintError(f"Printing the book took longer than {self.seconds:g} s ({step}).")
        return left * 1000


def print_book(
    site: Path,
    output: Path,
    *,
    edition: str,
    timeout: float = DEFAULT_TIMEOUT,
    print_page: str = PRINT_PAGE,
) -> PrintedBook:
    """Print `site`'s print page to `output`; raise PrintError (and write nothing) on failure."""
    started = time.monotonic()
    deadline = Deadline(timeout)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.{os.getpid()}.part")
    blocked: list[str] = []
    try:
        with (
            serve_directory(site) as base_url,
            sync_playwright() as playwright,
            launch_chromium(playwright) as browser,
        ):
            context = browser.new_context(color_scheme="light")
            confine_to_origin(context, base_url, blocked)
            context.route(RUNTIME_BUNDLE, lambda route: route.abort())  # tried before the above
            page = context.new_page()
            page.emulate_media(media="print")  # laid out once, for paper: 3 s faster to load
            open_print_page(page, base_url + print_page, deadline)
            pdf = print_with_contents_pages(page, edition, deadline)
        partial.write_bytes(pdf)
        os.replace(partial, output)
    except PlaywrightTimeoutError as error:
        message = f"Printing the book timed out after {timeout:g} s: {first_line(error)}"
        raise PrintError(message) from error
    except PlaywrightError as error:
        raise PrintError(f"Chromium failed while printing the book: {first_line(error)}") from error
    finally:
        partial.unlink(missing_ok=True)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    return PrintedBook(output, pages, time.monotonic() - started, blocked)


def open_print_page(page, url: str, deadline: Deadline) -> None:
    """Load the print page and its fonts; fail on an HTTP error, a missing asset or a JS error."""
    page_errors: list[str] = []
    missing: list[str] = []

    def note_missing(response) -> None:
        if response.status >= 400 and response.url != url:
            missing.append(f"HTTP {response.status} {response.url}")

    page.on("pageerror", lambda error: page_errors.append(str(error)))
    page.on("response", note_missing)
    response = page.goto(url, wait_until="load", timeout=deadline.milliseconds_left("loading"))
    if response is None or not response.ok:
        status = response.status if response else "no response"
        raise PrintError(
            f"The print page {url} answered HTTP {status}. Is mkdocs-print-site-plugin the last "
            "plugin in mkdocs.yml, and was the site built (mkdocs build --strict)?"
        )
    page.wait_for_function(
        "document.fonts.status === 'loaded'", timeout=deadline.milliseconds_left("loading fonts")
    )
    if page_errors:
        raise PrintError("The print page raised JavaScript errors:\n  " + "\n  ".join(page_errors))
    if missing:
        raise PrintError("The print page could not load:\n  " + "\n  ".join(missing))


def print_with_contents_pages(page, edition: str, deadline: Deadline) -> bytes:
    """Prepare the page, print it once to learn where the chapters start, then print the book."""
    contents_ids = page.evaluate(PREPARE_PRINT_PAGE, {"edition": edition})
    deadline.milliseconds_left("preparing the print page")
    # Only for the page numbers: without tags and outline, which do not change the layout.
    first_print = page.pdf(**{**PDF_OPTIONS, "tagged": False, "outline": False})
    page_numbers = contents_page_numbers(first_print, contents_ids)
    page.evaluate(FILL_PAGE_NUMBERS, page_numbers)
    deadline.milliseconds_left("first print")
    book = page.pdf(**PDF_OPTIONS)
    moved = moved_entries(book, page_numbers)
    if moved:
        raise PrintError(f"Filling in the contents' page numbers moved {', '.join(moved)}.")
    return book


def first_line(error: Exception) -> str:
    """Playwright's messages carry a long call log after the first line."""
    message = getattr(error, "message", None) or str(error)
    return message.strip().splitlines()[0] if message.strip() else type(error).__name__
