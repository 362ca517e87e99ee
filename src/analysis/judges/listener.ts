import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { AST_NODE_TYPES, ASTUtils } from '../estree';
import { protocols } from '../families/language';
import { endOfLifeEvents, handleEnds, oneShotListenerMethods } from '../apis';
import type { FunctionNode } from '../ast';
import { findObjectProperty, isReassigned, referenceRoot, skipTypeWrappers, stableReferenceText, staticMemberName, walk } from '../ast';
import type { EndPlan } from '../endPlan';
import { signalApi } from '../families/abortSignal';
import { eventTarget } from '../families/eventTarget';
import { removeListenerPlan } from '../endPlan';
import type { AnalysisContext } from '../fileCache';
import type { Start } from '../findStart';
import type { Judge, Leak } from '../leak';
import { judgeAbortListener } from './abortListener';
import { judgeKeptOpen } from './keptOpen';
import { namesAnotherEvent, partOfWaitForEnd } from './waiter';
import { endSearchScope, makeLeak, ownerReasons } from '../leak';
import { targetOwner } from '../lifetime';
import { findMethodCalls, methodCallsByReceiver } from '../methodCallIndex';
import { objectApiOf } from '../objectApi';
import { listenerLabel } from './labels';
import { insideAny } from '../outlivingSignals';
import { collectionSlot, entriesUse } from '../collectionSlots';
import { collectionUses } from '../storedHandles';
import type { NeverAbortedSignal } from '../neverAborted';
import { neverAbortedSignal } from '../neverAborted';
import { makesNewFunction } from '../newFunction';
import { resolveCallee } from '../resolveCallee';
import { enclosingClassBody } from '../classMembers';
import { endsOwnListenersAtEnd } from '../endsOwnListeners';
import { fileIndex } from '../fileIndex';
import { isUntypedType, typeServices } from '../typeServices';

/**
 * A listener on a target that outlives the function, never removed: `bus.on('x', f)` on a
 * parameter or a module's emitter, with no `off`, `{ once }` or `{ signal }`.
 */
export function judgeListener(judge: Judge): Leak | undefined {
  const { context, start, fn, inConstructor } = judge;
  const { object, listener } = start;
  // An abort listener runs at most once, when its signal aborts: the cleanup idiom, unless a finite job leaves it behind.
  if (start.event === signalApi.event) return judgeAbortListener(judge);
  if (!object || !listener) return undefined;
  const call = start.node as TSESTree.CallExpression;
  const api = objectApiOf(context, object.kind);
  if (!api) return undefined;
  const options = call.arguments[2];
  let oneShot = oneShotListenerMethods.has(object.method) && !object.kind.startsWith('custom:');
  // `{ signal: ac.signal }` of a controller that nothing aborts ends nothing.
  let neverAborted: NeverAbortedSignal | undefined;
  if (options && !isBooleanLiteral(options)) {
    if (options.type !== AST_NODE_TYPES.ObjectExpression) return undefined; // unknown options: stay quiet
      const signal = findObjectProperty(options, signalApi.property);
      neverAborted = signal && neverAbortedSignal(context, signal.value, judge.scope);
      if (signal && !judge.blind?.optionValues.has(signal.value) && !neverAborted) return undefined;
      const once = findObjectProperty(options, eventTarget.onceOption);
    if (once && !(once.value.type === AST_NODE_TYPES.Literal && once.value.value === false)) oneShot = true;
  }
  // A one-shot listener ends when its event fires; in a repetition, an event that only comes
  // when the target fails or ends may not come at all, and each run adds one more.
  if (oneShot && !(judge.repetition && start.event !== undefined && endOfLifeEvents.has(start.event))) return undefined;
  const forwards = forwardsAnAdd(context, start, fn);
  if (inConstructor || forwards === 'method') return undefined;
  const owner = targetOwner(context, object.target, judge.scope, { outerOutlives: judge.repetition });
  if (owner.owner !== 'outlives') return api.keptOpenBy && api.fixClose ? judgeKeptOpen(judge, { ...api, keptOpenBy: api.keptOpenBy, fixClose: api.fixClose }) : undefined;
  const targetText = stableReferenceText(object.target);
  if (targetText === undefined) return undefined;
  // A target handed in, whose own end removes every listener on it, takes them along when its
  // owner ends it; a module's or an outer scope's lives on, and a repetition piles them up meanwhile.
  if (!judge.repetition && (owner.reason === 'parameter' || owner.reason === 'given') && endsOwnListenersAtEnd(context, object.target)) return undefined;
  const within = endSearchScope(judge, owner);
  const index = methodCallsByReceiver(context);
  const candidates = findMethodCalls(index, targetText, api.removeListener, within).filter((removal) => !insideAny(removal.call, judge.blind?.abortListeners));
  if (candidates.some((removal) => removesListener(context, removal.call, context, start))) return undefined;
  // A removal of the same event handed a function made on the spot: the report says why it fails.
  const missedRemoval = candidates.find(({ call: removal }) => removesListener(context, removal, context, start, { ignoreNewFunctions: true }));
  // The function closes the object itself after adding it (`stream.on('error', log); stream.destroy(err)`): it goes with the object.
  if (findMethodCalls(index, targetText, [...api.close, ...handleEnds.connection.methods], fn).some(({ call: end }) => end.range[0] > call.range[1])) return undefined;
  if (
    owner.reason === 'parameter' &&
    !judge.repetition &&
    (adoptedByObject(context, object.target) ||
      removedWhereHandedOn(context, start, object.target, api.removeListener, fn) ||
      removedBySiblingMethod(context, start, object.target, api.removeListener, fn))
  ) {
    return undefined;
  }
  if (!judge.repetition && listenerIsStored(context, listener)) return undefined;

  // A wait for the end of what the caller handed in (`stream.on('end', resolve)` in a `new Promise`):
  // it lasts no longer than the caller's object, whose life is the caller's; a caller that runs the
  // wait again and again on one object is still reported, through the call path.
  // So do the listeners added beside it to read the object to that end (`stream.on('data', f).on('end', resolve)`),
  // on what the caller handed in or the object was given.
  const waitsForEnd = (owner.reason === 'parameter' || owner.reason === 'given') && partOfWaitForEnd(context, start);
  const eventText = oneShot ? `a one-shot '${start.event}' listener` : listenerLabel(start.event);
  if (neverAborted) {
    return makeLeak(context, start, fn, 'signalNeverAborted', { label: eventText, ...neverAborted }, { targetParameter: owner.parameterIndex, end: undefined });
  }
  const signalOption = api.starts[object.method]?.signalOptionIndex;
  let end: EndPlan | undefined;
  if (signalOption !== undefined) {
    end = { kind: 'passSignal', call, optionsIndex: signalOption };
  } else if (api.fixRemoveListener && heldUntilAbort(context, object.target)) {
    end = removeListenerPlan(call, object.target, api.fixRemoveListener, listener, start.event);
  }
  const data = { label: eventText, target: targetText, outlives: ownerReasons[owner.reason] };
  const leakOptions = { targetParameter: owner.parameterIndex, end, callerOwned: forwards === 'helper' || waitsForEnd };
  if (missedRemoval) {
    const line = String(context.sourceCode.getLocFromIndex(missedRemoval.call.range[0]).line);
    return makeLeak(context, start, fn, 'listenerRemovedWithNewFunction', { ...data, line }, leakOptions);
  }
  return makeLeak(context, start, fn, 'listenerNotRemoved', data, leakOptions);
}

/**
 * `bus.off('x', onX)` removes `bus.on('x', onX)`, `bus.off('y', onX)` does not; `bus.removeAllListeners()`
 * removes everything; `bus.off('x', onX.bind(this))` removes nothing.
 * The removal may be written in another file than the start (`startContext`).
 */
export function removesListener(
  context: AnalysisContext,
  removal: TSESTree.CallExpression,
  startContext: AnalysisContext,
  start: Start,
  options: { ignoreNewFunctions?: boolean } = {},
): boolean {
  const [event, listener] = removal.arguments;
  if (!event) return true;
  const eventName = context.sourceCode.getText(event);
  const startArgument = (start.node as TSESTree.CallExpression).arguments[0];
  if (namesAnotherEvent(event, startArgument)) return false;
  const startEvent = startArgument && startContext.sourceCode.getText(startArgument);
  if (!listener) return eventName === startEvent || start.event === undefined;
  // A function made on the spot (`this.onKey.bind(this)`, `() => …`) equals none added before it.
  if (!options.ignoreNewFunctions && makesNewFunction(context, listener)) return false;
  const listenerText = context.sourceCode.getText(listener);
  return eventName === startEvent || (start.listener !== undefined && listenerText === startContext.sourceCode.getText(start.listener));
}

/**
 * The parameter is stored on the object the method belongs to (`this._socket = socket`), or added
 * to one of its collections whose entries it ends (`this.sockets.push(socket)`, each destroyed when
 * the server closes): the object takes it over, and what is attached to it while doing so is the
 * object's business, as for what its constructor attaches (ws's `WebSocket#setSocket`, a server
 * keeping each connection it is handed). So it is when the parameter is handed to a method of the
 * same object that does so (`super.addTrackPublication(publication)`, `super.setTrack(track)`; a
 * superclass in another file is read with types).
 */
function adoptedByObject(context: AnalysisContext, target: TSESTree.Expression, depth = 0): boolean {
  const inner = skipTypeWrappers(target);
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(inner), inner);
  return (variable?.references ?? []).some((reference) => {
    const parent = reference.identifier.parent;
    const used = reference.identifier;
    if (depth < maxAdoptionDepth && used.type === AST_NODE_TYPES.Identifier && adoptedByOwnMethod(context, used, depth)) return true;
    const assigned =
      parent?.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.right === reference.identifier &&
      parent.left.type === AST_NODE_TYPES.MemberExpression &&
      skipTypeWrappers(parent.left.object).type === AST_NODE_TYPES.ThisExpression;
    if (assigned) return true;
    // A collection slot without a variable is a member of `this`; it owns its entries only if some
    // code ends them (`this.sockets[i].destroy()` when the server closes), not if it only forgets them.
    const collection = collectionSlot(context, reference.identifier, inner);
    return (
      collection !== undefined &&
      collection.variable === undefined &&
      collectionUses(context, collection).some((use) => use.type === AST_NODE_TYPES.Property || entriesUse(context, use, handleEnds.connection) !== 'used')
    );
  });
}

/** How many of the object's own methods a parameter is followed through (`super.add(p)` calling `this.store(p)`). */
const maxAdoptionDepth = 3;

/** `argument` is handed to a method of the same object (`super.add(p)`, `this.add(p)`) whose parameter the object adopts. */
function adoptedByOwnMethod(context: AnalysisContext, argument: TSESTree.Identifier, depth: number): boolean {
  const call = argument.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = skipTypeWrappers(call.callee.object).type;
  if (receiver !== AST_NODE_TYPES.Super && receiver !== AST_NODE_TYPES.ThisExpression) return false;
  const index = call.arguments.indexOf(argument);
  const callee = resolveCallee(context, call);
  const parameter = callee?.fn.params[index];
  if (!callee || parameter?.type !== AST_NODE_TYPES.Identifier || callee.fn.parent.type !== AST_NODE_TYPES.MethodDefinition) return false;
  return adoptedByObject(callee.context, parameter, depth + 1);
}

/**
 * The parameter the listener was added to is handed on to a function that removes it from its
 * own parameter: ws's `handleUpgrade(req, socket)` adds `socket.on('error', socketOnError)` and
 * `this.completeUpgrade(…, socket)` removes it.
 */
function removedWhereHandedOn(
  context: AnalysisContext,
  start: Start,
  target: TSESTree.Expression,
  removeMethods: readonly string[],
  fn: FunctionNode | undefined,
): boolean {
  const inner = skipTypeWrappers(target);
  if (!fn || inner.type !== AST_NODE_TYPES.Identifier) return false;
  let removed = false;
  walk(fn.body, (node) => {
    if (removed) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return true;
    const index = node.arguments.findIndex((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === inner.name);
    const callee = index >= 0 ? resolveCallee(context, node) : undefined;
    const parameter = callee?.fn.params[index];
    if (!callee || callee.fn === fn || parameter?.type !== AST_NODE_TYPES.Identifier) return true;
    removed = findMethodCalls(methodCallsByReceiver(callee.context), parameter.name, removeMethods, callee.fn).some((removal) =>
      removesListener(callee.context, removal.call, context, start),
    );
    return true;
  });
  return removed;
}

/**
 * Another method of the class removes the listener from the same member of its own parameter, one
 * of the same type (with types; of the same name without, a weak hint that only keeps the rule
 * quiet): the class attaches to each object it is handed and detaches when done with it.
 *
 * `_onJoin(client: Client) { client.ref.on('message', …) }` with
 * `_onLeave(client: Client) { client.ref.removeAllListeners('message') }` → true.
 */
function removedBySiblingMethod(
  context: AnalysisContext,
  start: Start,
  target: TSESTree.Expression,
  removeMethods: readonly string[],
  fn: FunctionNode | undefined,
): boolean {
  const root = referenceRoot(target);
  const targetText = stableReferenceText(target);
  const classBody = fn && enclosingClassBody(fn);
  if (!classBody || root?.type !== AST_NODE_TYPES.Identifier || targetText === undefined || !isMethodParameter(context, root, classBody)) return false;
  return findMethodCalls(methodCallsByReceiver(context), targetText, removeMethods, classBody).some(({ call }) => {
    const receiver = call.callee.type === AST_NODE_TYPES.MemberExpression ? referenceRoot(call.callee.object) : undefined;
    return (
      receiver?.type === AST_NODE_TYPES.Identifier &&
      isMethodParameter(context, receiver, classBody) &&
      sameDeclaredType(context, root, receiver) &&
      removesListener(context, call, context, start)
    );
  });
}

/**
 * `client` in `_onJoin(client) {…}` or `onJoin = (client) => {…}`: a parameter of a method of
 * `classBody`, or of a function a property of it holds (not of a function inside either).
 */
function isMethodParameter(context: AnalysisContext, name: TSESTree.Identifier, classBody: TSESTree.ClassBody): boolean {
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(name), name)?.defs[0];
  const owner = definition?.type === 'Parameter' ? definition.node : undefined;
  const member = owner?.parent;
  const isMember = member?.type === AST_NODE_TYPES.MethodDefinition || (member?.type === AST_NODE_TYPES.PropertyDefinition && member.value === owner);
  return isMember && member.parent === classBody;
}

/** With types, whether two values are declared of one type; without, whether they share a name. */
function sameDeclaredType(context: AnalysisContext, a: TSESTree.Identifier, b: TSESTree.Identifier): boolean {
  const services = typeServices(context);
  if (!services) return a.name === b.name;
  const checker = services.program.getTypeChecker();
  // The checker makes each type once (an instantiation, an intersection): one type is one object.
  const typeOf = (node: TSESTree.Node): ts.Type => checker.getNonNullableType(services.getTypeAtLocation(node));
  const type = typeOf(a);
  return !isUntypedType(type) && type === typeOf(b);
}

/**
 * The function hands its caller's event and listener straight on, so removing the listener is its
 * caller's business: `'method'` for the object's own add method (`on(event, callback) {
 * this.socket.on(event, callback); return this; }`), `'helper'` for a free helper given the target
 * too (lib0's `addEventListener = (el, name, f) => el.addEventListener(name, f)`), or adding to a
 * global its caller reaches as well (egg-cluster's `static on(event, callback) { process.on(event,
 * callback); }`): its caller holds all three, and a repeated caller is still reported, through the
 * call path.
 */
function forwardsAnAdd(context: AnalysisContext, start: Start, fn: FunctionNode | undefined): 'method' | 'helper' | undefined {
  if (!fn) return undefined;
  const [event, listener] = (start.node as TSESTree.CallExpression).arguments;
  const isParameter = (node: TSESTree.Node | undefined): boolean =>
    node?.type === AST_NODE_TYPES.Identifier && fn.params.some((parameter) => parameter.type === AST_NODE_TYPES.Identifier && parameter.name === node.name);
  if (!isParameter(event) || !isParameter(listener)) return undefined;
  if (fn.parent.type === AST_NODE_TYPES.MethodDefinition && referenceRoot(start.object?.target ?? start.node)?.type === AST_NODE_TYPES.ThisExpression) return 'method';
  const target = start.object?.target && skipTypeWrappers(start.object.target);
  return isParameter(target) || (target?.type === AST_NODE_TYPES.Identifier && isGlobal(context, target)) ? 'helper' : undefined;
}

/** An identifier no declaration of the file binds: `process`, `window`. */
function isGlobal(context: AnalysisContext, node: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
  return !variable || variable.defs.length === 0;
}

function isBooleanLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'boolean';
}

/**
 * The listener function is also kept where its owner can reach it to remove it later:
 * `this.listeners.push({ name, listener }); process.on(name, listener)` (webpack-dev-server's
 * signal handlers, removed one by one in `stop()`), `this.onExit = onExit`, `return onExit`.
 */
function listenerIsStored(context: AnalysisContext, listener: TSESTree.Node): boolean {
  if (listener.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(listener), listener);
  return (variable?.references ?? []).some((reference) => {
    const use = reference.identifier;
    if (reference.init || use === listener) return false;
    const parent = use.parent;
    switch (parent?.type) {
      case AST_NODE_TYPES.Property:
        return parent.value === use && parent.parent.type === AST_NODE_TYPES.ObjectExpression && isKept(parent.parent);
      case AST_NODE_TYPES.ArrayExpression:
        return isKept(parent);
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === use && parent.left.type === AST_NODE_TYPES.MemberExpression;
      case AST_NODE_TYPES.ReturnStatement:
        return true;
      case AST_NODE_TYPES.CallExpression:
        return isCollectionAdd(parent) && parent.arguments.some((argument) => argument === use) && entriesAreRead(context, parent);
      default:
        return false;
    }
  });

  /** An object or array literal that is itself stored: pushed into a collection read later, assigned to a member, returned. */
  function isKept(literal: TSESTree.Node): boolean {
    const parent = literal.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression) return isCollectionAdd(parent) && parent.arguments.includes(literal as TSESTree.Expression) && entriesAreRead(context, parent);
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression) return parent.right === literal && parent.left.type === AST_NODE_TYPES.MemberExpression;
    return parent?.type === AST_NODE_TYPES.ReturnStatement;
  }
}

/**
 * Whether the file reads the collection on `this` a listener was added to anywhere but to add to it
 * or to replace it (a subclass of the file counts): `this.subscriptions.push({ topic, handler })`
 * whose only other uses are `this.subscriptions = []` keeps the listener where no owner reaches it.
 */
function entriesAreRead(context: AnalysisContext, add: TSESTree.CallExpression): boolean {
  const collection = (add.callee as TSESTree.MemberExpression).object;
  const text = stableReferenceText(collection);
  if (text === undefined || referenceRoot(collection)?.type !== AST_NODE_TYPES.ThisExpression || !enclosingClassBody(add)) return true;
  return fileIndex(context).membersAndDeclarators.some((node) => {
    if (node === collection || node.type !== AST_NODE_TYPES.MemberExpression || stableReferenceText(node) !== text) return false;
    const parent = node.parent;
    const replaced = parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node;
    const addedTo = parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node && parent.parent.type === AST_NODE_TYPES.CallExpression && isCollectionAdd(parent.parent);
    return !replaced && !addedTo;
  });
}

/** `this.listeners.push(x)`, `this.handlers.add(x)`, `registry.set(key, x)`: into a collection something else holds. */
function isCollectionAdd(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.MemberExpression &&
    protocols.collectionAdds.includes(staticMemberName(callee) ?? '')
  );
}

/**
 * Whether `target` still names the same object when the signal aborts, so the abort listener a fix
 * adds removes the listener from the object it was added to: not a variable assigned again
 * (`if (child.killed) child = spawn(cmd)`), which may hold another object, or none, by then.
 */
function heldUntilAbort(context: AnalysisContext, target: TSESTree.Node): boolean {
  const root = referenceRoot(target);
  if (root?.type !== AST_NODE_TYPES.Identifier) return true;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(root), root);
  return !variable || !isReassigned(variable);
}
