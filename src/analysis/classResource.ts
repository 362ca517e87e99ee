import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './estree';

import type { CallStart } from './apis';
import { handleEnds, moduleStarts } from './apis';
import type { FunctionNode } from './ast';
import { enclosingFunction, isFunctionNode, skipTypeWrappers, walk } from './ast';
import { importedCallee } from './imports';
import type { AnalysisContext } from './fileCache';
import type { Start } from './findStart';
import { startEnds } from './judges/connection';
import { startLabel } from './judges/labels';
import type { OwnClass } from './ownClass';
import { constructedClass } from './ownClass';
import { instanceFieldOf, slotEnds, storedSlot } from './storedHandles';
import type { Holder } from './teardown';
import { classHolder, holderOf, isThisLike, memberName, methodKeyName, reachFrom } from './teardown';

/**
 * What an instance of one of our classes holds open, read from the class's own code: a start it
 * keeps on `this` (a socket, a server, an interval, a client, an instance of another such class),
 * or in a collection on `this` (`this.sockets.set(peer, socket)`), and the method that ends it (or
 * every entry of the collection). Only a class whose own code shows both counts: a `close()` that
 * ends nothing is no evidence.
 */
export interface ClassResource {
  /** The method that ends it: `close`; none when no method of the class can (see {@link unendedResource}). */
  teardown: string | undefined;
  /** Every method whose run ends it: the teardown and those that run it (`disconnect() { return this.close(); }`). */
  endedBy: readonly string[];
  /** Whether the teardown is `async` (a fix then writes `void x.close()`). */
  async: boolean;
  /** What it holds, as messages name it: "a net server". */
  holds: string;
  /** The methods that open it when the constructor does not (`listen`, `start`); none: `new` does. */
  openedBy: readonly string[] | undefined;
  /** The instance field whose initialiser starts it, as messages name it: `timer`, `#watcher`. */
  field?: string;
}

/** Summaries by class node (per file version); `null` for a class that shows no resource. */
const summaries = new WeakMap<OwnClass['node'], ClassResource | null>();
/** Classes being summarised: a class holding an instance of itself is no evidence. */
const active = new Set<OwnClass['node']>();
/** Classes holding classes: how many files deep a summary is followed. */
const maxDepth = 3;

/**
 * `new Client(url)` of a class of ours whose own code opens something and ends it in a method:
 * a start of a connection, ended by that method. The evidence is in the class's file.
 *
 * ```js
 * // client.js
 * class Client { constructor(url) { this.redis = new Redis(url); } close() { return this.redis.quit(); } }
 * // job.js
 * const Client = require('./client');
 * cron.schedule('* * * * *', () => { const client = new Client(url); client.send(job); }); // ← never closed
 * ```
 *
 * @param findStart how the class's own starts are found (injected: `findStart` asks this module).
 */
export function ownClassStart(
  context: AnalysisContext,
  node: TSESTree.NewExpression,
  findStart: (context: AnalysisContext, node: TSESTree.Node) => Start | undefined,
): CallStart | undefined {
  if (active.size >= maxDepth) return undefined;
  let owned: OwnClass | undefined;
  try {
    owned = constructedClass(context, node);
  } catch {
    // Odd code in a followed file is a class we know nothing about.
    return undefined;
  }
  if (!owned) return undefined;
  const resource = classResource(owned, findStart);
  if (!resource) return inheritedStart(owned);
  if (resource.teardown === undefined) {
    const start: CallStart = {
      kind: 'connection',
      label: `a ${owned.name} (nothing ends ${resource.holds} ${resource.field === undefined ? 'its constructor' : `its field \`${resource.field}\``} starts)`,
      ends: { methods: [], functions: [], fix: { kind: 'method', name: '', returnsPromise: false } },
      unendable: true,
    };
    classNames.set(start, `a ${owned.name}`);
    return start;
  }
  const start: CallStart = {
    kind: 'connection',
    label: `a ${owned.name} (its \`${resource.teardown}()\` ends ${resource.holds})`,
    ends: { methods: resource.endedBy, functions: [], fix: { kind: 'method', name: resource.teardown, returnsPromise: resource.async } },
    ...(resource.openedBy && { openedBy: resource.openedBy }),
  };
  classNames.set(start, `a ${owned.name}`);
  return start;
}

/**
 * A class of ours that extends a class the knowledge base opens a connection with: its instances
 * are such connections, ended the same way. `class Publisher extends Redis {}` → a Redis connection.
 */
function inheritedStart(owned: OwnClass): CallStart | undefined {
  const superClass = owned.node.type === AST_NODE_TYPES.FunctionDeclaration ? undefined : owned.node.superClass && skipTypeWrappers(owned.node.superClass);
  const imported = superClass && importedCallee(owned.context.sourceCode, superClass);
  const base = imported && moduleStarts[imported.module]?.[imported.name];
  if (base?.kind !== 'connection') return undefined;
  const { signalOption: _signal, endFunction: _end, endsByItself: _self, onlyWith: _with, unlessWith: _without, onlyWithJob: _job, endedWithArgument: _argument, ...rest } = base;
  return { ...rest, label: `a ${owned.name} (${base.label})` };
}

/** The short label of a class start, for a class holding it: "a Connection (its `close()` ends a RequestQueue)". */
const classNames = new WeakMap<CallStart, string>();

function classResource(owned: OwnClass, findStart: (context: AnalysisContext, node: TSESTree.Node) => Start | undefined): ClassResource | undefined {
  const known = summaries.get(owned.node);
  if (known !== undefined) return known ?? undefined;
  if (active.has(owned.node)) return undefined;
  active.add(owned.node);
  try {
    let resource: ClassResource | undefined;
    try {
      resource = summarise(owned, findStart);
    } catch {
      // Odd code in the class's file: no evidence.
      resource = undefined;
    }
    summaries.set(owned.node, resource ?? null);
    return resource;
  } finally {
    active.delete(owned.node);
  }
}

/** A function of the class by the name callers use: `listen`; `undefined` for the constructor. */
interface Member {
  name: string | undefined;
  fn: FunctionNode;
  /** Callable by the class's users: not the constructor, not `#private`, not `_internal`. */
  public: boolean;
}

/** What a summary reads of a class: its holder, constructors, other functions, and the code to walk. */
interface ClassParts {
  holder: Holder;
  /** What `new` runs: the constructor, and those of base classes in the same file (`super(…)` runs them). */
  constructors: readonly FunctionNode[];
  members: readonly Member[];
  /** Where its own starts are written: the class body and its same-file bases', or an ES5 class's functions. */
  code: readonly TSESTree.Node[];
}

function classParts(owned: OwnClass): ClassParts | undefined {
  const { context, node } = owned;
  if (node.type === AST_NODE_TYPES.FunctionDeclaration) {
    // An ES5 class: the constructor and its prototype methods (ownClass.ts checked it has some).
    const holder = holderOf(context, node);
    if (!holder) return undefined;
    const members = holder.functions().flatMap((fn): Member[] => {
      const name = prototypeMethodName(fn);
      return fn === node ? [] : [{ name, fn, public: name !== undefined && !name.startsWith('_') }];
    });
    return { holder, constructors: [node], members, code: [node, ...members.map((member) => member.fn)] };
  }
  const holder = classHolder(context, node.body);
  // An instance runs its own methods and those it inherits from a base class of this file
  // (`class WriterConnection extends Connection {}`): a method it overrides is not its base's.
  const bodies = holder.classBodies ?? [node.body];
  const overridden = new Set<string>();
  const methods = bodies.flatMap((body) =>
    body.body.filter((element): element is TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression } => {
      if (element.type !== AST_NODE_TYPES.MethodDefinition || element.static || element.value.type !== AST_NODE_TYPES.FunctionExpression) return false;
      if (element.kind === 'constructor') return true;
      const name = methodKeyName(element);
      if (name === undefined) return true;
      if (overridden.has(name)) return false;
      overridden.add(name);
      return true;
    }),
  );
  const members = methods.flatMap((method): Member[] => {
    if (method.kind === 'constructor') return [];
    const name = methodKeyName(method);
    const isPublic = method.kind === 'method' && method.key.type !== AST_NODE_TYPES.PrivateIdentifier && name !== undefined && !name.startsWith('_');
    return [{ name, fn: method.value, public: isPublic }];
  });
  const constructors = methods.filter((method) => method.kind === 'constructor').map((method) => method.value);
  return { holder, constructors, members, code: bodies };
}

/** `Poller.prototype.listen = function () {}` → `listen`. */
function prototypeMethodName(fn: FunctionNode): string | undefined {
  const parent = fn.parent;
  return parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression ? memberName(parent.left) : undefined;
}

/** Walks the class's own code, not classes nested in it (they have their own `this`). */
function walkClassCode(parts: ClassParts, visit: (node: TSESTree.Node) => boolean): void {
  for (const root of parts.code) {
    walk(root, (inner) => (inner.type === AST_NODE_TYPES.ClassBody && inner !== root ? false : visit(inner)));
  }
}

function summarise(owned: OwnClass, findStart: (context: AnalysisContext, node: TSESTree.Node) => Start | undefined): ClassResource | undefined {
  const { context } = owned;
  const parts = classParts(owned);
  if (!parts) return undefined;
  const { holder } = parts;
  const teardowns = teardownCandidates(holder);
  const fromConstructor = reachFrom(context, holder, parts.constructors).functions;
  if (teardowns.length === 0) return unendedResource(owned, parts, fromConstructor, findStart);
  const reaches = teardowns.map((teardown) => ({ ...teardown, reach: reachFrom(context, holder, [teardown.fn]).functions }));
  let found: ClassResource | undefined;
  walkClassCode(parts, (inner) => {
    if (found) return false;
    if (inner.type !== AST_NODE_TYPES.CallExpression && inner.type !== AST_NODE_TYPES.NewExpression) return true;
    // Where the value goes first (syntax and scopes): only one kept on `this` can be what the
    // instance holds, and asking what any other call starts may parse another file.
    const slot = storedSlot(context, inner);
    const onThis = slot?.kind === 'member' || (slot?.kind === 'collection' && !slot.variable);
    if (!slot || !onThis) return true;
    const start = findStart(context, inner);
    const ends = start && startEnds(context, start);
    if (!start || !ends) return true;
    const endings = slotEnds(context, slot, ends).map((use) => ownFunction(holder, use));
    const teardown = reaches.find((candidate) => endings.some((at) => at !== undefined && candidate.reach.has(at)));
    const at = ownFunction(holder, inner);
    if (!teardown || (!at && !instanceFieldOf(inner))) return true;
    const openers = !at || fromConstructor.has(at) ? undefined : parts.members.filter((member) => isOpener(member, teardown.fn, at, holder, context));
    if (openers?.length === 0 || endsItself(context, holder, parts, teardown, reaches)) return true;
    found = {
      teardown: teardown.name,
      endedBy: endedByRunning(reaches, teardown.fn),
      async: teardown.fn.async,
      holds: (start.call && classNames.get(start.call)) ?? startLabel(context, start),
      openedBy: openers?.flatMap((member) => member.name ?? []),
    };
    return false;
  });
  return found ?? flagLoopResource(context, parts, reaches, fromConstructor) ?? unendedResource(owned, parts, fromConstructor, findStart);
}

/** What a class's constructor may start that only the class could end. */
const unendableKinds: ReadonlySet<Start['kind']> = new Set(['interval', 'connection', 'watcher']);

/**
 * Something `new` starts that no code of the class ever ends, and that the class keeps to itself:
 * dropped as made (`setInterval(() => this.tick(), 1000);`) or kept on `this` and never ended there.
 * Every instance leaves one running, and nothing its owner can call ends it, so it is a start with
 * no end to write (no fix). Only for a class whose bases are all in view.
 *
 * ```js
 * class Meter { constructor() { this.timer = setInterval(() => this.roll(), 1000); } mark() { this.count++; } }
 * ```
 */
function unendedResource(
  owned: OwnClass,
  parts: ClassParts,
  fromConstructor: ReadonlySet<FunctionNode>,
  findStart: (context: AnalysisContext, node: TSESTree.Node) => Start | undefined,
): ClassResource | undefined {
  const { context, node } = owned;
  // A base class the file does not show may end it; an ES5 class may inherit one (`util.inherits`).
  if (parts.holder.unseenBase || node.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
  let found: ClassResource | undefined;
  walkClassCode(parts, (inner) => {
    if (found) return false;
    if (inner.type !== AST_NODE_TYPES.CallExpression && inner.type !== AST_NODE_TYPES.NewExpression) return true;
    if (!runsWithNew(parts.holder, fromConstructor, inner)) return true;
    const slot = storedSlot(context, inner);
    const dropped = !slot && inner.parent.type === AST_NODE_TYPES.ExpressionStatement;
    if (!dropped && slot?.kind !== 'member') return true;
    // A timer that re-arms itself may stop on a flag of the instance (`if (this.stopped) return;`).
    const start = findStart(context, inner);
    const ends = start && unendableKinds.has(start.kind) && !start.call?.onlyRearming ? startEnds(context, start) : undefined;
    if (!start || !ends || (slot && slotEnds(context, slot, ends).length > 0)) return true;
    const field = slot?.kind === 'member' && slot.node.type === AST_NODE_TYPES.PropertyDefinition ? slot.name : undefined;
    const holds = (start.call && classNames.get(start.call)) ?? startLabel(context, start);
    found = { teardown: undefined, endedBy: [], async: false, holds, openedBy: undefined, ...(field !== undefined && { field }) };
    return false;
  });
  return found;
}

/**
 * A loop that awaits for as long as a flag of the instance says so, which a teardown clears: the
 * instance runs it from the method that reaches the loop (or from `new`) until that teardown.
 *
 * ```js
 * class Poller { async start() { this.running = true; while (this.running) { await poll(); } } stop() { this.running = false; } }
 * ```
 */
function flagLoopResource(
  context: AnalysisContext,
  parts: ClassParts,
  reaches: readonly { name: string; fn: FunctionNode; reach: ReadonlySet<FunctionNode> }[],
  fromConstructor: ReadonlySet<FunctionNode>,
): ClassResource | undefined {
  const { holder } = parts;
  let found: ClassResource | undefined;
  walkClassCode(parts, (inner) => {
    if (found) return false;
    if (inner.type !== AST_NODE_TYPES.WhileStatement && inner.type !== AST_NODE_TYPES.DoWhileStatement && inner.type !== AST_NODE_TYPES.ForStatement) return true;
    const flag = loopFlag(context, inner.test);
    const at = ownFunction(holder, inner);
    if (!flag || !at || !awaitsWithoutLeaving(inner)) return true;
    const teardown = reaches.find((candidate) => candidate.fn !== at && clearsFlag(context, parts, candidate.reach, flag));
    if (!teardown) return true;
    const openers = fromConstructor.has(at) ? undefined : parts.members.filter((member) => isOpener(member, teardown.fn, at, holder, context));
    if (openers?.length === 0) return true;
    found = {
      teardown: teardown.name,
      endedBy: endedByRunning(reaches, teardown.fn),
      async: teardown.fn.async,
      holds: `the loop on \`this.${flag.name}\``,
      openedBy: openers?.flatMap((member) => member.name ?? []),
    };
    return false;
  });
  return found;
}

/** The teardown and every method that runs it (`disconnect() { return this.close(); }`): each ends an instance. */
function endedByRunning(reaches: readonly { name: string; reach: ReadonlySet<FunctionNode> }[], teardown: FunctionNode): string[] {
  return reaches.filter((candidate) => candidate.reach.has(teardown)).map((candidate) => candidate.name);
}

/** `this.running` (runs while true) or `!this.stopped` (runs while false): the instance's flag a loop tests, alone. */
function loopFlag(context: AnalysisContext, test: TSESTree.Node | null | undefined): { name: string; stopsWhen: boolean } | undefined {
  if (!test) return undefined;
  const inner = skipTypeWrappers(test);
  const negated = inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!';
  const read = negated ? skipTypeWrappers(inner.argument) : inner;
  if (read.type !== AST_NODE_TYPES.MemberExpression || !isThisLike(context, read.object)) return undefined;
  const name = memberName(read);
  return name === undefined ? undefined : { name, stopsWhen: negated };
}

/** The loop's own code awaits, and no `break` or `return` of it leaves: only its flag ends it. */
function awaitsWithoutLeaving(loop: TSESTree.Node): boolean {
  let awaits = false;
  let leaves = false;
  walk(loop, (node) => {
    if (node !== loop && isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await)) awaits = true;
    if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.BreakStatement) leaves = true;
    return !leaves;
  });
  return awaits && !leaves;
}

/** Whether a function the teardown reaches sets the flag to the value that stops the loop: `this.running = false`. */
function clearsFlag(context: AnalysisContext, parts: ClassParts, reach: ReadonlySet<FunctionNode>, flag: { name: string; stopsWhen: boolean }): boolean {
  let clears = false;
  walkClassCode(parts, (inner) => {
    if (clears) return false;
    if (inner.type !== AST_NODE_TYPES.AssignmentExpression || inner.operator !== '=' || inner.left.type !== AST_NODE_TYPES.MemberExpression) return true;
    const value = skipTypeWrappers(inner.right);
    const at = ownFunction(parts.holder, inner);
    clears =
      at !== undefined &&
      reach.has(at) &&
      isThisLike(context, inner.left.object) &&
      memberName(inner.left) === flag.name &&
      value.type === AST_NODE_TYPES.Literal &&
      value.value === flag.stopsWhen;
    return !clears;
  });
  return clears;
}

/**
 * Whether the class runs its own teardown outside it (`if (--this.left === 0) this.close();` in
 * its timer): then it may end by itself, and an owner that drops it need not be leaking it. A
 * teardown that runs another (`disconnect() { return this.close(); }`) is its owner's call, not
 * the class ending itself.
 */
function endsItself(
  context: AnalysisContext,
  holder: Holder,
  parts: ClassParts,
  teardown: { name: string },
  teardowns: readonly { reach: ReadonlySet<FunctionNode> }[],
): boolean {
  let found = false;
  walkClassCode(parts, (inner) => {
    if (found) return false;
    if (inner.type === AST_NODE_TYPES.CallExpression && inner.callee.type === AST_NODE_TYPES.MemberExpression && isThisLike(context, inner.callee.object)) {
      const at = ownFunction(holder, inner);
      found = memberName(inner.callee) === teardown.name && (!at || !teardowns.some((candidate) => candidate.reach.has(at)));
    }
    return !found;
  });
  return found;
}

/** Whether `new` runs `node`: in the constructor or what it calls, or as an instance field's initialiser (`timer = setInterval(…)`). */
function runsWithNew(holder: Holder, fromConstructor: ReadonlySet<FunctionNode>, node: TSESTree.Node): boolean {
  const at = ownFunction(holder, node);
  return at ? fromConstructor.has(at) : instanceFieldOf(node) !== undefined;
}

/** The holder's function a node runs in: `listen() { return new this.Promise((resolve) => { … }) }` → `listen`. */
function ownFunction(holder: Holder, node: TSESTree.Node): FunctionNode | undefined {
  let fn = enclosingFunction(node);
  while (fn && !holder.owns(fn)) fn = enclosingFunction(fn);
  return fn;
}

/** The methods that may end what an instance holds: its lifecycle teardowns, then a connection's ends (`quit`, `disconnect`). */
function teardownCandidates(holder: Holder): { name: string; fn: FunctionNode }[] {
  const names = [...new Set([...holder.teardownNames, ...handleEnds.connection.methods])].filter((name) => !name.startsWith('Symbol.'));
  return names.flatMap((name) => {
    const fn = holder.method(name);
    return fn && isFunctionNode(fn) ? [{ name, fn }] : [];
  });
}

/** A public method other than the teardown whose run reaches the function that starts it: `listen()`, `start()`. */
function isOpener(member: Member, teardown: FunctionNode, at: FunctionNode, holder: Holder, context: AnalysisContext): boolean {
  return member.public && member.fn !== teardown && reachFrom(context, holder, [member.fn]).functions.has(at);
}
