import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import { pauseFunctions } from './apis';
import { calleeName, isFunctionNode, skipTypeWrappers, walk } from './ast';
import type { AnalysisContext } from './fileCache';
import { importedName, trackedCalls } from './imports';
import { resolveCallee } from './resolveCallee';

const maxHelperDepth = 3;

/** Names that hint at a sleep when the helper's body cannot be read: weak evidence, used only to stay quiet. */
const pauseNameHint = /^(?:sleep|delay|wait|pause|backoff)/i;

/**
 * Whether awaiting `expression` waits for time to pass: a sleep from `timers/promises` or the
 * `delay` package, `new Promise((resolve) => setTimeout(resolve, ms))`, `promisify(setTimeout)`,
 * or a helper whose body does one of these (read through the call graph; a helper that cannot
 * be read counts when its name says so: `await backoff(attempt)`).
 *
 * `await sleep(1000)` with `const sleep = (ms) => new Promise((r) => setTimeout(r, ms))` → true.
 */
export function isPause(context: AnalysisContext, expression: TSESTree.Node, depth = 0): boolean {
  const inner = skipTypeWrappers(expression);
  if (inner.type === AST_NODE_TYPES.NewExpression) return isTimerPromise(context, inner);
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  if (trackedCalls(context).get(inner)?.takesSignal?.sleep) return true;
  const callee = skipTypeWrappers(inner.callee);
  const root = callee.type === AST_NODE_TYPES.MemberExpression ? skipTypeWrappers(callee.object) : callee;
  if (root.type === AST_NODE_TYPES.Identifier) {
    const imported = importedName(context.sourceCode, root);
    const name = callee === root ? imported?.name : '*';
    if (imported && name && pauseFunctions[imported.module]?.includes(name)) return true;
    if (callee === root && isPromisifiedTimeout(context, root)) return true;
  }
  const resolved = depth < maxHelperDepth ? resolveCallee(context, inner) : undefined;
  if (resolved) return bodyPauses(resolved.context, resolved.fn, depth + 1);
  return pauseNameHint.test(calleeName(inner) ?? '');
}

/** A helper that awaits or returns a pause: `async function backoff(n) { await sleep(2 ** n * 100); }`. */
function bodyPauses(context: AnalysisContext, fn: TSESTree.FunctionLike, depth: number): boolean {
  if (!fn.body) return false;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isPause(context, fn.body, depth);
  let found = false;
  walk(fn.body, (node) => {
    if (found || isFunctionNode(node)) return false;
    const value =
      node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.ReturnStatement ? node.argument : undefined;
    if (value && isPause(context, value, depth)) found = true;
    return !found;
  });
  return found;
}

/** `new Promise((resolve) => setTimeout(resolve, ms))`: the executor arms a timer. */
function isTimerPromise(context: AnalysisContext, node: TSESTree.NewExpression): boolean {
  const executor = node.arguments[0];
  if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Promise' || !isFunctionNode(executor)) return false;
  let found = false;
  walk(executor.body, (inner) => {
    if (found || isFunctionNode(inner)) return false;
    if (inner.type === AST_NODE_TYPES.CallExpression && isGlobalSetTimeout(context, inner)) found = true;
    return !found;
  });
  return found;
}

/** `setTimeout(…)` of the platform, not a local function of that name. */
function isGlobalSetTimeout(context: AnalysisContext, call: TSESTree.CallExpression): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'setTimeout') return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(callee), callee);
  if (!variable || variable.defs.length === 0) return true;
  return importedName(context.sourceCode, callee)?.module === 'timers';
}

/** `const sleep = promisify(setTimeout)` or `util.promisify(setTimeout)`. */
function isPromisifiedTimeout(context: AnalysisContext, identifier: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs[0];
  if (definition?.type !== 'Variable' || !definition.node.init) return false;
  const init = skipTypeWrappers(definition.node.init);
  if (init.type !== AST_NODE_TYPES.CallExpression || calleeName(init) !== 'promisify') return false;
  const argument = init.arguments[0];
  return argument?.type === AST_NODE_TYPES.Identifier && argument.name === 'setTimeout';
}
