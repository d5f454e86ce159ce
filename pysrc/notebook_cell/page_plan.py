"""Which of a page's cells must run before one of them, from the cells' effects (dataflow.py).

A page's namespace has a *history*: for each name, the runs that made its current value, in
order. A definition starts a name's history again; a change in place adds to it. A run is the
cell's id and a hash of the code that ran and of the histories of the names it read: a cell
whose input changed (its code did not) has not made the value a later cell expects. Reading the
page from the top gives the history each cell expects to find, the one page order would leave
(`expected`). A cell can run when each
name it needs has the history it expects; otherwise the missing runs come first, with what they
need in turn, until nothing is missing:

    planner = PagePlanner(cells)
    planner.plan(target, history)            the cells to run before `target`, in page order
    planner.record(history, index, code, ok)  what a run did to the history

From an empty history, `plan` gives what a cell needs on a fresh page: what the build proves,
by running each cell of the book after only those. An exercise's cell is never run for another
cell (its code is the reader's), and the page's history is the same whichever page is shown.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .dataflow import Binding, CellEffects, cell_effects

BARRIER = "<barrier>"  # changed by every barrier cell, needed by every cell
FAILED = "failed"  # the code hash of a run that raised: its results are never what a cell expects

Run = tuple[str, str]  # (cell id, hash of the code that ran)
History = dict[str, tuple[Run, ...]]


def declared_name(cell_id: str) -> str:
    """The name a cell defines by running: a cell that declares `needs="id"` reads it."""
    return f"<cell {cell_id}>"


def code_hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class PageCell:
    id: str
    code: str
    needs: tuple[str, ...] = ()  # ids of cells the author declared it needs
    exercise: bool = False  # an exercise's cell: run only when the reader runs or checks it
    expects_error: bool = False  # it raises on purpose: that is not a failure


@dataclass(frozen=True)
class Step:
    index: int
    id: str
    names: tuple[str, ...]  # what it provides to the plan (for a message: "it defines `rates`")


class PagePlanner:
    def __init__(self, cells: list[PageCell]) -> None:
        self.cells = cells
        self.index_of = {cell.id: index for index, cell in enumerate(cells)}
        self.effects: list[CellEffects] = []
        self.expected: list[History] = []  # the history each cell finds in page order
        self.contexts: list[dict[str, Binding]] = []  # what each name holds, before each cell
        history: History = {}
        context: dict[str, Binding] = {}
        for index, cell in enumerate(cells):
            self.expected.append(dict(history))
            self.contexts.append(dict(context))
            effects = cell_effects(cell.code, context)
            self.effects.append(effects)
            if not cell.exercise:
                self.apply(history, index, effects, self.run_of(index, cell.code, effects, history))
                context.update(effects.defines)

    def unknown_needs(self) -> list[tuple[int, str]]:
        """Declared needs that name no earlier cell: (index of the declaring cell, the id)."""
        return [
            (index, need)
            for index, cell in enumerate(self.cells)
            for need in cell.needs
            if self.index_of.get(need, index) >= index
        ]

    def effects_of(self, index: int, code: str) -> CellEffects:
        return cell_effects(code, self.contexts[index])

    def needed_names(self, index: int, effects: CellEffects) -> set[str]:
        names = set(effects.reads) | {BARRIER}
        names |= {declared_name(need) for need in self.cells[index].needs}
        if effects.barrier:  # it may use anything above it
            names |= set(self.expected[index])
        return names

    def run_of(self, index: int, code: str, effects: CellEffects, history: History) -> Run:
        """The run of cell `index` with `code`, on a namespace with `history`: the code, and the
        histories of the names it needs that the page's cells above it make."""
        needed = sorted(self.needed_names(index, effects) & set(self.expected[index]))
        parts = [code, *(f"{name}\0{history.get(name, ())}" for name in needed)]
        return (self.cells[index].id, code_hash("\0\0".join(parts)))

    def apply(self, history: History, index: int, effects: CellEffects, run: Run) -> None:
        for name in effects.mutates:
            if name in history:  # a change to a name no cell above defines is not a value's
                history[name] = history[name] + (run,)
        for name in effects.defines:
            history[name] = (run,)
        if effects.barrier:
            history[BARRIER] = history.get(BARRIER, ()) + (run,)
        history[declared_name(self.cells[index].id)] = (run,)

    def record(self, history: History, index: int, code: str, ok: bool = True) -> None:
        """Cell `index` ran `code` (the reader's, maybe): what that did to the page's history.
        A run that raised is recorded as failed, so that a cell that needs it runs it again."""
        effects = self.effects_of(index, code)
        run = self.run_of(index, code, effects, history) if ok else (self.cells[index].id, FAILED)
        self.apply(history, index, effects, run)

    def plan(self, target: int, history: History, code: str | None = None) -> list[Step]:
        """The cells to run, in page order, before cell `target` runs `code` (its own code by
        default; an exercise's check passes the reader's code and the check)."""
        target_effects = self.effects[target] if code is None else self.effects_of(target, code)
        chosen: dict[int, set[str]] = {}
        while True:
            missing = self.missing_runs(target, target_effects, sorted(chosen), history)
            new = {index: names for index, names in missing.items() if index not in chosen}
            for index, names in missing.items():
                chosen.setdefault(index, set()).update(names)
            if not new:
                break
        return [
            Step(index, self.cells[index].id, tuple(sorted(chosen[index])))
            for index in sorted(chosen)
        ]

    def missing_runs(self, target, target_effects, chosen, history) -> dict[int, set[str]]:
        """Run `chosen` then `target` on a copy of `history`: the runs that would be missing,
        by cell index, with the names each is missing for."""
        simulated = dict(history)
        missing: dict[int, set[str]] = {}
        for index in [*chosen, target]:
            effects = target_effects if index == target else self.effects[index]
            for name in self.needed_names(index, effects):
                for run in self.missing_for(
                    self.expected[index].get(name, ()), simulated.get(name, ())
                ):
                    missing.setdefault(self.index_of[run[0]], set()).add(name)
            if index != target:
                run = self.run_of(index, self.cells[index].code, effects, simulated)
                self.apply(simulated, index, effects, run)
        return missing

    @staticmethod
    def missing_for(expected: tuple[Run, ...], actual: tuple[Run, ...]) -> tuple[Run, ...]:
        """The runs that turn `actual` into `expected`: none if they are equal, the rest if
        `actual` is a beginning of `expected`, else all of them."""
        if actual == expected:
            return ()
        if actual and expected[: len(actual)] == actual:
            return expected[len(actual) :]
        return expected
