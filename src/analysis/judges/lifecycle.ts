import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from '../estree';
import type { HandleEnd } from '../apis';
import { handleEnds } from '../apis';
import type { FunctionNode } from '../ast';
import { conditionTest, enclosingFunction, functionName, functionValue, isFunctionNode, isInside, outermostWrapper, skipTypeWrappers, stableReferenceText, walk } from '../ast';
import type { EndCall, EndPlan } from '../endPlan';
import { signalApi } from '../families/abortSignal';
import { handleEndCall } from '../endPlan';
import type { AnalysisContext } from '../fileCache';
import type { Start } from '../findStart';
import { findStart } from '../findStart';
import type { Leak } from '../leak';
import { makeLeak, ownerReasons } from '../leak';
import { functionLifetime, targetOwner } from '../lifetime';
import { typeServices } from '../typeServices';
import { viewComponentOf } from '../viewComponents';
import { findMethodCalls, methodCallsByReceiver } from '../methodCallIndex';
import { isGuardedOnce } from '../guardedOnce';
import { endsOnlyAtItsEnd } from '../endOfLifeEnd';
import { handleUse } from '../handleFate';
import { objectApiOf } from '../objectApi';
import { repetitionAround } from '../repetition';
import { rxSubscriptionMayLeak } from '../rxjsFiniteness';
import { optionsArgument, optionsMayCarrySignal, refersToFunction } from '../signalArguments';
import type { Slot } from '../storedHandles';
import { endedBefore as endedFirst } from '../runsBefore';
import { eventDrivenRoots, repeatedCall, resettingFunction, runningFunction, slotRelease } from '../restartEvidence';
import type { EntryMemberSlot } from '../collectionSlots';
import { droppedEntry } from '../collectionSlots';
import { collectionUses, slotEnds, storedAliases, storedSlot, thisMemberUses } from '../storedHandles';
import type { Holder, Teardown } from '../teardown';
import { classHolder, closureHolderOf, endingTeardownOf, endsNothing, holderOf, isThisLike, mayEndElsewhere, memberName, pairedTeardownOf, reachFrom, storedThroughFactory, teardownOf, teardownRuns, thisFunction } from '../teardown';
import { receiverEnds, startEnds } from './connection';
import { judgeGivenMemberListener } from './givenMemberListener';
import { listenerLabel, startLabel } from './labels';

/**
 * A start in a class method judged against the class's lifecycle: what another method keeps on
 * `this` must be ended by the teardown (`stop`, `ngOnDestroy`, `componentWillUnmount`, …), and a
 * listener a constructor adds to something that outlives the instance must be removed.
 * `'fine'` when the lifecycle accounts for it, `undefined` when it does not apply.
 *
 * ```ts
 * class Poller {
 *   start() { this.timer = setInterval(poll, 1000); } // ← leak: stop() never clears it
 *   stop() { console.log('stopped'); }
 * }
 * ```
 */
export function judgeLifecycle(context: AnalysisContext, start: Start, fn: FunctionNode): Leak | 'fine' | undefined {
  const method = fn.parent.type === AST_NODE_TYPES.MethodDefinition && fn.type === AST_NODE_TYPES.FunctionExpression ? fn.parent : undefined;
  const onGivenMember = start.kind === 'listener' ? judgeGivenMemberListener(context, start, fn) : undefined;
  if (onGivenMember) return onGivenMember;
  if (start.kind === 'listener' && closedByTeardown(context, start, fn)) return 'fine';
  if (method?.kind === 'constructor' && start.kind === 'listener') {
    return judgeConstructorListener(context, start, method as ClassMethod);
  }
  return judgeStored(context, start);
}

/**
 * A listener on a member that the class's teardown closes (`destroy() { this.port.close(); }`):
 * it goes with the member. Only for one call: a repetition adds one more each run for as long as
 * the object lives, which summaries and no-repeated-subscription still see.
 */
export function closedByTeardown(context: AnalysisContext, start: Start, fn: FunctionNode): boolean {
  const target = start.object && skipTypeWrappers(start.object.target);
  const api = start.object && objectApiOf(context, start.object.kind);
  const holder = holderOf(context, thisFunction(start.node) ?? fn);
  if (!target || !api || !holder) return false;
  const closeMethods = [...api.close, ...handleEnds.connection.methods];
  if (target.type === AST_NODE_TYPES.Identifier) return storedAndClosedByTeardown(context, target, holder, closeMethods);
  const targetText = stableReferenceText(target);
  if (target.type !== AST_NODE_TYPES.MemberExpression || !isThisLike(context, target.object) || targetText === undefined || !holder.body) return false;
  const closes = findMethodCalls(methodCallsByReceiver(context), targetText, closeMethods, holder.body);
  return teardownRuns(context, holder, closes.map(({ call }) => call));
}

/**
 * A parameter or local that the function stores on its object, as a member or an entry of a
 * member collection, which the teardown closes: a listener on it goes with it.
 *
 * ```js
 * add(watcher, path) { this.watchers[path] = watcher; watcher.on('change', onChange); }
 * close() { for (const path of Object.keys(this.watchers)) this.watchers[path].close(); }
 * ```
 *
 * A collection that also gives entries up unended (a method that deletes one it does not close)
 * is no such owner.
 */
function storedAndClosedByTeardown(context: AnalysisContext, target: TSESTree.Identifier, holder: Holder, closeMethods: readonly string[]): boolean {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(target), target);
  if (!variable || variable.defs.length !== 1 || variable.references.some((reference) => reference.isWrite() && !reference.init)) return false;
  const [close = ''] = closeMethods;
  const ends: HandleEnd = { methods: closeMethods, functions: [], fix: { kind: 'method', name: close, returnsPromise: false } };
  return variable.references.some((reference) => {
    const slot = reference.isRead() ? storedSlot(context, reference.identifier) : undefined;
    if (slot?.kind !== 'member' && (slot?.kind !== 'collection' || slot.variable)) return false;
    if (slot.kind === 'collection' && droppedEntry(context, collectionUses(context, slot), ends, holder)) return false;
    return teardownRuns(context, holder, slotEnds(context, slot, ends));
  });
}

type ClassMethod = TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression };

/**
 * A start whose handle is kept on `this` or in an outer variable. Storing it is no end; an end of
 * the place it is stored is. It leaks when nothing ends that place and there is evidence the
 * holder lives on past it: a teardown (`stop()`, `destroy()`, `Foo.prototype.close`) that does
 * not end it, a method that resets the state the start sets (so the start can run again), or a
 * call of the start's function from a repeated context. A class made once that keeps a
 * process-long interval, with no teardown and nothing that starts it again, is left alone.
 *
 * ```js
 * Exporter.prototype.init = function () { this.timer = setInterval(flush, 5000); }; // ← leak
 * Exporter.prototype.stop = function () { this.timer = null; };                     // ends nothing
 * ```
 */
function judgeStored(context: AnalysisContext, start: Start): Leak | 'fine' | undefined {
  const owner = thisFunction(start.node);
  if (!owner) return judgeFieldStart(context, start);
  const factory = owner.parent.type === AST_NODE_TYPES.MethodDefinition ? (owner.parent as ClassMethod) : undefined;
  // One handle under several names (`this._client = client; this.client = client`, or a member and
  // a collection's entry): ended by any.
  const aliases = storedAliases(context, start.node);
  const stored = aliases.length > 0 ? undefined : storedSlot(context, start.node);
  if (aliases.length > 0) {
    const verdicts = aliases.map((slot) => judgeSlot(context, start, slot, owner));
    return verdicts.includes('fine') ? 'fine' : verdicts.find((verdict) => verdict !== undefined);
  }
  // A factory's result stored in several members (`this.pub`, `this.sub`): each must be ended.
  const verdicts = (stored ? [stored] : factoryStored(start, factory)).map((slot) => judgeSlot(context, start, slot, owner));
  return verdicts.find((verdict) => verdict !== undefined && verdict !== 'fine') ?? (verdicts.includes('fine') ? 'fine' : undefined);
}

/**
 * A start a class field's initialiser keeps on each instance: it runs with the constructor, and
 * answers to the class's teardown as what the constructor keeps on `this` does.
 *
 * ```ts
 * class Poller {
 *   private timer = setInterval(() => this.poll(), 1000); // ← leak: stop() never clears it
 *   stop() { console.log('stopped'); }
 * }
 * ```
 */
export function judgeFieldStart(context: AnalysisContext, start: Start): Leak | 'fine' | undefined {
  const slot = storedSlot(context, start.node);
  if (slot?.kind !== 'member' || slot.node.type !== AST_NODE_TYPES.PropertyDefinition) return undefined;
  // `new DevServer(config, this.fileWatcher)`: handed to an object that may own and end it.
  const ends = startEnds(context, start);
  if (ends && thisMemberUses(context, slot.name).some((use) => handleUse(use, ends) === 'handedOver')) return undefined;
  return judgeSlot(context, start, slot, undefined);
}

/**
 * Whether a member holds a start of the same kind `owner` made beside `start`, and only `owner`
 * stores one there: a method that ends it is where what `owner` starts is ended, not a pause
 * (nothing starts it again) nor a reset of something else.
 *
 * `constructor() { this.sendTimer = setInterval(…); this.recvTimer = setInterval(…); }` → `recvTimer` for `sendTimer`.
 */
function keptBeside(context: AnalysisContext, start: Start, owner: FunctionNode): (member: string) => boolean {
  return (member) => {
    const stores = thisMemberUses(context, member).flatMap((use) => {
      const assignment = use.parent;
      if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== use) return [];
      const value = skipTypeWrappers(assignment.right);
      const cleared = (value.type === AST_NODE_TYPES.Literal && value.value === null) || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
      return cleared ? [] : [{ use, value }];
    });
    return (
      stores.length > 0 &&
      stores.every(({ use, value }) => thisFunction(use) === owner && findStart(context, value)?.kind === start.kind && value !== start.node)
    );
  };
}

/**
 * {@link judgeStored} for one place the start is kept. `owner`, the function that stores it, is
 * none for a class field: that runs once per instance, as it is made, and nothing runs it again.
 */
function judgeSlot(context: AnalysisContext, start: Start, slot: Slot, owner: FunctionNode | undefined): Leak | 'fine' | undefined {
  if (slot.kind === 'entryMember') return judgeEntryMember(context, start, slot);
  // Stored from a repeated callback: judgeOverwrite asks whether each run ends the one before.
  const repeated = repetitionAround(context, start.node);
  if (owner && repeated && isInside(repeated.scope, owner)) return undefined;
  const outer = slot.kind === 'member' ? undefined : slot.variable;
  const field = slot.kind === 'member' && slot.node.type === AST_NODE_TYPES.PropertyDefinition ? slot.node : undefined;
  const holder = field ? classHolder(context, field.parent) : ((owner && holderOf(context, owner)) ?? (outer ? closureHolderOf(context, outer.scope.block) : undefined));
  const named = holder && (teardownOf(holder) ?? (owner && pairedTeardownOf(context, holder, owner)));
  if (named && named.fn === owner) return undefined;
  const ends = startEnds(context, start);
  if (!ends) return undefined;
  if (!mayRunOn(context, start)) return 'fine';
  const startFn = enclosingFunction(start.node);
  // `clearInterval(this.timer); this.timer = setInterval(…)` ends the one before, not this one.
  // An end of the object it was made on ends it too (`this.conn.close()` closes `this.channel`).
  const allEndings = [...slotEnds(context, slot, ends), ...receiverEnds(context, start)];
  const endsPrevious = (use: TSESTree.Node): boolean => enclosingFunction(use) === startFn && use.range[1] <= start.node.range[0];
  const endings = allEndings.filter((use) => !endsPrevious(use));
  // With no teardown by name, one known by what it ends is asked only about a handle nothing ends.
  const teardown = named ?? (holder && owner && endings.length === 0 ? endingTeardownOf(context, holder, owner, keptBeside(context, start, owner)) : undefined);
  // A collection's owner ends what it holds anywhere it likes, unless it also takes entries out unended.
  if (slot.kind === 'collection') {
    const dropped = droppedEntry(context, collectionUses(context, slot), ends, holder, start.call?.returns);
    if (dropped?.by === 'method') return storedLeak(context, start, slot, ends, { reason: 'storedOnlyCleared', release: dropped.name });
    if (dropped) return storedLeak(context, start, slot, ends, { reason: 'storedDroppedOnEvent', event: dropped.event, line: String(dropped.line) });
    if (endings.length > 0) return 'fine';
  }
  if (holder && teardown) {
    const reach = reachFrom(context, holder, [teardown.fn]);
    if (mayEndElsewhere(reach, slotMember(slot))) return 'fine';
    const driven = reachFrom(context, holder, eventDrivenRoots(context, holder)).functions;
    // `stop() { this.poll(false); }` with `poll(on) { clearInterval(this.timer); if (on) this.timer = setInterval(…); }`:
    // the teardown runs the end written before the start, and the start only under a test it can turn off.
    const endedByRestarter = startFn !== undefined && reach.functions.has(startFn) && startsUnderState(start.node, startFn) && allEndings.some(endsPrevious);
    // An end only the handle's own end of life runs (`socket.onerror = () => socket.close()`) leaves a working one open.
    const ended =
      endedByRestarter ||
      endings.some((use) => {
        if (endsOnlyAtItsEnd(use)) return false;
        const at = runningFunction(use);
        if (!at || !holder.owns(at)) return true;
        if (reach.functions.has(at)) return true;
        // `new Context([this.consumer])` in a message handler lends the member: the object keeps it, and its teardown ends it.
        return driven.has(at) && !lendsMember(context, use, ends, slot);
      });
    if (ended) return restartOverwrites(context, start, slot, owner, holder, ends, endings) ?? 'fine';
    // `this.server = killable(this.server)`, then `stop() { this.server.kill(); }`: the member holds
    // what a call made of the handle, and the teardown calls its methods; that none ends it cannot be told.
    if (slot.kind === 'member' && endings.some((use) => storedBackBy(context, use, slot.name)) && callsOnMemberIn(context, slot.name, reach.functions, start.node)) return 'fine';
    // A method that takes data and ends nothing is the object's teardown by its name only: it may be
    // another API's (express-session's `destroy(sid, callback)` deletes a session). Then a method of
    // the holder that ends this handle, and is no restart of it, is its end (`stopInterval()` for
    // `startInterval()`); the edit in the named one is suggested, not written.
    const byNameOnly = takesData(context, teardown.fn) && endsNothing(reach.functions);
    if (byNameOnly && endings.some((use) => handleUse(use, ends) === 'ended' && endsApart(context, holder, runningFunction(use), owner))) {
      return restartOverwrites(context, start, slot, owner, holder, ends, endings) ?? 'fine';
    }
    // `stop() { this.timer = null; }`: an end added after that would end nothing (and may not compile).
    // `stop() { this.bonjour.unpublishAll(() => done()); }`: an end added after it would cut that call short.
    const uses = slot.kind === 'member' ? thisMemberUses(context, slot.name) : [];
    const unsafe = uses.some((use) => isWriteIn(use, reach.functions) || awaitsCallbackIn(use, reach.functions));
    return storedLeak(context, start, slot, ends, teardownWords(teardown, holder), unsafe ? undefined : teardown, byNameOnly);
  }
  if (endings.length > 0) return restartOverwrites(context, start, slot, owner, holder, ends, endings) ?? 'fine';
  // A UI component goes when its view does, and what it keeps on itself goes on running.
  const viewTeardown = holder?.body && slot.kind === 'member' ? viewComponentOf(context, holder.body.parent)?.teardown : undefined;
  if (viewTeardown !== undefined) return storedLeak(context, start, slot, ends, { reason: 'storedNoTeardown', teardown: viewTeardown });
  // A field is set as the instance is made: nothing restarts it.
  if (!owner) return undefined;
  const release = slotRelease(context, slot, owner, holder);
  if (release !== undefined) return storedLeak(context, start, slot, ends, { reason: 'storedOnlyCleared', release });
  const reset = resettingFunction(context, owner, holder);
  if (reset) {
    return storedLeak(context, start, slot, ends, { reason: 'storedRestartable', reset: reset.name, flag: reset.flag, again: functionName(owner) ?? 'the start' });
  }
  // `if (!this.pub) { this.pub = …; this.timer = setInterval(…); }`: once per holder, however often it runs.
  // `close(); socket = new WebSocket(url)`: each run ends the one before, only the last is kept.
  const guarded = isGuardedOnce(context, owner, start.node) || endedFirst(context, owner, start.node, slotEnds(context, slot, ends), slot.node);
  const again = guarded ? undefined : repeatedCall(context, owner, holder);
  if (again) {
    return storedLeak(context, start, slot, ends, { reason: 'storedRunsAgain', again: functionName(owner) ?? 'the start', every: `${again.repetition.every} (line ${again.line})` });
  }
  return undefined;
}

/**
 * Whether `node` runs in `fn` only under a test that reads one of `fn`'s parameters or a member of
 * `this`, which its callers can set: `if (this.enabled && on) this.timer = setInterval(…)`.
 */
function startsUnderState(node: TSESTree.Node, fn: FunctionNode): boolean {
  const parameters = new Set(fn.params.flatMap((parameter) => (parameter.type === AST_NODE_TYPES.Identifier ? [parameter.name] : [])));
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && current !== fn; child = current, current = current.parent) {
    const test = conditionTest(current);
    if (!test || test === child || isInside(child, test)) continue;
    let readsState = false;
    walk(test, (inner) => {
      if (inner.type === AST_NODE_TYPES.ThisExpression || (inner.type === AST_NODE_TYPES.Identifier && parameters.has(inner.name))) readsState = true;
      return !readsState;
    });
    if (readsState) return true;
  }
  return false;
}

/**
 * `at` is a public function of the holder apart from `owner`: its users can call it, and neither
 * runs the other, so it ends the handle without starting it again.
 */
function endsApart(context: AnalysisContext, holder: Holder, at: FunctionNode | undefined, owner: FunctionNode | undefined): boolean {
  if (!at || at === owner || !holder.owns(at)) return false;
  const method = at.parent.type === AST_NODE_TYPES.MethodDefinition ? at.parent : undefined;
  if (method && (method.key.type === AST_NODE_TYPES.PrivateIdentifier || method.accessibility === 'private')) return false;
  return !owner || !reachFrom(context, holder, [owner]).functions.has(at) && !reachFrom(context, holder, [at]).functions.has(owner);
}

/**
 * A read of the member the handle is kept in, put into an object being built (`new X(…)`'s
 * arguments, directly or inside an array or object literal) while the member goes on holding it: a
 * loan to an object that uses it, not a move to a new owner. A call may hand it to code that ends it
 * (`closeQuietly(this.socket)`): that stays trusted.
 *
 * `new KafkaContext([message, this.consumer])` → true for a handle kept in `this.consumer`.
 */
function lendsMember(context: AnalysisContext, use: TSESTree.Node, ends: HandleEnd, slot: Slot): boolean {
  if (slot.kind !== 'member' || use.type !== AST_NODE_TYPES.MemberExpression || memberName(use) !== slot.name || handleUse(use, ends) !== 'handedOver') return false;
  let value: TSESTree.Node = use;
  while (
    value.parent?.type === AST_NODE_TYPES.ArrayExpression ||
    value.parent?.type === AST_NODE_TYPES.ObjectExpression ||
    (value.parent?.type === AST_NODE_TYPES.Property && value.parent.value === value)
  ) {
    value = value.parent;
  }
  const built = value.parent;
  if (built?.type !== AST_NODE_TYPES.NewExpression || !built.arguments.includes(value as TSESTree.CallExpressionArgument)) return false;
  // `new Session(this.socket); this.socket = null;` moves it.
  const at = runningFunction(use);
  return !thisMemberUses(context, slot.name).some(
    (other) => other.parent.type === AST_NODE_TYPES.AssignmentExpression && other.parent.left === other && runningFunction(other) === at && other.range[0] > use.range[0],
  );
}

/** Whether `fn` takes an argument it uses as data (`destroy(sid) { this.sessions.delete(sid); }`), not only a callback it calls. */
function takesData(context: AnalysisContext, fn: FunctionNode): boolean {
  const parameters = context.sourceCode.getDeclaredVariables(fn).filter((variable) => variable.defs[0]?.type === 'Parameter');
  return (
    fn.params.some((parameter) => parameter.type !== AST_NODE_TYPES.Identifier) ||
    parameters.some((variable) =>
      variable.references.some(({ identifier }) => !(identifier.parent?.type === AST_NODE_TYPES.CallExpression && identifier.parent.callee === identifier)),
    )
  );
}

/**
 * A start stored on each entry of a collection the file holds: the collection is its owner, so
 * the file must end that member of its entries somewhere (`items.forEach((i) => i.watcher.close())`)
 * or hand the entries on. Reported only when the iteration runs per call or per repetition: what
 * a function that runs once for the program stores there is meant to last.
 *
 * ```js
 * function watchAll() { items.forEach((item) => { item.watcher = fs.watch(item.path, f); }); } // ← leak
 * function stopAll() { items.forEach((item) => { item.watcher = null; }); }                     // ends nothing
 * ```
 */
function judgeEntryMember(context: AnalysisContext, start: Start, slot: EntryMemberSlot): Leak | 'fine' | undefined {
  const ends = startEnds(context, start);
  if (!ends) return undefined;
  if (!mayRunOn(context, start)) return 'fine';
  if (slotEnds(context, slot, ends).length > 0 || receiverEnds(context, start).length > 0) return 'fine';
  const iteration = entryIteration(context, slot);
  if (!iteration) return undefined;
  const runner = enclosingFunction(iteration);
  const lifetime = runner && functionLifetime(context, runner);
  const perCall = lifetime === 'call' || repetitionAround(context, iteration) !== undefined;
  if (!runner || !perCall || isGuardedOnce(context, runner, iteration)) return undefined;
  return makeLeak(context, start, enclosingFunction(start.node), 'entryMemberNotEnded', { label: startLabel(context, start), member: slot.text, collection: slot.collection.text }, { end: undefined });
}

/** The iteration that binds the entry: `items.forEach(…)`, `for (const item of items)`. */
function entryIteration(context: AnalysisContext, slot: EntryMemberSlot): TSESTree.Node | undefined {
  const object = slot.node.object;
  const definition = object.type === AST_NODE_TYPES.Identifier ? ASTUtils.findVariable(context.sourceCode.getScope(object), object)?.defs[0] : undefined;
  if (definition?.type === 'Parameter') return definition.node.parent ?? undefined;
  return definition?.type === 'Variable' ? definition.parent?.parent ?? undefined : undefined;
}

/**
 * A start whose slot its teardown ends, in a function that runs again and stores the new handle
 * over the old one without ending it first or checking the slot: the teardown ends only the last.
 *
 * ```ts
 * start() { this.timer = setInterval(poll, 1000); } // ← leak: a route calls start() on every request
 * stop() { clearInterval(this.timer); }
 * ```
 */
function restartOverwrites(
  context: AnalysisContext,
  start: Start,
  slot: Slot,
  owner: FunctionNode | undefined,
  holder: Holder | undefined,
  ends: HandleEnd,
  endings: readonly TSESTree.Node[],
): Leak | undefined {
  // A class field runs once per instance: nothing starts it again.
  if (!owner || isGuardedOnce(context, owner, start.node)) return undefined;
  // `function startPump(socket) { let next; … next = setImmediate(pump); socket.once('close', () => clearImmediate(next)); }`:
  // each run has a variable of its own, which no later run overwrites.
  if (slot.kind === 'variable' && isInside(slot.variable.scope.block, owner)) return undefined;
  // `start() { this.stop(); this.timer = setInterval(…); }`: a call before it that ends the old one.
  const before = holder ? methodsCalledBefore(context, holder, owner, start.node) : [];
  const reach = before.length > 0 && holder ? reachFrom(context, holder, before) : undefined;
  if (reach && mayEndElsewhere(reach, slotMember(slot))) return undefined;
  const endedBefore = endings.some((use) => {
    const at = runningFunction(use);
    return at !== undefined && reach?.functions.has(at) === true;
  });
  if (endedBefore || endedFirst(context, owner, start.node, slotEnds(context, slot, ends), slot.node)) return undefined;
  const again = repeatedCall(context, owner, holder, true);
  if (!again) return undefined;
  return storedLeak(context, start, slot, ends, { reason: 'storedRunsAgain', again: functionName(owner) ?? 'the start', every: `${again.repetition.every} (line ${again.line})` });
}

/** The holder's methods `owner` calls on `this` before `node`: `this.stop()` in `start() { this.stop(); … }`. */
function methodsCalledBefore(context: AnalysisContext, holder: Holder, owner: FunctionNode, node: TSESTree.Node): FunctionNode[] {
  const methods: FunctionNode[] = [];
  walk(owner.body ?? owner, (inner) => {
    if (inner.range[0] >= node.range[0]) return false;
    if (isFunctionNode(inner) && inner !== owner) return false;
    if (inner.type !== AST_NODE_TYPES.CallExpression || inner.callee.type !== AST_NODE_TYPES.MemberExpression) return true;
    const name = isThisLike(context, inner.callee.object) ? memberName(inner.callee) : undefined;
    const method = name === undefined ? undefined : holder.method(name);
    if (method && method !== owner) methods.push(method);
    return true;
  });
  return methods;
}

/** Why a stored start is not ended: the reason and the sentence's parts beyond the start and its slot. */
type StoredWhy =
  | { reason: 'storedNotEnded'; teardown: string }
  | { reason: 'storedNotEndedInherited'; teardown: string; base: string }
  | { reason: 'storedOnlyCleared'; release: string }
  | { reason: 'storedDroppedOnEvent'; event: string; line: string }
  | { reason: 'storedRestartable'; reset: string; flag: string; again: string }
  | { reason: 'storedRunsAgain'; again: string; every: string }
  | { reason: 'storedNoTeardown'; teardown: string };

function storedLeak(context: AnalysisContext, start: Start, slot: Slot, ends: HandleEnd, why: StoredWhy, teardown?: Teardown, byNameOnly = false): Leak {
  const fn = enclosingFunction(start.node);
  const end: EndCall | undefined =
    slot.kind === 'member' && (slot.node.type === AST_NODE_TYPES.PropertyDefinition || slot.node.object.type === AST_NODE_TYPES.ThisExpression)
      ? { ...handleEndCall({ node: slot.node }, ends.fix), ...(ends.fix.kind === 'method' && { optional: true }) }
      : undefined;
  const plan: EndPlan | undefined = end && teardown?.own && teardown.method ? { kind: 'inTeardown', teardown: teardown.method, end, ...(byNameOnly && { byNameOnly }) } : undefined;
  const { reason, ...parts } = why;
  // Each reason's own parts, with the label and slot every stored reason shares.
  return makeLeak(context, start, fn, reason, { label: startLabel(context, start), member: slot.text, ...parts } as never, { end: plan });
}

/** `this.bonjour.unpublishAll(() => …)` in one of `functions`: a call on the member still pending when its callback has not run. */
function awaitsCallbackIn(use: TSESTree.MemberExpression, functions: ReadonlySet<FunctionNode>): boolean {
  const method = use.parent;
  const call = method.parent;
  const at = runningFunction(use);
  return (
    method.type === AST_NODE_TYPES.MemberExpression &&
    method.object === use &&
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.callee === method &&
    call.arguments.some((argument) => isFunctionNode(argument)) &&
    at !== undefined &&
    functions.has(at)
  );
}

function isWriteIn(use: TSESTree.MemberExpression, functions: ReadonlySet<FunctionNode>): boolean {
  const at = runningFunction(use);
  return use.parent.type === AST_NODE_TYPES.AssignmentExpression && use.parent.left === use && at !== undefined && functions.has(at);
}

/** The member of `this` a slot is, when it is one: code of another file can end no other by name. */
function slotMember(slot: Slot): string | undefined {
  return slot.kind === 'member' ? slot.name : undefined;
}

/** A factory method's result, stored on `this` by every caller: `this.pub = this.createClient()`. */
function factoryStored(start: Start, factory: ClassMethod | undefined): Slot[] {
  const stored = (factory && storedThroughFactory(start.node, factory)) ?? [];
  return stored.map(({ name, member }) => ({ kind: 'member', name, text: `this.${name}`, node: member }));
}

/** Whether the start, stored on `this`, would run until ended: not one made finite or given a signal. */
function mayRunOn(context: AnalysisContext, start: Start): boolean {
  const signalOption = start.call?.signalOption;
  if (signalOption !== undefined && optionsMayCarrySignal(optionsArgument(start.node, signalOption, (argument) => refersToFunction(context, argument)))) return false;
  if (start.kind === 'rxSubscription') {
    const fn = enclosingFunction(start.node);
    return !fn || rxSubscriptionMayLeak({ context, start, fn, scope: fn, inConstructor: false, repetition: false });
  }
  return true;
}

/** A listener added once per instance to `process`, a global or a module's singleton, never removed. */
function judgeConstructorListener(
  context: AnalysisContext,
  start: Start,
  method: TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression },
): Leak | 'fine' | undefined {
  const { object, listener } = start;
  if (!object || !listener || start.event === signalApi.event) return undefined;
  const call = start.node as TSESTree.CallExpression;
  const options = call.arguments[2];
  if (options && !(options.type === AST_NODE_TYPES.Literal && typeof options.value === 'boolean')) return undefined;
  const owner = targetOwner(context, object.target, method.value);
  // Listeners on parameters are judged by the target's lifetime, which the caller knows.
  if (owner.owner !== 'outlives' || owner.reason === 'parameter') return undefined;
  const targetText = stableReferenceText(object.target);
  const api = objectApiOf(context, object.kind);
  if (targetText === undefined || !api) return undefined;
  if (findMethodCalls(methodCallsByReceiver(context), targetText, api.removeListener, undefined).length > 0) return 'fine';
  return makeLeak(
    context,
    start,
    method.value,
    'listenerPerInstance',
    { label: listenerLabel(start.event), target: targetText, outlives: ownerReasons[owner.reason] },
    { end: undefined },
  );
}

/**
 * `this.s = wrap(this.s)`: the member read at `use` is handed to a call whose result is stored back in
 * it. Not a function the file shows to give back what it is given (`function tag(s) { s.id = 1; return s; }`):
 * then the member holds the handle itself.
 */
function storedBackBy(context: AnalysisContext, use: TSESTree.Node, name: string): boolean {
  const argument = outermostWrapper(use);
  const call = argument.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(argument as TSESTree.CallExpressionArgument)) return false;
  const assignment = outermostWrapper(call).parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.right !== outermostWrapper(call)) return false;
  const left = skipTypeWrappers(assignment.left);
  if (left.type !== AST_NODE_TYPES.MemberExpression || memberName(left) !== name || !isThisLike(context, skipTypeWrappers(left.object))) return false;
  const callee = functionValue(context.sourceCode, call.callee);
  return !callee || !givesBackParameter(callee, call.arguments.indexOf(argument as TSESTree.CallExpressionArgument));
}

/** Whether every value `fn` returns is its parameter at `index`, as it was given. */
function givesBackParameter(fn: FunctionNode, index: number): boolean {
  const parameter = fn.params[index];
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return false;
  const isParameter = (node: TSESTree.Node | null | undefined): boolean => {
    const inner = node && skipTypeWrappers(node);
    return inner?.type === AST_NODE_TYPES.Identifier && inner.name === parameter.name;
  };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isParameter(fn.body);
  const returns: TSESTree.ReturnStatement[] = [];
  let reassigned = false;
  walk(fn.body, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement) returns.push(node);
    if (node.type === AST_NODE_TYPES.AssignmentExpression && isParameter(node.left)) reassigned = true;
    return true;
  });
  return !reassigned && returns.length > 0 && returns.every((statement) => isParameter(statement.argument));
}

/**
 * Whether one of `functions` calls a method on `this.<name>`: `this.server.kill(…)`. With types, not
 * a method the handle `start` made has itself (`this.server.address()`): it is not its end, or the
 * member would be ended; only a method the wrapper may have added leaves that open.
 */
function callsOnMemberIn(context: AnalysisContext, name: string, functions: ReadonlySet<FunctionNode>, start: TSESTree.Node): boolean {
  const services = typeServices(context);
  const handleType = services && services.program.getTypeChecker().getApparentType(services.getTypeAtLocation(start));
  const handleHas = (method: string): boolean => handleType !== undefined && services?.program.getTypeChecker().getPropertyOfType(handleType, method) !== undefined;
  return thisMemberUses(context, name).some((use) => {
    const method = use.parent;
    const at = runningFunction(use);
    if (method.type !== AST_NODE_TYPES.MemberExpression || method.object !== use || method.parent.type !== AST_NODE_TYPES.CallExpression || method.parent.callee !== method) return false;
    const methodName = memberName(method);
    return at !== undefined && functions.has(at) && !(methodName !== undefined && handleHas(methodName));
  });
}

/** The teardown as messages name it (`Foo.prototype.stop` for a prototype-style class), and whose it is. */
function teardownWords(teardown: Teardown, holder: Holder): StoredWhy {
  const name = holder.name?.endsWith('.prototype') ? `${holder.name}.${teardown.name}` : teardown.name;
  return teardown.own || teardown.inheritedFrom === undefined
    ? { reason: 'storedNotEnded', teardown: name }
    : { reason: 'storedNotEndedInherited', teardown: name, base: teardown.inheritedFrom };
}
