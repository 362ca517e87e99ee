import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { FunctionNode } from '../analysis/ast';
import type { AnalysisContext } from '../analysis/fileCache';
import { freeName } from './freeName';

/** Whether the file is TypeScript, so a parameter gets `: AbortSignal`. */
function isTypeScriptFile(filename: string): boolean {
  return /\.[cm]?tsx?$/.test(filename);
}

function isOptionalParameter(parameter: TSESTree.Parameter): boolean {
  return (
    parameter.type === AST_NODE_TYPES.AssignmentPattern ||
    parameter.type === AST_NODE_TYPES.RestElement ||
    (parameter.type === AST_NODE_TYPES.Identifier && parameter.optional === true) ||
    (parameter.type === AST_NODE_TYPES.TSParameterProperty && parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern)
  );
}

/** Where a new required parameter goes: after the last required one, before optional and rest ones. */
export function signalParameterIndex(fn: FunctionNode): number {
  let index = 0;
  fn.params.forEach((parameter, position) => {
    if (!isOptionalParameter(parameter)) index = position + 1;
  });
  return index;
}

/**
 * Adds a `signal: AbortSignal` parameter (plain `signal` in JavaScript) and returns the fix with the
 * name chosen: `function f(client, cb?) {}` → `function f(client, signal: AbortSignal, cb?) {}`.
 * Only offered as a suggestion: it changes the function's signature for every caller.
 */
export function addSignalParameter(
  context: AnalysisContext,
  fixer: TSESLint.RuleFixer,
  fn: FunctionNode,
): { fix: TSESLint.RuleFix; name: string; index: number } | undefined {
  const { sourceCode } = context;
  const name = freeName(context, fn.body, 'signal');
  const text = isTypeScriptFile(context.filename) ? `${name}: AbortSignal` : name;
  const index = signalParameterIndex(fn);
  const params = fn.params;
  const first = params[0];
  // `x => …` has no parentheses to add to.
  if (first && sourceCode.getTokenBefore(first)?.value !== '(') {
    const existing = sourceCode.getText(first);
    return { fix: fixer.replaceText(first, index === 0 ? `(${text}, ${existing})` : `(${existing}, ${text})`), name, index };
  }
  const previous = params[index - 1];
  if (previous) return { fix: fixer.insertTextAfter(previous, `, ${text}`), name, index };
  if (first) return { fix: fixer.insertTextBefore(first, `${text}, `), name, index };
  const openParen = sourceCode.getFirstToken(fn, { filter: (token) => token.value === '(' });
  if (!openParen || openParen.range[0] >= fn.body.range[0]) return undefined;
  return { fix: fixer.insertTextAfter(openParen, text), name, index };
}
