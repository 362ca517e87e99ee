import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from '../estree';
import { chainingMethods, closedEvents, endOfLifeEvents, listenerMethods, oneShotListenerMethods } from '../apis';
import type { FunctionNode } from '../ast';
import { enclosingFunction, isFunctionNode, isInside, methodCallParts, runsImmediately, skipTypeWrappers, stableReferenceText, staticMemberName, staticString, walk } from '../ast';
import type { AnalysisContext } from '../fileCache';
import type { Start } from '../findStart';
import { findStart } from '../findStart';
import { isGuardedOnce } from '../guardedOnce';
import { signalApi } from '../families/abortSignal';
import type { Leak } from '../leak';
import { describeFunction, makeLeak, ownerReasons } from '../leak';
import { eventEmitter } from '../families/eventEmitter';
import { protocols } from '../families/language';
import { importedName } from '../imports';
import { functionLifetime, targetOwner } from '../lifetime';
import { howOftenFires } from '../repetition';
import { holderOf, isThisLike, thisFunction } from '../teardown';
import { findMethodCalls, methodCallsByReceiver } from '../methodCallIndex';
import { objectApiOf } from '../objectApi';
import { thisMemberUses } from '../storedHandles';
import { listenerLabel } from './labels';

/**
 * A listener added for one wait: written in a `new Promise` executor, made by the call (a function
 * of the call's own), and settling that promise; or, with no promise, one whose handler takes the
 * call's listeners off the same target (`const remove = () => { this.off('ready', ready); … }`),
 * which shows they are there for one wait. When the wait is over it has no use left, but it
 * stays on its target when the target outlives the call (the object itself, a parameter, a
 * module's emitter): every call of a method that may run again leaves one more. A `once` listener
 * racing others on the same target stays whenever another event wins the race.
 *
 * Returns `'fine'` for a waiter whose listener the call removes, `undefined` for anything that is
 * not a waiter (judged as any other start).
 *
 * ```js
 * class Client extends EventEmitter {
 *   ready() {
 *     return new Promise((resolve, reject) => {
 *       const onReady = () => { this.off('error', onError); resolve(); };
 *       const onError = (err) => reject(err);   // ← no `this.off('ready', onReady)`
 *       this.once('ready', onReady);            // ← stays on `this` each time 'error' wins
 *       this.once('error', onError);
 *     });
 *   }
 * }
 * ```
 */
export function judgeWaiter(context: AnalysisContext, node: TSESTree.Node): Leak | 'fine' | undefined {
  const parts = methodCallParts(node);
  if (!parts || !(listenerMethods.has(parts.method) || oneShotListenerMethods.has(parts.method))) return undefined;
  const executor = enclosingExecutor(node);
  // Without a promise, the wait is the call's own: its listeners settle it through a callback.
  const fn = executor ? enclosingFunction(executor) : enclosingFunction(node);
  if (!fn || isInConstructor(fn)) return undefined;
  const start = findStart(context, node);
  const { object, listener } = start ?? {};
  if (!start || start.kind !== 'listener' || !object || !listener || start.event === signalApi.event) return undefined;
  if (object.kind.startsWith('custom:')) return undefined;
  const call = start.node as TSESTree.CallExpression;
  if (call.arguments.length > 2) return undefined; // options (`{ signal }`, `{ once }`) are judged elsewhere
  const targetText = stableReferenceText(object.target);
  const api = objectApiOf(context, object.kind);
  const handler = ownListener(context, listener, fn);
  if (targetText === undefined || !api || !handler) return undefined;
  const waits = executor ? settles(context, handler, executor, fn) : removesOwnListeners(context, handler, fn, targetText, api.removeListener);
  if (!waits) return undefined;
  const oneShot = oneShotListenerMethods.has(object.method);
  if (oneShot && !racesOthers(context, start, targetText, executor ?? fn)) return undefined;
  // A wait for the target's own end (a stream's 'close'): when the event fires the target is done,
  // and so is the listener. A client's 'close' may come again, after each connect.
  if (start.event !== undefined && closedEvents.has(start.event) && (howOftenFires(context, object.target, start.event) === 'once' || isStreamItself(context, object.target))) {
    return undefined;
  }
  const outlives = outlivingTarget(context, object.target, fn);
  // An \`on\` listener on anything but the object itself is judged as any listener on what outlives the call.
  if (outlives === undefined || (!oneShot && outlives !== selfTarget && outlives !== keptMember)) return undefined;
  // Once per program, or once per object behind a flag: the listener cannot pile up.
  const lifetime = functionLifetime(context, fn);
  if (lifetime === 'program' || lifetime === 'constructor' || isGuardedOnce(context, fn, call)) return undefined;
  const removed = findMethodCalls(methodCallsByReceiver(context), targetText, api.removeListener, fn).some(({ call: removal }) =>
    removes(context, removal, start),
  );
  if (removed) return 'fine';
  return makeLeak(
    context,
    start,
    fn,
    'listenerLeftByWaiter',
    {
      label: oneShot ? `a one-shot '${start.event ?? '…'}' listener` : listenerLabel(start.event),
      target: targetText,
      outlives,
      owner: describeFunction(fn),
      when: oneShot ? 'when another event ends the wait' : 'when the wait is over',
    },
    { end: undefined },
  );
}

/** The nearest `new Promise` executor around `node`, through the callbacks written inside it. */
/**
 * Whether the listener `start` adds settles a promise made around it: `new Promise((resolve, reject)
 * => { stream.on('end', resolve); stream.on('error', reject); })`, a listener added for one wait.
 */
export function settlesEnclosingWait(context: AnalysisContext, start: Start): boolean {
  const executor = enclosingExecutor(start.node);
  const fn = executor && enclosingFunction(executor);
  if (!executor || !fn || !start.listener) return false;
  const handler = ownListener(context, start.listener, fn);
  return handler !== undefined && settles(context, handler, executor, fn);
}

/**
 * Whether the listener belongs to a wait for its target's end: it waits for that end itself
 * (`stream.on('end', resolve)`), or is added in the same `new Promise` beside a listener that does
 * (`stream.on('data', onRow).on('end', resolve)`): reading the stream to its end, it lasts no
 * longer than that end.
 */
export function partOfWaitForEnd(context: AnalysisContext, start: Start): boolean {
  if (readsToEnd(context, start)) return true;
  if (start.event !== undefined && endOfLifeEvents.has(start.event)) return settlesEnclosingWait(context, start);
  const executor = enclosingExecutor(start.node);
  const targetText = start.object && stableReferenceText(start.object.target);
  if (!executor || targetText === undefined) return false;
  let found = false;
  walk(executor.body, (node) => {
    if (found) return false;
    if (node === start.node || node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const [eventArgument, listener] = node.arguments;
    const event = staticString(eventArgument);
    const parts = methodCallParts(node);
    if (event === undefined || !closedEvents.has(event) || !listener || !parts) return undefined;
    if (!listenerMethods.has(parts.method) && !oneShotListenerMethods.has(parts.method)) return undefined;
    // Written on the same target, maybe through the chain (`stream.on('data', f).on('end', resolve)`), whose kind the first call told.
    found = stableReferenceText(chainReceiver(parts.target)) === targetText && settlesEnclosingWait(context, { ...start, node, event, listener });
    return undefined;
  });
  return found;
}

/**
 * Whether the listener is one of a pair that reads its target to the end without a promise, both
 * added by the same function: a listener that gathers into a local of that function, and a
 * listener for the target's end that reads the local (actionhero's `fileStream.on('data', (d) =>
 * (content += d)); fileStream.on('end', () => send(content))`, readline's `'line'` and `'close'`).
 * As a wait for the end, they last no longer than that end; a listener that gathers nothing the
 * end reads is not such a read, whatever its event is called. Either listener may be a local
 * function of the same function, handed by name (`stream.on('readable', getIv)`).
 */
function readsToEnd(context: AnalysisContext, start: Start): boolean {
  const fn = enclosingFunction(start.node);
  const targetText = start.object && stableReferenceText(start.object.target);
  if (!fn || targetText === undefined) return false;
  const gathering: { call: TSESTree.CallExpression; locals: Set<TSESLint.Scope.Variable> }[] = [];
  const ending: { call: TSESTree.CallExpression; listener: FunctionNode }[] = [];
  walk(fn.body ?? fn, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const [eventArgument, listenerArgument] = node.arguments;
    const event = staticString(eventArgument);
    const parts = methodCallParts(node);
    // Written inline or a local of the function holding one (`const getIv = () => …; stream.on('readable', getIv)`).
    const owned = listenerArgument && ownListener(context, listenerArgument, fn);
    const listener = owned && 'type' in owned && isFunctionNode(owned) ? owned : undefined;
    if (event === undefined || !listener || !parts || !listenerMethods.has(parts.method)) return undefined;
    if (stableReferenceText(chainReceiver(parts.target)) !== targetText) return undefined;
    if (closedEvents.has(event)) ending.push({ call: node, listener });
    else gathering.push({ call: node, locals: localsWrittenBy(context, listener, fn) });
    return undefined;
  });
  const pairs = gathering.flatMap((data) =>
    ending.filter((end) => [...data.locals].some((local) => local.references.some((reference) => reference.isRead() && isInside(reference.identifier, end.listener)))).map((end) => [data.call, end.call]),
  );
  return pairs.some((pair) => pair.includes(start.node as TSESTree.CallExpression));
}

/** The locals of `fn` (declared outside `listener`) that `listener` assigns, updates or pushes to. */
function localsWrittenBy(context: AnalysisContext, listener: FunctionNode, fn: FunctionNode): Set<TSESLint.Scope.Variable> {
  const locals = new Set<TSESLint.Scope.Variable>();
  walk(listener.body, (node) => {
    const written =
      node.type === AST_NODE_TYPES.AssignmentExpression || node.type === AST_NODE_TYPES.UpdateExpression
        ? node.type === AST_NODE_TYPES.AssignmentExpression
          ? node.left
          : node.argument
        : protocols.collectionAdds.includes(methodCallParts(node)?.method ?? '')
          ? methodCallParts(node)?.target
          : undefined;
    if (written?.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(written), written);
    const declared = variable?.defs[0]?.name;
    if (variable && declared && isInside(declared, fn) && !isInside(declared, listener)) locals.add(variable);
    return undefined;
  });
  return locals;
}

/** `stream.on('data', f).on('end', g)`: the second call's receiver is `stream`, through methods that return it. */
function chainReceiver(node: TSESTree.Node): TSESTree.Node {
  let current = skipTypeWrappers(node);
  for (let parts = methodCallParts(current); parts && chainingMethods.has(parts.method); parts = methodCallParts(current)) {
    current = skipTypeWrappers(parts.target);
  }
  return current;
}

function enclosingExecutor(node: TSESTree.Node): FunctionNode | undefined {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    if (runsImmediately(fn) && fn.parent.type === AST_NODE_TYPES.NewExpression) return fn;
    if (fn.parent.type === AST_NODE_TYPES.MethodDefinition) return undefined;
  }
  return undefined;
}

function isInConstructor(fn: FunctionNode): boolean {
  for (let current: TSESTree.Node | undefined = fn; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.MethodDefinition) return current.kind === 'constructor';
  }
  return false;
}

/** The listener as a function made by this call of `fn`: written inline, or a local of `fn` that holds one. */
function ownListener(context: AnalysisContext, listener: TSESTree.Node, fn: FunctionNode): FunctionNode | TSESLint.Scope.Variable | undefined {
  if (isFunctionNode(listener)) return listener;
  if (listener.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(listener), listener);
  if (variable?.defs[0]?.type === 'Parameter') return variable; // `resolve`, `reject` themselves
  return variable ? functionHeldBy(variable, fn) : undefined;
}

/** `const f = () => …`, `function f() {}`, `let f; f = () => …`: the one function a local of `fn` holds. */
function functionHeldBy(variable: TSESLint.Scope.Variable, fn: FunctionNode): FunctionNode | undefined {
  const definition = variable.defs[0];
  if (!definition || !isInside(definition.name, fn)) return undefined;
  if (definition.type === 'FunctionName' && isFunctionNode(definition.node)) return definition.node;
  if (definition.type !== 'Variable') return undefined;
  const values = variable.references.flatMap((reference) => (reference.writeExpr ? [skipTypeWrappers(reference.writeExpr)] : []));
  const functions = values.filter(isFunctionNode);
  const others = values.filter((value) => !isFunctionNode(value) && !(value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined'));
  return functions.length === 1 && others.length === 0 ? functions[0] : undefined;
}

/**
 * The listener settles the executor's promise: it calls `resolve` or `reject` (or a local or a
 * member of `this` it was handed to, `reject = innerReject`, `this._resolve = resolve`), itself or
 * through a function of the call's own or a method of the object (`this._setEnded()`) it calls.
 */
function settles(context: AnalysisContext, handler: FunctionNode | TSESLint.Scope.Variable, executor: FunctionNode, fn: FunctionNode): boolean {
  const settlers = new Set<TSESLint.Scope.Variable>();
  const settlerMembers = new Set<string>();
  const holder = holderOf(context, thisFunction(executor) ?? fn);
  for (const variable of context.sourceCode.getDeclaredVariables(executor)) {
    if (variable.defs[0]?.type !== 'Parameter') continue;
    settlers.add(variable);
    for (const reference of variable.references) {
      const parent = reference.identifier.parent;
      if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.right !== reference.identifier) continue;
      const left = parent.left;
      const held = left.type === AST_NODE_TYPES.Identifier ? ASTUtils.findVariable(context.sourceCode.getScope(left), left) : null;
      if (held) settlers.add(held);
      const member = left.type === AST_NODE_TYPES.MemberExpression && isThisLike(context, skipTypeWrappers(left.object)) ? stableReferenceText(left) : undefined;
      if (member !== undefined) settlerMembers.add(member);
    }
  }
  const callsSettler = (body: FunctionNode, depth: number): boolean => {
    let found = false;
    walk(body.body, (node) => {
      if (found) return false;
      if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && isThisLike(context, skipTypeWrappers(node.callee.object))) {
        const text = stableReferenceText(node.callee);
        const name = staticMemberName(node.callee);
        if (text !== undefined && settlerMembers.has(text)) found = true;
        else if (depth < 2 && settlerMembers.size > 0 && name !== undefined) {
          const method = holder?.method(name);
          if (method && method !== body && callsSettler(method, depth + 1)) found = true;
        }
        return undefined;
      }
      if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(node.callee), node.callee);
      if (!variable) return undefined;
      if (settlers.has(variable)) found = true;
      else if (depth < 2) {
        const local = functionHeldBy(variable, fn);
        if (local && local !== body && callsSettler(local, depth + 1)) found = true;
      }
      return undefined;
    });
    return found;
  };
  return isFunctionNode(handler as TSESTree.Node) ? callsSettler(handler as FunctionNode, 0) : settlers.has(handler as TSESLint.Scope.Variable);
}

/**
 * Without a promise: the listener's handler (itself, or a function of the call's own it runs)
 * takes listeners that this call of `fn` adds off the same target, as a wait settled through a
 * callback does. Removing another of the object's listeners is no such evidence.
 *
 * ```js
 * const ready = () => { remove(); fn(); };
 * const remove = () => { this.removeListener('ready', ready); this.removeListener('error', failed); };
 * ```
 */
function removesOwnListeners(
  context: AnalysisContext,
  handler: FunctionNode | TSESLint.Scope.Variable,
  fn: FunctionNode,
  targetText: string,
  removals: readonly string[],
): boolean {
  if (!isFunctionNode(handler as TSESTree.Node)) return false;
  const text = (node: TSESTree.Node | undefined): string | undefined => (node ? context.sourceCode.getText(node) : undefined);
  // What this call adds to the target: `this.on('ready', ready)` → event `'ready'`, listener `ready`.
  const added = findMethodCalls(methodCallsByReceiver(context), targetText, [...listenerMethods, ...oneShotListenerMethods], fn).map(({ call }) => ({
    event: text(call.arguments[0]),
    listener: text(call.arguments[1]),
  }));
  const takesOff = (removal: TSESTree.CallExpression): boolean => {
    const [event, listener] = removal.arguments;
    return added.some((add) => (listener ? add.listener === text(listener) : event !== undefined && add.event === text(event)));
  };
  const removesIn = (body: FunctionNode, depth: number): boolean => {
    let found = false;
    walk(body.body, (node) => {
      if (found) return false;
      if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const parts = methodCallParts(node);
      if (parts && removals.includes(parts.method) && stableReferenceText(parts.target) === targetText) found = takesOff(node);
      else if (depth < 2 && node.callee.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(context.sourceCode.getScope(node.callee), node.callee);
        const local = variable && functionHeldBy(variable, fn);
        if (local && local !== body && removesIn(local, depth + 1)) found = true;
      }
      return undefined;
    });
    return found;
  };
  return removesIn(handler as FunctionNode, 0);
}

/** Another listener waits on the same target in the same executor, for another event: one of them wins. */
function racesOthers(context: AnalysisContext, start: Start, targetText: string, executor: FunctionNode): boolean {
  let found = false;
  walk(executor.body, (node) => {
    if (found) return false;
    if (node === start.node || node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const parts = methodCallParts(node);
    if (!parts || !(listenerMethods.has(parts.method) || oneShotListenerMethods.has(parts.method))) return undefined;
    if (stableReferenceText(parts.target) !== targetText) return undefined;
    const event = staticString(node.arguments[0]);
    if (event === undefined || event === start.event) return undefined;
    found = findStart(context, node)?.kind === 'listener';
    return undefined;
  });
  return found;
}

const selfTarget = 'the object itself';
const keptMember = 'kept by the object';

/**
 * How the target outlives one call of `fn`, for messages: the object itself (`this`, `const _this = this`)
 * outside its constructor, a member it keeps for its life, or a parameter, a module's or a global emitter.
 */
function outlivingTarget(context: AnalysisContext, target: TSESTree.Expression, fn: FunctionNode): string | undefined {
  const inner = skipTypeWrappers(target);
  if (inner.type === AST_NODE_TYPES.ThisExpression || isAliasOfThis(context, inner)) return selfTarget;
  const owner = targetOwner(context, target, fn);
  if (owner.owner === 'outlives') return ownerReasons[owner.reason];
  // A member the object made and keeps: not a given one, which outlives it and is judged as such.
  return isKeptMember(context, inner) ? keptMember : undefined;
}

/**
 * `this.conn`, set only by the constructor (`constructor() { this.conn = net.connect(port); }`):
 * the object keeps it for its life, so every call's wait meets the same one. A member a method
 * sets again (a new socket per `connect()`) or that this file never sets is not known to be kept.
 */
function isKeptMember(context: AnalysisContext, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed) return false;
  const object = skipTypeWrappers(node.object);
  if (object.type !== AST_NODE_TYPES.ThisExpression && !isAliasOfThis(context, object)) return false;
  const name = staticMemberName(node);
  if (name === undefined) return false;
  const writes = thisMemberUses(context, name).filter((use) => use.parent.type === AST_NODE_TYPES.AssignmentExpression && use.parent.left === use);
  return writes.length > 0 && writes.every((write) => {
    const fn = enclosingFunction(write);
    return fn !== undefined && isInConstructor(fn) && fn.parent.type === AST_NODE_TYPES.MethodDefinition;
  });
}

/** The module whose classes are streams, as the knowledge base names it. */
const streamModule: keyof typeof eventEmitter.modules = 'stream';
const streamClasses: ReadonlySet<string> = new Set(Object.keys(eventEmitter.modules[streamModule].objects));

/** `this` in `class Body extends Readable` (or `stream.Readable`, imported from 'stream'): a stream ends once. */
function isStreamItself(context: AnalysisContext, target: TSESTree.Expression): boolean {
  const inner = skipTypeWrappers(target);
  if (inner.type !== AST_NODE_TYPES.ThisExpression && !isAliasOfThis(context, inner)) return false;
  let node: TSESTree.Node | undefined = inner;
  while (node && node.type !== AST_NODE_TYPES.ClassDeclaration && node.type !== AST_NODE_TYPES.ClassExpression) node = node.parent;
  const base = node?.superClass ? skipTypeWrappers(node.superClass) : undefined;
  const named = base?.type === AST_NODE_TYPES.MemberExpression ? base.object : base;
  const name = base?.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(base) : base?.type === AST_NODE_TYPES.Identifier ? base.name : undefined;
  if (named?.type !== AST_NODE_TYPES.Identifier || name === undefined) return false;
  const imported = importedName(context.sourceCode, named);
  const exported = base?.type === AST_NODE_TYPES.MemberExpression ? name : imported?.name;
  return imported?.module === streamModule && exported !== undefined && streamClasses.has(exported);
}

/** `const _this = this; … _this.once('ready', …)`, never assigned again. */
function isAliasOfThis(context: AnalysisContext, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
  const definition = variable?.defs[0];
  if (!variable || definition?.type !== 'Variable' || variable.references.filter((reference) => reference.isWrite()).length > 1) return false;
  const init = definition.node.init;
  return init !== null && skipTypeWrappers(init).type === AST_NODE_TYPES.ThisExpression;
}

/** `this.off('ready', onReady)`, `this.removeAllListeners('ready')`, `this.removeAllListeners()`. */
function removes(context: AnalysisContext, removal: TSESTree.CallExpression, start: Start): boolean {
  const [event, listener] = removal.arguments;
  if (!event) return true;
  const startEvent = (start.node as TSESTree.CallExpression).arguments[0];
  if (namesAnotherEvent(event, startEvent)) return false;
  const sameEvent = startEvent !== undefined && context.sourceCode.getText(event) === context.sourceCode.getText(startEvent);
  if (!listener) return sameEvent;
  return start.listener !== undefined && context.sourceCode.getText(listener) === context.sourceCode.getText(start.listener);
}

/**
 * A removal's event that is surely not the start's: both written as strings, and different. An
 * emitter removes a listener per event, so `off('open', remove)` leaves `on('error', remove)`;
 * events written otherwise (`EVENTS.ERROR`, a variable) may be the same.
 */
export function namesAnotherEvent(event: TSESTree.Node, startEvent: TSESTree.Node | undefined): boolean {
  const removed = staticString(event);
  const added = startEvent && staticString(startEvent);
  return removed !== undefined && added !== undefined && removed !== added;
}
