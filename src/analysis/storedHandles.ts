import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { protocols } from './families/language';
import type { HandleEnd } from './apis';
import { enclosingFunction, isFunctionNode, isInside, isReassigned, outermostWrapper, skipTypeWrappers, staticMemberName, walk } from './ast';
import type { AnalysisContext } from './fileCache';
import { perFile } from './fileCache';
import type { CollectionSlot, EntryMemberSlot } from './collectionSlots';
import { collectionSlot, entriesLeaveFile, entriesUse, entryMemberSlot } from './collectionSlots';
import { fileIndex } from './fileIndex';
import { handleUse } from './handleFate';
import { handOverMayEnd } from './handOver';
import { enclosingClassBody } from './classMembers';
import { importedName } from './imports';
import { outerSlot } from './outerSlot';
import { classHolder, isThisLike, memberName, methodKeyName } from './teardown';

/**
 * Where a start's handle is kept past the function that started it: a member of `this` (or of
 * `self = this`), or a variable of an outer function or the module.
 */
export type Slot =
  /**
   * `local`: the variable the start was kept in before it was stored (`const s = …; this.s = s`).
   * `node` is the class field itself when its initialiser stores it (`timer = setInterval(…)`).
   */
  | { kind: 'member'; name: string; text: string; node: TSESTree.MemberExpression | InstanceField; local?: TSLintVariable }
  | { kind: 'variable'; name: string; text: string; node: TSESTree.Identifier; variable: TSLintVariable }
  /** Entries of a collection: `this.sockets.set(id, socket)`, `watchers.push(watcher)`. */
  | CollectionSlot
  /** A member of a collection's entries: `items.forEach((item) => { item.watcher = fs.watch(…); })`. */
  | EntryMemberSlot;

type TSLintVariable = TSESLint.Scope.Variable;

/**
 * The slot a start's handle is stored in:
 *
 * ```ts
 * this.timer = setInterval(poll, 1000); // → member `timer`
 * let timer; function start() { timer = setInterval(poll, 1000); } // → variable `timer`
 * ```
 */
export function storedSlot(context: AnalysisContext, start: TSESTree.Node): Slot | undefined {
  let value: TSESTree.Node = start;
  while (value.parent && (value.parent.type === AST_NODE_TYPES.AwaitExpression || skipTypeWrappers(value.parent) !== value.parent)) {
    value = value.parent;
  }
  const field = instanceFieldStoring(value);
  if (field) return field;
  const handed = storedByThen(context, value) ?? storedThroughLocal(context, value) ?? collectionSlot(context, value, start);
  if (handed) return handed;
  let assignment = value.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== value || assignment.operator !== '=') return undefined;
  // `this._consumer = attempt.consumer = client.consumer()`: the member of `this` in the chain.
  while (
    !isThisMember(context, assignment.left) &&
    assignment.parent.type === AST_NODE_TYPES.AssignmentExpression &&
    assignment.parent.operator === '=' &&
    assignment.parent.right === assignment
  ) {
    assignment = assignment.parent;
  }
  // A local of the function that starts it is followed as a local, not as a slot.
  const left = skipTypeWrappers(assignment.left);
  return outerSlot(context, left, enclosingFunction(start)) ?? entryMemberSlot(context, left, enclosingFunction(start));
}

/** A class field of each instance, named in code: `timer = setInterval(…)`, `#watcher = chokidar.watch(…)`. */
export type InstanceField = TSESTree.PropertyDefinition & { static: false; computed: false };

/**
 * `class Poller { timer = setInterval(() => this.poll(), 1000); }`: a field initialiser runs once
 * per instance, as the constructor does, and keeps its value on the instance as `this.timer = …`
 * would. A static field is the class's own, kept for the program: not an instance's.
 */
function instanceFieldStoring(value: TSESTree.Node): Slot | undefined {
  const field = value.parent;
  if (field?.type !== AST_NODE_TYPES.PropertyDefinition || field.value !== value || field.static || field.computed) return undefined;
  const name = field.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${field.key.name}` : field.key.type === AST_NODE_TYPES.Identifier ? field.key.name : undefined;
  return name === undefined ? undefined : { kind: 'member', name, text: `this.${name}`, node: field as InstanceField };
}

/** The instance field whose initialiser is `node`, through type wrappers: `timer = setInterval(…) as Timeout`. */
export function instanceFieldOf(node: TSESTree.Node): InstanceField | undefined {
  const slot = instanceFieldStoring(outermostWrapper(node));
  return slot?.kind === 'member' && slot.node.type === AST_NODE_TYPES.PropertyDefinition ? slot.node : undefined;
}

/**
 * `connect().then((client) => { this.client = client; })`: the member the promise's callback
 * stores its value in, when that callback is an arrow (it shares `this`).
 */
function storedByThen(context: AnalysisContext, value: TSESTree.Node): Slot | undefined {
  const member = value.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value || staticMemberName(member) !== protocols.promiseValue) return undefined;
  const call = member.parent;
  const callback = call.type === AST_NODE_TYPES.CallExpression && call.callee === member ? call.arguments[0] : undefined;
  if (callback?.type !== AST_NODE_TYPES.ArrowFunctionExpression || callback.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const parameter = callback.params[0];
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return undefined;
  for (const statement of callback.body.body) {
    const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
    if (expression?.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') continue;
    const right = skipTypeWrappers(expression.right);
    const left = skipTypeWrappers(expression.left);
    if (right.type !== AST_NODE_TYPES.Identifier || right.name !== parameter.name || left.type !== AST_NODE_TYPES.MemberExpression) continue;
    const name = memberName(left);
    if (name !== undefined && isThisLike(context, skipTypeWrappers(left.object))) return { kind: 'member', name, text: `this.${name}`, node: left };
  }
  return undefined;
}

/**
 * `const server = net.createServer(f); …; this.server = server;`: the member a local holding the
 * start is stored in, when the local is never assigned again and stored on `this` just once.
 */
function storedThroughLocal(context: AnalysisContext, value: TSESTree.Node): Slot | undefined {
  const stores = membersThroughLocal(context, value);
  return stores.length === 1 ? stores[0] : undefined;
}

/**
 * Every member of `this` a start is stored in through the local holding it, and the collection it
 * is also added to, when there is more than one: the same handle under several names, ended when
 * any of them is.
 *
 * ```js
 * const client = new Redis(); this._client = client; client.on('ready', () => { this.client = client; });
 * // → this._client, this.client
 * ```
 */
export function storedAliases(context: AnalysisContext, start: TSESTree.Node): Slot[] {
  let value: TSESTree.Node = start;
  while (value.parent && (value.parent.type === AST_NODE_TYPES.AwaitExpression || skipTypeWrappers(value.parent) !== value.parent)) {
    value = value.parent;
  }
  const stores = membersThroughLocal(context, value);
  // `this._channels[name] = channel; if (isDefault) this._channel = channel;`: an entry of a collection too.
  const entry = stores.length > 0 ? collectionSlot(context, value, start) : undefined;
  const all = entry ? [...stores, entry] : stores;
  return all.length > 1 ? all : [];
}

function membersThroughLocal(context: AnalysisContext, value: TSESTree.Node): Slot[] {
  const declarator = value.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value || declarator.id.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(declarator.id), declarator.id);
  if (!variable || isReassigned(variable)) return [];
  // `const p = this.createClient(); this.p = p; const client = await p;`: the member keeps a
  // promise; the handle itself goes where its settled value goes.
  if (value.type !== AST_NODE_TYPES.AwaitExpression && variable.references.some((reference) => readsSettledValue(reference.identifier))) return [];
  return variable.references.flatMap((reference): Slot[] => {
    const use = outermostWrapper(reference.identifier);
    const assignment = use.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== use || assignment.operator !== '=') return [];
    const left = skipTypeWrappers(assignment.left);
    if (left.type !== AST_NODE_TYPES.MemberExpression || !isThisLike(context, skipTypeWrappers(left.object))) return [];
    const name = memberName(left);
    return name === undefined ? [] : [{ kind: 'member', name, text: `this.${name}`, node: left, local: variable }];
  });
}

/** `await p`, `p.then(f)`, `p.catch(f)`: a read of what the promise in `p` settles to. */
function readsSettledValue(identifier: TSESTree.Node): boolean {
  const use = outermostWrapper(identifier);
  const parent = use.parent;
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) return true;
  return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use && protocols.promiseCallbacks.includes(staticMemberName(parent) ?? '');
}

function isThisMember(context: AnalysisContext, node: TSESTree.Node): boolean {
  const inner = skipTypeWrappers(node);
  return inner.type === AST_NODE_TYPES.MemberExpression && isThisLike(context, skipTypeWrappers(inner.object));
}

/**
 * Every place in the file that ends what the slot holds or hands it on: `clearInterval(this.timer)`,
 * `this.client.quit()`, `Promise.all(this.subs.map((s) => s.unsubscribe()))`, `release(this.conn)`,
 * `const { timer } = this`. Tests, reads and writes (`if (this.timer)`, `this.timer = null`) are
 * not ends.
 */
export function slotEnds(context: AnalysisContext, slot: Slot, ends: HandleEnd): TSESTree.Node[] {
  if (slot.kind === 'entryMember') {
    // `item.watcher.close()` on any entry, anywhere in the file; or the entries handed out of it.
    const { collection } = slot;
    const holding = collection.kind === 'variable' ? collection.variable.references.filter((reference) => !reference.init).map((reference) => reference.identifier) : thisMemberUses(context, collection.name);
    return [
      ...(membersByName(context).get(slot.name) ?? []).filter((use) => use.type === AST_NODE_TYPES.Property || (use !== slot.node && mayEnd(context, use, ends))),
      ...holding.filter((use) => use !== collection.node && entriesLeaveFile(context, use, ends)),
    ];
  }
  if (slot.kind === 'collection') {
    const local = (slot.local?.references ?? []).map((reference) => reference.identifier).filter((use) => handleUse(use, ends) === 'ended');
    return [...local, ...collectionUses(context, slot).filter((use) => use.type === AST_NODE_TYPES.Property || entriesUse(context, use, ends) !== 'used')];
  }
  if (slot.kind === 'member') {
    // The local it was kept in before: `server.close()` ends it too (storing it again does not).
    const local = (slot.local?.references ?? []).map((reference) => reference.identifier).filter((use) => handleUse(use, ends) === 'ended');
    return [
      ...local,
      ...(thisMembers(context).get(slot.name) ?? []).filter(
        (use) => use.type === AST_NODE_TYPES.Property || (use !== slot.node && mayEnd(context, use, ends) && mayBeSameInstance(context, use, slot.node)),
      ),
    ];
  }
  return slot.variable.references
    .filter((reference) => reference.isRead() && reference.identifier !== slot.node)
    .map((reference) => reference.identifier)
    .filter((use) => mayEnd(context, use, ends));
}

/** An end of the handle, or a hand-over to an owner that may end it (one the file shows must). */
function mayEnd(context: AnalysisContext, use: TSESTree.Node, ends: HandleEnd): boolean {
  const fate = handleUse(use, ends);
  return fate === 'ended' || (fate === 'handedOver' && handOverMayEnd(context, use, ends));
}

/** Every use of a collection slot in the file but the add: `this.sockets`, `const { sockets } = this`, `watchers`. */
export function collectionUses(context: AnalysisContext, slot: CollectionSlot): (TSESTree.Node | TSESTree.Property)[] {
  if (slot.variable) return slot.variable.references.filter((reference) => !reference.init && reference.identifier !== slot.node).map((reference) => reference.identifier);
  return (thisMembers(context).get(slot.name) ?? []).filter((use) => use !== slot.node);
}

type MemberUse = TSESTree.MemberExpression | TSESTree.Property;

/** `add(name, node)` appending to `map`'s list for `name` (no name, nothing added). */
const listAdder =
  (map: Map<string, MemberUse[]>) =>
  (name: string | undefined, node: MemberUse): void => {
    if (name === undefined) return;
    let list = map.get(name);
    if (!list) map.set(name, (list = []));
    list.push(node);
  };

/** Each plain `name` of `const { name } = …`, with its property. */
function addDestructured(pattern: TSESTree.ObjectPattern, add: (name: string, node: MemberUse) => void): void {
  for (const property of pattern.properties) {
    if (property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier && !property.computed) add(property.key.name, property);
  }
}

/**
 * Every `this.name` (and `self.name` with `const self = this`) in the file by name, and every
 * `const { name } = this`, from the file's shared index.
 */
const thisMembers = perFile((context): ReadonlyMap<string, readonly (TSESTree.MemberExpression | TSESTree.Property)[]> => {
  const nodes = fileIndex(context).membersAndDeclarators;
  const aliases = new Set<string>();
  for (const node of nodes) {
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init?.type === AST_NODE_TYPES.ThisExpression && node.id.type === AST_NODE_TYPES.Identifier) {
      aliases.add(node.id.name);
    }
  }
  const members = new Map<string, (TSESTree.MemberExpression | TSESTree.Property)[]>();
  const add = listAdder(members);
  const getters = getterMembers(context);
  for (const node of nodes) {
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const object = skipTypeWrappers(node.object);
      if (object.type === AST_NODE_TYPES.ThisExpression || (object.type === AST_NODE_TYPES.Identifier && aliases.has(object.name) && isThisLike(context, object))) {
        const name = memberName(node);
        add(name, node);
        // `this.connection` with `get connection() { return this._connection; }` reads `this._connection`,
        // in the getter's own class and in its subclasses that do not declare the name again
        // (another class's `this.connection` is its own).
        const read = name === undefined ? undefined : getters.get(name)?.find((getter) => isInside(node, getter.body) || inheritsMember(context, node, getter.body, name));
        if (read !== undefined) add(read.member, node);
      }
    }
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.ObjectPattern && node.init && isThisLike(context, node.init)) {
      addDestructured(node.id, add);
    }
  }
  return members;
});

/**
 * Whether `this.timer` at `use` may be the member `this.timer` at `stored` holds: not when each is
 * in a class of its own and neither class extends the other (`clearInterval(this.timer)` in
 * another class of the file ends that class's timer). One read through an alias (`self.timer`
 * with `const self = this` in an outer class's method) is not the instance of the class around it.
 */
function mayBeSameInstance(context: AnalysisContext, use: TSESTree.Node, stored: TSESTree.Node): boolean {
  if (!readsOwnThis(use) || !readsOwnThis(stored)) return true;
  // The class whose instance `this` is, as far as syntax says: the nearest one around it.
  const useClass = enclosingClassBody(use);
  const storedClass = enclosingClassBody(stored);
  if (!useClass || !storedClass || useClass === storedClass) return true;
  const extendsOther = (body: TSESTree.ClassBody, base: TSESTree.ClassBody): boolean => (classHolder(context, body).classBodies ?? []).includes(base);
  return extendsOther(useClass, storedClass) || extendsOther(storedClass, useClass) || extendsAnyClass(context, useClass) || extendsAnyClass(context, storedClass);
}

/**
 * Whether `body`'s chain ends at a base this file does not resolve that may still be one of its
 * classes: a mixin's `extends B` (a parameter), `extends withLogging(Base)`, `extends Impl` with
 * `const Impl = Base`, `extends (Base as Ctor)`. Not a global's or a module's (`extends
 * HTMLElement`, `extends EventEmitter`): that one is no class of this file.
 */
function extendsAnyClass(context: AnalysisContext, body: TSESTree.ClassBody): boolean {
  const holder = classHolder(context, body);
  const superClass = holder.unseenBase ? holder.classBodies?.at(-1)?.parent.superClass : undefined;
  if (!superClass) return false;
  let root: TSESTree.Node = skipTypeWrappers(superClass);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipTypeWrappers(root.object);
  if (root.type === AST_NODE_TYPES.CallExpression) return !(root.callee.type === AST_NODE_TYPES.Identifier && root.callee.name === 'require');
  if (root.type !== AST_NODE_TYPES.Identifier) return true;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(root), root);
  return variable !== null && variable.defs.length > 0 && importedName(context.sourceCode, root) === undefined;
}

/** `this.timer` or a class field: the member of the `this` where it is written, not of an alias's. */
function readsOwnThis(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.PropertyDefinition || (node.type === AST_NODE_TYPES.MemberExpression && skipTypeWrappers(node.object).type === AST_NODE_TYPES.ThisExpression);
}

/**
 * Whether `node` is in a subclass (of this file) of the class `base`, and neither it nor a class
 * between them declares `name` again: `this.client` in `class Worker extends Base {}` is Base's getter.
 */
function inheritsMember(context: AnalysisContext, node: TSESTree.Node, base: TSESTree.ClassBody, name: string): boolean {
  const body = enclosingClassBody(node);
  if (!body || body === base) return false;
  const chain = classHolder(context, body).classBodies ?? [];
  const at = chain.indexOf(base);
  const declares = (between: TSESTree.ClassBody): boolean =>
    between.body.some(
      (element) =>
        (element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition || element.type === AST_NODE_TYPES.AccessorProperty) &&
        !element.static &&
        !element.computed &&
        element.key.type === AST_NODE_TYPES.Identifier &&
        element.key.name === name,
    );
  return at > 0 && !chain.slice(0, at).some(declares);
}

/**
 * The member of `this` each getter of the file's classes returns, when it returns nothing else
 * (guards before the return aside): `get connection() { if (!this._conn) throw …; return this._conn; }`
 * → `connection` → `_conn`, in that class's body. A getter that also has a setter, or whose name an
 * assignment in its class writes as a field, stands for no member.
 */
const getterMembers = perFile((context): ReadonlyMap<string, readonly { member: string; body: TSESTree.ClassBody }[]> => {
  const getters = new Map<string, { member: string; body: TSESTree.ClassBody }[]>();
  const written = fileIndex(context).membersAndDeclarators.filter(
    (node): node is TSESTree.MemberExpression =>
      node.type === AST_NODE_TYPES.MemberExpression && node.parent.type === AST_NODE_TYPES.AssignmentExpression && node.parent.left === node,
  );
  for (const method of fileIndex(context).methods) {
    const key = methodKeyName(method);
    if (key === undefined || method.kind !== 'get' || method.parent.type !== AST_NODE_TYPES.ClassBody) continue;
    const body = method.parent;
    const member = returnedThisMember(context, method.value);
    const setter = body.body.some((other) => other.type === AST_NODE_TYPES.MethodDefinition && other.kind === 'set' && methodKeyName(other) === key);
    const writes = written.some((node) => memberName(node) === key && isInside(node, body));
    if (member === undefined || member === key || setter || writes) continue;
    getters.set(key, [...(getters.get(key) ?? []), { member, body }]);
  }
  return getters;
});

/** The member of `this` every `return` of `fn` returns, when there is one and nothing else is returned. */
function returnedThisMember(context: AnalysisContext, fn: TSESTree.FunctionExpression | TSESTree.TSEmptyBodyFunctionExpression): string | undefined {
  if (!fn.body) return undefined;
  const names = new Set<string | undefined>();
  walk(fn.body, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type !== AST_NODE_TYPES.ReturnStatement) return true;
    const value = node.argument && skipTypeWrappers(node.argument);
    names.add(value?.type === AST_NODE_TYPES.MemberExpression && isThisLike(context, skipTypeWrappers(value.object)) ? memberName(value) : undefined);
    return false;
  });
  return names.size === 1 ? [...names][0] : undefined;
}

/**
 * Every `x.name` in the file by name, whatever `x` is, and every `const { name } = x`: where a
 * member of many objects (`item.watcher` of each entry) may be ended.
 */
const membersByName = perFile((context): ReadonlyMap<string, readonly (TSESTree.MemberExpression | TSESTree.Property)[]> => {
  const members = new Map<string, (TSESTree.MemberExpression | TSESTree.Property)[]>();
  const add = listAdder(members);
  for (const node of fileIndex(context).membersAndDeclarators) {
    if (node.type === AST_NODE_TYPES.MemberExpression) add(memberName(node), node);
    else if (node.id.type === AST_NODE_TYPES.ObjectPattern && node.init) addDestructured(node.id, add);
  }
  return members;
});

/** Every `this.name` member expression in the file (not destructurings): `this.start()`, `self.start`. */
export function thisMemberUses(context: AnalysisContext, name: string): TSESTree.MemberExpression[] {
  return (thisMembers(context).get(name) ?? []).filter((use): use is TSESTree.MemberExpression => use.type === AST_NODE_TYPES.MemberExpression);
}

/** The names of every `this.name` in the file. */
export function thisMemberNames(context: AnalysisContext): Iterable<string> {
  return thisMembers(context).keys();
}
