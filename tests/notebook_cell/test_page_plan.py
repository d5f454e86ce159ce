"""Which of a page's cells run before one of them: from their effects, and from what the page's
namespace holds now."""

from __future__ import annotations

from notebook_cell.page_plan import FAILED, PageCell, PagePlanner

CELLS = [
    PageCell("imports", "import numpy as np"),  # 0
    PageCell("rates", "rates = [0.1, 0.5]"),  # 1
    PageCell("slow", "import time\ntime.sleep(0)\nprint('marker')"),  # 2
    PageCell("runs", "runs = {r: np.ones(2) * r for r in rates}"),  # 3
    PageCell("train", "net = {'W': np.zeros(2)}\nnet['W'] += 1"),  # 4
    PageCell("update", "net['W'] *= 3"),  # 5
    PageCell("plot", "print(runs[0.5], net['W'])"),  # 6
]


def ids(steps):
    return [step.id for step in steps]


def test_on_a_fresh_page_a_cell_needs_only_the_cells_it_reads_from():
    planner = PagePlanner(CELLS)
    assert ids(planner.plan(6, {})) == ["imports", "rates", "runs", "train", "update"]
    assert "slow" not in ids(planner.plan(6, {})), "an unrelated cell does not run"


def test_a_cell_that_changes_an_object_is_needed_by_a_later_reader():
    planner = PagePlanner(CELLS)
    assert "update" in ids(planner.plan(6, {}))


def test_cells_that_ran_with_the_same_code_do_not_run_again():
    planner = PagePlanner(CELLS)
    history: dict = {}
    for index in (0, 1, 3):
        planner.record(history, index, CELLS[index].code)
    assert ids(planner.plan(6, history)) == ["train", "update"]


def test_a_cell_whose_code_changed_since_it_ran_runs_again():
    planner = PagePlanner(CELLS)
    history: dict = {}
    for index in (0, 1, 3, 4, 5):
        planner.record(history, index, CELLS[index].code)
    edited = [*CELLS[:1], PageCell("rates", "rates = [0.5, 0.9]"), *CELLS[2:]]
    assert ids(PagePlanner(edited).plan(6, history)) == ["rates", "runs"]


def test_only_the_missing_end_of_a_history_runs():
    planner = PagePlanner(CELLS)
    history: dict = {}
    for index in (0, 4):
        planner.record(history, index, CELLS[index].code)
    assert ids(planner.plan(6, history)) == ["rates", "runs", "update"]


def test_a_later_cell_that_redefined_a_name_makes_its_definition_run_again():
    cells = [PageCell("a", "x = 1"), PageCell("b", "print(x)"), PageCell("c", "x = 2")]
    planner = PagePlanner(cells)
    history: dict = {}
    for index in (0, 2):
        planner.record(history, index, cells[index].code)
    assert ids(planner.plan(1, history)) == ["a"]


def test_a_run_that_failed_is_run_again_when_it_is_needed():
    planner = PagePlanner(CELLS)
    history: dict = {}
    planner.record(history, 0, CELLS[0].code)
    planner.record(history, 1, CELLS[1].code, ok=False)
    assert history["rates"][0][1] == FAILED
    assert "rates" in ids(planner.plan(3, history))


def test_a_barrier_needs_everything_above_it_and_everything_below_needs_it():
    cells = [PageCell("a", "x = 1"), PageCell("b", "y = 2"),
             PageCell("patch", "import backprop\nbackprop.Dense.forward = None"),
             PageCell("c", "print(x)")]  # fmt: skip
    planner = PagePlanner(cells)
    assert ids(planner.plan(2, {})) == ["a", "b"]
    assert ids(planner.plan(3, {})) == ["a", "b", "patch"]


def test_a_declared_need_is_run_with_what_it_needs():
    cells = [PageCell("data", "X = [1, 2]"), PageCell("setup", "print(len(X))"),
             PageCell("use", "print('hello')", needs=("setup",))]  # fmt: skip
    assert ids(PagePlanner(cells).plan(2, {})) == ["data", "setup"]


def test_an_exercise_is_planned_from_the_readers_code_and_its_check_and_never_run_for_others():
    cells = [PageCell("data", "X = [1, 2]"), PageCell("other", "Y = 3"),
             PageCell("exercise-e", "def f():\n    return 0", exercise=True),
             PageCell("after", "print(f)")]  # fmt: skip
    planner = PagePlanner(cells)
    assert ids(planner.plan(2, {}, "def f():\n    return len(X)\n\nassert f() == 2")) == ["data"]
    assert ids(planner.plan(3, {})) == [], "an exercise's cell is not run for a later cell"


def test_unknown_declared_needs_are_listed():
    cells = [PageCell("a", "x = 1", needs=("b",)), PageCell("b", "y = 1")]
    assert PagePlanner(cells).unknown_needs() == [(0, "b")]
