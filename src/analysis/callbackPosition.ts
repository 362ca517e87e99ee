import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import type { RepeatedCallback } from './apis';
import type { FunctionNode } from './ast';
import { findObjectProperty } from './ast';

/**
 * Whether `argument` (the function `fn`, or the options object holding it) sits where a scheduling
 * call takes its repeated callback: `http.createServer(handler)` → `handler` is `'last'`.
 */
export function isAtPosition(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  argument: TSESTree.Node,
  fn: FunctionNode,
  repeated: RepeatedCallback,
): boolean {
  const args = call.arguments;
  return repeated.positions.some((position) => {
    if (typeof position === 'number') return args[position] === argument;
    if (position === 'last') return args.at(-1) === argument;
    if (position === 'functions') return args.includes(argument as TSESTree.CallExpressionArgument);
    const options = args[position.optionsIndex];
    return (
      options === argument &&
      options.type === AST_NODE_TYPES.ObjectExpression &&
      findObjectProperty(options, position.property)?.value === fn
    );
  });
}
