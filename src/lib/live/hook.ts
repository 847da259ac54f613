// The one hook into Framework's runtime. Framework's browser client creates the page's runtime module (`main`) but
// exports only `define`; live cells need `main` to (re)define their variables next to the page's ordinary cells.
// The page's live-cell setup cell (emitted by the build plugin) resolves to `{__live: live}`: when a variable
// fulfils with that marker, it is the setup cell, and its module is `main`. The hook stays: in preview, Framework
// may run the setup cell again after an edit of the page. Covered by the browser tests.
import {type Module, Runtime, type Variable} from "observablehq:runtime";

export function onPageModule(marker: object, callback: (main: Module) => void): void {
  // Variable.prototype is shared by every runtime created from this module, including Framework's.
  const proto = Object.getPrototypeOf(new Runtime().module().variable()) as Variable;
  const original = proto._fulfilled;
  proto._fulfilled = function (this: Variable, value: unknown) {
    if ((value as {__live?: unknown} | null)?.__live === marker) callback(this._module);
    return original.call(this, value);
  };
}
