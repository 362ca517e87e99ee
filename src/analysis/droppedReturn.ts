import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import { enclosingFunction, methodCallParts, outermostWrapper } from './ast';
import { protocols } from './families/language';
import type { AnalysisContext } from './fileCache';
import { repetitionAround } from './repetition';

/**
 * Whether `value`, returned from the function it is in (an arrow's expression body or a
 * `return`), goes to a caller that drops it: a scheduler, listener or route runs its callback
 * for its effect and throws away what it hands back, so a handle returned there has no owner.
 * Array callbacks (`hosts.map((h) => connectTo(h))`), promise callbacks whose promise is kept
 * (`return ready.then(() => connect())`) and self-re-arming functions pass it on; a `.finally`
 * callback's value, and a `.then` callback's in a chain whose promise is dropped, go nowhere.
 *
 * `cron.schedule('* * * * *', () => connectTo(host))`: for `connectTo(host)` → `true`;
 * `quote(s).then(send).finally(() => setTimeout(tick, 1000));`: for `setTimeout(…)` → `true`.
 */
export function isReturnDropped(context: AnalysisContext, value: TSESTree.Node): boolean {
  const parent = value.parent;
  const fn =
    parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value
      ? parent
      : parent?.type === AST_NODE_TYPES.ReturnStatement
        ? enclosingFunction(parent)
        : undefined;
  if (!fn) return false;
  const promiseCall = fn.parent.type === AST_NODE_TYPES.CallExpression && fn.parent.arguments.includes(fn as TSESTree.CallExpressionArgument) ? fn.parent : undefined;
  const method = promiseCall && methodCallParts(promiseCall)?.method;
  if (promiseCall && method !== undefined && protocols.promiseCallbacks.includes(method)) {
    return method === protocols.promiseSettled || promiseDropped(promiseCall);
  }
  const repeated = repetitionAround(context, value);
  // A self-re-arming function (`function retry() { setTimeout(retry, ms); return connect(); }`) also
  // has a first caller, who takes what it returns.
  return repeated?.scope === fn && repeated.scheduler !== fn && repeated.repetition.perElement !== true;
}

/**
 * Whether the promise a `then`/`catch` call makes is thrown away: its statement drops it (or
 * `void`s it), after any `.finally(…)`, which passes the value on unchanged. Awaited, returned,
 * stored or chained on with `.then`, it goes somewhere.
 */
function promiseDropped(call: TSESTree.CallExpression): boolean {
  let value: TSESTree.Node = call;
  for (;;) {
    value = outermostWrapper(value);
    const parent = value.parent;
    const chained = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === value ? parent.parent : undefined;
    if (chained?.type === AST_NODE_TYPES.CallExpression && methodCallParts(chained)?.method === protocols.promiseSettled) {
      value = chained;
      continue;
    }
    return parent?.type === AST_NODE_TYPES.ExpressionStatement || (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void');
  }
}
