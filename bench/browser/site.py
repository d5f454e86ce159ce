"""The site the browser benchmarks measure: built for the address it is served at, plus the floor.

Material's instant navigation only follows links listed in sitemap.xml, port included, so the
site is built for the URL it is served on.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import sys
from html import unescape
from pathlib import Path

from bookbuild.site import site_build

HERE = Path(__file__).parent
FIRST_CELL_IMPORTS = {"numpy", "backprop"}  # a fair comparison with the floor: no matplotlib


def build_bench_site(target: Path, base_url: str) -> None:
    """`mkdocs build --strict` into target, for base_url, plus the floor page and its worker."""
    result = site_build.build_site(target, site_url=base_url)
    if result.returncode != 0:
        sys.exit(f"mkdocs build --strict failed:\n{(result.stdout + result.stderr)[-4000:]}")
    shutil.copyfile(HERE / "floor.html", target / "bench-floor.html")
    shutil.copyfile(HERE / "floor-worker.js", target / "bench-floor-worker.js")


def first_cell_imports(page_html: str) -> set[str] | None:
    """Top-level modules imported by the page's first cell; None if the page has no cell."""
    source = re.search(r'data-source="([^"]*)"', page_html)
    if not source:
        return None
    tree = ast.parse(unescape(source.group(1)))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def next_page(site: Path, page: str) -> str | None:
    """The page the footer's Next link of `page` ("" for the index, "name/") leads to."""
    html = (site / page / "index.html").read_text()
    link = re.search(r'<a href="([^"]+)"[^>]*class="md-footer__link md-footer__link--next"', html)
    if not link:
        return None
    following = os.path.normpath(os.path.join(page, link.group(1))).strip("/") + "/"
    return following if (site / following / "index.html").exists() else None


def choose_chapters(site: Path) -> tuple[str, str]:
    """In reading order, the first chapter whose first cell, like the next chapter's, imports
    only numpy and backprop (so the first run loads what the floor loads)."""
    page = ""
    while (following := next_page(site, page)) is not None:
        here = first_cell_imports((site / page / "index.html").read_text())
        there = first_cell_imports((site / following / "index.html").read_text())
        if here is not None and there is not None and (here | there) <= FIRST_CELL_IMPORTS:
            return page, following
        page = following
    sys.exit("no chapter whose first cell (and the next chapter's) imports only numpy/backprop")
