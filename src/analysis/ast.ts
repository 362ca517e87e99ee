import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';

/** Any node that has a body we treat as one function: `function f() {}`, `() => {}`, methods. */
export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;

/** `a.b`, `a['b']`, `a?.b` → `'b'`; computed non-constant names → `undefined`. */
export function staticMemberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  }
  return node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string'
    ? node.property.value
    : undefined;
}

/** Wrappers that do not change the value: `x!`, `x as T`, `<T>x`, `x satisfies T`, `a?.b` as a whole. */
const valueWrappers: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.ChainExpression,
]);

/** Strips `(x)`-free wrappers that do not change the value: `x!`, `x as T`, `<T>x`, `x satisfies T`. */
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.ChainExpression
  ) {
    current = current.expression;
  }
  return current;
}

/**
 * The function a call names, type wrappers and the compilers' indirect form left out: TypeScript
 * and Babel call an imported function as `(0, helper_1.helper)(…)`, without a `this`, which runs
 * `helper_1.helper` all the same.
 */
export function calledFunction(call: TSESTree.CallExpression): TSESTree.Node {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.SequenceExpression || callee.expressions.length !== 2) return callee;
  const [first, last] = callee.expressions;
  return first?.type === AST_NODE_TYPES.Literal && last ? skipTypeWrappers(last) : callee;
}

/**
 * The outermost node that only wraps `node` without changing its value, the other way from
 * {@link skipTypeWrappers}: `x` in `(x as Redis)!` → the whole; with `throughAwait`, `await x` too.
 */
export function outermostWrapper(node: TSESTree.Node, options: { throughAwait?: boolean } = {}): TSESTree.Node {
  let current = node;
  while (current.parent && (valueWrappers.has(current.parent.type) || (options.throughAwait && current.parent.type === AST_NODE_TYPES.AwaitExpression))) {
    current = current.parent;
  }
  return current;
}

/** For `target.method(...)` returns `{ target, method }`, e.g. `sub.subscribe('x')` → `{ sub, 'subscribe' }`. */
export function methodCallParts(
  node: TSESTree.Node,
): { target: TSESTree.Expression; method: string; member: TSESTree.MemberExpression } | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipTypeWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = staticMemberName(callee);
  return method === undefined ? undefined : { target: callee.object, method, member: callee };
}

export function isFunctionNode(node: TSESTree.Node | undefined): node is FunctionNode {
  return ASTUtils.isFunction(node);
}

/** An IIFE or a `new Promise` executor: it runs right away, as part of the code around it. */
export function runsImmediately(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === fn) return true;
  return (
    parent.type === AST_NODE_TYPES.NewExpression &&
    parent.arguments[0] === fn &&
    parent.callee.type === AST_NODE_TYPES.Identifier &&
    parent.callee.name === 'Promise'
  );
}

/** Whether `root` awaits (`await`, `for await`, a compiled `yield`) in its own code, not in functions it defines. */
export function containsAwait(root: TSESTree.Node): boolean {
  let found = false;
  walk(root, (node) => {
    if (found || (node !== root && isFunctionNode(node))) return false;
    if (awaitedBy(node) !== undefined || (node.type === AST_NODE_TYPES.ForOfStatement && node.await)) found = true;
    return !found;
  });
  return found;
}

/**
 * The helpers compilers write an `async` function as, handed its body as a generator: TypeScript's
 * `__awaiter`, esbuild's `__async`, Babel's `_asyncToGenerator`, swc's `_async_to_generator`.
 */
const compiledAsyncHelpers: ReadonlySet<string> = new Set(['__awaiter', '__async', '_asyncToGenerator', 'asyncToGenerator', '_async_to_generator']);

/** The runtime packages that export those helpers: `tslib`, and Babel's and swc's helper modules. */
const helperRuntime = /^(?:tslib|@babel\/runtime(?:-corejs\d)?\/helpers\/(?:esm\/)?asyncToGenerator(?:\.js)?|@swc\/helpers\/(?:_\/|src\/)?_async_to_generator(?:\.m?js)?)$/;

/**
 * How the file's bindings reach a compiled-async helper: `'helper'` is one (declared in the file,
 * `import { __awaiter } from 'tslib'`, Babel's `require('@babel/runtime/helpers/asyncToGenerator')`),
 * `'runtime'` is a module of them (`const tslib_1 = require('tslib')` → `tslib_1.__awaiter`, Babel's
 * `_interopRequireDefault(require(…))` → `(0, _asyncToGenerator2.default)`).
 */
type HelperBinding = 'helper' | 'runtime';

const helperBindingsByProgram = new WeakMap<TSESTree.Program, ReadonlyMap<string, HelperBinding>>();

/** The compiled-async helper bindings `program` declares or imports, found once per file. */
function helperBindings(program: TSESTree.Program): ReadonlyMap<string, HelperBinding> {
  let bindings = helperBindingsByProgram.get(program);
  if (bindings) return bindings;
  const found = new Map<string, HelperBinding>();
  const runtimeOf = (node: TSESTree.Node | null | undefined): string | undefined => {
    const inner = node && skipTypeWrappers(node);
    if (inner?.type !== AST_NODE_TYPES.CallExpression) return undefined;
    // `_interopRequireDefault(require('…'))` and `__importStar(require('…'))`: the module, wrapped.
    const source = isRequireCall(inner) ? staticString(inner.arguments[0]) : runtimeOf(inner.arguments[0]);
    return source !== undefined && helperRuntime.test(source) ? source : undefined;
  };
  walk(program, (node) => {
    if ((node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.TSDeclareFunction) && node.id && compiledAsyncHelpers.has(node.id.name)) {
      found.set(node.id.name, 'helper');
    } else if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier) {
      const runtime = runtimeOf(node.init);
      if (runtime !== undefined && node.init) {
        // Babel's helper module is itself the function as well as its `default`.
        found.set(node.id.name, runtime === 'tslib' || !isRequireCall(skipTypeWrappers(node.init)) ? 'runtime' : 'helper');
      } else if (compiledAsyncHelpers.has(node.id.name)) {
        found.set(node.id.name, 'helper');
      }
    } else if (node.type === AST_NODE_TYPES.ImportDeclaration && helperRuntime.test(node.source.value)) {
      for (const specifier of node.specifiers) {
        const imported =
          specifier.type !== AST_NODE_TYPES.ImportSpecifier
            ? undefined
            : specifier.imported.type === AST_NODE_TYPES.Identifier
              ? specifier.imported.name
              : specifier.imported.value;
        if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) found.set(specifier.local.name, 'runtime');
        else if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier || imported === '_' || (imported !== undefined && compiledAsyncHelpers.has(imported))) {
          found.set(specifier.local.name, 'helper');
        }
      }
    }
  });
  bindings = found;
  helperBindingsByProgram.set(program, bindings);
  return bindings;
}

function isRequireCall(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require';
}

/** The Program `node` belongs to. */
function programOf(node: TSESTree.Node): TSESTree.Program | undefined {
  let current: TSESTree.Node | undefined = node;
  while (current?.parent) current = current.parent;
  return current?.type === AST_NODE_TYPES.Program ? current : undefined;
}

/**
 * Whether `fn` is an `async` function as a compiler wrote it for an older target: a generator that
 * is the last argument of a compiler's helper, whose `yield` is an `await`. The helper is known by
 * where it comes from, not only its name: declared in the file, or imported from its runtime.
 * `__awaiter(this, void 0, void 0, function* () { … })`, `tslib_1.__awaiter(…)`,
 * `(0, _asyncToGenerator2.default)(function* () { … })`.
 */
export function isCompiledAsync(fn: FunctionNode | undefined): boolean {
  const call = fn?.parent;
  if (!fn?.generator || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[call.arguments.length - 1] !== fn) return false;
  const callee = calledFunction(call);
  const program = programOf(call);
  if (!program) return false;
  if (callee.type === AST_NODE_TYPES.Identifier) return helperBindings(program).get(callee.name) === 'helper';
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
  const member = staticMemberName(callee);
  const binding = helperBindings(program).get(callee.object.name);
  return binding !== undefined && member !== undefined && (member === 'default' || compiledAsyncHelpers.has(member));
}

/** What `node` awaits: `x` of `await x`, or of `yield x` in a compiled async function; else `undefined`. */
export function awaitedBy(node: TSESTree.Node): TSESTree.Expression | undefined {
  if (node.type === AST_NODE_TYPES.AwaitExpression) return node.argument;
  if (node.type !== AST_NODE_TYPES.YieldExpression || node.delegate || !node.argument) return undefined;
  return isCompiledAsync(enclosingFunction(node)) ? node.argument : undefined;
}

/** The name a call is made by: `setTimeout(…)` → `setTimeout`, `timers.setTimeout(…)` → `setTimeout`. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : undefined;
}

/** The innermost function containing `node` (not `node` itself), or `undefined` at module level. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

/** The statement that holds `node` directly inside a block or program body. */
export function enclosingStatement(node: TSESTree.Node): TSESTree.Statement | undefined {
  for (let current: TSESTree.Node | undefined = node; current?.parent; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (
      parent.type === AST_NODE_TYPES.BlockStatement ||
      parent.type === AST_NODE_TYPES.Program ||
      parent.type === AST_NODE_TYPES.StaticBlock ||
      parent.type === AST_NODE_TYPES.SwitchCase
    ) {
      return current as TSESTree.Statement;
    }
    if (isFunctionNode(parent)) return undefined;
  }
  return undefined;
}

/** Whether `inner` lies inside `outer` (or is it). */
export function isInside(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * A reference text that identifies the same object again, or `undefined` for expressions that
 * may produce a new value each time: `this.conn` → `'this.conn'`, `makeEmitter()` → `undefined`.
 */
export function stableReferenceText(node: TSESTree.Node): string | undefined {
  const inner = skipTypeWrappers(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Identifier:
      return inner.name;
    case AST_NODE_TYPES.ThisExpression:
      return 'this';
    case AST_NODE_TYPES.Super:
      return 'this';
    case AST_NODE_TYPES.MemberExpression: {
      const object = stableReferenceText(inner.object);
      if (object === undefined) return undefined;
      if (inner.property.type === AST_NODE_TYPES.PrivateIdentifier) return `${object}.#${inner.property.name}`;
      const name = staticMemberName(inner);
      return name === undefined ? undefined : `${object}.${name}`;
    }
    default:
      return undefined;
  }
}

/**
 * The expression a compiler's temporary stands for where optional chaining was down-levelled:
 * Babel's `(_io = io) == null || _io.disconnect()` and TypeScript's `(_a = this.io) === null ||
 * _a === void 0 ? void 0 : _a.disconnect()` both call `disconnect` on `io`. `receiver` is the
 * temporary at the call; the guard that assigns it must be the test the call is guarded by.
 */
export function downlevelledChainTarget(receiver: TSESTree.Node): TSESTree.Expression | undefined {
  if (receiver.type !== AST_NODE_TYPES.Identifier) return undefined;
  let child: TSESTree.Node = receiver;
  for (let node: TSESTree.Node | undefined = receiver.parent; node && !isFunctionNode(node) && !isStatement(node); child = node, node = node.parent) {
    // The branch the call is in must be the one taken when the temporary is not nullish: the call
    // runs when the test is false (`||`, the alternate), so the test must check for nullish.
    let guard: { test: TSESTree.Node; runsWhenTrue: boolean } | undefined;
    if (node.type === AST_NODE_TYPES.LogicalExpression && node.right === child && node.operator !== '??') {
      guard = { test: node.left, runsWhenTrue: node.operator === '&&' };
    } else if (node.type === AST_NODE_TYPES.ConditionalExpression && node.test !== child) {
      guard = { test: node.test, runsWhenTrue: node.consequent === child };
    }
    const assigned = guard && nullGuardAssignment(guard.test, receiver.name, !guard.runsWhenTrue);
    if (assigned) return assigned;
  }
  return undefined;
}

/**
 * In a test that checks the temporary `name` for nullish (`(_a = X) == null`, `(_a = X) === null ||
 * _a === void 0`) or, when `checksNullish` is false, for not nullish (`!=`, `!==` joined by `&&`):
 * the `X` assigned to it.
 */
function nullGuardAssignment(test: TSESTree.Node, name: string, checksNullish: boolean): TSESTree.Expression | undefined {
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === (checksNullish ? '||' : '&&')) return nullGuardAssignment(test.left, name, checksNullish);
  if (test.type !== AST_NODE_TYPES.BinaryExpression || !(checksNullish ? ['==', '==='] : ['!=', '!==']).includes(test.operator)) return undefined;
  const assignment = test.left;
  const nullish = test.right.type === AST_NODE_TYPES.Literal ? test.right.value === null : test.right.type === AST_NODE_TYPES.UnaryExpression && test.right.operator === 'void';
  if (!nullish || assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') return undefined;
  return assignment.left.type === AST_NODE_TYPES.Identifier && assignment.left.name === name ? assignment.right : undefined;
}

function isStatement(node: TSESTree.Node): boolean {
  return node.type.endsWith('Statement') || node.type.endsWith('Declaration');
}

/** The root identifier or `this` of a member chain: `this.a.b` → `this`, `opts.emitter` → `opts`. */
export function referenceRoot(node: TSESTree.Node): TSESTree.Identifier | TSESTree.ThisExpression | undefined {
  let inner = skipTypeWrappers(node);
  while (inner.type === AST_NODE_TYPES.MemberExpression) inner = skipTypeWrappers(inner.object);
  if (inner.type === AST_NODE_TYPES.Identifier || inner.type === AST_NODE_TYPES.ThisExpression) return inner;
  return undefined;
}

/** The value of a string literal or a template without expressions. */
export function staticString(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** `{ a: 1 }` → the property node for key `a`, looking only at plain, non-computed keys. */
export function findObjectProperty(
  object: TSESTree.ObjectExpression,
  key: string,
): TSESTree.Property | undefined {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name =
      property.key.type === AST_NODE_TYPES.Identifier && !property.computed
        ? property.key.name
        : staticString(property.key);
    if (name === key) return property;
  }
  return undefined;
}


/** A short, single-line rendering of a node's source for messages: `sub.subscribe('new-task')`. */
export function shortText(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, limit = 60): string {
  const text = sourceCode.getText(node).replace(/\s+/g, ' ');
  if (text.length <= limit) return text;
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
    const callee = sourceCode.getText(node.callee).replace(/\s+/g, ' ');
    if (callee.length + 7 <= limit) return `${node.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${callee}(…)`;
  }
  return `${text.slice(0, limit - 1)}…`;
}

/** The name a function is known by: declaration name, variable it is assigned to, method key. */
export function functionName(node: FunctionNode): string | undefined {
  if (node.id) return node.id.name;
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition ||
      parent.type === AST_NODE_TYPES.Property ||
      parent.type === AST_NODE_TYPES.PropertyDefinition) &&
    !parent.computed
  ) {
    if (parent.key.type === AST_NODE_TYPES.Identifier) return parent.key.name;
    if (parent.key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${parent.key.name}`;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression) {
    return stableReferenceText(parent.left);
  }
  return undefined;
}

/**
 * The line a node starts on, from the text of its file: files followed into are parsed without
 * `loc` (three objects per node that only these messages read). `startLine(sourceCode, call)` → 12.
 */
export function startLine(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): number {
  return sourceCode.getLocFromIndex(node.range[0]).line;
}

/**
 * Visits `root` and every node below it, depth first in source order, with the node's parent;
 * returning `false` from `visit` skips that node's children. Independent of the parser's visitor
 * keys and of `parent` links, so it also walks trees no linter has prepared. A program's `tokens`
 * and `comments` are not nodes and are not visited.
 */
export function walk(
  root: TSESTree.Node,
  visit: (node: TSESTree.Node, parent: TSESTree.Node | undefined) => unknown,
): void {
  // Two parallel stacks rather than a pair per node: this runs over whole files.
  const nodes: TSESTree.Node[] = [root];
  const parents: (TSESTree.Node | undefined)[] = [undefined];
  for (let node = nodes.pop(); node; node = nodes.pop()) {
    const parent = parents.pop();
    if (visit(node, parent) === false || isLeaf(node)) continue;
    const first = nodes.length;
    for (const key in node) {
      if (key === 'parent' || key === 'loc' || key === 'range' || key === 'tokens' || key === 'comments') continue;
      const child: unknown = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) {
          if (isNode(item)) {
            nodes.push(item);
            parents.push(node);
          }
        }
      } else if (isNode(child)) {
        nodes.push(child);
        parents.push(node);
      }
    }
    // The children went on in source order: reverse them so that the first comes off first.
    for (let i = first, j = nodes.length - 1; i < j; i++, j--) {
      const swap = nodes[i] as TSESTree.Node;
      nodes[i] = nodes[j] as TSESTree.Node;
      nodes[j] = swap;
    }
  }
}

/** Node types that hold no nodes, in every parser's trees: nearly half the nodes of a file, not worth a look at their properties. */
const leafTypes: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateElement,
  AST_NODE_TYPES.ThisExpression,
  AST_NODE_TYPES.Super,
  AST_NODE_TYPES.PrivateIdentifier,
  AST_NODE_TYPES.EmptyStatement,
  AST_NODE_TYPES.DebuggerStatement,
]);

/** A node with no child nodes: a leaf type, or an identifier with no type annotation or decorators (TypeScript trees give it those). */
function isLeaf(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.typeAnnotation === undefined && (node.decorators === undefined || node.decorators.length === 0);
  return leafTypes.has(node.type);
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The condition a node branches on: an `if`'s or `?:`'s test, a `&&`/`||`/`??`'s left side. */
export function conditionTest(node: TSESTree.Node): TSESTree.Expression | undefined {
  if (node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression) return node.test;
  return node.type === AST_NODE_TYPES.LogicalExpression ? node.left : undefined;
}

/**
 * The function a value is: written inline, or named by a function declaration or a variable
 * defined once and never reassigned (`function onEnd() {}`, `const onEnd = () => …`).
 */
export function functionValue(sourceCode: Pick<TSESLint.SourceCode, 'getScope'>, node: TSESTree.Node): FunctionNode | undefined {
  const inner = skipTypeWrappers(node);
  if (isFunctionNode(inner)) return inner;
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(inner), inner);
  const definition = variable?.defs[0];
  if (!variable || !definition || variable.defs.length > 1) return undefined;
  if (definition.type === 'FunctionName' && isFunctionNode(definition.node)) return definition.node;
  if (definition.type !== 'Variable' || isReassigned(variable)) return undefined;
  const init = definition.node.init && skipTypeWrappers(definition.node.init);
  return init && isFunctionNode(init) ? init : undefined;
}

/** Whether a variable is assigned again after its declaration: `let child = spawn(cmd); … child = spawn(cmd);`. */
export function isReassigned(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => reference.isWrite() && !reference.init);
}

/**
 * Whether a scope is a file's top level: the global scope, an ES module's scope, or the function
 * scope ESLint wraps a CommonJS file in (`sourceType: 'commonjs'`, whose block is the Program).
 * `const bus = new EventEmitter()` at the top of a CommonJS file → `true`.
 */
export function isTopLevelScope(scope: TSESLint.Scope.Scope): boolean {
  return scope.type === 'module' || scope.type === 'global' || (scope.type === 'function' && scope.block.type === AST_NODE_TYPES.Program);
}

/** The variable naming a function: `function poll() {}` → `poll`, `const poll = () => …` → `poll`. */
export function namedFunctionVariable(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): TSESLint.Scope.Variable | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    const name = fn.id.name;
    return sourceCode.getDeclaredVariables(fn).find((variable) => variable.name === name);
  }
  if (fn.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier) {
    return sourceCode.getDeclaredVariables(fn.parent)[0];
  }
  return undefined;
}

/** The expressions `fn` returns: an arrow's body, each `return x` outside nested functions; none when it may return nothing. */
export function returnedValues(fn: FunctionNode): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const values: TSESTree.Node[] = [];
  let bare = false;
  walk(fn.body, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) values.push(node.argument);
      else bare = true;
    }
    return true;
  });
  // `if (!host) return;`: sometimes nothing; the caller may not own a connection then either,
  // but a function that can return nothing is not judged as a factory.
  return bare ? [] : values;
}
