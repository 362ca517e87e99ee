import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import { enclosingFunction } from './ast';
import type { AnalysisContext } from './fileCache';
import { repetitionAround } from './repetition';

/**
 * Whether `value`, returned from the function it is in (an arrow's expression body or a
 * `return`), goes to a caller that drops it: a scheduler, listener or route runs its callback
 * for its effect and throws away what it hands back, so a handle returned there has no owner.
 * Array callbacks (`hosts.map((h) => connectTo(h))`) and promise callbacks (`.then(() => connect())`)
 * pass it on.
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
  return repeated?.scope === fn && repeated.repetition.perElement !== true;
}
