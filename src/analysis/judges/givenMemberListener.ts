import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../estree';
import { handleEnds, oneShotListenerMethods } from '../apis';
import type { FunctionNode } from '../ast';
import { enclosingFunction, isFunctionNode, stableReferenceText, walk } from '../ast';
import type { AnalysisContext } from '../fileCache';
import type { Start } from '../findStart';
import { givenValuesOf } from '../givenMember';
import type { Leak } from '../leak';
import { makeLeak, ownerReasons } from '../leak';
import type { IndexedMethodCall } from '../methodCallIndex';
import { findMethodCalls, methodCallsByReceiver } from '../methodCallIndex';
import { objectApiOf } from '../objectApi';
import { runningFunction } from '../restartEvidence';
import type { Holder } from '../teardown';
import { holderOf, mayEndElsewhere, pairedTeardownOf, reachedIn, reachFrom, teardownOf, thisFunction } from '../teardown';
import { listenerLabel } from './labels';
import { removesListener } from './listener';

/**
 * A listener a class method adds to a member that may hold an object the class was given
 * (`this.redis = this.options.redis` on one path, a client of its own on another), when the
 * class has a teardown that neither removes it nor closes the member on every path: each
 * instance ended leaves its listener, and itself, on the caller's object.
 *
 * ```ts
 * connect() { this.redis = this.options.redis ?? new Redis(); this.redis.on('error', this.onError); } // ← leak
 * end() { if (!this.options.redis) void this.redis.quit(); } // closes only its own client, removes nothing
 * ```
 */
export function judgeGivenMemberListener(context: AnalysisContext, start: Start, fn: FunctionNode): Leak | undefined {
  const { object, listener } = start;
  if (!object || !listener || oneShotListenerMethods.has(object.method) || object.kind.startsWith('custom:')) return undefined;
  const call = start.node as TSESTree.CallExpression;
  const options = call.arguments[2];
  if (options && !(options.type === AST_NODE_TYPES.Literal && typeof options.value === 'boolean')) return undefined;
  const api = objectApiOf(context, object.kind);
  // The method whose `this` it is: `connect() { handlers.forEach((h) => this.redis.on('x', h)); }` → connect.
  const method = thisFunction(start.node) ?? fn;
  const holder = holderOf(context, method);
  const targetText = stableReferenceText(object.target);
  if (!api || !holder?.body || targetText === undefined) return undefined;
  const given = givenValuesOf(context, object.target);
  if (given.length === 0) return undefined;
  const index = methodCallsByReceiver(context);
  if (findMethodCalls(index, targetText, api.removeListener, holder.body).some(({ call: removal }) => removesListener(context, removal, context, start))) return undefined;
  const closes = findMethodCalls(index, targetText, [...api.close, ...handleEnds.connection.methods], holder.body);
  // Its teardown by name, or else the method that closes the member (`end() { … this.redis.quit(); }`).
  const teardownFn = (teardownOf(holder) ?? pairedTeardownOf(context, holder, method))?.fn ?? closingMethod(context, holder, method, closes);
  if (!teardownFn || teardownFn === method) return undefined;
  const reach = reachFrom(context, holder, [teardownFn]);
  if (mayEndElsewhere(reach) || reach.functions.has(method)) return undefined;
  const givenTexts = [...given.map((value) => context.sourceCode.getText(value)), ...provenanceFlags(context, given)];
  // A close the teardown runs whatever the member holds ends the listener with it.
  if (closes.some(({ call: end }) => reachedIn(end, reach.functions) && !guardedBy(context, end, givenTexts))) return undefined;
  return makeLeak(context, start, fn, 'listenerNotRemoved', { label: listenerLabel(start.event), target: targetText, outlives: ownerReasons.given }, { end: undefined });
}

/** A function of the holder, other than `fn` and those it runs, that closes the member. */
function closingMethod(context: AnalysisContext, holder: Holder, fn: FunctionNode, closes: readonly IndexedMethodCall[]): FunctionNode | undefined {
  const fromFn = reachFrom(context, holder, [fn]).functions;
  for (const { call } of closes) {
    const at = runningFunction(call);
    if (at && at !== fn && holder.owns(at) && !fromFn.has(at)) return at;
  }
  return undefined;
}

/**
 * Members of `this` that say where the member came from: set to one literal beside the statement
 * that stores a given value, and to another elsewhere in the same function (`if (isPool(c)) {
 * this.pool = c; this.ownsPool = false; } else { this.pool = new Pool(o); this.ownsPool = true; }`
 * → `this.ownsPool`).
 */
function provenanceFlags(context: AnalysisContext, given: readonly TSESTree.Node[]): string[] {
  const flags: string[] = [];
  for (const value of given) {
    let statement: TSESTree.Node | undefined = value;
    while (statement && statement.type !== AST_NODE_TYPES.ExpressionStatement && !isFunctionNode(statement)) statement = statement.parent;
    const block = statement?.type === AST_NODE_TYPES.ExpressionStatement ? statement.parent : undefined;
    const fn = block && enclosingFunction(block);
    if (block?.type !== AST_NODE_TYPES.BlockStatement || !fn) continue;
    const literalWrites = new Map<string, { value: unknown; inBlock: boolean }[]>();
    walk(fn.body, (node) => {
      if (node !== fn.body && isFunctionNode(node)) return false;
      const left = node.type === AST_NODE_TYPES.AssignmentExpression && node.right.type === AST_NODE_TYPES.Literal ? node.left : undefined;
      if (left?.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression && node.type === AST_NODE_TYPES.AssignmentExpression) {
        const text = context.sourceCode.getText(left);
        const writes = literalWrites.get(text) ?? [];
        writes.push({ value: (node.right as TSESTree.Literal).value, inBlock: node.parent?.parent === block });
        literalWrites.set(text, writes);
      }
      return true;
    });
    for (const [text, writes] of literalWrites) {
      const here = writes.filter((write) => write.inBlock);
      if (here.length > 0 && writes.some((write) => !write.inBlock && here.every((mine) => mine.value !== write.value))) flags.push(text);
    }
  }
  return flags;
}

/**
 * `if (!this.options.redis) this.redis.quit()`, `if (this.ownsPool) await this.pool.end()`: the end
 * runs only on a path that tests where the member came from.
 */
function guardedBy(context: AnalysisContext, node: TSESTree.Node, texts: readonly string[]): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && !isFunctionNode(current); child = current, current = current.parent) {
    const test =
      current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression
        ? current.test !== child && current.test
        : current.type === AST_NODE_TYPES.LogicalExpression && current.right === child && current.left;
    if (test && texts.some((text) => context.sourceCode.getText(test).includes(text))) return true;
  }
  return false;
}
