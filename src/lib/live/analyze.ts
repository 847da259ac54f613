// Static analysis of one cell (already stripped of TypeScript): what it declares at its top level (its outputs),
// which names it uses without declaring them (its inputs), and where the compiler must edit it.
//
// The cell is parsed as the body of `async function* __cell() {…}` so that top-level `await` and `yield` parse;
// the wrapper is the cell's top-level scope. Scopes follow strict-mode JavaScript: let/const/class/function are
// block-scoped, var is function-scoped, parameters and `arguments` belong to their function.
import type {
  AnonymousClassDeclaration,
  AnonymousFunctionDeclaration,
  AnyNode,
  AssignmentExpression,
  CatchClause,
  ClassDeclaration,
  ClassExpression,
  Function as Func,
  FunctionDeclaration,
  Identifier,
  ImportDeclaration,
  Node,
  Pattern,
  Program,
  VariableDeclaration
} from "acorn";
import {ancestor} from "acorn-walk";

export interface Analysis {
  /** Top-level declared names, in source order: the cell's outputs. */
  declarations: Identifier[];
  /** Free references (first occurrence of each name): the cell's inputs, globals included. */
  references: Identifier[];
  imports: ImportDeclaration[];
  /** The expression of an expression cell (a cell that is one expression statement), else null. */
  expression: Node | null;
  topLevelAwait: boolean;
  topLevelYield: boolean;
  /** Positions just after `{` of every loop and function body, and loop bodies that are single statements. */
  guardBlocks: number[];
  guardStatements: Node[];
  /** Arrow functions with an expression body: the guard becomes part of a comma expression. */
  guardExpressions: Node[];
  /** Problems the cell has even though it parses: [message, node]. */
  errors: [string, Node][];
}

function isFunction(node: Node): node is Func {
  return (
    node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression"
  );
}

function isBlockScope(node: Node): boolean {
  return (
    node.type === "BlockStatement" ||
    node.type === "StaticBlock" ||
    node.type === "SwitchStatement" ||
    node.type === "ForStatement" ||
    node.type === "ForInStatement" ||
    node.type === "ForOfStatement" ||
    node.type === "Program" ||
    isFunction(node)
  );
}

function isLoop(node: Node): node is Node & {body: Node} {
  return (
    node.type === "ForStatement" ||
    node.type === "ForInStatement" ||
    node.type === "ForOfStatement" ||
    node.type === "WhileStatement" ||
    node.type === "DoWhileStatement"
  );
}

/** Names bound by a binding pattern: `{a, b: [c = 1, ...d]}` → a, c, d. */
export function patternNames(pattern: Pattern, names: Identifier[] = []): Identifier[] {
  switch (pattern.type) {
    case "Identifier":
      names.push(pattern);
      break;
    case "ObjectPattern":
      for (const p of pattern.properties) patternNames(p.type === "Property" ? p.value : p.argument, names);
      break;
    case "ArrayPattern":
      for (const e of pattern.elements) if (e) patternNames(e, names);
      break;
    case "RestElement":
      patternNames(pattern.argument, names);
      break;
    case "AssignmentPattern":
      patternNames(pattern.left, names);
      break;
  }
  return names;
}

/** `program` must be `async function* __cell() {…}` wrapping the cell. */
export function analyze(program: Program): Analysis {
  const wrapper = program.body[0] as FunctionDeclaration;
  const top = wrapper.body;
  const locals = new Map<Node, Set<string>>();
  const declare = (scope: Node, name: string) => {
    const set = locals.get(scope);
    if (set) set.add(name);
    else locals.set(scope, new Set([name]));
  };
  // The closest enclosing node (not `parents`' last, the node itself) that passes `test`.
  const nearest = (parents: Node[], test: (node: Node) => boolean): Node => {
    for (let i = parents.length - 2; i >= 0; --i) if (test(parents[i])) return parents[i];
    return top;
  };
  const declareFunction = (node: Func) => {
    for (const param of node.params) for (const id of patternNames(param)) declare(node, id.name);
    if (node !== (wrapper as Node) && node.type !== "ArrowFunctionExpression") declare(node, "arguments");
  };

  // Pass 1: every binding, attached to the node that scopes it.
  ancestor(program, {
    VariableDeclaration(node: VariableDeclaration, _state: unknown, parents: Node[]) {
      const scope = nearest(parents, node.kind === "var" ? isFunction : isBlockScope);
      for (const d of node.declarations) for (const id of patternNames(d.id)) declare(scope, id.name);
    },
    FunctionDeclaration(node: FunctionDeclaration | AnonymousFunctionDeclaration, _state: unknown, parents: Node[]) {
      if (node.id) declare(node === wrapper ? program : nearest(parents, isBlockScope), node.id.name);
      declareFunction(node);
    },
    FunctionExpression(node: Func) {
      if (node.id) declare(node, node.id.name);
      declareFunction(node);
    },
    ArrowFunctionExpression: declareFunction,
    ClassDeclaration(node: ClassDeclaration | AnonymousClassDeclaration, _state: unknown, parents: Node[]) {
      if (node.id) declare(nearest(parents, isBlockScope), node.id.name);
    },
    ClassExpression(node: ClassExpression) {
      if (node.id) declare(node, node.id.name);
    },
    CatchClause(node: CatchClause) {
      if (node.param) for (const id of patternNames(node.param)) declare(node, id.name);
    },
    ImportDeclaration(node: ImportDeclaration) {
      for (const s of node.specifiers) declare(top, s.local.name);
    }
  });

  // Pass 2: references that no enclosing scope binds, and the places the compiler rewrites.
  const references: Identifier[] = [];
  const seen = new Set<string>();
  const errors: [string, Node][] = [];
  const guardBlocks: number[] = [];
  const guardStatements: Node[] = [];
  const guardExpressions: Node[] = [];
  const imports: ImportDeclaration[] = [];
  let topLevelAwait = false;
  let topLevelYield = false;
  const isFree = (name: string, parents: Node[]) => {
    for (let i = parents.length - 2; i >= 0; --i) if (locals.get(parents[i])?.has(name)) return false;
    return true;
  };
  // Inside the wrapper only: is no other function between `parents` and the cell's top level?
  const atTopLevel = (parents: Node[]) => !parents.some((p) => p !== wrapper && isFunction(p));
  const reference = (node: Identifier, _state: unknown, parents: Node[]) => {
    if (node.name === "undefined" || !isFree(node.name, parents)) return;
    if (node.name === "arguments") {
      errors.push(["`arguments` is only available inside a function, not at the top level of a cell", node]);
      return;
    }
    if (!seen.has(node.name)) {
      seen.add(node.name);
      references.push(node);
    }
  };
  const assigned = (target: Node, parents: Node[]) => {
    if (target.type === "Identifier" && isFree((target as Identifier).name, [...parents, target])) {
      const name = (target as Identifier).name;
      errors.push([
        `Cannot assign to ${name}: it is not declared in this cell (define it here, or change it where it is defined)`,
        target
      ]);
    }
  };
  ancestor(program, {
    Identifier: reference,
    Pattern(node: Node, _state: unknown, parents: Node[]) {
      if (node.type === "Identifier") reference(node as Identifier, undefined, parents);
    },
    AssignmentExpression(node: AssignmentExpression, _state: unknown, parents: Node[]) {
      for (const id of node.left.type === "MemberExpression" ? [] : patternNames(node.left as Pattern)) {
        assigned(id, parents);
      }
    },
    UpdateExpression(node: Node & {argument: Node}, _state: unknown, parents: Node[]) {
      assigned(node.argument, parents);
    },
    AwaitExpression(_node: Node, _state: unknown, parents: Node[]) {
      if (atTopLevel(parents)) topLevelAwait = true;
    },
    ForOfStatement(node: Node & {await: boolean}, _state: unknown, parents: Node[]) {
      if (node.await && atTopLevel(parents)) topLevelAwait = true;
    },
    YieldExpression(_node: Node, _state: unknown, parents: Node[]) {
      if (atTopLevel(parents)) topLevelYield = true;
    },
    ReturnStatement(node: Node, _state: unknown, parents: Node[]) {
      if (atTopLevel(parents))
        errors.push(["`return` is only allowed inside a function, not at the top level of a cell", node]);
    },
    ImportDeclaration(node: ImportDeclaration, _state: unknown, parents: Node[]) {
      if (parents.at(-2) !== top) errors.push(["`import` must be at the top level of the cell", node]);
      else imports.push(node);
    },
    ImportExpression(node: Node) {
      errors.push(["Dynamic import() is not available in live cells; use an import declaration", node]);
    },
    ExportNamedDeclaration(node: Node) {
      errors.push(["`export` is not needed in a cell: every top-level declaration is visible to other cells", node]);
    },
    ExportDefaultDeclaration(node: Node) {
      errors.push(["`export` is not needed in a cell: every top-level declaration is visible to other cells", node]);
    }
  });

  // Loop and function bodies get a guard (see guard.ts), so runaway code can be stopped.
  ancestor(program, {
    Function(node: Node) {
      const f = node as Func;
      if (f === wrapper) return;
      if (f.body.type === "BlockStatement") guardBlocks.push(f.body.start + 1);
      else guardExpressions.push(f.body);
    },
    Statement(node: Node) {
      if (!isLoop(node)) return;
      const body = node.body;
      if (body.type === "BlockStatement") guardBlocks.push(body.start + 1);
      else guardStatements.push(body);
    }
  });

  // The cell's own declarations first, then imported names (the first output names a cell, see the build plugin).
  const declarations: Identifier[] = [];
  const imported: Identifier[] = [];
  for (const child of top.body as AnyNode[]) {
    if (child.type === "VariableDeclaration")
      for (const d of child.declarations) declarations.push(...patternNames(d.id));
    else if ((child.type === "FunctionDeclaration" || child.type === "ClassDeclaration") && child.id)
      declarations.push(child.id);
    else if (child.type === "ImportDeclaration") for (const s of child.specifiers) imported.push(s.local);
  }
  declarations.push(...imported);
  const only = top.body.length === 1 ? top.body[0] : null;
  const expression = only?.type === "ExpressionStatement" ? only.expression : null;

  return {
    declarations,
    references,
    imports,
    expression,
    topLevelAwait,
    topLevelYield,
    guardBlocks,
    guardStatements,
    guardExpressions,
    errors
  };
}
