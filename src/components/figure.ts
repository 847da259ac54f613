// A figure for a page: its pictures side by side (wrapping on narrow screens) and a caption under them.
import {ensureStyles, h} from "./theme.js";

const CSS = `
.nn-figure { margin: 1rem 0 1.5rem 0; max-width: 100%; }
.nn-figure > .nn-figure-row { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
.nn-figure > .nn-figure-row > * { flex: 1 1 280px; min-width: 0; max-width: 520px; }
.nn-figure > .nn-figure-row > :only-child { max-width: 100%; }
.nn-figure > figcaption { color: var(--theme-foreground-muted); font: 13px/1.4 var(--sans-serif); margin-top: 0.35rem; max-width: 640px; }
`;

/** A <figure> holding `content` in a wrapping row, with `caption` under it. */
export function figure(caption: string, ...content: Node[]): HTMLElement {
  ensureStyles();
  if (!document.getElementById("nn-figure-style")) document.head.append(h("style", {id: "nn-figure-style"}, CSS));
  return h(
    "figure",
    {class: "nn-figure"},
    h("div", {class: "nn-figure-row"}, ...content),
    h("figcaption", {text: caption})
  );
}
