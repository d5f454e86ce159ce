// One exercise: its cell (the page's own [data-cell] editor), a Check button that runs the
// reader's code and then the exercise's check in the same Python, the feedback, the hints one at
// a time, and whether it is solved (exercise-progress.js).
//
// Hooks that tests outside this repository use: the root's data-exercise (a stable id) and
// data-exercise-state ("solved" or "failed" after a check; aria-busy="true" while checking), a
// button named exactly "Check", the feedback inside the root in an aria-live element, the
// solution's code in [data-solution].
import { element } from "./cell-view.js";
import { lostPythonMessage, neededFailureParts } from "./cell.js";
import { markSolved, stateOf } from "./exercise-progress.js";

export class Exercise {
  constructor(root, cell) {
    this.root = root;
    this.cell = cell;
    this.id = root.dataset.exercise;
    this.version = root.dataset.exerciseVersion;
    this.check = root.dataset.check;
    this.feedback = root.querySelector("[data-exercise-feedback]");
    this.checkButton = cell.view.addButton("Check", {
      class: "bp-button bp-button--check",
      title: "Run your code, then check it",
    });
    this.checkButton.addEventListener("click", () => this.runCheck());
    this.revealHintsOneByOne();
    this.showStoredState();
  }

  showStoredState() {
    const state = stateOf(this.id, this.version);
    if (state === "solved") {
      this.root.dataset.exerciseState = "solved";
      this.say("You solved this exercise earlier in this browser.", "solved");
    } else if (state === "changed") {
      this.say(
        "You solved an earlier version of this exercise; the book has changed it since. Check your answer again.",
        "info",
      );
    }
  }

  async runCheck() {
    if (this.root.getAttribute("aria-busy") === "true") return;
    this.root.setAttribute("aria-busy", "true");
    delete this.root.dataset.exerciseState;
    this.say("Checking…", "info");
    const outcome = await this.cell.page.runUpTo(this.cell, { check: this.check });
    this.root.removeAttribute("aria-busy");
    const { solved, message, link } = this.judge(outcome);
    this.root.dataset.exerciseState = solved ? "solved" : "failed";
    const kept = !solved || markSolved(this.id, this.version);
    const unsaved = kept
      ? ""
      : " This browser could not save it (its storage is full or blocked): it counts until you leave the page.";
    this.say(message + unsaved, solved ? "solved" : "failed", link);
  }

  // The feedback for a check's outcome (null: the cell is already waiting to run): {solved,
  // message, link?}; a link goes first in the message (the cell that stopped the check).
  judge(outcome) {
    if (!outcome) return { solved: false, message: "Your code is already waiting to run: press Check when it has." };
    if (outcome.needed) {
      const [link, rest] = neededFailureParts(outcome.needed);
      return { solved: false, link, message: rest.replace("so this cell did not run", "so your code was not checked") };
    }
    if (outcome.lost)
      return {
        solved: false,
        message: `The check did not finish. ${lostPythonMessage(outcome.lost, outcome.detail, outcome.cleared)}`,
      };
    if (outcome.bootFailed)
      return { solved: false, message: "Python could not start, so nothing was checked: see the message in the cell." };
    if (outcome.interrupted) return { solved: false, message: "You stopped the check before it finished." };
    if (outcome.error)
      return {
        solved: false,
        message:
          "Your code raised an error (shown in the cell's output above), so it was not checked. Fix it and press Check again.",
      };
    if (!outcome.check) return { solved: false, message: "The check did not run." };
    return { solved: outcome.check.passed, message: outcome.check.message };
  }

  // The message as text, with `backticked` names as code (still text: never parsed as HTML),
  // after an optional link {text, href} to a place on the page.
  say(message, kind, link = null) {
    const paragraph = element("p", { class: "bp-exercise__message" });
    if (link) paragraph.append(element("a", { href: link.href }, link.text));
    for (const [index, part] of message.split("`").entries()) {
      paragraph.append(index % 2 ? element("code", {}, part) : part);
    }
    this.feedback.replaceChildren(paragraph);
    this.feedback.dataset.kind = kind;
  }

  // Each hint after the first appears once the one before it has been opened.
  revealHintsOneByOne() {
    const hints = [...this.root.querySelectorAll(".bp-exercise__hint")];
    for (const hint of hints.slice(1)) hint.hidden = true;
    hints.forEach((hint, index) => {
      hint.addEventListener("toggle", () => {
        if (hint.open && hints[index + 1]) hints[index + 1].hidden = false;
      });
    });
  }
}

// "2 of 3 exercises solved", for the page's exercises.
export function showChapterProgress(line, exercises) {
  const solved = exercises.filter((exercise) => stateOf(exercise.id, exercise.version) === "solved").length;
  line.textContent = `${solved} of ${exercises.length} exercise${exercises.length === 1 ? "" : "s"} solved`;
  line.hidden = false;
}
