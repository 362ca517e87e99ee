import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import type { FunctionNode } from './ast';
import { enclosingFunction, isFunctionNode, methodCallParts, stableReferenceText, staticString, walk } from './ast';
import { signalApi } from './families/abortSignal';
import type { AnalysisContext } from './fileCache';
import { usesOf } from './lifetime';
import { signalController } from './signalInScope';
import { privateMethodCalls } from './thisMethodUses';

/**
 * Whether `node` runs in a cleanup path, where the signal may already have aborted and passing it
 * would cancel the cleanup: a `finally` block, an `abort` listener, an `onabort` handler, or a
 * function that only such paths call (a private method, or a function of the file that does not
 * leave it), as in `finally { this.stop(); await this.syncOffset(); }`.
 */
export function inCleanupPath(context: AnalysisContext, node: TSESTree.Node): boolean {
  return cleanupPathAt(context, node, new Set());
}

function cleanupPathAt(context: AnalysisContext, node: TSESTree.Node, active: Set<FunctionNode>): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.parent?.type === AST_NODE_TYPES.TryStatement && current.parent.finalizer === current) return true;
    if (isFunctionNode(current)) {
      const registration = current.parent;
      if (
        registration.type === AST_NODE_TYPES.CallExpression &&
        methodCallParts(registration)?.method === signalApi.addListener &&
        staticString(registration.arguments[0]) === signalApi.event
      ) {
        return true;
      }
      if (registration.type === AST_NODE_TYPES.AssignmentExpression && context.sourceCode.getText(registration.left).endsWith(`.${signalApi.handlerProperty}`)) {
        return true;
      }
      return calledOnlyFromCleanup(context, current, active);
    }
  }
  return false;
}

/** Answers asked from outside any caller chain (`active` empty), which depend on `fn` alone: asked for every call in it. */
const onlyFromCleanup = new WeakMap<FunctionNode, boolean>();

/** Every call of `fn` is known (a private method, a function the file keeps to itself) and runs in a cleanup path. */
function calledOnlyFromCleanup(context: AnalysisContext, fn: FunctionNode, active: Set<FunctionNode>): boolean {
  if (active.size > 0) return callersAllCleanup(context, fn, active);
  let answer = onlyFromCleanup.get(fn);
  if (answer === undefined) onlyFromCleanup.set(fn, (answer = callersAllCleanup(context, fn, active)));
  return answer;
}

function callersAllCleanup(context: AnalysisContext, fn: FunctionNode, active: Set<FunctionNode>): boolean {
  // A function reached again through its own callers is called from a cycle: not only from cleanup.
  if (active.has(fn)) return false;
  const uses = usesOf(context, fn);
  const calls = privateMethodCalls(fn) ?? (uses && !uses.exported ? uses.calls : undefined);
  if (calls === undefined || calls.length === 0) return false;
  active.add(fn);
  const onlyCleanup = calls.every((call) => cleanupPathAt(context, call, active));
  active.delete(fn);
  return onlyCleanup;
}

/**
 * Whether the function around `node` aborts the controller of `signalText` (`x.signal`) before
 * `node`, as a teardown does: `stop() { this.shutdown.abort(); await registrar.unhandle(codec); }`.
 * The signal has aborted by then (or may have, when the abort is in a branch), so passing it would
 * fail the call at once instead of ending it early.
 */
export function abortedEarlierInFunction(node: TSESTree.Node, signalText: string): boolean {
  const controller = signalController(signalText);
  const fn = enclosingFunction(node);
  if (controller === undefined || !fn) return false;
  let aborted = false;
  walk(fn.body, (inner) => {
    if (aborted || inner.range[0] >= node.range[0]) return false;
    // A nested function's abort runs when it is called, not before `node`.
    if (isFunctionNode(inner)) return false;
    const parts = inner.type === AST_NODE_TYPES.CallExpression ? methodCallParts(inner) : undefined;
    if (parts?.method === signalApi.abort && inner.range[1] <= node.range[0] && stableReferenceText(parts.target) === controller) aborted = true;
    return !aborted;
  });
  return aborted;
}
