import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { enclosingFunction, isReassigned, outermostWrapper, runsImmediately } from './ast';
import type { AnalysisContext } from './fileCache';

/**
 * The `new` calls of a variable that holds a global constructor chosen at run time: the value of
 * `const Factory = typeof WebSocket !== 'undefined' ? WebSocket : require('ws')`, of
 * `WebSocket || MozWebSocket`, or returned by a feature-detecting IIFE
 * (`var Factory = (function () { if (typeof WebSocket !== 'undefined') return WebSocket; … })()`).
 * The variable is set once, so each `new Factory(url)` makes what `new WebSocket(url)` makes.
 *
 * For the reference `WebSocket` in `return WebSocket;` of that IIFE → `[new Factory(url)]`.
 */
export function aliasConstructions(context: AnalysisContext, reference: TSESTree.Node): TSESTree.NewExpression[] {
  const declarator = holdingDeclarator(reference);
  if (declarator?.id.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(declarator.id), declarator.id);
  if (!variable || variable.defs.length !== 1 || isReassigned(variable)) return [];
  return variable.references.flatMap(({ identifier }) => {
    const callee = outermostWrapper(identifier);
    return callee.parent?.type === AST_NODE_TYPES.NewExpression && callee.parent.callee === callee ? [callee.parent] : [];
  });
}

/** The declarator whose value `node` is: through `?:` branches, `||`/`??` operands and an IIFE's `return`. */
function holdingDeclarator(node: TSESTree.Node): TSESTree.VariableDeclarator | undefined {
  let value: TSESTree.Node = outermostWrapper(node);
  for (let depth = 0; depth < 8; depth++) {
    const parent: TSESTree.Node | undefined = value.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== value) value = outermostWrapper(parent);
    else if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== '&&') value = outermostWrapper(parent);
    else if (parent.type === AST_NODE_TYPES.ReturnStatement) {
      const fn = enclosingFunction(parent);
      if (!fn || !runsImmediately(fn) || fn.parent.type !== AST_NODE_TYPES.CallExpression) return undefined;
      value = outermostWrapper(fn.parent);
    } else if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value) return parent;
    else return undefined;
  }
  return undefined;
}
