"""The built site, served on 127.0.0.1, in headless Chromium with every other origin blocked."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect, sync_playwright

from bookbuild.harness.browser import confine_to_origin, launch_chromium
from bookbuild.harness.reader_actions import BOOT_TIMEOUT_MS, record_page_errors
from bookbuild.harness.static_server import port_built_for, serve_directory

# A test waits for the state it needs, as long as a busy machine takes to reach it: Playwright's
# expect() waits 5 s by default, a page's own waits (page.set_default_timeout) as long as Python
# may take to start. Both use the latter; no test waits for a time.
expect.set_options(timeout=BOOT_TIMEOUT_MS)


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve_directory(built_site.directory, port_built_for(built_site.directory)) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright, launch_chromium(playwright) as browser:
        yield browser


@pytest.fixture
def context(chromium, site_url):
    """A fresh browser profile; at the end, no request may have left the site."""
    # Without the service worker: the book must work without one (a private window, file://),
    # and routing (which confines the tests to the site) does not see what a worker serves.
    # tests/browser/test_offline.py tests the book with it.
    context = chromium.new_context(viewport={"width": 1100, "height": 900}, service_workers="block")
    blocked: list[str] = []
    confine_to_origin(context, site_url, blocked)
    yield context
    context.close()
    assert not blocked, f"requests to other origins: {blocked}"


@pytest.fixture
def page(context, site_url):
    page = context.new_page()
    page.errors = record_page_errors(page)
    page.set_default_timeout(BOOT_TIMEOUT_MS)
    yield page
    assert not page.errors, f"uncaught errors in the page: {page.errors}"
