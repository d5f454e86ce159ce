"""Headless Chromium through Playwright, confined to the site being tested or printed.

Debian's /usr/bin/chromium is used when present (Playwright's own browser download does not work
on machines without internet); otherwise Playwright's installed Chromium.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
INSTALL_HINT = (
    "Chromium was not found. Install it with `apt-get install chromium` (Debian/Ubuntu, as root) "
    "or `.venv/bin/python -m playwright install chromium`, then run the command again."
)


class BrowserMissingError(RuntimeError):
    pass


def chromium_path() -> str | None:
    """Debian's Chromium if installed, else None (Playwright then uses its own)."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@contextlib.contextmanager
def launch_chromium(playwright) -> Iterator:
    try:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_FLAGS, headless=True
        )
    except Exception as error:  # Playwright raises its own Error type for a missing executable
        if "Executable doesn't exist" in str(error) or "ENOENT" in str(error):
            raise BrowserMissingError(INSTALL_HINT) from error
        raise
    try:
        yield browser
    finally:
        browser.close()


def confine_to_origin(context, base_url: str, blocked: list[str] | None = None) -> None:
    """Abort every request that leaves `base_url`'s origin; record what was blocked."""
    origin = base_url.rstrip("/")

    def route(route):
        url = route.request.url
        if url.startswith(origin) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            if blocked is not None:
                blocked.append(url)
            route.abort()

    context.route("**/*", route)
