import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { HandleEnd } from '../apis';
import { arrayIterationMethods } from '../apis';
import type { FunctionNode } from '../ast';
import { enclosingFunction, functionName, isFunctionNode, isInside, methodCallParts, runsImmediately, skipTypeWrappers, stableReferenceText, walk } from '../ast';
import type { EndCall } from '../endPlan';
import { handleEndCall } from '../endPlan';
import type { AnalysisContext } from '../fileCache';
import type { Start } from '../findStart';
import type { Leak } from '../leak';
import { makeLeak, ownerReasons } from '../leak';
import { targetOwner } from '../lifetime';
import { findMethodCalls, methodCallsByReceiver } from '../methodCallIndex';
import { objectApiOf } from '../objectApi';
import type { RepeatedScope } from '../repetition';
import { repetitionAround } from '../repetition';
import { rxSubscriptionMayLeak } from '../rxjsFiniteness';
import { optionsArgument, optionsMayCarrySignal } from '../signalArguments';
import type { Slot } from '../storedHandles';
import { slotEnds, storedSlot, thisMemberNames, thisMemberUses } from '../storedHandles';
import type { Holder, Teardown } from '../teardown';
import { closureHolderOf, holderOf, isThisLike, memberName, reachFrom, storedThroughFactory, teardownOf, thisFunction } from '../teardown';
import { startEnds } from './connection';

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
  if (method?.kind === 'constructor' && start.kind === 'listener') {
    const holder = holderOf(context, fn);
    return judgeConstructorListener(context, start, method as ClassMethod, holder && teardownOf(holder));
  }
  return judgeStored(context, start);
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
  if (!owner) return undefined;
  const factory = owner.parent.type === AST_NODE_TYPES.MethodDefinition ? (owner.parent as ClassMethod) : undefined;
  const slot = storedSlot(context, start.node) ?? factoryStored(start, factory);
  if (!slot) return undefined;
  // Stored from a repeated callback: judgeOverwrite asks whether each run ends the one before.
  const repeated = repetitionAround(context, start.node);
  if (repeated && isInside(repeated.scope, owner) ) return undefined;
  const holder = holderOf(context, owner) ?? (slot.kind === 'variable' ? closureHolderOf(context, slot.variable.scope.block) : undefined);
  const teardown = holder && teardownOf(holder);
  if (teardown?.fn === owner) return undefined;
  const ends = startEnds(context, start);
  if (!ends) return undefined;
  if (!mayRunOn(context, start)) return 'fine';
  const startFn = enclosingFunction(start.node);
  // `clearInterval(this.timer); this.timer = setInterval(…)` ends the one before, not this one.
  const endings = slotEnds(context, slot, ends).filter((use) => !(enclosingFunction(use) === startFn && use.range[1] <= start.node.range[0]));
  if (holder && teardown) {
    const reach = reachFrom(context, holder, [teardown.fn]);
    if (reach.opaque) return 'fine';
    const driven = reachFrom(context, holder, eventDrivenRoots(context, holder)).functions;
    const ended = endings.some((use) => {
      const at = runningFunction(use);
      return !at || !holder.owns(at) || reach.functions.has(at) || driven.has(at);
    });
    if (ended) return 'fine';
    return storedLeak(context, start, slot, ends, `${teardownText(teardown, holder)} never ends it`, teardown);
  }
  if (endings.length > 0) return 'fine';
  const release = slotRelease(context, slot, owner, holder);
  if (release !== undefined) return storedLeak(context, start, slot, ends, `\`${release}()\` only clears \`${slot.text}\` and never ends it`);
  const reset = resettingFunction(context, owner, holder);
  if (reset) {
    return storedLeak(context, start, slot, ends, `\`${reset.name}()\`, which resets \`${reset.flag}\` so that \`${functionName(owner) ?? 'the start'}()\` can run again, never ends it`);
  }
  const again = repeatedCall(context, owner, holder);
  if (again) {
    return storedLeak(context, start, slot, ends, `\`${functionName(owner)}()\` runs again ${again.repetition.every} (line ${again.line}) and nothing ends the one stored there`);
  }
  return undefined;
}

function storedLeak(context: AnalysisContext, start: Start, slot: Slot, ends: HandleEnd, why: string, teardown?: Teardown): Leak {
  const fn = enclosingFunction(start.node);
  const end: EndCall | undefined =
    slot.kind === 'member' && slot.node.object.type === AST_NODE_TYPES.ThisExpression
      ? { ...handleEndCall({ node: slot.node }, ends.fix), ...(ends.fix.kind === 'method' && { optional: true }) }
      : undefined;
  return makeLeak(context, start, fn, {
    action: startAction(context, start),
    why: `it is stored in \`${slot.text}\`, but ${why}`,
    end: end && teardown?.own && teardown.method ? { kind: 'inTeardown', teardown: teardown.method, end } : undefined,
  });
}

/** A factory method's result, stored on `this` by every caller: `this.pub = this.createClient()`. */
function factoryStored(start: Start, factory: ClassMethod | undefined): Slot | undefined {
  const stored = factory && storedThroughFactory(start.node, factory);
  return stored && { kind: 'member', name: stored.name, text: `this.${stored.name}`, node: stored.member };
}

/**
 * Methods that run when something happens rather than when called by name: passed as a value
 * (`socket.on('close', this.onClose)`) or called from a callback (`() => this.cleanup()`).
 */
function eventDrivenRoots(context: AnalysisContext, holder: Holder): FunctionNode[] {
  const roots: FunctionNode[] = [];
  for (const [name, uses] of holderMethodUses(context, holder)) {
    const method = holder.method(name);
    if (!method) continue;
    const driven = uses.some((use) => {
      const called = use.parent.type === AST_NODE_TYPES.CallExpression && use.parent.callee === use;
      const at = runningFunction(use);
      return !called || !at || !holder.owns(at);
    });
    if (driven) roots.push(method);
  }
  return roots;
}

/**
 * The function whose run a node's code belongs to: through callbacks that run as part of it
 * (a Promise executor, `.then(…)`, `forEach(…)`), not through those something else runs later
 * (a listener, a timer): `stop() { return new Promise((r) => { clearInterval(this.t); }); }` → `stop`.
 */
function runningFunction(node: TSESTree.Node): FunctionNode | undefined {
  let fn = enclosingFunction(node);
  while (fn && runsAsPartOf(fn)) fn = enclosingFunction(fn);
  return fn;
}

function runsAsPartOf(fn: FunctionNode): boolean {
  if (runsImmediately(fn)) return true;
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  const method = methodCallParts(call)?.method;
  return method !== undefined && (promiseCallbackMethods.has(method) || arrayIterationMethods.has(method));
}

const promiseCallbackMethods = new Set(['then', 'catch', 'finally']);

function holderMethodUses(context: AnalysisContext, holder: Holder): [string, TSESTree.MemberExpression[]][] {
  const result: [string, TSESTree.MemberExpression[]][] = [];
  for (const name of thisMemberNames(context)) {
    if (holder.method(name)) result.push([name, thisMemberUses(context, name)]);
  }
  return result;
}

/**
 * A function called by name (not an event handler) that empties the slot without ending what is
 * in it: `stopTimers() { this.gossipTimer = null; }`. Writing the slot shows it is meant to let
 * go of the handle; letting go of an interval or a connection does not end it.
 */
function slotRelease(context: AnalysisContext, slot: Slot, owner: FunctionNode, holder: Holder | undefined): string | undefined {
  const writes =
    slot.kind === 'member'
      ? thisMemberUses(context, slot.name)
      : slot.variable.references.filter((reference) => reference.isWrite()).map((reference) => reference.identifier);
  const driven = holder ? reachFrom(context, holder, eventDrivenRoots(context, holder)).functions : new Set<FunctionNode>();
  for (const use of writes) {
    const assignment = use.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== use || !isEmptyValue(assignment.right)) continue;
    const at = runningFunction(use);
    if (!at || at === owner || driven.has(at) || (slot.kind === 'member' && !holder?.owns(at))) continue;
    // `constructor() { this.timer = null; }`: a start value, not a release.
    const prototypeConstructor = at.type === AST_NODE_TYPES.FunctionDeclaration && holder?.owns(at) === true;
    if ((at.parent.type === AST_NODE_TYPES.MethodDefinition && at.parent.kind === 'constructor') || prototypeConstructor) continue;
    // `socket.on('close', function onClose() { conn = null; })`: an event handler, not a release.
    if (at.parent.type === AST_NODE_TYPES.CallExpression || at.parent.type === AST_NODE_TYPES.NewExpression) continue;
    const name = functionName(at)?.replace(/^.*\./, '');
    if (name !== undefined) return name;
  }
  return undefined;
}

function isEmptyValue(node: TSESTree.Node): boolean {
  return isFalsyLiteral(node) || (node.type === AST_NODE_TYPES.Literal && node.value === 0);
}

/**
 * A function that undoes the state `owner` sets and tests, so `owner` can run again:
 * `start() { if (this.running) return; this.running = true; … }` with `pause() { this.running = false; }`.
 */
function resettingFunction(context: AnalysisContext, owner: FunctionNode, holder: Holder | undefined): { name: string; flag: string } | undefined {
  const tested = new Set<string>();
  const set = new Set<string>();
  walk(owner.body ?? owner, (node) => {
    if (isFunctionNode(node) && node !== owner) return false;
    const test =
      node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression
        ? node.test
        : node.type === AST_NODE_TYPES.LogicalExpression
          ? node.left
          : undefined;
    if (test) {
      walk(test, (part) => {
        const text = flagText(context, part);
        if (text !== undefined) tested.add(text);
        return text === undefined;
      });
    }
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && isTruthyLiteral(node.right)) {
      const text = flagText(context, node.left);
      if (text !== undefined) set.add(text);
    }
    return true;
  });
  const flags = [...set].filter((flag) => tested.has(flag));
  if (flags.length === 0) return undefined;
  let found: { name: string; flag: string } | undefined;
  walk(context.sourceCode.ast, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=' || !isFalsyLiteral(node.right)) return true;
    const flag = flagText(context, node.left);
    if (flag === undefined || !flags.includes(flag)) return true;
    const at = thisFunction(node);
    if (!at || at === owner) return true;
    if (flag.startsWith('this.') && !holder?.owns(at)) return true;
    const name = functionName(at);
    if (name !== undefined) found = { name: name.replace(/^.*\./, ''), flag };
    return true;
  });
  return found;
}

/** `this.running`, `self.running` → `this.running`; an outer variable `running` → `running`. */
function flagText(context: AnalysisContext, node: TSESTree.Node): string | undefined {
  const inner = skipTypeWrappers(node);
  if (inner.type === AST_NODE_TYPES.MemberExpression && isThisLike(context, skipTypeWrappers(inner.object))) {
    const name = memberName(inner);
    return name === undefined ? undefined : `this.${name}`;
  }
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(inner), inner);
  return variable && variable.defs[0]?.node.type === AST_NODE_TYPES.VariableDeclarator && variable.scope.block !== enclosingFunction(inner) ? inner.name : undefined;
}

function isTruthyLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && node.value === true;
}

function isFalsyLiteral(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && (node.value === false || node.value === null)) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined')
  );
}

/** A call of `owner` (`this.connect()`, `Worker.start()`, `start()`) from a repeated context in the file. */
function repeatedCall(context: AnalysisContext, owner: FunctionNode, holder: Holder | undefined): { repetition: RepeatedScope['repetition']; line: number } | undefined {
  const name = functionName(owner)?.replace(/^.*\./, '');
  if (name === undefined) return undefined;
  const calls: TSESTree.Node[] = [];
  if (holder) {
    for (const use of thisMemberUses(context, name)) if (use.parent.type === AST_NODE_TYPES.CallExpression && use.parent.callee === use) calls.push(use.parent);
    if (holder.name !== undefined && !holder.body && !holder.name.endsWith('.prototype')) {
      calls.push(...findMethodCalls(methodCallsByReceiver(context), holder.name, [name]).map((entry) => entry.call));
    }
  } else if (owner.type === AST_NODE_TYPES.FunctionDeclaration) {
    const variable = context.sourceCode.getDeclaredVariables(owner).find((candidate) => candidate.name === name);
    for (const reference of variable?.references ?? []) {
      const use = reference.identifier;
      if (use.parent.type === AST_NODE_TYPES.CallExpression && use.parent.callee === use) calls.push(use.parent);
    }
  }
  for (const call of calls) {
    if (isInside(call, owner)) continue;
    const repeated = repetitionAround(context, call);
    if (repeated && !repeated.repetition.perElement) return { repetition: repeated.repetition, line: call.loc.start.line };
  }
  return undefined;
}

/** Whether the start, stored on `this`, would run until ended: not one made finite or given a signal. */
function mayRunOn(context: AnalysisContext, start: Start): boolean {
  const signalOption = start.call?.signalOption;
  if (signalOption !== undefined && optionsMayCarrySignal(optionsArgument(start.node, signalOption))) return false;
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
  teardown: Teardown | undefined,
): Leak | 'fine' | undefined {
  const { object, listener } = start;
  if (!object || !listener || start.event === 'abort') return undefined;
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
  const eventText = start.event === undefined ? 'a listener' : `a '${start.event}' listener`;
  return makeLeak(context, start, method.value, {
    action: `adds ${eventText} to \`${targetText}\` (${ownerReasons[owner.reason]}) in the constructor`,
    why: `one more is added for every instance, and ${teardown ? `${teardownText(teardown)} never removes it` : 'nothing removes it'}`,
    end: undefined,
  });
}

function teardownText(teardown: Teardown, holder?: Holder): string {
  const name = holder?.name?.endsWith('.prototype') ? `${holder.name}.${teardown.name}` : teardown.name;
  return teardown.own || teardown.inheritedFrom === undefined ? `\`${name}()\`` : `\`${name}()\` (inherited from \`${teardown.inheritedFrom}\`)`;
}

function startAction(context: AnalysisContext, start: Start): string {
  const label = start.call?.label ?? (start.object && objectApiOf(context, start.object.kind)?.starts[start.object.method]?.label);
  const kinds: Partial<Record<Start['kind'], string>> = {
    interval: 'starts an interval',
    rxSubscription: 'starts an RxJS subscription',
    watcher: 'starts a file watcher',
    connection: 'opens a connection',
  };
  if (label) return `${start.kind === 'connection' ? 'opens' : 'starts'} ${label}`;
  return kinds[start.kind] ?? 'starts something long-lived';
}
