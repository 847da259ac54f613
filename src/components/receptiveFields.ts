// Receptive fields: a network whose units each read a window of the layer below, drawn over a 1-D signal. The
// signal's slices sit at the bottom, each layer's units above, and a unit's lines go only to its window. Hover or
// focus a unit (arrow keys move between units) to see which part of the signal it reads, through every layer.
import * as d3 from "d3";
import {ensureStyles, extend, followWidth, h, lifecycle, resolveWidth, setLabel, setText} from "./theme.js";
import {words} from "./words.js";

/** A layer of units, each reading `window` neighbouring units (or slices) of the layer below, `stride` apart. */
export interface WindowLayer {
  window: number;
  stride: number;
  /** Name shown beside the layer. */
  name?: string;
}

/** Where one unit reads: [from, to] in the layer below and [inputFrom, inputTo] in the signal (indices, inclusive). */
export interface Field {
  from: number;
  to: number;
  inputFrom: number;
  inputTo: number;
}

/**
 * Every unit's window, layer by layer, for a signal of `length` slices: unit t of a layer reads t·stride …
 * t·stride + window − 1 below it, and as many units as there are whole windows. Pure, exported for tests.
 */
export function receptiveFieldsOf(length: number, layers: readonly WindowLayer[]): Field[][] {
  let below: Field[] = Array.from({length}, (_, i) => ({from: i, to: i, inputFrom: i, inputTo: i}));
  return layers.map(({window, stride}, l) => {
    if (!(Number.isInteger(window) && Number.isInteger(stride) && window >= 1 && stride >= 1)) {
      throw new Error(
        `receptiveFields: layer ${l + 1} needs a whole window and stride ≥ 1, got ${window} and ${stride}`
      );
    }
    if (window > below.length) {
      throw new Error(
        `receptiveFields: layer ${l + 1}'s window of ${window} is wider than the ${below.length} units below`
      );
    }
    const units = Math.floor((below.length - window) / stride) + 1;
    const fields = Array.from({length: units}, (_, t) => {
      const [from, to] = [t * stride, t * stride + window - 1];
      return {from, to, inputFrom: below[from].inputFrom, inputTo: below[to].inputTo};
    });
    below = fields;
    return fields;
  });
}

export interface ReceptiveFieldsOptions {
  /** The signal, one value per slice (its length is the number of inputs). */
  signal: readonly number[];
  /** The windowed layers, bottom to top. */
  layers: readonly WindowLayer[];
  /** A dense output on top reading every unit of the last layer (its name, e.g. "sigmoid output"), or none. */
  output?: string;
  width?: number;
  invalidation?: Promise<unknown>;
}

export type ReceptiveFields = HTMLDivElement & {
  /** The fields, per layer (see receptiveFieldsOf). */
  readonly fields: Field[][];
  /** Highlights one unit (layer from 0, unit from 0), or none. */
  highlight(layer: number, unit: number): void;
  destroy(): void;
};

const M = {top: 14, right: 10, bottom: 26, left: 10};

export function receptiveFields(options: ReceptiveFieldsOptions): ReceptiveFields {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  const {signal, layers} = options;
  if (!Array.isArray(signal) || signal.length === 0)
    throw new Error("receptiveFields: signal must be a non-empty list");
  const fields = receptiveFieldsOf(signal.length, layers);
  let width = resolveWidth(options.width);
  let active = {layer: 0, unit: 0};
  let shown = false; // nothing highlighted until hover or focus

  const root = h("div", {class: "nn-fig nn-receptive-fields"}) as ReceptiveFields;
  const svgNode = d3.create("svg").attr("role", "img").attr("tabindex", 0).node() as SVGSVGElement;
  const svg = d3.select(svgNode);
  const readout = h("div", {class: "nn-readout", "aria-live": "polite"});
  root.append(svgNode, readout);

  const rowsAbove = layers.length + (options.output ? 1 : 0);
  const label = (l: number) => layers[l].name ?? words("fields.layer", {l: l + 1});

  function describe(): string {
    const parts = fields.map((units, l) =>
      words("fields.layerReads", {
        layer: label(l),
        n: units.length,
        window: layers[l].window,
        what: words(l === 0 ? "fields.slices" : "fields.units"),
        stride: layers[l].stride
      })
    );
    return words("fields.summary", {
      n: signal.length,
      layers: parts.join(words("list.semicolon")),
      output: options.output ? words("fields.output", {output: options.output}) : ""
    });
  }

  function render() {
    const signalHeight = 60;
    const rowGap = 58;
    const height = M.top + rowsAbove * rowGap + signalHeight + M.bottom;
    const x = d3.scaleLinear([0, signal.length], [M.left, width - M.right]);
    const ySignal = d3.scaleLinear(d3.extent(signal) as [number, number], [
      height - M.bottom,
      height - M.bottom - signalHeight
    ]);
    const rowY = (l: number) => height - M.bottom - signalHeight - (l + 1) * rowGap + 22;
    svg.attr("width", width).attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
    const centre = (f: Field) => x((f.inputFrom + f.inputTo + 1) / 2);
    // the highlighted window in the signal
    const field = shown
      ? active.layer < layers.length
        ? fields[active.layer][active.unit]
        : {from: 0, to: 0, inputFrom: 0, inputTo: signal.length - 1}
      : null;
    svg
      .selectAll("rect.window")
      .data(field ? [field] : [])
      .join("rect")
      .attr("class", "window")
      .attr("fill", "color-mix(in srgb, var(--nn-c0) 18%, transparent)")
      .attr("x", (f) => x(f.inputFrom))
      .attr("width", (f) => x(f.inputTo + 1) - x(f.inputFrom))
      .attr("y", height - M.bottom - signalHeight - 4)
      .attr("height", signalHeight + 8);
    // the signal and its slices
    svg
      .selectAll("path.signal")
      .data([signal])
      .join("path")
      .attr("class", "signal")
      .attr("fill", "none")
      .attr("stroke", "var(--theme-foreground)")
      .attr("stroke-width", 1.5)
      .attr(
        "d",
        d3
          .line<number>()
          .x((_, i) => x(i + 0.5))
          .y((v) => ySignal(v))
      );
    svg
      .selectAll("text.axis")
      .data([words("fields.signal", {n: signal.length})])
      .join("text")
      .attr("class", "axis nn-muted")
      .attr("font-size", 11)
      .attr("x", M.left)
      .attr("y", height - 6)
      .text((t) => t);
    // the units and their connections
    const units = fields.flatMap((row, l) =>
      row.map((f, t) => ({l, t, f, cx: centre(f), cy: rowY(l), below: l === 0 ? null : fields[l - 1]}))
    );
    const isLit = (l: number, t: number) => {
      if (!shown) return false;
      if (active.layer >= layers.length) return true; // the output sees everything
      if (l === active.layer) return t === active.unit;
      if (l > active.layer) return false;
      // a unit of a lower layer is lit when the active unit reads it, through the layers between
      const f = fields[l][t];
      const a = fields[active.layer][active.unit];
      return f.inputFrom >= a.inputFrom && f.inputTo <= a.inputTo;
    };
    const links = units.flatMap((u) => {
      const targets = u.below
        ? d3.range(u.f.from, u.f.to + 1).map((s) => ({x: centre(u.below?.[s] as Field), y: rowY(u.l - 1)}))
        : [
            {x: x(u.f.inputFrom), y: rowY(-1) + 14},
            {x: x(u.f.inputTo + 1), y: rowY(-1) + 14}
          ];
      return targets.map((target) => ({from: u, target, lit: isLit(u.l, u.t)}));
    });
    if (options.output) {
      const top = layers.length - 1;
      const cx = (M.left + width - M.right) / 2;
      for (const [t, f] of fields[top].entries()) {
        links.push({
          from: {l: layers.length, t: 0, f, cx, cy: rowY(layers.length), below: null},
          target: {x: centre(f), y: rowY(top)},
          lit: shown && active.layer >= layers.length ? true : isLit(top, t) && shown && active.layer === top
        });
      }
    }
    svg
      .selectAll("line.link")
      .data(links)
      .join("line")
      .attr("class", "link")
      .attr("x1", (d) => d.from.cx)
      .attr("y1", (d) => d.from.cy)
      .attr("x2", (d) => d.target.x)
      .attr("y2", (d) => d.target.y)
      .attr("stroke", (d) => (d.lit ? "var(--nn-c0)" : "var(--theme-foreground-faint)"))
      .attr("stroke-width", (d) => (d.lit ? 1.6 : 0.7));
    const nodes = [
      ...units.map((u) => ({...u, name: words("fields.unitName", {layer: label(u.l), u: u.t + 1})})),
      ...(options.output
        ? [{l: layers.length, t: 0, cx: (M.left + width - M.right) / 2, cy: rowY(layers.length), name: options.output}]
        : [])
    ];
    svg
      .selectAll("circle.unit")
      .data(nodes)
      .join("circle")
      .attr("class", "unit")
      .attr("r", 6)
      .attr("cx", (d) => d.cx)
      .attr("cy", (d) => d.cy)
      .attr("fill", (d) =>
        shown && d.l === active.layer && d.t === active.unit ? "var(--nn-c0)" : "var(--theme-background)"
      )
      .attr("stroke", (d) =>
        isLit(d.l, d.t) || (d.l === layers.length && shown && active.layer === d.l)
          ? "var(--nn-c0)"
          : "var(--theme-foreground)"
      )
      .attr("stroke-width", 1.5)
      .on("pointerenter", (_, d) => highlight(d.l, d.t));
    svg
      .selectAll("text.row")
      .data([
        ...layers.map((_, l) => words("fields.row", {layer: label(l), n: fields[l].length})),
        ...(options.output ? [options.output] : [])
      ])
      .join("text")
      .attr("class", "row nn-muted")
      .attr("font-size", 11)
      .attr("x", M.left)
      .attr("y", (_, l) => rowY(l) - 13)
      .text((t) => t);
    setLabel(svgNode, describe());
    if (!shown) setText(readout, words("fields.hint"));
    else if (active.layer >= layers.length)
      setText(readout, words("fields.outputReads", {output: options.output ?? "", n: signal.length}));
    else {
      const f = fields[active.layer][active.unit];
      const range = `${f.from + 1}–${f.to + 1}`;
      const reads =
        active.layer === 0
          ? words("fields.sliceRange", {range})
          : words("fields.unitRange", {
              range,
              layer: label(active.layer - 1),
              from: f.inputFrom + 1,
              to: f.inputTo + 1
            });
      setText(readout, words("fields.reads", {layer: label(active.layer), u: active.unit + 1, reads}));
    }
  }

  function highlight(layer: number, unit: number) {
    const top = layers.length + (options.output ? 1 : 0) - 1;
    active.layer = Math.max(0, Math.min(top, layer));
    const count = active.layer < layers.length ? fields[active.layer].length : 1;
    active = {layer: active.layer, unit: Math.max(0, Math.min(count - 1, unit))};
    shown = true;
    render();
  }

  life.listen(svgNode, "keydown", (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      ArrowUp: [1, 0],
      ArrowDown: [-1, 0]
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    if (!shown) highlight(0, 0);
    else highlight(active.layer + move[0], move[0] === 0 ? active.unit + move[1] : 0);
  });
  life.listen(svgNode, "focus", () => {
    if (!shown) highlight(active.layer, active.unit);
  });
  if (options.width === undefined) {
    followWidth(root, life, (w) => {
      width = w;
      render();
    });
  }
  render();
  return extend(root, {
    get fields() {
      return fields;
    },
    highlight,
    destroy: life.destroy
  });
}
