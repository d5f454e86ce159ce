"""The built site, served on 127.0.0.1, in headless Chromium with every other origin blocked."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect, sync_playwright

from bookbuild.harness.browser import confine_to_origin, launch_chromium
from bookbuild.harness.reader_actions import record_page_errors
from bookbuild.harness.static_server import port_built_for, serve_directory
from tests.browser.cells import STATE_TIMEOUT_MS, on_page

# A test waits for the state it needs, as long as a busy machine takes to reach it, never for a
# time: expect() (5 s by default) and every context's pages (30 s) wait up to STATE_TIMEOUT_MS.
expect.set_options(timeout=STATE_TIMEOUT_MS)


class PatientBrowser:
    """Chromium, whose every new context waits STATE_TIMEOUT_MS for a state."""

    def __init__(self, browser) -> None:
        self.browser = browser

    def new_context(self, **options):
        context = self.browser.new_context(**options)
        context.set_default_timeout(STATE_TIMEOUT_MS)
        return context

    def __getattr__(self, name):
        return getattr(self.browser, name)


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve_directory(built_site.directory, port_built_for(built_site.directory)) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright, launch_chromium(playwright) as browser:
        yield PatientBrowser(browser)


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
    page.set_default_timeout(STATE_TIMEOUT_MS)
    yield page
    assert not page.errors, f"uncaught errors in the page: {page.errors}"


@pytest.fixture(scope="module")
def reader(chromium, site_url):
    """One reader's tab for the tests of a module that only read and run: they go from page to
    page through the nav (cells.open_through_nav, Material's instant navigation), which keeps the
    tab's one Python, so Python starts once for the module, not once per test."""
    context = chromium.new_context(viewport={"width": 1100, "height": 900}, service_workers="block")
    blocked: list[str] = []
    confine_to_origin(context, site_url, blocked)
    page = context.new_page()
    page.errors = record_page_errors(page)
    yield page
    context.close()
    assert not blocked, f"requests to other origins: {blocked}"
    assert not page.errors, f"uncaught errors in the page: {page.errors}"


@pytest.fixture
def derivatives_tab(reader, site_url):
    """The module's one reader tab, on Derivatives: for the tests whose code leaves Python
    working, which need no Python of their own. Each types its code into the first cell and reads
    only that run's output."""
    return on_page(reader, site_url + "derivatives/")
