import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import type { StartCondition } from './families/family';
import { findObjectProperty, skipTypeWrappers, stableReferenceText } from './ast';
import type { AnalysisContext } from './fileCache';
import { isUntypedType, typescript, typeServices } from './typeServices';

/**
 * Whether a call's argument shows what makes it a start ({@link StartCondition}):
 * `new Agent({ keepAlive: true })` → true; `new Agent()` or `new Agent({ keepAlive })` → false;
 * `createInterface({ input: process.stdin })` and `createInterface(process.stdin)` → true;
 * `nc.subscribe(s, { max: 1, timeout: 5000 })` meets `max` 1 and `timeout` set.
 */
export function meetsStartCondition(
  context: AnalysisContext,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  condition: StartCondition,
): boolean {
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
      ? isSet(context, value, shown)
      : condition.values.some((expected) =>
          typeof expected === 'string' ? stableReferenceText(shown) === expected : shown.type === AST_NODE_TYPES.Literal && shown.value === expected,
        );
  return meets && (condition.and === undefined || meetsStartCondition(context, node, condition.and));
}

/**
 * Whether a value is set at run time: not `undefined` as written, and with types, not of a type
 * that admits `undefined` (`timeout?: number`; `config.timeout ?? 5000` is a `number`). Without
 * types a value read from elsewhere counts as set: its definedness is unknown, and a report would
 * rest on a guess.
 */
function isSet(context: AnalysisContext, value: TSESTree.Node, shown: TSESTree.Node): boolean {
  if (shown.type === AST_NODE_TYPES.Identifier && shown.name === 'undefined') return false;
  // The type as written, with the author's `!` or `as number`: it is the author's word that it is set.
  const type = typeServices(context)?.getTypeAtLocation(value);
  if (!type || isUntypedType(type)) return true;
  const { TypeFlags } = typescript();
  return !(type.isUnion() ? type.types : [type]).some((part) => (part.flags & (TypeFlags.Undefined | TypeFlags.Void)) !== 0);
}
