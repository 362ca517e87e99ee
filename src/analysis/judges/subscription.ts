import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../estree';
import type { ObjectApi } from '../apis';
import { handleEnds } from '../apis';
import { isFunctionNode, isInside, outermostWrapper, skipTypeWrappers, stableReferenceText } from '../ast';
import type { EndCall, EndPlan } from '../endPlan';
import { handleEndPlan, onAbortPlan } from '../endPlan';
import type { AnalysisContext } from '../fileCache';
import type { Start } from '../findStart';
import { findStart } from '../findStart';
import { handleFate } from '../handleFate';
import type { Judge, Leak } from '../leak';
import { endSearchScope, makeLeak, ownerReasons } from '../leak';
import type { TargetOwner } from '../lifetime';
import { targetOwner } from '../lifetime';
import { findMethodCalls, methodCallsByReceiver } from '../methodCallIndex';
import { objectApiOf } from '../objectApi';
import { insideAny } from '../outlivingSignals';
import { repetitionAround, usesBindingDeclaredIn } from '../repetition';
import { startEnds, connectionPlan, firstSubscription, receiverEnds } from './connection';
import { judgeHandle } from './handle';

/**
 * A subscription held by a client connection (`sub.subscribe('x')`, `client.subscribe(topic)`,
 * `channel.consume(queue, f)`): on a connection this function opened, it lives as long as that
 * connection; on a shared one, until an unsubscribe or close on it.
 */
export function judgeChannelSubscription(judge: Judge): Leak | undefined {
  const { context, start, fn, inConstructor } = judge;
  const object = start.object;
  if (!object) return undefined;
  const call = start.node as TSESTree.CallExpression;
  const api = objectApiOf(context, object.kind);
  const method = api?.starts[object.method];
  const owner = targetOwner(context, object.target, judge.scope, { outerOutlives: judge.repetition });
  if (owner.owner === 'own' && owner.local) {
    const connection = localConnection(context, owner.local.declarator);
    if (!connection) return undefined;
    const ends = startEnds(context, connection) ?? handleEnds.connection;
    const fate = handleFate(context, connection.node, ends, judge.blind?.abortListeners);
    if (fate.fate !== 'kept' || firstSubscription(context, fate) !== call) return undefined;
    // `const channel = await conn.createChannel(); channel.consume(…); … conn.close()`: the channel closes with its connection.
    if (receiverEnds(context, connection).some((use) => !fn || isInside(use, fn))) return undefined;
    return makeLeak(
      context,
      start,
      fn,
      'subscriptionConnectionNotClosed',
      { label: method?.label ?? 'a subscription', connection: fate.variable.name },
      { end: connectionPlan(fate, ends) },
    );
  }
  // On a shared client only a subscription with an end of its own is judged: the rest configure the
  // client. One ended through what the call hands back (a consumer's tag) configures it when made
  // once, and adds one more when made per run.
  const judged = method?.endWith !== undefined || (method?.endedByResult === true && judge.repetition && resultUnread(context, call));
  if (!api || !method || !judged || owner.owner !== 'outlives' || inConstructor) return undefined;
  // `client.on('connect', () => client.subscribe('presence'))`, or per job on a shared client: each
  // run asks the same client for the same channels again, which the broker treats as a no-op (and
  // after a reconnect, restores what it dropped). Channels made or given per run do add up.
  if (judge.repetition && method.sameChannelsAgainIsNoop && repeatsIn(context, call, judge.scope) && sameChannelsEveryRun(context, call, judge.scope)) {
    return undefined;
  }
  return judgeTargetSubscription(judge, owner, api, {
    label: method.label ?? 'a subscription',
    unsubscribe: method.endWith === undefined ? undefined : { method: method.endWith, returnsPromise: true },
  });
}

/**
 * Whether nothing reads what the call hands back (`await channel.consume(…)` alone, or a
 * `consumerTag` never read): then nothing can end what it ends through that value. A value kept
 * in a list, passed on or read may be (`tags.push(consumerTag)`, cancelled later).
 */
function resultUnread(context: AnalysisContext, call: TSESTree.CallExpression): boolean {
  const value = outermostWrapper(call, { throughAwait: true });
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement || (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void')) return true;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== value) return false;
  return context.sourceCode.getDeclaredVariables(parent).every((variable) => variable.references.every((reference) => !reference.isRead()));
}

/** Whether `scope` is the repeated code around `call` (so a binding declared in it is made per run). */
function repeatsIn(context: AnalysisContext, call: TSESTree.CallExpression, scope: TSESTree.Node): boolean {
  return repetitionAround(context, call)?.scope === scope;
}

/** Channels written without anything the repeated code makes or is given per run: `subscribe('a', 'b')`. */
function sameChannelsEveryRun(context: AnalysisContext, call: TSESTree.CallExpression, scope: TSESTree.Node): boolean {
  const channels = call.arguments.filter((argument) => !isFunctionNode(argument));
  return channels.length > 0 && !channels.some((argument) => usesBindingDeclaredIn(context, argument, scope));
}

/**
 * A subscription held by its target (a shared client, a bus): ended only by an unsubscribe or
 * close on that target, in reach of the subscribing code.
 */
function judgeTargetSubscription(
  judge: Judge,
  owner: Extract<TargetOwner, { owner: 'outlives' }>,
  api: ObjectApi,
  words: {
    label: string;
    unsubscribe: { method: string; returnsPromise: boolean } | undefined;
    /** How to end it instead of an unsubscribe on the target: through the handle the call hands back. */
    handlePlan?: EndPlan | undefined;
  },
): Leak | undefined {
  const { context, start, fn } = judge;
  const call = start.node;
  const target = start.object?.target;
  const targetText = target && stableReferenceText(target);
  if (!target || targetText === undefined || call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const { reason } = owner;
  const within = endSearchScope(judge, owner);
  const ends = findMethodCalls(methodCallsByReceiver(context), targetText, [...api.endSubscription, ...api.close], within);
  if (ends.some((end) => !insideAny(end.call, judge.blind?.abortListeners))) return undefined;
  const channels = call.arguments.filter((argument) => !isFunctionNode(argument));
  const simpleChannels = channels.every(
    (argument) => argument.type === AST_NODE_TYPES.Literal || argument.type === AST_NODE_TYPES.Identifier,
  );
  const end: EndCall | undefined = words.unsubscribe && {
    kind: 'method',
    receiver: { node: target },
    method: words.unsubscribe.method,
    arguments: channels.map((node) => ({ node })),
    returnsPromise: words.unsubscribe.returnsPromise,
  };
  return makeLeak(
    context,
    start,
    fn,
    'notUnsubscribed',
    { label: words.label, target: targetText, outlives: ownerReasons[reason] },
    {
      targetParameter: owner.parameterIndex,
      end: words.handlePlan ?? (end && simpleChannels && channels.length > 0 ? onAbortPlan(call, end) : undefined),
    },
  );
}

/**
 * A subscription method named in `settings.leaks.subscriptions`. When settings declare what it
 * hands back (`returns: 'disposer'`, `{ end: ['unsubscribe'] }`), a kept result must be ended
 * that way and a dropped one is ended through it; otherwise a kept result is its owner's to end.
 * A dropped result leaves only an unsubscribe on the target.
 */
export function judgeCustomSubscription(judge: Judge): Leak | undefined {
  const { context, start, inConstructor } = judge;
  const object = start.object;
  const api = object && objectApiOf(context, object.kind);
  if (!object || !api || inConstructor) return undefined;
  const declared = api.starts[object.method]?.ends;
  const fate = handleFate(context, start.node, declared ?? { methods: [], functions: [], fix: { kind: 'call', name: '', returnsPromise: false } });
  if (fate.fate !== 'dropped' && !declared) return undefined;
  const owner = targetOwner(context, object.target, judge.scope, { outerOutlives: judge.repetition });
  if (owner.owner !== 'outlives') return undefined;
  if (fate.fate !== 'dropped') return judgeHandle(judge);
  const unsubscribe = api.endSubscription[0];
  return judgeTargetSubscription(judge, owner, api, {
    label: `a ${api.label} subscription`,
    unsubscribe: unsubscribe === undefined ? undefined : { method: unsubscribe, returnsPromise: false },
    handlePlan: declared && handleEndPlan(start.node, fate, declared.fix, declared.fix.kind === 'call' ? 'unsubscribe' : 'subscription'),
  });
}

/** The connection start a local was initialised with: `const sub = client.duplicate()`. */
function localConnection(context: AnalysisContext, declarator: TSESTree.VariableDeclarator): Start | undefined {
  if (!declarator.init) return undefined;
  let init = skipTypeWrappers(declarator.init);
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = skipTypeWrappers(init.argument);
  const start = findStart(context, init);
  return start?.kind === 'connection' ? start : undefined;
}
