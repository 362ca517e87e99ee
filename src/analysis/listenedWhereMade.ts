import type { TSESTree } from '@typescript-eslint/utils';

import { chainingMethods, listenerMethods, oneShotListenerMethods } from './apis';
import { AST_NODE_TYPES } from './estree';
import { enclosingFunction, isReassigned, methodCallParts, outermostWrapper, stableReferenceText, staticString, walk } from './ast';
import type { AnalysisContext } from './fileCache';

/**
 * Whether the emitter `made` (a call that returns one) is given a listener for `event` where it is
 * made: chained on it, or on the variable or member it is kept in, within the function that makes
 * it. Returned, handed on, or listened to elsewhere, it is not seen here.
 *
 * ```js
 * spawn(cmd).on('error', reject);                          // → true for 'error'
 * const child = spawn(cmd); child.once('error', onError);  // → true
 * this.child = spawn(cmd); this.child.on('exit', f);       // → false for 'error'
 * child.on('error', f); child = spawn(cmd);               // → false: that listener is the previous child's
 * return spawn(cmd);                                       // → false
 * ```
 */
export function listenedWhereMade(context: AnalysisContext, made: TSESTree.Node, event: string): boolean {
  let value = outermostWrapper(made, { throughAwait: false });
  // `spawn(cmd).on('exit', f).on('error', g)`: listener methods hand back their receiver.
  for (;;) {
    const call = value.parent?.parent;
    const parts = call && methodCallParts(call);
    if (!call || !parts || parts.target !== value) break;
    if (listensFor(call, event)) return true;
    if (!chainingMethods.has(parts.method)) return false;
    value = outermostWrapper(call, { throughAwait: false });
  }
  const holder = value.parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === value && holder.id.type === AST_NODE_TYPES.Identifier) {
    const [variable] = context.sourceCode.getDeclaredVariables(holder);
    // Given another object later, the variable's listeners may be that one's.
    if (!variable || isReassigned(variable)) return false;
    return variable.references.some((reference) => {
      const member = reference.identifier.parent;
      return member.type === AST_NODE_TYPES.MemberExpression && member.object === reference.identifier && listensFor(member.parent, event);
    });
  }
  if (holder?.type !== AST_NODE_TYPES.AssignmentExpression || holder.right !== value) return false;
  const kept = stableReferenceText(holder.left);
  const scope = enclosingFunction(holder)?.body ?? context.sourceCode.ast;
  let listened = false;
  walk(scope, (node) => {
    const parts = methodCallParts(node);
    // Only after it is kept there: a listener added before is the previous object's.
    if (parts && kept !== undefined && node.range[0] > holder.range[1] && stableReferenceText(parts.target) === kept && listensFor(node, event)) listened = true;
    return !listened;
  });
  return listened;
}

/** `x.on('error', f)`, `x.once('error', f)`: a call that adds a listener for `event`. */
function listensFor(node: TSESTree.Node, event: string): boolean {
  const parts = methodCallParts(node);
  if (!parts || node.type !== AST_NODE_TYPES.CallExpression) return false;
  return (listenerMethods.has(parts.method) || oneShotListenerMethods.has(parts.method)) && staticString(node.arguments[0]) === event;
}
