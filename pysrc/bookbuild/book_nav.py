"""The book's pages in reading order, as mkdocs.yml's nav lists them.

The build (the exercises' book-wide progress and solutions), the tests and the benchmarks all
read the page list from here, so adding a chapter to the nav is the only step.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from bookbuild.markdown.page_model import cell_fences
from bookbuild.paths import DOCS, ROOT


class IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml's !ENV and !!python/name tags are read as None; the nav is plain YAML."""


IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)
IgnoreTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class NavPage:
    title: str  # as in the nav (and the PDF's bookmarks)
    markdown: str  # path under docs/, e.g. "reference/notation.md"
    number: str  # its number in the book, as the PDF prints it: "2", "11.1"

    @property
    def html(self) -> str:
        """The built page's path in the site: "index.html", "derivatives/index.html"."""
        stem = self.markdown.removesuffix(".md")
        return "index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html"

    @property
    def url_path(self) -> str:
        """The page's address relative to the site's root: "", "derivatives/"."""
        return self.html.removesuffix("index.html")

    @property
    def source(self) -> Path:
        return DOCS / self.markdown

    @property
    def has_cells(self) -> bool:
        """Found the way the build finds cells (bookbuild.markdown.page_model), any fence style."""
        return bool(cell_fences(self.source.read_text().splitlines()))

    @property
    def identifiers(self) -> set[str]:
        """The names tests give this page: Markdown and HTML paths, address, title."""
        return {self.markdown, f"docs/{self.markdown}", self.html, self.url_path, self.title}


def mkdocs_config() -> dict:
    """mkdocs.yml as plain YAML (its tags read as None), for the nav and `extra`'s settings."""
    return yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=IgnoreTags)


@cache
def nav_pages() -> tuple[NavPage, ...]:
    config = mkdocs_config()
    pages: list[NavPage] = []

    def walk(items, prefix):
        for number, item in enumerate(items, start=1):
            for title, target in item.items():
                if isinstance(target, list):
                    walk(target, f"{prefix}{number}.")
                else:
                    pages.append(NavPage(title, target, f"{prefix}{number}"))

    walk(config["nav"], "")
    return tuple(pages)


def nav_page(name: str) -> NavPage:
    """The nav page called `name` (e.g. "docs/derivatives.md"); a clear error if there is none."""
    for page in nav_pages():
        if name in page.identifiers:
            return page
    known = ", ".join(f"docs/{page.markdown}" for page in nav_pages())
    raise LookupError(f"{name!r} is not a page of mkdocs.yml's nav; the pages are: {known}")


def chapters() -> list[NavPage]:
    """The chapters: every page outside the Reference section."""
    return [page for page in nav_pages() if not page.markdown.startswith("reference/")]
