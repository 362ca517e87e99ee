import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { AnalysisContext } from '../analysis/fileCache';

/**
 * `preferred`, or `preferred2`, `preferred3`…: the first name that neither a variable visible at
 * `node` nor one declared below it in the same function already uses, so inserted code never
 * shadows or collides: `signal` taken → `signal2`.
 */
export function freeName(context: AnalysisContext, node: TSESTree.Node, preferred: string): string {
  const scope = context.sourceCode.getScope(node);
  for (let attempt = 1; ; attempt++) {
    const name = attempt === 1 ? preferred : `${preferred}${attempt}`;
    if (!isVisible(scope, name) && !isDeclaredBelow(scope.variableScope, name)) return name;
  }
}

function isVisible(scope: TSESLint.Scope.Scope, name: string): boolean {
  for (let current: TSESLint.Scope.Scope | null = scope; current; current = current.upper) {
    if (current.set.has(name)) return true;
    if (current.type === 'global' && current.through.some((reference) => reference.identifier.name === name)) return true;
  }
  return false;
}

function isDeclaredBelow(scope: TSESLint.Scope.Scope, name: string): boolean {
  return scope.set.has(name) || scope.childScopes.some((child) => isDeclaredBelow(child, name));
}
