import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import type { CallStart, StartKind } from './apis';
import { chainingMethods, handleEndOf } from './apis';
import type { FunctionNode } from './ast';
import { isFunctionNode, methodCallParts, returnedValues, skipTypeWrappers, staticMemberName } from './ast';
import type { AnalysisContext } from './fileCache';
import { perFile } from './fileCache';
import { fileIndex } from './fileIndex';
import type { Start } from './findStart';
import { handleUse } from './handleFate';
import { objectApiOf } from './objectApi';
import { isAssumingKinds } from './parameterKinds';
import { resolveCallee } from './resolveCallee';
import { storedThroughFactory } from './teardown';

/**
 * Starts a factory hands back to its caller, who must end them: connections, intervals and
 * watchers (`return setInterval(…)`, `return chokidar.watch(dir).on('add', f)`). A caller that
 * drops one, once per cron tick, leaks one per tick.
 */
const handedBackKinds: ReadonlySet<StartKind> = new Set(['connection', 'interval', 'watcher']);

/** Factories by function node (per file version), `null` when the function is not one. */
const factories = new WeakMap<FunctionNode, CallStart | null>();
/** Functions whose answer is being computed: a factory that returns its own call is none. */
const active = new Set<FunctionNode>();

/**
 * What a call to a factory opens: a function (same file, a method on `this`, a relative import,
 * with types any source file) whose every `return` hands back something it started and did not
 * end. The caller then owns it, as if it had made the call inside itself:
 *
 * `function connectTo(host) { return new Redis({ host }); } … const client = connectTo(h);`
 * → `connectTo(h)` opens a Redis connection.
 *
 * @param findStart how a returned value is judged a start (injected: `findStart` asks this module).
 */
export function factoryStart(
  context: AnalysisContext,
  call: TSESTree.CallExpression,
  findStart: (context: AnalysisContext, node: TSESTree.Node) => Start | undefined,
): CallStart | undefined {
  if (!mayCallFactory(context, call)) return undefined;
  const resolved = resolveCallee(context, call, 'factory');
  if (!resolved) return undefined;
  const { fn } = resolved;
  const known = isAssumingKinds() ? undefined : factories.get(fn);
  if (known !== undefined) return known ?? undefined;
  if (active.has(fn)) return undefined;
  active.add(fn);
  try {
    const start = handedBack(resolved.context, fn, findStart);
    if (!isAssumingKinds()) factories.set(fn, start ?? null);
    return start;
  } finally {
    active.delete(fn);
  }
}

/**
 * The cheap pre-filter: the call names a function or method written in this file, or one imported
 * from a relative path (`helper(x)`, `this.connectTo(h)`, `importer.watchInbox(dir)` on an
 * instance of a class of the file), the only calls resolved to a factory.
 */
export function mayCallFactory(context: AnalysisContext, call: TSESTree.CallExpression): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return factoryNames(context).has(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = skipTypeWrappers(callee.object);
  return (
    (receiver.type === AST_NODE_TYPES.ThisExpression || receiver.type === AST_NODE_TYPES.Identifier) &&
    factoryNames(context).has(staticMemberName(callee) ?? '')
  );
}

/** Names of the file's functions and methods that return something, and of its relative imports. */
const factoryNames = perFile((context): ReadonlySet<string> => {
  const names = new Set<string>();
  const returns = (fn: TSESTree.Node | null | undefined): boolean =>
    !!fn && isFunctionNode(fn) && (fn.body.type !== AST_NODE_TYPES.BlockStatement || fn.body.body.length > 0);
  const index = fileIndex(context);
  for (const node of index.functions) {
    if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id && returns(node)) names.add(node.id.name);
  }
  for (const node of index.membersAndDeclarators) {
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init && returns(skipTypeWrappers(node.init))) {
      names.add(node.id.name);
    }
  }
  for (const node of index.methods) {
    if (!node.computed && node.key.type === AST_NODE_TYPES.Identifier && returns(node.value)) names.add(node.key.name);
  }
  for (const node of index.imports) {
    if (node.source.value.startsWith('.')) for (const specifier of node.specifiers) names.add(specifier.local.name);
  }
  return names;
});

/** The start every `return` of `fn` hands back, when all hand back one of the same kind. */
function handedBack(
  context: AnalysisContext,
  fn: FunctionNode,
  findStart: (context: AnalysisContext, node: TSESTree.Node) => Start | undefined,
): CallStart | undefined {
  const values = returnedValues(fn);
  if (values.length === 0) return undefined;
  // `this.pub = this.createClient()` in every caller: the class's teardown judges the start
  // where the factory makes it (teardown.ts), once.
  const method = fn.parent;
  if (method?.type === AST_NODE_TYPES.MethodDefinition && hasBody(method) && values.some((value) => storedThroughFactory(value, method))) {
    return undefined;
  }
  let result: CallStart | undefined;
  for (const value of values) {
    const start = startOfReturned(context, fn, value, findStart);
    if (!start || (result && result.kind !== start.kind)) return undefined;
    result ??= start;
  }
  return result;
}

function hasBody(method: TSESTree.MethodDefinition): method is TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression } {
  return method.value.type === AST_NODE_TYPES.FunctionExpression;
}

/** `return new Redis()`, `return await connect()`, or `return client` for `const client = …` kept unended. */
function startOfReturned(
  context: AnalysisContext,
  fn: FunctionNode,
  value: TSESTree.Node,
  findStart: (context: AnalysisContext, node: TSESTree.Node) => Start | undefined,
  following: Set<TSESLint.Scope.Variable> = new Set(),
): CallStart | undefined {
  let inner = skipTypeWrappers(value);
  if (inner.type === AST_NODE_TYPES.AwaitExpression) inner = skipTypeWrappers(inner.argument);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(inner), inner);
    const definition = variable?.defs[0];
    if (!variable || definition?.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    // A variable given its own value back (`c = c`, a swap through a temporary) gives no start.
    if (variable.scope.variableScope.block !== fn || following.has(variable)) return undefined;
    following.add(variable);
    // Every value it is given: its init, or each assignment (`let client; if (cluster) client = new Cluster(nodes); else client = new Redis(url);`).
    const values = variable.references.flatMap((reference) => (reference.isWrite() ? [reference.writeExpr] : []));
    let start: CallStart | undefined;
    for (const written of values) {
      const assigned = written && startOfReturned(context, fn, written, findStart, following);
      if (!assigned || (start && start.kind !== assigned.kind)) return undefined;
      start ??= assigned;
    }
    const ends = start && (start.ends ?? handleEndOf(start.kind));
    if (!start || !ends) return undefined;
    // Only given starts, used here (listeners, commands), then returned: never ended, stored or passed on.
    const kept = variable.references.every(
      (reference) => (reference.isWrite() ? isPlainWrite(reference.identifier) : isInsideReturn(reference.identifier, value) || handleUse(reference.identifier, ends) === 'used'),
    );
    return kept ? start : undefined;
  }
  if (inner.type !== AST_NODE_TYPES.CallExpression && inner.type !== AST_NODE_TYPES.NewExpression) return undefined;
  // `watch(dir).on('add', f)`, `setInterval(f, ms).unref()`: a chaining method hands back its receiver.
  const chained = methodCallParts(inner);
  if (chained && chainingMethods.has(chained.method) && inner.type === AST_NODE_TYPES.CallExpression) {
    const receiver = skipTypeWrappers(chained.target);
    if (receiver.type === AST_NODE_TYPES.CallExpression || receiver.type === AST_NODE_TYPES.NewExpression) return startOfReturned(context, fn, receiver, findStart, following);
  }
  const start = findStart(context, inner);
  if (!start || !handedBackKinds.has(start.kind)) return undefined;
  if (start.call) {
    // The factory's own arguments (its `{ signal }`, its `unwatchFile(path)`) are not the caller's.
    const { signalOption: _signal, endFunction: _end, endsByItself: _self, onlyWith: _with, unlessWith: _without, onlyWithJob: _job, endedWithArgument: _argument, ...rest } = start.call;
    return rest;
  }
  const method = start.object && objectApiOf(context, start.object.kind)?.starts[start.object.method];
  if (method?.label === undefined) return undefined;
  return {
    kind: start.kind,
    label: method.label,
    ...(method.returns !== undefined && { returns: method.returns }),
    ...(method.ends && { ends: method.ends }),
  };
}

/** `client = …` or `const client = …`: a write that gives the variable a value, not `client += …` or a destructuring. */
function isPlainWrite(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  return (
    (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === identifier) ||
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.left === identifier)
  );
}

function isInsideReturn(identifier: TSESTree.Node, value: TSESTree.Node): boolean {
  return identifier.range[0] >= value.range[0] && identifier.range[1] <= value.range[1];
}
