"""`make serve`'s preview: it rebuilds the browser's wheels, and shows a failed build's error.

1. Before each build of the preview, `make assets` brings docs/assets/generated/ up to date: an
   edit of pysrc/backprop rebuilds its wheel and the site's lock (the Makefile rebuilds only what
   changed, in well under a second when nothing did), so a reader's Run uses the module whose
   output the page shows. mkdocs.yml watches pysrc/ and runtime/, so such an edit rebuilds.
2. A rebuild that fails leaves MkDocs' server waiting for a good build: every page request would
   hang. Here the failed build's pages (and the 404 page) become one error page with the message
   (MkDocs has already printed it, once), which MkDocs serves with its live-reload script: the
   fixed page comes back by itself.

3. A build's warnings (a chapter rule broken, a printed number no cell prints, a link MkDocs
   cannot resolve) would fail `make build`; the preview still shows its pages, each with the
   warnings listed at its top (preview_warnings), so a chapter being drafted stays readable.
4. What the preview leaves out it leaves out quietly: no search index, no print page and so no
   PDF (the header has no PDF link; the terminal says once how to get the PDF), and no service
   worker: sw.js is a stand-in that steps aside (stand_in_service_worker.js), so no request the
   runtime makes is a 404.

These are MkDocs hook events, through bookbuild/preview/preview_hook.py (mkdocs.yml `hooks:`);
`mkdocs build` is not affected.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import BuildError

from bookbuild.paths import ROOT
from bookbuild.preview.preview_error_page import error_page
from bookbuild.preview.preview_warnings import WarningsKept, with_warnings
from bookbuild.site.pdf import PDF_PATH

LOG = logging.getLogger("mkdocs.bookbuild")
STAND_IN_SERVICE_WORKER = Path(__file__).with_name("stand_in_service_worker.js")
LEFT_OUT = (
    "The preview has no search, no print page and no PDF: `make pdf` prints the book to "
    f"site/{PDF_PATH}."
)


class Preview:
    serving = False
    page_files: list[str] = []  # the pages' output paths under site_dir, from the last build
    error: BaseException | None = None
    warnings = WarningsKept()  # the warnings of the build in progress


def on_startup(command, dirty):
    Preview.serving = command == "serve"
    if Preview.serving:
        logging.getLogger("mkdocs").addHandler(Preview.warnings)
        LOG.info(LEFT_OUT)


def on_pre_build(config):
    if not Preview.serving:
        return
    Preview.warnings.clear()
    result = subprocess.run(
        ["make", "--no-print-directory", "assets"], cwd=ROOT, capture_output=True, text=True
    )
    steps = [line for line in result.stdout.splitlines() if "bookbuild.site.assets" in line]
    if steps:
        LOG.info("rebuilt the site's assets: " + "; ".join(steps))
    if result.returncode != 0:
        raise BuildError(f"`make assets` failed:\n{result.stdout}{result.stderr}")


def on_files(files, config):
    Preview.page_files = [file.dest_uri for file in files.documentation_pages()]
    return files


def on_build_error(error):
    Preview.error = error


def on_post_page(output, page, config):
    return with_warnings(output, Preview.warnings.messages) if Preview.serving else output


def on_post_build(config):
    if Preview.serving:
        shutil.copyfile(STAND_IN_SERVICE_WORKER, Path(config.site_dir) / "sw.js")


def on_serve(server, config, builder):
    """Wrap the rebuild: a failed build shows its error in the browser instead of hanging."""
    build = server.builder

    def build_or_show_error():
        Preview.error = None
        try:
            build()
        except (Exception, SystemExit) as error:  # MkDocs' Abort is a SystemExit
            show_error(Path(config.site_dir), Preview.error or error)

    server.builder = build_or_show_error
    return server


def show_error(site_dir: Path, error: BaseException) -> None:
    if not isinstance(error, BuildError | SystemExit):
        LOG.error("The build failed with an error in the build itself:", exc_info=error)
    page = error_page(str(error))
    for relative in [*Preview.page_files, "404.html"]:
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    LOG.error("The build failed: the browser shows the error until it is fixed.")
