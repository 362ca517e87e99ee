import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { protocols } from './families/language';
import { arrayIterationMethods } from './apis';
import type { FunctionNode } from './ast';
import { conditionTest, enclosingFunction, functionName, isFunctionNode, isInside, methodCallParts, runsImmediately, skipTypeWrappers, stableReferenceText, startLine, staticMemberName, walk } from './ast';
import type { AnalysisContext } from './fileCache';
import { findMethodCalls, methodCallsByReceiver } from './methodCallIndex';
import { objectApiOf } from './objectApi';
import { objectKindOf } from './objectKind';
import type { RepeatedScope } from './repetition';
import { repetitionAround } from './repetition';
import type { Slot } from './storedHandles';
import { thisMemberNames, thisMemberUses } from './storedHandles';
import type { Holder } from './teardown';
import { isThisLike, memberName, reachFrom, thisFunction } from './teardown';

// Evidence that what holds a stored handle lets go of it, or starts it again, without ending it:
// the facts judges/lifecycle.ts reports a stored handle on when no teardown accounts for it.

/**
 * Methods that run when something happens rather than when called by name: passed as a value
 * (`socket.on('close', this.onClose)`) or called from a callback (`() => this.cleanup()`).
 */
export function eventDrivenRoots(context: AnalysisContext, holder: Holder): FunctionNode[] {
  const cached = drivenRoots.get(holder);
  if (cached) return cached;
  const roots: FunctionNode[] = [];
  drivenRoots.set(holder, roots);
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
export function runningFunction(node: TSESTree.Node): FunctionNode | undefined {
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

const promiseCallbackMethods: ReadonlySet<string> = new Set(protocols.promiseCallbacks);

const drivenRoots = new WeakMap<Holder, FunctionNode[]>();

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
export function slotRelease(context: AnalysisContext, slot: Slot, owner: FunctionNode, holder: Holder | undefined): string | undefined {
  if (slot.kind === 'entryMember') return undefined;
  const member = slot.kind === 'member' || (slot.kind === 'collection' && !slot.variable);
  const writes =
    slot.kind === 'member' || !slot.variable
      ? thisMemberUses(context, slot.name)
      : slot.variable.references.filter((reference) => reference.isWrite() || slot.kind === 'collection').map((reference) => reference.identifier);
  const driven = holder ? reachFrom(context, holder, eventDrivenRoots(context, holder)).functions : new Set<FunctionNode>();
  for (const use of writes) {
    if (!(slot.kind === 'collection' ? emptiesCollection(use) : emptiesSlot(use))) continue;
    const at = runningFunction(use);
    if (!at || at === owner || driven.has(at) || (member && !holder?.owns(at))) continue;
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

/** `this.timer = null`, `timer = 0`. */
function emptiesSlot(use: TSESTree.Node): boolean {
  const assignment = use.parent;
  return assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === use && isEmptyValue(assignment.right);
}

/** `this.sockets = []`, `watchers = new Map()`, `this.sockets.clear()`. */
function emptiesCollection(use: TSESTree.Node): boolean {
  const parent = use.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use) {
    return staticMemberName(parent) === protocols.collectionClear && parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent;
  }
  if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.left !== use) return false;
  const value = skipTypeWrappers(parent.right);
  if (value.type === AST_NODE_TYPES.ArrayExpression) return value.elements.length === 0;
  if (value.type === AST_NODE_TYPES.ObjectExpression) return value.properties.length === 0;
  return value.type === AST_NODE_TYPES.NewExpression && value.arguments.length === 0;
}

function isEmptyValue(node: TSESTree.Node): boolean {
  return isFalsyLiteral(node) || (node.type === AST_NODE_TYPES.Literal && node.value === 0);
}

/**
 * A function that undoes the state `owner` sets and tests, so `owner` can run again:
 * `start() { if (this.running) return; this.running = true; … }` with `pause() { this.running = false; }`.
 */
export function resettingFunction(context: AnalysisContext, owner: FunctionNode, holder: Holder | undefined): { name: string; flag: string } | undefined {
  const tested = new Set<string>();
  const set = new Set<string>();
  walk(owner.body ?? owner, (node) => {
    if (isFunctionNode(node) && node !== owner) return false;
    const test = conditionTest(node);
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

/**
 * Calls of method `name` on the instances this file makes of a class and keeps in a variable:
 * `const poller = new Poller(); app.post('/start', () => poller.start());` → `poller.start()`.
 * Each call comes with the `new` that made its instance.
 */
function instanceCalls(context: AnalysisContext, body: TSESTree.ClassBody, name: string): { call: TSESTree.CallExpression; made: TSESTree.NewExpression }[] {
  const classNode = body.parent;
  const classVariable = classNode.id ? context.sourceCode.getDeclaredVariables(classNode).find((variable) => variable.name === classNode.id?.name) : undefined;
  const calls: { call: TSESTree.CallExpression; made: TSESTree.NewExpression }[] = [];
  for (const reference of classVariable?.references ?? []) {
    const made = reference.identifier.parent;
    if (made?.type !== AST_NODE_TYPES.NewExpression || made.callee !== reference.identifier) continue;
    const declarator = made.parent;
    if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== made || declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
    const instance = context.sourceCode.getDeclaredVariables(declarator).find((variable) => variable.name === (declarator.id as TSESTree.Identifier).name);
    for (const use of instance?.references ?? []) {
      const member = use.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== use.identifier || memberName(member) !== name) continue;
      if (member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member) calls.push({ call: member.parent, made });
    }
  }
  return calls;
}

/** The listener ends the client it listens to (`sub.on('error', () => { sub.disconnect(); … })`): that client stops with it. */
function endsItsTarget(context: AnalysisContext, repeated: RepeatedScope): boolean {
  const registration = repeated.scope.parent;
  const parts = registration?.type === AST_NODE_TYPES.CallExpression ? methodCallParts(registration) : undefined;
  const target = parts && stableReferenceText(parts.target);
  const kind = parts && objectKindOf(context, parts.target);
  const api = kind && objectApiOf(context, kind);
  if (target === undefined || !api) return false;
  return findMethodCalls(methodCallsByReceiver(context), target, api.close, repeated.scope).length > 0;
}

/**
 * A call of `owner` (`this.connect()`, `Worker.start()`, `start()`) from a repeated context in the file.
 * `onSameObject`: only a call that runs again on the object an earlier run called it on; an instance
 * made in the run that calls it (`const beat = new Beat(ws); beat.start();` per connection) is
 * another object each time, with its own slots.
 */
export function repeatedCall(
  context: AnalysisContext,
  owner: FunctionNode,
  holder: Holder | undefined,
  onSameObject = false,
): { repetition: RepeatedScope['repetition']; line: number } | undefined {
  const name = functionName(owner)?.replace(/^.*\./, '');
  if (name === undefined) return undefined;
  const calls: TSESTree.Node[] = [];
  const madePerRun = new Map<TSESTree.Node, TSESTree.NewExpression>();
  if (holder) {
    for (const use of thisMemberUses(context, name)) {
      // `this.open()` in another class of the file is another `open`.
      if (holder.body && !isInside(use, holder.body)) continue;
      if (use.parent.type === AST_NODE_TYPES.CallExpression && use.parent.callee === use) calls.push(use.parent);
    }
    if (holder.name !== undefined && !holder.body && !holder.name.endsWith('.prototype')) {
      calls.push(...findMethodCalls(methodCallsByReceiver(context), holder.name, [name]).map((entry) => entry.call));
    }
    for (const { call, made } of holder.body ? instanceCalls(context, holder.body, name) : []) {
      calls.push(call);
      madePerRun.set(call, made);
    }
  } else if (owner.type === AST_NODE_TYPES.FunctionDeclaration) {
    const variable = context.sourceCode.getDeclaredVariables(owner).find((candidate) => candidate.name === name);
    for (const reference of variable?.references ?? []) {
      const use = reference.identifier;
      if (use.parent.type === AST_NODE_TYPES.CallExpression && use.parent.callee === use) calls.push(use.parent);
    }
  }
  for (const call of calls) {
    const repeated = repetitionAround(context, call);
    // From inside the function itself, only a listener for an event its client fires again on each
    // reconnect counts (`sub.on('error', () => { this.sub = this.open(); })` in `open`): a retry or
    // a re-arm of itself replaces nothing that still runs.
    if (isInside(call, owner) && (repeated?.repetition.unit !== 'reconnect' || endsItsTarget(context, repeated))) continue;
    const made = madePerRun.get(call);
    if (onSameObject && repeated && made && isInside(made, repeated.scope)) continue;
    if (repeated && !repeated.repetition.perElement) return { repetition: repeated.repetition, line: startLine(context.sourceCode, call) };
  }
  return undefined;
}
