// The editor of a live cell: CodeMirror 6 with TypeScript highlighting, line numbers, bracket matching and undo.
// Shift+Enter or Ctrl/Cmd+Enter runs; Tab indents, so Escape leaves the editor (focus moves to its frame, and Tab
// continues on through the page); the editor's accessible description says so. Loaded only when the learner first
// edits a cell.
import {defaultKeymap, history, historyKeymap, indentWithTab} from "@codemirror/commands";
import {javascript} from "@codemirror/lang-javascript";
import {bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting} from "@codemirror/language";
import {EditorState, Prec, StateEffect, StateField} from "@codemirror/state";
import {Decoration, type DecorationSet, drawSelection, EditorView, keymap, lineNumbers} from "@codemirror/view";
import {tags as t} from "@lezer/highlight";

export interface EditorOptions {
  parent: HTMLElement;
  source: string;
  label: string;
  /** The id of the element that says how to run the cell and leave the editor. */
  describedBy?: string;
  onChange(source: string): void;
  onRun(): void;
  onEscape(): void;
}

export interface EditorHandle {
  readonly view: EditorView;
  getSource(): string;
  setSource(source: string): void;
  focus(): void;
  /** Marks the spot of an error (line and column from 1; column 0 marks the line only), or clears the mark. */
  markError(line: number | null, column?: number): void;
}

// The same colours as the build-time highlighting (Framework's --syntax-* variables), in light and dark.
const highlight = HighlightStyle.define([
  {
    tag: [t.keyword, t.modifier, t.operatorKeyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword],
    color: "var(--syntax-keyword)"
  },
  {
    tag: [t.function(t.variableName), t.function(t.propertyName), t.className, t.typeName],
    color: "var(--syntax-entity)"
  },
  {tag: [t.number, t.bool, t.null, t.atom, t.self], color: "var(--syntax-constant)"},
  {tag: [t.string, t.special(t.string), t.regexp], color: "var(--syntax-string)"},
  {tag: t.comment, color: "var(--syntax-comment)"}
]);

const theme = EditorView.theme({
  "&": {color: "var(--theme-foreground)", backgroundColor: "var(--theme-background-alt)", fontSize: "14px"},
  "&.cm-focused": {outline: "2px solid var(--theme-foreground-focus)", outlineOffset: "-1px"},
  ".cm-content": {fontFamily: "var(--monospace)", caretColor: "var(--theme-foreground)"},
  ".cm-cursor": {borderLeftColor: "var(--theme-foreground)"},
  ".cm-gutters": {
    backgroundColor: "var(--theme-background-alt)",
    color: "var(--theme-foreground-muted)",
    border: "none"
  },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "color-mix(in srgb, var(--theme-foreground-focus) 25%, transparent)"
  },
  "&.cm-focused .cm-matchingBracket": {
    backgroundColor: "color-mix(in srgb, var(--theme-foreground-focus) 20%, transparent)"
  },
  ".cm-live-error": {textDecoration: "wavy underline var(--theme-red, #d00)", textUnderlineOffset: "3px"},
  ".cm-live-error-line": {backgroundColor: "color-mix(in srgb, var(--theme-red, #d00) 12%, transparent)"}
});

const setError = StateEffect.define<{from: number; to: number} | null>();

const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = marks.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setError)) continue;
      const at = effect.value;
      if (!at) next = Decoration.none;
      else {
        const line = tr.state.doc.lineAt(at.from);
        const ranges = [Decoration.line({class: "cm-live-error-line"}).range(line.from)];
        if (at.to > at.from) ranges.push(Decoration.mark({class: "cm-live-error"}).range(at.from, at.to));
        next = Decoration.set(ranges, true);
      }
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field)
});

export function createEditor(options: EditorOptions): EditorHandle {
  const run = () => {
    options.onRun();
    return true;
  };
  const leave = () => {
    options.onEscape();
    return true;
  };
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.source,
      extensions: [
        Prec.highest(
          keymap.of([
            {key: "Shift-Enter", run},
            {key: "Mod-Enter", run},
            {key: "Escape", run: leave}
          ])
        ),
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        javascript({typescript: true}),
        syntaxHighlighting(highlight),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        errorField,
        theme,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          "aria-label": options.label,
          ...(options.describedBy ? {"aria-describedby": options.describedBy} : {})
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        })
      ]
    })
  });
  return {
    view,
    getSource: () => view.state.doc.toString(),
    setSource(source) {
      if (source !== view.state.doc.toString()) {
        view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: source}, effects: setError.of(null)});
      }
    },
    focus: () => view.focus(),
    markError(line, column = 1) {
      if (line === null) {
        view.dispatch({effects: setError.of(null)});
        return;
      }
      const doc = view.state.doc;
      const l = doc.line(Math.max(1, Math.min(line, doc.lines)));
      const from = Math.min(l.from + Math.max(0, column - 1), l.to);
      view.dispatch({effects: setError.of({from, to: column > 0 ? Math.min(from + 1, l.to) : from})});
    }
  };
}
