// The whole book's exercise progress (on the Orientation page): solved per chapter, and controls
// to reset it, export it as a small JSON file and import it back (to move to another browser).
// The chapters and their exercises' versions come from the build ([data-book-progress]).
import { element } from "./cell-view.js";
import { exportProgress, importProgress, onProgressChange, resetProgress, stateOf } from "./exercise-progress.js";

export class BookProgress {
  constructor(root) {
    this.root = root;
    this.chapters = JSON.parse(root.dataset.bookProgress);
    this.table = element("table"); // no class: the theme styles it like the book's tables
    this.status = element("p", { class: "bp-book-progress__status", role: "status" });
    this.controls = element("div", { class: "bp-book-progress__controls" });
    const exportButton = element("button", { type: "button", class: "bp-button" }, "Export progress");
    exportButton.addEventListener("click", () => this.export());
    const importLabel = element("label", { class: "bp-button bp-book-progress__import" }, "Import progress");
    this.fileInput = element("input", { type: "file", accept: "application/json,.json", class: "bp-visually-hidden" });
    this.fileInput.addEventListener("change", () => this.import());
    importLabel.append(this.fileInput);
    this.resetButton = element("button", { type: "button", class: "bp-button" }, "Reset progress");
    this.resetButton.addEventListener("click", () => this.askToReset());
    this.controls.append(exportButton, importLabel, this.resetButton);
    root.append(element("h3", {}, "Your progress"), this.table, this.controls, this.status);
    this.unsubscribe = onProgressChange(() => this.render());
    this.render();
  }

  render() {
    const head = element("tr");
    head.append(element("th", { scope: "col" }, "Chapter"), element("th", { scope: "col" }, "Solved"));
    const rows = [element("thead"), element("tbody")];
    rows[0].append(head);
    let solved = 0;
    let total = 0;
    for (const chapter of this.chapters) {
      const done = chapter.exercises.filter(({ id, version }) => stateOf(id, version) === "solved").length;
      solved += done;
      total += chapter.exercises.length;
      const row = element("tr");
      row.append(
        element("td", {}, `${chapter.number} ${chapter.title}`),
        element("td", {}, `${done} of ${chapter.exercises.length}`),
      );
      rows[1].append(row);
    }
    const foot = element("tr");
    foot.append(element("th", { scope: "row" }, "The whole book"), element("td", {}, `${solved} of ${total}`));
    rows[1].append(foot);
    this.table.replaceChildren(
      element("caption", {}, `${solved} of ${total} exercises solved in this browser`),
      ...rows,
    );
  }

  export() {
    const url = URL.createObjectURL(new Blob([exportProgress()], { type: "application/json" }));
    const link = element("a", { href: url, download: "backprop-book-progress.json" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.status.textContent = "Your progress was saved as backprop-book-progress.json.";
  }

  async import() {
    const file = this.fileInput.files[0];
    if (!file) return;
    try {
      const known = new Map(this.chapters.flatMap((chapter) => chapter.exercises.map((e) => [e.id, e.version])));
      const { added, unknown } = importProgress(await file.text(), known);
      const exercises = (count) => `${count} exercise${count === 1 ? "" : "s"}`;
      const left = unknown
        ? ` ${unknown} entr${unknown === 1 ? "y was" : "ies were"} left out: exercises this edition does not have, or has changed since.`
        : "";
      this.status.textContent = added
        ? `Imported: ${exercises(added)} more marked as solved.${left}`
        : `Nothing new was imported: the file marks no exercise as solved that is not solved here already.${left}`;
    } catch (error) {
      this.status.textContent = `Nothing was imported: ${error.message}`;
    }
    this.fileInput.value = "";
  }

  // An inline confirmation, not a dialog: progress is easy to lose and impossible to undo.
  askToReset() {
    const confirm = element("button", { type: "button", class: "bp-button" }, "Yes, reset it");
    const keep = element("button", { type: "button", class: "bp-button" }, "Keep it");
    const question = element(
      "p",
      { class: "bp-book-progress__question" },
      "Forget every solved exercise in this browser? ",
    );
    question.append(confirm, " ", keep);
    this.resetButton.disabled = true;
    this.controls.after(question);
    const done = (message) => {
      question.remove();
      this.resetButton.disabled = false;
      this.resetButton.focus();
      this.status.textContent = message;
    };
    confirm.addEventListener("click", () => {
      resetProgress();
      done("Your progress was reset.");
    });
    keep.addEventListener("click", () => done("Your progress was kept."));
    keep.focus();
  }

  detach() {
    this.unsubscribe();
  }
}
