import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { listenerMethods, oneShotListenerMethods } from './apis';
import type { FunctionNode } from './ast';
import { functionValue, isFunctionNode, methodCallParts, referenceRoot, skipTypeWrappers, stableReferenceText, staticString, walk } from './ast';
import type { AnalysisContext } from './fileCache';
import { eventEmitter } from './families/eventEmitter';
import { findMethodCalls, methodCallsByReceiver } from './methodCallIndex';
import { runningFunction } from './restartEvidence';
import { holderOf, isThisLike, memberName, thisFunction } from './teardown';

/** How many functions a run is followed through: enough for a helper calling a helper. */
const maxFunctions = 16;

/**
 * The functions of this file that a run of `owner` runs before it reaches `node`, followed through
 * what they call in turn: a function called by name (`close()`), a method of the object called on
 * `this` (`this.stop()`), and the listeners this file adds for an event `owner` emits first on the
 * same emitter (`primus.emit('end')` → `primus.on('end', function close() {…})`, run synchronously).
 *
 * ```js
 * function close() { if (socket) socket.close(); }
 * function connect() { close(); socket = new WebSocket(url); } // → { close } before `new WebSocket`
 * ```
 */
export function functionsRunBefore(context: AnalysisContext, owner: FunctionNode, node: TSESTree.Node): ReadonlySet<FunctionNode> {
  const functions = new Set<FunctionNode>();
  const queue: FunctionNode[] = [];
  const visit = (root: TSESTree.Node, before: TSESTree.Node | undefined): void => {
    walk(root, (inner) => {
      if (before && inner.range[0] >= before.range[0]) return false;
      if (inner !== root && isFunctionNode(inner)) return false;
      // A call around `node` (`track(new WebSocket(url))`) runs after it.
      if (inner.type === AST_NODE_TYPES.CallExpression && !(before && inner.range[1] > before.range[0])) {
        for (const called of calledFunctions(context, inner)) {
          if (called !== owner && !functions.has(called) && functions.size < maxFunctions) {
            functions.add(called);
            queue.push(called);
          }
        }
      }
      return true;
    });
  };
  visit(owner.body ?? owner, node);
  for (let fn = queue.pop(); fn; fn = queue.pop()) visit(fn.body ?? fn, undefined);
  return functions;
}

/** The functions of this file a call runs: the one it names, or the listeners of the event it emits. */
function calledFunctions(context: AnalysisContext, call: TSESTree.CallExpression): FunctionNode[] {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const named = functionValue(context.sourceCode, callee);
    return named ? [named] : [];
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return [];
  // `this.#stop()` names its method as `#stop`.
  const name = memberName(callee);
  if (name === undefined) return [];
  if (name === eventEmitter.emitterUses.emit) return emittedListeners(context, call);
  if (!isThisLike(context, skipTypeWrappers(callee.object))) return [];
  const bound = thisFunction(call);
  const holder = bound && holderOf(context, bound);
  const method = holder?.method(name);
  return method ? [method] : [];
}

/** `bus.emit('end')` → the functions this file adds as 'end' listeners on `bus` (the same reference). */
function emittedListeners(context: AnalysisContext, call: TSESTree.CallExpression): FunctionNode[] {
  const parts = methodCallParts(call);
  const event = staticString(call.arguments[0]);
  const target = parts && stableReferenceText(parts.target);
  if (event === undefined || target === undefined) return [];
  const methods = [...listenerMethods, ...oneShotListenerMethods];
  const listeners: FunctionNode[] = [];
  for (const { call: added } of findMethodCalls(methodCallsByReceiver(context), target, methods)) {
    if (added.type !== AST_NODE_TYPES.CallExpression || staticString(added.arguments[0]) !== event) continue;
    const listener = added.arguments[1] && skipTypeWrappers(added.arguments[1]);
    const fn = listener && functionValue(context.sourceCode, listener);
    if (fn) listeners.push(fn);
  }
  return listeners;
}

/**
 * Whether two references of the same text name the same place: `socket` is the same variable at
 * both, `this.sub` is on the same object (functions of one holder).
 *
 * `let socket; function close() { socket.close(); }` → `socket` there and in `socket = new WebSocket()`: `true`.
 */
export function sameReferenceRoot(context: AnalysisContext, a: TSESTree.Node, b: TSESTree.Node): boolean {
  const rootA = referenceRoot(a);
  const rootB = referenceRoot(b);
  if (!rootA || !rootB) return false;
  if (rootA.type === AST_NODE_TYPES.Identifier && rootB.type === AST_NODE_TYPES.Identifier) {
    const variableA = ASTUtils.findVariable(context.sourceCode.getScope(rootA), rootA);
    if (variableA !== null && variableA === ASTUtils.findVariable(context.sourceCode.getScope(rootB), rootB)) return true;
  }
  if (!isThisLike(context, rootA) || !isThisLike(context, rootB)) return false;
  const boundA = thisFunction(rootA);
  const boundB = thisFunction(rootB);
  if (boundA === boundB) return true;
  const holder = boundA && holderOf(context, boundA);
  return holder !== undefined && boundB !== undefined && holder === holderOf(context, boundB);
}

/**
 * Whether a run of `owner` ends the handle in `slot` before it reaches `node`: one of `ends` (uses
 * of the slot that end it) runs in `owner` before `node`, or in a function it runs first.
 *
 * `function connect() { close(); socket = new WebSocket(url); }`, `close()` ending `socket` → `true`.
 */
export function endedBefore(context: AnalysisContext, owner: FunctionNode, node: TSESTree.Node, ends: readonly TSESTree.Node[], slot: TSESTree.Node): boolean {
  if (ends.some((use) => runningFunction(use) === owner && use.range[1] <= node.range[0])) return true;
  if (ends.length === 0) return false;
  const before = functionsRunBefore(context, owner, node);
  return ends.some((use) => {
    const at = runningFunction(use);
    return at !== undefined && before.has(at) && sameReferenceRoot(context, use, slot);
  });
}
