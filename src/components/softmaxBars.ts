// 11. Softmax bars: the scores z of K classes next to the probabilities softmax(z), as two bar charts. Drag a score
// bar (or focus the chart and use the arrow keys) and the probabilities follow: every bar on the right moves when
// one score on the left does, because they share one denominator.
import * as d3 from "d3";
import {softmax} from "../lib/nn/index.js";
import {fmt} from "./axes.js";
import {ensureStyles, extend, followWidth, h, lifecycle, resolveWidth, setLabel, setText} from "./theme.js";
import {assertDomain, assertFiniteNumber, assertPositive} from "./validate.js";
import {words} from "./words.js";

export interface SoftmaxBarsOptions {
  /** The scores z₁ … z_K, one per class. */
  z: readonly number[];
  /** A name per class (default "class 1", "class 2", …). */
  classes?: readonly string[];
  /** The range of the score axis; dragging stays inside it (default [-5, 5], widened to hold every score). */
  domain?: [number, number];
  /** How far one arrow-key press moves a score (default 0.1; with Shift, ten times as far). */
  step?: number;
  /** Overrides the generated aria-label. */
  label?: string;
  width?: number;
  /** Height of one panel (default 220). */
  height?: number;
  invalidation?: Promise<unknown>;
}

export type SoftmaxBars = HTMLDivElement & {
  /** The scores as they are now (after any dragging). */
  readonly value: number[];
  /** softmax of the scores. */
  readonly probabilities: number[];
  /** Changes the scores or options and redraws; new scores replace the dragged ones. */
  update(options: Partial<SoftmaxBarsOptions>): void;
  destroy(): void;
};

/** A probability as a percentage that never rounds a small share to 0 or a large one to 100. Pure, for tests. */
export function percent(p: number): string {
  const v = p * 100;
  if (!Number.isFinite(v)) return `${v} %`;
  if (v <= 0 || v >= 100) return `${v} %`;
  if (v < 0.05) return `${v.toPrecision(2)} %`;
  if (v <= 99.95) return `${v.toFixed(1)} %`;
  // Close to 100: as many decimals as it takes to see the gap to 100 (99.99546 → "99.9955 %").
  return `${v.toFixed(Math.min(12, Math.ceil(-Math.log10(100 - v)) + 1))} %`;
}

/** The score axis: `domain` if given, else [-5, 5] widened (to whole numbers) until it holds every score. */
export function scoreDomain(z: readonly number[], domain?: [number, number]): [number, number] {
  if (domain) return domain;
  return [Math.floor(Math.min(-5, ...z)), Math.ceil(Math.max(5, ...z))];
}

/** A dragged or stepped score: rounded to the step (so it prints cleanly) and kept inside the axis. */
export function snapScore(v: number, [lo, hi]: [number, number], step: number): number {
  const snapped = Number((Math.round(v / step) * step).toPrecision(12));
  return Math.min(hi, Math.max(lo, snapped));
}

/** The text alternative: every score and every probability, in class order. */
export function describeBars(z: readonly number[], p: readonly number[], classes: readonly string[]): string {
  const scores = z.map((v, k) => `${classes[k]} ${fmt(v)}`).join(words("list.comma"));
  const probabilities = p.map((v, k) => `${classes[k]} ${percent(v)}`).join(words("list.comma"));
  return words("softmax.summary", {scores, probabilities});
}

function checkScores(z: unknown): number[] {
  if (!Array.isArray(z) || z.length === 0)
    throw new Error("softmaxBars: z must be a non-empty list of scores, e.g. {z: [0.3, 2.9, 4.0]}.");
  return z.map((v, k) => assertFiniteNumber(v, `softmaxBars: z[${k}]`));
}

const GAP = 28; // between the two panels, side by side
const M = {top: 28, right: 8, bottom: 34, left: 40};

export function softmaxBars(options: SoftmaxBarsOptions): SoftmaxBars {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  let opts = {...options};
  let z = checkScores(opts.z);
  let names = classNames();
  let width = resolveWidth(opts.width);
  let selected = 0;
  let focused = false;
  let dragged = false; // once a bar has been dragged, the readout names it as it does under the keyboard
  let scoreY = d3.scaleLinear();
  let scoreX = d3.scaleBand<number>();
  check();

  const root = h("div", {class: "nn-fig nn-softmax-bars"}) as SoftmaxBars;
  const svgNode = d3.create("svg").attr("role", "img").attr("tabindex", 0).node() as SVGSVGElement;
  const svg = d3.select(svgNode);
  const readout = h("div", {class: "nn-readout", "aria-live": "polite"});
  root.append(svgNode, readout);

  function classNames(): string[] {
    return z.map((_, k) => opts.classes?.[k] ?? words("class.name", {k: k + 1}));
  }

  function check() {
    if (opts.classes && opts.classes.length !== z.length)
      throw new Error(
        `softmaxBars: ${z.length} scores but ${opts.classes.length} class names; give one name per score.`
      );
    if (opts.domain) assertDomain(opts.domain, "softmaxBars: domain");
    if (opts.step !== undefined) assertPositive(opts.step, "softmaxBars: step");
  }

  function render() {
    const p = softmax(z);
    const stacked = width < 520; // phone width: one panel above the other
    const panelW = stacked ? width : (width - GAP) / 2;
    const panelH = opts.height ?? 220;
    const H = stacked ? 2 * panelH : panelH;
    svg.attr("width", width).attr("height", H).attr("viewBox", `0 0 ${width} ${H}`);
    const panels = [
      {key: "z", x0: 0, y0: 0, title: words("softmax.scores"), domain: scoreDomain(z, opts.domain), values: z},
      {
        key: "p",
        x0: stacked ? 0 : panelW + GAP,
        y0: stacked ? panelH : 0,
        title: words("softmax.probabilities"),
        domain: [0, 1] as [number, number],
        values: p
      }
    ];
    for (const panel of panels) {
      const g = svg
        .selectAll<SVGGElement, string>(`g.panel-${panel.key}`)
        .data([panel.key])
        .join("g")
        .attr("class", `panel-${panel.key}`)
        .attr("transform", `translate(${panel.x0},${panel.y0})`);
      const x = d3
        .scaleBand<number>(
          z.map((_, k) => k),
          [M.left, panelW - M.right]
        )
        .padding(0.25);
      const y = d3.scaleLinear(panel.domain, [panelH - M.bottom, M.top]);
      if (panel.key === "z") {
        scoreX = x;
        scoreY = y;
      }
      const axisFormat = panel.key === "p" ? d3.format(".0%") : null;
      g.selectAll<SVGGElement, null>("g.nn-axis")
        .data([null])
        .join("g")
        .attr("class", "nn-axis")
        .attr("transform", `translate(${M.left},0)`)
        .call(
          d3
            .axisLeft(y)
            .ticks(Math.max(2, Math.floor((panelH - M.top - M.bottom) / 36)), axisFormat ?? undefined)
            .tickSizeOuter(0)
        );
      g.selectAll("line.zero")
        .data([0])
        .join("line")
        .attr("class", "zero")
        .attr("stroke", "var(--theme-foreground-faint)")
        .attr("x1", M.left)
        .attr("x2", panelW - M.right)
        .attr("y1", y(0))
        .attr("y2", y(0));
      g.selectAll("text.title")
        .data([panel.title])
        .join("text")
        .attr("class", "title nn-label")
        .attr("x", M.left)
        .attr("y", 12)
        .text((d) => d);
      const bars = panel.values.map((v, k) => ({v, k}));
      g.selectAll<SVGRectElement, {v: number; k: number}>("rect.bar")
        .data(bars)
        .join("rect")
        .attr("class", "bar")
        .attr("fill", (d) => `var(--nn-c${d.k % 6})`)
        .attr("x", (d) => x(d.k) ?? 0)
        .attr("width", x.bandwidth())
        .attr("y", (d) => Math.min(y(0), y(d.v)))
        .attr("height", (d) => Math.abs(y(d.v) - y(0)))
        .attr("stroke", (d) => (panel.key === "z" && focused && d.k === selected ? "var(--theme-foreground)" : "none"))
        .attr("stroke-width", 2)
        .style("cursor", panel.key === "z" ? "ns-resize" : "default");
      g.selectAll<SVGTextElement, {v: number; k: number}>("text.value")
        .data(bars)
        .join("text")
        .attr("class", "value nn-label")
        .attr("text-anchor", "middle")
        .attr("x", (d) => (x(d.k) ?? 0) + x.bandwidth() / 2)
        .attr("y", (d) => (d.v >= 0 ? y(d.v) - 4 : y(d.v) + 13))
        .text((d) => (panel.key === "z" ? fmt(d.v) : percent(d.v)));
      g.selectAll<SVGTextElement, number>("text.name")
        .data(z.map((_, k) => k))
        .join("text")
        .attr("class", "name nn-label")
        .attr("text-anchor", "middle")
        .attr("x", (k) => (x(k) ?? 0) + x.bandwidth() / 2)
        .attr("y", panelH - M.bottom + 16)
        .text((k) => names[k]);
    }
    setLabel(svgNode, opts.label ?? words("softmax.keys", {summary: describeBars(z, p, names)}));
    setText(
      readout,
      focused || dragged
        ? words("softmax.selected", {name: names[selected], z: fmt(z[selected]), p: percent(p[selected])})
        : words("softmax.hint")
    );
  }

  function setScore(k: number, v: number) {
    const next = snapScore(v, scoreY.domain() as [number, number], opts.step ?? 0.1);
    if (next === z[k]) return;
    z = z.map((old, j) => (j === k ? next : old));
    render();
    root.dispatchEvent(new Event("input", {bubbles: true}));
  }

  // Dragging: the pointer's height on the score axis becomes the score of the bar under it.
  let dragging: number | null = null;
  const barAt = (px: number): number | null => {
    const step = scoreX.step();
    const k = Math.floor((px - (scoreX.range()[0] + scoreX.paddingOuter() * step)) / step);
    return k >= 0 && k < z.length ? k : null;
  };
  const inScorePanel = (px: number, py: number) => {
    const stacked = width < 520;
    const panelW = stacked ? width : (width - GAP) / 2;
    return px <= panelW && py <= (opts.height ?? 220);
  };
  life.listen(svgNode, "pointerdown", (event: PointerEvent) => {
    const [px, py] = d3.pointer(event, svgNode);
    const k = inScorePanel(px, py) ? barAt(px) : null;
    if (k === null) return;
    event.preventDefault();
    dragging = k;
    dragged = true;
    selected = k;
    svgNode.setPointerCapture?.(event.pointerId);
    setScore(k, scoreY.invert(py));
  });
  life.listen(svgNode, "pointermove", (event: PointerEvent) => {
    if (dragging === null) return;
    setScore(dragging, scoreY.invert(d3.pointer(event, svgNode)[1]));
  });
  for (const type of ["pointerup", "pointercancel"])
    life.listen(svgNode, type, () => {
      dragging = null;
    });
  life.listen(svgNode, "keydown", (event: KeyboardEvent) => {
    const step = (opts.step ?? 0.1) * (event.shiftKey ? 10 : 1);
    const [lo, hi] = scoreY.domain();
    const moves: Record<string, () => void> = {
      ArrowLeft: () => select(selected - 1),
      ArrowRight: () => select(selected + 1),
      ArrowUp: () => setScore(selected, z[selected] + step),
      ArrowDown: () => setScore(selected, z[selected] - step),
      PageUp: () => setScore(selected, z[selected] + 10 * step),
      PageDown: () => setScore(selected, z[selected] - 10 * step),
      Home: () => setScore(selected, lo),
      End: () => setScore(selected, hi)
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  });
  function select(k: number) {
    selected = (k + z.length) % z.length;
    render();
  }
  life.listen(svgNode, "focus", () => {
    focused = true;
    render();
  });
  life.listen(svgNode, "blur", () => {
    focused = false;
    render();
  });
  if (opts.width === undefined)
    followWidth(root, life, (w) => {
      width = w;
      render();
    });

  render();
  return extend(root, {
    get value() {
      return [...z];
    },
    get probabilities() {
      return softmax(z);
    },
    update(next: Partial<SoftmaxBarsOptions>) {
      const merged = {...opts, ...next};
      const nextZ = next.z !== undefined ? checkScores(next.z) : z;
      const previous = {opts, z};
      opts = merged;
      z = nextZ;
      try {
        check();
      } catch (error) {
        ({opts, z} = previous);
        throw error;
      }
      names = classNames();
      selected = Math.min(selected, z.length - 1);
      if (next.width) width = resolveWidth(next.width);
      render();
    },
    destroy: life.destroy
  });
}
