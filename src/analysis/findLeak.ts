import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import { isProcessLifecycleEvent, oneShotListenerMethods, processGlobals, processLifecycleEvents } from './apis';
import { enclosingFunction, isFunctionNode, methodCallParts, skipTypeWrappers, stableReferenceText } from './ast';
import { possibleEventNames } from './eventNames';
import type { AnalysisContext } from './fileCache';
import type { Start } from './findStart';
import { findStart } from './findStart';
import { isGuardedOnce } from './guardedOnce';
import { judgeConnection } from './judges/connection';
import { judgeHandle } from './judges/handle';
import { judgeFieldStart, judgeLifecycle } from './judges/lifecycle';
import { judgeListener } from './judges/listener';
import { judgeWaiter } from './judges/waiter';
import { judgePipe } from './judges/pipe';
import { judgeChannelSubscription, judgeCustomSubscription } from './judges/subscription';
import type { Leak, LeakScope } from './leak';
import { defaultEntryFunctions, functionLifetime, isInitHook, isViewComponentMethod, mayExitProcess } from './lifetime';
import { isCustomStartMethod } from './objectApi';
import { waitsForOnceEventOrRunsNow } from './onceEventWait';
import { isPerClientObject, kindOnlyFromCallers } from './objectKind';
import type { OutlivingSignal } from './outlivingSignals';
import { outlivingSignalEnds } from './outlivingSignals';
import { instanceFieldOf, storedSlot } from './storedHandles';

export type { EndPlan } from './endPlan';
export type { Leak, LeakScope } from './leak';
export { describeFunction } from './leak';

export interface LeakOptions {
  /** Functions that run once for the program, whose starts are meant to live as long. */
  entryFunctions: readonly string[];
}

/**
 * Judges a call: does it start something that outlives the function it is in, with no way to end
 * it? Lifetime first (who owns the target, how long the function's work lives), then every way
 * it could be ended (a signal, `once`, a removal, a close, a handle handed to an owner).
 *
 * ```ts
 * export function helper(client: Redis) {
 *   const sub = client.duplicate();
 *   void sub.subscribe('new-task'); // ← leak: the connection is never closed
 * }
 * ```
 */
export function findLeak(
  context: AnalysisContext,
  node: TSESTree.Node,
  options: LeakOptions = { entryFunctions: defaultEntryFunctions },
): Leak | undefined {
  // The function's lifetime is a cheap AST question; what the call starts may be a type query.
  const fn = enclosingFunction(node);
  if (!fn) return fieldLeak(context, node);
  // A listener added for one wait, by a method that may wait again: whether it is removed when the wait is over.
  const waiter = judgeWaiter(context, node);
  if (waiter !== undefined) return waiter === 'fine' || isProcessLifecycleListener(context, waiter.start) ? undefined : waiter;
  const lifetime = functionLifetime(context, fn, options.entryFunctions);
  // Program code means what it starts to last; if it runs again and again, no-repeated-subscription says so.
  const meantToLast = lifetime === 'program' || lifetime === 'callback';
  // A class method answers to its class's teardown, whatever its name says.
  const method = fn.parent.type === AST_NODE_TYPES.MethodDefinition && fn.type === AST_NODE_TYPES.FunctionExpression ? fn.parent : undefined;
  // A handle stored on `this` or in an outer variable answers to what holds it, even from a callback.
  // So does a listener a callback adds to a member of `this` (`handlers.forEach((h) => this.redis.on('x', h))`).
  if (meantToLast && !method && !isStoredValue(node) && !storedSlot(context, node) && !isOnThisMember(node)) return undefined;
  // A one-shot listener ends when its event fires: only a repetition can pile them up.
  const called = methodCallParts(node)?.method;
  if (called !== undefined && oneShotListenerMethods.has(called) && !isCustomStartMethod(context, called)) return undefined;
  const start = findStart(context, node);
  // Nothing its holder can call ends it: only a repetition that makes one each run leaks (no-repeated-subscription).
  if (!start || start.call?.unendable) return undefined;
  if (isProcessLifecycleListener(context, start)) return undefined;
  if (isProcessWatchdog(context, start)) return undefined;
  // `if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();`
  if (waitsForOnceEventOrRunsNow(context, start)) return undefined;
  const judged = judgeLifecycle(context, start, fn);
  if (judged !== undefined) return judged === 'fine' ? undefined : judged;
  // A setup method of a class answers to its teardown alone (a static one has none: it is read as a function).
  if (meantToLast || (method && !method.static && lifetime === 'setup')) return undefined;
  // `if (started) return; started = true;`: however often it is called, it starts this once.
  if (isGuardedOnce(context, fn, start.node, { instanceState: false })) return undefined;
  // A view component's init hook runs on every mount, and what it attaches to its props or injected
  // services outlives it: no constructor for those.
  const inConstructor = lifetime === 'constructor' || (start.kind === 'listener' && isInitHook(fn) && !isViewComponentMethod(context, fn));
  const found = judgeStart(context, start, { fn, scope: fn, inConstructor, repetition: false });
  // Added to a parameter known only from its callers' arguments: whether it leaks is each call's question (no-repeated-subscription's).
  if (found && start.object && kindOnlyFromCallers(context, start.object.target)) return undefined;
  // An installer, by its name only, attaches to what it is given for that object's life; so does
  // any function to what a server made for one client (a socket.io socket, a request), by its type.
  if (found?.targetParameter !== undefined && (lifetime === 'setup' || (start.kind === 'listener' && start.object && isPerClientObject(context, start.object.target)))) {
    return undefined;
  }
  return found;
}

/**
 * `class Poller { timer = setInterval(() => this.poll(), 1000); stop() {} }`: a field runs with the
 * constructor, and what it keeps answers to the class's teardown.
 */
function fieldLeak(context: AnalysisContext, node: TSESTree.Node): Leak | undefined {
  if (!instanceFieldOf(node)) return undefined;
  const start = findStart(context, node);
  if (!start || start.call?.unendable || isProcessLifecycleListener(context, start) || isProcessWatchdog(context, start)) return undefined;
  const judged = judgeFieldStart(context, start);
  return judged === 'fine' ? undefined : judged;
}

/** `this.timer = setInterval(…)`, `timer = setInterval(…)`: the call's value is stored. */
function isStoredValue(node: TSESTree.Node): boolean {
  let value = node;
  while (value.parent && (value.parent.type === AST_NODE_TYPES.AwaitExpression || skipTypeWrappers(value.parent) !== value.parent)) value = value.parent;
  return value.parent?.type === AST_NODE_TYPES.AssignmentExpression && value.parent.right === value;
}

/** `this.redis.on(…)`: a call on a member of `this`. */
function isOnThisMember(node: TSESTree.Node): boolean {
  const callee = node.type === AST_NODE_TYPES.CallExpression ? skipTypeWrappers(node.callee) : undefined;
  const target = callee?.type === AST_NODE_TYPES.MemberExpression ? skipTypeWrappers(callee.object) : undefined;
  return target?.type === AST_NODE_TYPES.MemberExpression && skipTypeWrappers(target.object).type === AST_NODE_TYPES.ThisExpression;
}

/**
 * `process.on('SIGTERM', …)`, or with types `process.on(signal, …)` for a `signal: NodeJS.Signals`:
 * a handler for the program's own life, wherever it is installed.
 */
function isProcessLifecycleListener(context: AnalysisContext, start: Start): boolean {
  if (start.kind !== 'listener' || start.object === undefined || !processGlobals.has(stableReferenceText(start.object.target) ?? '')) return false;
  const events = possibleEventNames(context, start);
  return events.length > 0 && events.every((event) => processLifecycleEvents.has(event) || isProcessLifecycleEvent(event));
}

/** `setInterval(() => { if (!parentAlive()) process.exit(1); }, 3000)`: it runs until it ends the program. */
function isProcessWatchdog(context: AnalysisContext, start: Start): boolean {
  const callback = start.kind === 'interval' && start.node.type === AST_NODE_TYPES.CallExpression ? start.node.arguments[0] : undefined;
  return isFunctionNode(callback) && mayExitProcess(context, callback);
}

/**
 * Judges a start against the scope it must not outlive, whatever decided that scope: the
 * calling function (no-leaked-subscription), one tick of a job (no-repeated-subscription), a
 * helper's body (function summaries).
 */
export function judgeStart(context: AnalysisContext, start: Start, scope: LeakScope): Leak | undefined {
  const judge = { context, start, ...scope };
  switch (start.kind) {
    case 'listener':
      return judgeListener(judge);
    case 'channelSubscription':
      return judgeChannelSubscription(judge);
    case 'connection':
      return judgeConnection(judge);
    case 'customSubscription':
      return judgeCustomSubscription(judge);
    case 'pipe':
      return judgePipe(judge);
    default:
      return judgeHandle(judge);
  }
}

/**
 * For a start that `judgeStart` finds ended: is it ended only by signals that outlive `scope`
 * (their abort listeners, `{ signal }` options)? Then it runs until they abort: for one
 * repetition, or one call, that is no end. Returns the start judged without those ends.
 *
 * ```ts
 * cron.schedule('* * * * *', () => {
 *   const sub = redis.duplicate(); void sub.subscribe('x');
 *   shutdown.signal.addEventListener('abort', () => void sub.quit()); // ← until shutdown
 * });
 * ```
 */
export function judgeUntilOutlivingSignal(
  context: AnalysisContext,
  start: Start,
  scope: LeakScope,
): { leak: Leak; signals: OutlivingSignal[] } | undefined {
  const signalEnds = outlivingSignalEnds(context, scope.scope, scope.repetition ? 'repetition' : 'function');
  const leak = signalEnds && judgeStart(context, start, { ...scope, blind: signalEnds });
  return leak && signalEnds ? { leak, signals: signalEnds.signals } : undefined;
}
