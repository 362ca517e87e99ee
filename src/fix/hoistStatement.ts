import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../analysis/estree';
import { isFunctionNode, skipTypeWrappers, stableReferenceText, walk } from '../analysis/ast';
import { indentationOf } from './indentation';

/**
 * Moves `statement`, with its trailing comment and its own line, to just before `before`, at
 * `before`'s indentation: the "subscribe once, before the job" suggestion.
 */
export function hoistStatement(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Statement,
  before: TSESTree.Node,
): TSESLint.RuleFix[] {
  const text = sourceCode.text;
  const trailing = sourceCode
    .getCommentsAfter(statement)
    .filter((comment) => comment.loc.start.line === statement.loc.end.line)
    .at(-1);
  const end = trailing?.range[1] ?? statement.range[1];
  const lineStart = statement.range[0] - indentationOf(sourceCode, statement).length;
  const lineBreak = /^[ \t]*(\r?\n|$)/.exec(text.slice(end));
  const ownLine = text.slice(lineStart, statement.range[0]).trim() === '' && lineBreak !== null;
  const removal: [number, number] = ownLine ? [lineStart, end + lineBreak[0].length] : [statement.range[0], end];
  const moved = text.slice(statement.range[0], end);
  return [fixer.removeRange(removal), fixer.insertTextBefore(before, `${moved}\n${indentationOf(sourceCode, before)}`)];
}

/**
 * Whether code after `statement` in `body` reads the slot it assigns: moved out of the callback,
 * the assignment no longer narrows those reads (`this.sub = r.duplicate(); this.sub.on(…)` with
 * `sub?: Redis` stops compiling), so hoisting it is not offered.
 */
export function assignedSlotReadAfter(statement: TSESTree.ExpressionStatement, body: TSESTree.Node): boolean {
  const slot = assignedSlot(statement);
  if (slot === undefined) return false;
  let read = false;
  walk(body, (node) => {
    if (read) return false;
    const reference = node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.Identifier;
    if (reference && node.range[0] >= statement.range[1] && stableReferenceText(node) === slot) read = true;
    return !read;
  });
  return read;
}

/**
 * Whether the scheduling call is made on the slot the statement assigns: `this.sub.on('error', () =>
 * { this.sub = new Redis(); })`. Hoisted before it, the assignment would replace the very client the
 * listener is added to, leaving that one running: not offered.
 */
export function assignsSchedulerReceiver(statement: TSESTree.ExpressionStatement, scheduler: TSESTree.Node): boolean {
  const slot = assignedSlot(statement);
  const callee = scheduler.type === AST_NODE_TYPES.CallExpression || scheduler.type === AST_NODE_TYPES.NewExpression ? scheduler.callee : undefined;
  if (slot === undefined || !callee) return false;
  let read = false;
  walk(callee, (node) => {
    if (read) return false;
    if ((node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.Identifier) && stableReferenceText(node) === slot) read = true;
    return !read;
  });
  return read;
}

/** `this.sub` in `this.sub = …;`. */
function assignedSlot(statement: TSESTree.ExpressionStatement): string | undefined {
  const assignment = skipTypeWrappers(statement.expression);
  return assignment.type === AST_NODE_TYPES.AssignmentExpression ? stableReferenceText(assignment.left) : undefined;
}

/**
 * Arguments that make a value each time the call runs (`watch('/inbox/' + new Date().toISOString())`,
 * `connect(nextPort())`), outside the functions it is handed: moved out of the job, the call would
 * get the first run's value for good.
 */
export function argumentsComputedPerRun(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  let computed = false;
  for (const argument of call.arguments) {
    walk(argument, (inner) => {
      if (computed || isFunctionNode(inner)) return false;
      if (inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression) computed = true;
      return !computed;
    });
  }
  return computed;
}

/**
 * A `while`/`do` loop, or a `for` with no update, moves on only by what its body does: moved out,
 * the call may be what made the condition false (`while (pool.size < min) addWorker()`), and the
 * loop left behind would never end.
 */
export function loopMovedOnByBody(scope: TSESTree.Node): boolean {
  if (scope.type === AST_NODE_TYPES.ForStatement) return scope.update === null;
  return scope.type === AST_NODE_TYPES.WhileStatement || scope.type === AST_NODE_TYPES.DoWhileStatement;
}

/**
 * Whether `statement` is `call` and nothing more (`call()`, `void call()`, `await call()`,
 * `this.timer = call()`): moved out, only the call moves. `void sync().then(report)` moves the
 * work done with its result as well.
 */
export function isWholeStatement(call: TSESTree.Node, statement: TSESTree.ExpressionStatement): boolean {
  let expression = skipTypeWrappers(statement.expression);
  for (;;) {
    if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void') expression = skipTypeWrappers(expression.argument);
    else if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipTypeWrappers(expression.argument);
    else if (expression.type === AST_NODE_TYPES.AssignmentExpression) expression = skipTypeWrappers(expression.right);
    else return expression === call;
  }
}
