// One cell of a page: its code (the book's, or the reader's saved edit), its editor, and one run.
import { CellView } from "./cell-view.js";
import { forgetEdit, loadEdit, saveEdit, watchEdit } from "./persistence.js";

// Why Python had to be restarted during a run, in the reader's words.
export function lostPythonMessage(reason, detail) {
  const cleared = "Python was restarted, so the variables of every page were cleared.";
  const again = "Running a cell runs the cells above it again.";
  switch (reason) {
    case "stopped":
      return `Stopped. ${cleared} ${again}`;
    case "exited":
      return `Your code ended Python${detail ? ` (exit code ${detail})` : ""}. ${cleared} ${again}`;
    case "unresponsive":
      return `Python stopped answering after this cell (it closed its worker or removed its message handler). ${cleared} ${again}`;
    case "broken":
      return `This cell changed Python itself so that no cell could run after it (${detail}). ${cleared} ${again}`;
    default:
      return `Python crashed (${detail || "out of memory?"}). ${cleared} ${again}`;
  }
}

// The names a needed cell provides, as a reader knows them (none of the planner's own).
export function shownNames(names) {
  return names.filter((name) => !name.startsWith("<"));
}

// "Cell 3 above, which sets `rates`, raised KeyError: 0.85": parts of a message, the first one
// a link to the cell.
export function neededFailureParts({ cell, names, outcome }) {
  const sets = names.length ? `, which sets ${names.map((name) => `\`${name}\``).join(", ")},` : "";
  const link = { text: `${cell.label} above`, href: `#${cell.root.id}` };
  let what;
  if (outcome.lost) what = outcome.lost === "stopped" ? " was stopped" : " lost Python";
  else if (outcome.interrupted) what = " was stopped";
  else if (outcome.bootFailed) what = " could not run: Python did not start";
  else what = ` raised ${lastLine(outcome.error) || "an error"}`;
  return [
    link,
    `${sets}${what}, so this cell did not run. Fix it there, or press Reset on it, then run this cell again.`,
  ];
}

function lastLine(text) {
  return (text || "").trim().split("\n").pop();
}

export class Cell {
  constructor(root, index, page) {
    this.root = root;
    this.index = index;
    this.page = page;
    this.runtime = page.runtime;
    this.id = root.dataset.cell;
    this.originalCode = root.dataset.source;
    this.originalHash = root.dataset.sourceHash;
    this.expectsError = root.hasAttribute("data-expects-error");
    // An exercise's cell runs only when the reader runs or checks it, never before a later cell.
    this.isExercise = root.hasAttribute("data-exercise-cell");
    this.label = `Cell ${index + 1}`;
    this.view = new CellView(root, { label: this.label });
    this.storageWarned = false;
    this.editor = null;
    this.pendingCode = this.restoredCode(); // the code while no editor exists yet
    this.unwatch = watchEdit(page.key, this.id, (saved) => this.editedElsewhere(saved));
    this.view.runButton.addEventListener("click", () => page.runUpTo(this));
    this.view.stopButton.addEventListener("click", () => this.runtime.stop());
    this.view.resetButton.addEventListener("click", () => this.reset());
    root.addEventListener("keydown", (event) => this.onKey(event));
    // The first sign that the reader means to run something starts Python: the pointer over a
    // cell (on its way to Run), a focus, a key.
    root.addEventListener("pointerenter", () => page.startPython(), { once: true });
    const placeholder = this.view.code;
    // focusin, not focus: Material makes a wide code block's inner <code> focusable itself.
    placeholder.addEventListener("focusin", () => this.openEditor({ focus: true }), { once: true });
    if (this.pendingCode !== this.originalCode) this.openEditor({ focus: false }); // show the edit
  }

  // Run and Stop from anywhere in the cell (the editor handles Run itself, before this).
  onKey(event) {
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === "Enter" && (mod || event.shiftKey) && !event.defaultPrevented) {
      event.preventDefault();
      this.page.runUpTo(this);
    } else if (event.key === "." && mod) {
      event.preventDefault();
      this.runtime.stop();
    }
  }

  get code() {
    return this.editor ? this.editor.state.doc.toString() : this.pendingCode;
  }

  // Load CodeMirror (once per tab) and put an editor in place of the static code.
  openEditor({ focus }) {
    this.opening ??= import("./editor.js").then(({ createEditor }) => {
      this.editor = createEditor({
        parent: this.view.editorHost,
        code: this.pendingCode,
        label: `Code of ${this.label.toLowerCase()}`,
        onRun: () => this.page.runUpTo(this),
        onChange: (code) => this.saveCode(code),
        onFocus: () => this.page.startPython(),
      });
      this.view.showEditor();
      return this.editor;
    });
    if (focus) {
      this.page.startPython();
      this.opening.then((editor) => editor.focus());
    }
    return this.opening;
  }

  setCode(code) {
    this.pendingCode = code;
    if (this.editor) {
      this.editor.dispatch({ changes: { from: 0, to: this.editor.state.doc.length, insert: code } });
    }
  }

  restoredCode() {
    const saved = loadEdit(this.page.key, this.id);
    if (!saved || saved.code === this.originalCode) return this.originalCode;
    if (saved.originalHash === this.originalHash) {
      this.view.setModified(true);
      return saved.code;
    }
    // The book changed this cell after the reader edited it: never show the old edit as current.
    this.view.showNotice(
      "This cell has changed in the book since you edited it. The book's new version is shown.",
      [
        { label: "Use my old edit", action: () => this.applyStaleEdit(saved.code) },
        {
          label: "Discard my edit",
          action: () => {
            forgetEdit(this.page.key, this.id);
            this.view.hideNotice();
          },
        },
      ],
      "warning",
    );
    return this.originalCode;
  }

  applyStaleEdit(code) {
    this.setCode(code);
    this.saveCode(code);
    this.openEditor({ focus: false });
    this.view.hideNotice();
  }

  saveCode(code) {
    this.page.release(this); // an edited cell is the reader's to run again
    const modified = code !== this.originalCode;
    this.view.setModified(modified);
    if (!modified) return forgetEdit(this.page.key, this.id);
    if (!saveEdit(this.page.key, this.id, code, this.originalHash) && !this.storageWarned) {
      this.storageWarned = true;
      this.view.showNotice(
        "Your edits cannot be saved in this browser (storage is full or blocked). They stay until you leave the page.",
        [],
        "warning",
      );
    }
  }

  // Another tab saved a different version of this cell: the reader chooses which to keep.
  editedElsewhere(saved) {
    const theirs = saved?.code ?? this.originalCode;
    if (theirs === this.code) return;
    this.view.showNotice(
      "This cell was changed in another tab of the book.",
      [
        {
          label: "Use the other tab's",
          action: () => {
            this.setCode(theirs);
            this.view.setModified(theirs !== this.originalCode);
            this.view.hideNotice();
          },
        },
        {
          label: "Keep this one",
          action: () => {
            this.saveCode(this.code);
            this.view.hideNotice();
          },
        },
      ],
      "warning",
    );
  }

  reset() {
    if (this.changedBookCode) this.runtime.restoreBookCode();
    this.changedBookCode = false;
    this.setCode(this.originalCode);
    forgetEdit(this.page.key, this.id);
    this.view.setModified(false);
    this.view.hideNotice();
    this.view.showStaticOutput();
    this.view.setStatus("");
  }

  // Run this cell alone (with an exercise's `check`, check it after); resolves with the outcome,
  // whose `ok` says whether the cells after it may run.
  async execute({ check = null } = {}) {
    const view = this.view;
    let outcome;
    try {
      outcome = await this.runtime.run(
        this.page.key,
        this.code,
        `<cell ${this.index + 1}>`,
        {
          onStart: () => {
            view.hideProgress();
            view.setBusy(true, true);
            view.setStatus("Running…");
            view.beginOutput();
          },
          onMessage: (message) => {
            if (message.type === "stream") view.appendText(message.text, message.stream);
            else view.setStatus(message.message);
          },
          onLateOutput: (message) => view.appendLateText(message.text, message.stream),
        },
        { cell: this.index, check },
      );
    } catch (error) {
      view.setBusy(false); // Python could not start: the "failed" event shows why, with Retry
      return { ok: false, bootFailed: String(error) };
    }
    view.setBusy(false);
    if ("value" in outcome) this.showResult(outcome);
    view.finishText();
    if (outcome.interrupted) {
      this.page.hold(this);
      view.appendRunNotice("Stopped (KeyboardInterrupt). Python kept this page's variables.", "info");
      view.setStatus("Stopped");
    }
    if (outcome.lost) {
      // A cell that stopped or broke Python is not run again on its own.
      this.page.hold(this);
      view.appendRunNotice(lostPythonMessage(outcome.lost, outcome.detail, outcome.cleared));
      view.setStatus(outcome.lost === "stopped" ? "Stopped" : "Python was restarted");
      return { ...outcome, ok: false };
    }
    if (outcome.error && !("value" in outcome)) {
      view.appendRunNotice(outcome.error); // the answer could not be read
      return { ...outcome, ok: false };
    }
    if (outcome.interrupted) return { ...outcome, ok: false };
    // A cell that raised has still run (what it defined before the error exists).
    this.runtime.ranCellsOf(this.page.key).add(this.id);
    // A cell that shows an error on purpose does not stop the cells after it.
    return { ...outcome, ok: !outcome.error || this.expectsError };
  }

  showResult(result) {
    const view = this.view;
    if (result.value !== null && result.value !== undefined) view.appendText(`${result.value}\n`);
    if (result.error) view.appendError(result.error);
    for (const image of result.images) view.appendImage(image);
    if (result.truncated) view.appendTruncated();
    for (const notice of result.notices || []) view.appendRunNotice(notice, "info");
    this.changedBookCode ||= (result.notices || []).some((notice) => notice.includes("part of the book's own code"));
    view.setStatus(result.error ? "Raised an error" : "Done");
  }
}
