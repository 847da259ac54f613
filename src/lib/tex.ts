// Formulas that code computes at run time: tex`…` renders TeX to an HTML element with KaTeX (served locally).
// Formulas written in a page's Markdown are rendered at build time instead (src/build/katex-plugin.ts).
import katex from "katex";

function render(source: string, displayMode: boolean): HTMLElement {
  const root = document.createElement(displayMode ? "div" : "span");
  katex.render(source, root, {displayMode, throwOnError: false, output: "htmlAndMathml"});
  return root;
}

/** Tagged template: tex`\sigma(${z})` → an inline formula. Interpolated values are inserted as text. */
export function tex(strings: TemplateStringsArray | string, ...values: unknown[]): HTMLElement {
  return render(typeof strings === "string" ? strings : String.raw({raw: strings}, ...values), false);
}

/** Display-mode variant: tex.block`…` → a centred formula on its own line. */
tex.block = (strings: TemplateStringsArray | string, ...values: unknown[]): HTMLElement =>
  render(typeof strings === "string" ? strings : String.raw({raw: strings}, ...values), true);

/** The TeX source rendered to an HTML string (for SVG foreignObject labels or innerHTML). */
export function texToString(source: string, displayMode = false): string {
  return katex.renderToString(source, {displayMode, throwOnError: false, output: "htmlAndMathml"});
}
