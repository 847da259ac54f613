// Types for the parts of Framework's browser runtime (observablehq:runtime, @observablehq/runtime 6) that live cells
// use, internals included. Framework is pinned to ~1.13; tests/browser/live-cells.test.ts covers the hook.
declare module "observablehq:runtime" {
  export interface Observer {
    pending?(): void;
    fulfilled?(value: unknown, name?: string | null): void;
    rejected?(error: unknown, name?: string | null): void;
    _node?: Element;
  }
  export interface Variable {
    _name: string | null;
    _type: number;
    _module: Module;
    _observer: Observer | symbol | boolean;
    _inputs: Variable[];
    _outputs: Set<Variable>;
    _fulfilled(value: unknown): void;
    define(name: string | null, inputs: string[], definition: (...args: never[]) => unknown): Variable;
    delete(): Variable;
  }
  export interface Module {
    _scope: Map<string, Variable>;
    _runtime: Runtime;
    variable(observer?: Observer | boolean, options?: unknown): Variable;
  }
  export class Runtime {
    constructor(builtins?: Record<string, unknown>);
    _variables: Set<Variable>;
    module(): Module;
  }
  export class Inspector {
    constructor(node: Element);
    fulfilled(value: unknown): void;
    rejected(error: unknown): void;
  }
  export class RuntimeError extends Error {
    input?: string;
  }
}

declare module "observablehq:stdlib" {
  export const Generators: {input(element: Element): AsyncGenerator<unknown>};
}

declare module "sucrase/dist/index.js" {
  export {transform} from "sucrase";
}
