import * as path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import { endOfLifeEvents, oneShotListenerMethods } from './apis';
import type { FunctionNode } from './ast';
import { isFunctionNode, referenceRoot, runsImmediately, shortText, skipTypeWrappers, startLine, walk } from './ast';
import type { AnalysisContext } from './fileCache';
import type { Leak } from './findLeak';
import { judgeStart, judgeUntilOutlivingSignal } from './findLeak';
import type { Start } from './findStart';
import { findStart } from './findStart';
import { isGuardedOnce } from './guardedOnce';
import { targetOwner } from './lifetime';
import { objectKindOf } from './objectKind';
import { collectDeclined, isCurrent } from './otherFiles';
import { isTimeoutCall, rearmedFunction } from './rearmingTimer';
import { argumentAt, isAssumingKinds, withArgumentKinds } from './parameterKinds';
import { usesBindingDeclaredIn } from './repetition';
import { closedByTeardown } from './judges/lifecycle';
import { isThisLike } from './teardown';
import type { ResolvedFunction } from './resolveCallee';
import { resolveCallee } from './resolveCallee';
import { isUntypedType, typeServices } from './typeServices';

/** One function on the way from a call to the start it leads to. */
export interface PathStep {
  name: string;
  file: string;
  line: number;
}

/** What calling a function leaves running: the start nobody ends, and the calls that lead there. */
export interface LeakSummary {
  leak: Leak;
  /** The file of the start. */
  file: string;
  line: number;
  /** Functions between the called one and the start, outermost first. */
  via: PathStep[];
  /**
   * When the start is on an object the function was handed: which parameter. Whether it leaks
   * depends on the caller's argument: a shared object, yes; one made for this call (a socket, a
   * request), no.
   */
  parameterIndex?: number;
  /**
   * What ends the start: nothing (absent), or only signals that outlive each call: the caller's
   * signals at `parameters`, or `outer`, a signal that lives longer than any call (a module's
   * shutdown signal). Called again and again with a signal that outlives the repetition, each
   * call leaves one more running until that signal aborts.
   */
  untilSignal?: { parameters: number[]; outer?: string };
  /**
   * The start is on a member of the receiver that the receiver's teardown ends (`this.port.on(…)`
   * with `destroy() { this.port.close(); }`): it lives as long as the receiver, so a call on an
   * object made for this call (`const w = new Worker(); w.onPortClose(f)`) leaves nothing behind.
   */
  onReceiver?: boolean;
}

/** Deep enough for real helper chains; deeper paths are not followed (and not reported). */
const maxDepth = 8;

/** What one summary computation found, and what it relied on. */
interface Result {
  summary: LeakSummary | undefined;
  /** Followed files whose current version the answer depends on. */
  deps: Set<AnalysisContext>;
  /** False when the recursion guard or the depth limit cut a call short: the answer depends on the way here. */
  complete: boolean;
}

interface Cached {
  summary: LeakSummary | null;
  deps: readonly AnalysisContext[];
}

/**
 * Complete summaries by function node (nodes are per file version per program), valid while the
 * followed files they read are unchanged: whatever order functions are asked in, the answer is
 * the same, and a helper fixed on disk two calls down is seen by the next lint in the same process.
 */
const summaries = new WeakMap<FunctionNode, Cached>();
/** Complete summaries for a call's argument kinds (`'ioredis,'`), by function. */
const byArgumentKinds = new WeakMap<FunctionNode, Map<string, Cached>>();
/** Answers to a top-level question whose exploration was cut short: they depend only on the function asked. */
const topLevel = new WeakMap<FunctionNode, Cached>();

/** One top-level question: the functions in progress, and the cut-short answers met on the way. */
interface Query {
  active: Set<FunctionNode>;
  partial: Map<FunctionNode, Result>;
}

/**
 * Does calling `fn` start something it neither ends nor hands back to its caller, itself or
 * through the functions it calls (in any file we can resolve)? Computed once per function,
 * lazily, with a depth limit and a guard against recursion.
 *
 * `function helper(c) { const sub = c.duplicate(); sub.subscribe('x'); }` → the subscription.
 */
export function summarizeFunction(context: AnalysisContext, fn: FunctionNode): LeakSummary | undefined {
  const cached = topLevel.get(fn);
  if (cached && cached.deps.every(isCurrent)) return cached.summary ?? undefined;
  const result = summarize(context, fn, 0, { active: new Set(), partial: new Map() });
  if (!result.complete) topLevel.set(fn, { summary: result.summary ?? null, deps: [...result.deps] });
  return result.summary;
}

/**
 * What this call of `callee` leaves running: the function's own summary or, when that shows
 * nothing, its summary with its untyped parameters of the kinds this call's arguments are (an
 * exported helper's `client`, given `new Redis()` here).
 *
 * `cron.schedule('…', () => listen(redis, 'x'))` → `listen`'s `client.duplicate()` subscribed.
 */
export function summarizeCall(context: AnalysisContext, call: TSESTree.CallExpression, callee: ResolvedFunction): LeakSummary | undefined {
  return (
    summarizeFunction(callee.context, callee.fn) ??
    summarizeWithArguments(context, call, callee, 0, { active: new Set(), partial: new Map() })?.summary
  );
}

/** `callee`'s summary for this call's argument kinds, when some untyped parameter gets one; else `undefined`. */
function summarizeWithArguments(
  context: AnalysisContext,
  call: TSESTree.CallExpression,
  callee: ResolvedFunction,
  depth: number,
  query: Query,
): Result | undefined {
  const kinds = callee.fn.params.map((parameter, index) => {
    if (!isUntypedParameter(callee.context, parameter)) return undefined;
    const argument = argumentAt(call, index);
    return argument && objectKindOf(context, argument);
  });
  if (kinds.every((kind) => kind === undefined)) return undefined;
  // Outside any other call's kinds, a complete answer holds for every call passing the same kinds.
  const key = kinds.join(',');
  const outermost = !isAssumingKinds();
  const cached = outermost ? byArgumentKinds.get(callee.fn)?.get(key) : undefined;
  if (cached && cached.deps.every(isCurrent)) return { summary: cached.summary ?? undefined, deps: new Set(cached.deps), complete: true };
  // A fresh query: answers cut short without these kinds do not hold with them.
  const fresh: Query = { active: new Set(query.active), partial: new Map() };
  const result = withArgumentKinds(callee.fn, kinds, () => summarize(callee.context, callee.fn, depth, fresh));
  if (outermost && result.complete) {
    const byKey = byArgumentKinds.get(callee.fn) ?? new Map<string, Cached>();
    byKey.set(key, { summary: result.summary ?? null, deps: [...result.deps] });
    byArgumentKinds.set(callee.fn, byKey);
  }
  return result;
}

/** A plain parameter with no annotation, and with types, one the checker types `any`. */
function isUntypedParameter(context: AnalysisContext, parameter: TSESTree.Parameter): boolean {
  if (parameter.type !== AST_NODE_TYPES.Identifier || parameter.typeAnnotation) return false;
  const services = typeServices(context);
  return !services || isUntypedType(services.getTypeAtLocation(parameter));
}

function summarize(context: AnalysisContext, fn: FunctionNode, depth: number, query: Query): Result {
  // Under a call's argument kinds, answers hold for that call only: neither read nor kept.
  const cached = isAssumingKinds() ? undefined : summaries.get(fn);
  if (cached && cached.deps.every(isCurrent)) {
    return { summary: cached.summary ?? undefined, deps: new Set(cached.deps), complete: true };
  }
  const partial = query.partial.get(fn);
  if (partial) return partial;
  if (query.active.has(fn) || depth > maxDepth) return { summary: undefined, deps: new Set(), complete: false };
  query.active.add(fn);
  const declined = new Set<AnalysisContext>();
  const result = collectDeclined(declined, () => computeSummary(context, fn, depth, query));
  for (const marker of declined) result.deps.add(marker);
  query.active.delete(fn);
  result.deps.add(context);
  if (isAssumingKinds()) return result;
  if (result.complete) summaries.set(fn, { summary: result.summary ?? null, deps: [...result.deps] });
  else query.partial.set(fn, result);
  return result;
}

function computeSummary(context: AnalysisContext, fn: FunctionNode, depth: number, query: Query): Result {
  const result: Result = { summary: undefined, deps: new Set(), complete: true };
  const calls: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
  walk(fn.body, (node) => {
    // Functions defined inside run later, or elsewhere: only what runs during the call counts,
    // and a timer they set to run this function again (`get().then(() => setTimeout(poll))`).
    if (isFunctionNode(node) && !runsImmediately(node)) {
      walk(node, (inner) => {
        if (isTimeoutCall(inner) && rearmedFunction(context, inner) === fn) calls.push(inner);
        return true;
      });
      return false;
    }
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) calls.push(node);
    return true;
  });
  // A start ended only by a signal that outlives the call is kept while a plain leak is looked for.
  let untilSignal: LeakSummary | undefined;
  for (const call of calls) {
    const start = findStart(context, call);
    if (start) {
      const scope = { fn, scope: fn, inConstructor: false, repetition: false };
      const leak = judgeStart(context, start, scope) ?? judgeOneShotLeftBehind(context, start, fn);
      if (isGuardedOnce(context, fn, call)) continue;
      const file = path.basename(context.filename);
      const line = startLine(context.sourceCode, start.node);
      if (leak) {
        result.summary =
          leak.targetParameter === undefined
            ? { leak, file, line, via: [] }
            : { leak, file, line, via: [], parameterIndex: leak.targetParameter };
        if (start.kind === 'listener' && closedByTeardown(context, start, fn)) result.summary.onReceiver = true;
        return result;
      }
      if (untilSignal) continue;
      const ended = judgeUntilOutlivingSignal(context, start, scope);
      if (ended) {
        const blindLeak = ended.leak;
        const parameters = ended.signals.flatMap((signal) => (signal.parameterIndex === undefined ? [] : [signal.parameterIndex]));
        const outer = ended.signals.find((signal) => signal.parameterIndex === undefined)?.text;
        untilSignal = {
          leak: blindLeak,
          file,
          line,
          via: [],
          ...(blindLeak.targetParameter !== undefined && { parameterIndex: blindLeak.targetParameter }),
          untilSignal: { parameters, ...(outer !== undefined && { outer }) },
        };
      }
      continue;
    }
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = resolveCallee(context, call);
    if (!callee || callee.fn === fn) continue;
    // Under a call's argument kinds nothing is cached: the callee is asked once, with its own arguments' kinds.
    const nested = isAssumingKinds() ? summarizeWithArguments(context, call, callee, depth + 1, query) : undefined;
    const plain = nested ?? summarize(callee.context, callee.fn, depth + 1, query);
    const innerResult = (!nested && !plain.summary && summarizeWithArguments(context, call, callee, depth + 1, query)) || plain;
    for (const dep of innerResult.deps) result.deps.add(dep);
    result.complete &&= innerResult.complete;
    const inner = innerResult.summary;
    if (!inner || isGuardedOnce(context, fn, call)) continue;
    const handedOn = handedOnParameter(context, fn, call, inner);
    if (handedOn === 'own') continue;
    const receiver = inner.onReceiver ? receiverFate(context, fn, call) : undefined;
    if (receiver === 'own') continue;
    const step = { name: callee.name, file: path.basename(callee.context.filename), line: startLine(callee.context.sourceCode, callee.fn) };
    const { parameterIndex: _inner, untilSignal: innerSignal, onReceiver: _onReceiver, ...rest } = inner;
    const summary = {
      ...rest,
      via: [step, ...inner.via],
      ...(handedOn !== undefined && { parameterIndex: handedOn }),
      ...(receiver === 'this' && { onReceiver: true }),
    };
    if (!innerSignal) {
      result.summary = summary;
      return result;
    }
    const signal = signalHandedOn(context, fn, call, innerSignal);
    if (signal === 'none') {
      result.summary = summary;
      return result;
    }
    if (signal !== 'own' && !untilSignal) untilSignal = { ...summary, untilSignal: signal };
  }
  result.summary = untilSignal;
  return result;
}

/**
 * A one-shot listener for an event that may never come, on a target that outlives the call
 * (`channel.once('error', onError)` on a shared channel): summaries answer for code called again
 * and again, and every call that does not fail leaves one more behind.
 */
function judgeOneShotLeftBehind(context: AnalysisContext, start: Start, fn: FunctionNode): Leak | undefined {
  if (start.kind !== 'listener' || start.event === undefined || !endOfLifeEvents.has(start.event)) return undefined;
  if (!oneShotListenerMethods.has(start.object?.method ?? '')) return undefined;
  return judgeStart(context, start, { fn, scope: fn, inConstructor: false, repetition: true });
}

/**
 * For a callee that runs until its caller's signal aborts, what this call hands it: signals this
 * function was given (their indices), one that outlives every call (`outer`), one made for this
 * call (`'own'`: ended with it), or none at all (`'none'`: nothing ends it).
 */
function signalHandedOn(
  context: AnalysisContext,
  fn: FunctionNode,
  call: TSESTree.CallExpression,
  inner: NonNullable<LeakSummary['untilSignal']>,
): NonNullable<LeakSummary['untilSignal']> | 'own' | 'none' {
  const parameters: number[] = [];
  let outer = inner.outer;
  for (const index of inner.parameters) {
    const argument = call.arguments[index];
    if (!argument) return 'none';
    const owner = targetOwner(context, argument, fn);
    if (owner.owner === 'outlives' && owner.reason === 'parameter' && owner.parameterIndex !== undefined) {
      parameters.push(owner.parameterIndex);
    } else if (owner.owner === 'outlives') {
      outer ??= context.sourceCode.getText(argument);
    } else {
      return 'own';
    }
  }
  return { parameters, ...(outer !== undefined && { outer }) };
}

/**
 * For a callee that leaks on its parameter, what this call hands it: one of our own parameters
 * (its index: our caller decides), a shared object (`undefined`: the leak stands), or an object
 * this function made or was called with for one call (`'own'`: it dies with that object).
 */
function handedOnParameter(
  context: AnalysisContext,
  fn: FunctionNode,
  call: TSESTree.CallExpression,
  inner: LeakSummary,
): number | 'own' | undefined {
  if (inner.parameterIndex === undefined) return undefined;
  const argument = call.arguments[inner.parameterIndex];
  if (!argument) return 'own';
  const owner = targetOwner(context, argument, fn);
  if (owner.owner !== 'outlives') return 'own';
  return owner.reason === 'parameter' ? (owner.parameterIndex ?? 'own') : undefined;
}

/**
 * For a callee whose start lives as long as its receiver, what this call's receiver is: made by
 * this function (`'own'`: the start goes with it), this function's own `this` (`'this'`: its
 * caller's receiver decides), or anything else (`undefined`: the start stands).
 */
export function receiverFate(context: AnalysisContext, fn: FunctionNode, call: TSESTree.CallExpression): 'own' | 'this' | undefined {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const receiver = skipTypeWrappers(callee.object);
  if (isThisLike(context, receiver)) return 'this';
  return targetOwner(context, receiver, fn).owner === 'outlives' ? undefined : 'own';
}

/**
 * Which signal a call made in a repetition hands a helper that runs until its signal aborts:
 * `'perRun'` for one made for this run (a per-run controller's, the job's own, a fresh
 * `AbortSignal.timeout(…)`), `'none'` when it is not handed one, otherwise the text of the one
 * that outlives the repetition.
 *
 * `cron.schedule('…', () => openFeed(redis, shutdown.signal))` → `'shutdown.signal'`.
 */
export function signalEndingCall(
  context: AnalysisContext,
  call: TSESTree.CallExpression,
  untilSignal: NonNullable<LeakSummary['untilSignal']>,
  repetition: TSESTree.Node,
): string | 'perRun' | 'none' {
  let outliving = untilSignal.outer;
  for (const index of untilSignal.parameters) {
    const argument = call.arguments[index];
    if (!argument) return 'none';
    if (!referenceRoot(argument) || usesBindingDeclaredIn(context, argument, repetition)) return 'perRun';
    outliving ??= shortText(context.sourceCode, argument, 40);
  }
  return outliving ?? 'none';
}

/**
 * The calls from a called function to its start, each with where it is:
 * `sub.subscribe (subscribe.ts:7)`, `open (helpers.ts:4) → sub.subscribe (subscribe.ts:7)`.
 */
export function describePath(summary: LeakSummary): string {
  return [...summary.via, { name: summary.leak.callee, file: summary.file, line: summary.line }]
    .map((step) => `${step.name} (${step.file}:${step.line})`)
    .join(' → ');
}
