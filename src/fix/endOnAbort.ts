import type { TSESLint } from '@typescript-eslint/utils';

import type { EndPlan } from '../analysis/findLeak';
import { isFunctionNode } from '../analysis/ast';
import type { AnalysisContext } from '../analysis/fileCache';
import { freeName } from './freeName';
import { indentationOf } from './indentation';
import { typedListenerText } from './typedListener';

type OnAbortPlan = Extract<EndPlan, { kind: 'onAbort' }>;

/**
 * Ends a started thing when `signal` aborts, right after the statement that starts or last uses it:
 * `const sub = client.duplicate(); …` → `… signal.addEventListener('abort', () => void sub.quit(), { once: true });`
 * A dropped handle is bound first (`const interval = setInterval(…)`), and an inline listener is
 * moved into a named `const` so the same function can be removed, with its parameters' types
 * written out (no fix when they cannot be). An `optional` signal (a new
 * parameter callers may not pass) is used as `signal?.addEventListener(…)`.
 */
export function endOnAbort(
  context: AnalysisContext,
  fixer: TSESLint.RuleFixer,
  plan: OnAbortPlan,
  signal: string,
  { optional = false }: { optional?: boolean } = {},
): TSESLint.RuleFix[] {
  const { sourceCode } = context;
  const fixes: TSESLint.RuleFix[] = [];
  let end = plan.end;
  const indent = indentationOf(sourceCode, plan.after);
  if (plan.bindHandle) {
    const name = freeName(context, plan.bindHandle.statement, plan.bindHandle.preferredName);
    fixes.push(
      fixer.replaceTextRange(
        [plan.bindHandle.statement.range[0], plan.bindHandle.value.range[1]],
        `const ${name} = ${sourceCode.getText(plan.bindHandle.value)}`,
      ),
    );
    end = end.replaceAll('$handle', name);
  }
  if (plan.extractListener) {
    // Standing alone, the listener keeps its parameters' types only if they are written out.
    const listener = isFunctionNode(plan.extractListener.node)
      ? typedListenerText(context, plan.extractListener.node)
      : sourceCode.getText(plan.extractListener.node);
    if (listener === undefined) return [];
    const name = freeName(context, plan.after, plan.extractListener.preferredName);
    fixes.push(
      fixer.insertTextBefore(plan.after, `const ${name} = ${listener};\n${indent}`),
      fixer.replaceText(plan.extractListener.node, name),
    );
    end = end.replaceAll('$listener', name);
  }
  // After the statement's own trailing comment, so the comment stays on its line.
  const trailingComment = sourceCode
    .getCommentsAfter(plan.after)
    .filter((comment) => comment.loc.start.line === plan.after.loc.end.line)
    .at(-1);
  fixes.push(
    fixer.insertTextAfter(
      trailingComment ?? plan.after,
      `\n${indent}${signal}${optional ? '?.' : '.'}addEventListener('abort', () => ${end}, { once: true });`,
    ),
  );
  return fixes;
}
