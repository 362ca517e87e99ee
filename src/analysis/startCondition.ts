import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import type { StartCondition } from './families/family';
import { findObjectProperty, skipTypeWrappers, stableReferenceText } from './ast';

/**
 * Whether a call's argument shows what makes it a start ({@link StartCondition}):
 * `new Agent({ keepAlive: true })` → true; `new Agent()` or `new Agent({ keepAlive })` → false;
 * `createInterface({ input: process.stdin })` and `createInterface(process.stdin)` → true;
 * `nc.subscribe(s, { max: 1, timeout: 5000 })` meets `max` 1 and `timeout` set.
 */
export function meetsStartCondition(node: TSESTree.CallExpression | TSESTree.NewExpression, condition: StartCondition): boolean {
  const argument = node.arguments[condition.index];
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return false;
  const inner = skipTypeWrappers(argument);
  const value =
    inner.type === AST_NODE_TYPES.ObjectExpression
      ? findObjectProperty(inner, condition.property)?.value
      : condition.positional === true
        ? inner
        : undefined;
  if (!value) return false;
  const shown = skipTypeWrappers(value);
  const meets =
    condition.values === undefined
      ? !(shown.type === AST_NODE_TYPES.Identifier && shown.name === 'undefined')
      : condition.values.some((expected) =>
          typeof expected === 'string' ? stableReferenceText(shown) === expected : shown.type === AST_NODE_TYPES.Literal && shown.value === expected,
        );
  return meets && (condition.and === undefined || meetsStartCondition(node, condition.and));
}
