"""Every internal link and anchor in the built site points at something that exists."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from tests.book.html_text import read_page


def target_file(site: Path, page: Path, path: str) -> Path:
    base = site if path.startswith("/") else page.parent
    target = (base / unquote(path).lstrip("/")).resolve()
    return target / "index.html" if target.is_dir() or not target.suffix else target


def test_internal_links_and_anchors_resolve(built_site):
    site = built_site.directory.resolve()
    ids_by_page: dict[Path, set[str]] = {}
    broken = []
    checked = 0
    for page in built_site.pages():
        for href in read_page(page).links:
            url = urlparse(href)
            if url.scheme or href.startswith("//"):
                continue  # links to cited sources leave the site, which is fine
            target = target_file(site, page.resolve(), url.path) if url.path else page.resolve()
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {href} (no {target.relative_to(site)})")
                continue
            if url.fragment and target.suffix == ".html":
                if target not in ids_by_page:  # parse each page once (the print page is 3 MB)
                    ids_by_page[target] = read_page(target).ids
                ids = ids_by_page[target]
                if unquote(url.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)}: {href} (no anchor)")
    assert checked > 100, f"only {checked} internal links found: is the site built?"
    assert not broken, "broken links:\n" + "\n".join(broken)
