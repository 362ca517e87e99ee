import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { pauseFunctions, promisifiers, timeoutFunctions } from './apis';
import { calleeName, isFunctionNode, skipTypeWrappers, walk } from './ast';
import type { AnalysisContext } from './fileCache';
import { importedCallee, trackedCalls } from './imports';
import { resolveCallee } from './resolveCallee';

const maxHelperDepth = 3;

/** Words that hint at a sleep when the helper's body cannot be read: weak evidence, used only to stay quiet. */
const pauseWords = new Set(['sleep', 'delay', 'wait', 'pause', 'backoff']);

/** `exponentialBackoff`, `backOff`, `wait_for`, `sleep` → true; `awaitReady`, `reconnect` → false. */
function namedLikePause(name: string): boolean {
  return /back_?off/i.test(name) || name.split(/(?=[A-Z])|[^A-Za-z]+/).some((word) => pauseWords.has(word.toLowerCase()));
}

/**
 * Whether awaiting `expression` waits for time to pass or for an event: a sleep from
 * `timers/promises` or the `delay` package, `events.once`, a `new Promise` settled later
 * (`new Promise((resolve) => setTimeout(resolve, ms))`), `promisify(setTimeout)`, or a helper whose
 * body does one of these (read through the call graph; a helper that cannot
 * be read counts when its name says so: `await backoff(attempt)`).
 *
 * `await sleep(1000)` with `const sleep = (ms) => new Promise((r) => setTimeout(r, ms))` → true.
 */
export function isPause(context: AnalysisContext, expression: TSESTree.Node, depth = 0): boolean {
  const inner = skipTypeWrappers(expression);
  if (inner.type === AST_NODE_TYPES.NewExpression) return isWaitingPromise(inner);
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  if (trackedCalls(context).get(inner)?.takesSignal?.sleep) return true;
  const callee = skipTypeWrappers(inner.callee);
  const imported = importedCallee(context.sourceCode, callee);
  if (imported && pauseFunctions[imported.module]?.includes(imported.name)) return true;
  if (callee.type === AST_NODE_TYPES.Identifier && isPromisifiedTimeout(context, callee)) return true;
  const resolved = depth < maxHelperDepth ? resolveCallee(context, inner) : undefined;
  if (resolved) return bodyPauses(resolved.context, resolved.fn, depth + 1);
  return namedLikePause(calleeName(inner) ?? '');
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

/**
 * `new Promise((resolve) => setTimeout(resolve, ms))` or `new Promise((resolve) => bus.once('ready', resolve))`:
 * a promise settled later, by a timer or an event; not one whose executor settles it at once.
 */
function isWaitingPromise(node: TSESTree.NewExpression): boolean {
  const executor = node.arguments[0];
  if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Promise' || !isFunctionNode(executor)) return false;
  const settlers = new Set(executor.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
  let settlesAtOnce = false;
  walk(executor.body, (inner) => {
    if (settlesAtOnce || isFunctionNode(inner)) return false;
    const callee = inner.type === AST_NODE_TYPES.CallExpression ? skipTypeWrappers(inner.callee) : undefined;
    if (callee?.type === AST_NODE_TYPES.Identifier && settlers.has(callee.name)) settlesAtOnce = true;
    return !settlesAtOnce;
  });
  return !settlesAtOnce;
}

/**
 * Whether a wait (see {@link isPause}) can fail as soon as it starts: a `new Promise` whose executor
 * hands its `reject` on (to an 'error' listener), a helper that awaits or returns one, or a helper
 * that awaits a call (a connect, a query) before its pause and lets it fail. Awaited in
 * the `try` of a retry loop, such a wait fails into the `catch` at once, without pausing.
 *
 * `new Promise((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); })` → true.
 */
export function waitMayFailAtOnce(context: AnalysisContext, expression: TSESTree.Node, depth = 0): boolean {
  const inner = skipTypeWrappers(expression);
  if (inner.type === AST_NODE_TYPES.NewExpression) {
    const executor = inner.arguments[0];
    const reject = isFunctionNode(executor) ? executor.params[1] : undefined;
    if (reject?.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = executor && context.sourceCode.getDeclaredVariables(executor).find((candidate) => candidate.name === reject.name);
    return (variable?.references.length ?? 0) > 0;
  }
  if (inner.type !== AST_NODE_TYPES.CallExpression || depth >= maxHelperDepth) return false;
  const resolved = resolveCallee(context, inner);
  const body = resolved?.fn.body;
  if (!resolved || !body) return false;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return waitMayFailAtOnce(resolved.context, body, depth + 1);
  let found = false;
  let paused = false;
  walk(body, (node) => {
    if (found || isFunctionNode(node)) return false;
    // A failure the helper catches itself does not reach the loop's `catch`.
    if (node.type === AST_NODE_TYPES.TryStatement && node.handler) return false;
    const value = node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.ReturnStatement ? node.argument : undefined;
    if (value && waitMayFailAtOnce(resolved.context, value, depth + 1)) found = true;
    // `await amqp.connect(url)` before the helper's pause: once the source is gone it rejects, and the pause never runs.
    else if (value && node.type === AST_NODE_TYPES.AwaitExpression && !paused) {
      if (isPause(resolved.context, value, depth + 1)) paused = true;
      else if (isCall(value)) found = true;
    }
    return !found;
  });
  return found;
}

/** `f(x)`, `client.connect()`: a call that may reject (not a plain value awaited). */
function isCall(node: TSESTree.Node): boolean {
  const inner = skipTypeWrappers(node);
  return inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression;
}

/** `const sleep = promisify(setTimeout)` or `util.promisify(setTimeout)`. */
function isPromisifiedTimeout(context: AnalysisContext, identifier: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs[0];
  if (definition?.type !== 'Variable' || !definition.node.init) return false;
  const init = skipTypeWrappers(definition.node.init);
  if (init.type !== AST_NODE_TYPES.CallExpression || !promisifiers.has(calleeName(init) ?? '')) return false;
  const argument = init.arguments[0];
  return argument?.type === AST_NODE_TYPES.Identifier && timeoutFunctions.has(argument.name);
}
