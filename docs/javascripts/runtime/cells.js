// Entry point: turns every static cell of the page into an editable, runnable cell.
// Python boots on the first interaction (focus or Run), in one worker per tab that survives
// Material's instant navigation. Cells on a page share one namespace, in page order.
// CodeMirror (editor.js) is loaded and built on a cell's first focus, not with the page.
import { sharedRuntime } from "./runtime-client.js";
import { CellView } from "./cell-view.js";
import { loadEdit, saveEdit, forgetEdit } from "./persistence.js";
import { improvePageAccessibility } from "./page-accessibility.js";

const runtime = sharedRuntime({
  workerURL: new URL("worker.js", import.meta.url).href,
  indexURL: new URL("../pyodide/", import.meta.url).href,
  runtimeURL: new URL("./", import.meta.url).href,
});
// Which cells have run in the current interpreter, per page; a new interpreter starts empty.
runtime.ranCells ??= new Map();
runtime.on((event) => {
  if (event.type === "booting") runtime.ranCells.clear();
});

class Cell {
  constructor(root, index, page) {
    this.root = root;
    this.index = index;
    this.page = page;
    this.id = root.dataset.cell;
    this.originalCode = root.dataset.source;
    this.originalHash = root.dataset.sourceHash;
    this.expectsError = root.hasAttribute("data-expects-error");
    this.label = `Cell ${index + 1}`;
    this.view = new CellView(root, { label: this.label });
    this.storageWarned = false;
    this.editor = null;
    this.pendingCode = this.restoredCode(); // the code while no editor exists yet
    this.view.runButton.addEventListener("click", () => page.runUpTo(this));
    this.view.stopButton.addEventListener("click", () => runtime.stop());
    this.view.resetButton.addEventListener("click", () => this.reset());
    const placeholder = this.view.code;
    // focusin, not focus: Material makes a wide code block's inner <code> focusable itself.
    placeholder.addEventListener("focusin", () => this.openEditor({ focus: true }), { once: true });
    placeholder.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey || event.shiftKey)) {
        event.preventDefault();
        page.runUpTo(this);
      }
    });
    if (this.pendingCode !== this.originalCode) this.openEditor({ focus: false }); // show the edit
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
        onFocus: () => runtime.start(),
      });
      this.view.showEditor();
      return this.editor;
    });
    if (focus) {
      runtime.start();
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
        { label: "Discard my edit", action: () => (forgetEdit(this.page.key, this.id), this.view.hideNotice()) },
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
    const modified = code !== this.originalCode;
    this.view.setModified(modified);
    if (!modified) return forgetEdit(this.page.key, this.id);
    if (!saveEdit(this.page.key, this.id, code, this.originalHash) && !this.storageWarned) {
      this.storageWarned = true;
      this.view.showNotice("Your edits cannot be saved in this browser (storage is full or blocked). They stay until you leave the page.", [], "warning");
    }
  }

  reset() {
    this.setCode(this.originalCode);
    forgetEdit(this.page.key, this.id);
    this.view.setModified(false);
    this.view.hideNotice();
    this.view.showStaticOutput();
    this.view.setStatus("");
  }

  // Run this cell alone; resolves true if the cells after it may run.
  async execute() {
    const view = this.view;
    let result;
    try {
      result = await runtime.run(this.page.key, this.code, `<cell ${this.index + 1}>`, {
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
      });
    } catch {
      view.setBusy(false); // Python could not start: the "failed" event shows why, with Retry
      return false;
    }
    view.setBusy(false);
    if (result.stopped) this.page.stopped.add(this);
    if (result.stopped || result.crashed) return false; // the reset notice explains
    this.showResult(result);
    // A cell that raised has still run (what it defined before the error exists).
    if (!runtime.ranCells.has(this.page.key)) runtime.ranCells.set(this.page.key, new Set());
    runtime.ranCells.get(this.page.key).add(this.id);
    // A cell that shows an error on purpose does not stop the cells after it.
    return !result.error || this.expectsError;
  }

  showResult(result) {
    const view = this.view;
    if (result.value !== null && result.value !== undefined) view.appendText(`${result.value}\n`);
    if (result.error) view.appendError(result.error);
    for (const image of result.images) view.appendImage(image);
    if (result.truncated) view.appendTruncated();
    view.setStatus(result.error ? "Raised an error" : "Done");
  }
}

class Page {
  constructor(roots) {
    this.key = location.pathname;
    this.cells = roots.map((root, index) => new Cell(root, index, this));
    this.waiting = new Set();
    // Cells the reader stopped: never re-run automatically (that would restart a runaway loop).
    this.stopped = new Set();
    this.unsubscribe = runtime.on((event) => this.onRuntimeEvent(event));
  }

  hasRun(cell) {
    return runtime.ranCells.get(this.key)?.has(cell.id) ?? false;
  }

  // Run `target`, first running every earlier cell that has not run in this interpreter.
  async runUpTo(target) {
    if (this.waiting.has(target)) return;
    this.stopped.delete(target);
    const earlier = this.cells
      .slice(0, target.index)
      .filter((cell) => !this.hasRun(cell) && !this.waiting.has(cell) && !this.stopped.has(cell));
    const chain = [...earlier, target];
    chain.forEach((cell) => this.wait(cell, cell === target && earlier.length ? `Running ${earlier.length} earlier cell${earlier.length > 1 ? "s" : ""} first…` : "Queued…"));
    if (runtime.state !== "ready") this.showBoot(target);
    for (const cell of chain) {
      const ok = await cell.execute();
      this.waiting.delete(cell);
      if (!ok && cell !== target) {
        for (const rest of chain.slice(chain.indexOf(cell) + 1)) {
          this.waiting.delete(rest);
          rest.view.setBusy(false);
          rest.view.setStatus(`Not run: ${cell.label.toLowerCase()} above did not finish.`);
        }
        return;
      }
      if (!ok) return;
    }
  }

  wait(cell, status) {
    this.waiting.add(cell);
    cell.view.setBusy(true);
    cell.view.setStatus(status);
  }

  showBoot(cell) {
    cell.view.showProgress({ stage: "Starting Python", loaded: 0, total: 0 });
  }

  onRuntimeEvent(event) {
    const waiting = [...this.waiting];
    if (event.type === "progress") waiting.forEach((cell) => cell.view.showProgress(event));
    if (event.type === "ready") this.cells.forEach((cell) => cell.view.hideProgress());
    if (event.type === "failed") {
      for (const cell of waiting) {
        this.waiting.delete(cell);
        cell.view.setBusy(false);
        cell.view.hideProgress();
        cell.view.setStatus("");
        cell.view.showNotice(`Python could not start: ${event.reason} The output shown is from the book's build.`, [
          { label: "Retry", action: () => (cell.view.hideNotice(), this.runUpTo(cell)) },
        ], "error");
      }
    }
    if (event.type === "reset") {
      const why = event.reason === "stopped" ? "Stopped." : `Python crashed (${event.detail || "out of memory?"}).`;
      for (const cell of waiting) {
        this.waiting.delete(cell);
        cell.view.setBusy(false);
        cell.view.setStatus("");
        cell.view.showNotice(`${why} Python was restarted, so this page's variables were cleared. Running a cell runs the cells above it again.`, [], "warning");
      }
    }
  }

  detach() {
    this.unsubscribe();
  }
}

let currentPage = null;

function attach() {
  improvePageAccessibility();
  // The print page (all chapters in one, for the PDF) stays static: its cells belong to many pages.
  const printPage = document.getElementById("print-site-page") !== null;
  const roots = printPage ? [] : [...document.querySelectorAll(".bp-cell:not(.bp-cell--attached)")];
  currentPage?.detach();
  currentPage = roots.length ? new Page(roots) : null;
}

// Material's instant navigation swaps the page without reloading scripts: re-attach on document$.
if (window.document$) window.document$.subscribe(attach);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attach);
else attach();
