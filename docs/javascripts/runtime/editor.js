// The cell editor: CodeMirror 6 with Python highlighting.
// Ctrl/Cmd+Enter and Shift+Enter run the cell; Tab indents; Esc leaves the editor, so the
// keyboard is never trapped (Esc, then Tab, moves on).
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { indentUnit, syntaxHighlighting, defaultHighlightStyle, bracketMatching } from "@codemirror/language";
import { python } from "@codemirror/lang-python";

export function createEditor({ parent, code, label, onRun, onChange, onFocus }) {
  const runKeys = keymap.of([
    { key: "Mod-Enter", run: () => (onRun(), true) },
    { key: "Shift-Enter", run: () => (onRun(), true) },
    { key: "Escape", run: (view) => (view.contentDOM.blur(), true) },
  ]);
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: code,
      extensions: [
        runKeys,
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        indentUnit.of("    "),
        python(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ "aria-label": label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
          if (update.focusChanged && update.view.hasFocus) onFocus();
        }),
      ],
    }),
  });
}

export function setEditorCode(view, code) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
}
