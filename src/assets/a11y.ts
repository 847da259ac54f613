// Accessibility fixes for the page markup that Observable Framework 1.13 writes itself (the sidebar, the table of
// contents, the pager), which its configuration cannot change; plus the skip link and keyboard access to scrolling
// regions, for every page. (The page's language and a zoomable viewport come from the patch in src/build/patches.)
// Loaded from the config's `head` as a module, so it runs once the page's markup is parsed.
import {pageLang, t} from "../lib/i18n.js";

/** Sets the attributes on `element` (when it exists). */
function set(element: Element | null, attributes: Record<string, string>): void {
  for (const [name, value] of Object.entries(attributes)) element?.setAttribute(name, value);
}

// Three <nav> landmarks need names to be told apart.
set(document.querySelector("#observablehq-sidebar"), {"aria-label": t("a11y.sidebar")});
set(document.querySelector("#observablehq-toc nav"), {"aria-label": t("a11y.toc")});
set(document.querySelector("#observablehq-footer nav"), {"aria-label": t("a11y.pager")});

// The sidebar's close control is a <label> inside the page list, where only list items belong.
const closeControl = document.querySelector("#observablehq-sidebar-close");
closeControl?.parentElement?.before(closeControl);

/**
 * The sidebar toggle is a checkbox named only by its title, outside any landmark. As a toggle button with a name
 * and a pressed state it is announced for what it does; Enter works as well as Space, as on any button.
 */
const toggle = document.querySelector<HTMLInputElement>("#observablehq-sidebar-toggle");
if (toggle) {
  // Unchecked-but-indeterminate is Framework's "not chosen yet": the sidebar shows on a wide screen only.
  const wide = matchMedia("(min-width: calc(640px + 6rem + 272px))");
  const sync = () => {
    const shown = toggle.indeterminate ? wide.matches : toggle.checked;
    toggle.setAttribute("aria-pressed", String(shown));
  };
  set(toggle, {role: "button", "aria-label": t("a11y.toggle"), "aria-controls": "observablehq-sidebar"});
  toggle.addEventListener("change", sync);
  toggle.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    toggle.click();
  });
  wide.addEventListener("change", sync);
  sync();
}

// A skip link, the first Tab stop of every page: past the sidebar and the table of contents to the text.
const main = document.querySelector<HTMLElement>("#observablehq-main");
if (main) {
  const skip = document.createElement("a");
  skip.className = "skip-link";
  skip.href = "#observablehq-main";
  skip.textContent = t("a11y.skip");
  skip.addEventListener("click", (event) => {
    event.preventDefault();
    main.tabIndex = -1;
    main.focus();
    main.scrollIntoView();
  });
  document.body.prepend(skip);
}

/**
 * Code, formulas, matrices and outputs wider than the page scroll sideways. A region that scrolls must be reachable
 * by Tab, so that arrow keys can scroll it: each one that overflows gets a Tab stop and a name, and loses them when
 * it no longer overflows (after a resize, or when its content changes). Elements that are focusable already, or
 * that hold something focusable, are left alone.
 */
const zh = pageLang() === "zh";
const SCROLLERS: [selector: string, name: string][] = [
  ["pre", zh ? "代码" : "Code"],
  [".katex-display", zh ? "公式" : "Formula"],
  [".nn-scroll", zh ? "矩阵" : "Matrix"],
  [".live-matrix__scroll", zh ? "矩阵" : "Matrix"],
  [".live-cell__output", zh ? "单元的输出" : "Output of the cell"],
  [".observablehq--inspect", zh ? "值" : "Value"],
  ['[style*="overflow"]', zh ? "宽内容" : "Wide content"]
];
const SIDEWAYS = zh ? "，可左右滚动" : ", scrolls sideways";
const MARK = "data-scroll-focus";
const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"]), [contenteditable]';

function scrolls(element: Element): boolean {
  const style = getComputedStyle(element);
  const scrollable = (overflow: string) => overflow === "auto" || overflow === "scroll";
  return (
    (element.scrollWidth > element.clientWidth + 1 && scrollable(style.overflowX)) ||
    (element.scrollHeight > element.clientHeight + 1 && scrollable(style.overflowY))
  );
}

function updateScrollers(): void {
  for (const [selector, name] of SCROLLERS) {
    for (const element of document.querySelectorAll<HTMLElement>(`#observablehq-main ${selector}`)) {
      const marked = element.hasAttribute(MARK);
      if (!marked && (element.hasAttribute("tabindex") || element.querySelector(FOCUSABLE))) continue;
      const needed = scrolls(element);
      if (needed && !marked) {
        element.setAttribute(MARK, "");
        element.tabIndex = 0;
        if (!element.hasAttribute("role")) element.setAttribute("role", "group");
        if (!element.hasAttribute("aria-label")) element.setAttribute("aria-label", `${name}${SIDEWAYS}`);
      } else if (!needed && marked) {
        element.removeAttribute(MARK);
        element.removeAttribute("tabindex");
        if (element.getAttribute("role") === "group") element.removeAttribute("role");
        if (element.getAttribute("aria-label")?.endsWith(SIDEWAYS)) element.removeAttribute("aria-label");
      }
    }
  }
}

/**
 * A table header that is only a formula has no text for axe's rules, which skip MathML: the formula's <math> gets
 * its own text as its name (for x_1, "x1"), read in place of the MathML by screen readers that do not speak math.
 */
function nameHeaderFormulas(): void {
  for (const math of document.querySelectorAll("#observablehq-main th .katex-mathml math:not([aria-label])")) {
    const text = math.querySelector("semantics")?.firstElementChild?.textContent?.trim();
    if (text) math.setAttribute("aria-label", text);
  }
}

// Outputs change many times a second while a network trains: look again at most every 250 ms. The attribute on
// <html> says that a look is due (tests wait for it to go).
let scheduled = false;
function scheduleScrollers(): void {
  if (scheduled) return;
  scheduled = true;
  document.documentElement.setAttribute("data-a11y-pending", "");
  setTimeout(() => {
    scheduled = false;
    updateScrollers();
    nameHeaderFormulas();
    document.documentElement.removeAttribute("data-a11y-pending");
  }, 250);
}
if (main) {
  new MutationObserver(scheduleScrollers).observe(main, {childList: true, subtree: true, characterData: true});
  addEventListener("resize", scheduleScrollers);
  updateScrollers();
  nameHeaderFormulas();
}
