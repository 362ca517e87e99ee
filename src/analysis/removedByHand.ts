import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { enclosingFunction, referenceRoot, stableReferenceText } from './ast';
import { enclosingClassBody } from './classMembers';
import type { AnalysisContext } from './fileCache';
import { findStart } from './findStart';
import { removesListener } from './judges/listener';
import { findMethodCalls, methodCallsByReceiver } from './methodCallIndex';
import { objectApiOf } from './objectApi';

/**
 * Whether the code removes the listener `call` adds, with the same function, from the same target:
 * in the function around it (a clean-up its abort listener calls) or, for a target reached from
 * `this` or a global, in another method of its class (added on connect, removed on disconnect).
 * Such a listener has its end already; a signal handed to it as well would end nothing more.
 *
 * ```ts
 * connect() { window.addEventListener('pagehide', this.onLeave); } // ← removed by hand
 * disconnect() { window.removeEventListener('pagehide', this.onLeave); }
 * ```
 */
export function removedByHand(context: AnalysisContext, call: TSESTree.CallExpression): boolean {
  const start = findStart(context, call);
  const target = start?.object?.target;
  const api = start?.object && objectApiOf(context, start.object.kind);
  const targetText = target && stableReferenceText(target);
  const root = target && referenceRoot(target);
  if (!start?.listener || !api || targetText === undefined || !root) return false;
  const variable = root.type === AST_NODE_TYPES.Identifier ? (ASTUtils.findVariable(context.sourceCode.getScope(root), root) ?? undefined) : undefined;
  // A variable of the file is searched where it is visible, and must be the same variable there
  // (a local of another function is another object); `this` or a global, across the class.
  const bound = variable !== undefined && variable.defs.length > 0;
  const within = bound ? variable.scope.block : (enclosingClassBody(call) ?? enclosingFunction(call));
  return findMethodCalls(methodCallsByReceiver(context), targetText, api.removeListener, within).some(({ call: removal, receiver }) => {
    const removalRoot = referenceRoot(receiver);
    const sameObject = !bound || (removalRoot?.type === AST_NODE_TYPES.Identifier && ASTUtils.findVariable(context.sourceCode.getScope(removalRoot), removalRoot) === variable);
    // `remove(f); add(f)` in one function only keeps the listener from doubling: it ends nothing.
    const removedFirst = enclosingFunction(removal) === enclosingFunction(call) && removal.range[0] < call.range[0];
    return sameObject && !removedFirst && removesListener(context, removal, context, start);
  });
}
