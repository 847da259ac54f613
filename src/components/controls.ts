// 9. Controls: small accessible inputs (native elements with labels, so keyboard and screen readers work),
// each with a `value` and an "input" event — usable with Framework's view(): const lr = view(slider({…})).
import {fmt} from "./axes.js";
import {ensureStyles, extend, h, lifecycle, uid} from "./theme.js";
import {assertFiniteNumber} from "./validate.js";
import {plural, words} from "./words.js";

export interface SliderOptions {
  label: string;
  min: number;
  max: number;
  /** Step of the slider (ignored with log: true, which moves in 1/200 of the range on a log scale). */
  step?: number;
  value?: number;
  /** Logarithmic slider, for learning rates (min > 0). */
  log?: boolean;
  format?: (v: number) => string;
}

export type Control<T> = HTMLElement & {value: T};

/** A labelled range slider with its value printed next to it. */
export function slider({label, min, max, step, value, log = false, format = fmt}: SliderOptions): Control<number> {
  ensureStyles();
  assertFiniteNumber(min, `slider "${label}": min`);
  assertFiniteNumber(max, `slider "${label}": max`);
  if (!(min < max)) throw new Error(`slider "${label}": min (${min}) must be less than max (${max}).`);
  if (log && min <= 0) throw new Error(`slider "${label}": a log slider needs min > 0, got ${min}.`);
  const to = (v: number) => (log ? Math.log10(v) : v);
  const from = (t: number) => (log ? Number((10 ** t).toPrecision(3)) : t);
  const id = uid("nn-slider");
  const input = h("input", {
    type: "range",
    id,
    min: to(min),
    max: to(max),
    // Log sliders move in 1/200 of the range, so both ends are reached exactly.
    step: log ? (Math.log10(max) - Math.log10(min)) / 200 : (step ?? (max - min) / 100),
    value: to(value ?? min)
  });
  const output = h("output", {for: id});
  const root = h("div", {class: "nn-control"}, h("label", {for: id, text: label}), input, output);
  const show = () => {
    output.textContent = format(from(Number(input.value)));
    input.setAttribute("aria-valuetext", output.textContent);
  };
  input.addEventListener("input", show);
  show();
  return extend(root, {
    get value() {
      return from(Number(input.value));
    },
    set value(v: number) {
      input.value = String(to(v));
      show();
    }
  });
}

export interface SelectOptions<T> {
  label: string;
  /** Plain values, or {label, value} pairs. */
  options: readonly (T | {label: string; value: T})[];
  value?: T;
}

/** A labelled drop-down. */
export function select<T = string>({label, options, value}: SelectOptions<T>): Control<T> {
  ensureStyles();
  if (!Array.isArray(options) || options.length === 0) throw new Error(`select "${label}": give at least one option.`);
  const items = options.map((o) =>
    typeof o === "object" && o !== null && "value" in o
      ? (o as {label: string; value: T})
      : {label: String(o), value: o as T}
  );
  const id = uid("nn-select");
  const sel = h("select", {id});
  items.forEach((item, i) => {
    sel.append(h("option", {value: i, text: item.label, selected: item.value === value}));
  });
  const root = h("div", {class: "nn-control"}, h("label", {for: id, text: label}), sel);
  return extend(root, {
    get value(): T {
      return items[Number(sel.value)].value;
    },
    set value(v: T) {
      const i = items.findIndex((item) => item.value === v);
      if (i >= 0) sel.value = String(i);
    }
  });
}

/** Parses "4, 3" into [4, 3]: positive whole numbers separated by commas or spaces. Exported for tests. */
export function parseSizes(text: string): number[] {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) throw new Error(words("sizes.none"));
  return parts.map((p) => {
    const n = Number(p);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(words("sizes.bad", {part: p}));
    return n;
  });
}

/** A text field for hidden-layer sizes ("4, 3" → [4, 3]); shows a message and keeps the last good value when invalid. */
export function sizesInput({
  label = words("sizes.label"),
  value = [4]
}: {
  label?: string;
  value?: number[];
} = {}): Control<number[]> {
  ensureStyles();
  const id = uid("nn-sizes");
  const input = h("input", {
    type: "text",
    id,
    value: value.join(", "),
    "aria-describedby": `${id}-err`,
    inputmode: "numeric"
  });
  const error = h("span", {class: "nn-error", id: `${id}-err`, role: "status"});
  const root = h(
    "div",
    {class: "nn-control nn-fig", style: "margin: 0"},
    h("label", {for: id, text: label}),
    input,
    error
  );
  let current = [...value];
  // Stop invalid text from reaching view(): only valid edits propagate.
  input.addEventListener("input", (event) => {
    try {
      current = parseSizes(input.value);
      error.textContent = "";
      input.setAttribute("aria-invalid", "false");
    } catch (e) {
      error.textContent = (e as Error).message;
      input.setAttribute("aria-invalid", "true");
      event.stopPropagation();
    }
  });
  return extend(root, {
    get value() {
      return [...current];
    },
    set value(v: number[]) {
      current = [...v];
      input.value = v.join(", ");
    }
  });
}

/** A button that runs `onClick` (e.g. "Reset weights"). */
export function button(label: string, onClick: () => void): HTMLButtonElement {
  ensureStyles();
  const b = h("button", {type: "button", text: label});
  b.addEventListener("click", onClick);
  return b;
}

export interface PlayControlsOptions {
  /** One unit of work (e.g. one training epoch and a redraw). Return false to stop (finished). May be async. */
  onStep: () => unknown;
  /** Called by Reset, after pausing. */
  onReset?: () => void;
  /** Steps per animation frame while playing (default 1). */
  stepsPerFrame?: number;
  invalidation?: Promise<unknown>;
}

export type PlayControls = HTMLElement & {
  play(): void;
  pause(): void;
  /** What the Reset button does: pauses, calls onReset and sets the count back to 0. */
  reset(): void;
  /** {playing, steps}: whether it runs, and how many steps ran since the last reset. */
  readonly value: {playing: boolean; steps: number};
  destroy(): void;
};

/**
 * Play / Pause, Step and Reset buttons driving `onStep` once per animation frame while playing.
 * Nothing runs until a button is pressed; the loop stops on destroy or when the cell is invalidated.
 */
export function playControls({onStep, onReset, stepsPerFrame = 1, invalidation}: PlayControlsOptions): PlayControls {
  ensureStyles();
  if (typeof onStep !== "function") throw new Error("playControls: onStep must be a function.");
  const life = lifecycle(invalidation);
  const playButton = h("button", {type: "button", "aria-pressed": "false", text: words("play.play")});
  const stepButton = h("button", {type: "button", text: words("button.step")});
  const resetButton = h("button", {type: "button", text: words("button.reset")});
  // Fixed size and contain: strict, so rewriting the count every frame never re-lays out the page.
  const status = h("span", {
    class: "nn-readout",
    "aria-live": "off",
    style: "display: inline-block; width: 12ch; height: 1.5em; overflow: hidden; contain: strict"
  });
  const root = h(
    "div",
    {class: "nn-controls", role: "group", "aria-label": words("play.group")},
    playButton,
    stepButton,
    resetButton,
    status
  );
  let playing = false;
  let steps = 0;
  let busy = false;
  // While playing, the count is rewritten at most 4 times a second: on a long page every text change costs the
  // browser a repaint of the page's layers, which at 60 changes a second would cost more than the steps themselves.
  let counted = 0;

  const show = () => {
    playButton.textContent = words(playing ? "play.pause" : "play.play");
    playButton.setAttribute("aria-pressed", String(playing));
    status.textContent = words("play.steps", {n: steps, s: plural(steps)});
    root.dispatchEvent(new Event("input", {bubbles: true}));
  };
  async function runStep(): Promise<boolean> {
    const result = await onStep();
    steps++;
    return result !== false;
  }
  async function frame() {
    if (!playing || life.destroyed) return;
    if (!busy) {
      busy = true;
      try {
        for (let i = 0; i < stepsPerFrame && playing; i++) if (!(await runStep())) pause();
      } catch (e) {
        pause();
        status.textContent = words("play.stopped", {message: (e as Error).message});
        busy = false;
        throw e;
      }
      busy = false;
      if (performance.now() - counted >= 250) {
        counted = performance.now();
        status.textContent = words("play.steps", {n: steps, s: plural(steps)});
      }
    }
    life.frame(frame);
  }
  function play() {
    if (playing || life.destroyed) return;
    playing = true;
    show();
    life.frame(frame);
  }
  function pause() {
    if (!playing) return;
    playing = false;
    show();
  }
  life.add(() => {
    playing = false;
  });
  playButton.addEventListener("click", () => (playing ? pause() : play()));
  stepButton.addEventListener("click", async () => {
    pause();
    if (!busy) {
      busy = true;
      await runStep();
      busy = false;
      show();
    }
  });
  function reset() {
    pause();
    steps = 0;
    onReset?.();
    show();
  }
  resetButton.addEventListener("click", reset);
  show();
  return extend(root, {
    play,
    pause,
    reset,
    get value() {
      return {playing, steps};
    },
    destroy: life.destroy
  });
}

/** Lays out controls in a wrapping row. */
export function controlRow(...children: HTMLElement[]): HTMLElement {
  ensureStyles();
  return h("div", {class: "nn-controls"}, ...children);
}
