import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import { timeoutFunctions } from './apis';
import { endOfLifeTarget } from './endOfLifeEnd';
import type { FunctionNode } from './ast';
import { protocols } from './families/language';
import { calleeName, conditionTest, isFunctionNode, isInside, namedFunctionVariable, skipTypeWrappers, walk } from './ast';
import type { AnalysisContext } from './fileCache';
import { perFile } from './fileCache';
import { isThisLike, memberName } from './teardown';

/** How far out from the timer call a re-armed function is looked for: `poll` in `poll() { x.then(() => setTimeout(poll)) }`. */
const maxDepth = 3;

/**
 * The function a one-shot timer call runs again, when its callback is, or calls, a function the
 * call is written in: the timer re-arms itself, and runs until its stored id is cleared.
 *
 * ```js
 * function poll() { work(); timer = setTimeout(poll, 1000); } // → poll
 * renew() { this.timer = setTimeout(() => { …; this.renew(); }, ms); } // → renew
 * setTimeout(() => console.log('once'), 1000); // → undefined
 * ```
 */
export function rearmedFunction(context: AnalysisContext, call: TSESTree.CallExpression | TSESTree.NewExpression): FunctionNode | undefined {
  const callback = call.type === AST_NODE_TYPES.CallExpression ? call.arguments[0] : undefined;
  if (!callback || callback.type === AST_NODE_TYPES.SpreadElement) return undefined;
  let depth = 0;
  for (let current: TSESTree.Node | undefined = call.parent; current && depth < maxDepth; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    depth++;
    if (runsAgain(context, callback, current)) return unguarded(context, current, call) ? current : undefined;
  }
  return undefined;
}

/**
 * Whether a re-arm of `fn` is written in a handler of an end of life (`es.onerror = () =>
 * setTimeout(connect, ms)`, `socket.on('close', …)`): a reconnect that runs only when something
 * fails or closes, and stops once a connection stays up, as a re-arm on a promise's failure does.
 */
export function rearmsOnlyAtAnEnd(call: TSESTree.Node, fn: FunctionNode): boolean {
  for (let current = call.parent; current && current !== fn; current = current.parent) {
    if (isFunctionNode(current) && endOfLifeTarget(current) !== undefined) return true;
  }
  return false;
}

/**
 * Whether `node` is, or is inside, a one-shot timer call in `fn` that re-arms `fn`: the re-arm is
 * not a call of `fn` from elsewhere, nor a run of its own (one timer is pending at a time).
 *
 * `function poll() { work(); setTimeout(poll, 1000); }`: `setTimeout(poll, 1000)` and its `poll` → `true`.
 */
export function isInsideRearmOf(context: AnalysisContext, node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let current: TSESTree.Node | undefined = node; current && current !== fn; current = current.parent) {
    if (isTimeoutCall(current) && rearmedFunction(context, current) === fn) return true;
  }
  return false;
}

/** `setTimeout(…)`, `setImmediate(…)`: a call of a one-shot timer. */
export function isTimeoutCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === AST_NODE_TYPES.CallExpression && timeoutFunctions.has(calleeName(node) ?? '');
}

/** Whether the timer's callback is `fn` by name, or calls it (`poll()`, `this.renew()`). */
function runsAgain(context: AnalysisContext, callback: TSESTree.Node, fn: FunctionNode): boolean {
  const variable = namedFunctionVariable(context.sourceCode, fn);
  const method = ownMethodName(fn);
  if (variable === undefined && method === undefined) return false;
  const inner = skipTypeWrappers(callback);
  if (inner.type === AST_NODE_TYPES.Identifier) return variable?.references.some((reference) => reference.identifier === inner) === true;
  if (!isFunctionNode(inner)) return false;
  // A `function` callback has a `this` of its own: only an arrow shares the method's.
  const sharesThis = inner.type === AST_NODE_TYPES.ArrowFunctionExpression;
  const rearms = (call: TSESTree.CallExpression) => sameState(call) && unguarded(context, inner, call);
  if (variable?.references.some((reference) => isInside(reference.identifier, inner) && isCallee(reference.identifier) && rearms(reference.identifier.parent as TSESTree.CallExpression))) {
    return true;
  }
  if (method === undefined) return false;
  let found = false;
  walk(inner.body, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return true;
    const object = skipTypeWrappers(node.callee.object);
    const thisCall = object.type === AST_NODE_TYPES.ThisExpression ? sharesThis && !insideOwnThis(object, inner) : isThisLike(context, object);
    if (thisCall && memberName(node.callee) === method && rearms(node)) found = true;
    return true;
  });
  return found;
}

/** `this` inside a nested non-arrow function of the callback is not the callback's. */
function insideOwnThis(node: TSESTree.Node, callback: FunctionNode): boolean {
  for (let current = node.parent; current && current !== callback; current = current.parent) {
    if (isFunctionNode(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) return true;
  }
  return false;
}

/**
 * A re-arm that hands itself what it was given, or nothing: `poll()`, `this.renew(client)`. One
 * that computes its arguments (`retry(n - 1)`, `connect(attempt + 1)`) counts towards an end: a
 * bounded retry, not a timer that runs on (when unsure, stay quiet).
 */
function sameState(call: TSESTree.CallExpression): boolean {
  return call.arguments.every((argument) => {
    const inner = skipTypeWrappers(argument);
    return (
      inner.type === AST_NODE_TYPES.Identifier ||
      inner.type === AST_NODE_TYPES.Literal ||
      inner.type === AST_NODE_TYPES.ThisExpression ||
      (inner.type === AST_NODE_TYPES.MemberExpression && !inner.computed)
    );
  });
}

function isCallee(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier;
}

/** The method the function is, called on `this`: `renew() {}`, `Foo.prototype.renew = function`. */
function ownMethodName(fn: FunctionNode): string | undefined {
  const parent = fn.parent;
  if ((parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.Property) && parent.value === fn && !parent.computed) {
    return parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : undefined;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    return memberName(parent.left);
  }
  return undefined;
}

/**
 * Whether `target` runs on every run of `fn`: not under a condition, nor after an early exit, nor
 * in a `catch`, but for a test of a boolean flag (`if (!this.closed)`, `if (stopped) return`),
 * which is how a timer meant to run until stopped is written. A re-arm while work remains
 * (`if (queue.length > 0) setTimeout(drain)`), until ready (`if (ready) return resolve()`) or on
 * failure (`.catch(() => setTimeout(retry))`) ends by itself, or may: stay quiet.
 */
function unguarded(context: AnalysisContext, fn: FunctionNode, target: TSESTree.Node): boolean {
  let guarded = false;
  walk(fn.body ?? fn, (node) => {
    if (guarded) return false;
    if (isFunctionNode(node) && node !== fn) {
      if (!isInside(target, node)) return false;
      // `.catch(() => …)`, `.then(ok, () => …)`: runs on failure only.
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.MemberExpression) {
        const method = memberName(parent.callee);
        if (method === protocols.promiseFailure || (method === protocols.promiseValue && parent.arguments[1] === node)) guarded = true;
      }
      return !guarded;
    }
    if (node.type === AST_NODE_TYPES.CatchClause || node.type === AST_NODE_TYPES.SwitchCase) {
      if (isInside(target, node)) guarded = true;
      return !guarded;
    }
    const test = conditionTest(node);
    if (!test || isInside(target, test)) return true;
    const containsTarget = isInside(target, node);
    const exitsBefore = !containsTarget && node.range[1] <= target.range[0] && exitsIn(node);
    if ((containsTarget || exitsBefore) && !isFlagTest(context, test)) guarded = true;
    return !guarded;
  });
  return !guarded;
}

/**
 * The re-arm is tested against a flag the file sets (`if (!this.stopped) setTimeout(…)`, `if
 * (closed) return;` before it): setting the flag ends the chain at its next run.
 */
export function rearmStoppedByFlag(context: AnalysisContext, call: TSESTree.CallExpression): boolean {
  const fn = rearmedFunction(context, call);
  if (!fn) return false;
  let stopped = false;
  walk(fn.body ?? fn, (node) => {
    if (stopped) return false;
    if (isFunctionNode(node) && node !== fn) return isInside(call, node);
    const test = conditionTest(node);
    if (!test || isInside(call, test)) return true;
    const containsCall = isInside(call, node);
    const exitsBefore = !containsCall && node.range[1] <= call.range[0] && exitsIn(node);
    if ((containsCall || exitsBefore) && isFlagTest(context, test)) stopped = true;
    return !stopped;
  });
  return stopped;
}

/** `stopped`, `!this.closed`: a test of a name the file sets to `true` or `false`. */
function isFlagTest(context: AnalysisContext, test: TSESTree.Expression): boolean {
  let inner = skipTypeWrappers(test);
  if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!') inner = skipTypeWrappers(inner.argument);
  const name = inner.type === AST_NODE_TYPES.Identifier ? inner.name : inner.type === AST_NODE_TYPES.MemberExpression ? memberName(inner) : undefined;
  return name !== undefined && booleanFlags(context).has(name);
}

/** A `return` or `throw` of this function in the node: `if (done) return resolve()`. */
function exitsIn(node: TSESTree.Node): boolean {
  let found = false;
  walk(node, (inner) => {
    if (found || isFunctionNode(inner)) return false;
    if (inner.type === AST_NODE_TYPES.ReturnStatement || inner.type === AST_NODE_TYPES.ThrowStatement) found = true;
    return !found;
  });
  return found;
}

/** Names the file sets to `true` or `false`: `this.closed = true`, `stopped = false`. */
const booleanFlags = perFile((context): ReadonlySet<string> => {
  const names = new Set<string>();
  walk(context.sourceCode.ast, (node) => {
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.right.type !== AST_NODE_TYPES.Literal || typeof node.right.value !== 'boolean') return true;
    const left = skipTypeWrappers(node.left);
    const name = left.type === AST_NODE_TYPES.Identifier ? left.name : left.type === AST_NODE_TYPES.MemberExpression ? memberName(left) : undefined;
    if (name !== undefined) names.add(name);
    return true;
  });
  return names;
});
