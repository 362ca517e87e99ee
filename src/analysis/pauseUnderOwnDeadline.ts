import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { enclosingFunction, isInside, skipTypeWrappers, staticMemberName, walk } from './ast';
import { signalApi } from './families/abortSignal';
import type { AnalysisContext } from './fileCache';
import { isPause } from './pauses';

/**
 * Whether `call` is a pause under a deadline its own function sets and watches: the signal is a
 * local `AbortSignal.timeout(ms)` (nobody else holds it, so nothing can abort the function sooner)
 * and the function reads `signal.aborted` itself. The pause ends by itself and the next check sees
 * the deadline; handed the signal, it would instead throw an `AbortError` past the function's own
 * handling of the expiry (serverless-offline's `waitForDockerContainer`, seen on the eighth unseen
 * sample: a 100 ms retry pause in a loop `while (!signal.aborted)` that then throws its own error).
 *
 * ```js
 * const signal = AbortSignal.timeout(5000);
 * while (!signal.aborted) {
 *   try { return await probe(url, { signal }); } catch { await setTimeout(100); } // ← needs no signal
 * }
 * throw new Error('not ready');
 * ```
 */
export function pauseUnderOwnDeadline(context: AnalysisContext, call: TSESTree.CallExpression, signalText: string): boolean {
  const fn = enclosingFunction(call);
  if (!fn || !isPause(context, call)) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(call), signalText);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !isInside(definition.node, fn) || enclosingFunction(definition.node) !== fn) return false;
  const init = definition.node.init ? skipTypeWrappers(definition.node.init) : undefined;
  const callee = init?.type === AST_NODE_TYPES.CallExpression ? skipTypeWrappers(init.callee) : undefined;
  const madeAsDeadline =
    callee?.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === signalApi.type &&
    // The global, not a binding of that name.
    (ASTUtils.findVariable(context.sourceCode.getScope(callee.object), callee.object)?.defs.length ?? 0) === 0 &&
    staticMemberName(callee) === signalApi.timeout;
  if (!madeAsDeadline) return false;
  let watched = false;
  walk(fn.body, (node) => {
    if (watched) return false;
    watched = node.type === AST_NODE_TYPES.MemberExpression && staticMemberName(node) === signalApi.aborted && skipTypeWrappers(node.object).type === AST_NODE_TYPES.Identifier && (skipTypeWrappers(node.object) as TSESTree.Identifier).name === signalText;
    return !watched;
  });
  return watched;
}
