// Printed output shown the way a terminal shows it: ANSI colours rendered, `\r` returning to the
// start of the line (so a progress bar redraws itself in place), `\r\n` a plain line break.
// Text only: every piece goes in with textContent, never as HTML.
//
// Writes update a model; the DOM follows at most once per animation frame (and at the end of a
// run, `render()`), so a flood of prints costs one layout per frame, not one per write. Finished
// lines are appended once, merged into runs of equal style; the current line is redrawn. ANSI
// codes are parsed by anser, whose instance keeps the colour state from one write to the next;
// an escape sequence cut in two by a write boundary is held back until its end arrives.
import Anser from "anser";

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escapes start with ESC (\x1b)
const UNFINISHED_ESCAPE = /\x1b(\[[0-9;?]*)?$/;

// Characters that reorder text around them (bidirectional controls) are shown, not applied, so
// that output reads as it was printed: "\u202e" appears as ⟨U+202E⟩.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function visibleControls(text) {
  return text.replace(
    BIDI_CONTROLS,
    (character) => `⟨U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`,
  );
}

export class TerminalText {
  constructor(element, onRender = () => {}) {
    this.element = element; // a <pre>
    this.onRender = onRender;
    this.parser = new Anser();
    this.held = "";
    this.finished = []; // runs of finished lines not yet in the DOM: [{style, text}]
    this.line = []; // the current line: [{character, style}]
    this.cursor = 0;
    this.lineElement = document.createElement("span");
    this.element.append(this.lineElement);
    this.frame = 0;
  }

  write(text, stream = "stdout") {
    text = this.held + visibleControls(text);
    const unfinished = UNFINISHED_ESCAPE.exec(text);
    this.held = unfinished ? unfinished[0] : "";
    if (unfinished) text = text.slice(0, unfinished.index);
    for (const chunk of this.parser.ansiToJson(text, { use_classes: true, remove_empty: true })) {
      const style = styleOf(chunk, stream);
      const content = chunk.content;
      for (let i = 0; i < content.length; i += 1) {
        const character = content[i];
        if (character === "\n") {
          for (const cell of this.line) addToRuns(this.finished, cell.style, cell.character);
          addToRuns(this.finished, "", "\n");
          this.line = [];
          this.cursor = 0;
        } else if (character === "\r") {
          if (content[i + 1] !== "\n") this.cursor = 0;
        } else {
          this.line[this.cursor] = { character, style };
          this.cursor += 1;
        }
      }
    }
    this.frame ||= requestAnimationFrame(() => this.render());
  }

  // Bring the DOM up to date with what was written.
  render() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.finished.length) {
      this.lineElement.before(nodesOf(this.finished));
      this.finished = [];
    }
    const current = [];
    for (const cell of this.line) addToRuns(current, cell.style, cell.character);
    this.lineElement.replaceChildren(nodesOf(current));
    this.onRender();
  }
}

function addToRuns(runs, style, text) {
  const last = runs[runs.length - 1];
  if (last && last.style === style) last.text += text;
  else runs.push({ style, text });
}

function nodesOf(runs) {
  const fragment = document.createDocumentFragment();
  for (const { style, text } of runs) {
    if (!style) {
      fragment.append(text);
      continue;
    }
    const span = document.createElement("span");
    const [classes, color] = style.split("|");
    if (classes) span.className = classes;
    if (color) span.style.color = color;
    span.textContent = text;
    fragment.append(span);
  }
  return fragment;
}

// A style as one comparable string: "class names|colour".
function styleOf(chunk, stream) {
  const classes = [];
  if (stream === "stderr") classes.push("bp-output__stderr");
  if (chunk.fg) classes.push(`bp-${chunk.fg}`);
  if (chunk.bg) classes.push(`bp-${chunk.bg}-bg`);
  for (const decoration of chunk.decorations || []) classes.push(`bp-ansi-${decoration}`);
  const color = chunk.fg_truecolor ? `rgb(${chunk.fg_truecolor})` : "";
  return classes.length || color ? `${classes.join(" ")}|${color}` : "";
}
