"""Offline after one visit, through the service worker Workbox generated from the built site.

These tests run the book with its service worker (the other browser tests block it), on a copy
of the built site with the PDF printed into it, served at a fixed address: a reader visits one
page and runs one cell, then the network goes away.
"""

from __future__ import annotations

import json
import shutil
import struct

import pytest
from playwright.sync_api import expect

from bookbuild.harness.reader_actions import (
    cell,
    live_text,
    next_chapter,
    run,
    type_code,
)
from bookbuild.harness.static_server import free_port, port_built_for, serve_directory
from bookbuild.site.offline.__main__ import prepare_for_offline
from bookbuild.site.pdf import PDF_PATH
from tests.browser.cells import STATE_TIMEOUT_MS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_site(built_site, printed_pdf, tmp_path_factory):
    """A copy of the session's site with its PDF in place (a test deploys a new edition into
    it), served at an address of its own. Material's instant navigation follows only the links
    its sitemap lists, by origin and port, so the copy's sitemap names the copy's address."""
    site = tmp_path_factory.mktemp("offline") / "site"
    shutil.copytree(built_site.directory, site)
    (site / PDF_PATH).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(printed_pdf, site / PDF_PATH)
    port = free_port()
    sitemap = site / "sitemap.xml"
    built_for = f"http://127.0.0.1:{port_built_for(site)}/"
    sitemap.write_text(sitemap.read_text().replace(built_for, f"http://127.0.0.1:{port}/"))
    with serve_directory(site, port) as url:
        yield site, url


@pytest.fixture
def reader(chromium, offline_site):
    """A browser profile with service workers, recording any request that leaves the site."""
    _, url = offline_site
    context = chromium.new_context(viewport={"width": 1100, "height": 900}, accept_downloads=True)
    foreign: list[str] = []
    context.on("request", lambda r: None if r.url.startswith(url) else foreign.append(r.url))
    page = context.new_page()
    page.set_default_timeout(STATE_TIMEOUT_MS)
    yield context, page
    context.close()
    assert not [request for request in foreign if not request.startswith(("data:", "blob:"))]


def wait_until_saved(page):
    """The service worker controls the page and has precached the book."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.wait_for_function(
        """async () => { const names = await caches.keys();
             const precache = names.find((name) => name.includes('precache'));
             if (!precache) return false;
             const cache = await caches.open(precache);
             return (await cache.keys()).length > 100; }""",
        polling=500,
    )


def test_after_one_visit_and_one_run_the_book_works_offline(reader, offline_site):
    context, page = reader
    _, url = offline_site
    page.goto(url + "derivatives/")
    wait_until_saved(page)
    type_code(page, cell(page, 0), "print('online', 6 * 7)")
    run(page, cell(page, 0))
    assert live_text(cell(page, 0)).strip() == "online 42"
    save = page  # "Save for offline" from the Orientation page, so the PDF is kept too
    save.goto(url)
    control = save.locator("[data-save-offline]")
    expect(control.get_by_role("status")).to_contain_text("MB")
    control.get_by_role("button", name="Save the book for offline reading").click()
    expect(control).to_have_attribute("data-saved", "yes")

    context.set_offline(True)
    page.goto(url + "partial-derivatives/")
    for _ in range(3):  # three more chapters, by instant navigation, a cell run on each
        next_chapter(page)
        type_code(page, cell(page, 0), "import numpy as np\nprint('offline', np.arange(3).sum())")
        run(page, cell(page, 0))
        assert live_text(cell(page, 0)).strip() == "offline 3", page.url
    # A new tab, offline: Python boots from the cache (matplotlib too: it was saved).
    fresh = context.new_page()
    fresh.set_default_timeout(STATE_TIMEOUT_MS)
    fresh.goto(url + "cost-functions/")
    code = (
        "import matplotlib.pyplot as plt\nfrom backprop import MSE\nplt.plot([1, 2])\nprint(MSE())"
    )
    type_code(fresh, cell(fresh, 0), code)
    run(fresh, cell(fresh, 0))
    assert live_text(cell(fresh, 0)).strip() == "MSE()"
    assert cell(fresh, 0).locator(".bp-cell__live img").count() == 1
    # Search, offline.
    fresh.keyboard.press("Escape")
    fresh.keyboard.press("/")  # Material's shortcut to the search box
    fresh.keyboard.type("backpropagation")
    expect(fresh.locator(".md-search-result__item").first).to_be_visible()
    # The PDF, offline.
    pdf = fresh.evaluate(f"async () => {{ const r = await fetch('{url}{PDF_PATH}');"
                         " return [r.ok, (await r.arrayBuffer()).byteLength]; }")  # fmt: skip
    assert pdf[0] and pdf[1] > 1_000_000


def test_a_new_edition_is_offered_and_keeps_edits_and_progress(reader, offline_site):
    context, page = reader
    site, url = offline_site
    page.goto(url + "derivatives/")
    wait_until_saved(page)
    type_code(page, cell(page, 0), "print('my edit')")
    page.evaluate("localStorage.setItem('backprop-book:v1:exercises', JSON.stringify("
                  "{'central-difference': {version: 'kept', solvedAt: 'then'}}))")  # fmt: skip
    page.wait_for_function("() => Object.values(localStorage).some((v) => v.includes('my edit'))")
    # A new deployment at the same address: one page changed, the service worker rebuilt.
    chapter = site / "derivatives" / "index.html"
    chapter.write_text(chapter.read_text().replace("<h1", '<p id="new-edition">New.</p><h1', 1))
    prepare_for_offline(site)
    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    banner = page.locator("[data-new-edition]")
    expect(banner).to_contain_text("A new edition of the book is available")
    with page.expect_navigation():
        banner.get_by_role("button", name="Reload").click()
    expect(page.locator("#new-edition")).to_have_text("New.")
    assert (
        "print('my edit')" in page.locator("[data-cell]").first.locator(".cm-content").inner_text()
    )
    saved = json.loads(page.evaluate("localStorage.getItem('backprop-book:v1:exercises')"))
    assert saved["central-difference"]["version"] == "kept"


def test_the_web_app_manifest_is_valid_and_its_icons_exist(built_site):
    site = built_site.directory
    head = (site / "index.html").read_text().split("</head>")[0]
    assert 'rel="manifest" href="assets/generated/web-app/manifest.webmanifest"' in head
    folder = site / "assets/generated/web-app"
    manifest = json.loads((folder / "manifest.webmanifest").read_text())
    assert manifest["name"] == "Backpropagation, step by step"
    assert manifest["display"] == "standalone" and manifest["start_url"]
    sizes = set()
    for icon in manifest["icons"]:
        data = (folder / icon["src"]).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", icon
        width, height = struct.unpack(">II", data[16:24])
        assert icon["sizes"] == f"{width}x{height}"
        sizes.add(width)
    assert {192, 512} <= sizes
    assert {icon["purpose"] for icon in manifest["icons"]} == {"any", "maskable"}
