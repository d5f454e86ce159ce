"""The book's own page for a page that was never saved, shown by the service worker offline.

Made from the theme's 404 page (same header, navigation and styles), with its heading replaced
by what happened and what to do. Written at the site's root as offline.html and precached.
"""

from __future__ import annotations

import re
from pathlib import Path

OFFLINE_PAGE = "offline.html"
NOT_FOUND_HEADING = re.compile(r"<h1>404 - Not found</h1>")
MESSAGE = (
    "<h1>You are offline</h1>\n"
    "<p>This page of the book was not saved on this device, so it cannot be shown without a "
    "network connection. The pages you have opened before are here; so is the whole book, if "
    "it was saved with <em>Save the book for offline reading</em> on the Orientation page. "
    "Go back, or open this page again when you are online.</p>"
)


class OfflinePageError(RuntimeError):
    pass


def write_offline_page(site: Path) -> str:
    """Write offline.html from the site's 404.html; return its URL in the site."""
    not_found = (site / "404.html").read_text()
    page, replaced = NOT_FOUND_HEADING.subn(MESSAGE, not_found)
    if replaced != 1:
        raise OfflinePageError("404.html no longer has the heading the offline page replaces")
    page = page.replace("<title>", "<title>Offline · ", 1)
    (site / OFFLINE_PAGE).write_text(page)
    return OFFLINE_PAGE
