import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import type { FunctionNode } from './ast';
import { skipTypeWrappers } from './ast';
import type { AnalysisContext } from './fileCache';
import { isThisLike, memberName } from './teardown';

/** A place that outlives a run of the function that fills it: a member of `this`, or an outer variable. */
export type OuterSlot =
  | { kind: 'member'; name: string; text: string; node: TSESTree.MemberExpression }
  | { kind: 'variable'; name: string; text: string; node: TSESTree.Identifier; variable: TSESLint.Scope.Variable };

/**
 * The slot `node` names, seen from `fn`: a member of `this` (or of `self = this`), or a variable
 * of an outer function or the module. A local of `fn` is not one: it dies with the run.
 *
 * `this.timer = …` → member `timer`; `watchers.push(…)` with a module `watchers` → variable `watchers`.
 */
export function outerSlot(context: AnalysisContext, node: TSESTree.Node, fn: FunctionNode | undefined): OuterSlot | undefined {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(node);
    if (name === undefined || !isThisLike(context, skipTypeWrappers(node.object))) return undefined;
    return { kind: 'member', name, text: `this.${name}`, node };
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
  if (!variable || variable.defs[0]?.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  if (fn && variable.scope.variableScope.block === fn) return undefined;
  return { kind: 'variable', name: node.name, text: node.name, node, variable };
}
