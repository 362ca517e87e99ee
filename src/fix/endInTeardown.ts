import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode, walk } from '../analysis/ast';
import type { EndPlan } from '../analysis/endPlan';
import { AST_NODE_TYPES } from '../analysis/estree';
import type { AnalysisContext } from '../analysis/fileCache';
import { endCallText } from './endOnAbort';
import { indentationOf } from './indentation';

type TeardownPlan = Extract<EndPlan, { kind: 'inTeardown' }>;

/**
 * Adds the ending to the class's existing teardown, as its last statement:
 * `stop() { this.running = false; }` → `stop() { this.running = false;\n    clearInterval(this.timer); }`;
 * before a last statement that may leave the teardown (`return`, `throw`, or an `if`/`try`/`switch`
 * holding one), after which it would not always run.
 */
export function endInTeardown(context: AnalysisContext, fixer: TSESLint.RuleFixer, plan: TeardownPlan): TSESLint.RuleFix[] {
  const { sourceCode } = context;
  const body = plan.teardown.value.body;
  if (!body) return [];
  const end = endCallText(context, plan.end, { handle: '', listener: '' });
  if (end === undefined) return [];
  const last = body.body.at(-1);
  if (last && mayLeave(last)) {
    return [fixer.insertTextBefore(last, `${end};\n${indentationOf(sourceCode, last)}`)];
  }
  if (last) return [fixer.insertTextAfter(last, `\n${indentationOf(sourceCode, last)}${end};`)];
  const indent = `${indentationOf(sourceCode, plan.teardown)}  `;
  return [fixer.replaceText(body, `{\n${indent}${end};\n${indent.slice(2)}}`)];
}

/** Whether a statement may leave its function: a `return` or `throw` in it, not in a function nested in it. */
function mayLeave(statement: TSESTree.Statement): boolean {
  let leaves = false;
  walk(statement, (node) => {
    if (leaves || isFunctionNode(node)) return false;
    leaves = node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement;
    return !leaves;
  });
  return leaves;
}
