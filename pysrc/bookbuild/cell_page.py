"""One page's cells as the build meets them: their ids, and their results, run or from the cache.

Before superfences runs the page's fences, the page's Markdown is read for its cells' sources
(`cell_sources`). If the cache has results for exactly those sources (and the same code), each
cell takes its result from there and nothing runs. The first cell that differs from the cache's
starts a fresh session, which first runs the cells before it again (a cell sees what the cells
above it defined), then every cell after it. The results are stored when the page ends, if the
cells the build met are the ones read from the Markdown.
"""

from __future__ import annotations

import re

from bookbuild.build_session import BuildCellResult, PageSession
from bookbuild.cell_cache import CellCache, page_key
from bookbuild.source_location import FENCE_OPENING, PageSource

CELL_OPENING = re.compile(r"[ ]*python[ ]+(?P<options>.*)$")


def cell_sources(lines: list[str]) -> list[str]:
    """The source of every ```` ```python cell ```` fence in `lines`, in order, as superfences
    hands it to the fence: without the fence's indentation or blockquote marks."""
    sources = []
    index = 0
    while index < len(lines):
        opening = FENCE_OPENING.match(lines[index])
        options = opening and CELL_OPENING.match(lines[index][opening.end() :])
        index += 1
        if not options or "cell" not in options["options"].split():
            continue
        prefix, fence = opening["prefix"], opening["fence"]
        closing_fence = re.escape(fence[0]) + "{" + str(len(fence)) + ",}"
        closing = re.compile(re.escape(prefix.rstrip()) + r"[ \t]*" + closing_fence + r"\s*$")
        body = []
        while index < len(lines) and not closing.match(lines[index]):
            body.append(lines[index][len(prefix) :])
            index += 1
        index += 1
        sources.append("\n".join(body))
    return sources


class PageCells:
    def __init__(self, source: PageSource, cache: CellCache | None, timeout: float | None) -> None:
        self.source = source
        self.timeout = timeout
        self.ids: set[str] = set()
        self.seen: list[str] = []
        self.results: list[BuildCellResult] = []
        self.planned = cell_sources(source.lines)
        self.cache = cache if self.planned else None
        self.key = page_key(self.planned) if self.cache else ""
        self.cached = self.cache.load(source.path, self.key) if self.cache else None
        self.session: PageSession | None = None  # started by the first cell that must run
        self.finished = False

    @property
    def will_run(self) -> bool:
        """Some of the page's cells must run: the cache has no results for them."""
        return bool(self.planned) and self.cached is None

    @property
    def executed(self) -> bool:
        return self.session is not None

    def result_of(self, source: str) -> BuildCellResult:
        index = len(self.seen)
        self.seen.append(source)
        if self.session is None and self.is_cached(index, source):
            result = self.cached[index]
        else:
            if self.session is None:
                self.session = PageSession()
                for earlier in self.seen[:-1]:
                    self.session.run(earlier, self.timeout)
            result = self.session.run(source, self.timeout)
        self.results.append(result)
        return result

    def is_cached(self, index: int, source: str) -> bool:
        return (
            self.cached is not None
            and index < len(self.cached)
            and index < len(self.planned)
            and self.planned[index] == source
        )

    def finish(self) -> None:
        """The page is converted: keep what ran, if the cells were the ones planned."""
        self.finished = True
        if self.cache and self.session is not None and self.seen == self.planned:
            self.cache.store(self.source.path, self.key, self.results)
