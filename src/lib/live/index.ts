// Entry point of live cells in the browser, imported by the setup cell the build plugin adds to each page with live
// cells. It attaches to Framework's runtime (hook.ts), takes over the hidden host cells, and offers a small API for
// features built on live cells (exercises): run a cell, read or replace its source, reset it, hear about its runs.
import type {Observer, Variable} from "observablehq:runtime";
import {onPageModule} from "./hook.js";
import {errorBox} from "./output.js";
import {type CellData, LiveCell, LivePage, type RunResult} from "./runtime.js";
import {attachUi, type CellUi} from "./ui.js";

export type {RunResult} from "./runtime.js";

let page: LivePage | null = null;
let uis = new Map<string, CellUi>();
let started: () => void;
const ready = new Promise<void>((resolve) => (started = resolve));

function ui(id: string): CellUi {
  const found = uis.get(id);
  if (!found) throw new Error(`No live cell "${id}" on this page`);
  return found;
}

export const live = {
  /** Resolves once the page's live cells are attached (they start running then). */
  ready,
  /** The host cells' placeholder: runs only if attaching failed, and says so. */
  host(): never {
    throw new Error("Live cells could not attach to the page's runtime: reload the page.");
  },
  ids: (): string[] => [...uis.keys()],
  /** Calls `listener` after each run of the cell ends (done or error); returns a function that stops it. */
  onRun(id: string, listener: (result: RunResult) => void): () => void {
    const cell = ui(id).cell;
    cell.listeners.add(listener);
    return () => cell.listeners.delete(listener);
  },
  getSource: (id: string): string => ui(id).cell.source,
  /** Replaces the cell's source (saved like an edit) and runs it. */
  setSource: (id: string, source: string): Promise<void> => ui(id).setSource(source),
  run: (id: string): Promise<void> => ui(id).run(),
  /** Back to the lesson's source. */
  reset: (id: string): void => ui(id).reset(),
  edit: (id: string): Promise<unknown> => ui(id).edit(true)
};

const attached = new WeakSet<Element>();

function start(main: LivePage["main"]): void {
  page = new LivePage(main);
  // The host cells are the variables whose Framework observer displays into a live cell's hidden host element.
  const hosts = new Map<Element, Variable>();
  for (const v of main._runtime._variables) {
    const node = typeof v._observer === "object" ? (v._observer as Observer)._node : undefined;
    if (node) hosts.set(node, v);
  }
  for (const root of document.querySelectorAll<HTMLElement>("[data-live-cell]")) {
    const element = root.querySelector(".live-cell__host > .observablehq");
    const host = element && hosts.get(element);
    const json = root.querySelector("script[data-live-data]")?.textContent;
    if (attached.has(root)) continue;
    if (!host || !json) {
      root.dataset.state = "error";
      root
        .querySelector("[data-cell-output]")
        ?.replaceChildren(errorBox("This live cell could not start: reload the page."));
      continue;
    }
    attached.add(root);
    const hostId = /:([0-9a-f-]+):/.exec(element.innerHTML)?.[1] ?? root.dataset.liveCell;
    const data = JSON.parse(json) as CellData;
    page.cells.set(data.id, new LiveCell(page, root, data, host, String(hostId)));
  }
  uis = attachUi(page);
  started();
}

onPageModule(live, start);
