// The Playground's stylesheet: three columns (data, network, output) that wrap one under the other on a phone.
import {ensureStyles, h} from "../theme.js";

const CSS = `
.nn-pg { contain: layout paint; }
.nn-pg [hidden] { display: none !important; }
.nn-pg .nn-pg-title { font: 600 13px var(--sans-serif); margin: 0.25rem 0 0; color: var(--theme-foreground); }
.nn-pg input[type=range] { flex: 0 1 9rem; width: 9rem; }
.nn-pg .nn-pg-datarow { display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: center; }
.nn-pg .nn-pg-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin: 0.25rem 0 0.5rem; }
.nn-pg .nn-pg-epoch { font: 14px var(--monospace); min-width: 11ch; }
.nn-pg .nn-pg-group { margin: 0.25rem 0; gap: 0.4rem 1rem; }
.nn-pg .nn-pg-columns { display: flex; flex-wrap: wrap; gap: 1rem 1.5rem; align-items: flex-start; }
.nn-pg .nn-pg-column { flex: 1 1 300px; min-width: 0; display: flex; flex-direction: column; gap: 0.4rem; }
.nn-pg .nn-pg-column.nn-pg-wide { flex: 3 1 360px; }
.nn-pg .nn-pg-output { max-width: 480px; }
.nn-pg .nn-pg-file input[type=file] { max-width: 100%; font: 12px var(--sans-serif); }
.nn-pg .nn-pg-layers { display: flex; align-items: center; gap: 0.4rem; font: 13px var(--sans-serif); }
.nn-pg .nn-pg-scroll { overflow-x: auto; max-width: 100%; padding: 2px 0 6px; }
.nn-pg .nn-pg-stage { position: relative; }
.nn-pg .nn-pg-canvas { position: absolute; left: 0; top: 0; }
.nn-pg .nn-pg-head { position: absolute; top: 0; display: flex; flex-direction: column; gap: 2px; font: 11px var(--sans-serif);
  color: var(--theme-foreground-muted); white-space: nowrap; }
.nn-pg .nn-pg-plusminus { display: inline-flex; gap: 3px; }
.nn-pg .nn-pg-plusminus button, .nn-pg .nn-pg-layers button { padding: 0 0.45rem; min-width: 24px; min-height: 24px; line-height: 1; }
.nn-pg .nn-pg-node { position: absolute; padding: 0; margin: 0; border: 0; background: transparent; cursor: pointer; }
.nn-pg .nn-pg-node:focus-visible { outline: 3px solid var(--theme-foreground-focus); outline-offset: 2px; }
.nn-pg .nn-pg-tooltip { position: absolute; z-index: 2; pointer-events: none; max-width: 240px; padding: 0.2rem 0.4rem;
  font: 12px var(--sans-serif); background: var(--theme-background); color: var(--theme-foreground);
  border: 1px solid var(--theme-foreground-faint); border-radius: 4px; }
.nn-pg .nn-pg-editor { position: absolute; z-index: 3; display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; width: 230px;
  padding: 0.4rem; background: var(--theme-background); border: 1px solid var(--theme-foreground-muted); border-radius: 4px; }
.nn-pg .nn-pg-editor[hidden], .nn-pg .nn-pg-tooltip[hidden] { display: none; }
.nn-pg .nn-pg-editor input { width: 7rem; }
.nn-pg .nn-pg-editor-label { flex: 1 0 100%; font: 12px var(--sans-serif); }
.nn-pg .nn-pg-hint { font: 12px var(--sans-serif); color: var(--theme-foreground-muted); margin: 0; }
.nn-pg .nn-pg-map { position: relative; touch-action: none; }
.nn-pg .nn-pg-map:focus-visible { outline: 2px solid var(--theme-foreground-focus); outline-offset: 2px; }
.nn-pg .nn-pg-scores { font: 13px var(--monospace); min-height: 2.8em; white-space: pre-wrap; }
.nn-pg .nn-pg-card { border-top: 1px solid var(--theme-foreground-faintest); padding-top: 0.4rem; min-height: 4rem; }
.nn-pg .nn-pg-card-title { margin: 0 0 0.25rem; font: 13px var(--sans-serif); max-width: none; }
.nn-pg .nn-pg-card-map { margin: 0 0 0.25rem; font: 12px var(--sans-serif); color: var(--theme-foreground-muted); max-width: none; }
.nn-pg .nn-pg-card-formula { overflow-x: auto; max-width: 100%; }
.nn-pg .nn-pg-card-weights { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; font: 12px var(--sans-serif); }
.nn-pg .nn-pg-card-weights input { width: 6.5rem; }
.nn-pg .nn-pg-status { font: 13px var(--sans-serif); min-height: 1.4em; margin: 0.25rem 0; }
.nn-pg .nn-pg-files { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: center; }
.nn-pg .nn-pg-link input { width: min(28rem, 100%); font: 12px var(--monospace); }
.nn-pg details.nn-pg-table { font: 12px var(--sans-serif); max-width: 100%; overflow-x: auto; }
.nn-pg details.nn-pg-table table { font: 12px var(--monospace); margin: 0.25rem 0; }
.nn-pg details.nn-pg-table td, .nn-pg details.nn-pg-table th { padding: 0.05rem 0.35rem; text-align: right; }
`;

export function ensurePlaygroundStyles(): void {
  ensureStyles();
  if (document.getElementById("nn-pg-style")) return;
  document.head.append(h("style", {id: "nn-pg-style"}, CSS));
}
