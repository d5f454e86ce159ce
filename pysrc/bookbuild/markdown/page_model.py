"""One page as the build sees it: its file, its lines, its cells and its exercises, parsed once.

    model = PageModel.parse(source)     a page's PageSource (its lines and its file)
    model.items                         its cells (CellBlock) and exercises, in page order

Authors write a cell as

    ```python cell                   a runnable cell
    ```python cell id="tangent"      with an id of the author's choosing (else "cell-N")
    ```python cell error             a cell that shows an error on purpose: it must raise
    ```python cell hide             a cell whose code is shown collapsed (setup, plotting)
    ```python cell needs="setup"     a cell that needs the cells with these ids (space-separated)
                                     beyond what the build finds by reading its code

and an exercise as one ````exercise block (bookbuild.markdown.exercise_source). A mistake in a
cell's options fails the build here, with the file and line, before anything runs.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from bookbuild.markdown.book_error import BookError
from bookbuild.markdown.exercise_source import Exercise, find_exercises
from bookbuild.markdown.source_location import FENCE_OPENING, PageSource
from notebook_cell.page_plan import PageCell

CELL_OPENING = re.compile(r"[ ]*python[ ]+(?P<options>.*)$")
OPTION = re.compile(r'(?P<name>[\w-]+)(?:=(?:"(?P<quoted>[^"]*)"|(?P<bare>\S+)))?')
CELL_OPTIONS = {"cell", "id", "error", "hide", "needs"}
ID = re.compile(r"^[A-Za-z0-9][\w-]*$")
EXERCISE_MARK = "\0exercise\0"


@dataclass(frozen=True)
class CellBlock:
    """A ```python cell fence."""

    id: str
    source: str  # as superfences hands it to the fence: without indentation or blockquote marks
    start: int  # the index of its opening line in the page's lines
    expects_error: bool = False
    hide: bool = False
    needs: tuple[str, ...] = ()  # ids of earlier cells the author declared it needs


Item = CellBlock | Exercise


def item_id(item: Item) -> str:
    """The id of the item's cell in the page: a cell's own, or "exercise-ID"."""
    return item.id if isinstance(item, CellBlock) else f"exercise-{item.id}"


def item_key(item: Item) -> str:
    """What an item's build results depend on (the cell cache's key is made of these)."""
    if isinstance(item, CellBlock):
        return "\0".join(["cell", item.source, *item.needs])
    wrong = [part for answer in item.wrong_answers for part in (answer.code, answer.diagnosis)]
    return EXERCISE_MARK + "\0".join([item.id, item.starter, item.check, item.solution, *wrong])


def source_hash(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()[:16]


@dataclass
class PageModel:
    source: PageSource
    items: list[Item]

    @classmethod
    def parse(cls, source: PageSource) -> PageModel:
        items: list[tuple[int, Item]] = [(e.start, e) for e in find_exercises(source.lines, source)]
        for start, options, body, number in numbered(cell_fences(source.lines), items):
            items.append((start, parse_cell(source, start, options, body, number)))
        model = cls(source, [item for _, item in sorted(items, key=lambda pair: pair[0])])
        model.check_ids_and_needs()
        return model

    @property
    def cells(self) -> list[CellBlock]:
        """The page's cells, without the exercises' (in page order)."""
        return [item for item in self.items if isinstance(item, CellBlock)]

    def index_of(self, item: Item) -> int:
        return next(index for index, other in enumerate(self.items) if other is item)

    def page_cells(self) -> list[PageCell]:
        """The items as notebook_cell.page_plan plans them (an exercise's code: its starter)."""
        return [
            PageCell(item.id, item.source, item.needs, expects_error=item.expects_error)
            if isinstance(item, CellBlock)
            else PageCell(item_id(item), item.starter, exercise=True)
            for item in self.items
        ]

    def check_ids_and_needs(self) -> None:
        seen: dict[str, CellBlock] = {}
        for cell in self.cells:
            where = self.source.where(cell.start)
            if cell.id in seen:
                raise BookError(
                    where,
                    f"two cells on one page have the id {cell.id!r} (the other "
                    f"is at {self.source.where(seen[cell.id].start)}); ids must be "
                    "unique",
                )
            for need in cell.needs:
                if need not in seen:
                    known = ", ".join(repr(c) for c in seen) or "none"
                    raise BookError(
                        where,
                        f'needs="{need}": no cell above this one has the id '
                        f"{need!r} (the ids above it: {known})",
                    )
            seen[cell.id] = cell


def numbered(fences, exercises) -> list[tuple[int, str, str, int]]:
    """The cell fences, each with its place among the page's items (a cell's default id counts
    the exercises above it too, as the reader sees them: cell-N is the page's N-th cell)."""
    starts = sorted([start for start, _ in exercises] + [fence[0] for fence in fences])
    numbers = {start: number for number, start in enumerate(starts, start=1)}
    return [(start, options, body, numbers[start]) for start, options, body in fences]


def parse_cell(source: PageSource, start: int, options: str, body: str, number: int) -> CellBlock:
    where = source.where(start)
    found = {
        m["name"]: m["quoted"] if m["quoted"] is not None else m["bare"]
        for m in OPTION.finditer(options)
    }
    unknown = set(found) - CELL_OPTIONS
    if "exec" in unknown:
        raise BookError(
            where,
            "a block is either a cell (`cell`, run at build time and in the "
            'browser) or a build-time block (`exec="on"`, markdown-exec), not both',
        )
    if unknown:
        raise BookError(
            where, f"unknown cell option(s) {sorted(unknown)}; valid: {sorted(CELL_OPTIONS)}"
        )
    cell_id = found.get("id") or f"cell-{number}"
    if not ID.match(cell_id):
        raise BookError(where, f'id="{cell_id}": an id is letters, digits, - and _')
    needs = tuple((found.get("needs") or "").split())
    return CellBlock(cell_id, body, start, "error" in found, "hide" in found, needs)


def cell_fences(lines: list[str]) -> list[tuple[int, str, str]]:
    """(index of the opening line, options, body) of every ```python cell fence in `lines`, the
    body as superfences hands it to the fence: without indentation or blockquote marks."""
    fences = []
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
        fences.append((start, options["options"], "\n".join(body)))
    return fences
