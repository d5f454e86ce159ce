"""`make pdf`: build the site, then print the whole book into it as site/pdf/backprop-book.pdf.

    python -m bookbuild.site.pdf                   mkdocs build --strict into site/, then print
    python -m bookbuild.site.pdf --site-dir DIR    the same into DIR (DIR/pdf/backprop-book.pdf)
    python -m bookbuild.site.pdf --no-build --site-dir DIR [--output FILE]
                                              print a site built before

The PDF sits at a stable path inside the built site, so GitHub Pages serves it next to the HTML,
where the header's "Download PDF" link (docs/overrides/partials/download-pdf.html) points. On
success the last line printed is the PDF's path; on failure the exit status is 1, the message
says what went wrong, and no PDF is left at the output path.
"""

from __future__ import annotations

import argparse
import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

from bookbuild.harness.browser import BrowserMissingError
from bookbuild.paths import ROOT
from bookbuild.site import site_build
from bookbuild.site.pdf import PDF_PATH
from bookbuild.site.pdf.print_book import DEFAULT_TIMEOUT, PRINT_PAGE, PrintError, print_book


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    site = arguments.site_dir.resolve()
    output = (arguments.output or site / PDF_PATH).resolve()
    try:
        if not arguments.no_build:
            build_site_to_print(site)
        book = print_book(
            site,
            output,
            edition=edition_line(),
            timeout=arguments.timeout,
            print_page=arguments.print_page,
        )
    except (PrintError, BrowserMissingError) as error:
        print(f"make pdf: {error}", file=sys.stderr)
        return 1
    for url in book.blocked:
        print(f"make pdf: warning: refused a request to another origin: {url}", file=sys.stderr)
    size = book.path.stat().st_size / 1e6
    print(f"Printed {book.pages} pages ({size:.1f} MB) in {book.seconds:.0f} s:")
    print(display_path(book.path))
    return 0


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    summary = __doc__.split("\n")[0]
    parser = argparse.ArgumentParser(prog="python -m bookbuild.site.pdf", description=summary)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="default: site/")
    parser.add_argument("--output", type=Path, help=f"default: SITE_DIR/{PDF_PATH}")
    parser.add_argument("--no-build", action="store_true", help="print a site built before")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds (print)")
    parser.add_argument("--print-page", default=PRINT_PAGE, help=f"default: {PRINT_PAGE}")
    return parser.parse_args(argv)


def build_site_to_print(site: Path) -> None:
    """`mkdocs build --strict` into `site`, as `make build` does (output goes to the terminal)."""
    started = time.monotonic()
    if site_build.build_site(site, capture_output=False).returncode != 0:
        raise PrintError("mkdocs build --strict failed (see above); nothing was printed.")
    print(f"Built the site in {time.monotonic() - started:.0f} s; printing the book.")


def edition_line() -> str:
    """'Edition of 27 November 2026, revision 1a2b3c4' (SOURCE_DATE_EPOCH fixes the date)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    today = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
        if epoch
        else datetime.date.today()
    )
    revision = source_revision()
    line = f"Edition of {today.day} {today:%B %Y}"
    return f"{line}, revision {revision}" if revision else line


def source_revision() -> str | None:
    """The short commit the book was built from, if this is a git checkout."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
    except OSError:
        return None
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


def display_path(path: Path) -> str:
    """Relative to the working directory when inside it (what `make pdf` users expect)."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
