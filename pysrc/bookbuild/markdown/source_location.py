"""Where a block of a page sits in its Markdown file, so that an error names the file and line.

Python-Markdown converts text and knows no file. MkDocs gives each page's Markdown instance a
treeprocessor that rewrites links (registered as "relpath") and that knows the page's File:
its path, and its text, from which the line where the converted Markdown starts is counted
(MkDocs strips the YAML front matter before converting). Outside MkDocs (the unit tests, another
builder) the file is "<markdown>" and lines count from the text's first.
"""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import dataclass

from markdown import Markdown
from markdown.preprocessors import Preprocessor

UNKNOWN_FILE = "<markdown>"
# A fence's opening line: its prefix (indentation, blockquote marks), then ``` or ~~~.
FENCE_OPENING = re.compile(r"^(?P<prefix>(?:[ \t]*>)*[ \t]*)(?P<fence>`{3,}|~{3,})")
CONVERSIONS = itertools.count(1)  # numbers each page conversion of this process


@dataclass(frozen=True)
class PageFile:
    path: str  # as messages show it: "docs/derivatives.md"
    first_line: int = 1  # the file's line number of the Markdown's first line
    docs_path: str | None = None  # its place under docs/, for links: "derivatives.md"


def page_file(md: Markdown, lines: list[str]) -> PageFile:
    """The file MkDocs is converting with `md`, whose Markdown is `lines`."""
    relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None  # noqa: SIM401
    file = getattr(relpath, "file", None)
    if file is None:
        return PageFile(UNKNOWN_FILE)
    return PageFile(
        shown_path(file.abs_src_path),
        first_markdown_line(file.content_string, "\n".join(lines)),
        file.src_uri,
    )


def shown_path(path: str) -> str:
    """Relative to the directory the build runs in, as an editor or terminal opens it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def first_markdown_line(file_text: str, markdown: str) -> int:
    """The file's line number of the Markdown's first line (1 when there is no front matter)."""
    start = file_text.rfind(markdown) if markdown else -1
    return file_text.count("\n", 0, start) + 1 if start > 0 else 1


class PageSource:
    """One page's Markdown lines, and the blocks found in them so far (in page order)."""

    def __init__(self, lines: list[str], file: PageFile | None = None) -> None:
        self.lines = lines
        self.file = file or PageFile(UNKNOWN_FILE)
        self.next_block = 0  # blocks are found in page order: search from after the last one
        self.conversion = next(CONVERSIONS)

    @property
    def path(self) -> str:
        return self.file.path

    @property
    def docs_path(self) -> str | None:
        """The page's path under docs/ ("reference/solutions.md"); None outside MkDocs."""
        return self.file.docs_path

    def where(self, index: int | None, offset: int = 0) -> str:
        """ "docs/x.md:42" for line `index` (0-based in `lines`) plus `offset`; the file alone
        if the line is unknown."""
        if index is None:
            return self.path
        return f"{self.path}:{self.file.first_line + index + offset}"

    def find_block(self, body: str) -> int | None:
        """The index of the opening line of the next fenced block whose body is `body`.

        The search goes on from the line after that opening, not after the block: a
        markdown-exec block of Markdown has the blocks it contains inside its body.
        """
        body_lines = body.splitlines()
        for index in range(self.next_block, len(self.lines)):
            opening = FENCE_OPENING.match(self.lines[index])
            if opening and self.has_body(index + 1, opening["prefix"], body_lines):
                self.next_block = index + 1
                return index
        return None

    def has_body(self, start: int, prefix: str, body_lines: list[str]) -> bool:
        candidate = self.lines[start : start + len(body_lines)]
        if len(candidate) != len(body_lines):
            return False
        return all(
            line[len(prefix) :] == expected if expected.strip() else not line[len(prefix) :].strip()
            for line, expected in zip(candidate, body_lines, strict=True)
        )

    def find_text(self, text: str) -> int | None:
        """The index of the line where `text` (or, if it spans lines, its first line) starts."""
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        if not first:
            return None
        return next((i for i, line in enumerate(self.lines) if first in line), None)


def docs_file_source(docs_path: str, lines: list[str]) -> PageSource:
    """A file of docs/ read outside a page's conversion (the book's exercises, the tests)."""
    return PageSource(lines, PageFile(f"docs/{docs_path}", 1, docs_path))


SOURCE_ATTRIBUTE = "bookbuild_source"


def page_markdown(md: Markdown) -> Markdown:
    """The page's own Markdown instance.

    markdown-exec converts a block's Markdown output with a Markdown instance of its own, which
    points back at the page's through `_original_md`: what it converts belongs to that page.
    """
    return getattr(md, "_original_md", md)


def page_source(md: Markdown) -> PageSource:
    """The page's lines and file, kept by RememberPageSource; empty if the page was not seen."""
    page = page_markdown(md)
    source = getattr(page, SOURCE_ATTRIBUTE, None)
    if source is None:
        source = PageSource([])
        setattr(page, SOURCE_ATTRIBUTE, source)
    return source


class RememberPageSource(Preprocessor):
    """Keep the page's lines as they were written, before any preprocessor changes them, and
    the file they come from."""

    def run(self, lines: list[str]) -> list[str]:
        if page_markdown(self.md) is self.md:  # a nested conversion keeps its page's lines
            setattr(self.md, SOURCE_ATTRIBUTE, PageSource(list(lines), page_file(self.md, lines)))
        return lines


def remember_page_source(md: Markdown) -> None:
    """Register the preprocessor once per Markdown instance (first of all preprocessors)."""
    if "bookbuild_page_source" not in md.preprocessors:
        md.preprocessors.register(RememberPageSource(md), "bookbuild_page_source", 200)
