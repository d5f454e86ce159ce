"""A page's cells and exercises, run when the page's conversion starts, before any fence is drawn.

    run = PageRun(model, cache, timeout)
    run.result(index)    the build-time result of item `index`: a cell's output, or an
                         exercise's starter run
    run.needs(index)     the ids of the cells item `index` needs on a fresh page (its data-needs)

The cells run in page order in one namespace: that is what the book shows. Then the build proves
the page's dataflow (dataflow_proof.py: each cell shows the same after only the cells it needs)
and each exercise (exercise_verify.py: each try after only the cells it needs). If the cache
(cell_cache.py) has the results of exactly these items under the same code, nothing runs: a
prose edit runs no cell. A mistake fails the build with a BookError naming the file and line.
"""

from __future__ import annotations

import re

from bookbuild.markdown.book_error import BookError
from bookbuild.markdown.build_session import BuildCellResult, PageSession, forget_backprop
from bookbuild.markdown.cell_cache import CellCache, page_key
from bookbuild.markdown.dataflow_proof import prove_dataflow
from bookbuild.markdown.exercise_source import Exercise
from bookbuild.markdown.exercise_verify import BrokenExerciseError, verify
from bookbuild.markdown.page_model import CellBlock, PageModel, item_id, item_key
from notebook_cell.page_plan import PagePlanner

# The innermost line of the cell in a traceback, and the error's name on its last line.
CELL_FRAME = re.compile(r'File "<cell \d+>", line (\d+)')
ERROR_NAME = re.compile(r"^(\w+)(?::|$)", re.M)
SYNTAX_ERRORS = {"SyntaxError", "IndentationError", "TabError"}


class PageRun:
    def __init__(self, model: PageModel, cache: CellCache | None, timeout: float | None) -> None:
        self.model = model
        self.timeout = timeout
        self.planner = PagePlanner(model.page_cells())
        self.executed = False
        self.proof_cells = 0  # cells run again to prove the dataflow
        key = page_key([item_key(item) for item in model.items]) if cache and model.items else ""
        results = cache.load(model.source.path, key) if key else None
        if results is None or len(results) != len(model.items):
            results = self.run_and_prove() if model.items else []
            if key:
                cache.store(model.source.path, key, results)
        self.results = results

    def result(self, index: int) -> BuildCellResult:
        return self.results[index]

    def needs(self, index: int) -> list[str]:
        return [step.id for step in self.planner.plan(index, {}, self.code_for_needs(index))]

    def code_for_needs(self, index: int) -> str | None:
        """An exercise needs what its starter and its check read; a cell, what it reads."""
        item = self.model.items[index]
        return f"{item.starter}\n{item.check}" if isinstance(item, Exercise) else None

    def run_and_prove(self) -> list[BuildCellResult]:
        forget_backprop()
        self.executed = True
        session = PageSession()
        results: dict[int, BuildCellResult] = {}
        for index, item in enumerate(self.model.items):
            if isinstance(item, CellBlock):
                results[index] = session.run(item.source, index + 1, self.timeout)
                check_outcome(self.model, item, results[index], self.timeout)
        self.proof_cells = prove_dataflow(self.model, self.planner, results, self.timeout)
        for index, item in enumerate(self.model.items):
            if isinstance(item, Exercise):
                results[index] = self.prove_exercise(index, item)
        return [results[index] for index in range(len(self.model.items))]

    def prove_exercise(self, index: int, exercise: Exercise) -> BuildCellResult:
        namespaces: dict[tuple[int, ...], dict] = {}

        def namespace_for(code: str) -> dict:
            """The namespace a try of `code` runs in: the cells it and the check need, run."""
            plan = self.planner.plan(index, {}, f"{code}\n{exercise.check}")
            needs = tuple(step.index for step in plan)
            if needs not in namespaces:
                session = PageSession()
                for needed in needs:
                    session.run(self.model.items[needed].source, needed + 1, self.timeout)
                namespaces[needs] = session.namespace
            return namespaces[needs]

        try:
            return verify(exercise, namespace_for, index + 1, self.timeout)
        except BrokenExerciseError as error:
            raise BookError(error.where, error.problem) from None

    def cell_id(self, index: int) -> str:
        return item_id(self.model.items[index])


def check_outcome(model: PageModel, cell: CellBlock, result: BuildCellResult, timeout) -> None:
    """A cell must finish in time, and raise if and only if it is marked `error`."""
    where = model.source.where(cell.start)
    if result.timed_out:
        raise BookError(
            where,
            f"cell {cell.id!r} ran for more than {timeout:g} s at build time and was stopped (the "
            f"limit is `cell_timeout` of bookbuild.markdown.extension in mkdocs.yml):\n"
            f"{indent(cell.source)}",
        )
    if result.error and not cell.expects_error:
        frames = CELL_FRAME.findall(result.error)
        if frames:
            where = model.source.where(cell.start, int(frames[-1]))  # the failing line itself
        names = ERROR_NAME.findall(result.error)
        if names and names[-1] in SYNTAX_ERRORS:
            raise BookError(where, f"cell {cell.id!r} is not valid Python:\n{result.error}")
        raise BookError(
            where,
            f"cell {cell.id!r} raised at build time:\n{indent(cell.source)}\n{result.error}"
            "If showing this error is the point of the cell, mark it ```python cell error```.",
        )
    if cell.expects_error and not result.error:
        raise BookError(
            where, f"cell {cell.id!r} is marked `error` but did not raise:\n{indent(cell.source)}"
        )


def indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())
