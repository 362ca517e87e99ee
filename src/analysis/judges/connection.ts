import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../estree';
import type { HandleEnd } from '../apis';
import { handleEndOf, handleEnds } from '../apis';
import { enclosingFunction, isFunctionNode } from '../ast';
import type { EndPlan } from '../endPlan';
import { handleEndPlan } from '../endPlan';
import type { AnalysisContext } from '../fileCache';
import type { Start } from '../findStart';
import { findStart } from '../findStart';
import type { HandleFate } from '../handleFate';
import { callbackHandleFate, handleFate } from '../handleFate';
import type { Judge, Leak } from '../leak';
import { makeLeak } from '../leak';
import { objectApiOf } from '../objectApi';
import { leftToEndByItself } from './endsByItself';
import { startLabel } from './labels';
import { judgeOverwrite } from './overwrite';

/**
 * A connection opened per call (`new Redis()`, `kafka.consumer()`, `mqtt.connect(url)`) and
 * neither closed, returned nor stored. Reported on the subscription that makes it long-lived,
 * when there is one.
 */
export function judgeConnection(judge: Judge): Leak | undefined {
  const { context, start, fn } = judge;
  const ends = startEnds(context, start) ?? handleEnds.connection;
  // `pool.connect((err, client, release) => …)`, `redis.monitor((err, monitor) => …)`: the callback
  // gets the connection; it is a leak when the callback only uses it.
  // A server's callback is its request listener: the server comes back as the call's value.
  const last = start.call?.openedBy ? undefined : start.node.arguments.at(-1);
  if (start.node.type === AST_NODE_TYPES.CallExpression && last && isFunctionNode(last)) {
    if (callbackHandleFate(context, last, ends, 'errorFirst') !== 'dropped') return undefined;
    return makeLeak(context, start, fn, 'connectionInCallback', { label: startLabel(context, start) }, { end: undefined });
  }
  const fate = handleFate(context, start.node, ends, judge.blind?.abortListeners);
  if (fate.fate === 'ended') return undefined;
  const label = startLabel(context, start);
  if (fate.fate === 'handedOver') return judgeOverwrite(judge, ends, label);
  if (fate.fate === 'kept' && firstSubscription(context, fate)) return undefined;
  if (start.call?.endsByItself && leftToEndByItself(fate, start.call.endsByItself)) return undefined;
  // `http.createServer(app).listen(port)`: a server nothing could ever close serves the program.
  if (fate.fate === 'dropped' && start.call?.openedBy) return undefined;
  if (fate.fate === 'dropped') return makeLeak(context, start, fn, 'connectionDropped', { label }, { end: undefined });
  return makeLeak(context, start, fn, 'connectionNotClosed', { label, handle: fate.variable.name }, { end: connectionPlan(fate, ends) });
}

/** How a start's handle is ended: as its family says for this call, else as its kind is. */
export function startEnds(context: AnalysisContext, start: Start): HandleEnd | undefined {
  const ends = start.call?.ends ?? methodStartOf(context, start)?.ends ?? handleEndOf(start.kind);
  return ends && start.call?.closeReturnsPromise ? { ...ends, fix: { ...ends.fix, returnsPromise: true } } : ends;
}

function methodStartOf(context: AnalysisContext, start: Start) {
  return start.object && objectApiOf(context, start.object.kind)?.starts[start.object.method];
}

/** Close a kept connection on abort: `void sub.quit()`, `void consumer.disconnect()`. */
export function connectionPlan(fate: Extract<HandleFate, { fate: 'kept' }>, ends: HandleEnd): EndPlan | undefined {
  return handleEndPlan(fate.declarator, fate, ends.fix, 'connection');
}

/**
 * The first subscription on a kept connection handle: `sub.subscribe(…)`, `consumer.run(…)`, made
 * where the handle is (one in its own 'connect' listener is that listener's, judged there).
 */
export function firstSubscription(context: AnalysisContext, fate: Extract<HandleFate, { fate: 'kept' }>): TSESTree.CallExpression | undefined {
  const owner = enclosingFunction(fate.declarator);
  for (const reference of fate.variable.references) {
    if (enclosingFunction(reference.identifier) !== owner) continue;
    const member = reference.identifier.parent;
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const call = member.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
    if (findStart(context, call)?.kind === 'channelSubscription') return call;
  }
  return undefined;
}
