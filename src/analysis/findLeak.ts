import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { HandleEnd, ObjectApi } from './apis';
import { endOfLifeEvents, finiteOperators, handleEndOf, handleEnds, isProcessLifecycleEvent, processLifecycleEvents } from './apis';
import { isCustomStartMethod, objectApiOf } from './objectApi';
import type { FunctionNode } from './ast';
import {
  calleeName,
  enclosingFunction,
  enclosingStatement,
  findObjectProperty,
  functionName,
  isFunctionNode,
  isInside,
  methodCallParts,
  referenceRoot,
  shortText,
  skipTypeWrappers,
  stableReferenceText,
  walk,
} from './ast';
import { findClassMember } from './classMembers';
import type { AnalysisContext } from './fileCache';
import type { HandleFate } from './handleFate';
import { handleFate } from './handleFate';
import type { OutlivesReason, TargetOwner } from './lifetime';
import { defaultEntryFunctions, functionLifetime, targetOwner } from './lifetime';
import { calledNames, findMethodCalls, methodCallsByReceiver } from './methodCallIndex';
import type { Start } from './findStart';
import { findStart } from './findStart';
import { isGuardedOnce } from './guardedOnce';
import { trackedCalls } from './imports';
import type { OutlivingSignal, SignalEnds } from './outlivingSignals';
import { insideAny, outlivingSignalEnds } from './outlivingSignals';
import { optionsArgument, optionsMayCarrySignal } from './signalArguments';

/** How a fix can end a leaked start once a signal is available. */
export type EndPlan =
  | {
      /** The API takes `{ signal }`: pass it (`addEventListener`, `fs.watch`, `events.on`). */
      kind: 'passSignal';
      call: TSESTree.CallExpression;
      optionsIndex: number | 'beforeListener';
    }
  | {
      /** End it from the signal's `abort` event, after `after`: `signal.addEventListener('abort', () => END, { once: true })`. */
      kind: 'onAbort';
      after: TSESTree.Statement;
      /** The end call; `$handle` and `$listener` stand for names the fixer binds. */
      end: string;
      /** Bind a dropped handle first: `setInterval(f)` → `const interval = setInterval(f)`. */
      bindHandle?: { statement: TSESTree.ExpressionStatement; value: TSESTree.Node; preferredName: string };
      /** Move an inline listener into a named const so it can be removed. */
      extractListener?: { node: TSESTree.Node; preferredName: string };
    };

export interface LeakOptions {
  /** Functions that run once for the program, whose starts are meant to live as long. */
  entryFunctions: readonly string[];
}

/** A start that outlives the function that made it, with nothing to end it. */
export interface Leak {
  start: Start;
  /** The node to report. */
  node: TSESTree.Node;
  /** The function it is started in; `undefined` at module level (a loop there). */
  fn: FunctionNode | undefined;
  /** `subscribeNewTaskMsgIfAvailable` or a description of an anonymous function. */
  owner: string;
  /** "sub.subscribe('new-task')" */
  code: string;
  /** "starts a Redis subscription" */
  action: string;
  /** "`sub.subscribe('new-task')` starts a Redis subscription". */
  what: string;
  /** "the connection opened by `client.duplicate()` is never closed, returned or stored". */
  why: string;
  end: EndPlan | undefined;
  /** When what it subscribes to is the function's own parameter: which one (its caller decides whose object that is). */
  targetParameter?: number;
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
  if (!fn) return undefined;
  const lifetime = functionLifetime(context, fn, options.entryFunctions);
  // Program code means what it starts to last; if it runs again and again, no-repeated-subscription says so.
  if (lifetime === 'program' || lifetime === 'callback') return undefined;
  // A one-shot listener ends when its event fires: only a repetition can pile them up.
  const method = methodCallParts(node)?.method;
  if (method !== undefined && oneShotMethods.has(method) && !isCustomStartMethod(context, method)) return undefined;
  const start = findStart(context, node);
  if (!start) return undefined;
  if (isProcessLifecycleListener(start)) return undefined;
  // `if (started) return; started = true;`: however often it is called, it starts this once.
  if (isGuardedOnce(context, fn, start.node, { instanceState: false })) return undefined;
  const found = judgeStart(context, start, { fn, scope: fn, inConstructor: lifetime === 'constructor', repetition: false });
  // An installer, by its name only, attaches to what it is given for that object's life.
  return lifetime === 'setup' && found?.targetParameter !== undefined ? undefined : found;
}

/** Emitter methods whose listener removes itself when its event fires. */
const oneShotMethods: ReadonlySet<string> = new Set(['once', 'prependOnceListener']);

/** `process.on('SIGTERM', …)`: a handler for the program's own life, wherever it is installed. */
function isProcessLifecycleListener(start: Start): boolean {
  return (
    start.kind === 'listener' &&
    start.object !== undefined &&
    stableReferenceText(start.object.target) === 'process' &&
    start.event !== undefined &&
    (processLifecycleEvents.has(start.event) || isProcessLifecycleEvent(start.event))
  );
}

/** What a start must not outlive. */
export interface LeakScope {
  /** The function the start is written in (none at module level): named in messages, given the new parameter by suggestions. */
  fn: FunctionNode | undefined;
  /** What it must not outlive: that function, or one repetition of a loop body or scheduled callback. */
  scope: TSESTree.Node;
  inConstructor: boolean;
  /** In a repetition, anything declared outside `scope` outlives it, and ends must happen inside it. */
  repetition: boolean;
  /** Judge as if these signals never aborted: they outlive `scope`, so their abort is no end for it. */
  blind?: SignalEnds;
}

/**
 * Judges a start against the scope it must not outlive, whatever decided that scope: the
 * calling function (no-leaked-subscription), one tick of a job (no-repeated-subscription), a
 * helper's body (function summaries).
 */
export function judgeStart(context: AnalysisContext, start: Start, scope: LeakScope): Leak | undefined {
  const judge: Judge = { context, start, ...scope };
  switch (start.kind) {
    case 'listener':
      return judgeListener(judge);
    case 'redisSubscription':
      return judgeRedisSubscription(judge);
    case 'connection':
      return judgeConnection(judge);
    case 'customSubscription':
      return judgeCustomSubscription(judge);
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

interface Judge extends LeakScope {
  context: AnalysisContext;
  start: Start;
}

const ownerReasons = {
  parameter: 'a parameter',
  module: 'shared at module scope',
  global: 'a global',
  import: 'imported',
  outer: 'declared outside it',
} as const;

/** Where an end must be found to count: inside the repetition, the function, or anywhere in the file. */
function endSearchScope(judge: Judge, reason: OutlivesReason): TSESTree.Node | undefined {
  if (judge.repetition) return judge.scope;
  return reason === 'parameter' ? judge.fn : undefined;
}

function judgeListener(judge: Judge): Leak | undefined {
  const { context, start, fn, inConstructor } = judge;
  const { object, listener } = start;
  // An abort listener runs at most once, when its signal aborts: the cleanup idiom itself.
  if (!object || !listener || start.event === 'abort') return undefined;
  const call = start.node as TSESTree.CallExpression;
  const api = objectApiOf(context, object.kind);
  if (!api) return undefined;
  const options = call.arguments[2];
  let oneShot = oneShotMethods.has(object.method) && !object.kind.startsWith('custom:');
  if (options && !isBooleanLiteral(options)) {
    if (options.type !== AST_NODE_TYPES.ObjectExpression) return undefined; // unknown options: stay quiet
    const signal = findObjectProperty(options, 'signal');
    if (signal && !judge.blind?.optionValues.has(signal.value)) return undefined;
    const once = findObjectProperty(options, 'once');
    if (once && !(once.value.type === AST_NODE_TYPES.Literal && once.value.value === false)) oneShot = true;
  }
  // A one-shot listener ends when its event fires; in a repetition, an event that only comes
  // when the target fails or ends may not come at all, and each run adds one more.
  if (oneShot && !(judge.repetition && start.event !== undefined && endOfLifeEvents.has(start.event))) return undefined;
  if (inConstructor) return undefined;
  const owner = targetOwner(context, object.target, judge.scope, { outerOutlives: judge.repetition });
  if (owner.owner !== 'outlives') return undefined;
  const targetText = stableReferenceText(object.target);
  if (targetText === undefined) return undefined;
  const within = endSearchScope(judge, owner.reason);
  const index = methodCallsByReceiver(context);
  const removals = findMethodCalls(index, targetText, api.removeListener, within).filter(
    (removal) => removesListener(context, removal.call, start) && !insideAny(removal.call, judge.blind?.abortListeners),
  );
  if (removals.length > 0) return undefined;

  const eventText = oneShot
    ? `a one-shot '${start.event}' listener`
    : start.event === undefined
      ? 'a listener'
      : `${/^[aeiou]/i.test(start.event) ? 'an' : 'a'} '${start.event}' listener`;
  const signalOption = api.starts[object.method]?.signalOptionIndex;
  let end: EndPlan | undefined;
  if (signalOption !== undefined) {
    end = { kind: 'passSignal', call, optionsIndex: signalOption };
  } else if (api.fixRemoveListener) {
    end = onAbortPlan(start.node, `${targetText}.${api.fixRemoveListener}(${context.sourceCode.getText(call.arguments[0])}, $listener)`, {
      listener,
      event: start.event,
    });
  }
  return leak(context, start, fn, {
    targetParameter: owner.parameterIndex,
    action: `adds ${eventText} to \`${targetText}\`${oneShot ? ` (removed only if '${start.event}' fires)` : ''}`,
    why: `it is never removed, and \`${targetText}\` (${ownerReasons[owner.reason]}) outlives each call of ${describeFunction(fn)}`,
    end,
  });
}

/** `bus.off('x', onX)` removes `bus.on('x', onX)`; `bus.removeAllListeners()` removes everything. */
function removesListener(context: AnalysisContext, removal: TSESTree.CallExpression, start: Start): boolean {
  const [event, listener] = removal.arguments;
  if (!event) return true;
  const eventName = context.sourceCode.getText(event);
  const startArgument = (start.node as TSESTree.CallExpression).arguments[0];
  const startEvent = startArgument && context.sourceCode.getText(startArgument);
  if (!listener) return eventName === startEvent || start.event === undefined;
  const listenerText = context.sourceCode.getText(listener);
  return eventName === startEvent || (start.listener !== undefined && listenerText === context.sourceCode.getText(start.listener));
}

function judgeRedisSubscription(judge: Judge): Leak | undefined {
  const { context, start, fn, inConstructor } = judge;
  const object = start.object;
  if (!object) return undefined;
  const call = start.node as TSESTree.CallExpression;
  const owner = targetOwner(context, object.target, judge.scope, { outerOutlives: judge.repetition });
  if (owner.owner === 'own' && owner.local) {
    // A subscription on a connection this function opened lives exactly as long as that connection.
    const connection = localConnection(context, owner.local.declarator);
    if (!connection) return undefined;
    const fate = handleFate(context, connection.node, handleEnds.connection, judge.blind?.abortListeners);
    if (fate.fate !== 'kept' || firstSubscription(context, fate) !== call) return undefined;
    return leak(context, start, fn, {
      action: 'starts a Redis subscription',
      why: `the connection it runs on, opened by \`${shortText(context.sourceCode, connection.node)}\`, is never closed, returned or stored, so it outlives each call of ${describeFunction(fn)}`,
      end: closeOnAbortPlan(fate),
    });
  }
  const api = objectApiOf(context, object.kind);
  if (!api || owner.owner !== 'outlives' || inConstructor) return undefined;
  const unsubscribe = object.method.replace(/subscribe$/i, (word) => (word.startsWith('S') ? 'UNSUBSCRIBE' : 'unsubscribe'));
  return judgeTargetSubscription(judge, owner, api, {
    action: (target) => `subscribes \`${target}\` to Redis channels`,
    neverEnded: 'they are never unsubscribed',
    unsubscribe: `void $target.${unsubscribe}`,
  });
}

/**
 * A subscription held by its target (a shared client, a bus): ended only by an unsubscribe or
 * close on that target, in reach of the subscribing code.
 */
function judgeTargetSubscription(
  judge: Judge,
  owner: Extract<TargetOwner, { owner: 'outlives' }>,
  api: ObjectApi,
  words: { action: (target: string) => string; neverEnded: string; unsubscribe: string | undefined },
): Leak | undefined {
  const { context, start, fn } = judge;
  const call = start.node;
  const targetText = start.object && stableReferenceText(start.object.target);
  if (targetText === undefined || call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const { reason } = owner;
  const within = endSearchScope(judge, reason);
  const ends = findMethodCalls(methodCallsByReceiver(context), targetText, [...api.endSubscription, ...api.close], within);
  if (ends.some((end) => !insideAny(end.call, judge.blind?.abortListeners))) return undefined;
  const channels = call.arguments.filter((argument) => !isFunctionNode(argument));
  const simpleChannels = channels.every(
    (argument) => argument.type === AST_NODE_TYPES.Literal || argument.type === AST_NODE_TYPES.Identifier,
  );
  const channelText = channels.map((channel) => context.sourceCode.getText(channel)).join(', ');
  return leak(context, start, fn, {
    targetParameter: owner.parameterIndex,
    action: words.action(targetText),
    why: `${words.neverEnded}, and \`${targetText}\` (${ownerReasons[reason]}) outlives each call of ${describeFunction(fn)}`,
    end:
      words.unsubscribe && simpleChannels && channels.length > 0
        ? onAbortPlan(call, `${words.unsubscribe.replace('$target', targetText)}(${channelText})`)
        : undefined,
  });
}

/**
 * A subscription method named in `settings.leaks.subscriptions`: when its result is kept (a
 * disposer, a handle) the owner ends it; when dropped, only an unsubscribe on the target does.
 */
function judgeCustomSubscription(judge: Judge): Leak | undefined {
  const { context, start, inConstructor } = judge;
  const object = start.object;
  const api = object && objectApiOf(context, object.kind);
  if (!object || !api || inConstructor) return undefined;
  if (handleFate(context, start.node, { methods: [], functions: [], fix: handleEnds.rxSubscription.fix }).fate !== 'dropped') {
    return undefined;
  }
  const owner = targetOwner(context, object.target, judge.scope, { outerOutlives: judge.repetition });
  if (owner.owner !== 'outlives') return undefined;
  return judgeTargetSubscription(judge, owner, api, {
    action: (target) => `subscribes to \`${target}\` (${api.label})`,
    neverEnded: 'it is never unsubscribed',
    unsubscribe: api.endSubscription[0] && `$target.${api.endSubscription[0]}`,
  });
}

function judgeConnection(judge: Judge): Leak | undefined {
  const { context, start, fn } = judge;
  const fate = handleFate(context, start.node, handleEnds.connection, judge.blind?.abortListeners);
  if (fate.fate === 'ended') return undefined;
  if (fate.fate === 'handedOver') return judgeOverwrite(judge, handleEnds.connection, `opens ${start.call?.label ?? 'a Redis connection'}`);
  // Reported on the subscription that makes the connection long-lived, when there is one.
  if (fate.fate === 'kept' && firstSubscription(context, fate)) return undefined;
  return leak(context, start, fn, {
    action: `opens ${start.call?.label ?? 'a Redis connection'}`,
    why:
      fate.fate === 'dropped'
        ? 'the connection is dropped, so nothing can close it'
        : `\`${fate.variable.name}\` is never closed, returned or stored, so it outlives each call of ${describeFunction(fn)}`,
    end: fate.fate === 'kept' ? closeOnAbortPlan(fate) : undefined,
  });
}

const handleLabels: Readonly<Record<string, { label: string; ended: string }>> = {
  interval: { label: 'an interval', ended: 'cleared' },
  rxSubscription: { label: 'an RxJS subscription', ended: 'unsubscribed' },
  watcher: { label: 'a file watcher', ended: 'closed' },
  eventsIterator: { label: 'an events.on() iterator', ended: 'returned' },
};

function judgeHandle(judge: Judge): Leak | undefined {
  const { context, start, fn } = judge;
  const call = start.node;
  const signalOption = start.call?.signalOption;
  const options = signalOption === undefined ? undefined : optionsArgument(call, signalOption);
  if (optionsMayCarrySignal(options) && !handsOnlyOutlivingSignal(options, judge.blind)) return undefined;
  if (start.kind === 'rxSubscription' && !rxSubscriptionMayLeak(judge)) return undefined;
  if (start.kind === 'eventsIterator' && isForAwaitSource(call)) return undefined;
  const endFunction = start.call?.endFunction;
  if (endFunction && calledNames(context).has(endFunction)) return undefined;
  const ends = handleEndOf(start.kind);
  if (!ends) return undefined;
  const fate = handleFate(context, call, ends, judge.blind?.abortListeners);
  const label = start.call?.label ?? handleLabels[start.kind]?.label ?? 'something long-lived';
  if (fate.fate === 'ended') return undefined;
  if (fate.fate === 'handedOver') return judgeOverwrite(judge, ends, `starts ${label}`);
  const ended = handleLabels[start.kind]?.ended ?? 'ended';
  let end: EndPlan | undefined;
  if (signalOption !== undefined && call.type === AST_NODE_TYPES.CallExpression) {
    end = { kind: 'passSignal', call, optionsIndex: signalOption };
  } else if (!endFunction) {
    const endCall =
      ends.fix.kind === 'function'
        ? `${ends.fix.name}($handle)`
        : `${ends.fix.returnsPromise || start.call?.closeReturnsPromise ? 'void ' : ''}$handle.${ends.fix.name}()`;
    end = handleEndPlan(call, fate, endCall, start.kind === 'interval' ? 'interval' : start.kind === 'rxSubscription' ? 'subscription' : 'watcher');
  }
  return leak(context, start, fn, {
    action: `starts ${label}`,
    why:
      fate.fate === 'dropped'
        ? `its handle is dropped, so nothing can end it once ${describeFunction(fn)} returns`
        : `\`${fate.variable.name}\` is never ${ended}, returned or stored, so it outlives each call of ${describeFunction(fn)}`,
    end,
  });
}

/**
 * A handle stored, in a repeated callback, in a slot that outlives it (`this.sub`, an outer
 * variable): the next run overwrites it without ending the one there, unless the run ends the
 * old one first (`this.sub?.quit()`) or only stores when the slot is empty.
 *
 * ```ts
 * redis.on('ready', () => { this.sub = new Redis(); }); // one more connection per reconnect
 * ```
 */
function judgeOverwrite(judge: Judge, ends: HandleEnd, action: string): Leak | undefined {
  const { context, start, scope } = judge;
  if (!judge.repetition || !isFunctionNode(scope)) return undefined;
  let value: TSESTree.Node = start.node;
  while (value.parent && (value.parent.type === AST_NODE_TYPES.AwaitExpression || skipTypeWrappers(value.parent) !== value.parent)) {
    value = value.parent;
  }
  const assignment = value.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.right !== value) return undefined;
  const slot = stableReferenceText(assignment.left);
  const root = referenceRoot(assignment.left);
  if (slot === undefined || !root) return undefined;
  if (root.type === AST_NODE_TYPES.Identifier) {
    const definition = ASTUtils.findVariable(context.sourceCode.getScope(root), root)?.defs[0];
    if (!definition || isInside(definition.name, scope)) return undefined;
  }
  const endsBefore = findMethodCalls(methodCallsByReceiver(context), slot, ends.methods, scope);
  if (endsBefore.some((end) => !insideAny(end.call, judge.blind?.abortListeners))) return undefined;
  if (endsSlotWithFunction(scope, slot, ends)) return undefined;
  if (isGuardedOnce(context, scope, start.node)) return undefined;
  return leak(context, start, judge.fn, {
    action: `${action} and stores it in \`${slot}\``,
    why: `\`${slot}\` outlives each run, and storing a new one there does not end the one it replaces`,
    end: undefined,
  });
}

/** `clearInterval(this.timer)` in the repeated code. */
function endsSlotWithFunction(scope: TSESTree.Node, slot: string, ends: HandleEnd): boolean {
  if (ends.functions.length === 0) return false;
  let found = false;
  walk(scope, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && ends.functions.includes(calleeName(node) ?? '')) {
      found = node.arguments.some((argument) => stableReferenceText(argument) === slot);
    }
    return !found;
  });
  return found;
}

/**
 * An RxJS subscription is only judged when its source is long-lived and not made finite:
 * `this.state$.subscribe(f)` in a method, not `http.get(url).subscribe(f)` or `src.pipe(take(1))`.
 */
function rxSubscriptionMayLeak({ context, start, scope, repetition, inConstructor }: Judge): boolean {
  if (!start.object || start.node.type !== AST_NODE_TYPES.CallExpression) return false;
  // An observer handed in (a Subscriber) is the subscription's handle, and its owner's to end.
  const observer = start.node.arguments[0];
  if (observer && !isFunctionNode(observer) && observer.type !== AST_NODE_TYPES.ObjectExpression) return false;
  let source: TSESTree.Node = start.object.target;
  for (let depth = 0; depth < 8; depth++) {
    const inner = skipTypeWrappers(source);
    const pipe = methodCallParts(inner);
    if (pipe?.method === 'pipe') {
      const operators = (inner as TSESTree.CallExpression).arguments;
      if (operators.some((operator) => isFiniteOperator(operator))) return false;
      source = pipe.target;
      continue;
    }
    if (inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression) {
      // A source made by a call is usually a cold, finite one (an HTTP request); only known endless creators count.
      const tracked = trackedCalls(context).get(inner);
      const callee = inner.callee.type === AST_NODE_TYPES.Identifier ? inner.callee.name : undefined;
      return tracked?.returns === 'observable' && callee !== undefined && ['interval', 'fromEvent', 'timer'].includes(callee)
        ? !(callee === 'timer' && inner.arguments.length < 2)
        : false;
    }
    if (definedWithFiniteOperator(context, inner)) return false;
    const root = referenceRoot(inner);
    if (root?.type === AST_NODE_TYPES.ThisExpression) return !inConstructor;
    const owner = targetOwner(context, inner, scope, { outerOutlives: repetition });
    return owner.owner === 'outlives' && owner.reason !== 'parameter';
  }
  return false;
}

function isFiniteOperator(node: TSESTree.Node): boolean {
  const name = node.type === AST_NODE_TYPES.CallExpression ? calleeName(node) : undefined;
  return name !== undefined && finiteOperators.has(name);
}

/** `this.data$ = src.pipe(takeUntil(this.destroy$))` upstream makes `this.data$.subscribe()` finite. */
function definedWithFiniteOperator(context: AnalysisContext, source: TSESTree.Node): boolean {
  const text = stableReferenceText(source);
  if (text === undefined) return false;
  let finite = false;
  const check = (value: TSESTree.Node | null | undefined): void => {
    const pipe = value && skipTypeWrappers(value);
    if (pipe?.type === AST_NODE_TYPES.CallExpression && methodCallParts(pipe)?.method === 'pipe' && pipe.arguments.some(isFiniteOperator)) {
      finite = true;
    }
  };
  if (source.type === AST_NODE_TYPES.Identifier) {
    const scope = context.sourceCode.getScope(source);
    let variable: TSESLint.Scope.Variable | undefined;
    for (let current: TSESLint.Scope.Scope | null = scope; current && !variable; current = current.upper) {
      variable = current.set.get(source.name);
    }
    const definition = variable?.defs[0];
    if (definition?.type === 'Variable') check(definition.node.init);
  } else if (source.type === AST_NODE_TYPES.MemberExpression && source.object.type === AST_NODE_TYPES.ThisExpression) {
    findClassMember(source, text.slice('this.'.length))?.values.forEach(check);
  }
  return finite;
}

function isForAwaitSource(call: TSESTree.Node): boolean {
  const parent = call.parent;
  return parent?.type === AST_NODE_TYPES.ForOfStatement && parent.await && parent.right === call;
}

/** `{ signal: shutdown.signal }` where `shutdown.signal` outlives the judged code. */
function handsOnlyOutlivingSignal(options: TSESTree.Node | undefined, blind: SignalEnds | undefined): boolean {
  const inner = options && skipTypeWrappers(options);
  if (!blind || inner?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const signal = findObjectProperty(inner, 'signal');
  return signal !== undefined && blind.optionValues.has(signal.value);
}

function isBooleanLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'boolean';
}

/** The connection start a local was initialised with: `const sub = client.duplicate()`. */
function localConnection(context: AnalysisContext, declarator: TSESTree.VariableDeclarator): Start | undefined {
  if (!declarator.init) return undefined;
  let init = skipTypeWrappers(declarator.init);
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = skipTypeWrappers(init.argument);
  const start = findStart(context, init);
  return start?.kind === 'connection' ? start : undefined;
}

/** The first `sub.subscribe(…)` on a kept connection handle. */
function firstSubscription(context: AnalysisContext, fate: Extract<HandleFate, { fate: 'kept' }>): TSESTree.CallExpression | undefined {
  for (const reference of fate.variable.references) {
    const member = reference.identifier.parent;
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const call = member.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
    if (findStart(context, call)?.kind === 'redisSubscription') return call;
  }
  return undefined;
}

function closeOnAbortPlan(fate: Extract<HandleFate, { fate: 'kept' }>): EndPlan | undefined {
  return handleEndPlan(fate.declarator, fate, `void $handle.${handleEnds.connection.fix.name}()`, 'connection');
}

/** End a handle on abort: after its last use when it is kept, after binding it when it was dropped. */
function handleEndPlan(start: TSESTree.Node, fate: HandleFate, endCall: string, preferredName: string): EndPlan | undefined {
  if (fate.fate === 'kept') {
    const after = lastStatementUsing(fate.variable, fate.declarator);
    return after ? { kind: 'onAbort', after, end: endCall.replaceAll('$handle', fate.variable.name) } : undefined;
  }
  const statement = start.parent;
  if (fate.fate !== 'dropped' || statement?.type !== AST_NODE_TYPES.ExpressionStatement || !isInBlock(statement)) {
    return undefined;
  }
  return { kind: 'onAbort', after: statement, end: endCall, bindHandle: { statement, value: start, preferredName } };
}

/** End a start on abort right after its statement, naming an inline listener so it can be removed. */
function onAbortPlan(
  node: TSESTree.Node,
  end: string,
  listener?: { listener: TSESTree.Node; event: string | undefined },
): EndPlan | undefined {
  const after = enclosingStatement(node);
  if (!after || !isInBlock(after)) return undefined;
  if (!listener) return { kind: 'onAbort', after, end };
  const stable = stableReferenceText(listener.listener);
  if (stable !== undefined) return { kind: 'onAbort', after, end: end.replaceAll('$listener', stable) };
  if (!isFunctionNode(listener.listener)) return undefined;
  const base = listener.event?.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase());
  const preferredName = base ? `on${base.charAt(0).toUpperCase()}${base.slice(1)}` : 'listener';
  return { kind: 'onAbort', after, end, extractListener: { node: listener.listener, preferredName } };
}

function isInBlock(statement: TSESTree.Statement): boolean {
  const parent = statement.parent;
  return parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.Program;
}

/** The last statement, in the block that declares `variable`, that mentions it. */
function lastStatementUsing(variable: TSESLint.Scope.Variable, declarator: TSESTree.VariableDeclarator): TSESTree.Statement | undefined {
  const declaration = enclosingStatement(declarator);
  if (!declaration || !isInBlock(declaration)) return undefined;
  const block = declaration.parent as TSESTree.BlockStatement;
  let last: TSESTree.Statement = declaration;
  for (const statement of block.body) {
    if (statement.range[0] <= last.range[0]) continue;
    if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) break;
    if (variable.references.some((reference) => reference.identifier.range[0] >= statement.range[0] && reference.identifier.range[1] <= statement.range[1])) {
      last = statement;
    }
  }
  return last;
}

export function describeFunction(fn: FunctionNode | undefined): string {
  if (!fn) return 'the module';
  const name = functionName(fn);
  return name === undefined ? 'the function' : `\`${name}()\``;
}

function leak(
  context: AnalysisContext,
  start: Start,
  fn: FunctionNode | undefined,
  details: { action: string; why: string; end: EndPlan | undefined; targetParameter?: number | undefined },
): Leak {
  const node = start.node.type === AST_NODE_TYPES.CallExpression ? start.node.callee : start.node;
  const code = shortText(context.sourceCode, start.node);
  const { targetParameter, ...rest } = details;
  return {
    start,
    node,
    fn,
    owner: describeFunction(fn),
    code,
    what: `\`${code}\` ${details.action}`,
    ...rest,
    ...(targetParameter !== undefined && { targetParameter }),
  };
}
