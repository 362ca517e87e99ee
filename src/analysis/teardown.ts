import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { protocols } from './families/language';
import type { FunctionNode } from './ast';
import { enclosingFunction, isFunctionNode, methodCallParts, outermostWrapper, referenceRoot, returnedValues, runsImmediately, skipTypeWrappers, stableReferenceText, staticMemberName, walk } from './ast';
import type { AnalysisContext } from './fileCache';
import { perFile } from './fileCache';
import { fileIndex } from './fileIndex';
import { importedName } from './imports';
import { importedClass } from './ownClass';
import { handleEnds, pairedTeardowns } from './apis';
import { teardownMethodsOf } from './objectApi';
import { emitterRemovals } from './families/family';
import { eventTarget } from './families/eventTarget';

/**
 * What a start's function belongs to: a class, a prototype-style class (`function Foo() {}` with
 * `Foo.prototype.stop = function () {}`), or an object whose functions share `this`
 * (`const Worker = {}; Worker.start = function () {}`, `{ started() {}, stopped() {} }`).
 */
export interface Holder {
  /** `class Poller`, `Foo.prototype`, `Worker`: how messages name it, when it has a name. */
  name: string | undefined;
  /** The class body, for a class. */
  body: TSESTree.ClassBody | undefined;
  /** For a class, its body and those of its base classes in this file, nearest first (what an instance runs). */
  classBodies?: readonly TSESTree.ClassBody[];
  /** Its function called `name`, own or (for a class) inherited from a base class in this file. */
  method(name: string): FunctionNode | undefined;
  /** Whether `fn` is one of its functions (a method, not a callback inside one). */
  owns(fn: FunctionNode): boolean;
  /** Its own functions (for a class, the methods of its body, not a base's). */
  functions(): readonly FunctionNode[];
  /** A base class this file does not show: its methods may end anything. */
  unseenBase: boolean;
  /** The lifecycle names that end it: the descriptors' and those `settings.leaks.teardownMethods` adds. */
  teardownNames: readonly string[];
}

/** A holder's teardown: the function that ends its life, and every function it runs. */
export interface Teardown {
  /** The teardown function, in the holder or a base class of the same file. */
  fn: FunctionNode;
  /** The class method, when the holder is a class (the fix adds the end there). */
  method: TSESTree.MethodDefinition | undefined;
  /** `stop`, `ngOnDestroy`, `[Symbol.dispose]`. */
  name: string;
  /** Whether it is the holder's own function (not inherited). */
  own: boolean;
  /** The class it is inherited from, when not own. */
  inheritedFrom: string | undefined;
}

/**
 * The holder of a function, if it has one: `stop() {}` in a class → that class; `Foo.prototype.stop =
 * function () {}`, `function Foo() {}` with prototype methods → `Foo.prototype`; `Worker.start =
 * function () {}` → `Worker`; a method of an object literal → that object.
 */
export function holderOf(context: AnalysisContext, fn: FunctionNode): Holder | undefined {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.MethodDefinition) return classHolder(context, parent.parent as TSESTree.ClassBody);
  const key = objectFunctions(context).holderKey.get(fn);
  return key === undefined ? undefined : objectHolder(context, key);
}

/**
 * The holder of what a closure keeps: `function middleware() { let timer; return { started() {},
 * stopped() {} }; }` → the returned object, whose functions share the closure's variables.
 */
export function closureHolderOf(context: AnalysisContext, scopeBlock: TSESTree.Node): Holder | undefined {
  if (!isFunctionNode(scopeBlock) || scopeBlock.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  for (const statement of scopeBlock.body.body) {
    const returned = statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument ? skipTypeWrappers(statement.argument) : undefined;
    if (returned?.type === AST_NODE_TYPES.ObjectExpression && objectFunctions(context).methods.has(returned)) return objectHolder(context, returned);
  }
  return undefined;
}

const classHolders = new WeakMap<TSESTree.ClassBody, Holder>();

/** The holder of a class, by its body: what {@link holderOf} gives any of its methods. */
export function classHolder(context: AnalysisContext, body: TSESTree.ClassBody): Holder {
  const cached = classHolders.get(body);
  if (cached) return cached;
  const bodies: TSESTree.ClassBody[] = [];
  let unseenBase = false;
  for (let at: TSESTree.ClassBody | undefined = body; at && bodies.length < 8; ) {
    bodies.push(at);
    const base = baseClassBody(context, at);
    if (!base && at.parent.superClass) unseenBase = true;
    at = base;
  }
  const classNode = body.parent;
  const holder: Holder = {
    name: classNode.id?.name,
    body,
    classBodies: bodies,
    method: (name) => findMethod(context, body, name, 0)?.value,
    owns: (fn) => fn.parent.type === AST_NODE_TYPES.MethodDefinition && bodies.includes(fn.parent.parent as TSESTree.ClassBody),
    functions: () =>
      body.body.flatMap((member) =>
        member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'method' && member.value.type === AST_NODE_TYPES.FunctionExpression ? [member.value] : [],
      ),
    unseenBase,
    teardownNames: teardownMethodsOf(context),
  };
  classHolders.set(body, holder);
  return holder;
}

function objectHolder(context: AnalysisContext, key: HolderKey): Holder {
  const functions = objectFunctions(context);
  const cached = functions.holders.get(key);
  if (cached) return cached;
  const methods = functions.methods.get(key) ?? new Map<string, FunctionNode>();
  const holder: Holder = {
    name: typeof key !== 'string' ? undefined : key.startsWith('proto:') ? `${key.slice(6)}.prototype` : key.slice(7),
    body: undefined,
    method: (name) => methods.get(name),
    owns: (fn) => functions.holderKey.get(fn) === key,
    functions: () => [...methods.values()],
    unseenBase: false,
    teardownNames: teardownMethodsOf(context),
  };
  functions.holders.set(key, holder);
  return holder;
}

/** `'proto:Foo'` (`Foo.prototype.m`), `'object:Worker'` (`Worker.m`, `const Worker = { m() {} }`), or an object literal. */
type HolderKey = string | TSESTree.ObjectExpression;

/** Every function of a prototype-style class or an object, in one walk per file. */
const objectFunctions = perFile((context) => {
  const methods = new Map<HolderKey, Map<string, FunctionNode>>();
  const holderKey = new Map<FunctionNode, HolderKey>();
  const add = (key: HolderKey, name: string | undefined, fn: TSESTree.Node | undefined): void => {
    if (name === undefined || !isFunctionNode(fn)) return;
    let byName = methods.get(key);
    if (!byName) methods.set(key, (byName = new Map()));
    if (!byName.has(name)) byName.set(name, fn);
    holderKey.set(fn, key);
  };
  const addObject = (key: HolderKey, object: TSESTree.ObjectExpression): void => {
    for (const property of object.properties) {
      if (property.type === AST_NODE_TYPES.Property && !property.computed && property.value.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
        add(key, propertyName(property), property.value);
      }
    }
  };
  const constructors: TSESTree.FunctionDeclaration[] = [];
  walk(context.sourceCode.ast, (node) => {
    if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id) constructors.push(node);
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      const parent = node.parent;
      const holderName =
        parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node
          ? prototypeOf(parent.left)
          : parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier
            ? `object:${parent.id.name}`
            : undefined;
      addObject(holderName ?? node, node);
    }
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && node.left.type === AST_NODE_TYPES.MemberExpression) {
      const left = node.left;
      const name = staticMemberName(left);
      const objectText = referenceRoot(left.object)?.type === AST_NODE_TYPES.Identifier ? stableReferenceText(left.object) : undefined;
      const owner = prototypeOf(left.object) ?? (objectText === undefined ? undefined : `object:${objectText}`);
      if (owner && name !== 'prototype' && node.right.type !== AST_NODE_TYPES.ArrowFunctionExpression) add(owner, name, node.right);
    }
    return true;
  });
  // `function Foo() { this.timer = … }` with `Foo.prototype.stop`: the constructor belongs to `Foo.prototype`.
  for (const fn of constructors) {
    const key = `proto:${fn.id?.name}`;
    if (methods.has(key) && !holderKey.has(fn)) holderKey.set(fn, key);
  }
  return { methods, holderKey, holders: new Map<HolderKey, Holder>() };
});

/** `Foo.prototype` → `'proto:Foo'`. */
function prototypeOf(node: TSESTree.Node): string | undefined {
  return node.type === AST_NODE_TYPES.MemberExpression && staticMemberName(node) === 'prototype' && node.object.type === AST_NODE_TYPES.Identifier
    ? `proto:${node.object.name}`
    : undefined;
}

function propertyName(property: TSESTree.Property): string | undefined {
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string' ? property.key.value : undefined;
}

const teardowns = new WeakMap<Holder, Teardown | null>();

/**
 * The holder's teardown, when it has one (its own or inherited from a base class in the same
 * file), by the lifecycle names the descriptors list:
 *
 * ```ts
 * class Poller { start() { this.timer = setInterval(f, 1000); } stop() { clearInterval(this.timer); } }
 * // → { name: 'stop', … }
 * ```
 */
export function teardownOf(holder: Holder): Teardown | undefined {
  const cached = teardowns.get(holder);
  if (cached !== undefined) return cached ?? undefined;
  let found: Teardown | undefined;
  for (const name of holder.teardownNames) {
    const fn = holder.method(name);
    if (!fn) continue;
    const method = fn.parent.type === AST_NODE_TYPES.MethodDefinition ? fn.parent : undefined;
    const own = !holder.body || method?.parent === holder.body;
    const inheritedFrom = own ? undefined : (method?.parent.parent as TSESTree.ClassDeclaration | undefined)?.id?.name;
    found = { fn, method, name: name.startsWith('Symbol.') ? `[${name}]` : name, own, inheritedFrom };
    break;
  }
  teardowns.set(holder, found ?? null);
  return found;
}

/**
 * For a holder with no teardown of its life, the method that ends what `fn` starts, by the
 * descriptors' pairs: `fn` is the setup method or one it runs (`connect() { this.startServer(); }`):
 *
 * ```ts
 * class Transport { connect() { this.ws = new WebSocket(url); } disconnect() { this.ws?.close(); } }
 * // for connect → { name: 'disconnect', … }
 * ```
 */
export function pairedTeardownOf(context: AnalysisContext, holder: Holder, fn: FunctionNode): Teardown | undefined {
  for (const [setup, end] of Object.entries(pairedTeardowns)) {
    const setupFn = holder.method(setup);
    if (!setupFn || (setupFn !== fn && !reachFrom(context, holder, [setupFn]).functions.has(fn))) continue;
    const endFn = holder.method(end);
    if (!endFn) return undefined;
    const method = endFn.parent.type === AST_NODE_TYPES.MethodDefinition ? endFn.parent : undefined;
    const own = !holder.body || method?.parent === holder.body;
    const inheritedFrom = own ? undefined : (method?.parent.parent as TSESTree.ClassDeclaration | undefined)?.id?.name;
    return { fn: endFn, method, name: end, own, inheritedFrom };
  }
  return undefined;
}

/**
 * For a holder with no teardown by name or pair, the function that ends what it keeps, by what
 * it does: it ends two or more of the handles kept on `this` (`clearTimeout(this.poll)`,
 * `this.socket.close()`), or one that `isSibling` says `fn` made beside the start judged, stores
 * no new one in them, and neither runs `fn` nor is run by it (so it is no restart). Such a
 * teardown is known from the code alone: its report offers no fix.
 *
 * ```ts
 * class Worker { init() { this.ping = setInterval(f, 1000); } end() { clearTimeout(this.poll); this.sock.close(); } }
 * // for init → { name: 'end', method: undefined, … }
 * class Heart { constructor() { this.send = setInterval(f, 500); this.recv = setInterval(g, 1000); } clear() { clearInterval(this.recv); } }
 * // for the constructor, with `recv` a sibling of `send` → { name: 'clear', … }
 * ```
 */
export function endingTeardownOf(
  context: AnalysisContext,
  holder: Holder,
  fn: FunctionNode,
  isSibling: (member: string) => boolean = () => false,
): Teardown | undefined {
  const fromFn = reachFrom(context, holder, [fn]).functions;
  for (const candidate of holder.functions()) {
    if (candidate === fn || fromFn.has(candidate)) continue;
    const ended = endedMembers(context, candidate);
    if (ended.size < 2 && ![...ended].some(isSibling)) continue;
    if (reachFrom(context, holder, [candidate]).functions.has(fn)) continue;
    const method = candidate.parent.type === AST_NODE_TYPES.MethodDefinition ? candidate.parent : undefined;
    const name = method ? methodKeyName(method) : functionKeyName(candidate);
    if (name !== undefined) return { fn: candidate, method: undefined, name, own: true, inheritedFrom: undefined };
  }
  return undefined;
}

/** `Foo.prototype.end = function () {}` → `'end'`; `{ end() {} }` → `'end'`. */
function functionKeyName(fn: FunctionNode): string | undefined {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) return staticMemberName(parent.left);
  return parent.type === AST_NODE_TYPES.Property ? propertyName(parent) : undefined;
}

/** The `this` members `fn` ends in its own body (`clearInterval(this.t)`, `this.c?.quit()`), less those it stores anew. */
function endedMembers(context: AnalysisContext, fn: FunctionNode): ReadonlySet<string> {
  const ended = new Set<string>();
  const stored = new Set<string>();
  const member = (node: TSESTree.Node | undefined): string | undefined => {
    const inner = node && skipTypeWrappers(node);
    return inner?.type === AST_NODE_TYPES.MemberExpression && isThisLike(context, skipTypeWrappers(inner.object)) ? memberName(inner) : undefined;
  };
  walk(fn.body, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const name = member(node.left);
      const value = skipTypeWrappers(node.right);
      const cleared = (value.type === AST_NODE_TYPES.Literal && value.value === null) || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
      if (name !== undefined && !cleared) stored.add(name);
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) return true;
    const callee = skipTypeWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && endFunctionNames.has(callee.name)) {
      const name = member(node.arguments[0]);
      if (name !== undefined) ended.add(name);
    }
    const parts = methodCallParts(node);
    if (parts && endMethodNames.has(parts.method)) {
      const name = member(parts.target);
      if (name !== undefined) ended.add(name);
    }
    return true;
  });
  for (const name of stored) ended.delete(name);
  return ended;
}

/**
 * Whether none of `fns` ends anything, on `this` or elsewhere (no `clearX(…)`, `x.close()`,
 * `x.off(…)`): a method named as a teardown that ends nothing may be of another API, as
 * express-session's `Store#destroy(sid, callback)`, which deletes one session, not the store.
 */
export function endsNothing(fns: Iterable<FunctionNode>): boolean {
  for (const fn of fns) {
    let ends = false;
    // Callbacks count (`connections.forEach((c) => c.close())`): any end written in the method.
    walk(fn.body ?? fn, (node) => {
      if (ends) return false;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = skipTypeWrappers(node.callee);
        const method = methodCallParts(node)?.method;
        ends = (callee.type === AST_NODE_TYPES.Identifier && endFunctionNames.has(callee.name)) || (method !== undefined && (endMethodNames.has(method) || listenerRemovals.has(method)));
      }
      return !ends;
    });
    if (ends) return false;
  }
  return true;
}

const endMethodNames: ReadonlySet<string> = new Set(Object.values(handleEnds).flatMap((end) => end.methods));
const endFunctionNames: ReadonlySet<string> = new Set(Object.values(handleEnds).flatMap((end) => end.functions));
const listenerRemovals: ReadonlySet<string> = new Set([...emitterRemovals, ...eventTarget.objects.eventTarget.removeListener]);

/** The method's name as teardown lists and `this.…` calls write it: `stop`, `#stopTimer`, `Symbol.dispose`. */
export function methodKeyName(method: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | undefined {
  const key = method.key;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (!method.computed) return key.type === AST_NODE_TYPES.Identifier ? key.name : undefined;
  if (key.type === AST_NODE_TYPES.MemberExpression && key.object.type === AST_NODE_TYPES.Identifier && key.object.name === 'Symbol') {
    const name = staticMemberName(key);
    return name === undefined ? undefined : `Symbol.${name}`;
  }
  return undefined;
}

/** A method of the class by name, or of its base classes declared in the same file. */
function findMethod(
  context: AnalysisContext,
  body: TSESTree.ClassBody,
  name: string,
  depth: number,
): (TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression }) | undefined {
  const own = body.body.find(
    (element): element is TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression } =>
      element.type === AST_NODE_TYPES.MethodDefinition &&
      element.kind === 'method' &&
      !element.static &&
      element.value.type === AST_NODE_TYPES.FunctionExpression &&
      methodKeyName(element) === name,
  );
  if (own) return own;
  const base = baseClassBody(context, body);
  return base && depth < 8 ? findMethod(context, base, name, depth + 1) : undefined;
}

/** `class A extends B` with `B` declared in the same file: `B`'s body. */
function baseClassBody(context: AnalysisContext, body: TSESTree.ClassBody): TSESTree.ClassBody | undefined {
  const superClass = body.parent.superClass;
  // `extends EventEmitter`: no class of the file has the name, so no scope lookup (in a file
  // followed into, the first one analyses the whole file's scopes).
  if (superClass?.type !== AST_NODE_TYPES.Identifier || !classNamesOf(context).has(superClass.name)) return undefined;
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(superClass), superClass)?.defs[0];
  const node = definition?.node;
  return node?.type === AST_NODE_TYPES.ClassDeclaration || node?.type === AST_NODE_TYPES.ClassExpression ? node.body : undefined;
}

/** The names of the file's classes (declarations and named expressions), from the shared index. */
const classNamesOf = perFile((context): ReadonlySet<string> => new Set(fileIndex(context).classes.flatMap((node) => (node.id ? [node.id.name] : []))));

/** Functions a run of some roots reaches, and whether it runs code this file does not show. */
export interface Reach {
  functions: ReadonlySet<FunctionNode>;
  /** It hands `this` to a call, or runs code it cannot read (`super.stop()` of a package's class). */
  opaque: boolean;
  /** The members of `this` that code it runs in another file of ours reads: a base class's `stop()`. */
  foreignMembers: ReadonlySet<string>;
}

/**
 * Whether what `reach` runs outside this file may end the member `name` of `this` (any member,
 * without a name): it is opaque, or code of a base class in another file reads that member.
 * `stop() { return super.stop(); }` with a base whose `stop()` only clears its own timer ends no
 * `this.client`.
 */
export function mayEndElsewhere(reach: Reach, name?: string): boolean {
  return reach.opaque || (name === undefined ? reach.foreignMembers.size > 0 : reach.foreignMembers.has(name));
}

/** Whether `node` is written in one of `functions` (the nearest function around it that does not run on the spot). */
export function reachedIn(node: TSESTree.Node, functions: ReadonlySet<FunctionNode>): boolean {
  for (let current = node.parent; current; current = current.parent) {
    // A `new Promise` executor or an IIFE runs as part of the function around it (`close() { return new Promise((resolve) => { this.conn.close(); … }); }`).
    if (isFunctionNode(current) && (functions.has(current) || !runsImmediately(current))) return functions.has(current);
  }
  return false;
}

/**
 * Whether the class's or object's teardown (`destroy()`, `close()`, …, and what it runs) calls one
 * of `calls`: `destroy() { this.port.close(); }` ends the member, and every listener on it.
 */
export function teardownRuns(context: AnalysisContext, holder: Holder, calls: readonly TSESTree.Node[]): boolean {
  const teardown = teardownOf(holder);
  if (!teardown || calls.length === 0) return false;
  const reach = reachFrom(context, holder, [teardown.fn]);
  return calls.some((call) => reachedIn(call, reach.functions));
}

/**
 * Every function of the holder that running `roots` runs, following `this.method()`,
 * `self.method()` and `super.method()` calls: `stop() { this.closeAll(); }` → `stop`, `closeAll`.
 * A base class's method in another file of ours is read too (its `this.hook()` calls back into the
 * holder's overrides): what it reads of `this` is {@link Reach.foreignMembers}.
 */
export function reachFrom(context: AnalysisContext, holder: Holder, roots: readonly FunctionNode[]): Reach {
  const functions = new Set<FunctionNode>();
  const foreign = new Set<FunctionNode>();
  const foreignMembers = new Set<string>();
  let opaque = false;
  const queue: ClassMethodIn[] = roots.map((fn) => ({ context, fn }));
  for (let item = queue.pop(); item && functions.size + foreign.size < 64; item = queue.pop()) {
    const { context: at, fn } = item;
    const local = at === context;
    const seen = local ? functions : foreign;
    if (seen.has(fn)) continue;
    seen.add(fn);
    walk(fn.body, (node) => {
      if (!local && node.type === AST_NODE_TYPES.MemberExpression && isThisLike(at, skipTypeWrappers(node.object))) {
        const name = memberName(node);
        if (name === undefined) opaque = true;
        else foreignMembers.add(name);
      }
      if (!local && node.type === AST_NODE_TYPES.ThisExpression) {
        const read = thisReadBy(node);
        if (read === undefined) opaque = true;
        else for (const name of read) foreignMembers.add(name);
      }
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = skipTypeWrappers(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const name = memberName(callee);
          const object = skipTypeWrappers(callee.object);
          if (name !== undefined && object.type === AST_NODE_TYPES.Super) {
            const method = holder.body && superMethod(at, fn, name);
            if (method) queue.push(method);
            else opaque = true;
          } else if (name !== undefined && isThisLike(at, object)) {
            // What the instance runs: the holder's own (or overriding) method, else a base's in another file.
            const own = holder.method(name);
            const method = own ? { context, fn: own } : inheritedFromOtherFile(context, holder, name);
            if (method) queue.push(method);
            else if (!local || (holder.unseenBase && holder.teardownNames.includes(name))) opaque = true;
          }
        }
        // `cleanup(this)`: the whole object handed on (not `fn.call(this, …)`, which only binds it).
        const bindsThis = protocols.bindsThis.includes(methodCallParts(node)?.method ?? '');
        if (!bindsThis && node.arguments.some((argument) => skipTypeWrappers(argument).type === AST_NODE_TYPES.ThisExpression)) opaque = true;
      }
      return true;
    });
  }
  return { functions, opaque, foreignMembers };
}

/**
 * The members a use of `this` reads, when it reads them by name: `this.client` → none here (the
 * member expression is read on its own), `const { client } = this` → `client`, `const self = this`
 * → none (the alias's reads are); `undefined` for any other use (`Object.values(this)`, `helper(this)`).
 */
function thisReadBy(node: TSESTree.ThisExpression): readonly string[] | undefined {
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) return [];
  if (parent.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== node) return undefined;
  if (parent.id.type === AST_NODE_TYPES.Identifier) return [];
  if (parent.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const names: string[] = [];
  for (const property of parent.id.properties) {
    const name = property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
    if (name === undefined) return undefined;
    names.push(name);
  }
  return names;
}

/** A class method and the file it is written in (another file's, for a base class of ours). */
interface ClassMethodIn {
  context: AnalysisContext;
  fn: FunctionNode;
}

/** `super.stop()` inside a method: the base class's `stop`, in this file or another of ours. */
function superMethod(context: AnalysisContext, fn: FunctionNode, name: string): ClassMethodIn | undefined {
  let method: TSESTree.Node | undefined = fn;
  while (method && method.type !== AST_NODE_TYPES.MethodDefinition) method = method.parent;
  if (!method) return undefined;
  const body = method.parent as TSESTree.ClassBody;
  const base = baseClassBody(context, body);
  if (base) return methodIn(context, base, name, 0);
  const other = otherFileBase(context, body);
  return other && methodIn(other.context, other.body, name, 0);
}

/** `this.stop()` where the holder's classes in this file have no `stop`: the one a base class of another file of ours has. */
function inheritedFromOtherFile(context: AnalysisContext, holder: Holder, name: string): ClassMethodIn | undefined {
  const last = holder.classBodies?.at(-1);
  const other = last && otherFileBase(context, last);
  return other && methodIn(other.context, other.body, name, 0);
}

/** The method `name` of a class: its own, or a base class's, in its file or in another of ours. */
function methodIn(context: AnalysisContext, body: TSESTree.ClassBody, name: string, depth: number): ClassMethodIn | undefined {
  const found = findMethod(context, body, name, 0);
  if (found) return { context, fn: found.value };
  let last = body;
  for (let base = baseClassBody(context, last), n = 0; base && n < 8; base = baseClassBody(context, base), n++) last = base;
  const other = depth < 4 ? otherFileBase(context, last) : undefined;
  return other && methodIn(other.context, other.body, name, depth + 1);
}

/** A class body and the file it is written in. */
interface ClassBodyIn {
  context: AnalysisContext;
  body: TSESTree.ClassBody;
}

const otherFileBases = new WeakMap<TSESTree.ClassBody, ClassBodyIn | null>();

/** `class Etcd3Discoverer extends BaseDiscoverer` with `const BaseDiscoverer = require('./base')`: that class, in its file. */
function otherFileBase(context: AnalysisContext, body: TSESTree.ClassBody): ClassBodyIn | undefined {
  const cached = otherFileBases.get(body);
  if (cached !== undefined) return cached ?? undefined;
  const superClass = body.parent.superClass;
  const imported = superClass?.type === AST_NODE_TYPES.Identifier && !classNamesOf(context).has(superClass.name) ? importedName(context.sourceCode, superClass) : undefined;
  const base = imported?.module.startsWith('.') ? importedClass(context, imported.module, imported.name, 'base') : undefined;
  const found = base && base.node.type !== AST_NODE_TYPES.FunctionDeclaration ? { context: base.context, body: base.node.body } : undefined;
  otherFileBases.set(body, found ?? null);
  return found;
}

/** `this`, or a variable only ever set to it (`const self = this`). */
export function isThisLike(context: AnalysisContext, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ThisExpression) return true;
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const aliases = thisAliases(context);
  if (aliases && !aliases.has(node.name)) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
  const defs = variable?.defs ?? [];
  return (
    defs.length === 1 &&
    defs[0]?.node.type === AST_NODE_TYPES.VariableDeclarator &&
    defs[0].node.init?.type === AST_NODE_TYPES.ThisExpression &&
    variable?.references.every((reference) => reference.init || !reference.isWrite()) === true
  );
}

/**
 * The names declared `= this` in the file (`const self = this`), from the shared index, so that
 * most identifiers need no scope lookup; `undefined` when a pattern is (`const { a } = this`).
 */
const thisAliases = perFile((context): ReadonlySet<string> | undefined => {
  const names = new Set<string>();
  for (const node of fileIndex(context).membersAndDeclarators) {
    if (node.type !== AST_NODE_TYPES.VariableDeclarator || node.init?.type !== AST_NODE_TYPES.ThisExpression) continue;
    if (node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    names.add(node.id.name);
  }
  return names;
});

/** The function whose `this` a node sees: the nearest enclosing non-arrow function. */
export function thisFunction(node: TSESTree.Node): FunctionNode | undefined {
  let fn = enclosingFunction(node);
  while (fn?.type === AST_NODE_TYPES.ArrowFunctionExpression) fn = enclosingFunction(fn);
  return fn;
}

/** `this.timer = setInterval(…)`: the member of `this` a start's result is stored in. */
export function storedOnThis(start: TSESTree.Node): { member: TSESTree.MemberExpression; name: string } | undefined {
  const value = outermostWrapper(start, { throughAwait: true });
  const assignment = value.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== value || assignment.operator !== '=') return undefined;
  const left = skipTypeWrappers(assignment.left);
  if (left.type !== AST_NODE_TYPES.MemberExpression || referenceRoot(left)?.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  if (skipTypeWrappers(left.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = memberName(left);
  return name === undefined ? undefined : { member: left, name };
}

/**
 * A start a factory method returns, stored on `this` by the methods that call it:
 * `createClient() { return new Redis(); }` with `connect() { this.pub = this.createClient(); this.sub = this.createClient(); }`
 * → `this.pub` and `this.sub`. Only when every call of the factory in the class stores its result.
 */
export function storedThroughFactory(
  start: TSESTree.Node,
  factory: TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression },
): { member: TSESTree.MemberExpression; name: string }[] | undefined {
  let value: TSESTree.Node = start;
  while (value.parent && (value.parent.type === AST_NODE_TYPES.AwaitExpression || skipTypeWrappers(value.parent) !== value.parent)) {
    value = value.parent;
  }
  if (!returnedBy(value, factory.value)) return undefined;
  const key = factory.key;
  const name = factory.computed ? undefined : key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${key.name}` : key.type === AST_NODE_TYPES.Identifier ? key.name : undefined;
  if (name === undefined) return undefined;
  const stored: { member: TSESTree.MemberExpression; name: string }[] = [];
  for (const call of thisCallsIn(factory.parent).get(name) ?? []) {
    const slot = storedOnThis(call);
    if (!slot) return undefined;
    stored.push(slot);
  }
  return stored.length > 0 ? stored : undefined;
}

/**
 * Whether `fn` returns the value: `return new Redis();`, or a `const` it is kept in and returned
 * (`const sub = new Redis(); sub.on(…); return sub;`), the function's every `return` handing that local.
 */
function returnedBy(value: TSESTree.Node, fn: FunctionNode): boolean {
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) return enclosingFunction(parent) === fn;
  if (
    parent?.type !== AST_NODE_TYPES.VariableDeclarator ||
    parent.init !== value ||
    parent.id.type !== AST_NODE_TYPES.Identifier ||
    parent.parent.kind !== 'const' ||
    enclosingFunction(parent) !== fn
  ) {
    return false;
  }
  const name = parent.id.name;
  const returns = returnedValues(fn);
  return returns.length > 0 && returns.every((returned) => returned.type === AST_NODE_TYPES.Identifier && returned.name === name);
}

const thisCallsByClass = new WeakMap<TSESTree.ClassBody, ReadonlyMap<string, readonly TSESTree.CallExpression[]>>();

/**
 * Every `this.name(…)` call in a class body, by name, in the order a walk meets them; one walk
 * per class, however many of its methods are asked about.
 */
function thisCallsIn(body: TSESTree.ClassBody): ReadonlyMap<string, readonly TSESTree.CallExpression[]> {
  const cached = thisCallsByClass.get(body);
  if (cached) return cached;
  const calls = new Map<string, TSESTree.CallExpression[]>();
  walk(body, (node) => {
    if (
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.MemberExpression &&
      node.callee.object.type === AST_NODE_TYPES.ThisExpression
    ) {
      const name = memberName(node.callee);
      if (name === undefined) return;
      let list = calls.get(name);
      if (!list) calls.set(name, (list = []));
      list.push(node);
    }
  });
  thisCallsByClass.set(body, calls);
  return calls;
}

export function memberName(member: TSESTree.MemberExpression): string | undefined {
  return member.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.property.name}` : staticMemberName(member);
}
