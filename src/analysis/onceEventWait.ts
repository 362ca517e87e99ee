import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import { deferFunctions, startupEvents } from './apis';
import { isFunctionNode, methodCallParts, skipTypeWrappers, stableReferenceText, walk } from './ast';
import { protocols } from './families/language';
import type { AnalysisContext } from './fileCache';
import type { Start } from './findStart';
import { isTimeoutCall } from './rearmingTimer';
import { howOftenFires } from './repetition';

/**
 * Whether the listener waits for an event that comes once while the program starts (a document's
 * `DOMContentLoaded`: the KB's start-up events, not one its family says fires again), added on one
 * branch of a test of that target's state whose other branch runs the same function now:
 *
 * ```js
 * if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
 * else setTimeout(init); // ← it has fired: run now
 * ```
 *
 * The code checked that the event has not fired yet, so the listener runs once, at that event, and
 * leaves nothing running. Without the other branch (a wait that may start after the event) it is
 * judged as any listener.
 */
export function waitsForOnceEventOrRunsNow(context: AnalysisContext, start: Start): boolean {
  const { object, listener, event } = start;
  if (start.kind !== 'listener' || !object || !listener || event === undefined) return false;
  // An object's `'close'` may never come: only a wait for the program's start-up is sure to end.
  if (!startupEvents.has(event) || howOftenFires(context, object.target, event) === 'again') return false;
  const listenerText = stableReferenceText(listener);
  const targetText = stableReferenceText(object.target);
  if (listenerText === undefined || targetText === undefined) return false;
  let inner: TSESTree.Node = start.node;
  for (let outer: TSESTree.Node | undefined = inner.parent; outer && !isFunctionNode(outer); inner = outer, outer = inner.parent) {
    if (outer.type !== AST_NODE_TYPES.IfStatement && outer.type !== AST_NODE_TYPES.ConditionalExpression) continue;
    if (inner === outer.test) return false;
    const other = inner === outer.consequent ? outer.alternate : outer.consequent;
    return other !== null && other !== undefined && readsStateOf(outer.test, targetText) && runsNow(other, listenerText);
  }
  return false;
}

/** `document.readyState === 'loading'`, `!document.body`: the test reads a member of the target. */
function readsStateOf(test: TSESTree.Node, targetText: string): boolean {
  let found = false;
  walk(test, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && stableReferenceText(node.object) === targetText) found = true;
    return !found;
  });
  return found;
}

/**
 * `init()`, `init.call(this)`, `setTimeout(init)`, `queueMicrotask(init)`, `promise.then(init)`: the
 * branch runs the function, itself, by a one-shot timer or a deferrer (the KB's, which run their
 * first argument once), or once a promise settles. Handing it anywhere else (`pending.push(init)`)
 * shows no run.
 */
function runsNow(branch: TSESTree.Node, listenerText: string): boolean {
  let found = false;
  walk(branch, (node) => {
    if (found || isFunctionNode(node)) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = skipTypeWrappers(node.callee);
    const withThis = methodCallParts(node);
    const [first] = node.arguments;
    found =
      stableReferenceText(callee) === listenerText ||
      (withThis !== undefined && protocols.callsWithThis.includes(withThis.method) && stableReferenceText(withThis.target) === listenerText) ||
      ((isTimeoutCall(node) || deferFunctions.has(stableReferenceText(callee) ?? '') || withThis?.method === protocols.promiseValue) &&
        first !== undefined &&
        stableReferenceText(first) === listenerText);
    return undefined;
  });
  return found;
}
