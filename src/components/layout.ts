// Layout: figures side by side on a wide page, one under the other on a narrow one (each at least 300 px wide).
// Components that follow their container's width redraw to fit.

/** A row of elements that wraps onto several lines when there is no room. */
export function sideBySide(...elements: HTMLElement[]): HTMLDivElement {
  const row = document.createElement("div");
  row.className = "nn-side-by-side";
  row.style.cssText = "display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: flex-start";
  for (const element of elements) {
    element.style.flex = "1 1 300px";
    element.style.minWidth = "0";
    row.append(element);
  }
  return row;
}
