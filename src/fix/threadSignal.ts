import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { enclosingStatement } from '../analysis/ast';
import type { AnalysisContext } from '../analysis/fileCache';
import type { Leak } from '../analysis/findLeak';
import type { ResolvedFunction } from '../analysis/resolveCallee';
import { addSignalParameter } from './addSignalParameter';
import { endLeak } from './endLeak';
import { freeName } from './freeName';
import { indentationOf } from './indentation';
import { applyEdits, signalArgumentEdit } from './signalArgument';

/**
 * Threads a signal into a helper in the same file: the helper gets a `signal` parameter and
 * ends what it starts when it aborts, and the call passes `signal`. With no signal at the call,
 * the call gets its own per-run `AbortController`, aborted when the statement's run ends:
 *
 * ```ts
 * const run = new AbortController();
 * try {
 *   helper(client, run.signal);
 * } finally {
 *   run.abort();
 * }
 * ```
 */
export function threadSignalIntoCall(
  context: AnalysisContext,
  fixer: TSESLint.RuleFixer,
  call: TSESTree.CallExpression,
  callee: ResolvedFunction,
  leak: Leak,
  signal: string | undefined,
): TSESLint.RuleFix[] {
  const { sourceCode } = context;
  const parameter = addSignalParameter(context, fixer, callee.fn, { except: call });
  if (!parameter) return [];
  const ending = endLeak(context, fixer, leak, parameter.name);
  if (ending.length === 0) return [];
  if (signal) {
    const edit = signalArgumentEdit(sourceCode, call, parameter.index, signal);
    return edit ? [...parameter.fixes, ...ending, fixer.replaceTextRange(edit.range, edit.text)] : [];
  }
  const statement = enclosingStatement(call);
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return [];
  const run = freeName(context, statement, 'run');
  const edit = signalArgumentEdit(sourceCode, call, parameter.index, `${run}.signal`);
  if (!edit) return [];
  const indent = indentationOf(sourceCode, statement);
  const inner = applyEdits(sourceCode, statement, [edit]).replaceAll('\n', '\n  ');
  const wrapped = [
    `const ${run} = new AbortController();`,
    'try {',
    `  ${inner}`,
    '} finally {',
    `  ${run}.abort();`,
    '}',
  ].join(`\n${indent}`);
  return [...parameter.fixes, ...ending, fixer.replaceText(statement, wrapped)];
}
