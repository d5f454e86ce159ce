"""Readers for the printed book: its text page by page, outline, links, figures and the nav."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import IndirectObject

from bookbuild.book_nav import nav_pages


@dataclass
class OutlineEntry:
    title: str
    page: int  # 1-based
    top: float  # the destination's height on the page, in points from the bottom
    depth: int


class BookPdf:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.reader = PdfReader(path)

    @cached_property
    def page_texts(self) -> list[str]:
        """pdftotext's text of each page (index 0 is page 1), in reading order."""
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(self.path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return text.split("\f")[: len(self.reader.pages)]

    @cached_property
    def text(self) -> str:
        return "\n".join(self.page_texts)

    def pages_text(self, first: int, last: int) -> str:
        return "\n".join(self.page_texts[first - 1 : last])

    @cached_property
    def outline(self) -> list[OutlineEntry]:
        entries: list[OutlineEntry] = []

        def walk(items, depth):
            for item in items:
                if isinstance(item, list):
                    walk(item, depth + 1)
                else:
                    page = self.reader.get_destination_page_number(item) + 1
                    entries.append(OutlineEntry(item.title, page, float(item.top or 0), depth))

        walk(self.reader.outline, 0)
        return entries

    def link_annotations(self) -> list[dict]:
        links = []
        for page in self.reader.pages:
            for annotation in page.get("/Annots") or []:
                annotation = annotation.get_object()
                if annotation.get("/Subtype") == "/Link":
                    links.append(annotation)
        return links

    def figure_pages(self) -> list[tuple[int, str]]:
        """(page, alt text) of every Figure element in the PDF's structure tree (tagged PDF)."""
        page_numbers = {
            page.indirect_reference.idnum: n for n, page in enumerate(self.reader.pages, 1)
        }
        figures = []
        stack = [self.reader.trailer["/Root"]["/StructTreeRoot"]]
        while stack:
            element = stack.pop()
            element = element.get_object() if isinstance(element, IndirectObject) else element
            if not hasattr(element, "get"):
                continue
            if element.get("/S") == "/Figure" and element.get("/Pg") is not None:
                page = page_numbers[element.get("/Pg").idnum]  # .get: the reference, unresolved
                figures.append((page, str(element.get("/Alt", ""))))
            kids = element.get("/K")
            stack.extend(kids if isinstance(kids, list) else [kids] if kids is not None else [])
        return sorted(figures)

    def raster_image_count(self) -> int:
        """Image XObjects drawn anywhere (pages and the forms they use): rasters, not vectors."""
        seen: set[int] = set()
        count = 0

        def visit(resources):
            nonlocal count
            xobjects = resources.get_object().get("/XObject") if resources else None
            if xobjects is None:
                return
            for reference in xobjects.get_object().values():
                if reference.idnum in seen:
                    continue
                seen.add(reference.idnum)
                xobject = reference.get_object()
                if xobject.get("/Subtype") == "/Image":
                    count += 1
                elif xobject.get("/Subtype") == "/Form":
                    visit(xobject.get("/Resources"))

        for page in self.reader.pages:
            visit(page.get("/Resources"))
        return count


def code_texts(html_page: str) -> list[str]:
    """The text of every code block (<pre>) of a built page."""
    blocks = re.findall(r"<pre\b[^>]*>(.*?)</pre>", html_page, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", block)) for block in blocks]


def inline_code_texts(html_page: str) -> list[str]:
    """The text of every piece of inline code (<code> outside a <pre>) of a built page."""
    outside_blocks = re.sub(r"<pre\b.*?</pre>", "", html_page, flags=re.S)
    pieces = re.findall(r"<code\b[^>]*>(.*?)</code>", outside_blocks, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", piece)) for piece in pieces]


def nav_chapters() -> list[tuple[str, str]]:
    """(nav title, Markdown path) of every page in mkdocs.yml's nav, in order."""
    return [(page.title, page.markdown) for page in nav_pages()]


def chapter_page_ranges(book: BookPdf) -> dict[str, tuple[int, int]]:
    """First and last page of each nav chapter: from its outline entry ("4 Gradient descent")
    to the page before the next top-level entry."""
    top_level = [entry for entry in book.outline if entry.depth == 0]
    ranges = {}
    for title, _ in nav_chapters():
        pattern = rf"[\d.]+ {re.escape(title)}"
        index = next(i for i, entry in enumerate(top_level) if re.fullmatch(pattern, entry.title))
        first = top_level[index].page
        following = top_level[index + 1].page if index + 1 < len(top_level) else None
        last = following - 1 if following else len(book.reader.pages)
        ranges[title] = (first, max(first, last))
    return ranges
