import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import { enclosingFunction } from './ast';
import type { AnalysisContext } from './fileCache';
import { repetitionAround } from './repetition';

/**
 * Whether `value`, returned from the function it is in (an arrow's expression body or a
 * `return`), goes to a caller that drops it: a scheduler, listener or route runs its callback
 * for its effect and throws away what it hands back, so a handle returned there has no owner.
 * Array callbacks (`hosts.map((h) => connectTo(h))`), promise callbacks (`.then(() => connect())`)
 * and self-re-arming functions pass it on.
 *
 * `cron.schedule('* * * * *', () => connectTo(host))`: for `connectTo(host)` → `true`.
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
  const repeated = repetitionAround(context, value);
  // A self-re-arming function (`function retry() { setTimeout(retry, ms); return connect(); }`) also
  // has a first caller, who takes what it returns.
  return repeated?.scope === fn && repeated.scheduler !== fn && repeated.repetition.perElement !== true;
}
