"""Which Markdown file a page being converted comes from, and where in it a line is.

Python-Markdown gives extensions only the page's text, not its file. Error messages should name
the file and line, and generated links need the page's place in docs/, so this finds the file
under docs/ whose text (after any front matter, which MkDocs strips first) is the text being
converted. Without a match (a test rendering a snippet) the page is "<markdown>".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache

from bookbuild.book_nav import DOCS

UNKNOWN = "<markdown>"


@dataclass(frozen=True)
class PageSource:
    path: str  # relative to docs/, e.g. "derivatives.md"; UNKNOWN for a snippet
    first_line: int  # the file's line number of the text's first line (after front matter)

    def where(self, index: int) -> str:
        """'docs/derivatives.md:42' for the text's line `index` (0-based)."""
        if self.path == UNKNOWN:
            return f"{UNKNOWN}:{index + 1}"
        return f"docs/{self.path}:{self.first_line + index}"


def identify(lines: list[str]) -> PageSource:
    text = "\n".join(lines).strip()
    return _identify(hashlib.sha256(text.encode()).hexdigest(), text)


@cache
def _identify(digest: str, text: str) -> PageSource:
    for path in sorted(DOCS.rglob("*.md")):
        content = path.read_text(encoding="utf-8")
        body = content.strip()
        if body.endswith(text) and (body == text or body[: -len(text)].rstrip().endswith("---")):
            offset = content[: content.index(text)].count("\n")
            return PageSource(path.relative_to(DOCS).as_posix(), offset + 1)
    return PageSource(UNKNOWN, 1)
