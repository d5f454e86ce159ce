"""The service worker: runtime/service-worker/sw.js (on Workbox's modules), bundled and given its
precache manifest after each build by generate_service_worker.mjs (esbuild, then workbox-build's
injectManifest).

- **Precached** on a reader's first visit, each with its SHA-256 as its revision: every page, its
  figures, the runtime, search, fonts, the book's own wheels with the site lock and boot
  manifest, and the offline page. Never the print page (the PDF is made from it) or source maps.
- **Cached when first used** (cache first): Pyodide's own files, the core and the verified
  wheels, in a cache named for Pyodide's version: they never change for a version, and they are
  large, so a reader who only reads never downloads them.
- **The PDF**: network first, the cached copy when offline.
- Every response it serves is cross-origin isolated (COOP and COEP), and every cached response
  is checked against the hash recorded here before it is used (see sw.js).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import tempfile
from pathlib import Path

from bookbuild.site.assets import NODE_MODULES, ROOT
from bookbuild.site.assets.pyodide_release import (
    CORE_FILES,
    pinned_pyodide_version,
    read_official_lock,
)
from bookbuild.site.pdf import PDF_PATH

GENERATOR = Path(__file__).with_name("generate_service_worker.mjs")
SOURCE = ROOT / "runtime" / "service-worker" / "sw.js"
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


def write_service_worker(site: Path, offline_page: str) -> dict:
    released = release_files(site)
    config = {
        "source": str(SOURCE),
        "settings": {
            "pyodideCache": f"pyodide-{pinned_pyodide_version()}",
            # Pyodide's files by name, with the SHA-256 of the bytes this build serves.
            "pyodideFiles": {
                Path(url).name: hashlib.sha256((site / url).read_bytes()).hexdigest()
                for url in released
            },
            "pdfPath": PDF_PATH,
            "offlinePage": offline_page,
        },
        "injectManifest": {
            "globDirectory": str(site),
            "globPatterns": ["**/*"],
            "globIgnores": NOT_PRECACHED + released,
            "swSrc": str(site.parent / f".{site.name}-sw-source.js"),
            "swDest": str(site / "sw.js"),
            "maximumFileSizeToCacheInBytes": 5_000_000,
        },
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
        json.dump(config, file)
    result = subprocess.run(["node", str(GENERATOR), file.name], capture_output=True, text=True,
                            cwd=NODE_MODULES.parent)  # fmt: skip
    Path(file.name).unlink()
    if result.returncode != 0:
        raise ServiceWorkerError(f"the service worker could not be built:\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout.strip().splitlines()[-1])
    if report["warnings"]:
        raise ServiceWorkerError("workbox-build warned:\n" + "\n".join(report["warnings"]))
    report["python_files"] = released
    return report
