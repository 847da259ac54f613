// What a cell shows: DOM nodes as they are, text as text, a Matrix of the network library as a small table, anything
// else with Observable's inspector (expandable objects and arrays), and errors with the cell line they happened on.
import {Inspector} from "observablehq:runtime";
import {describe} from "../exercises/compare.js";
import {t} from "../i18n.js";

export interface MatrixLike {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function isMatrix(value: unknown): value is MatrixLike {
  const m = value as MatrixLike | null;
  return (
    typeof m === "object" &&
    m !== null &&
    Number.isInteger(m.rows) &&
    Number.isInteger(m.cols) &&
    m.data instanceof Float64Array &&
    m.data.length === m.rows * m.cols
  );
}

const MAX_ROWS = 10;
const MAX_COLS = 8;

function formatNumber(x: number): string {
  if (Number.isInteger(x) || !Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e6) ? x.toExponential(2) : String(Number(x.toPrecision(4)));
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A table of at most MAX_ROWS × MAX_COLS entries (⋯ marks the rest) with the shape as caption. */
export function matrixTable(m: MatrixLike): HTMLElement {
  const table = el("table", "live-matrix");
  table.append(el("caption", undefined, t("matrix.caption", {rows: m.rows, cols: m.cols})));
  const rows = Math.min(m.rows, MAX_ROWS);
  const cols = Math.min(m.cols, MAX_COLS);
  const body = el("tbody");
  for (let i = 0; i < rows; ++i) {
    const tr = el("tr");
    for (let j = 0; j < cols; ++j) tr.append(el("td", undefined, formatNumber(m.data[i * m.cols + j])));
    if (cols < m.cols) tr.append(el("td", "live-matrix__more", "⋯"));
    body.append(tr);
  }
  if (rows < m.rows) {
    const tr = el("tr");
    for (let j = 0; j < cols + (cols < m.cols ? 1 : 0); ++j) tr.append(el("td", "live-matrix__more", "⋮"));
    body.append(tr);
  }
  table.append(body);
  const figure = el("div", "live-matrix__scroll");
  figure.append(table);
  return figure;
}

export function isNode(value: unknown): value is Node {
  return value instanceof Node;
}

export function render(value: unknown): Node {
  if (isNode(value)) return value;
  // A string is text to read ("the lines pass on 1 and 5"), not a value to inspect with its quotes.
  if (typeof value === "string") return el("div", "live-cell__text", value);
  if (isMatrix(value)) return matrixTable(value);
  const node = el("div");
  new Inspector(node).fulfilled(value);
  return node;
}

/** The 1-based line of the cell (compiled with sourceURL `url`) where `error` was thrown, if it was. */
export function errorLine(error: unknown, url: string): number | undefined {
  const stack = String((error as Error | null)?.stack ?? "");
  const escaped = url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}:(\\d+):\\d+`).exec(stack);
  return match ? Number(match[1]) : undefined;
}

/** A value a cell threw that is not an Error (`throw {code: 42}`), as an Error that shows the value. */
export class ThrownValue extends Error {
  constructor(readonly value: unknown) {
    super(typeof value === "string" ? value : describe(value));
    this.name = "Thrown value";
  }
}

export function errorBox(message: string): HTMLElement {
  const box = el("div", "live-cell__error");
  box.setAttribute("role", "alert");
  box.textContent = message;
  return box;
}
