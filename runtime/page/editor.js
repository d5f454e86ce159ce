// The cell editor: CodeMirror 6 with Python highlighting.
// Ctrl/Cmd+Enter and Shift+Enter run the cell (Ctrl/Cmd+. stops it: cell.js); Tab indents; Esc
// leaves the editor, so the keyboard is never trapped (Esc, then Tab, moves on).
import { EditorView, keymap, lineNumbers, drawSelection } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { indentUnit, syntaxHighlighting, HighlightStyle, bracketMatching } from "@codemirror/language";
import { python } from "@codemirror/lang-python";
import { tags } from "@lezer/highlight";
import { wrappedLineIndent } from "codemirror-wrapped-line-indent";

// The same colours as the book's static code (Material's Pygments variables), in both schemes.
const bookHighlightStyle = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.controlKeyword, tags.operatorKeyword, tags.definitionKeyword],
    color: "var(--md-code-hl-keyword-color)",
  },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--md-code-hl-string-color)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--md-code-hl-number-color)" },
  { tag: tags.comment, color: "var(--md-code-hl-comment-color)", fontStyle: "italic" },
  {
    tag: [tags.function(tags.variableName), tags.function(tags.propertyName)],
    color: "var(--md-code-hl-function-color)",
  },
  { tag: [tags.definition(tags.variableName), tags.className], color: "var(--md-code-hl-name-color)" },
  { tag: [tags.operator, tags.punctuation], color: "var(--md-code-hl-operator-color)" },
  { tag: tags.self, color: "var(--md-code-hl-constant-color)" },
]);

const SETTLE_MS = 400; // quiet time after the last change before the edit is saved

export function createEditor({ parent, code, label, onRun, onChange, onFocus }) {
  let settle;
  const flush = (view) => {
    if (settle === undefined) return;
    clearTimeout(settle);
    settle = undefined;
    onChange(view.state.doc.toString());
  };
  const runKeys = keymap.of([
    {
      key: "Mod-Enter",
      run: () => {
        onRun();
        return true;
      },
    },
    {
      key: "Shift-Enter",
      run: () => {
        onRun();
        return true;
      },
    },
    {
      key: "Escape",
      run: (view) => {
        view.contentDOM.blur();
        return true;
      },
    },
  ]);
  const editor = new EditorView({
    parent,
    state: EditorState.create({
      doc: code,
      extensions: [
        runKeys,
        lineNumbers(),
        history(),
        drawSelection(),
        bracketMatching(),
        indentUnit.of("    "),
        python(),
        syntaxHighlighting(bookHighlightStyle),
        EditorView.lineWrapping, // no horizontal scrolling region: easier to read and to reach
        wrappedLineIndent, // a wrapped line continues under its own indentation, not at column 0
        keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ "aria-label": label }),
        // The document is read once the edit settles (and when the editor loses focus), not on
        // every keystroke: text typed in bulk (an input method, dictation) stays fast, and the
        // blank moment between select-all and typing is never what is saved.
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            clearTimeout(settle);
            settle = setTimeout(() => onChange(update.view.state.doc.toString()), SETTLE_MS);
          }
          if (update.focusChanged && !update.view.hasFocus) flush(update.view);
          if (update.focusChanged && update.view.hasFocus) onFocus();
        }),
      ],
    }),
  });
  // Before the page goes away, or a run reads the code, the last edit is saved.
  editor.flushEdit = () => flush(editor);
  window.addEventListener("pagehide", editor.flushEdit);
  return editor;
}
