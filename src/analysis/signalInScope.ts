import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import type { FunctionNode } from './ast';
import { enclosingFunction, isInside, skipTypeWrappers, staticMemberName, walk } from './ast';
import { isPause } from './pauses';
import { classMembersOf, enclosingClassBody } from './classMembers';
import { findMethodCalls, methodCallsByReceiver } from './methodCallIndex';
import { functionsRunBefore } from './runsBefore';
import { memberName, thisFunction } from './teardown';
import { privateMethodCalls } from './thisMethodUses';
import { signalApi } from './families/abortSignal';
import type { AnalysisContext } from './fileCache';
import type { SignalEvidence } from './signalEvidence';
import {
  bindingSignalEvidence,
  classSignalChains,
  classSignalEvidence,
  isNewAbortController,
  presenceTestedChains,
  propertySignalEvidence,
  requestMemberOf,
} from './signalEvidence';

/** A signal usable at some point of the code, as the expression to write there. */
export interface SignalInScope {
  /** `signal`, `options.signal`, `controller.signal`, `this.signal`. */
  text: string;
  /** Where the variable holding it is declared; `undefined` for a class's `this.signal`. */
  declaredAt?: TSESTree.Node;
  /**
   * How sure we are that it is an AbortSignal (see `SignalEvidence`): a fix may rest on `strong`,
   * a suggestion on `weak` (a name and nothing else).
   */
  evidence: SignalEvidence;
}

/**
 * The nearest AbortSignal visible at `node`, judged on evidence: a variable typed or documented
 * `AbortSignal`, made by `AbortSignal.timeout/any/abort()` or read from a controller, or used as
 * one; an options parameter whose `.signal` is one; a local `AbortController`'s `.signal`; a
 * class's `this.signal`/`this.controller.signal`, or a chain its code uses as a signal
 * (`this.options.signal`, `this.fsw.lifecycle.abortController.signal`). A variable with only the name `signal` (or
 * `{ signal }`, `options.signal`) is a weak candidate; one with counter-evidence is none. The
 * nearest strong signal wins over a nearer weak one.
 *
 * `function f(client: Redis, { signal }: { signal: AbortSignal }) { client.on(…) }` → `signal`, strong.
 * `function stop(child, signal = 'SIGTERM') { child.kill(signal) }` → `undefined`.
 */
export function findSignalInScope(context: AnalysisContext, node: TSESTree.Node): SignalInScope | undefined {
  let weak: SignalInScope | undefined;
  // Names declared by scopes nearer to `node`: an outer signal of that name is not reachable.
  const shadowed = new Set<string>();
  const consider = (signal: SignalInScope): SignalInScope | undefined => {
    if (shadowed.has(signal.text.split(/\??\./)[0] ?? '')) return undefined;
    if (signal.evidence === 'strong') return signal;
    weak ??= signal;
    return undefined;
  };
  const innermost = context.sourceCode.getScope(node);
  // Most calls have no signal anywhere around them: known once per scope, not once per call.
  if (!mayReachSignal(context, innermost)) return undefined;
  for (let scope: TSESLint.Scope.Scope | null = innermost; scope; scope = scope.upper) {
    // A `const` declared below the use, or whose own initialiser holds the use, is not usable there.
    const usable = signalsOfScope(context, scope).filter(
      (signal) => !signal.local || (signal.declaredAt.range[0] < node.range[0] && !isInside(node, signal.local)),
    );
    for (const signal of usable) {
      const strong = consider({ text: signal.text, declaredAt: signal.declaredAt, evidence: signal.evidence });
      if (strong) return strong;
    }
    if (scope.type === 'function') {
      const classSignal = signalFromClass(context, node, scope);
      const strong = classSignal && consider(classSignal);
      if (strong) return strong;
      // A function of its own has its own `this`.
      if (scope.block.type !== AST_NODE_TYPES.ArrowFunctionExpression) shadowed.add('this');
    }
    for (const variable of scope.variables) shadowed.add(variable.name);
  }
  return weak;
}

const reachesSignal = new WeakMap<TSESLint.Scope.Scope, boolean>();

/**
 * Whether some scope from `scope` outwards declares a signal candidate or is a method of a class
 * that holds one, wherever the use is: when not, no use in `scope` has a signal in scope. Asks
 * scopes in the order `findSignalInScope` does and stops at the first with a candidate.
 */
function mayReachSignal(context: AnalysisContext, scope: TSESLint.Scope.Scope): boolean {
  const cached = reachesSignal.get(scope);
  if (cached !== undefined) return cached;
  const reaches =
    signalsOfScope(context, scope).length > 0 ||
    classSignalOf(context, scope) !== undefined ||
    (scope.upper !== null && mayReachSignal(context, scope.upper));
  reachesSignal.set(scope, reaches);
  return reaches;
}

interface ScopeSignal {
  text: string;
  declaredAt: TSESTree.Node;
  evidence: SignalEvidence;
  /** For a local: its declarator, before whose end it is not usable. */
  local?: TSESTree.Node;
}

const signalsByScope = new WeakMap<TSESLint.Scope.Scope, ScopeSignal[]>();

/**
 * The signals a scope declares, best first: strong evidence before weak, a signal itself before a
 * property of another, the caller's (a parameter) before one made here. Computed once per scope:
 * with types, each variable's type is asked for once, however many calls look for a signal.
 */
function signalsOfScope(context: AnalysisContext, scope: TSESLint.Scope.Scope): ScopeSignal[] {
  const cached = signalsByScope.get(scope);
  if (cached) return cached;
  const found = scope.variables.flatMap((variable) => {
    const definition = variable.defs[0];
    const candidate = definition && signalFromVariable(context, variable, definition);
    if (!definition || !candidate) return [];
    const signal: ScopeSignal = { ...candidate, declaredAt: definition.name };
    if (definition.type === 'Variable') signal.local = definition.node;
    return [signal];
  });
  const rank = (signal: ScopeSignal): number =>
    (signal.evidence === 'weak' ? 4 : 0) + (signal.text.includes('.') ? 2 : 0) + (signal.local ? 1 : 0);
  const sorted = found.sort((a, b) => rank(a) - rank(b));
  signalsByScope.set(scope, sorted);
  return sorted;
}

/** The variable itself (`signal`), or the signal it carries (`options.signal`, `controller.signal`). */
function signalFromVariable(
  context: AnalysisContext,
  variable: TSESLint.Scope.Variable,
  definition: TSESLint.Scope.Definition,
): { text: string; evidence: SignalEvidence } | undefined {
  if (definition.type !== 'Parameter' && definition.type !== 'Variable') return undefined;
  if (definition.name.type !== AST_NODE_TYPES.Identifier) return undefined;
  const held = bindingSignalEvidence(context, variable);
  if (held) return { text: variable.name, evidence: held };
  const carried = propertySignalEvidence(context, variable);
  // A local's `.signal` read with nothing else to go on is not a signal (`message.signal`).
  // An optional parameter may be missing: its signal is read with `?.` (`options?.signal`).
  const carrier = definition.name.optional ? `${variable.name}?` : variable.name;
  if (carried === 'strong' || (carried === 'weak' && definition.type === 'Parameter')) {
    return { text: `${carrier}.signal`, evidence: carried };
  }
  // An options parameter declared to carry a fetch `Request`: `opts: { request: Request }` → `opts.request.signal`.
  const request = requestMemberOf(context, variable);
  return request === undefined ? undefined : { text: `${carrier}.${request}.${signalApi.property}`, evidence: 'strong' };
}

/** `this.signal` or `this.controller.signal` in a method of a class that holds one. */
function signalFromClass(context: AnalysisContext, use: TSESTree.Node, scope: TSESLint.Scope.Scope): SignalInScope | undefined {
  return enclosingFunction(use) === undefined ? undefined : classSignalOf(context, scope, use);
}

/** `this.signal` or `this.controller.signal` for the methods of a class that holds one, when `scope` is one. */
function classSignalOf(context: AnalysisContext, scope: TSESLint.Scope.Scope, use?: TSESTree.Node): SignalInScope | undefined {
  const fn = scope.block;
  if (scope.type !== 'function' || fn.type === AST_NODE_TYPES.ArrowFunctionExpression) return undefined;
  if (fn.parent?.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
  const body = enclosingClassBody(fn);
  if (!body) return undefined;
  // Asked for every call in every method: once per class.
  let found = classSignals.get(body);
  if (found === undefined) {
    found = classBodySignal(context, body) ?? null;
    classSignals.set(body, found);
  }
  // A chain is not offered in a static method (another `this`), nor in the constructor, which may
  // run before the chain's objects are there.
  if (found?.chain && (fn.parent.static || fn.parent.kind === 'constructor')) return undefined;
  // One operation's controller is that operation's signal, in the methods that make it, and no one else's.
  if (found?.onlyIn && !found.onlyIn.has(fn as FunctionNode)) return undefined;
  // …and only after the method made it: before, the member holds the one it has just aborted.
  if (found?.onlyIn && use && !found.made?.some((made) => thisFunction(made) === fn && made.range[1] <= use.range[0])) return undefined;
  return found?.signal;
}

/** A class's signal; `onlyIn`: the methods it is offered in, when it is one operation's (see onlyReplaced). */
interface ClassSignal {
  signal: SignalInScope;
  chain: boolean;
  onlyIn?: ReadonlySet<FunctionNode | undefined>;
  /** Where the class makes it (`new AbortController()`), for `onlyIn`. */
  made?: readonly TSESTree.Node[];
}

const classSignals = new WeakMap<TSESTree.ClassBody, ClassSignal | null>();

function classBodySignal(context: AnalysisContext, body: TSESTree.ClassBody): ClassSignal | undefined {
  // Neither a `signal` member nor a `new AbortController()` without these words in the class.
  if (!/signal|AbortController/.test(context.sourceCode.getText(body))) return undefined;
  const members = classMembersOf(body);
  if (members.has(signalApi.property)) {
    const evidence = classSignalEvidence(context, body);
    return evidence && { signal: { text: `this.${signalApi.property}`, evidence }, chain: false };
  }
  for (const [name, member] of members) {
    if (!member.values.some(isNewAbortController)) continue;
    // A controller the object may not hold yet or any more is read with `?.`: `this.ac.signal` would throw then.
    const access = alwaysHeld(body, name, member.values) ? '.' : '?.';
    const signal: SignalInScope = { text: `this.${name}${access}${signalApi.property}`, evidence: 'strong' };
    const made = member.values.filter(isNewAbortController);
    const oneOperation = onlyReplaced(context, body, name, member.values) || cancelsOnlyItsPauses(context, body, name, member.values);
    return { signal, chain: false, ...(oneOperation && { onlyIn: makersOf(member.values), made }) };
  }
  // A chain the class's code uses as a signal: `this.fsw.lifecycle.abortController.signal`.
  const chain = classSignalChains(context, body)[0];
  return chain === undefined ? undefined : { signal: { text: chain, evidence: 'strong' }, chain: true };
}

/**
 * Whether the class aborts the controller in `this.<name>` only to replace it: each method that
 * aborts it makes a new one there (`this.#restore?.abort(); this.#restore = new AbortController();
 * return fetch(path, { signal: this.#restore.signal })`). It is one operation's, the latest of its
 * kind, and no end of the object's: handed to another method's calls, it would end them with the
 * next such operation, or never. One that some method aborts for good (`stop()`) is the object's.
 */
function onlyReplaced(context: AnalysisContext, body: TSESTree.ClassBody, name: string, values: readonly TSESTree.Node[]): boolean {
  const aborts = findMethodCalls(methodCallsByReceiver(context), `this.${name}`, [signalApi.abort], body);
  const makers = makersOf(values);
  return aborts.length > 0 && aborts.every(({ call }) => makers.has(thisFunction(call)));
}

/**
 * Whether the class reads the signal of the controller in `this.<name>` only to hand it to a pause
 * in a method that makes that controller (`this.timeout = new AbortController(); await
 * setTimeout(ms, null, { signal: this.timeout.signal })`): the controller is the cancel handle of
 * that one wait, not the object's life. A method that never makes it may run before it exists or
 * after its wait is over (ioBroker's `stopController()`, run long before `startShutdownTimeout()`).
 * A signal read anywhere else (a loop, a listener, `this.ac.signal.aborted`) is the object's.
 */
function cancelsOnlyItsPauses(context: AnalysisContext, body: TSESTree.ClassBody, name: string, values: readonly TSESTree.Node[]): boolean {
  const makers = makersOf(values);
  const reads: TSESTree.MemberExpression[] = [];
  walk(body, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(node) !== signalApi.property) return;
    const holder = skipTypeWrappers(node.object);
    if (holder.type === AST_NODE_TYPES.MemberExpression && skipTypeWrappers(holder.object).type === AST_NODE_TYPES.ThisExpression && memberName(holder) === name) {
      reads.push(node);
    }
  });
  return reads.length > 0 && reads.every((read) => makers.has(thisFunction(read)) && handedToPause(context, read));
}

/** `sleep(ms, { signal: read })` or `wait(ms, read)`: the signal is an argument, or an option, of a pause. */
function handedToPause(context: AnalysisContext, read: TSESTree.Node): boolean {
  let value: TSESTree.Node = read;
  while (value.parent?.type === AST_NODE_TYPES.ChainExpression) value = value.parent;
  if (value.parent?.type === AST_NODE_TYPES.Property && value.parent.value === value && value.parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    value = value.parent.parent;
  }
  const call = value.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(value as TSESTree.CallExpressionArgument) && isPause(context, call);
}

/** The methods that put a new controller in the member. */
function makersOf(values: readonly TSESTree.Node[]): ReadonlySet<FunctionNode | undefined> {
  return new Set(values.filter(isNewAbortController).map((value) => thisFunction(value)));
}

/**
 * Whether the object holds a controller in `this.<name>` from its construction on, every method
 * alike: made by the field's initialiser or a top-level statement of the constructor, only ever
 * replaced by another new controller, and never tested for presence. Not so for one made in
 * `start()`, cleared to `undefined` in `stop()`, or read as `this.ac?.signal`.
 *
 * `private readonly ac = new AbortController();` → true; `ac; start() { this.ac = new AbortController(); }` → false.
 */
function alwaysHeld(body: TSESTree.ClassBody, name: string, values: readonly TSESTree.Node[]): boolean {
  if (!values.every(isNewAbortController) || presenceTestedChains(body).has(`this.${name}`)) return false;
  return values.some((value) => {
    const holder = value.parent;
    if (holder?.type === AST_NODE_TYPES.PropertyDefinition) return true;
    const statement = holder?.parent;
    const constructorBody = statement?.parent;
    return (
      holder?.type === AST_NODE_TYPES.AssignmentExpression &&
      statement?.type === AST_NODE_TYPES.ExpressionStatement &&
      constructorBody?.type === AST_NODE_TYPES.BlockStatement &&
      constructorBody.parent.parent?.type === AST_NODE_TYPES.MethodDefinition &&
      constructorBody.parent.parent.kind === 'constructor'
    );
  });
}

const signalMention = new RegExp(`${signalApi.property}|${signalApi.controller}`, 'i');

/** Cheap pre-filter: whether a file's text names a signal or a controller at all (`signal`, `AbortController`, any case). */
export function mayHaveSignal(text: string): boolean {
  return signalMention.test(text);
}

/**
 * Whether `signal` is the signal of a controller kept on `this` that another method aborts (`stop() {
 * this.shutdown.abort() }`) and that may still be that aborted one at `node`: a controller only the
 * object's making makes (a field initialiser, the constructor), or one the class only ever replaces
 * by a new controller (never drops once aborted) and that the run of `node`'s method does not make
 * afresh before `node` (itself or through the methods it calls first). Once that other method has
 * run, a call handed the signal after a restart fails at once. A fix may offer it, not write it
 * unattended.
 *
 * `class Relay { #ac = new AbortController(); start() { register(…) } stop() { this.#ac.abort() } }`
 * → true for `this.#ac.signal` in `start()`; false when `start()` first runs `this.#ac = new AbortController()`.
 */
export function signalDeadAfterTeardown(context: AnalysisContext, node: TSESTree.Node, signal: string): boolean {
  const member = /^this\.(#?[\w$]+)$/.exec(signalController(signal) ?? '')?.[1];
  const body = member === undefined ? undefined : enclosingClassBody(node);
  const values = member === undefined || !body ? [] : (classMembersOf(body).get(member)?.values ?? []);
  if (member === undefined || !body || values.length === 0) return false;
  const at = thisFunction(node);
  const aborts = findMethodCalls(methodCallsByReceiver(context), `this.${member}`, [signalApi.abort], body);
  if (!aborts.some(({ call }) => thisFunction(call) !== at)) return false;
  // Made only with the object (a field, the constructor): no restart makes another.
  const madeWithObject = values.every((value) => {
    const method = thisFunction(value)?.parent;
    return value.parent.type === AST_NODE_TYPES.PropertyDefinition || (method?.type === AST_NODE_TYPES.MethodDefinition && method.kind === 'constructor');
  });
  if (madeWithObject) return true;
  // A controller the class drops once aborted (`this.ac = undefined`) is absent then, not aborted.
  return values.every(isNewAbortController) && !madeAfreshBefore(context, values, node, at);
}

/**
 * Whether the run of `owner` makes one of `values` (the member's new controllers) before it reaches
 * `node`: itself, through the methods it calls first, or, for a private method, in every caller
 * before it calls `owner` (`start() { this.ac = new AbortController(); this.#poll(); }`).
 */
function madeAfreshBefore(
  context: AnalysisContext,
  values: readonly TSESTree.Node[],
  node: TSESTree.Node,
  owner: FunctionNode | undefined,
  depth = 0,
): boolean {
  if (!owner) return false;
  const runFirst = functionsRunBefore(context, owner, node);
  const madeHere = values.some((value) => {
    const maker = thisFunction(value);
    return maker !== undefined && (runFirst.has(maker) || (maker === owner && value.range[1] <= node.range[0]));
  });
  if (madeHere) return true;
  // Callers of callers, a few deep: a private helper of a helper.
  const calls = depth < maxCallerDepth ? privateMethodCalls(owner) : undefined;
  return !!calls?.length && calls.every((call) => madeAfreshBefore(context, values, call, thisFunction(call), depth + 1));
}

const maxCallerDepth = 3;

const controllerSignal = new RegExp(`^(.+?)\\??\\.${signalApi.property}$`);

/** The controller a signal is read from, as written without optional chaining: `this.ac?.signal` → `this.ac`. */
export function signalController(signalText: string): string | undefined {
  return controllerSignal.exec(signalText)?.[1]?.replaceAll('?.', '.');
}
