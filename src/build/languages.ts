// The language switch and the language memory, for every page (the config's header and head).
//
// - The switch is a plain link to the same page in the other language (or to that language's home page when the
//   page has no twin yet), so it works without JavaScript and with the keyboard. Following it records the choice.
// - The choice is kept in localStorage under "nn-course-lang" (outside the "nn-course:" progress prefix, so export,
//   import and reset of progress leave it alone).
// - With no choice recorded, a browser whose first language is Chinese that opens an English page is sent once to
//   its Chinese twin, and that is recorded as the choice. A recorded choice is applied only when the learner comes
//   into the site from elsewhere (a bookmark, a search engine, a typed address): a link followed inside the site, a
//   reload or Back is never redirected, so an explicit visit to the other language stands and nothing can loop.
import {existsSync} from "node:fs";
import {canonicalPath, type Lang, langOfPath, pathIn, t} from "../lib/i18n.js";

export const LANG_KEY = "nn-course-lang";

/** Does the page at `path` ("/zh/softmax", "/source/matrix") have a Markdown file of its own? */
function pageExists(path: string): boolean {
  return existsSync(new URL(`..${path}.md`, import.meta.url));
}

/** The page in `lang` that the switch leads to: the twin, else that language's home page. */
export function switchTarget(path: string, lang: Lang): {path: string; twin: boolean} {
  const twin = pathIn(path, lang);
  if (pageExists(twin) || (lang === "en" && canonicalPath(path) !== path && pageExists(canonicalPath(path))))
    return {path: twin, twin: true};
  return {path: lang === "en" ? "/index" : "/zh/index", twin: false};
}

/** A link from the page at `from` to the page at `to`, relative (so the site works under any base path). */
export function relativeHref(from: string, to: string): string {
  const depth = from.split("/").length - 2; // "/a" → 0, "/zh/a" → 1
  const target = to.endsWith("/index") ? to.slice(0, -"index".length) : to;
  return (depth > 0 ? "../".repeat(depth) : "./") + target.slice(1);
}

/** The header's switch: a link to this page in the other language, labelled in that language. */
export function languageSwitch(path: string): string {
  const other: Lang = langOfPath(path) === "zh" ? "en" : "zh";
  const {path: target, twin} = switchTarget(path, other);
  const title = twin ? t("switch.title", {}, langOfPath(path)) : other === "zh" ? "中文版首页" : "English home page";
  const hreflang = other === "zh" ? "zh-CN" : "en";
  return (
    `<nav class="lang-switch" aria-label="${other === "zh" ? "Language" : "语言"}">` +
    `<a href="${relativeHref(path, target)}" hreflang="${hreflang}" lang="${hreflang}" data-lang-switch="${other}" ` +
    `title="${title}">${t("switch.label", {}, langOfPath(path))}</a></nav>`
  );
}

/**
 * The head script (inline, so it runs before the page draws): records a click on the switch, and sends the learner
 * to the remembered or the browser's language as described above.
 */
export function languageHead(path: string): string {
  const here = langOfPath(path);
  const other: Lang = here === "zh" ? "en" : "zh";
  const target = switchTarget(path, other);
  const twin = target.twin ? relativeHref(path, target.path) : null;
  const script =
    `(function(){var K=${JSON.stringify(LANG_KEY)},here=${JSON.stringify(here)},twin=${JSON.stringify(twin)},s;` +
    "try{s=localStorage.getItem(K)}catch(e){return}" +
    'document.addEventListener("click",function(e){var a=e.target&&e.target.closest&&e.target.closest("a[data-lang-switch]");' +
    'if(a)try{localStorage.setItem(K,a.getAttribute("data-lang-switch"))}catch(e){}},true);' +
    "var go=function(){location.replace(twin+location.hash)};" +
    'if(s===null){var l=(navigator.languages&&navigator.languages[0])||navigator.language||"";' +
    'if(/^zh\\b/i.test(l)){try{localStorage.setItem(K,"zh")}catch(e){}if(here==="en"&&twin)go()}return}' +
    "if(s===here||!twin)return;" +
    'var n=performance.getEntriesByType&&performance.getEntriesByType("navigation")[0];' +
    'if(n&&n.type!=="navigate")return;' +
    "var r;try{r=document.referrer&&new URL(document.referrer).origin===location.origin}catch(e){r=false}" +
    "if(!r)go()})();";
  return `<script>${script}</script>`;
}
