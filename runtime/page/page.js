// The cells of one page, which share one Python namespace, in page order, like a notebook.
import { Cell } from "./cell.js";
import { element } from "./cell-view.js";
import { Exercise, showChapterProgress } from "./exercise.js";
import { onProgressChange } from "./exercise-progress.js";

export class Page {
  constructor(roots, runtime) {
    this.runtime = runtime;
    this.key = location.pathname;
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

  // Start Python (once per tab) with the page's first cell's imports loading during the boot.
  startPython() {
    return this.runtime.start(this.cells[0]?.code ?? "");
  }

  hasRun(cell) {
    return this.runtime.ranCellsOf(this.key).has(cell.id);
  }

  // Cells the reader stopped, or that broke Python, are never re-run automatically (a stopped
  // runaway loop must not start again because a later cell needs the cells above it).
  hold(cell) {
    this.runtime.heldCellsOf(this.key).add(cell.id);
  }

  release(cell) {
    this.runtime.heldCellsOf(this.key).delete(cell.id);
  }

  isHeld(cell) {
    return this.runtime.heldCellsOf(this.key).has(cell.id);
  }

  // Run `target`, first running every earlier cell that has not run in this interpreter
  // (exercises' cells excepted: they run when the reader runs or checks them). Resolves with the
  // target's outcome, or null if it did not run.
  async runUpTo(target, { check = null } = {}) {
    if (this.waiting.has(target)) return null;
    this.release(target);
    this.startPython();
    const notRun = this.cells
      .slice(0, target.index)
      .filter((cell) => !cell.isExercise && !this.hasRun(cell) && !this.waiting.has(cell));
    const held = notRun.filter((cell) => this.isHeld(cell));
    const earlier = notRun.filter((cell) => !this.isHeld(cell));
    const chain = [...earlier, target];
    const first = earlier.length
      ? `Running ${earlier.length} earlier cell${earlier.length > 1 ? "s" : ""} first…`
      : "Queued…";
    for (const cell of chain) this.wait(cell, cell === target ? first : "Queued…");
    if (this.runtime.state !== "ready") target.view.showProgress({ stage: "Starting Python", loaded: 0, total: 0 });
    let outcome = null;
    for (const cell of chain) {
      outcome = await cell.execute(cell === target ? { check } : {});
      this.waiting.delete(cell);
      if (!outcome.ok && cell !== target) {
        for (const rest of chain.slice(chain.indexOf(cell) + 1)) {
          this.waiting.delete(rest);
          rest.view.setBusy(false);
          rest.view.setStatus(`Not run: ${cell.label.toLowerCase()} above did not finish.`);
        }
        return null;
      }
    }
    if (held.length) {
      const labels = held.map((cell) => cell.label.toLowerCase()).join(", ");
      target.view.appendRunNotice(
        `Not run first: ${labels}, which you stopped or which broke Python. Run ${held.length > 1 ? "them" : "it"} yourself if this cell needs ${held.length > 1 ? "them" : "it"}.`,
        "info",
      );
    }
    this.showEarlierRuns();
    return outcome;
  }

  wait(cell, status) {
    this.waiting.add(cell);
    cell.view.setBusy(true);
    cell.view.setStatus(status);
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
        this.waiting.delete(cell);
        cell.view.setBusy(false);
        cell.view.hideProgress();
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
    this.unsubscribe();
    this.unsubscribeProgress();
  }
}
