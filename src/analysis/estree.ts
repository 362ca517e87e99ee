// The values of `@typescript-eslint/utils` the engine uses, from its light parts and as plain
// properties. The package's index loads all of it at require time (its `TSESLint` namespace loads
// `@typescript-eslint/scope-manager`, 178 modules, which an untyped lint of JavaScript never needs),
// and re-exports `AST_NODE_TYPES` through two property getters that every `AST_NODE_TYPES.X` in
// unoptimised code calls. Types still come from `@typescript-eslint/utils`.
import { AST_NODE_TYPES as nodeTypes } from '@typescript-eslint/types';
import type { ASTUtils as Utils } from '@typescript-eslint/utils';
import { findVariable, isFunction, isLoop, ReferenceTracker } from '@typescript-eslint/utils/ast-utils';

/**
 * The node types, the same enum as `@typescript-eslint/utils`' `AST_NODE_TYPES`, as a value and a type.
 *
 * `node.type === AST_NODE_TYPES.CallExpression`
 */
export import AST_NODE_TYPES = nodeTypes;

/**
 * The `ASTUtils` helpers the engine uses (`ASTUtils.findVariable(scope, 'signal')`), taken from
 * `@typescript-eslint/utils/ast-utils` alone.
 */
export const ASTUtils: Pick<typeof Utils, 'findVariable' | 'isFunction' | 'isLoop' | 'ReferenceTracker'> = {
  findVariable,
  isFunction,
  isLoop,
  ReferenceTracker,
};
