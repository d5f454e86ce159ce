// The cells of one page, which share one Python namespace, like a notebook's. A Run (or an
// exercise's Check) runs first only the cells the cell needs that the namespace does not have
// yet, or has from older code: Python plans it (notebook_cell.page_plan, the plan the build
// proved for every cell), and the page runs the plan, showing what runs and why.
import { Cell, lostPythonMessage, neededFailureParts, shownNames } from "./cell.js";
import { element } from "./cell-view.js";
import { Exercise, showChapterProgress } from "./exercise.js";
import { onProgressChange } from "./exercise-progress.js";

export class Page {
  constructor(roots, runtime) {
    this.runtime = runtime;
    this.key = location.pathname;
    this.title = document.querySelector("article h1")?.textContent.trim() || document.title;
    runtime.pageTitles.set(this.key, this.title);
    this.cells = roots.map((root, index) => new Cell(root, index, this));
    this.waiting = new Set();
    this.stateLine = this.createStateLine(roots[0]);
    this.exercises = this.cells
      .filter((cell) => cell.isExercise)
      .map((cell) => new Exercise(cell.root.closest("[data-exercise]"), cell));
    this.progressLine = document.querySelector("[data-exercise-progress]");
    const showProgress = () => this.progressLine && showChapterProgress(this.progressLine, this.exercises);
    showProgress();
    this.unsubscribeProgress = onProgressChange(showProgress);
    this.unsubscribe = runtime.on((event) => this.onRuntimeEvent(event));
    this.showEarlierRuns();
  }

  // Start Python (once per tab).
  startPython() {
    return this.runtime.start();
  }

  hasRun(cell) {
    return this.runtime.ranCellsOf(this.key).has(cell.id);
  }

  // Cells the reader stopped, or that broke Python, are never re-run automatically (a stopped
  // runaway loop must not start again because a later cell needs it).
  hold(cell) {
    this.runtime.heldCellsOf(this.key).add(cell.id);
  }

  release(cell) {
    this.runtime.heldCellsOf(this.key).delete(cell.id);
  }

  isHeld(cell) {
    return this.runtime.heldCellsOf(this.key).has(cell.id);
  }

  // The page's cells as Python plans them: their current code (the reader's edits included).
  planCells() {
    return this.cells.map((cell) => ({
      id: cell.id,
      code: cell.code,
      needs: cell.declaredNeeds,
      exercise: cell.isExercise,
      expectsError: cell.expectsError,
    }));
  }

  // Run `target` (with an exercise's `check`, check it), after the cells it needs. Resolves with
  // the target's outcome; {ok: false, needed: {cell, names, outcome}} when a needed cell did not
  // finish; null if the target is already waiting to run.
  async runUpTo(target, { check = null } = {}) {
    if (this.waiting.has(target)) return null;
    this.release(target);
    const starting = this.runtime.state !== "ready";
    this.wait(target, starting ? "Starting Python…" : "Queued…");
    if (starting) target.view.showProgress({ stage: "Starting Python", loaded: 0, total: 0 });
    let plan;
    try {
      plan = await this.runtime.plan(this.key, this.planCells(), target.index, check);
    } catch (error) {
      this.done(target);
      return { ok: false, bootFailed: String(error) }; // the "failed" event shows why, with Retry
    }
    if (plan.lost || plan.error) {
      this.done(target);
      const message = plan.lost ? lostPythonMessage(plan.lost, plan.detail, plan.cleared) : plan.error;
      target.view.setStatus(message);
      return { ...plan, ok: false };
    }
    const steps = plan.steps.map((step) => ({ ...step, cell: this.cells[step.index] })).filter((s) => s.cell);
    const held = steps.filter((step) => this.isHeld(step.cell));
    const needed = steps.filter((step) => !this.isHeld(step.cell));
    for (const step of needed) this.wait(step.cell, "Queued…");
    target.view.setStatus(
      needed.length ? `Running ${needed.length} cell${needed.length > 1 ? "s" : ""} this one needs…` : "Queued…",
    );
    for (const step of needed) {
      const outcome = await step.cell.execute();
      this.done(step.cell);
      if (!outcome.ok) return this.neededCellFailed(target, step, outcome, needed);
    }
    const outcome = await target.execute({ check });
    this.done(target);
    if (held.length) target.view.appendRunNotice(heldMessage(held), "info");
    this.showEarlierRuns();
    return outcome;
  }

  // A cell the target needs did not finish: the target says which, and links to it.
  neededCellFailed(target, step, outcome, needed) {
    for (const rest of needed.slice(needed.indexOf(step) + 1)) {
      this.done(rest.cell);
      rest.cell.view.setStatus("");
    }
    this.done(target);
    const failure = { cell: step.cell, names: shownNames(step.names), outcome };
    target.view.setStatus("Not run");
    target.view.showNeededFailure(neededFailureParts(failure));
    return { ok: false, needed: failure };
  }

  wait(cell, status) {
    this.waiting.add(cell);
    cell.view.setBusy(true);
    cell.view.setStatus(status);
  }

  done(cell) {
    this.waiting.delete(cell);
    cell.view.setBusy(false);
    cell.view.hideProgress();
  }

  // "Python has this page's variables": shown when the reader comes back to a page whose cells
  // ran earlier in this tab, so that nobody is surprised that the variables are still there.
  createStateLine(firstCell) {
    const line = element("div", { class: "bp-page-state", role: "status", hidden: "" });
    line.dataset.pythonState = "";
    firstCell.before(line);
    return line;
  }

  showEarlierRuns() {
    const ran = this.cells.filter((cell) => this.hasRun(cell));
    if (!ran.length || this.runtime.state !== "ready") {
      this.stateLine.hidden = true;
      return;
    }
    const labels = ran.map((cell) => cell.index + 1).join(", ");
    const forget = element("button", { type: "button", class: "bp-button" }, "Forget these variables");
    forget.addEventListener("click", () => this.forgetVariables());
    const restart = element("button", { type: "button", class: "bp-button" }, "Restart Python");
    restart.addEventListener("click", () => this.runtime.restart("requested"));
    this.stateLine.replaceChildren(
      element(
        "span",
        {},
        `Python has this page's variables from your runs of cell${ran.length > 1 ? "s" : ""} ${labels} in this tab.`,
      ),
      forget,
      restart,
    );
    this.stateLine.dataset.pythonState = "kept";
    this.stateLine.hidden = false;
  }

  forgetVariables() {
    this.runtime.forget(this.key);
    this.stateLine.hidden = true;
    this.stateLine.dataset.pythonState = "";
    for (const cell of this.cells) cell.view.setStatus("");
  }

  onRuntimeEvent(event) {
    const waiting = [...this.waiting];
    if (event.type === "progress") for (const cell of waiting) cell.view.showProgress(event);
    if (event.type === "ready") for (const cell of this.cells) cell.view.hideProgress();
    if (event.type === "failed") {
      for (const cell of waiting) {
        this.done(cell);
        cell.view.setStatus("");
        cell.view.showNotice(
          `Python could not start: ${event.reason} The output shown is from the book's build.`,
          [
            {
              label: "Retry",
              action: () => {
                cell.view.hideNotice();
                this.runUpTo(cell);
              },
            },
          ],
          "error",
        );
      }
    }
    if (event.type === "restarted") {
      this.stateLine.hidden = true;
      if (event.reason === "requested") {
        for (const cell of this.cells) cell.view.setStatus("");
        this.stateLine.replaceChildren(
          element("span", {}, "Python was restarted: the variables of every page were cleared."),
        );
        this.stateLine.dataset.pythonState = "restarted";
        this.stateLine.hidden = false;
      }
    }
  }

  detach() {
    for (const cell of this.cells) cell.unwatch();
    this.unsubscribe();
    this.unsubscribeProgress();
  }
}

function heldMessage(held) {
  const labels = held.map((step) => step.cell.label.toLowerCase()).join(", ");
  const them = held.length > 1 ? "them" : "it";
  return `Not run first: ${labels}, which you stopped or which broke Python. Run ${them} yourself if this cell needs ${them}.`;
}
