import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from './estree';

import { protocols } from './families/language';
import type { BuiltinObjectKind, HandleEnd } from './apis';
import { arrayIterationMethods, builtinMethods, repeatingEvents } from './apis';
import { eventEmitter } from './families/eventEmitter';
import type { FunctionNode } from './ast';
import { enclosingFunction, functionName, isFunctionNode, isReassigned, outermostWrapper, skipTypeWrappers, stableReferenceText, startLine, staticMemberName, walk } from './ast';
import type { AnalysisContext } from './fileCache';
import { handleUse } from './handleFate';
import { usesOf } from './lifetime';
import type { OuterSlot } from './outerSlot';
import { outerSlot } from './outerSlot';
import { runningFunction } from './restartEvidence';
import type { Holder } from './teardown';
import { holderOf, isThisLike, memberName, thisFunction } from './teardown';

/** `on`, `addListener`: how a listener is added to an entry. */
const listenerAdds: ReadonlySet<string> = new Set(eventEmitter.emitterUses.addListener);

// A handle handed into a collection this file can see (`this.sockets.set(id, socket)`,
// `watchers.push(watcher)`) is ended by that collection's owner only if the owner's code ends what
// the collection holds. These are the facts judges/lifecycle.ts asks for such a slot.

type Variable = TSESLint.Scope.Variable;

/**
 * A collection that holds a start's handle: a member of `this`, or a variable of an outer function
 * or of the module. `node` is the collection at the add, `local` the variable the start was kept in.
 */
export interface CollectionSlot {
  kind: 'collection';
  name: string;
  text: string;
  node: TSESTree.Node;
  variable?: Variable;
  local?: Variable;
}

/**
 * The collection `value` (a start, or the local holding it) is added to: directly, through the
 * local it is kept in, or through a method of the same holder that adds its parameter.
 *
 * ```ts
 * const server = dgram.createSocket('udp4'); this.servers.push(server); // → this.servers
 * const socket = net.connect(port); this.addSocket(id, socket);         // addSocket: this.sockets.set(id, socket)
 * ```
 */
export function collectionSlot(context: AnalysisContext, value: TSESTree.Node, start: TSESTree.Node): CollectionSlot | undefined {
  const startFn = enclosingFunction(start);
  const direct = addedTo(context, value, startFn);
  if (direct) return direct;
  const declarator = value.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const local = ASTUtils.findVariable(context.sourceCode.getScope(declarator.id), declarator.id);
  if (!local || isReassigned(local)) return undefined;
  const slots = local.references.flatMap((reference) => {
    if (reference.init) return [];
    const use = outermostWrapper(reference.identifier);
    const slot = addedTo(context, use, startFn) ?? addedByHelper(context, use);
    return slot ? [slot] : [];
  });
  const slot = slots.length === 1 ? slots[0] : undefined;
  return slot && { ...slot, local };
}

/**
 * `C.push(value)`, `C.set(key, value)`, `C.add(value)`, or `C[key] = value` (a record kept as a
 * map), with `C` a member of `this` or an outer variable.
 */
function addedTo(context: AnalysisContext, value: TSESTree.Node, startFn: FunctionNode | undefined): CollectionSlot | undefined {
  const assignment = value.parent;
  if (assignment?.type === AST_NODE_TYPES.AssignmentExpression) {
    const entry = skipTypeWrappers(assignment.left);
    if (assignment.operator !== '=' || assignment.right !== value || entry.type !== AST_NODE_TYPES.MemberExpression || !entry.computed) return undefined;
    if (staticMemberName(entry) !== undefined) return undefined;
    return asCollection(outerSlot(context, skipTypeWrappers(entry.object), startFn));
  }
  const call = value.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === value) return undefined;
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = staticMemberName(callee);
  if (method === undefined || !protocols.collectionAdds.includes(method)) return undefined;
  // `map.set(key, value)`: the value is the last argument; `list.push(a, b)`: any.
  if (method === 'set' ? call.arguments[1] !== value : !call.arguments.includes(value as TSESTree.CallExpressionArgument)) return undefined;
  // A collection of the function that starts it dies with that function's run, or is handed on.
  return asCollection(outerSlot(context, skipTypeWrappers(callee.object), startFn));
}

function asCollection(slot: OuterSlot | undefined): CollectionSlot | undefined {
  return slot && { kind: 'collection', name: slot.name, text: slot.text, node: slot.node, ...(slot.kind === 'variable' && { variable: slot.variable }) };
}

/** `this.addSocket(id, socket)` where the holder's `addSocket(id, socket)` adds `socket` to a collection. */
function addedByHelper(context: AnalysisContext, use: TSESTree.Node): CollectionSlot | undefined {
  const call = use.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const index = call.arguments.indexOf(use as TSESTree.CallExpressionArgument);
  const callee = skipTypeWrappers(call.callee);
  if (index < 0 || callee.type !== AST_NODE_TYPES.MemberExpression || !isThisLike(context, skipTypeWrappers(callee.object))) return undefined;
  const caller = thisFunction(call);
  const name = memberName(callee);
  const helper = caller && name !== undefined ? holderOf(context, caller)?.method(name) : undefined;
  const parameter = helper?.params[index];
  if (!helper || parameter?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = context.sourceCode.getDeclaredVariables(helper).find((candidate) => candidate.name === parameter.name);
  if (!variable || isReassigned(variable)) return undefined;
  const slots = variable.references.flatMap((reference) => {
    const slot = addedTo(context, outermostWrapper(reference.identifier), helper);
    return slot ? [slot] : [];
  });
  return slots.length === 1 ? slots[0] : undefined;
}

/**
 * What one use of a collection does with its entries: ends them (`sockets.forEach((s) => s.destroy())`,
 * `for (const w of watchers.values()) w.close()`, `sockets.get(id)?.destroy()`), hands them on
 * (`closeAll(this.sockets)`, `return this.sockets`: their new owner is trusted), or only uses the
 * collection (`sockets.size`, `sockets.delete(id)`, `if (list.length)`).
 *
 * `this.servers.forEach((server) => server.close())` → `'ended'`; `this.servers = []` → `'used'`.
 */
export function entriesUse(context: AnalysisContext, collection: TSESTree.Node, ends: HandleEnd, depth = 0): 'ended' | 'handedOver' | 'used' {
  if (depth > 4) return 'handedOver';
  const node = outermostWrapper(collection);
  const parent = node.parent;
  if (!parent) return 'used';
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    const call = parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent ? parent.parent : undefined;
    const method = staticMemberName(parent);
    // `list[i]`, `record[key]`: one entry, unless it is written.
    if (!call && parent.computed && method === undefined) {
      const assigned = parent.parent.type === AST_NODE_TYPES.AssignmentExpression && parent.parent.left === parent;
      return assigned ? 'used' : entryUse(context, parent, ends, depth);
    }
    if (!call || method === undefined) return 'used';
    // `this.subscriptions.unsubscribe()`: a composite that ends what it holds; a method no collection
    // has (`this.pool.drain()`): an object whose own code may end its entries.
    if (ends.methods.includes(method)) return 'ended';
    if (!builtinMethods.has(method) || protocols.collectionFolds.includes(method)) return 'handedOver';
    const fates: ('ended' | 'handedOver' | 'used')[] = [];
    if (arrayIterationMethods.has(method)) {
      const callback = call.arguments[0];
      fates.push(isFunctionNode(callback) ? bindingUse(context, callback.params[0], ends, depth) : 'handedOver');
    }
    if (protocols.collectionLookups.includes(method)) fates.push(entryUse(context, call, ends, depth));
    if (protocols.collectionViews.includes(method)) fates.push(entriesUse(context, call, ends, depth + 1));
    return strongest(fates);
  }
  if (parent.type === AST_NODE_TYPES.ForOfStatement && parent.right === node) return loopUse(context, parent, ends, depth);
  // `Object.values(this.channels)`: a new array of the same entries, whose uses decide.
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === node && copiesEntries(parent)) return entriesUse(context, parent, ends, depth + 1);
  // `const list = this.sockets`: what the alias does with them.
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    return strongest(aliasReferences(context, parent).map((use) => entriesUse(context, use, ends, depth + 1)));
  }
  // A test or a write of the collection (`if (list.length)`, `list = []`), else handed on.
  return handleUse(node, ends) === 'used' ? 'used' : 'handedOver';
}

/**
 * `Object.values(c)`, `Object.entries(c)`, `Array.from(c)`: a call that copies a collection's entries
 * into an array. `Array.from(c, (t) => clearInterval(t))` also runs a function on each: handed on.
 */
function copiesEntries(call: TSESTree.CallExpression): boolean {
  if (call.arguments.length !== 1) return false;
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
  const { name } = callee.object;
  const method = staticMemberName(callee);
  return protocols.entryCopies.some((copy) => copy.global === name && copy.method === method);
}

/** What is done with one entry: `sockets.get(id).destroy()`, `const s = sockets.get(id); s.destroy()`. */
function entryUse(context: AnalysisContext, entry: TSESTree.Node, ends: HandleEnd, depth: number): 'ended' | 'handedOver' | 'used' {
  const node = outermostWrapper(entry, { throughAwait: true });
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) {
    if (parent.id.type !== AST_NODE_TYPES.Identifier) return 'handedOver';
    return strongest(aliasReferences(context, parent).map((use) => valueUse(context, use, ends, depth)));
  }
  return valueUse(context, node, ends, depth);
}

/** An entry's value: `[key, socket]` pairs read by index are followed too. */
function valueUse(context: AnalysisContext, node: TSESTree.Node, ends: HandleEnd, depth: number): 'ended' | 'handedOver' | 'used' {
  const outer = outermostWrapper(node);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer && parent.computed && staticMemberName(parent) === undefined) {
    return depth > 4 ? 'handedOver' : entryUse(context, parent, ends, depth + 1);
  }
  return handleUse(outer, ends);
}

/** A callback's or loop's binding of an entry: `(socket) => …`, `[key, socket]`, `{ watcher }` (not followed: trusted). */
function bindingUse(context: AnalysisContext, binding: TSESTree.Node | undefined, ends: HandleEnd, depth: number): 'ended' | 'handedOver' | 'used' {
  if (!binding) return 'used';
  if (binding.type === AST_NODE_TYPES.ArrayPattern) return bindingUse(context, binding.elements.at(-1) ?? undefined, ends, depth);
  if (binding.type !== AST_NODE_TYPES.Identifier) return 'handedOver';
  const declared = ASTUtils.findVariable(context.sourceCode.getScope(binding), binding);
  if (!declared) return 'handedOver';
  return strongest(declared.references.filter((reference) => !reference.init && !reference.isWrite()).map((reference) => valueUse(context, reference.identifier, ends, depth)));
}

/** `for (const socket of sockets)`, `for (const [id, socket] of sockets)`. */
function loopUse(context: AnalysisContext, loop: TSESTree.ForOfStatement, ends: HandleEnd, depth: number): 'ended' | 'handedOver' | 'used' {
  const left = loop.left;
  if (left.type !== AST_NODE_TYPES.VariableDeclaration) return 'handedOver';
  return bindingUse(context, left.declarations[0]?.id, ends, depth);
}

function aliasReferences(context: AnalysisContext, declarator: TSESTree.VariableDeclarator): TSESTree.Node[] {
  const variable = context.sourceCode.getDeclaredVariables(declarator)[0];
  if (!variable || isReassigned(variable)) return [declarator];
  return variable.references.filter((reference) => !reference.init).map((reference) => reference.identifier);
}

function strongest(fates: readonly ('ended' | 'handedOver' | 'used')[]): 'ended' | 'handedOver' | 'used' {
  if (fates.includes('ended')) return 'ended';
  return fates.includes('handedOver') ? 'handedOver' : 'used';
}

/** Where an entry is taken out unended: a method of the holder, or a listener on the entry itself. */
export type DroppedEntry = { by: 'method'; name: string } | { by: 'listener'; event: string; line: number };

/**
 * A function that takes an entry out of the collection without ending it, while holding it:
 * `removeSocket(id) { const s = this.sockets.get(id); this.sockets.delete(id); }`. Only a function
 * the holder calls by name from its own code counts, or a listener on the entry itself for an
 * event its family says fires again (`returns`: the entry's kind), so the entry is still running
 * when it fires; not one that runs when the entry has ended (its own 'close' or 'exit').
 *
 * ```js
 * this.workers.get(name).on('message', (m) => { if (m === 'done') this.workers.delete(name); }); // → 'message'
 * ```
 */
export function droppedEntry(
  context: AnalysisContext,
  uses: readonly TSESTree.Node[],
  ends: HandleEnd,
  holder: Holder | undefined,
  returns?: string,
): DroppedEntry | undefined {
  for (const use of uses) {
    const node = outermostWrapper(use);
    const member = node.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || staticMemberName(member) !== protocols.collectionRemove) continue;
    const removal = member.parent;
    if (removal.type !== AST_NODE_TYPES.CallExpression || removal.callee !== member) continue;
    const key = removal.arguments[0] && stableReferenceText(removal.arguments[0]);
    const at = runningFunction(removal);
    if (key === undefined || !at) continue;
    const held = uses.some((other) => {
      const lookup = lookupOf(other, key);
      if (!lookup || runningFunction(lookup) !== at) return false;
      return entryUse(context, lookup, ends, 0) === 'used';
    });
    if (!held) continue;
    const name = calledByName(context, at, holder) ? shortName(at) : undefined;
    if (name !== undefined) return { by: 'method', name };
    const event = returns === undefined ? undefined : entryListenerEvent(uses, key, at, returns);
    if (event !== undefined) return { by: 'listener', event, line: startLine(context.sourceCode, at) };
  }
  return undefined;
}

/** The event `fn` listens to on the entry under `key` (`coll.get(key).on('message', fn)`), when the entry's family says it fires again. */
function entryListenerEvent(uses: readonly TSESTree.Node[], key: string, fn: FunctionNode, returns: string): string | undefined {
  const again = repeatingEvents[returns as BuiltinObjectKind]?.again;
  if (!again) return undefined;
  for (const use of uses) {
    const lookup = lookupOf(use, key);
    const entry = lookup && outermostWrapper(lookup);
    const add = entry?.parent;
    if (add?.type !== AST_NODE_TYPES.MemberExpression || add.object !== entry || !listenerAdds.has(staticMemberName(add) ?? '')) continue;
    const call = add.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== add || call.arguments[1] !== fn) continue;
    const event = call.arguments[0];
    if (event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && again.has(event.value)) return event.value;
  }
  return undefined;
}

/** `sockets.get(key)` with the same key text. */
function lookupOf(use: TSESTree.Node, key: string): TSESTree.CallExpression | undefined {
  const node = outermostWrapper(use);
  const member = node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || staticMemberName(member) !== protocols.collectionLookups[0]) return undefined;
  const call = member.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return undefined;
  return call.arguments[0] && stableReferenceText(call.arguments[0]) === key ? call : undefined;
}

/** A method of the holder called as `this.name()` from another of its methods (not only from callbacks). */
function calledByName(context: AnalysisContext, fn: FunctionNode, holder: Holder | undefined): boolean {
  const name = shortName(fn);
  if (!holder || name === undefined || holder.method(name) !== fn) return false;
  let called = false;
  const root = context.sourceCode.ast;
  walk(root, (node) => {
    if (called) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && memberName(node.callee) === name) {
      const caller = runningFunction(node);
      called = isThisLike(context, skipTypeWrappers(node.callee.object)) && caller !== undefined && caller !== fn && holder.owns(caller);
    }
    return !called;
  });
  return called;
}

/** `removeSocket` for a method, `Foo.prototype.removeSocket` or a function declaration of that name. */
function shortName(fn: FunctionNode): string | undefined {
  return functionName(fn)?.replace(/^#/, '').replace(/^.*\./, '');
}

/**
 * A member of an entry of a collection the file holds, a start's handle is stored in: the entry is
 * a callback's or loop's binding of the collection's values, the collection a member of `this` or
 * an outer variable. Its owner is that collection: whatever ends the entries' member ends it.
 * `undefined` when the collection's entries leave the file (returned, exported, handed to a
 * function the file does not show): their new owner is trusted.
 *
 * ```js
 * let items = new Map();
 * function watchAll() { items.forEach((item) => { item.watcher = fs.watch(item.path, f); }); } // → item.watcher of items
 * ```
 */
export interface EntryMemberSlot {
  kind: 'entryMember';
  /** `watcher` */
  name: string;
  /** `item.watcher` */
  text: string;
  node: TSESTree.MemberExpression;
  /** `items`, `this.sockets`: the collection whose entries hold it. */
  collection: OuterSlot;
}

export function entryMemberSlot(context: AnalysisContext, target: TSESTree.Node, startFn: FunctionNode | undefined): EntryMemberSlot | undefined {
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.computed || target.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = staticMemberName(target);
  const entry = ASTUtils.findVariable(context.sourceCode.getScope(target.object), target.object);
  if (name === undefined || !entry || entry.defs.length !== 1 || isReassigned(entry)) return undefined;
  const iterated = iteratedCollection(entry.defs[0]);
  const collection = iterated && outerSlot(context, skipTypeWrappers(iterated), startFn);
  if (!collection) return undefined;
  return { kind: 'entryMember', name, text: `${target.object.name}.${name}`, node: target, collection };
}

/** The collection a variable binds the entries of: `items.forEach((item) => …)`, `for (const item of items.values())`. */
function iteratedCollection(definition: TSESLint.Scope.Definition | undefined): TSESTree.Node | undefined {
  if (definition?.type === 'Parameter') {
    const callback = definition.node;
    const call = callback.parent;
    if (!isFunctionNode(callback) || callback.params[0] !== definition.name || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== callback) return undefined;
    const callee = skipTypeWrappers(call.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : undefined;
    // `reduce((acc, item) => …)`: the first parameter is the accumulator, not an entry.
    const binds = method !== undefined && arrayIterationMethods.has(method) && !protocols.collectionFolds.includes(method);
    return callee.type === AST_NODE_TYPES.MemberExpression && binds ? callee.object : undefined;
  }
  if (definition?.type !== 'Variable' || definition.node.id !== definition.name) return undefined;
  const loop = definition.parent?.parent;
  if (loop?.type !== AST_NODE_TYPES.ForOfStatement || loop.left !== definition.parent) return undefined;
  const right = skipTypeWrappers(loop.right);
  // `for (const item of items.values())`
  if (right.type === AST_NODE_TYPES.CallExpression && right.arguments.length === 0 && right.callee.type === AST_NODE_TYPES.MemberExpression && staticMemberName(right.callee) === 'values') {
    return right.callee.object;
  }
  return right;
}

/**
 * Whether a use of a collection hands its entries out of the file: returned, exported, passed to
 * a function this file does not declare. Handing it to another variable of the file or to one of
 * its own functions keeps it in view.
 */
export function entriesLeaveFile(context: AnalysisContext, use: TSESTree.Node, ends: HandleEnd): boolean {
  if (entriesUse(context, use, ends) !== 'handedOver') return false;
  const node = outermostWrapper(use);
  const parent = node.parent;
  // `prevItems = items`: another slot of the same file.
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node && skipTypeWrappers(parent.left).type === AST_NODE_TYPES.Identifier) {
    const left = skipTypeWrappers(parent.left) as TSESTree.Identifier;
    return (ASTUtils.findVariable(context.sourceCode.getScope(left), left)?.defs.length ?? 0) === 0;
  }
  // `function getItem(k) { return items.get(k); }` called only in this file: its callers are in view.
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && parent.parent.type === AST_NODE_TYPES.CallExpression) {
    const fn = enclosingFunction(use);
    const uses = fn && usesOf(context, fn);
    return !uses || uses.exported || uses.calls.length === 0;
  }
  // `stopAll(items)` with `function stopAll(list) {…}` in this file.
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== node) {
    const callee = skipTypeWrappers(parent.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return true;
    const definition = ASTUtils.findVariable(context.sourceCode.getScope(callee), callee)?.defs[0];
    return definition?.type !== 'FunctionName' && !(definition?.type === 'Variable' && isFunctionNode(definition.node.init ?? undefined));
  }
  return true;
}
