// Formulas that code computes at run time: tex`…` renders TeX to an HTML element with KaTeX (served locally).
// Formulas written in a page's Markdown are rendered at build time instead (src/build/katex-plugin.ts), so most
// pages never need KaTeX's code: it is loaded (about 77 KB gzip) the first time a formula is rendered here.
import type Katex from "katex";

const OPTIONS = {throwOnError: false, output: "htmlAndMathml"} as const;

let katex: typeof Katex | undefined;
let loading: Promise<void> | undefined;

/** Loads KaTeX once; after this resolves, every function here renders synchronously. */
export function loadTex(): Promise<void> {
  loading ??= import("katex").then((module) => {
    katex = module.default;
  });
  return loading;
}

/**
 * Renders `source` into `element` (replacing its content): at once if KaTeX is loaded, otherwise when it arrives.
 * Meanwhile the element shows the TeX source, muted, and is marked aria-busy.
 */
export function renderTex(element: HTMLElement, source: string, displayMode = false): HTMLElement {
  const draw = (k: typeof Katex) => {
    element.removeAttribute("aria-busy");
    element.style.removeProperty("color");
    k.render(source, element, {...OPTIONS, displayMode});
  };
  if (katex) {
    draw(katex);
    return element;
  }
  element.textContent = source;
  element.setAttribute("aria-busy", "true");
  element.style.color = "var(--theme-foreground-muted)"; // muted, yet readable (opacity would fail contrast)
  const load = () =>
    loadTex().then(
      () => {
        if (element.textContent === source && katex) draw(katex); // unless something else was put there meanwhile
      },
      (error: Error) => {
        element.removeAttribute("aria-busy");
        element.textContent = `${source} (KaTeX could not be loaded: ${error.message})`;
      }
    );
  whenNearView(element, load);
  return element;
}

/**
 * Calls `fn` once `element` comes within a screen height of the viewport: a formula far down the page does not
 * make the reader download KaTeX before they get there. Without IntersectionObserver, at once.
 */
function whenNearView(element: HTMLElement, fn: () => void): void {
  if (typeof IntersectionObserver !== "function") {
    fn();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      fn();
    },
    {rootMargin: "100% 0px"}
  );
  observer.observe(element);
}

function render(source: string, displayMode: boolean): HTMLElement {
  return renderTex(document.createElement(displayMode ? "div" : "span"), source, displayMode);
}

const sourceOf = (strings: TemplateStringsArray | string, values: unknown[]) =>
  typeof strings === "string" ? strings : String.raw({raw: strings}, ...values);

/** Tagged template: tex`\sigma(${z})` → an inline formula. Interpolated values are inserted as text. */
export function tex(strings: TemplateStringsArray | string, ...values: unknown[]): HTMLElement {
  return render(sourceOf(strings, values), false);
}

/** Display-mode variant: tex.block`…` → a centred formula on its own line. */
tex.block = (strings: TemplateStringsArray | string, ...values: unknown[]): HTMLElement =>
  render(sourceOf(strings, values), true);

/**
 * The TeX source rendered to an HTML string (for SVG foreignObject labels or innerHTML). Needs KaTeX loaded:
 * `await loadTex()` first (tex`…` and renderTex do not).
 */
export function texToString(source: string, displayMode = false): string {
  if (!katex) throw new Error("texToString: KaTeX is not loaded yet; await loadTex() first, or use tex`…`.");
  return katex.renderToString(source, {...OPTIONS, displayMode});
}
