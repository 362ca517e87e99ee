import type { TSESLint } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../analysis/estree';
import { protocols } from '../analysis/families/language';
import type { AnalysisContext } from '../analysis/fileCache';
import type { UnboundedLoop } from '../analysis/loops';
import { abortListenerText } from './endOnAbort';
import { freeName } from './freeName';
import { indentationOf } from './indentation';

/**
 * Ends an endless `for await` source that takes no signal when `signal` aborts, which ends the loop:
 * `for await (const m of nc.subscribe('jobs'))` →
 * `const subscription = nc.subscribe('jobs');`
 * `if (signal.aborted) subscription.unsubscribe();`
 * `else signal.addEventListener('abort', () => subscription.unsubscribe(), { once: true });`
 * `for await (const m of subscription)`. Nothing when the loop is not a statement of a block. An
 * `optional` signal (a new parameter callers may not pass) is read with `?.`.
 */
export function endSourceOnAbort(
  context: AnalysisContext,
  fixer: TSESLint.RuleFixer,
  unbounded: UnboundedLoop,
  signal: string,
  { optional = false }: { optional?: boolean } = {},
): TSESLint.RuleFix[] {
  const end = unbounded.endSource;
  if (!end) return [];
  const { sourceCode } = context;
  const statement = unbounded.loop.parent.type === AST_NODE_TYPES.LabeledStatement ? unbounded.loop.parent : unbounded.loop;
  const container = statement.parent?.type;
  if (container !== AST_NODE_TYPES.BlockStatement && container !== AST_NODE_TYPES.Program && container !== AST_NODE_TYPES.StaticBlock) {
    return [];
  }
  const indent = indentationOf(sourceCode, statement);
  const fixes: TSESLint.RuleFix[] = [];
  let handle = sourceCode.getText(end.handle);
  let before = '';
  if (end.handle.type !== AST_NODE_TYPES.Identifier) {
    handle = freeName(context, statement, end.name ?? (end.method === protocols.iteratorEnd ? 'iterator' : 'subscription'));
    before = `const ${handle} = ${sourceCode.getText(end.handle)};\n${indent}`;
    fixes.push(fixer.replaceText(end.handle, handle));
    // Reach back to the start of the block, so that another such fix there waits for the next
    // pass and picks another free name instead of declaring the same one twice.
    fixes.push(fixer.insertTextBeforeRange([statement.parent.range[0], statement.parent.range[0]], ''));
  }
  // An async iterator's `return` is optional in its type, and returns a promise.
  const call =
    end.method === protocols.iteratorEnd ? `void ${handle}.return?.()` : `${end.returnsPromise ? 'void ' : ''}${handle}.${end.method}()`;
  fixes.push(fixer.insertTextBefore(statement, `${before}${abortListenerText(signal, optional, call, indent)}\n${indent}`));
  return fixes;
}
