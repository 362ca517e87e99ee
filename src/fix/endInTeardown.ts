import type { TSESLint } from '@typescript-eslint/utils';

import type { EndPlan } from '../analysis/endPlan';
import { AST_NODE_TYPES } from '../analysis/estree';
import type { AnalysisContext } from '../analysis/fileCache';
import { endCallText } from './endOnAbort';
import { indentationOf } from './indentation';

type TeardownPlan = Extract<EndPlan, { kind: 'inTeardown' }>;

/**
 * Adds the ending to the class's existing teardown, as its last statement:
 * `stop() { this.running = false; }` → `stop() { this.running = false;\n    clearInterval(this.timer); }`;
 * before a last `return` or `throw`, after which it would never run.
 */
export function endInTeardown(context: AnalysisContext, fixer: TSESLint.RuleFixer, plan: TeardownPlan): TSESLint.RuleFix[] {
  const { sourceCode } = context;
  const body = plan.teardown.value.body;
  if (!body) return [];
  const end = endCallText(context, plan.end, { handle: '', listener: '' });
  const last = body.body.at(-1);
  if (last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ThrowStatement) {
    return [fixer.insertTextBefore(last, `${end};\n${indentationOf(sourceCode, last)}`)];
  }
  if (last) return [fixer.insertTextAfter(last, `\n${indentationOf(sourceCode, last)}${end};`)];
  const indent = `${indentationOf(sourceCode, plan.teardown)}  `;
  return [fixer.replaceText(body, `{\n${indent}${end};\n${indent.slice(2)}}`)];
}
