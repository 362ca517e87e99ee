import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import type { BuiltinObjectKind, Repetition } from './apis';
import {
  arrayIterationMethods,
  endOfLifeEvents,
  eventsFiringAgain,
  isProcessLifecycleEvent,
  lifecycleEvents,
  listenerMethods,
  moduleDecorators,
  objectSchedulers,
  oneShotListenerMethods,
  processGlobals,
  repeatingEvents,
  repetitions,
  routeMethods,
  routeOptions,
  timeoutFunctions,
} from './apis';
import type { FunctionNode } from './ast';
import { calleeName, enclosingFunction, findObjectProperty, isFunctionNode, isInside, methodCallParts, namedFunctionVariable, skipTypeWrappers, staticString, walk } from './ast';
import { isAtPosition } from './callbackPosition';
import type { AnalysisContext } from './fileCache';
import { importedName, trackedCalls } from './imports';
import { objectKindOf } from './objectKind';
import { isInsideRearmOf } from './rearmingTimer';
import { isAssumingKinds } from './parameterKinds';

/** Code that runs again and again, and what runs it. */
export interface RepeatedScope {
  repetition: Repetition;
  /** The repeated callback, or the loop statement. */
  scope: FunctionNode | TSESTree.Node;
  /** The statement that schedules the callback or holds the loop: what "before the job" means. */
  scheduler: TSESTree.Node;
  /**
   * For a self-re-arming function: the statements that re-arm it, when each also leaves the run
   * (`return setTimeout(retry, ms)`); `undefined` when some re-arm lets the run go on.
   */
  rearmExits?: TSESTree.Node[];
  /** For a self-re-arming function: the one-shot timer calls that re-arm it. */
  rearms?: TSESTree.CallExpression[];
}

const cache = new WeakMap<TSESTree.Node, RepeatedScope | null>();

/**
 * The innermost repeated context around `node`: a loop body, or a callback of a scheduler, a
 * route, an event listener, an array iteration. Walks out through inline callbacks (`.then(…)`)
 * but stops at named functions: whether those repeat depends on their callers, which the
 * function summaries follow instead.
 *
 * `cron.schedule('* * * * *', () => { helper(); })`: for `helper()` → the cron tick.
 */
export function repetitionAround(context: AnalysisContext, node: TSESTree.Node): RepeatedScope | undefined {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (ASTUtils.isLoop(current) && isLoopBody(current, child)) return loopRepetition(current);
    if (isFunctionNode(current)) {
      const repeated = repeatedFunction(context, current);
      // Only the run that does not re-arm gets past `return setTimeout(retry)`: that is one run.
      if (repeated?.rearmExits?.every((exit) => exit.range[1] < node.range[0])) return undefined;
      // The re-arm itself: each run arms the one after it, one pending at a time.
      if (repeated?.repetition === repetitions.rearm && isInsideRearmOf(context, node, current)) return undefined;
      // Each run re-arms only once what `node` started has ended: one at a time, not one more each run.
      if (repeated?.rearms && rearmsAfterItEnds(context, node, repeated.rearms)) return undefined;
      if (repeated) return repeated;
      if (!isInlineCallback(current)) return undefined;
    }
  }
  return undefined;
}

function isLoopBody(loop: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (loop.type) {
    case AST_NODE_TYPES.ForStatement:
      return child === loop.body || child === loop.test || child === loop.update;
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return child === loop.body || child === loop.test;
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForInStatement:
      return child === loop.body;
    default:
      return false;
  }
}

function loopRepetition(loop: TSESTree.Node): RepeatedScope {
  const cached = cache.get(loop);
  if (cached) return cached;
  const endless =
    (loop.type === AST_NODE_TYPES.WhileStatement || loop.type === AST_NODE_TYPES.DoWhileStatement) &&
    loop.test.type === AST_NODE_TYPES.Literal &&
    loop.test.value === true;
  const forever = endless || (loop.type === AST_NODE_TYPES.ForStatement && loop.test === null);
  const perElement =
    loop.type === AST_NODE_TYPES.ForOfStatement ||
    loop.type === AST_NODE_TYPES.ForInStatement ||
    (loop.type === AST_NODE_TYPES.ForStatement && !forever);
  const repeated: RepeatedScope = {
    repetition: forever ? repetitions.endlessLoop : { ...repetitions.loop, perElement },
    scope: loop,
    scheduler: loop,
  };
  cache.set(loop, repeated);
  return repeated;
}

/** `cb` in `f(cb)`, `new P(cb)`, `f({ onTick: cb })`: handed to someone who decides when it runs. */
function isInlineCallback(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) return true;
  return parent.type === AST_NODE_TYPES.Property && parent.parent.type === AST_NODE_TYPES.ObjectExpression && isCallArgument(parent.parent);
}

function isCallArgument(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return (
    (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.includes(node as TSESTree.CallExpressionArgument)
  );
}

const objectSchedulerMethods: ReadonlySet<string> = new Set(
  Object.values(objectSchedulers).flatMap((methods) => Object.keys(methods)),
);

/** Whether this function is run again and again: inline, by reference, or by re-arming itself. */
function repeatedFunction(context: AnalysisContext, fn: FunctionNode): RepeatedScope | undefined {
  const cached = isAssumingKinds() ? undefined : cache.get(fn);
  if (cached !== undefined) return cached ?? undefined;
  const result = findRepeatedFunction(context, fn);
  if (!isAssumingKinds()) cache.set(fn, result ?? null);
  return result;
}

function findRepeatedFunction(context: AnalysisContext, fn: FunctionNode): RepeatedScope | undefined {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.MethodDefinition) {
    const scheduled = decoratorRepetition(context, parent, fn);
    if (scheduled) return scheduled;
  }
  if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) {
    return callbackRepetition(context, parent, fn, fn);
  }
  if (parent.type === AST_NODE_TYPES.Property && parent.value === fn && isCallArgument(parent.parent)) {
    return callbackRepetition(context, parent.parent.parent as TSESTree.CallExpression, parent.parent, fn);
  }
  const variable = namedFunctionVariable(context.sourceCode, fn);
  if (!variable) return undefined;
  const rearms = variable.references.flatMap((reference) => {
    const use = reference.identifier;
    const call = use.type === AST_NODE_TYPES.Identifier && isInside(use, fn) ? rearmingCall(use) : undefined;
    return call ? [call] : [];
  });
  if (rearms.length > 0) {
    const exits = rearms.map(rearmExit);
    return {
      repetition: repetitions.rearm,
      scope: fn,
      scheduler: fn,
      rearms,
      ...(exits.every((exit) => exit !== undefined) && { rearmExits: exits as TSESTree.Node[] }),
    };
  }
  for (const reference of variable.references) {
    const use = reference.identifier;
    if (use.type !== AST_NODE_TYPES.Identifier || isInside(use, fn)) continue;
    const call = use.parent;
    if ((call.type === AST_NODE_TYPES.CallExpression || call.type === AST_NODE_TYPES.NewExpression) && call.callee !== use) {
      const repeated = callbackRepetition(context, call, use, fn);
      if (repeated) return repeated;
    }
  }
  return undefined;
}

/** A method its decorator has run again and again, by import: NestJS's `@Cron(CronExpression.EVERY_MINUTE)`, `@Interval(5000)`. */
function decoratorRepetition(context: AnalysisContext, method: TSESTree.MethodDefinition, fn: FunctionNode): RepeatedScope | undefined {
  // espree leaves `decorators` out of plain JavaScript's methods.
  for (const decorator of method.decorators ?? []) {
    const expression = decorator.expression;
    const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
    const imported = callee.type === AST_NODE_TYPES.Identifier ? importedName(context.sourceCode, callee) : undefined;
    const repetition = imported && moduleDecorators[imported.module]?.[imported.name];
    if (repetition) return { repetition, scope: fn, scheduler: decorator };
  }
  return undefined;
}

/**
 * Whether every re-arm waits for the end of what `start` opens: each sits in a listener, on the
 * handle `start` is kept in, for an event that ends that handle's life once (`'close'` of a socket;
 * not an ioredis client's, which comes again as it reconnects by itself).
 *
 * `function connect() { const ws = new WebSocket(url); ws.on('close', () => setTimeout(connect, 1000)); }` → `true`.
 */
function rearmsAfterItEnds(context: AnalysisContext, start: TSESTree.Node, rearms: readonly TSESTree.CallExpression[]): boolean {
  const value = start.parent?.type === AST_NODE_TYPES.AwaitExpression ? start.parent : start;
  const holder = value.parent;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== value || holder.id.type !== AST_NODE_TYPES.Identifier) return false;
  const handle = context.sourceCode.getDeclaredVariables(holder)[0];
  if (!handle) return false;
  return rearms.every((rearm) => {
    for (let current: TSESTree.Node | undefined = rearm.parent; current; current = current.parent) {
      if (!isFunctionNode(current)) continue;
      const listen = current.parent.type === AST_NODE_TYPES.CallExpression ? methodCallParts(current.parent) : undefined;
      const event = listen && staticString(current.parent.type === AST_NODE_TYPES.CallExpression ? current.parent.arguments[0] : undefined);
      if (!listen || event === undefined || listen.target.type !== AST_NODE_TYPES.Identifier) return false;
      if (!listenerMethods.has(listen.method) && !oneShotListenerMethods.has(listen.method)) return false;
      const target = ASTUtils.findVariable(context.sourceCode.getScope(listen.target), listen.target);
      return target === handle && endOfLifeEvents.has(event) && howOftenFires(context, listen.target, event) !== 'again';
    }
    return false;
  });
}

/**
 * The statement that re-arms and leaves the run with it: `return setTimeout(retry, ms)`, or
 * `setTimeout(retry, ms); return;` in the same block.
 */
function rearmExit(rearm: TSESTree.CallExpression): TSESTree.Node | undefined {
  let statement: TSESTree.Node | undefined = rearm;
  while (statement && !isFunctionNode(statement) && statement.parent?.type !== AST_NODE_TYPES.BlockStatement) {
    if (statement.type === AST_NODE_TYPES.ReturnStatement) return statement;
    statement = statement.parent;
  }
  if (!statement || isFunctionNode(statement) || statement.type === AST_NODE_TYPES.ReturnStatement) {
    return statement?.type === AST_NODE_TYPES.ReturnStatement ? statement : undefined;
  }
  const block = statement.parent as TSESTree.BlockStatement;
  const next = block.body[block.body.indexOf(statement as TSESTree.Statement) + 1];
  return next?.type === AST_NODE_TYPES.ReturnStatement ? next : undefined;
}

/** `function poll() { …; setTimeout(poll, 1000); }` or `setTimeout(() => poll(), 1000)`. */
function rearmingCall(use: TSESTree.Identifier): TSESTree.CallExpression | undefined {
  for (let current: TSESTree.Node | undefined = use.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CallExpression && timeoutFunctions.has(calleeName(current) ?? '')) {
      const callback = current.arguments[0];
      if (callback && isInside(use, callback)) return current;
    }
    if (isFunctionNode(current) && !isInlineCallback(current)) return undefined;
  }
  return undefined;
}

/**
 * Whether `target`'s `event` fires once or again over the target's life, when its family says:
 * `process.on('SIGTERM')` → `'once'`; `redis.on('ready')` on an ioredis client → `'again'`
 * (every reconnect); an event or receiver no family knows → `undefined`.
 */
export function howOftenFires(context: AnalysisContext, target: TSESTree.Node, event: string): 'once' | 'again' | undefined {
  const inner = skipTypeWrappers(target);
  if (inner.type === AST_NODE_TYPES.Identifier && processGlobals.has(inner.name) && !ASTUtils.findVariable(context.sourceCode.getScope(inner), inner)) {
    return isProcessLifecycleEvent(event) ? 'once' : undefined;
  }
  // Only an event some family knows is worth asking the receiver's kind (a type query).
  if (!eventsFiringAgain.has(event)) return undefined;
  const kind = objectKindOf(context, target);
  const facts = kind && !kind.startsWith('custom:') ? repeatingEvents[kind as BuiltinObjectKind] : undefined;
  if (facts?.again.has(event)) return 'again';
  return facts?.once.has(event) ? 'once' : undefined;
}

/** What repeats `argument` (a callback or an options object holding one) when passed to `call`. */
function callbackRepetition(
  context: AnalysisContext,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  argument: TSESTree.Node,
  fn: FunctionNode,
): RepeatedScope | undefined {
  const scheduler = call;
  const found = (repetition: Repetition): RepeatedScope => ({
    repetition,
    scope: repetition.runIsSchedulingFunction ? (enclosingFunction(call) ?? context.sourceCode.ast) : fn,
    scheduler,
  });
  const tracked = trackedCalls(context).get(call)?.repeats;
  if (tracked && isAtPosition(call, argument, fn, tracked)) return found(tracked.repetition);
  const parts = methodCallParts(call);
  if (!parts || call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const args = call.arguments;
  if (arrayIterationMethods.has(parts.method) && args[0] === argument) {
    return found({
      every: `for every element of this \`${parts.method}()\``,
      unit: 'element',
      perElement: true,
    });
  }
  if (listenerMethods.has(parts.method) && args[1] === argument) {
    const event = staticString(args[0]);
    if (event === undefined) return undefined;
    const fires = howOftenFires(context, parts.target, event);
    if (fires === 'again') return found({ every: `on every '${event}' event (again on each reconnect)`, unit: 'reconnect' });
    if (fires === 'once' || (fires === undefined && lifecycleEvents.has(event))) return undefined;
    // Nothing shows what fires an event of an object no family knows, nor how often: no repetition claimed.
    if (fires === undefined && objectKindOf(context, parts.target) === undefined) return undefined;
    return found({ every: `on every '${event}' event`, unit: 'event' });
  }
  const path = staticString(args[0]);
  if (routeMethods.has(parts.method) && path?.startsWith('/') && argument !== args[0]) {
    return found(repetitions.request);
  }
  const handlerProperty = routeOptions[parts.method];
  if (handlerProperty && args[0] === argument && argument.type === AST_NODE_TYPES.ObjectExpression) {
    return findObjectProperty(argument, handlerProperty)?.value === fn ? found(repetitions.request) : undefined;
  }
  // Only a method that could schedule is worth asking the receiver's kind (a type query).
  if (!routeMethods.has(parts.method) && !objectSchedulerMethods.has(parts.method)) return undefined;
  const kind = objectKindOf(context, parts.target);
  if (kind === 'httpApp' && routeMethods.has(parts.method) && argument !== args[0]) return found(repetitions.request);
  const scheduled = kind && !kind.startsWith('custom:') ? objectSchedulers[kind as BuiltinObjectKind]?.[parts.method] : undefined;
  if (scheduled && isAtPosition(call, argument, fn, scheduled)) return found(scheduled.repetition);
  return undefined;
}

/**
 * The innermost repetition that runs `node` again with the same inputs: past a loop or array
 * callback where `node` uses the element (each element once), to the repetition around that loop.
 *
 * `cron.schedule(…, () => { for (const job of jobs) bus.on(job.event, f); })`: for `bus.on` →
 * the cron tick (each tick adds one listener per job), not the loop.
 */
export function repetitionAcrossElements(context: AnalysisContext, node: TSESTree.Node): RepeatedScope | undefined {
  let repeated = repetitionAround(context, node);
  let depth = 0;
  while (repeated && variesPerElement(context, node, repeated)) {
    if (depth++ >= 16) return undefined;
    repeated = repetitionAround(context, repeated.scope);
  }
  return repeated;
}

/**
 * In a loop or array callback, whether `node` uses anything that changes per element:
 * `for (const channel of channels) sub.subscribe(channel)` subscribes each channel once.
 */
export function variesPerElement(context: AnalysisContext, node: TSESTree.Node, repeated: RepeatedScope): boolean {
  if (repeated.repetition.perElement !== true) return false;
  // Asked for every call in the loop or callback, nested ones too: one walk of the scope, then a
  // binary search per call, rather than a walk of each call's arguments and callbacks.
  const uses = bindingUsesIn(context, repeated.scope);
  const [start, end] = node.range;
  let low = 0;
  let high = uses.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((uses[middle]?.range[0] ?? Infinity) < start) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < uses.length && (uses[i]?.range[0] ?? Infinity) < end; i++) {
    const use = uses[i];
    // A binding `node` declares itself (its callback's `err` in `bus.once('error', (err) => …)`) is
    // made anew by each call, not handed one per element.
    if (use && use.range[1] <= end && !readsBindingDeclaredIn(context, use, node)) return true;
  }
  return false;
}

const bindingUses = new WeakMap<TSESTree.Node, readonly TSESTree.Identifier[]>();

/** The identifiers in `scope` that read a variable declared inside it, by position. */
function bindingUsesIn(context: AnalysisContext, scope: TSESTree.Node): readonly TSESTree.Identifier[] {
  const cached = bindingUses.get(scope);
  if (cached) return cached;
  const uses: TSESTree.Identifier[] = [];
  walk(scope, (child) => {
    if (child.type === AST_NODE_TYPES.Identifier && readsBindingDeclaredIn(context, child, scope)) uses.push(child);
  });
  uses.sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
  bindingUses.set(scope, uses);
  return uses;
}

/** Whether `node` reads a variable declared inside `scope` (its parameters included). */
export function usesBindingDeclaredIn(context: AnalysisContext, node: TSESTree.Node, scope: TSESTree.Node): boolean {
  let uses = false;
  walk(node, (child) => {
    if (uses) return false;
    if (child.type === AST_NODE_TYPES.Identifier && readsBindingDeclaredIn(context, child, scope)) uses = true;
    return true;
  });
  return uses;
}

/** `channel` in `sub.subscribe(channel)` inside `for (const channel of channels)`; not the `.channel` of `msg.channel`. */
function readsBindingDeclaredIn(context: AnalysisContext, identifier: TSESTree.Identifier, scope: TSESTree.Node): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === identifier && !parent.computed) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier.name);
  const definition = variable?.defs[0];
  return definition !== undefined && isInside(definition.name, scope);
}

/**
 * Whether `node` reads the `this` of `scope`, a non-arrow function: moved out of it, `this` would
 * be another object. `emitter.on('ready', function () { this.timer = setInterval(f, 1000); })` → true.
 */
export function readsOwnThis(node: TSESTree.Node, scope: TSESTree.Node): boolean {
  if (!isFunctionNode(scope) || scope.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
  let reads = false;
  walk(node, (child) => {
    if (reads || (isFunctionNode(child) && child.type !== AST_NODE_TYPES.ArrowFunctionExpression)) return false;
    if (child.type === AST_NODE_TYPES.ThisExpression) reads = true;
    return !reads;
  });
  return reads;
}
