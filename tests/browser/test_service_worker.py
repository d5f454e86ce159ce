"""The book with its service worker: pages it serves are cross-origin isolated, so Stop keeps the
reader's variables; it serves nothing it cannot vouch for; offline, a page that was not saved
shows the book's own offline page.

The other browser tests block service workers; these use a profile that allows them, on the
session's site, and record (not route) requests, as routing would bypass the worker.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bookbuild.book_nav import nav_page
from bookbuild.harness.reader_actions import BOOT_TIMEOUT_MS, cell, live_text, run, type_code
from bookbuild.site.offline.offline_page import OFFLINE_PAGE

pytestmark = pytest.mark.browser
CHAPTER = nav_page("docs/derivatives.md")


@pytest.fixture
def reader(chromium, site_url):
    """A profile with service workers; no request may leave the site."""
    context = chromium.new_context(viewport={"width": 1100, "height": 900})
    foreign: list[str] = []
    context.on(
        "request",
        lambda r: None if r.url.startswith((site_url, "data:", "blob:")) else foreign.append(r.url),
    )
    page = context.new_page()
    page.set_default_timeout(BOOT_TIMEOUT_MS)
    yield context, page
    context.close()
    assert not foreign, f"requests to other origins: {foreign}"


def controlled(page) -> None:
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=120_000)


def test_a_page_the_worker_serves_is_isolated_and_stop_keeps_the_variables(reader, site_url):
    _, page = reader
    page.goto(site_url + CHAPTER.url_path)
    controlled(page)
    assert not page.evaluate("self.crossOriginIsolated"), "the first visit was not served by it"
    page.reload()
    controlled(page)
    assert page.evaluate("self.crossOriginIsolated")
    first, second, third = cell(page, 0), cell(page, 1), cell(page, 2)
    type_code(page, first, "kept = 41")
    run(page, first)
    type_code(page, second, "import time\nwhile True:\n    time.sleep(0.01)")
    second.get_by_role("button", name="Run").click()
    expect(second.locator(".bp-cell__status")).to_have_text("Running…", timeout=90_000)
    second.get_by_role("button", name="Stop").click()
    expect(second.locator(".bp-cell__live")).to_contain_text(
        "Stopped (KeyboardInterrupt). Python kept this page's variables."
    )
    type_code(page, third, "print(kept + 1)")
    run(page, third)
    assert live_text(third).strip() == "42"
    assert page.evaluate("window.__backpropRuntime.workersCreated") == 1
    # Material's instant navigation keeps the document, and with it the isolation.
    page.locator(".md-footer__link--next").click()
    page.wait_for_url(f"{site_url}partial-derivatives/**")
    assert page.evaluate("self.crossOriginIsolated")


def test_it_does_not_serve_a_cached_page_it_cannot_vouch_for(reader, site_url):
    context, page = reader
    page.goto(site_url + CHAPTER.url_path)
    controlled(page)
    page.wait_for_function(
        """async () => (await caches.keys()).some((name) => name.includes('precache'))""",
        timeout=120_000,
        polling=500,
    )
    poisoned = page.evaluate(
        """async () => { let count = 0;
             for (const name of await caches.keys()) { const cache = await caches.open(name);
               for (const request of await cache.keys())
                 if (request.url.includes('training/index.html')) {
                   await cache.put(request, new Response('<h1>POISONED</h1>',
                     {headers: {'Content-Type': 'text/html'}}));
                   count += 1; } }
             return count; }"""
    )
    assert poisoned == 1, "the page was precached, and was replaced in the cache"
    other = context.new_page()
    other.goto(site_url + "training/")
    assert "POISONED" not in other.content()
    expect(other.locator("h1").first).to_have_text("Training a network end to end")


def test_offline_a_page_that_was_not_saved_shows_the_books_offline_page(reader, site_url):
    context, page = reader
    page.goto(site_url + CHAPTER.url_path)
    controlled(page)
    saved = f"caches.match('{site_url}{OFFLINE_PAGE}', {{ignoreSearch: true}})"
    page.wait_for_function(
        f"async () => !!(await {saved})",
        timeout=120_000,
        polling=500,
    )
    context.set_offline(True)
    page.goto(site_url + "print_page/")  # never precached: the PDF is made from it
    expect(page.locator("h1").first).to_have_text("You are offline")
    expect(page.locator("article")).to_contain_text("was not saved on this device")
