import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import type { FunctionNode } from './ast';
import { conditionTest, isFunctionNode, isInside, methodCallParts, skipTypeWrappers, stableReferenceText, walk } from './ast';
import type { AnalysisContext } from './fileCache';
import { eventEmitter } from './families/eventEmitter';

export interface GuardOptions {
  /** Count `this.started` as a guard: once per object, not once per program. */
  instanceState: boolean;
}

/**
 * Whether `fn` reaches `call` only once, however often it is called: it records that it did in
 * state that outlives the call (a module or outer variable, or `this.…` when `instanceState`),
 * and checks that state first; or it stores the result in a slot with `??=`/`||=`.
 *
 * A listener added only when its emitter holds none for that event is added once per emitter
 * whatever the state: the emitter's listener list is the record.
 *
 * ```ts
 * let started = false;
 * function start() { if (started) return; started = true; bus.on('x', f); } // `bus.on` → true
 * function client() { return (cached ??= new Redis()); }                     // `new Redis()` → true
 * function attach(server) { if (server.listenerCount('x') > 0) return; server.on('x', f); } // → true
 * ```
 */
export function isGuardedOnce(
  context: AnalysisContext,
  fn: FunctionNode,
  call: TSESTree.Node,
  options: GuardOptions = { instanceState: true },
): boolean {
  for (let current = call.parent; current && current !== fn; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.AssignmentExpression &&
      (current.operator === '??=' || current.operator === '||=') &&
      outerStateText(context, fn, current.left, options) !== undefined
    ) {
      return true;
    }
  }
  const remembered = new Set<string>();
  const checked: string[] = [];
  const listener = listenerAdded(call);
  let askedEmitter = false;
  walk(fn.body, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const text = outerStateText(context, fn, node.left, options);
      if (text !== undefined) remembered.add(text);
    }
    const test = conditionTest(node);
    if (test && listener && guards(node, test, call)) askedEmitter ||= asksListenersOf(test, listener);
    if (test && guards(node, test, call)) {
      walk(test, (part) => {
        const text = stableReferenceText(part) ?? keyedText(part);
        if (text !== undefined) checked.push(text);
        return text === undefined;
      });
    }
    return true;
  });
  return askedEmitter || checked.some((text) => remembered.has(text));
}

interface AddedListener {
  emitter: string;
  event: string;
}

/** `server.on('x', f)` → the emitter and the event, as text; `'x'` and `EVENT` alike. */
function listenerAdded(call: TSESTree.Node): AddedListener | undefined {
  const parts = methodCallParts(call);
  if (!parts || call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const emitter = stableReferenceText(parts.target);
  const event = call.arguments[0] && eventText(call.arguments[0]);
  return emitter === undefined || event === undefined ? undefined : { emitter, event };
}

function eventText(node: TSESTree.Node): string | undefined {
  const inner = skipTypeWrappers(node);
  if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string') return JSON.stringify(inner.value);
  return stableReferenceText(inner);
}

const listenerQuestions: ReadonlySet<string> = new Set(eventEmitter.emitterUses.listenersOf);

/** Whether `test` asks the listener's emitter for its listeners of that event: `server.listenerCount('x') > 0`. */
function asksListenersOf(test: TSESTree.Node, listener: AddedListener): boolean {
  let asked = false;
  walk(test, (node) => {
    const parts = methodCallParts(node);
    if (parts && node.type === AST_NODE_TYPES.CallExpression && listenerQuestions.has(parts.method)) {
      const event = node.arguments[0] && eventText(node.arguments[0]);
      asked ||= stableReferenceText(parts.target) === listener.emitter && event === listener.event;
    }
    return !asked;
  });
  return asked;
}

/**
 * Whether the decision `node` decides if `call` runs: `call` is in one of its branches, or it is
 * an `if` with a branch that leaves the function (`if (started) return;`) and `call` comes after.
 * `if (!child) child = spawn(…); child.on('exit', f)`: the `if` does not guard `child.on`.
 */
function guards(node: TSESTree.Node, test: TSESTree.Node, call: TSESTree.Node): boolean {
  if (isInside(call, node) && !isInside(call, test)) return true;
  if (node.type !== AST_NODE_TYPES.IfStatement || node.range[1] > call.range[0]) return false;
  return leavesFunction(node.consequent) || (node.alternate != null && leavesFunction(node.alternate));
}

/** `return`, `throw`, or a block that ends with one. */
function leavesFunction(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = statement.body.at(-1);
  return last !== undefined && leavesFunction(last);
}

/** `seen[event]`: an entry of a map keyed by a variable, as text (`seen[event]`). */
function keyedText(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression || !node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const object = stableReferenceText(node.object);
  return object === undefined ? undefined : `${object}[${node.property.name}]`;
}

/**
 * `this.sub`, a variable declared outside `fn` or a member of one (`state.attached`), or an entry
 * of one keyed by a variable (`if (!seen[event]) { seen[event] = true; … }`: once per key): state
 * that survives the call.
 */
function outerStateText(context: AnalysisContext, fn: FunctionNode, target: TSESTree.Node, options: GuardOptions): string | undefined {
  const keyed = skipTypeWrappers(target);
  if (keyedText(keyed) !== undefined && keyed.type === AST_NODE_TYPES.MemberExpression) {
    return outerStateText(context, fn, keyed.object, options) === undefined ? undefined : keyedText(keyed);
  }
  const inner = skipTypeWrappers(target);
  const text = stableReferenceText(inner);
  if (text === undefined) return undefined;
  if (text.startsWith('this.')) return options.instanceState ? text : undefined;
  // `state.attached` of a module-level `state` object: the member lives as long as its root.
  let root: TSESTree.Node = inner;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipTypeWrappers(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(root), root);
  const definition = variable?.defs[0];
  return definition && !isInside(definition.name, fn) ? text : undefined;
}
