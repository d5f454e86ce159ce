// One cell's controls and live output, added around the static markup from the build.
// Output is always inserted as text (textContent) or as <img> from bytes: never as HTML.
import { OUTPUT_LIMIT_CHARACTERS } from "../protocol.js";
import { TerminalText, visibleControls } from "./terminal-text.js";

export const SHORTCUTS = Object.freeze({
  run: "Control+Enter Meta+Enter Shift+Enter",
  stop: "Control+. Meta+.",
});

export function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

function megabytes(bytes) {
  return (bytes / 1e6).toFixed(1);
}

// A long output scrolls inside its box (its height is capped in CSS): a keyboard user can then
// focus it to scroll, and while text arrives it stays at its end, as a terminal does, unless the
// reader scrolled up to read.
function scrollableOutput(box) {
  let pinned = true;
  box.addEventListener("scroll", () => {
    pinned = box.scrollHeight - box.scrollTop - box.clientHeight < 4;
  });
  return () => {
    if (box.scrollHeight <= box.clientHeight + 1) return;
    if (!box.hasAttribute("tabindex")) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Output (scrolls)");
    }
    if (pinned) box.scrollTop = box.scrollHeight;
  };
}

export class CellView {
  constructor(root, { label }) {
    this.root = root;
    this.label = label;
    this.staticOutput = root.querySelector("[data-static-output]");
    this.editorHost = element("div", { class: "bp-cell__editor" });
    this.toolbar = root.querySelector(".bp-cell__toolbar") || element("div", { class: "bp-cell__toolbar" });
    this.toolbar.setAttribute("role", "toolbar");
    this.toolbar.setAttribute("aria-label", `${label} controls`);
    this.runButton = element(
      "button",
      {
        type: "button",
        class: "bp-button bp-button--run",
        title: "Run (Ctrl+Enter or Shift+Enter)",
        "aria-keyshortcuts": SHORTCUTS.run,
      },
      "Run",
    );
    this.stopButton = element(
      "button",
      { type: "button", class: "bp-button", title: "Stop (Ctrl+.)", "aria-keyshortcuts": SHORTCUTS.stop, disabled: "" },
      "Stop",
    );
    this.resetButton = element(
      "button",
      { type: "button", class: "bp-button", title: "Restore the book's code" },
      "Reset",
    );
    this.badge = element("span", { class: "bp-cell__badge", hidden: "" }, "modified");
    this.status = element("span", { class: "bp-cell__status", role: "status" });
    this.toolbar.replaceChildren(this.runButton, this.stopButton, this.resetButton, this.badge, this.status);
    this.notice = element("div", { class: "bp-cell__notice", hidden: "" });
    this.progress = element("div", { class: "bp-cell__progress", hidden: "" });
    this.progressBar = element("progress", { max: "1", value: "0", "aria-label": "Loading Python" });
    this.progressLabel = element("span");
    this.progress.append(this.progressBar, this.progressLabel);
    this.live = element("div", { class: "bp-cell__live", "aria-live": "polite", hidden: "" });
    this.code = this.root.querySelector(".bp-cell__code");
    // A hidden cell (`hide`) has its code in a closed <details>: the editor opens there, in the
    // code's place, while the controls stay outside, so the cell runs without being opened.
    const hiddenCode = this.code.closest("details");
    this.code.after(this.editorHost);
    (hiddenCode || this.editorHost).after(this.toolbar, this.notice, this.progress);
    (this.staticOutput || this.progress).after(this.live);
    // Until the reader focuses it, the book's highlighted code stands in for the editor, so a
    // page does not load or build any editor it does not need.
    for (const [name, value] of Object.entries({
      role: "textbox",
      tabindex: "0",
      "aria-multiline": "true",
      "aria-label": `Code of ${label.toLowerCase()}`,
    })) {
      this.code.setAttribute(name, value);
    }
    this.root.classList.add("bp-cell--attached");
  }

  // Another control beside Run (an exercise's Check).
  addButton(label, attributes = {}) {
    const button = element("button", { type: "button", class: "bp-button", ...attributes }, label);
    this.runButton.after(button);
    return button;
  }

  // The editor is in place: it replaces the static code on screen (print keeps the static code).
  showEditor() {
    this.root.classList.add("bp-cell--editing");
    for (const name of ["role", "tabindex", "aria-multiline", "aria-label"]) this.code.removeAttribute(name);
  }

  setBusy(busy, running = false) {
    if (busy) this.root.setAttribute("aria-busy", "true");
    else this.root.removeAttribute("aria-busy");
    const hadFocus = document.activeElement === this.stopButton;
    this.stopButton.disabled = !running;
    // A disabled button drops focus to <body>: give it back to the cell.
    if (hadFocus && !running) this.runButton.focus();
  }

  setStatus(text) {
    this.status.textContent = text;
  }

  setModified(modified) {
    this.badge.hidden = !modified;
  }

  // A message about the cell itself (its saved edit, the storage, Python's boot), with optional
  // action buttons: [{label, action}]. Messages about one run go into that run's output.
  showNotice(text, actions = [], kind = "info") {
    this.notice.replaceChildren(element("span", {}, text));
    for (const { label, action } of actions) {
      const button = element("button", { type: "button", class: "bp-button" }, label);
      button.addEventListener("click", action);
      this.notice.append(button);
    }
    this.notice.dataset.kind = kind;
    this.notice.hidden = false;
  }

  hideNotice() {
    this.notice.hidden = true;
    this.notice.replaceChildren();
  }

  showProgress({ stage, loaded, total }) {
    this.progress.hidden = false;
    this.progressBar.max = total || 1;
    this.progressBar.value = Math.min(loaded, total || 1);
    this.progressLabel.textContent = total
      ? `${stage}: ${megabytes(loaded)} MB of ${megabytes(total)} MB`
      : `${stage}…`;
  }

  hideProgress() {
    this.progress.hidden = true;
  }

  // A new run: its output replaces the previous run's (and, on screen, the build's).
  beginOutput() {
    this.lateBox = null;
    this.textBox = element("pre", { class: "bp-output__text" });
    this.terminal = new TerminalText(this.textBox, scrollableOutput(this.textBox));
    this.live.replaceChildren(element("p", { class: "bp-cell__label" }, "Output of your run"), this.textBox);
    this.textBox.hidden = true;
    this.live.hidden = false;
    this.root.classList.add("bp-cell--ran"); // hides the build-time output on screen, not in print
  }

  appendText(text, stream = "stdout") {
    this.textBox.hidden = false;
    this.terminal.write(text, stream);
  }

  // The run is over: its text is on screen now, not at the next frame.
  finishText() {
    this.terminal?.render();
  }

  appendError(traceback) {
    this.live.append(element("pre", { class: "bp-output__text bp-output__error" }, visibleControls(traceback)));
  }

  appendImage({ mime, data, alt }) {
    const bytes = Uint8Array.from(atob(data), (character) => character.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    const image = element("img", { class: "bp-output__image", alt, src: url });
    image.addEventListener("load", () => URL.revokeObjectURL(url), { once: true });
    this.live.append(image);
  }

  appendTruncated() {
    const limit = OUTPUT_LIMIT_CHARACTERS.toLocaleString("en");
    this.live.append(
      element(
        "p",
        { class: "bp-output__truncated" },
        `Output truncated: only the first ${limit} characters of this run's output are shown.`,
      ),
    );
  }

  // What happened to Python during this run, in plain words, as part of the run's output.
  appendRunNotice(text, kind = "warning") {
    this.live.append(element("p", { class: "bp-cell__run-notice", "data-kind": kind }, text));
  }

  // A cell this one needs did not finish: `parts`, text and links ({text, href}), in place of
  // this cell's output.
  showNeededFailure(parts) {
    const message = element("p", { class: "bp-cell__run-notice", "data-kind": "warning", "data-needed-failure": "" });
    for (const part of parts) {
      message.append(typeof part === "string" ? part : element("a", { href: part.href }, part.text));
    }
    this.live.replaceChildren(message);
    this.live.hidden = false;
  }

  // Printed by this cell's code after its run ended (a timer, an asyncio task): kept apart.
  appendLateText(text, stream = "stdout") {
    if (!this.lateBox) {
      this.live.append(
        element("p", { class: "bp-cell__label" }, "Printed after the run ended (by a timer or a background task)"),
      );
      this.lateBox = element("pre", { class: "bp-output__text" });
      this.lateTerminal = new TerminalText(this.lateBox, scrollableOutput(this.lateBox));
      this.live.append(this.lateBox);
      this.live.hidden = false;
    }
    this.lateTerminal.write(text, stream);
    this.lateTerminal.render();
  }

  // Back to the book's state: the build-time output, no live output.
  showStaticOutput() {
    this.live.hidden = true;
    this.live.replaceChildren();
    this.root.classList.remove("bp-cell--ran");
  }
}
