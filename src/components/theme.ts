// Browser side of theming: the components' shared stylesheet (CSS variables that follow the page's light/dark
// theme by themselves, so SVG needs no redraw on a theme switch), and colours resolved for canvas drawing.
import {parseColor, type RGB, type Scheme, SERIES, SIGN} from "./palette.js";

const CSS = `
.nn-fig { --nn-pos: ${SIGN.light.positive}; --nn-neg: ${SIGN.light.negative};
  ${SERIES.light.map((c, i) => `--nn-c${i}: ${c};`).join(" ")}
  color: var(--theme-foreground); font: 12px var(--sans-serif); max-width: 100%; margin: 0 0 1rem 0; }
@media (prefers-color-scheme: dark) { .nn-fig { --nn-pos: ${SIGN.dark.positive}; --nn-neg: ${SIGN.dark.negative};
  ${SERIES.dark.map((c, i) => `--nn-c${i}: ${c};`).join(" ")} } }
.nn-fig svg { display: block; overflow: visible; max-width: 100%; height: auto; }
.nn-fig svg:focus-visible, .nn-fig canvas:focus-visible { outline: 2px solid var(--theme-foreground-focus); outline-offset: 2px; }
.nn-fig .nn-axis text { fill: var(--theme-foreground-muted); font: 11px var(--sans-serif); }
.nn-fig .nn-axis path, .nn-fig .nn-axis line { stroke: var(--theme-foreground-faint); }
.nn-fig .nn-grid line { stroke: var(--theme-foreground-faintest); }
.nn-fig .nn-label { fill: var(--theme-foreground); font: 12px var(--sans-serif); }
.nn-fig .nn-muted { fill: var(--theme-foreground-muted); }
.nn-fig .nn-readout { min-height: 1.4em; font: 12px var(--monospace); color: var(--theme-foreground-muted); white-space: pre-wrap; }
.nn-fig .nn-error { color: #b42318; font: 12px var(--sans-serif); min-height: 1.2em; } /* 6.6:1 on white */
@media (prefers-color-scheme: dark) { .nn-fig .nn-error { color: var(--nn-neg); } }
.nn-fig .nn-legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font: 12px var(--sans-serif); margin: 0 0 0.25rem 0; }
.nn-fig .nn-legend span { display: inline-flex; align-items: center; gap: 0.35rem; }
.nn-fig .nn-swatch { display: inline-block; width: 18px; height: 0; border-top: 2px solid currentColor; }
.nn-fig .nn-swatch.dashed { border-top-style: dashed; }
.nn-fig .nn-dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; border: 1px solid var(--theme-foreground); }
.nn-fig figcaption, .nn-fig .nn-caption { color: var(--theme-foreground-muted); font: 12px var(--sans-serif); margin-top: 0.25rem; }
.nn-fig .nn-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin: 0.25rem 0; }
.nn-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; font: 13px var(--sans-serif); margin: 0.5rem 0; }
.nn-control { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; max-width: 100%; }
.nn-control input[type=range] { min-width: 0; flex: 1 1 8rem; }
.nn-control input[type=text] { min-width: 0; max-width: 100%; }
.nn-control output { font: 12px var(--monospace); min-width: 4ch; }
.nn-control input[type=text] { font: 13px var(--monospace); }
.nn-control input, .nn-control select, .nn-fig input, .nn-fig select { accent-color: var(--nn-pos); }
.nn-fig button, .nn-controls button { font: 13px var(--sans-serif); padding: 0.2rem 0.7rem; border-radius: 4px; cursor: pointer;
  border: 1px solid var(--theme-foreground-faint); background: var(--theme-background-alt); color: var(--theme-foreground); }
.nn-fig button:focus-visible, .nn-controls button:focus-visible { outline: 2px solid var(--theme-foreground-focus); }
.nn-fig button[aria-pressed=true], .nn-controls button[aria-pressed=true] { border-color: var(--nn-pos); }
.nn-fig .nn-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.nn-matrix { border-collapse: collapse; font: 13px var(--monospace); margin: 0; width: auto; max-width: none; }
.nn-matrix td, .nn-matrix th { padding: 0.15rem 0.5rem; text-align: right; border: 1px solid var(--theme-foreground-faintest); }
.nn-matrix th { color: var(--theme-foreground-muted); font-weight: normal; }
.nn-matrix td { color: var(--theme-foreground); }
@media (prefers-color-scheme: dark) { .nn-matrix { /* light text keeps 4.5:1 on the strongest shade */
  --nn-pos: color-mix(in srgb, ${SIGN.dark.positive} 70%, transparent); --nn-neg: color-mix(in srgb, ${SIGN.dark.negative} 70%, transparent); } }
.nn-matrix caption { caption-side: bottom; text-align: left; color: var(--theme-foreground-muted); font: 12px var(--sans-serif); padding-top: 0.25rem; }
.nn-scroll { overflow-x: auto; max-width: 100%; }
.nn-multiples { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.5rem; }
.nn-multiples figure { margin: 0; font: 11px var(--sans-serif); color: var(--theme-foreground-muted); text-align: center; }
.nn-figure { margin: 1rem 0 1.5rem 0; max-width: 100%; }
.nn-figure > figcaption { color: var(--theme-foreground-muted); font: 13px/1.4 var(--sans-serif); margin-top: 0.35rem; max-width: 640px; }
.nn-side-by-side { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
.nn-side-by-side > * { flex: 1 1 300px; min-width: 0; max-width: 460px; margin: 0; }
`;

/** Adds the components' stylesheet to the document once. */
export function ensureStyles(doc: Document = document): void {
  if (doc.getElementById("nn-components-style")) return;
  const style = doc.createElement("style");
  style.id = "nn-components-style";
  style.textContent = CSS;
  doc.head.append(style);
}

export function currentScheme(): Scheme {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

let probe: CanvasRenderingContext2D | null = null;

/** Resolves any CSS colour (including var(…) and color-mix(…)) to RGB, as seen from `element`. */
export function resolveColor(css: string, element: Element = document.body): RGB {
  const span = document.createElement("span");
  span.style.color = css;
  span.style.display = "none";
  element.append(span);
  const computed = getComputedStyle(span).color;
  span.remove();
  try {
    return parseColor(computed);
  } catch {
    // color(srgb …), oklch(…) and friends: let a 1×1 canvas convert it.
    probe ??= document.createElement("canvas").getContext("2d", {willReadFrequently: true});
    if (!probe) return [128, 128, 128];
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = computed;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    return [r, g, b];
  }
}

/** The theme colours a canvas needs, resolved now (call again after a theme switch). */
export interface ThemeColors {
  scheme: Scheme;
  background: RGB;
  foreground: RGB;
  muted: RGB;
  positive: RGB;
  negative: RGB;
  series: RGB[];
}

export function themeColors(element: Element = document.body): ThemeColors {
  const scheme = currentScheme();
  return {
    scheme,
    background: resolveColor("var(--theme-background)", element),
    foreground: resolveColor("var(--theme-foreground)", element),
    muted: resolveColor("var(--theme-foreground-muted)", element),
    positive: parseColor(SIGN[scheme].positive),
    negative: parseColor(SIGN[scheme].negative),
    series: SERIES[scheme].map(parseColor)
  };
}

export const rgbString = ([r, g, b]: RGB, alpha = 1): string =>
  `rgba(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)}, ${alpha})`;

/**
 * Cleanup bookkeeping for one component: `add` a teardown, `listen` to an event (removed on destroy),
 * `onThemeChange` (matchMedia listener, removed on destroy). Destroyed by `destroy()` or when the optional
 * `invalidation` promise (Framework passes one to every cell) resolves.
 */
export function lifecycle(invalidation?: Promise<unknown>) {
  const teardowns: (() => void)[] = [];
  let destroyed = false;
  const life = {
    get destroyed() {
      return destroyed;
    },
    add(fn: () => void) {
      if (destroyed) fn();
      else teardowns.push(fn);
    },
    listen<K extends keyof HTMLElementEventMap>(
      target: EventTarget,
      type: K | string,
      handler: (event: HTMLElementEventMap[K]) => void,
      options?: AddEventListenerOptions
    ) {
      const h = handler as EventListener;
      target.addEventListener(type, h, options);
      life.add(() => target.removeEventListener(type, h, options));
    },
    onThemeChange(fn: () => void) {
      if (typeof matchMedia !== "function") return;
      const query = matchMedia("(prefers-color-scheme: dark)");
      query.addEventListener("change", fn);
      life.add(() => query.removeEventListener("change", fn));
    },
    /** requestAnimationFrame that is cancelled on destroy. */
    frame(fn: FrameRequestCallback): void {
      if (destroyed) return;
      const id = requestAnimationFrame((t) => {
        pending.delete(id);
        fn(t);
      });
      pending.add(id);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const id of pending) cancelAnimationFrame(id);
      pending.clear();
      for (const fn of teardowns.splice(0).reverse()) fn();
    }
  };
  const pending = new Set<number>();
  invalidation?.then(() => life.destroy());
  return life;
}

export type Lifecycle = ReturnType<typeof lifecycle>;

/** Width to draw at: the option, else the container's width when known, else 640. Never below 240. */
export function resolveWidth(width: number | undefined): number {
  return Math.max(240, Math.round(width ?? 640));
}

/** Creates an element with attributes and children (tiny helper to keep components readable). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === "text") el.textContent = String(v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  el.append(...children);
  return el;
}

/** Makes a stable, document-unique id. */
let counter = 0;
export const uid = (prefix: string): string => `${prefix}-${++counter}`;

/**
 * Follows the width of `element` (its container's width, since it is a block) when the caller gave no width:
 * calls `onWidth` after layout and on every resize. Stopped on destroy.
 */
export function followWidth(element: HTMLElement, life: Lifecycle, onWidth: (width: number) => void): void {
  if (typeof ResizeObserver !== "function") return;
  let last = -1;
  const observer = new ResizeObserver((entries) => {
    const w = Math.round(entries[0]?.contentRect.width ?? 0);
    if (w > 0 && Math.abs(w - last) >= 2) {
      last = w;
      onWidth(Math.max(240, w));
    }
  });
  observer.observe(element);
  life.add(() => observer.disconnect());
}

/** Adds methods and getters to an element (unlike Object.assign, getters stay live). */
export function extend<E extends HTMLElement, A extends object>(element: E, api: A): E & A {
  Object.defineProperties(element, Object.getOwnPropertyDescriptors(api));
  return element as E & A;
}

/** Sets aria-label only when it changed (cheap to call on every animation frame). */
export function setLabel(element: Element, label: string): void {
  if (element.getAttribute("aria-label") !== label) element.setAttribute("aria-label", label);
}

/** Sets textContent only when it changed (avoids relayout on every animation frame). */
export function setText(element: Node, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/**
 * Tracks whether `element` is on screen, so live components can skip drawing while scrolled away and catch up
 * (`onVisible`) when they come back. Treated as visible where IntersectionObserver is missing.
 */
export function watchVisibility(element: Element, life: Lifecycle, onVisible: () => void): {readonly visible: boolean} {
  const state = {visible: true};
  if (typeof IntersectionObserver !== "function") return state;
  const observer = new IntersectionObserver((entries) => {
    const entry = entries[entries.length - 1];
    const was = state.visible;
    state.visible = entry?.isIntersecting ?? true;
    if (state.visible && !was) onVisible();
  });
  observer.observe(element);
  life.add(() => observer.disconnect());
  return state;
}

/**
 * A `schedule()` that draws on the next animation frame, at most once per frame, and only while `element` is on
 * screen: off screen, updates only mark the picture stale, and it catches up when scrolled back into view.
 */
export function frameWhenVisible(element: Element, life: Lifecycle, draw: () => void): () => void {
  let scheduled = false;
  let stale = false;
  const view = watchVisibility(element, life, () => {
    if (stale) schedule();
  });
  function schedule(): void {
    if (scheduled || life.destroyed) return;
    if (!view.visible) {
      stale = true;
      return;
    }
    stale = false;
    scheduled = true;
    life.frame(() => {
      scheduled = false;
      draw();
    });
  }
  return schedule;
}

/** Sets attributes on an element, touching only those whose value changed (no style work for unchanged ones). */
export function setAttrs(element: Element, attrs: Record<string, string | number | null>): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null) {
      if (element.hasAttribute(k)) element.removeAttribute(k);
    } else if (element.getAttribute(k) !== String(v)) element.setAttribute(k, String(v));
  }
}

/**
 * A keyboard cursor over the data points of a picture: on `element`, → or ↓ moves it to the next of `count()` points,
 * ← or ↑ to the previous one, Escape and leaving the element clear it. `onChange` gets the point's index (−1: none).
 */
export function pointCursor(
  element: Element,
  life: Lifecycle,
  count: () => number,
  onChange: (index: number) => void
): void {
  let index = -1;
  life.listen(element, "keydown", (event: KeyboardEvent) => {
    const n = count();
    if (n === 0) return;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") index = (index + 1) % n;
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") index = (index - 1 + n) % n;
    else if (event.key === "Escape") index = -1;
    else return;
    event.preventDefault();
    onChange(index);
  });
  life.listen(element, "blur", () => {
    index = -1;
    onChange(index);
  });
}
