"""The service worker, made by Workbox (workbox-build's generateSW) from the built site.

- **Precached** on a reader's first visit, each with a revision hash Workbox computes from its
  content: every page, its figures, the runtime, search, fonts, and the book's own wheels with
  the site lock and boot manifest (they change with the book). Never the print page (the PDF is
  made from it) or source maps.
- **Cached when first used** (cache first): Pyodide's own files, the core and the verified
  wheels (numpy, matplotlib and the rest), in a cache named for Pyodide's version: they never
  change for a version, and they are large, so a reader who only reads never downloads them.
  Pyodide still checks each wheel against the lock's sha256 when it loads it from the cache.
- **The PDF**: network first, the cached copy when offline.
- The first worker takes over the page that installed it (so the Python started on a first visit
  is cached); a new deployment's worker waits until the reader accepts the new edition
  (runtime/page/offline.js), so old pages never run with a new runtime.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path

from bookbuild.site.assets import NODE_MODULES
from bookbuild.site.assets.pyodide_release import (
    CORE_FILES,
    pinned_pyodide_version,
    read_official_lock,
)
from bookbuild.site.pdf import PDF_PATH

GENERATOR = Path(__file__).with_name("generate_service_worker.mjs")
PYODIDE_FOLDER = "assets/generated/pyodide/"
# Not needed to read offline: the print page (the PDF is made from it), source maps, the PDF
# (cached when opened), the search's other languages (the book is English), font formats the
# browsers that run the book do not load (they take woff2), and build leftovers.
NOT_PRECACHED = ["print_page/**", "**/*.map", "pdf/**", "bench-*", "sw.js", "workbox-*.js",
                 "assets/javascripts/lunr/**", "**/*.woff", "**/*.ttf", "*.gz", "*.tpl",
                 "objects.inv"]  # fmt: skip


class ServiceWorkerError(RuntimeError):
    pass


def release_files(site: Path) -> list[str]:
    """Pyodide's own files in the site: those the official lock names, and its core files."""
    official = {entry["file_name"] for entry in read_official_lock()["packages"].values()}
    folder = site / PYODIDE_FOLDER
    return sorted(PYODIDE_FOLDER + path.name for path in folder.iterdir()
                  if path.name in official | set(CORE_FILES))  # fmt: skip


def write_service_worker(site: Path) -> dict:
    released = release_files(site)
    pattern = "/" + "|".join(re.escape(url) for url in released).join(["(?:", ")$"])
    config = {
        "globDirectory": str(site),
        "globPatterns": ["**/*"],
        "globIgnores": NOT_PRECACHED + released,
        "swDest": str(site / "sw.js"),
        "maximumFileSizeToCacheInBytes": 5_000_000,
        "cleanupOutdatedCaches": True,
        # The first worker takes the open page over at once, so that the Python a reader starts
        # on that first visit is cached too. A later one waits: skipWaiting stays off.
        "clientsClaim": True,
        "dontCacheBustURLsMatching": r"^assets/figures/",
        "mode": "production",
        "sourcemap": False,
        "runtimeCaching": [
            {
                "urlPattern": pattern,
                "handler": "CacheFirst",
                "options": {
                    "cacheName": f"pyodide-{pinned_pyodide_version()}",
                    "cacheableResponse": {"statuses": [200]},
                },
            },
            {
                "urlPattern": re.escape(PDF_PATH) + "$",
                "handler": "NetworkFirst",
                "options": {"cacheName": "book-pdf", "cacheableResponse": {"statuses": [200]}},
            },
        ],
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
        json.dump(config, file)
    result = subprocess.run(["node", str(GENERATOR), file.name], capture_output=True, text=True,
                            cwd=NODE_MODULES.parent)  # fmt: skip
    Path(file.name).unlink()
    if result.returncode != 0:
        raise ServiceWorkerError(f"workbox-build failed:\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout.strip().splitlines()[-1])
    if report["warnings"]:
        raise ServiceWorkerError("workbox-build warned:\n" + "\n".join(report["warnings"]))
    report["python_files"] = released
    return report
