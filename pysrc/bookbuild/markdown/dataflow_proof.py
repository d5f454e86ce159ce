"""The build's proof of a page's dataflow: each cell, run after only the cells it needs, shows
what it showed in page order.

notebook_cell.page_plan finds what a cell needs by reading the code (notebook_cell.dataflow);
the browser runs just that before a cell, so the build checks it on the page's real cells. For
every cell whose needs are fewer than all the cells above it, a fresh namespace runs only those,
then the cell, whose output must equal the page-order run's: printed text and error exactly,
figures by number and alt text (a figure may plot a measured time). A run whose cells begin
another's longer run is not run on its own: the longer run shows its output on the way.

A cell that fails the proof fails the build, with its file and line, the cells it was run after
and what went wrong, and the way out: declaring what it needs (```python cell needs="id"```).
"""

from __future__ import annotations

import re

from bookbuild.markdown.book_error import BookError
from bookbuild.markdown.build_session import BuildCellResult, PageSession
from bookbuild.markdown.page_model import CellBlock, PageModel
from notebook_cell.page_plan import PagePlanner

MISSING_NAME = re.compile(r"NameError: name '(\w+)' is not defined")


def prove_dataflow(
    model: PageModel,
    planner: PagePlanner,
    results: dict[int, BuildCellResult],
    timeout: float | None,
) -> int:
    """Raise a BookError for the first cell that shows something else after only its needs;
    return how many cells ran for the proof."""
    runs = proof_runs(model, planner)
    ran = 0
    for sequence in longest_first(runs):
        session = PageSession()
        for position, index in enumerate(sequence):
            result = session.run(model.items[index].source, index + 1, timeout)
            ran += 1
            if sequence[: position + 1] in runs.values():
                check_same(model, planner, index, sequence[:position], results[index], result)
    return ran


def proof_runs(model: PageModel, planner: PagePlanner) -> dict[int, tuple[int, ...]]:
    """For each cell to prove (by index): its needed cells, then itself."""
    runs = {}
    earlier: list[int] = []
    for index, item in enumerate(model.items):
        if not isinstance(item, CellBlock):
            continue
        needs = [step.index for step in planner.plan(index, {})]
        if needs != earlier:  # page order itself proves a cell that needs all above it
            runs[index] = (*needs, index)
        earlier.append(index)
    return runs


def longest_first(runs: dict[int, tuple[int, ...]]) -> list[tuple[int, ...]]:
    """The runs that do not begin another run, which between them show every run's output."""
    sequences = sorted(set(runs.values()), key=len, reverse=True)
    kept: list[tuple[int, ...]] = []
    for sequence in sequences:
        if not any(longer[: len(sequence)] == sequence for longer in kept):
            kept.append(sequence)
    return kept


def check_same(model, planner, index, needs, expected: BuildCellResult, found: BuildCellResult):
    if same_display(expected, found):
        return
    cell = model.items[index]
    labels = (
        ", ".join(
            f"{model.items[i].id} at {model.source.where(model.items[i].start)}" for i in needs
        )
        or "none"
    )
    missing = MISSING_NAME.search(found.error or "")
    if found.timed_out:
        what = "it ran past the time limit"
    elif missing:
        what = f"it raised NameError: `{missing[1]}` was not defined"
    elif found.error and not expected.error:
        what = f"it raised:\n{found.error}"
    else:
        what = f"it showed something else:\n{first_difference(expected, found)}"
    raise BookError(
        model.source.where(cell.start),
        f"cell {cell.id!r} needs more than the build found by reading its code. Run after only "
        f"the cells it reads from ({labels}), {what}\nSay what else it needs: ```python cell "
        'needs="ID"```, with the id of each cell it depends on (give that cell an id="...").',
    )


def same_display(expected: BuildCellResult, found: BuildCellResult) -> bool:
    return (
        not found.timed_out
        and (expected.output, expected.error) == (found.output, found.error)
        and [image.alt for image in expected.images] == [image.alt for image in found.images]
    )


def first_difference(expected: BuildCellResult, found: BuildCellResult) -> str:
    if (expected.output, expected.error) == (found.output, found.error):
        return (
            f"figures {[i.alt for i in found.images]} instead of {[i.alt for i in expected.images]}"
        )
    before = (expected.output + (expected.error or "")).splitlines()
    after = (found.output + (found.error or "")).splitlines()
    for line, (was, now) in enumerate(zip(before + [""], after + [""], strict=False), start=1):
        if was != now:
            return f"output line {line}: {now!r} instead of {was!r}"
    return "a different output"
