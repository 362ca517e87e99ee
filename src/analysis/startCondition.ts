import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import type { StartCondition } from './families/family';
import { findObjectProperty, skipTypeWrappers, stableReferenceText } from './ast';

/**
 * Whether a call's argument shows what makes it a start ({@link StartCondition}):
 * `new Agent({ keepAlive: true })` → true; `new Agent()` or `new Agent({ keepAlive })` → false;
 * `createInterface({ input: process.stdin })` and `createInterface(process.stdin)` → true.
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
  return condition.values.some((expected) =>
    typeof expected === 'boolean'
      ? shown.type === AST_NODE_TYPES.Literal && shown.value === expected
      : stableReferenceText(shown) === expected,
  );
}
