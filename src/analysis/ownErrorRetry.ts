import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import { isFunctionNode, skipTypeWrappers, walk } from './ast';
import type { AnalysisContext } from './fileCache';

/**
 * Whether a `catch` in a loop goes round again only for errors this file throws itself, and hands
 * every other failure on (`throw`/`return` last, or `if (!(error instanceof Own)) throw error;`
 * before any way round). Such a retry answers a condition the program raised
 * on purpose (a rebalance, a restart with fresh state), not a failing source: a source closed for
 * good fails with its own errors, which leave the loop.
 *
 * ```js
 * while (true) {
 *   try { await Promise.all(fetchers.map((f) => f.start())); }
 *   catch (error) {
 *     if (error instanceof RebalanceError) continue; // thrown by this file: `throw new RebalanceError()`
 *     throw error;                                   // everything else leaves
 *   }
 *   break;
 * }
 * ```
 */
export function retriesOnlyOwnErrors(context: AnalysisContext, handler: TSESTree.CatchClause): boolean {
  const param = handler.param;
  if (param?.type !== AST_NODE_TYPES.Identifier) return false;
  const statements = handler.body.body;
  // `if (!(error instanceof Own)) throw error;` with no way round before it: the rest runs only for Own.
  const guard = statements.findIndex((statement) => statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && leaves(statement.consequent) && negatedOwnErrorTest(context, statement.test, param.name));
  if (guard !== -1 && statements.slice(0, guard).every((statement) => continues(statement).length === 0)) return true;
  // `if (error instanceof Own) continue; throw error;`: the only way round is through that test.
  const last = statements.at(-1);
  if (!last || !leaves(last)) return false;
  const rounds = continues(handler.body);
  return rounds.length > 0 && rounds.every((round) => underOwnErrorTest(context, round, handler, param.name));
}

/** The `continue` statements in `root`'s own code (a nested loop's too: counted, to stay safe). */
function continues(root: TSESTree.Node): TSESTree.ContinueStatement[] {
  const found: TSESTree.ContinueStatement[] = [];
  walk(root, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.ContinueStatement) found.push(node);
    return true;
  });
  return found;
}

/** A `throw`/`return`, or a block that ends with one. */
function leaves(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ThrowStatement || statement.type === AST_NODE_TYPES.ReturnStatement) return true;
  if (statement.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = statement.body.at(-1);
  return last !== undefined && leaves(last);
}

/** Whether `node` sits in the consequent of an `if (error instanceof Own)` inside the handler. */
function underOwnErrorTest(context: AnalysisContext, node: TSESTree.Node, handler: TSESTree.CatchClause, param: string): boolean {
  for (let child = node; child.parent && child !== handler; child = child.parent) {
    const parent = child.parent;
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child && ownErrorTest(context, parent.test, param)) return true;
  }
  return false;
}

/** `!(error instanceof Own)`. */
function negatedOwnErrorTest(context: AnalysisContext, test: TSESTree.Node, param: string): boolean {
  const inner = skipTypeWrappers(test);
  return inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!' && ownErrorTest(context, inner.argument, param);
}

/** `error instanceof Own`, where this file has `throw new Own(…)`. */
function ownErrorTest(context: AnalysisContext, test: TSESTree.Node, param: string): boolean {
  const inner = skipTypeWrappers(test);
  if (inner.type !== AST_NODE_TYPES.BinaryExpression || inner.operator !== 'instanceof') return false;
  if (inner.left.type !== AST_NODE_TYPES.Identifier || inner.left.name !== param || inner.right.type !== AST_NODE_TYPES.Identifier) return false;
  const name = inner.right.name;
  let thrown = false;
  walk(context.sourceCode.ast, (node) => {
    if (thrown) return false;
    if (
      node.type === AST_NODE_TYPES.ThrowStatement &&
      node.argument.type === AST_NODE_TYPES.NewExpression &&
      node.argument.callee.type === AST_NODE_TYPES.Identifier &&
      node.argument.callee.name === name
    ) {
      thrown = true;
    }
    return !thrown;
  });
  return thrown;
}
