import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../estree';
import type { FunctionNode } from '../ast';
import { everyEndMethod } from '../apis';
import { enclosingFunction, findObjectProperty, functionValue, isInside, methodCallParts, runsImmediately, skipTypeWrappers, stableReferenceText, staticString, walk } from '../ast';
import { signalApi } from '../families/abortSignal';
import type { AnalysisContext } from '../fileCache';
import type { Start } from '../findStart';
import { findStart } from '../findStart';
import { judgeUntilOutlivingSignal } from '../findLeak';
import type { Judge, Leak } from '../leak';
import { describeFunction, makeLeak, ownerReasons } from '../leak';
import { targetOwner } from '../lifetime';
import { findMethodCalls, methodCallsByReceiver } from '../methodCallIndex';
import { listenerLabel } from './labels';

/**
 * An `abort` listener added by a finite job (an async function, a Promise executor) to a signal
 * it was handed: when the job settles, the listener stays on the signal, which outlives the job;
 * each call leaves one more. Legal when the job removes it (`finally { signal.removeEventListener(…) }`),
 * passes `{ signal }` of its own, settles only through that abort, or when the listener ends
 * something long-lived the same job started (the two live and die together).
 *
 * ```ts
 * export async function fetchJson(url: string, signal: AbortSignal) {
 *   const controller = new AbortController();
 *   signal.addEventListener('abort', () => controller.abort()); // ← stays after the fetch
 *   return (await fetch(url, { signal: controller.signal })).json();
 * }
 * ```
 */
export function judgeAbortListener(judge: Judge): Leak | undefined {
  const { context, start } = judge;
  const { object, listener } = start;
  if (judge.blind || !object || !listener || start.event !== signalApi.event) return undefined;
  if (judge.repetition) return judgeRepeatedAbortListener(judge, object.target, listener);
  const call = start.node as TSESTree.CallExpression;
  const fn = enclosingFunction(call);
  const job = fn && finiteJob(fn);
  if (!fn || !job) return undefined;
  const options = call.arguments[2];
  if (options && !isOnceOptions(options)) return undefined;
  const owner = targetOwner(context, object.target, fn);
  if (owner.owner !== 'outlives' || (owner.reason !== 'parameter' && owner.reason !== 'outer')) return undefined;
  const targetText = stableReferenceText(object.target);
  if (targetText === undefined) return undefined;
  if (isRemoved(context, targetText, job.body)) return undefined;
  if (job.kind === 'executor' && settlesOnlyOnAbort(context, fn, listener)) return undefined;
  const handler = functionValue(context.sourceCode, listener);
  if (!handler) return undefined; // a listener from elsewhere: what it does is not known here
  if (endsWhatTheJobStarted(context, handler, job.body, start)) return undefined;
  const settles = job.kind === 'executor' ? 'the promise it is added for settles' : `${describeFunction(job.body)} settles`;
  return makeLeak(
    context,
    start,
    job.body,
    'abortListenerLeftOn',
    { label: listenerLabel(signalApi.event), target: targetText, outlives: ownerReasons[owner.reason], settles },
    { end: undefined },
  );
}

/**
 * A fresh `abort` listener added on every run to a signal that outlives the repetition: each stays
 * (with all it holds) until that signal aborts, which may be never (`shutdown.signal` per request).
 * Not when the run removes it, hands `{ signal }` of its own, adds the same function every time
 * (an EventTarget ignores a listener it already has), or when the listener ends something the
 * run started that is reported itself as ended only at shutdown. A start that ends by itself (a
 * file piped to the response) is no such report: then the listener, holding it, is what piles up.
 *
 * ```ts
 * app.get('/poll', (req, res) => {
 *   shutdown.signal.addEventListener('abort', () => res.end()); // ← one more per request
 * });
 * ```
 */
function judgeRepeatedAbortListener(judge: Judge, target: TSESTree.Expression, listener: TSESTree.Node): Leak | undefined {
  const { context, start, scope } = judge;
  const call = start.node as TSESTree.CallExpression;
  const options = call.arguments[2];
  if (options && !isOnceOptions(options)) return undefined;
  const handler = functionValue(context.sourceCode, listener);
  if (!handler || !isInside(handler, scope)) return undefined; // the same function each run, or one not seen
  const owner = targetOwner(context, target, scope, { outerOutlives: true });
  if (owner.owner !== 'outlives') return undefined;
  const targetText = stableReferenceText(target);
  if (targetText === undefined || isRemoved(context, targetText, scope)) return undefined;
  // Silent only when what the listener ends is itself reported as running until that signal aborts.
  const ended = endedStarts(context, handler, scope, start);
  if (ended.some((endedStart) => judgeUntilOutlivingSignal(context, endedStart, judge))) return undefined;
  return makeLeak(
    context,
    start,
    judge.fn,
    'listenerNotRemoved',
    { label: listenerLabel(signalApi.event), target: targetText, outlives: ownerReasons[owner.reason] },
    { targetParameter: owner.parameterIndex, end: undefined },
  );
}

/** The job whose end the listener must not outlive: an async function, or the promise a `new Promise` executor makes. */
function finiteJob(fn: FunctionNode): { kind: 'async' | 'executor'; body: FunctionNode } | undefined {
  if (runsImmediately(fn) && fn.parent.type === AST_NODE_TYPES.NewExpression) {
    return { kind: 'executor', body: enclosingFunction(fn) ?? fn };
  }
  return fn.async ? { kind: 'async', body: fn } : undefined;
}

/** `{ once: true }`, `{ once: true, passive: true }`: options that neither hand a signal nor hide one. */
function isOnceOptions(options: TSESTree.Node): boolean {
  const inner = skipTypeWrappers(options);
  if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'boolean') return true;
  if (inner.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return inner.properties.every((property) => property.type === AST_NODE_TYPES.Property && !findObjectProperty(inner, signalApi.property));
}

/** `signal.removeEventListener('abort', …)` anywhere in the job (its `finally`, its settle paths). */
function isRemoved(context: AnalysisContext, targetText: string, within: TSESTree.Node): boolean {
  return findMethodCalls(methodCallsByReceiver(context), targetText, [signalApi.removeListener], within).some(
    ({ call }) => staticString(call.arguments[0]) === signalApi.event || call.arguments[0]?.type !== AST_NODE_TYPES.Literal,
  );
}

/**
 * The listener ends something long-lived that the job itself started: `sub.quit()` after
 * `const sub = client.duplicate()`, `clearInterval(timer)`, `bus.off('x', onX)` after `bus.on('x', onX)`,
 * or `server.close()` on an object the job made.
 */
function endsWhatTheJobStarted(context: AnalysisContext, handler: FunctionNode, job: TSESTree.Node, judged: Start): boolean {
  if (endedStarts(context, handler, job, judged).length > 0) return true;
  const made = madeObjects(job, handler);
  let found = false;
  walk(handler.body, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    // `server.close()` on a server the job made: an end method of some family, on an object of its own.
    const parts = methodCallParts(node);
    const receiver = parts && stableReferenceText(parts.target);
    if (parts && receiver !== undefined && made.has(receiver) && everyEndMethod.has(parts.method)) found = true;
    return undefined;
  });
  return found;
}

/** The starts of the job (other than abort listeners) whose target or handle the listener names. */
function endedStarts(context: AnalysisContext, handler: FunctionNode, job: TSESTree.Node, judged: Start): Start[] {
  const handles = new Map<string, Start[]>();
  const add = (text: string | undefined, start: Start): void => {
    if (text !== undefined) handles.set(text, [...(handles.get(text) ?? []), start]);
  };
  walk(job, (node) => {
    if (node === handler) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return undefined;
    if (node === judged.node) return undefined;
    const start = findStart(context, node);
    if (!start || start.event === signalApi.event) return undefined;
    add(start.object && stableReferenceText(start.object.target), start);
    add(handleHolder(node), start);
    return undefined;
  });
  const ended = new Set<Start>();
  walk(handler.body, (node) => {
    if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const text = stableReferenceText(node);
    for (const start of (text !== undefined && handles.get(text)) || []) ended.add(start);
    return undefined;
  });
  return [...ended];
}

/** Locals the job makes with `new` or a call, outside the listener: `const server = http.createServer(app)`. */
function madeObjects(job: TSESTree.Node, handler: FunctionNode): Set<string> {
  const made = new Set<string>();
  walk(job, (node) => {
    if (node === handler) return false;
    if (node.type !== AST_NODE_TYPES.VariableDeclarator || node.id.type !== AST_NODE_TYPES.Identifier || !node.init) return undefined;
    let init = skipTypeWrappers(node.init);
    if (init.type === AST_NODE_TYPES.AwaitExpression) init = skipTypeWrappers(init.argument);
    if (init.type === AST_NODE_TYPES.NewExpression || init.type === AST_NODE_TYPES.CallExpression) made.add(node.id.name);
    return undefined;
  });
  return made;
}

/** Where a start's handle is kept: `const sub = …` → `sub`, `this.timer = …` → `this.timer`. */
function handleHolder(start: TSESTree.Node): string | undefined {
  let value: TSESTree.Node = start;
  while (value.parent?.type === AST_NODE_TYPES.AwaitExpression || value.parent?.type === AST_NODE_TYPES.TSAsExpression) value = value.parent;
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value) return stableReferenceText(parent.id);
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value) return stableReferenceText(parent.left);
  return undefined;
}

/**
 * The executor's promise settles only from the abort listener: `new Promise((resolve) =>
 * signal.addEventListener('abort', resolve, { once: true }))`. Then the job ends when the signal
 * aborts, and the listener with it.
 */
function settlesOnlyOnAbort(context: AnalysisContext, executor: FunctionNode, listener: TSESTree.Node): boolean {
  const settlers = context.sourceCode.getDeclaredVariables(executor).filter((variable) => variable.defs[0]?.type === 'Parameter');
  if (settlers.length === 0) return false;
  return settlers.every((variable) =>
    variable.references.every((reference) => reference.identifier === listener || isInside(reference.identifier, listener)),
  );
}
