// Layout for a page's pictures: a figure with a caption under it, and several pictures side by side that wrap
// one under the other on a narrow screen. Plain elements styled by the components' stylesheet (theme.ts).
import {ensureStyles, h} from "./theme.js";

/** A <figure> holding `content` (several pictures go side by side), with `caption` under it. */
export function figure(caption: string, ...content: Node[]): HTMLElement {
  ensureStyles();
  if (typeof caption !== "string") throw new Error("figure: the first argument is the caption, a string.");
  const body = content.length > 1 ? [sideBySide(...content)] : content;
  return h("figure", {class: "nn-figure"}, ...body, h("figcaption", {text: caption}));
}

/** Pictures side by side, each at least 300 px wide; on a narrow screen they wrap one under the other. */
export function sideBySide(...content: Node[]): HTMLElement {
  ensureStyles();
  return h("div", {class: "nn-side-by-side"}, ...content);
}
