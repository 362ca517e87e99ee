import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import { findObjectProperty, isFunctionNode, skipTypeWrappers } from './ast';
import { signalApi } from './families/abortSignal';

/** Where a call takes its signal: an options object at an index, the last argument, or the options before `fs.watch`'s listener. */
export type OptionsPosition = number | 'last' | 'beforeListener';

/** The options argument at `position`, if the call has one there. */
export function optionsArgument(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  position: OptionsPosition,
): TSESTree.CallExpressionArgument | undefined {
  const args = call.arguments;
  if (position === 'beforeListener') return args.find((argument, index) => index > 0 && !isFunctionNode(argument));
  if (position === 'last') {
    // The last argument that is not a callback: `spawn(cmd, args, options, cb)`, `axios(config)`.
    const index = args.findLastIndex((argument) => !isFunctionNode(argument));
    const last = args[index];
    return last && (last.type === AST_NODE_TYPES.ObjectExpression || index > 0) ? last : undefined;
  }
  return args[position];
}

/**
 * Whether an options argument may carry a signal: a literal with `signal` or a spread does, and so
 * may an options variable (whose content is the caller's business); a missing argument or a
 * literal without `signal` does not. `{ once: true }` → false, `opts` → true.
 */
export function optionsMayCarrySignal(options: TSESTree.Node | undefined): boolean {
  if (!options) return false;
  const inner = skipTypeWrappers(options);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) {
    return (
      findObjectProperty(inner, signalApi.property) !== undefined ||
      inner.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement)
    );
  }
  if (inner.type === AST_NODE_TYPES.Literal || (inner.type === AST_NODE_TYPES.Identifier && inner.name === 'undefined')) {
    return false;
  }
  return !isFunctionNode(inner) && inner.type !== AST_NODE_TYPES.ArrayExpression;
}

/** An argument that visibly hands a signal over: `signal`, `x.signal`, `{ signal }`, `{ ...opts }`. */
export function mentionsSignal(argument: TSESTree.Node | undefined): boolean {
  if (!argument) return false;
  const inner = skipTypeWrappers(argument);
  switch (inner.type) {
    case AST_NODE_TYPES.Identifier:
      return /signal$/i.test(inner.name);
    case AST_NODE_TYPES.MemberExpression:
      return !inner.computed && inner.property.type === AST_NODE_TYPES.Identifier && /signal$/i.test(inner.property.name);
    case AST_NODE_TYPES.ObjectExpression:
      return optionsMayCarrySignal(inner);
    default:
      return false;
  }
}
