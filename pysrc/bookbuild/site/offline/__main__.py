"""`python -m bookbuild.site.offline SITE_DIR`: the steps after `mkdocs build` (see __init__.py)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bookbuild.site.offline.figures import externalize_figures
from bookbuild.site.offline.offline_page import OfflinePageError, write_offline_page
from bookbuild.site.offline.save_list import write_save_list
from bookbuild.site.offline.service_worker import ServiceWorkerError, write_service_worker


def prepare_for_offline(site: Path) -> str:
    started = time.perf_counter()
    replaced, files = externalize_figures(site)
    worker = write_service_worker(site, write_offline_page(site))
    listing = write_save_list(site, worker["precached"], worker["python_files"])
    total = sum(entry["bytes"] for entry in listing["files"])
    return (
        f"offline: {replaced} figures in {files} files; service worker precaches {worker['count']} "
        f"files ({worker['size'] / 1e6:.1f} MB); saving the whole book takes {total / 1e6:.1f} MB "
        f"plus the PDF ({time.perf_counter() - started:.1f} s)"
    )


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m bookbuild.site.offline SITE_DIR", file=sys.stderr)
        return 2
    try:
        print(prepare_for_offline(Path(argv[0])))
    except (ServiceWorkerError, OfflinePageError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
