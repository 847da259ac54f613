// Names that a cell's free references may use without them being inputs from other cells: the language's and the
// browser's globals. (A global missing from this list still works: the runtime falls back to globalThis.)
export const GLOBALS: ReadonlySet<string> = new Set(
  `Array ArrayBuffer AggregateError AbortController AbortSignal atob BigInt BigInt64Array BigUint64Array Blob Boolean
  btoa cancelAnimationFrame clearInterval clearTimeout console crypto CustomEvent DataView Date decodeURI
  decodeURIComponent devicePixelRatio document DOMParser encodeURI encodeURIComponent Error EvalError Event EventTarget
  fetch File FileReader Float32Array Float64Array FormData Function globalThis Headers HTMLElement Image ImageData
  Infinity Int16Array Int32Array Int8Array IntersectionObserver Intl isFinite isNaN JSON localStorage location Map Math
  MutationObserver NaN navigator Node Number Object OffscreenCanvas parseFloat parseInt performance Promise Proxy
  queueMicrotask RangeError ReferenceError Reflect RegExp requestAnimationFrame ResizeObserver Response Set
  setInterval setTimeout String structuredClone SVGElement Symbol SyntaxError TextDecoder TextEncoder TypeError
  Uint16Array Uint32Array Uint8Array Uint8ClampedArray undefined URIError URL URLSearchParams WeakMap WeakRef WeakSet
  window Worker`.split(/\s+/)
);

/**
 * Names the live-cell runtime supplies to each run of a cell, not cells of the page: display, view, invalidation,
 * timers that are cleared when the run is replaced, and `window` and `document` whose event listeners are removed
 * then (so a rerun never leaves the old run's timers or listeners going).
 */
export const CELL_SPECIALS: ReadonlySet<string> = new Set([
  "display",
  "invalidation",
  "view",
  "setTimeout",
  "setInterval",
  "requestAnimationFrame",
  "window",
  "document"
]);
