// 13. Batch plan: which samples each gradient step uses. One row per epoch, one square per sample (its number
// inside), in the order the epoch visits them; each mini-batch is a run of squares of one colour, with a gap
// before the next batch.
import * as d3 from "d3";
import {ensureStyles, extend, h, lifecycle, setLabel} from "./theme.js";
import {plural, words} from "./words.js";

export interface BatchPlanOptions {
  /** For each epoch, its batches in order; each batch is a list of sample numbers. */
  epochs: readonly (readonly (readonly number[])[])[];
  label?: string;
  invalidation?: Promise<unknown>;
}

export type BatchPlan = HTMLElement & {
  update(options: Partial<BatchPlanOptions>): void;
  destroy(): void;
};

const CELL = 24; // px per square
const GAP = 8; // px between two batches
const LEFT = 64; // room for "epoch 1"

/** The text alternative: every epoch's batches, in order. Exported for tests. */
export function describePlan(epochs: BatchPlanOptions["epochs"]): string {
  const sizes = epochs[0]?.map((b) => b.length).join(", ") ?? "";
  const rows = epochs.map((batches, e) =>
    words("batches.row", {e: e + 1, batches: batches.map((b) => `[${b.join(", ")}]`).join(" ")})
  );
  return words("batches.summary", {
    n: epochs.length,
    s: plural(epochs.length),
    sizes,
    rows: rows.join(words("list.semicolon"))
  });
}

function check(epochs: unknown): asserts epochs is BatchPlanOptions["epochs"] {
  const ok =
    Array.isArray(epochs) &&
    epochs.every(
      (batches) =>
        Array.isArray(batches) &&
        batches.every((b) => Array.isArray(b) && b.every((i) => typeof i === "number" && Number.isFinite(i)))
    );
  if (!ok) throw new Error("batchPlan: epochs must be a list of epochs, each a list of batches of sample numbers.");
}

export function batchPlan(options: BatchPlanOptions): BatchPlan {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  let opts = {...options};
  const root = h("figure", {class: "nn-fig nn-batch-plan", style: "margin: 0 0 1rem 0"}) as unknown as BatchPlan;
  const svgNode = d3.create("svg").attr("role", "img").node() as SVGSVGElement;
  const svg = d3.select(svgNode);
  root.append(svgNode);

  function render() {
    check(opts.epochs);
    const rowWidth = (batches: readonly (readonly number[])[]) =>
      batches.reduce((w, b) => w + b.length * CELL, 0) + Math.max(0, batches.length - 1) * GAP;
    const width = LEFT + Math.max(CELL, ...opts.epochs.map(rowWidth)) + 2;
    const height = opts.epochs.length * (CELL + 8) + 2;
    svg.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
    const squares = opts.epochs.flatMap((batches, e) => {
      let x = LEFT;
      return batches.flatMap((batch, b) => {
        const placed = batch.map((sample, k) => ({e, b, sample, x: x + k * CELL}));
        x += batch.length * CELL + GAP;
        return placed;
      });
    });
    svg
      .selectAll("text.epoch")
      .data(opts.epochs.map((_, e) => e))
      .join("text")
      .attr("class", "epoch nn-label")
      .attr("x", 0)
      .attr("y", (e) => e * (CELL + 8) + CELL / 2 + 5)
      .text((e) => words("batches.epoch", {e: e + 1}));
    const cells = svg
      .selectAll<SVGGElement, (typeof squares)[number]>("g.sample")
      .data(squares)
      .join((enter) => {
        const g = enter.append("g").attr("class", "sample");
        g.append("rect")
          .attr("width", CELL - 2)
          .attr("height", CELL - 2)
          .attr("rx", 3);
        g.append("text")
          .attr("x", CELL / 2 - 1)
          .attr("y", CELL / 2 + 3)
          .attr("text-anchor", "middle");
        return g;
      })
      .attr("transform", (s) => `translate(${s.x},${s.e * (CELL + 8) + 1})`);
    cells
      .select("rect")
      .attr("fill", (s) => `color-mix(in srgb, var(--nn-c${s.b % 6}) 30%, var(--theme-background))`)
      .attr("stroke", (s) => `var(--nn-c${s.b % 6})`);
    cells
      .select("text")
      .attr("font-size", 11)
      .attr("fill", "var(--theme-foreground)")
      .text((s) => s.sample);
    setLabel(svgNode, opts.label ?? describePlan(opts.epochs));
  }

  render();
  return extend(root, {
    update(next: Partial<BatchPlanOptions>) {
      opts = {...opts, ...next};
      render();
    },
    destroy: life.destroy
  });
}
