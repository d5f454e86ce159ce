"""Everything a reader needs to read the whole book offline, with sizes: "Save for offline".

Written after the build as save-list.json at the site's root: every file the service worker
precaches (the pages, their figures, the runtime, search) and every file Python may need, the
matplotlib wheels included, with its size, so the control can say how much it will download
before it starts. The PDF is listed by its path only: it is printed after this list is made, so
the control asks for its size when the reader presses it.
"""

from __future__ import annotations

import json
from pathlib import Path

from bookbuild.site.pdf import PDF_PATH

SAVE_LIST = "save-list.json"


def write_save_list(site: Path, precached: list[str], python_files: list[str]) -> dict:
    files = sorted(set(precached) | set(python_files))
    listing = {
        "files": [{"url": url, "bytes": (site / url).stat().st_size} for url in files],
        "pdf": PDF_PATH,
    }
    (site / SAVE_LIST).write_text(json.dumps(listing, indent=0))
    return listing
