import type { TSESLint } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../analysis/estree';
import { signalApi } from '../analysis/families/abortSignal';
import type { UnboundedLoop } from '../analysis/loops';
import { passSignal } from './passSignal';

/**
 * Makes an endless loop stop when `signal` aborts: `while (true)` → `while (!signal.aborted)`,
 * `for (;;)` → `for (; !signal.aborted; )`, `while (running)` → `while (running && !signal.aborted)`;
 * an endless `for await` source and the loop's sleeps get `{ signal }`. An `optional` signal is
 * checked as `!signal?.aborted`, so callers that pass none keep the loop they had.
 */
export function stopLoopOnAbort(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  unbounded: UnboundedLoop,
  signal: string,
  { optional = false }: { optional?: boolean } = {},
): TSESLint.RuleFix[] {
  const { loop } = unbounded;
  const fixes: TSESLint.RuleFix[] = [];
  const check = `!${signal}${optional ? '?.' : '.'}${signalApi.aborted}`;
  if (loop.type === AST_NODE_TYPES.ForOfStatement) {
    if (unbounded.source) {
      const fix = passSignal(fixer, sourceCode, unbounded.source.call, unbounded.source.optionsIndex, signal);
      if (fix) fixes.push(fix);
    }
  } else if (loop.type === AST_NODE_TYPES.ForStatement && loop.test === null) {
    const afterInit = loop.init?.range[1] ?? loop.range[0];
    const semicolon = sourceCode
      .getTokens(loop)
      .find((token) => token.value === ';' && token.range[0] >= afterInit && token.range[1] <= loop.body.range[0]);
    if (!semicolon) return [];
    const next = sourceCode.getTokenAfter(semicolon);
    const bare = !loop.init && !loop.update && next?.value === ';';
    fixes.push(
      bare
        ? fixer.replaceTextRange([semicolon.range[0], next.range[1]], `; ${check}; `)
        : fixer.insertTextAfter(semicolon, ` ${check}`),
    );
  } else if (loop.test?.type === AST_NODE_TYPES.Identifier) {
    fixes.push(fixer.insertTextAfter(loop.test, ` && ${check}`));
  } else if (loop.test) {
    fixes.push(fixer.replaceText(loop.test, check));
  }
  for (const sleep of unbounded.sleeps) {
    const fix = passSignal(fixer, sourceCode, sleep.call, sleep.optionsIndex, signal);
    if (fix) fixes.push(fix);
  }
  return fixes;
}
