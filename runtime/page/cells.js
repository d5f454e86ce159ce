// Entry point: turns every static cell of the page into an editable, runnable cell.
// Python boots on the first interaction (focus or Run), in one worker per tab that survives
// Material's instant navigation. Cells on a page share one namespace, in page order.
// CodeMirror (editor.js) is loaded and built on a cell's first focus, not with the page.
import { sharedRuntime } from "./runtime-client.js";
import { Page } from "./page.js";
import { BookProgress } from "./book-progress.js";
import { attachExplorables } from "./explorables/attach.js";
import { attachSaveForOffline, startOfflineSupport } from "./offline.js";
import { improvePageAccessibility } from "./page-accessibility.js";

const runtime = sharedRuntime({
  workerURL: new URL("worker.js", import.meta.url).href,
  indexURL: new URL("../pyodide/", import.meta.url).href,
});

let currentPage = null;
let bookProgress = null;
let detachExplorables = null;

function attach() {
  improvePageAccessibility();
  // The print page (all chapters in one, for the PDF) stays static: its cells belong to many pages.
  const printPage = document.getElementById("print-site-page") !== null;
  const roots = printPage ? [] : [...document.querySelectorAll(".bp-cell:not(.bp-cell--attached)")];
  currentPage?.detach();
  currentPage = roots.length ? new Page(roots, runtime) : null;
  bookProgress?.detach();
  const progressRoot = printPage ? null : document.querySelector("[data-book-progress]");
  bookProgress = progressRoot ? new BookProgress(progressRoot) : null;
  detachExplorables?.();
  detachExplorables = printPage ? null : attachExplorables(runtime);
  if (!printPage) {
    startOfflineSupport(runtime);
    attachSaveForOffline();
  }
}

// Material's instant navigation swaps the page without reloading scripts: re-attach on document$.
if (window.document$) window.document$.subscribe(attach);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attach);
else attach();
