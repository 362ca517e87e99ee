import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from '../estree';
import type { HandleEnd } from '../apis';
import type { FunctionNode } from '../ast';
import { calleeName, isFunctionNode, isInside, referenceRoot, skipTypeWrappers, stableReferenceText, walk } from '../ast';
import { isGuardedOnce } from '../guardedOnce';
import { heldValue } from '../handleFate';
import type { Judge, Leak } from '../leak';
import { makeLeak } from '../leak';
import { findMethodCalls, methodCallsByReceiver } from '../methodCallIndex';
import { insideAny } from '../outlivingSignals';
import { endedBefore } from '../runsBefore';

/**
 * A handle stored, in a repeated callback, in a slot that outlives it (`this.sub`, an outer
 * variable): the next run overwrites it without ending the one there, unless the run ends the
 * old one first (`this.sub?.quit()`) or only stores when the slot is empty.
 *
 * ```ts
 * redis.on('ready', () => { this.sub = new Redis(); }); // one more connection per reconnect
 * ```
 */
export function judgeOverwrite(judge: Judge, ends: HandleEnd, label: string): Leak | undefined {
  const { context, start, scope } = judge;
  if (!judge.repetition || !isFunctionNode(scope)) return undefined;
  const value = heldValue(start.node);
  const assignment = value.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.right !== value) return undefined;
  const slot = stableReferenceText(assignment.left);
  const root = referenceRoot(assignment.left);
  if (slot === undefined || !root) return undefined;
  if (root.type === AST_NODE_TYPES.Identifier) {
    const definition = ASTUtils.findVariable(context.sourceCode.getScope(root), root)?.defs[0];
    if (!definition || isInside(definition.name, scope)) return undefined;
  }
  const endsBefore = findMethodCalls(methodCallsByReceiver(context), slot, ends.methods, scope);
  if (endsBefore.some((end) => !insideAny(end.call, judge.blind?.abortListeners))) return undefined;
  if (endsSlotWithFunction(scope, slot, ends)) return undefined;
  // `return clear` where `const clear = useCallback(() => clearInterval(timerRef.current), [])`: the
  // cleanup the run hands back ends the slot before the next run.
  if (returnedFunctions(context, scope).some((cleanup) => endsSlotWithFunction(cleanup, slot, ends) || findMethodCalls(methodCallsByReceiver(context), slot, ends.methods, cleanup).length > 0)) {
    return undefined;
  }
  // `close(); socket = new WebSocket(url)` where `close()` (or a listener of an event emitted first) ends it.
  const ended = findMethodCalls(methodCallsByReceiver(context), slot, ends.methods).map(({ receiver }) => receiver);
  if (endedBefore(context, scope, start.node, ended, assignment.left)) return undefined;
  if (isGuardedOnce(context, scope, start.node)) return undefined;
  return makeLeak(context, start, judge.fn, 'overwritten', { label, slot }, { end: undefined });
}

/**
 * The functions `fn` hands back by name, as a React effect hands back its cleanup: `return clear`
 * for `const clear = () => …`, or for a function wrapped by a call that returns it
 * (`const clear = useCallback(() => …, [])`). An inline `return () => …` is part of `fn`'s own code.
 */
function returnedFunctions(context: Judge['context'], fn: FunctionNode): FunctionNode[] {
  const found: FunctionNode[] = [];
  walk(fn.body, (node) => {
    if (isFunctionNode(node)) return false;
    const returned = node.type === AST_NODE_TYPES.ReturnStatement && node.argument ? skipTypeWrappers(node.argument) : undefined;
    if (returned?.type !== AST_NODE_TYPES.Identifier) return true;
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(returned), returned);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return true;
    const value = skipTypeWrappers(definition.node.init);
    if (isFunctionNode(value)) found.push(value);
    else if (value.type === AST_NODE_TYPES.CallExpression) {
      for (const argument of value.arguments) if (isFunctionNode(argument)) found.push(argument);
    }
    return true;
  });
  return found;
}

/** `clearInterval(this.timer)` in the repeated code. */
function endsSlotWithFunction(scope: TSESTree.Node, slot: string, ends: HandleEnd): boolean {
  if (ends.functions.length === 0) return false;
  let found = false;
  walk(scope, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && ends.functions.includes(calleeName(node) ?? '')) {
      found = node.arguments.some((argument) => stableReferenceText(argument) === slot);
    }
    return !found;
  });
  return found;
}
