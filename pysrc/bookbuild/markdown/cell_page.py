"""One page's cells as the build meets them: their ids, and their results, run or from the cache.

Before superfences runs the page's fences, the page's Markdown is read for its cells' sources
(`cell_sources`) and its exercises (`exercise_key`: each is proved at its place in the page by
bookbuild.markdown.exercise_verify, and shows its starter's result). If the cache has results for
exactly
those (and the same code), each cell takes its result from there and nothing runs. The first
cell that differs from the cache's starts a fresh session, which first runs the cells before it
again (a cell sees what the cells above it defined), then every cell after it. The results are
stored when the page ends, if the cells the build met are the ones read from the Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bookbuild.markdown.build_session import BuildCellResult, PageSession
from bookbuild.markdown.cell_cache import CellCache, page_key
from bookbuild.markdown.exercise_source import Exercise, find_exercises
from bookbuild.markdown.source_location import FENCE_OPENING, PageSource

CELL_OPENING = re.compile(r"[ ]*python[ ]+(?P<options>.*)$")
EXERCISE_MARK = "\0exercise\0"
# Proves an exercise in the page's session, within the cell time limit; the starter's result.
Verifier = Callable[[Exercise, PageSession, float | None], BuildCellResult]


def cell_sources(lines: list[str]) -> list[str]:
    """The source of every ```` ```python cell ```` fence in `lines`, in order, as superfences
    hands it to the fence: without the fence's indentation or blockquote marks."""
    return [source for _, source in cell_fences(lines)]


def cell_fences(lines: list[str]) -> list[tuple[int, str]]:
    """(index of the opening line, source) of every cell fence in `lines`."""
    sources = []
    index = 0
    while index < len(lines):
        opening = FENCE_OPENING.match(lines[index])
        options = opening and CELL_OPENING.match(lines[index][opening.end() :])
        index += 1
        if not options or "cell" not in options["options"].split():
            continue
        start = index - 1
        prefix, fence = opening["prefix"], opening["fence"]
        closing_fence = re.escape(fence[0]) + "{" + str(len(fence)) + ",}"
        closing = re.compile(re.escape(prefix.rstrip()) + r"[ \t]*" + closing_fence + r"\s*$")
        body = []
        while index < len(lines) and not closing.match(lines[index]):
            body.append(lines[index][len(prefix) :])
            index += 1
        index += 1
        sources.append((start, "\n".join(body)))
    return sources


def exercise_key(exercise: Exercise) -> str:
    """What an exercise's proof depends on, as one planned item of the page."""
    wrong = [part for answer in exercise.wrong_answers for part in (answer.code, answer.diagnosis)]
    parts = [exercise.id, exercise.starter, exercise.check, exercise.solution, *wrong]
    return EXERCISE_MARK + "\0".join(parts)


def planned_items(lines: list[str], source: PageSource) -> tuple[list[str], dict[str, Exercise]]:
    """The page's cells and exercises in page order (sources and exercise keys), and its
    exercises by id."""
    exercises = find_exercises(lines, source)
    items = cell_fences(lines) + [
        (exercise.start, exercise_key(exercise)) for exercise in exercises
    ]
    return [item for _, item in sorted(items)], {exercise.id: exercise for exercise in exercises}


class PageCells:
    def __init__(self, source: PageSource, cache: CellCache | None, timeout: float | None) -> None:
        self.source = source
        self.timeout = timeout
        self.ids: set[str] = set()
        self.seen: list[str] = []
        self.results: list[BuildCellResult] = []
        self.planned, self.exercises = planned_items(source.lines, source)
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
        """The next cell's result."""
        return self.next_result(source, lambda session: session.run(source, self.timeout))

    def exercise_result(self, exercise: Exercise, verify: Verifier) -> BuildCellResult:
        """The next exercise's: proved (or proved in an earlier build), its starter's result."""

        def prove(session: PageSession) -> BuildCellResult:
            session.cells_run += 1  # the exercise's cell is one of the page's cells
            return verify(exercise, session, self.timeout)

        return self.next_result(exercise_key(exercise), prove)

    def next_result(self, item: str, run: Callable[[PageSession], BuildCellResult]):
        index = len(self.seen)
        self.seen.append(item)
        if self.session is None and self.is_cached(index, item):
            result = self.cached[index]
        else:
            if self.session is None:
                self.session = PageSession()
                for earlier in self.seen[:-1]:
                    self.replay(earlier)
            result = run(self.session)
        self.results.append(result)
        return result

    def replay(self, item: str) -> None:
        """Run an earlier item again, for its effect on the page's namespace."""
        if item.startswith(EXERCISE_MARK):
            self.session.cells_run += 1  # an exercise's tries run in copies: no effect
        else:
            self.session.run(item, self.timeout)

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
