// 8. Matrix view: a matrix as a table with its shape in the caption, an optional colour scale (blue positive,
// orange negative, stronger for larger |value|), or typeset as a KaTeX bmatrix.
import {renderTex} from "../lib/tex.js";
import {ensureStyles, extend, h, lifecycle} from "./theme.js";
import {type MatrixInput, toRows} from "./validate.js";
import {plural, words} from "./words.js";

export interface MatrixViewOptions {
  /** Name as TeX, e.g. "W^{[1]}" (shown in the caption or before the bracket). */
  name?: string;
  /** Extra caption text after the shape. */
  caption?: string;
  /** Shade each cell by its value (default false). */
  color?: boolean;
  /** Typeset as a KaTeX bmatrix instead of a table (default false). */
  tex?: boolean;
  /** Significant digits shown (default 4). */
  digits?: number;
  rowLabels?: string[];
  colLabels?: string[];
  /** Larger matrices show their first rows/columns and an ellipsis (default 12 × 12). */
  maxRows?: number;
  maxCols?: number;
  invalidation?: Promise<unknown>;
}

export type MatrixView = HTMLElement & {
  /** Shows another matrix (and optionally new options) in place. */
  update(matrix: MatrixInput, options?: Partial<MatrixViewOptions>): void;
  destroy(): void;
};

/** Cell shading: a CSS colour mixing the sign colour with transparency in proportion to |v| / max. Exported for tests. */
export function cellShade(v: number, maxAbs: number): string {
  if (!Number.isFinite(v) || maxAbs <= 0 || v === 0) return "transparent";
  const pct = Math.round(Math.min(1, Math.abs(v) / maxAbs) * 55);
  return `color-mix(in srgb, var(${v > 0 ? "--nn-pos" : "--nn-neg"}) ${pct}%, transparent)`;
}

function round(v: number, digits: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(digits))) : String(v);
}

export function matrixView(matrix: MatrixInput, options: MatrixViewOptions = {}): MatrixView {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  let opts = {...options};
  const root = h("figure", {class: "nn-fig nn-matrix-view"}) as unknown as MatrixView;

  function render(m: MatrixInput) {
    const rows = toRows(m, opts.name ? `matrixView ${opts.name}` : "matrixView");
    const r = rows.length;
    const c = rows[0].length;
    const digits = opts.digits ?? 4;
    const maxR = opts.maxRows ?? 12;
    const maxC = opts.maxCols ?? 12;
    const shownRows = rows.slice(0, maxR).map((row) => row.slice(0, maxC));
    const moreRows = r > maxR;
    const moreCols = c > maxC;
    const shape = `${r} × ${c}`;
    // The name is TeX: KaTeX is loaded for it (and for the tex form) only when a matrix view asks for it.
    const caption = h("figcaption");
    if (opts.name) caption.append(renderTex(h("span"), opts.name), " · ");
    caption.append(
      words("matrix.shape", {shape, r, rs: plural(r), c, cs: plural(c)}) + (opts.caption ? ` · ${opts.caption}` : "")
    );
    const small = r * c <= 36;
    const valuesText = small
      ? words("matrix.values", {
          values: rows.map((row) => `[${row.map((v) => round(v, digits)).join(", ")}]`).join(", ")
        })
      : "";
    const label = opts.name
      ? words("matrix.named", {name: opts.name.replace(/[{}\\]/g, ""), r, c, values: valuesText})
      : words("matrix.unnamed", {r, c, values: valuesText});
    let body: HTMLElement;
    if (opts.tex) {
      const cell = (row: number[]) =>
        [...row.map((v) => round(v, digits)), ...(moreCols ? ["\\cdots"] : [])].join(" & ");
      const lines = shownRows.map(cell);
      if (moreRows) lines.push([...shownRows[0].map(() => "\\vdots"), ...(moreCols ? ["\\ddots"] : [])].join(" & "));
      body = renderTex(
        h("div", {role: "img", "aria-label": label, class: "nn-scroll"}),
        `${opts.name ? `${opts.name} = ` : ""}\\begin{bmatrix} ${lines.join(" \\\\ ")} \\end{bmatrix}`,
        true
      );
    } else {
      const maxAbs = opts.color ? Math.max(0, ...rows.flat().filter(Number.isFinite).map(Math.abs)) : 0;
      const table = h("table", {class: "nn-matrix", "aria-label": label});
      if (opts.colLabels) {
        const head = h(
          "tr",
          {},
          ...(opts.rowLabels ? [h("td", {})] : []), // the corner above the row labels: a cell, as it heads nothing
          ...opts.colLabels.slice(0, maxC).map((t) => h("th", {scope: "col", text: t}))
        );
        table.append(h("thead", {}, head));
      }
      const tbody = h("tbody");
      shownRows.forEach((row, i) => {
        const tr = h("tr");
        if (opts.rowLabels) tr.append(h("th", {scope: "row", text: opts.rowLabels[i] ?? ""}));
        for (const v of row) {
          const td = h("td", {text: round(v, digits), title: String(v)});
          if (opts.color) td.style.background = cellShade(v, maxAbs);
          tr.append(td);
        }
        if (moreCols) tr.append(h("td", {text: "⋯"}));
        tbody.append(tr);
      });
      if (moreRows)
        tbody.append(
          h("tr", {}, ...(opts.rowLabels ? [h("td")] : []), ...shownRows[0].map(() => h("td", {text: "⋮"})))
        );
      table.append(tbody);
      body = h("div", {class: "nn-scroll"}, table);
    }
    root.setAttribute("aria-label", words("matrix.label", {label, shape}));
    root.dataset.shape = `${r}x${c}`;
    root.replaceChildren(body, caption);
  }

  render(matrix);
  return extend(root, {
    update(m: MatrixInput, next: Partial<MatrixViewOptions> = {}) {
      opts = {...opts, ...next};
      render(m);
    },
    destroy: life.destroy
  });
}
