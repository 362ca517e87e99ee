import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import type { FunctionNode } from './ast';
import { enclosingClassBody } from './classMembers';
import { functionName, shortText } from './ast';
import type { EndPlan } from './endPlan';
import type { AnalysisContext } from './fileCache';
import type { Start } from './findStart';
import type { OutlivesReason } from './lifetime';
import type { SignalEnds } from './outlivingSignals';

/**
 * Why nothing ends a start: one messageId of `no-leaked-subscription` per reason, each a sentence
 * whose variable parts are the leak's `data`. A new reason is a member here, its data in
 * `LeakData`, and its sentence in the rule's `meta.messages` (TypeScript asks for all three).
 */
export interface LeakData {
  /** "`setInterval(flush, 10_000)` starts an interval and drops its handle: nothing can end it." */
  handleDropped: { code: string; label: string };
  /** "`fs.watchFile(path, reload)` starts a file poller, and nothing in this file calls `unwatchFile()` to end it." */
  endFunctionNeverCalled: { code: string; label: string; end: string };
  /** "`setInterval(…)` starts an interval, but `timer` is never cleared, returned or stored." */
  handleNotEnded: { code: string; label: string; handle: string; ended: string };
  /** "`new Worker(…)` opens a BullMQ worker and drops it: nothing can close it." */
  connectionDropped: { code: string; label: string };
  /** "`new Redis()` opens a Redis connection, but `redis` is never closed, returned or stored." */
  connectionNotClosed: { code: string; label: string; handle: string };
  /** "`pool.connect(…)` opens a pooled PostgreSQL client, and its callback never closes, returns or stores it." */
  connectionInCallback: { code: string; label: string };
  /** "`sub.subscribe('new-task')` starts a Redis subscription on `sub`, which is never closed, returned or stored." */
  subscriptionConnectionNotClosed: { code: string; label: string; connection: string };
  /** "`client.subscribe(topic)` starts an MQTT subscription on `client` (a parameter), and nothing unsubscribes it." */
  notUnsubscribed: { code: string; label: string; target: string; outlives: string };
  /** "`bus.on('job', onJob)` adds a 'job' listener to `bus` (a parameter), and nothing removes it." */
  listenerNotRemoved: { code: string; label: string; target: string; outlives: string };
  /** "`document.addEventListener(…)` adds a 'keydown' listener to `document` (a global), but the removal on line 19 is handed a new function, which removes nothing." */
  listenerRemovedWithNewFunction: { code: string; label: string; target: string; outlives: string; line: string };
  /** "`this.once('error', onError)` adds a one-shot 'error' listener to `this` (the object itself) while `connect()` waits, and leaves it there when another event ends the wait." */
  listenerLeftByWaiter: { code: string; label: string; target: string; outlives: string; owner: string; when: string };
  /** "`process.on(…)` adds a 'message' listener to `process` (a global) for every instance, and nothing removes it." */
  listenerPerInstance: { code: string; label: string; target: string; outlives: string };
  /** "`setInterval(…)` is stored in `this.timer`, but `stop()` never ends it." */
  storedNotEnded: { code: string; label: string; member: string; teardown: string };
  /** "`setInterval(…)` is stored in `this.timer`, but `stop()`, inherited from `Service`, never ends it." */
  storedNotEndedInherited: { code: string; label: string; member: string; teardown: string; base: string };
  /** "`setInterval(…)` is stored in `this.timer`, but the component has no `componentWillUnmount()` to end it when it goes." */
  storedNoTeardown: { code: string; label: string; member: string; teardown: string };
  /** "`fs.watch(…)` is stored in `item.watcher` of each entry of `items`, and nothing in this file ends it." */
  entryMemberNotEnded: { code: string; label: string; member: string; collection: string };
  /** "`setInterval(…)` is stored in `this.timer`, but `reset()` only clears it and never ends it." */
  storedOnlyCleared: { code: string; label: string; member: string; release: string };
  /** "`new Worker(…)` is stored in `this.workers`, but its 'message' listener (line 12) takes it out without ending it." */
  storedDroppedOnEvent: { code: string; label: string; member: string; event: string; line: string };
  /** "`setInterval(…)` is stored in `this.timer`; `stop()` resets `this.running` so `start()` can run again, and nothing ends it." */
  storedRestartable: { code: string; label: string; member: string; reset: string; flag: string; again: string };
  /** "`setInterval(…)` is stored in `timer`, and `start()` runs again on every request (line 9) without ending it." */
  storedRunsAgain: { code: string; label: string; member: string; again: string; every: string };
  /** "`signal.addEventListener(…)` adds an 'abort' listener to `signal` (a parameter) and leaves it there when `fetchJob()` settles." */
  abortListenerLeftOn: { code: string; label: string; target: string; outlives: string; settles: string };
  /** "`port1.on('message', …)` adds a 'message' listener to `port1`, which keeps it and the process alive, and nothing closes it." */
  keptOpen: { code: string; label: string; target: string };
  /** "`src.pipe(log, { end: false })` pipes into `log` (module-level), left open: if `src` fails first, pipe()'s listeners stay on it." */
  pipeLeftOpen: { code: string; label: string; target: string; outlives: string; source: string };
  /** In a repetition: "`new Redis()` is stored in `this.sub` without ending the one already there." */
  overwritten: { code: string; label: string; slot: string };
  /** "`bus.addEventListener(…)` is given `ac.signal` to end a 'job' listener, but nothing ever aborts `ac`: it is never ended." */
  signalNeverAborted: { code: string; label: string; signal: string; controller: string };
}

export type LeakReason = keyof LeakData;

/** A start that outlives the function that made it, with nothing to end it. */
export type Leak = {
  [Reason in LeakReason]: LeakBase & {
    /** Why nothing ends it: the messageId of its report. */
    reason: Reason;
    /** The sentence's variable parts. */
    data: LeakData[Reason];
  };
}[LeakReason];

interface LeakBase {
  start: Start;
  /** The node to report. */
  node: TSESTree.Node;
  /** The function it is started in; `undefined` at module level (a loop there). */
  fn: FunctionNode | undefined;
  /** `subscribeNewTaskMsgIfAvailable` or a description of an anonymous function. */
  owner: string;
  /** "sub.subscribe('new-task')", shortened to 40 characters. */
  code: string;
  /** "sub.subscribe", "new Redis": the start's callee, the last step of a call path. */
  callee: string;
  /** "a Redis subscription", "a 'job' listener": what it starts, as its family names it. */
  label: string;
  end: EndPlan | undefined;
  /** When what it subscribes to is the function's own parameter: which one (its caller decides whose object that is). */
  targetParameter?: number;
  /**
   * What the listener lives for is the caller's: the function hands its caller's target, event and
   * listener straight on (`(el, name, f) => el.addEventListener(name, f)`), or waits for the end of
   * the caller's object (`stream.on('end', resolve)`). The function itself is not reported; a caller
   * that runs it again and again still is, through the call path.
   */
  callerOwned?: true;
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

/** One start being judged against its scope: what every judge gets. */
export interface Judge extends LeakScope {
  context: AnalysisContext;
  start: Start;
}

/** Why a target outlives the function, for messages. */
export const ownerReasons: Readonly<Record<OutlivesReason, string>> = {
  parameter: 'a parameter',
  module: 'module-level',
  global: 'a global',
  import: 'imported',
  outer: 'declared in an outer scope',
  given: 'given to the object',
};

/**
 * Where an end must be found to count: inside the repetition, the function whose parameter the
 * target is (a closure beside the one that adds may remove: `unregister()` next to `register()`),
 * the class that was given the target, or anywhere in the file.
 */
export function endSearchScope(judge: Judge, owner: { reason: OutlivesReason; declaredIn?: FunctionNode }): TSESTree.Node | undefined {
  if (judge.repetition) return judge.scope;
  if (owner.reason === 'given') return enclosingClassBody(judge.scope);
  return owner.reason === 'parameter' ? (owner.declaredIn ?? judge.fn) : undefined;
}

/** "`helper()`", "the function", "the module". */
export function describeFunction(fn: FunctionNode | undefined): string {
  if (!fn) return 'the module';
  const name = functionName(fn);
  return name === undefined ? 'the function' : `\`${name}()\``;
}

/**
 * The leak a judge found, with the report's node and the sentence's variable parts; `code` and
 * `label` are filled in here: `makeLeak(context, start, fn, 'handleDropped', { label: 'an interval' }, { end })`.
 */
export function makeLeak<Reason extends LeakReason>(
  context: AnalysisContext,
  start: Start,
  fn: FunctionNode | undefined,
  reason: Reason,
  data: Omit<LeakData[Reason], 'code'>,
  details: { end: EndPlan | undefined; targetParameter?: number | undefined; callerOwned?: boolean },
): Leak {
  const node = start.node.type === AST_NODE_TYPES.CallExpression ? start.node.callee : start.node;
  const code = shortText(context.sourceCode, start.node, 40);
  const callee = start.node.type === AST_NODE_TYPES.NewExpression ? `new ${shortText(context.sourceCode, start.node.callee, 30)}` : shortText(context.sourceCode, start.node.callee, 30);
  const { targetParameter, end, callerOwned } = details;
  return {
    start,
    node,
    fn,
    owner: describeFunction(fn),
    code,
    callee,
    label: data.label,
    reason,
    data: { ...data, code },
    end,
    ...(targetParameter !== undefined && { targetParameter }),
    ...(callerOwned && { callerOwned: true }),
  } as Leak;
}

/** "Redis subscription" of "a Redis subscription": what one more of them is called. */
export function withoutArticle(label: string): string {
  return label.replace(/^(?:a|an) /, '');
}
