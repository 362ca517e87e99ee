import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../analysis/estree';
import { enclosingStatement, isFunctionNode, isInside, walk } from '../analysis/ast';
import { signalApi } from '../analysis/families/abortSignal';
import type { AnalysisContext } from '../analysis/fileCache';
import type { Leak } from '../analysis/findLeak';
import type { ResolvedFunction } from '../analysis/resolveCallee';
import { withNewSignalParameter } from './addSignalParameter';
import { endLeak } from './endLeak';
import { freeName } from './freeName';
import { indentationOf } from './indentation';
import { applyEdits, signalArgumentEdit } from './signalArgument';

/**
 * Whether a repeated call can get a per-run `AbortController` aborted when the call's statement
 * ends: only when the repetition awaits the work the call started, so that the run ends with that
 * work and not the moment it started: `await helper(client)`, where `helper` is async and awaits
 * after starting the thing (`sub.on(…); await once(sub, 'end')`). A plain `helper(client)` returns
 * at once; aborting then would end the listener as soon as it was added.
 */
export function canEndWithPerRunController(call: TSESTree.CallExpression, callee: ResolvedFunction, leak: Leak): boolean {
  const statement = enclosingStatement(call);
  return (
    statement?.type === AST_NODE_TYPES.ExpressionStatement &&
    statement.expression.type === AST_NODE_TYPES.AwaitExpression &&
    statement.expression.argument === call &&
    callee.fn.async &&
    awaitsAfter(callee.fn, leak.start.node)
  );
}

/** Whether `fn`'s own code awaits somewhere after `node` (and so is still running while `node`'s work lives). */
function awaitsAfter(fn: TSESTree.Node, node: TSESTree.Node): boolean {
  let found = false;
  walk(fn, (current) => {
    if (found || (current !== fn && isFunctionNode(current))) return false;
    const awaits = current.type === AST_NODE_TYPES.AwaitExpression || (current.type === AST_NODE_TYPES.ForOfStatement && current.await);
    if (awaits && current.range[0] >= node.range[1] && !isInside(node, current)) found = true;
    return !found;
  });
  return found;
}

/**
 * Threads a signal into a helper in the same file: the helper gets an optional `signal` parameter
 * and ends what it starts when it aborts, and the call passes `signal`. With no signal at the call
 * (and only where {@link canEndWithPerRunController} holds), the call gets its own per-run
 * `AbortController`, aborted when the awaited call is done:
 *
 * ```ts
 * const run = new AbortController();
 * try {
 *   await helper(client, run.signal);
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
  if (!signal && !canEndWithPerRunController(call, callee, leak)) return [];
  const parameter = withNewSignalParameter(
    context,
    fixer,
    callee.fn,
    (name) => endLeak(context, fixer, leak, name, { optional: true }),
    { except: call },
  );
  if (!parameter) return [];
  if (signal) {
    const edit = signalArgumentEdit(sourceCode, call, parameter.index, signal);
    return edit ? [...parameter.fixes, fixer.replaceTextRange(edit.range, edit.text)] : [];
  }
  const statement = enclosingStatement(call);
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return [];
  const run = freeName(context, statement, 'run');
  const edit = signalArgumentEdit(sourceCode, call, parameter.index, `${run}.${signalApi.property}`);
  if (!edit) return [];
  const indent = indentationOf(sourceCode, statement);
  const inner = applyEdits(sourceCode, statement, [edit]).replaceAll('\n', '\n  ');
  const wrapped = [
    `const ${run} = new ${signalApi.controller}();`,
    'try {',
    `  ${inner}`,
    '} finally {',
    `  ${run}.${signalApi.abort}();`,
    '}',
  ].join(`\n${indent}`);
  return [...parameter.fixes, fixer.replaceText(statement, wrapped)];
}
