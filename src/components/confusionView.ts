// Confusion view: a confusion matrix as a table, one row per true class and one column per predicted class.
// Right answers (the diagonal) are shaded blue, mistakes orange, each by its share of the row, so the common
// confusions stand out. Cells are a keyboard grid: Tab reaches it, arrow keys move, Enter or a click chooses a cell
// (the page can then show the samples in it).

import {addStyles} from "./styles.js";
import {ensureStyles, extend, h, lifecycle, setText, uid} from "./theme.js";
import {plural, words} from "./words.js";

export interface ConfusionViewOptions {
  /** counts[c][p]: samples of true class c predicted as p (as confusionMatrix returns it). */
  counts: readonly (readonly number[])[];
  /** A name per class (default "0", "1", …). */
  classes?: readonly string[];
  /** Called with (true class, predicted class) when a cell is chosen. */
  onSelect?: (trueClass: number, predicted: number) => void;
  invalidation?: Promise<unknown>;
}

export type ConfusionView = HTMLDivElement & {
  update(counts: readonly (readonly number[])[]): void;
  /** The cell chosen last, or null. */
  readonly selected: {trueClass: number; predicted: number} | null;
  destroy(): void;
};

/**
 * Background of a cell: its count's share of the row, blue on the diagonal and orange off it. The stylesheet's
 * --nn-shade weakens every shade in the dark theme, where light digits on a strong colour would be hard to read.
 * Pure, for tests.
 */
export function confusionShade(count: number, rowTotal: number, diagonal: boolean): string {
  if (count <= 0 || rowTotal <= 0) return "transparent";
  // Mistakes are rare next to right answers: a square root makes a handful of them visible.
  const share = Math.sqrt(count / rowTotal);
  const percent = Math.round((diagonal ? 0.55 : 0.8) * share * 100);
  const colour = `color-mix(in srgb, var(${diagonal ? "--nn-pos" : "--nn-neg"}) ${percent}%, transparent)`;
  return `color-mix(in srgb, ${colour} var(--nn-shade, 100%), transparent)`;
}

/** The most frequent mistakes, largest first: [{trueClass, predicted, count}]. Pure, for tests. */
export function topConfusions(
  counts: readonly (readonly number[])[],
  n = 3
): {trueClass: number; predicted: number; count: number}[] {
  const mistakes = counts.flatMap((row, c) =>
    row.map((count, p) => ({trueClass: c, predicted: p, count})).filter((m) => m.predicted !== c && m.count > 0)
  );
  return mistakes
    .sort((a, b) => b.count - a.count || a.trueClass - b.trueClass || a.predicted - b.predicted)
    .slice(0, n);
}

/** One sentence for the table's caption: accuracy and the most frequent mistakes. Pure, for tests. */
export function describeConfusion(counts: readonly (readonly number[])[], classes: readonly string[]): string {
  const total = counts.flat().reduce((s, v) => s + v, 0);
  const right = counts.reduce((s, row, c) => s + row[c], 0);
  const top = topConfusions(counts)
    .map((m) => words("confusion.mistake", {true: classes[m.trueClass], read: classes[m.predicted], n: m.count}))
    .join(words("list.comma"));
  return words("confusion.summary", {right, total, top: top ? words("confusion.top", {list: top}) : ""});
}

const STYLE = `
.nn-confusion { --nn-shade: 100%; }
@media (prefers-color-scheme: dark) { .nn-confusion { --nn-shade: 50%; } }
.nn-confusion { border-collapse: collapse; font: 11px var(--monospace); margin: 0; width: auto; max-width: none; }
.nn-confusion td, .nn-confusion th { padding: 0 0.1em; min-width: 1.8em; height: 1.9em; text-align: center;
  vertical-align: middle; border: 1px solid var(--theme-foreground-faintest); }
.nn-confusion thead th:first-child { font: 10px var(--sans-serif); min-width: 0; line-height: 1.1; }
.nn-confusion th { color: var(--theme-foreground-muted); font-weight: normal; }
.nn-confusion td[aria-selected=true] { outline: 2px solid var(--theme-foreground); outline-offset: -2px; }
.nn-confusion td:focus-visible { outline: 2px solid var(--theme-foreground-focus); outline-offset: -2px; }
.nn-confusion td { cursor: pointer; }
.nn-confusion thead th:first-child { white-space: pre-line; }
.nn-confusion-view .nn-caption { max-width: 40em; }
`;

export function confusionView(options: ConfusionViewOptions): ConfusionView {
  ensureStyles();
  addStyles("nn-confusion-style", STYLE);
  const life = lifecycle(options.invalidation);
  let counts = check(options.counts);
  const k = counts.length;
  const classes = options.classes ?? counts.map((_, c) => String(c));
  let focus = {c: 0, p: 0};
  let selected: {trueClass: number; predicted: number} | null = null;

  const root = h("div", {class: "nn-fig nn-confusion-view"}) as ConfusionView;
  const table = h("table", {class: "nn-confusion", role: "grid"});
  const caption = h("p", {class: "nn-caption", id: uid("nn-confusion-caption")});
  table.setAttribute("aria-describedby", caption.id);
  root.append(h("div", {class: "nn-scroll"}, table), caption);

  function check(value: readonly (readonly number[])[]): readonly (readonly number[])[] {
    const n = value?.length ?? 0;
    const square = Array.isArray(value) && n > 0 && value.every((row) => Array.isArray(row) && row.length === n);
    if (!square) throw new Error("confusionView: counts must be a square table, one row and one column per class");
    return value;
  }

  function cell(c: number, p: number): HTMLTableCellElement | null {
    return table.querySelector(`td[data-true="${c}"][data-predicted="${p}"]`);
  }

  function build() {
    const head = h(
      "tr",
      {},
      h("th", {scope: "col", "aria-label": words("confusion.cornerLabel"), text: words("confusion.corner")})
    );
    for (let p = 0; p < k; p++) head.append(h("th", {scope: "col", text: classes[p]}));
    const rows = counts.map((row, c) => {
      const total = row.reduce((s, v) => s + v, 0);
      const tr = h("tr", {}, h("th", {scope: "row", text: classes[c]}));
      row.forEach((count, p) => {
        const td = h("td", {
          "data-true": c,
          "data-predicted": p,
          tabindex: c === focus.c && p === focus.p ? 0 : -1,
          "aria-selected": String(selected?.trueClass === c && selected.predicted === p),
          "aria-label": words("confusion.cell", {n: count, true: classes[c], s: plural(count), read: classes[p]}),
          text: count === 0 ? "" : String(count)
        });
        td.style.background = confusionShade(count, total, c === p);
        tr.append(td);
      });
      return tr;
    });
    setText(caption, words("confusion.caption", {summary: describeConfusion(counts, classes)}));
    table.replaceChildren(h("thead", {}, head), h("tbody", {}, ...rows));
  }

  function moveTo(c: number, p: number, focusIt: boolean) {
    focus = {c: Math.min(k - 1, Math.max(0, c)), p: Math.min(k - 1, Math.max(0, p))};
    table.querySelectorAll("td").forEach((td) => {
      td.setAttribute("tabindex", "-1");
    });
    const target = cell(focus.c, focus.p);
    target?.setAttribute("tabindex", "0");
    if (focusIt) target?.focus();
  }

  function choose(c: number, p: number) {
    selected = {trueClass: c, predicted: p};
    table.querySelectorAll("td").forEach((td) => {
      td.setAttribute("aria-selected", "false");
    });
    cell(c, p)?.setAttribute("aria-selected", "true");
    options.onSelect?.(c, p);
  }

  life.listen(table, "click", (event: MouseEvent) => {
    const td = (event.target as Element).closest("td");
    if (!td) return;
    const [c, p] = [Number(td.dataset.true), Number(td.dataset.predicted)];
    moveTo(c, p, true);
    choose(c, p);
  });
  life.listen(table, "keydown", (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Home: [0, -k],
      End: [0, k]
    };
    if (event.key === "Enter" || event.key === " ") choose(focus.c, focus.p);
    else if (moves[event.key]) moveTo(focus.c + moves[event.key][0], focus.p + moves[event.key][1], true);
    else return;
    event.preventDefault();
  });

  build();
  return extend(root, {
    update(next: readonly (readonly number[])[]) {
      if (check(next).length !== k) throw new Error(`confusionView: expected ${k} classes, got ${next.length}`);
      counts = next;
      build();
    },
    get selected() {
      return selected;
    },
    destroy: life.destroy
  });
}
