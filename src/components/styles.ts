// A component's own stylesheet, added to the document once however many copies of the component a page shows
// (the shared rules live in theme.ts).

/** Adds `css` in a <style id="…"> element unless the document has it already. */
export function addStyles(id: string, css: string, doc: Document = document): void {
  if (doc.getElementById(id)) return;
  const style = doc.createElement("style");
  style.id = id;
  style.textContent = css;
  doc.head.append(style);
}
