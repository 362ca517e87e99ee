import type { TSESTree } from '@typescript-eslint/utils';

import type { HandleEnd } from '../apis';
import { handleEndOf, handleEnds } from '../apis';
import { AST_NODE_TYPES, ASTUtils } from '../estree';
import { enclosingFunction, isFunctionNode, isInside, skipTypeWrappers } from '../ast';
import type { EndPlan } from '../endPlan';
import { handleEndPlan } from '../endPlan';
import type { AnalysisContext } from '../fileCache';
import type { Start } from '../findStart';
import { findStart } from '../findStart';
import type { HandleFate } from '../handleFate';
import { callbackHandleFate, handleFate, heldValue } from '../handleFate';
import type { Judge, Leak } from '../leak';
import { makeLeak } from '../leak';
import { objectApiOf } from '../objectApi';
import { slotEnds } from '../storedHandles';
import { isThisLike, memberName } from '../teardown';
import { listenedWhereMade } from '../listenedWhereMade';
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
  if (start.call?.unendable) return judgeUnendable(judge, ends);
  // `pool.connect((err, client, release) => …)`, `redis.monitor((err, monitor) => …)`: the callback
  // gets the connection; it is a leak when the callback only uses it.
  // A server's callback is its request listener, a socket's its 'connect' listener: the handle comes back as the call's value.
  const last = start.call?.openedBy || start.call?.callbackIsListener ? undefined : start.node.arguments.at(-1);
  if (start.node.type === AST_NODE_TYPES.CallExpression && last && isFunctionNode(last)) {
    if (callbackHandleFate(context, last, ends, 'errorFirst') !== 'dropped') return undefined;
    return makeLeak(context, start, fn, 'connectionInCallback', { label: startLabel(context, start) }, { end: undefined });
  }
  // `http2.connect(url, (session) => { …; session.close(); })`: its listener is handed the handle.
  const listener = start.call?.listenerGetsHandle ? start.node.arguments.at(-1) : undefined;
  if (listener && isFunctionNode(listener) && callbackHandleFate(context, listener, ends, 'value') !== 'dropped') return undefined;
  const fate = handleFate(context, start.node, ends, judge.blind?.abortListeners);
  if (fate.fate === 'ended') return undefined;
  // `const ch = await conn.createChannel(); …; await conn.close()`: closing its connection here closes it too.
  if (receiverEnds(context, start).some((use) => !fn || isInside(use, fn))) return undefined;
  const label = startLabel(context, start);
  if (fate.fate === 'handedOver') return judgeOverwrite(judge, ends, label);
  if (fate.fate === 'kept' && firstSubscription(context, fate)) return undefined;
  if (start.call?.endsByItself && leftToEndByItself(fate, start.call.endsByItself)) return undefined;
  // `http.createServer(app).listen(port)`: a server nothing could ever close serves the program,
  // unless the code runs again (one more server each tick).
  if (fate.fate === 'dropped' && start.call?.openedBy && !judge.repetition) return undefined;
  if (fate.fate === 'dropped') return makeLeak(context, start, fn, 'connectionDropped', { label }, { end: undefined });
  const plan = connectionPlan(fate, ends);
  // Ending it may emit an event (a ws client closed while it connects emits 'error') that, unheard, crashes the process.
  const unheard = ends.endEmits !== undefined && !listenedWhereMade(context, start.node, ends.endEmits) ? ends.endEmits : undefined;
  return makeLeak(context, start, fn, 'connectionNotClosed', { label, handle: fate.variable.name }, { end: plan?.kind === 'onAbort' && unheard ? { ...plan, unheard } : plan });
}

/**
 * An instance of a class nothing can end (its constructor starts what no code of it ends): one
 * more left running each time code that runs again makes one and keeps it to itself; made once,
 * or handed to an owner, it is the program's. There is no end to write.
 */
function judgeUnendable(judge: Judge, ends: HandleEnd): Leak | undefined {
  const { context, start, fn } = judge;
  if (!judge.repetition) return undefined;
  const fate = handleFate(context, start.node, ends, judge.blind?.abortListeners);
  if (fate.fate !== 'dropped' && fate.fate !== 'kept') return undefined;
  // `clearInterval(t.timer)`, `await s.redis.quit()`: the owner reaches into what it holds.
  const uses = fate.fate === 'kept' ? fate.variable.references.filter((reference) => !reference.init).map((reference) => reference.identifier) : [heldValue(start.node)];
  if (!uses.every(onlyMethodCalled)) return undefined;
  return makeLeak(context, start, fn, 'connectionDropped', { label: startLabel(context, start) }, { end: undefined });
}

/** A use of an instance that reads no member but a method it calls: `meter.mark()`. */
function onlyMethodCalled(use: TSESTree.Node): boolean {
  const member = use.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== use) return true;
  return member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
}

/** How a start's handle is ended: as its family says for this call, else as its kind is. */
export function startEnds(context: AnalysisContext, start: Start): HandleEnd | undefined {
  const ends = start.call?.ends ?? methodStartOf(context, start)?.ends ?? handleEndOf(start.kind);
  return ends && start.call?.closeReturnsPromise ? { ...ends, fix: { ...ends.fix, returnsPromise: true } } : ends;
}

/**
 * Where the file ends the object a start was made on, when ending that object ends the start too
 * (`endedWithReceiver` in its family): an AMQP channel closes with its connection.
 *
 * ```js
 * this.channel = this.connection.createChannel(); // ← ended by this.connection.close() too
 * ```
 */
export function receiverEnds(context: AnalysisContext, start: Start): TSESTree.Node[] {
  // `new Awareness(doc)`: destroying the document it was made for destroys it too.
  const withArgument = start.call?.endedWithArgument;
  const argument = withArgument && start.node.arguments[withArgument.index];
  if (withArgument && argument) return slotEndsOf(context, argument, { methods: withArgument.methods, functions: [], fix: { kind: 'method', name: withArgument.methods[0] ?? '', returnsPromise: false } });
  const object = start.object;
  const api = object && objectApiOf(context, object.kind);
  const close = api?.close[0];
  if (!object || !api || close === undefined || !api.starts[object.method]?.endedWithReceiver) return [];
  const ends: HandleEnd = { methods: api.close, functions: [], fix: { kind: 'method', name: close, returnsPromise: false } };
  return slotEndsOf(context, object.target, ends);
}

/** Where the file ends what `node` holds (a variable, or a member of `this`) by one of `ends`. */
function slotEndsOf(context: AnalysisContext, node: TSESTree.Node, ends: HandleEnd): TSESTree.Node[] {
  const target = skipTypeWrappers(node);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(target);
    if (name === undefined || !isThisLike(context, skipTypeWrappers(target.object))) return [];
    return slotEnds(context, { kind: 'member', name, text: `this.${name}`, node: target }, ends);
  }
  if (target.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(target), target);
  return variable ? slotEnds(context, { kind: 'variable', name: target.name, text: target.name, node: target, variable }, ends) : [];
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
